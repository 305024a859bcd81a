// The application pipeline: its states, the moves allowed between them, and the operations
// of hg apply and hg track. Each operation is one transaction that also writes the timeline
// and the events log, so a failed step changes nothing.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/application.hpp"
#include "store/db.hpp"
#include "util/result.hpp"
#include "util/time.hpp"

namespace hg::track {

// Every status in pipeline order: saved applied screening interviewing offer accepted, then
// ghosted and the terminal rejected withdrawn declined.
std::span<const std::string_view> statuses();
bool is_status(std::string_view status);
bool is_terminal(std::string_view status);
// The statuses `from` may move to (empty for a terminal one).
std::vector<std::string_view> next_statuses(std::string_view from);
bool can_move(std::string_view from, std::string_view to);

struct NewApplication {
  std::int64_t profile_id = 0;
  std::int64_t job_id = 0;
  std::string status = "saved";  // saved | applied
  std::string at{};                // ISO UTC: when it was saved or sent
  std::string note{};
  std::optional<std::int64_t> resume_id{};
  std::optional<double> match_score{};
  std::string match_explanation{};  // JSON, or ""
};

struct Applied {
  model::Application application;
  bool created = false;  // false: the profile had applied already; nothing was changed
};

// Creates the application of a profile for a job, with its first timeline step.
// Errors: invalid_argument (status not saved or applied), not_found (profile, job or resume),
// busy, failed.
Result<Applied> apply(const store::Db& db, const NewApplication& request);

// Moves an application to `to` at `at` with an optional note. Errors: invalid_input when the
// move is not allowed (the message lists the allowed ones) or `at` is before the application's
// last step; not_found; busy, failed.
Result<model::Application> move(const store::Db& db, model::ApplicationId id, std::string_view to,
                                std::string_view at, std::string_view note);

// Adds a note to the timeline. Errors: invalid_argument (empty), not_found, busy, failed.
Result<void> add_note(const store::Db& db, model::ApplicationId id, std::string_view text,
                      std::string_view at);

// Schedules an interview (its uid is made here when empty). Errors: not_found, busy, failed.
Result<model::Interview> schedule_interview(const store::Db& db, model::Interview interview,
                                            std::string_view now);

// A reminder for an application. Errors: not_found, busy, failed.
Result<model::Reminder> remind(const store::Db& db, model::Reminder reminder,
                               std::string_view now);
Result<model::Reminder> finish_reminder(const store::Db& db, std::int64_t id,
                                        std::string_view now);

// Stores a document version (and records an event). Errors: not_found, busy, failed.
Result<model::Document> add_document(const store::Db& db, model::Document document);
Result<void> finalize_document(const store::Db& db, model::ApplicationId id, int version,
                               std::string_view kind, std::string_view now);

struct Housekeeping {
  int ghost_after_days = 30;    // applied/screening/interviewing with no step this long
  int follow_up_after_days = 7;  // applied with no step this long: time to follow up
};

// Moves every application that has heard nothing for ghost_after_days to ghosted (a timeline
// step each, in one transaction) and returns them. Errors: busy, failed.
Result<std::vector<model::Application>> mark_ghosted(const store::Db& db,
                                                     const Housekeeping& rules,
                                                     util::TimePoint now);

struct DueItem {
  std::string kind{};  // reminder | follow_up | interview
  std::string due_at{};
  std::string text{};
  model::Application application;
  std::int64_t reminder_id = 0;  // for kind reminder
};

// What needs doing by `until`: open reminders due, follow-ups for quiet applications, and
// interviews from now until `until`; by time. Errors: failed.
Result<std::vector<DueItem>> due(const store::Db& db, const Housekeeping& rules,
                                 util::TimePoint now, util::TimePoint until);

}  // namespace hg::track
