#include "track/pipeline.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "store/applications.hpp"
#include "store/events.hpp"
#include "store/jobs.hpp"
#include "store/profiles.hpp"
#include "store/statement.hpp"
#include "util/strings.hpp"

namespace hg::track {
namespace {

constexpr std::array<std::string_view, 10> kStatuses = {
    "saved", "applied", "screening", "interviewing", "offer",
    "accepted", "ghosted", "rejected", "withdrawn", "declined"};

struct Move {
  std::string_view from;
  std::string_view to;
};

// The allowed moves. Steps may be skipped forward (an offer straight after applying happens);
// ghosted is left as soon as the employer answers; terminal states have no way out.
constexpr auto kMoves = std::to_array<Move>({
    {"saved", "applied"}, {"saved", "withdrawn"},
    {"applied", "screening"}, {"applied", "interviewing"}, {"applied", "offer"},
    {"applied", "rejected"}, {"applied", "withdrawn"}, {"applied", "ghosted"},
    {"screening", "interviewing"}, {"screening", "offer"}, {"screening", "rejected"},
    {"screening", "withdrawn"}, {"screening", "ghosted"},
    {"interviewing", "offer"}, {"interviewing", "rejected"}, {"interviewing", "withdrawn"},
    {"interviewing", "ghosted"},
    {"offer", "accepted"}, {"offer", "declined"}, {"offer", "rejected"},
    {"ghosted", "screening"}, {"ghosted", "interviewing"}, {"ghosted", "offer"},
    {"ghosted", "rejected"}, {"ghosted", "withdrawn"},
});

// Statuses that wait for the employer: silence there is what ghosting means.
constexpr std::array<std::string_view, 3> kAwaiting = {"applied", "screening", "interviewing"};

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      out += fmt::format("\\u{:04x}", u);
    } else {
      out += c;
    }
  }
  return out + '"';
}

Result<void> log_event(const store::Db& db, std::string_view kind, model::ApplicationId id,
                       std::string_view at, std::string data) {
  auto logged = store::record_event(db, {.id = 0,
                                         .at = std::string(at),
                                         .kind = std::string(kind),
                                         .subject_type = "application",
                                         .subject_id = id,
                                         .data = std::move(data)});
  if (!logged) return logged.error();
  return {};
}

// The time of the application's newest timeline step.
Result<std::string> last_step_at(const store::Db& db, model::ApplicationId id) {
  auto events = store::application_events(db, id);
  if (!events) return events.error();
  std::string last;
  for (const auto& event : *events) last = std::max(last, event.at);
  return last;
}

std::string join(const std::vector<std::string_view>& items) {
  std::string out;
  for (std::string_view item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

}  // namespace

std::span<const std::string_view> statuses() { return kStatuses; }

bool is_status(std::string_view status) {
  return std::find(kStatuses.begin(), kStatuses.end(), status) != kStatuses.end();
}

bool is_terminal(std::string_view status) {
  return is_status(status) && next_statuses(status).empty();
}

std::vector<std::string_view> next_statuses(std::string_view from) {
  std::vector<std::string_view> out;
  for (const Move& move : kMoves) {
    if (move.from == from) out.push_back(move.to);
  }
  return out;
}

bool can_move(std::string_view from, std::string_view to) {
  return std::any_of(kMoves.begin(), kMoves.end(),
                     [&](const Move& m) { return m.from == from && m.to == to; });
}

Result<Applied> apply(const store::Db& db, const NewApplication& request) {
  if (request.status != "saved" && request.status != "applied") {
    return fail(Errc::invalid_argument, "--status: must be saved or applied, not '{}'",
                request.status);
  }
  auto tx = store::Transaction::begin(db);
  if (!tx) return tx.error();
  auto existing = store::find_application(db, request.profile_id, request.job_id);
  if (!existing) return existing.error();
  if (*existing) return Applied{.application = **existing, .created = false};
  if (auto job = store::find_job(db, request.job_id); !job) return job.error();
  model::Application row{.profile_id = request.profile_id,
                         .job_id = request.job_id,
                         .status = request.status,
                         .resume_id = request.resume_id,
                         .match_score = request.match_score,
                         .match_explanation = request.match_explanation,
                         .created_at = request.at,
                         .updated_at = request.at};
  auto id = store::insert_application(db, row);
  if (!id) return id.error();
  auto step = store::add_application_event(
      db, {.application_id = *id, .at = request.at, .to_status = request.status,
           .note = request.note});
  if (!step) return step.error();
  if (auto logged = log_event(db, "application.created", *id, request.at,
                              fmt::format("{{\"status\":{},\"job_id\":{},\"profile_id\":{}}}",
                                          json_string(request.status), request.job_id,
                                          request.profile_id));
      !logged) {
    return logged.error();
  }
  auto created = store::get_application(db, *id);
  if (!created) return created.error();
  if (auto done = tx->commit(); !done) return done.error();
  return Applied{.application = std::move(*created), .created = true};
}

Result<model::Application> move(const store::Db& db, model::ApplicationId id, std::string_view to,
                                std::string_view at, std::string_view note) {
  if (!is_status(to)) {
    Error error = fail(Errc::invalid_argument, "'{}': not a status", to);
    std::vector<std::string_view> all(kStatuses.begin(), kStatuses.end());
    error.hint = "statuses: " + join(all);
    return error;
  }
  auto tx = store::Transaction::begin(db);
  if (!tx) return tx.error();
  auto app = store::get_application(db, id);
  if (!app) return app.error();
  if (!can_move(app->status, to)) {
    const auto allowed = next_statuses(app->status);
    Error error = fail(Errc::invalid_input, "application {}: cannot move from {} to {}", id,
                       app->status, to);
    error.hint = allowed.empty() ? app->status + " is final; nothing was changed"
                                 : "from " + app->status + " it may move to: " + join(allowed);
    return error;
  }
  auto last = last_step_at(db, id);
  if (!last) return last.error();
  if (std::string_view(at) < std::string_view(*last)) {
    Error error = fail(Errc::invalid_input, "application {}: --at {} is before its last step ({})",
                       id, at, *last);
    error.hint = "the timeline only moves forward; nothing was changed";
    return error;
  }
  if (auto set = store::set_status(db, id, to, at); !set) return set.error();
  auto step = store::add_application_event(db, {.application_id = id, .at = std::string(at),
                                                .from_status = app->status,
                                                .to_status = std::string(to),
                                                .note = std::string(note)});
  if (!step) return step.error();
  if (auto logged = log_event(db, "application.moved", id, at,
                              fmt::format("{{\"from\":{},\"to\":{}}}", json_string(app->status),
                                          json_string(to)));
      !logged) {
    return logged.error();
  }
  auto moved = store::get_application(db, id);
  if (!moved) return moved.error();
  if (auto done = tx->commit(); !done) return done.error();
  return moved;
}

Result<void> add_note(const store::Db& db, model::ApplicationId id, std::string_view text,
                      std::string_view at) {
  if (util::trim(text).empty()) return fail(Errc::invalid_argument, "note: empty text");
  auto tx = store::Transaction::begin(db);
  if (!tx) return tx.error();
  if (auto app = store::get_application(db, id); !app) return app.error();
  auto step = store::add_application_event(
      db, {.application_id = id, .at = std::string(at), .note = std::string(util::trim(text))});
  if (!step) return step.error();
  if (auto touched = store::touch_application(db, id, at); !touched) return touched.error();
  if (auto logged = log_event(db, "application.noted", id, at, "{}"); !logged) {
    return logged.error();
  }
  return tx->commit();
}

Result<model::Interview> schedule_interview(const store::Db& db, model::Interview interview,
                                            std::string_view now) {
  auto tx = store::Transaction::begin(db);
  if (!tx) return tx.error();
  auto app = store::get_application(db, interview.application_id);
  if (!app) return app.error();
  if (interview.uid.empty()) {
    // Stable and unique per store: the application, the time and the order of creation.
    auto existing = store::list_interviews(db, interview.application_id, "");
    if (!existing) return existing.error();
    interview.uid = fmt::format("hg-{}-{}-{}@hg", interview.application_id,
                                util::hex64(util::fnv1a64(interview.at + interview.kind + interview.with_whom)).substr(0, 8),
                                existing->size() + 1);
  }
  auto id = store::add_interview(db, interview);
  if (!id) return id.error();
  interview.id = *id;
  std::string note = "interview";
  if (!interview.kind.empty()) note += " (" + interview.kind + ")";
  note += " scheduled for " + interview.at;
  if (!interview.with_whom.empty()) note += " with " + interview.with_whom;
  auto step = store::add_application_event(
      db, {.application_id = interview.application_id, .at = std::string(now), .note = note});
  if (!step) return step.error();
  if (auto touched = store::touch_application(db, interview.application_id, now); !touched) {
    return touched.error();
  }
  if (auto logged = log_event(db, "interview.scheduled", interview.application_id, now,
                              fmt::format("{{\"interview_id\":{},\"at\":{}}}", *id,
                                          json_string(interview.at)));
      !logged) {
    return logged.error();
  }
  if (auto done = tx->commit(); !done) return done.error();
  return interview;
}

Result<model::Reminder> remind(const store::Db& db, model::Reminder reminder,
                               std::string_view now) {
  auto tx = store::Transaction::begin(db);
  if (!tx) return tx.error();
  if (auto app = store::get_application(db, reminder.application_id); !app) return app.error();
  auto id = store::add_reminder(db, reminder);
  if (!id) return id.error();
  reminder.id = *id;
  if (auto logged = log_event(db, "reminder.set", reminder.application_id, now,
                              fmt::format("{{\"reminder_id\":{},\"due_at\":{}}}", *id,
                                          json_string(reminder.due_at)));
      !logged) {
    return logged.error();
  }
  if (auto done = tx->commit(); !done) return done.error();
  return reminder;
}

Result<model::Reminder> finish_reminder(const store::Db& db, std::int64_t id,
                                        std::string_view now) {
  auto tx = store::Transaction::begin(db);
  if (!tx) return tx.error();
  auto reminder = store::finish_reminder(db, id, now);
  if (!reminder) return reminder.error();
  if (auto logged = log_event(db, "reminder.done", reminder->application_id, now,
                              fmt::format("{{\"reminder_id\":{}}}", id));
      !logged) {
    return logged.error();
  }
  if (auto done = tx->commit(); !done) return done.error();
  return reminder;
}

Result<model::Document> add_document(const store::Db& db, model::Document document) {
  auto tx = store::Transaction::begin(db);
  if (!tx) return tx.error();
  if (auto app = store::get_application(db, document.application_id); !app) return app.error();
  auto stored = store::add_document(db, std::move(document));
  if (!stored) return stored.error();
  if (auto logged = log_event(db, "document.created", stored->application_id, stored->created_at,
                              fmt::format("{{\"document_id\":{},\"kind\":{},\"version\":{}}}",
                                          stored->id, json_string(stored->kind),
                                          stored->version));
      !logged) {
    return logged.error();
  }
  if (auto done = tx->commit(); !done) return done.error();
  return stored;
}

Result<void> finalize_document(const store::Db& db, model::ApplicationId id, int version,
                               std::string_view kind, std::string_view now) {
  auto tx = store::Transaction::begin(db);
  if (!tx) return tx.error();
  auto documents = store::list_documents(db, id, false);
  if (!documents) return documents.error();
  const auto it = std::find_if(documents->begin(), documents->end(), [&](const auto& d) {
    return d.kind == kind && d.version == version;
  });
  if (it == documents->end()) {
    return fail(Errc::not_found, "application {}: no {} version {}", id, kind, version);
  }
  if (auto done = store::finalize_document(db, it->id); !done) return done.error();
  if (auto logged = log_event(db, "document.finalized", id, now,
                              fmt::format("{{\"document_id\":{},\"version\":{}}}", it->id,
                                          version));
      !logged) {
    return logged.error();
  }
  return tx->commit();
}

Result<std::vector<model::Application>> mark_ghosted(const store::Db& db,
                                                     const Housekeeping& rules,
                                                     util::TimePoint now) {
  const std::string at = util::format_iso(now);
  const std::string before = util::format_iso(now - std::chrono::days(rules.ghost_after_days));
  auto tx = store::Transaction::begin(db);
  if (!tx) return tx.error();
  auto quiet = store::quiet_applications(
      db, std::vector<std::string>(kAwaiting.begin(), kAwaiting.end()), before);
  if (!quiet) return quiet.error();
  std::vector<model::Application> ghosted;
  for (model::Application& app : *quiet) {
    const std::string note =
        fmt::format("no answer for {} days (since {})", rules.ghost_after_days,
                    app.updated_at.substr(0, 10));
    if (auto set = store::set_status(db, app.id, "ghosted", at); !set) return set.error();
    auto step = store::add_application_event(
        db, {.application_id = app.id, .at = at, .from_status = app.status,
             .to_status = "ghosted", .note = note});
    if (!step) return step.error();
    if (auto logged = log_event(db, "application.moved", app.id, at,
                                fmt::format("{{\"from\":{},\"to\":\"ghosted\",\"by\":"
                                            "\"housekeeping\"}}",
                                            json_string(app.status)));
        !logged) {
      return logged.error();
    }
    app.status = "ghosted";
    ghosted.push_back(std::move(app));
  }
  if (auto done = tx->commit(); !done) return done.error();
  return ghosted;
}

Result<std::vector<DueItem>> due(const store::Db& db, const Housekeeping& rules,
                                 util::TimePoint now, util::TimePoint until) {
  std::vector<DueItem> items;
  const std::string until_text = util::format_iso(until);
  auto reminders = store::list_reminders(db, std::nullopt, until_text);
  if (!reminders) return reminders.error();
  for (const model::Reminder& reminder : *reminders) {
    auto app = store::get_application(db, reminder.application_id);
    if (!app) return app.error();
    items.push_back({.kind = "reminder", .due_at = reminder.due_at, .text = reminder.text,
                     .application = std::move(*app), .reminder_id = reminder.id});
  }
  const std::string quiet_since =
      util::format_iso(now - std::chrono::days(rules.follow_up_after_days));
  auto quiet = store::quiet_applications(db, {"applied"}, quiet_since);
  if (!quiet) return quiet.error();
  for (model::Application& app : *quiet) {
    std::string text = fmt::format("follow up: no answer since {}", app.updated_at.substr(0, 10));
    items.push_back({.kind = "follow_up", .due_at = util::format_iso(now), .text = std::move(text),
                     .application = std::move(app)});
  }
  auto interviews = store::list_interviews(db, std::nullopt, util::format_iso(now));
  if (!interviews) return interviews.error();
  for (const model::Interview& interview : *interviews) {
    if (interview.at >= until_text) break;
    auto app = store::get_application(db, interview.application_id);
    if (!app) return app.error();
    std::string text = "interview";
    if (!interview.kind.empty()) text += " (" + interview.kind + ")";
    if (!interview.with_whom.empty()) text += " with " + interview.with_whom;
    items.push_back({.kind = "interview", .due_at = interview.at, .text = std::move(text),
                     .application = std::move(*app)});
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const DueItem& a, const DueItem& b) { return a.due_at < b.due_at; });
  return items;
}

}  // namespace hg::track
