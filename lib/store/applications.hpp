// The applications repository: applications, their timeline, interviews, reminders and
// documents. Plain reads and writes; the pipeline's rules (which moves are allowed) are
// lib/track's. Callers wrap related writes in one store::Transaction.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/application.hpp"
#include "store/db.hpp"
#include "util/result.hpp"

namespace hg::store {

// The application with `id`, with its profile name, job title and company. Errors:
// not_found, failed.
Result<model::Application> get_application(const Db& db, model::ApplicationId id);

// The application of `profile_id` for `job_id`, if there is one. Errors: failed.
Result<std::optional<model::Application>> find_application(const Db& db, std::int64_t profile_id,
                                                           std::int64_t job_id);

// Inserts `application` (its id is ignored) and returns the new id. Errors: invalid_input when
// the profile or job does not exist or the pair has an application already; busy, failed.
Result<model::ApplicationId> insert_application(const Db& db,
                                                const model::Application& application);

// The job an imported application names: by canonical URL when given, else the newest job
// with this company and title (compared case-insensitively). Errors: failed.
Result<std::optional<std::int64_t>> find_job_for(const Db& db, std::string_view canonical_url,
                                                 std::string_view company,
                                                 std::string_view title);

// Whether a parsed resume with `id` is stored. Errors: failed.
Result<bool> resume_exists(const Db& db, std::int64_t id);

// Sets the status and updated_at. Errors: not_found, failed.
Result<void> set_status(const Db& db, model::ApplicationId id, std::string_view status,
                        std::string_view updated_at);

// Sets updated_at to the later of its value and `at`. Errors: failed.
Result<void> touch_application(const Db& db, model::ApplicationId id, std::string_view at);

struct ApplicationFilter {
  std::vector<std::string> statuses{};  // any of these; empty: all
  std::string company{};                // substring, case-insensitive
  std::string since{};                  // updated_at >= since (ISO UTC); "" no bound
  std::string until{};                  // updated_at < until; "" no bound
  std::optional<std::int64_t> job_id{};
  std::optional<std::int64_t> profile_id{};
  std::size_t limit = 0;  // 0: no limit
};

// Matching applications, most recently updated first. Errors: failed.
Result<std::vector<model::Application>> list_applications(const Db& db,
                                                          const ApplicationFilter& filter);

// Applications in one of `statuses` whose newest timeline step is before `before`, oldest
// first, with that step's time in updated_at. Errors: failed.
Result<std::vector<model::Application>> quiet_applications(const Db& db,
                                                           const std::vector<std::string>& statuses,
                                                           std::string_view before);

Result<std::int64_t> add_application_event(const Db& db, const model::ApplicationEvent& event);
// The timeline, oldest first. Errors: failed.
Result<std::vector<model::ApplicationEvent>> application_events(const Db& db,
                                                                model::ApplicationId id);

// Errors: invalid_input when the uid exists; failed.
Result<std::int64_t> add_interview(const Db& db, const model::Interview& interview);
// One application's interviews (when `id` is set) or every interview at or after `from`
// (ISO UTC; "" for all), by time. Errors: failed.
Result<std::vector<model::Interview>> list_interviews(const Db& db,
                                                      std::optional<model::ApplicationId> id,
                                                      std::string_view from);

Result<std::int64_t> add_reminder(const Db& db, const model::Reminder& reminder);
// One application's reminders (when `id` is set), else the open ones due before `until`
// ("" for all open ones), by due time. Errors: failed.
Result<std::vector<model::Reminder>> list_reminders(const Db& db,
                                                    std::optional<model::ApplicationId> id,
                                                    std::string_view until);
// Marks an open reminder done. Errors: not_found (no such open reminder), failed.
Result<model::Reminder> finish_reminder(const Db& db, std::int64_t id, std::string_view at);

// Stores `document` as the next version of its application and kind; returns it with its id
// and version. Errors: failed.
Result<model::Document> add_document(const Db& db, model::Document document);
// One application's documents, by kind then version; with `with_content` false the content
// is left empty. Errors: failed.
Result<std::vector<model::Document>> list_documents(const Db& db, model::ApplicationId id,
                                                    bool with_content);
// Marks one version final and every other version of its kind not final. Errors: not_found.
Result<void> finalize_document(const Db& db, std::int64_t document_id);

}  // namespace hg::store
