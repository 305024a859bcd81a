// hg track: the application pipeline. A list or board (also a recruiter's board for one job),
// one application in full, moves and notes. Interviews and iCalendar are in
// track_interview.cpp, reminders and what is due in track_remind.cpp, letters and bulk import
// in track_letter.cpp and track_import.cpp.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "../checks.hpp"
#include "../commands.hpp"
#include "../output.hpp"
#include "../when.hpp"
#include "model/json.hpp"
#include "store/applications.hpp"
#include "store/jobs.hpp"
#include "store/profiles.hpp"
#include "track/ical.hpp"
#include "track/pipeline.hpp"
#include "util/strings.hpp"

namespace hg::cli {
namespace {

struct TrackArgs {
  // list / board
  std::vector<std::string> statuses;
  std::string company;
  std::string since;
  std::string until;
  std::int64_t job_id = 0;
  std::string profile;
  bool board = false;
  int limit = 0;
  // one application
  std::int64_t id = 0;
  std::string status;
  std::string at;
  std::string tz;
  std::vector<std::string> words;
};

constexpr Column kListColumns[] = {
    {"ID", "id", 6, true},       {"STATUS", "status", 12},    {"TITLE", "title", 40},
    {"COMPANY", "company", 24},  {"PROFILE", "profile", 14},  {"UPDATED", "updated", 10},
};

Result<void> check_statuses(const std::vector<std::string>& statuses) {
  for (const std::string& status : statuses) {
    if (!track::is_status(status)) {
      Error error = fail(Errc::invalid_argument, "--status: \"{}\" is not a status", status);
      error.hint = "statuses: " + fmt::format("{}", fmt::join(track::statuses(), ", "));
      return error;
    }
  }
  return {};
}

nlohmann::ordered_json list_record(const Session& session, const model::Application& app) {
  nlohmann::ordered_json record = app;
  if (session.output() == OutputFormat::table) record["updated"] = app.updated_at.substr(0, 10);
  return record;
}

Result<void> run_list(Session& session, const TrackArgs& args) {
  if (auto ok = check_statuses(args.statuses); !ok) return ok;
  auto db = session.open_store({.create_if_missing = false});
  if (!db) return db.error();
  store::ApplicationFilter filter{.statuses = args.statuses, .company = args.company};
  if (!args.since.empty()) {
    auto since = instant_iso(session, args.tz, args.since, "--since", false);
    if (!since) return since.error();
    filter.since = *since;
  }
  if (!args.until.empty()) {
    auto until = instant_iso(session, args.tz, args.until, "--until", false);
    if (!until) return until.error();
    filter.until = *until;
  }
  if (args.job_id > 0) {
    if (auto job = store::find_job(*db, args.job_id); !job) return job.error();
    filter.job_id = args.job_id;
  }
  if (!args.profile.empty()) {
    auto profile = store::find_profile(*db, args.profile);
    if (!profile) return profile.error();
    filter.profile_id = profile->id;
  }
  filter.limit = static_cast<std::size_t>(std::max(args.limit, 0));
  auto apps = store::list_applications(*db, filter);
  if (!apps) return apps.error();
  const bool board = args.board || args.job_id > 0;
  if (!board || session.output() != OutputFormat::table) {
    std::vector<nlohmann::ordered_json> records;
    for (const model::Application& app : *apps) records.push_back(list_record(session, app));
    return print_records(session, records, kListColumns, model::application_field_names());
  }
  // The board: one section per status, in pipeline order, empty ones left out.
  if (args.job_id > 0 && !apps->empty()) {
    fmt::print("job {}: {} at {}\n", args.job_id, apps->front().job_title, apps->front().company);
  }
  for (std::string_view status : track::statuses()) {
    std::vector<nlohmann::ordered_json> records;
    for (const model::Application& app : *apps) {
      if (app.status == status) records.push_back(list_record(session, app));
    }
    if (records.empty()) continue;
    fmt::print("\n{} ({})\n", util::to_lower(std::string(status)), records.size());
    if (auto printed = print_records(session, records, kListColumns, model::application_field_names());
        !printed) {
      return printed;
    }
  }
  if (apps->empty() && !session.quiet()) fmt::print(stderr, "no applications\n");
  return {};
}

Result<void> run_show(Session& session, const TrackArgs& args) {
  auto db = session.open_store({.create_if_missing = false});
  if (!db) return db.error();
  auto app = store::get_application(*db, args.id);
  if (!app) return app.error();
  auto timeline = store::application_events(*db, app->id);
  if (!timeline) return timeline.error();
  auto interviews = store::list_interviews(*db, app->id, "");
  if (!interviews) return interviews.error();
  auto reminders = store::list_reminders(*db, app->id, "");
  if (!reminders) return reminders.error();
  auto documents = store::list_documents(*db, app->id, false);
  if (!documents) return documents.error();
  if (session.output() != OutputFormat::table) {
    nlohmann::ordered_json record = *app;
    record["next"] = nlohmann::ordered_json::array();
    for (std::string_view next : track::next_statuses(app->status)) record["next"].push_back(next);
    record["timeline"] = *timeline;
    record["interviews"] = *interviews;
    record["reminders"] = *reminders;
    record["documents"] = *documents;
    return print_json(session, record);
  }
  fmt::print("application {} · {}\n", app->id, app->status);
  fmt::print("{:<10} {} · {} at {}{}\n", "job", app->job_id, app->job_title, app->company,
             app->location.empty() ? "" : " · " + app->location);
  fmt::print("{:<10} {}\n", "profile", app->profile_name);
  fmt::print("{:<10} {}\n", "created", app->created_at);
  const auto next = track::next_statuses(app->status);
  fmt::print("{:<10} {}\n", "next", next.empty() ? "(final)" : fmt::format("{}", fmt::join(next, ", ")));
  fmt::print("\ntimeline\n");
  for (const model::ApplicationEvent& step : *timeline) {
    std::string what = step.to_status.empty() ? "note"
                       : step.from_status.empty() ? step.to_status
                                                  : step.from_status + " -> " + step.to_status;
    std::string line = fmt::format("  {}  {:<24} {}", step.at, what, step.note);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    fmt::print("{}\n", line);
  }
  if (!interviews->empty()) fmt::print("\ninterviews\n");
  for (const model::Interview& interview : *interviews) {
    const std::string local = track::utc_to_local(util::parse_iso(interview.at).value_or(util::TimePoint{}),
                                                  interview.time_zone.empty() ? "UTC" : interview.time_zone)
                                  .value_or(interview.at);
    fmt::print("  {} {} ({} min) {}{}{}\n", local.substr(0, 16), interview.time_zone,
               interview.duration_minutes, interview.kind,
               interview.with_whom.empty() ? "" : " with " + interview.with_whom,
               interview.location.empty() ? "" : " · " + interview.location);
  }
  if (!reminders->empty()) fmt::print("\nreminders\n");
  for (const model::Reminder& reminder : *reminders) {
    fmt::print("  #{} {} {}{}\n", reminder.id, reminder.due_at, reminder.text,
               reminder.done_at.empty() ? "" : " (done " + reminder.done_at.substr(0, 10) + ")");
  }
  if (!documents->empty()) fmt::print("\ndocuments\n");
  for (const model::Document& doc : *documents) {
    fmt::print("  {} v{} {} {}{}{}\n", doc.kind, doc.version, doc.format, doc.generator,
               doc.is_final ? " · final" : "",
               doc.flags.size() > 2 ? " · flagged claims" : "");
  }
  return {};
}

Result<void> run_move(Session& session, const TrackArgs& args) {
  auto at = instant_iso(session, args.tz, args.at, "--at", true);
  if (!at) return at.error();
  auto db = session.open_store({.create_if_missing = false});
  if (!db) return db.error();
  const std::string note = fmt::format("{}", fmt::join(args.words, " "));
  auto moved = track::move(*db, args.id, util::to_lower(args.status), *at, note);
  if (!moved) return moved.error();
  if (session.output() != OutputFormat::table) return print_json(session, *moved);
  if (!session.quiet()) {
    fmt::print("application {}: {} · {} at {}\n", moved->id, moved->status, moved->job_title,
               moved->company);
  }
  return {};
}

Result<void> run_note(Session& session, const TrackArgs& args) {
  auto at = instant_iso(session, args.tz, args.at, "--at", true);
  if (!at) return at.error();
  auto db = session.open_store({.create_if_missing = false});
  if (!db) return db.error();
  return track::add_note(*db, args.id, fmt::format("{}", fmt::join(args.words, " ")), *at);
}

void add_list_filters(CLI::App* cmd, TrackArgs& args) {
  cmd->add_option("--status", args.statuses, "Only these statuses (repeat or comma-separate)")
      ->delimiter(',')->type_name("STATUS");
  cmd->add_option("--company", args.company, "Company name contains TEXT")->type_name("TEXT");
  cmd->add_option("--since", args.since, "Updated at or after WHEN")->type_name("WHEN");
  cmd->add_option("--until", args.until, "Updated before WHEN")->type_name("WHEN");
  cmd->add_option("--job", args.job_id, "The recruiter's view: candidates for job ID by stage")
      ->type_name("ID");
  cmd->add_option("--profile", args.profile, "Only this profile's applications")->type_name("NAME");
  cmd->add_flag("--board", args.board, "Group by status, in pipeline order");
  cmd->add_option("-n,--limit", args.limit, "At most N applications")->check(positive_int())
      ->type_name("N");
}

}  // namespace

void add_track_import_command(CLI::App& track, Session& session);
void add_track_letter_command(CLI::App& track, Session& session);
void add_track_interview_commands(CLI::App& track, Session& session);
void add_track_reminder_commands(CLI::App& track, Session& session);

void add_track_command(CLI::App& root, Session& session) {
  auto args = std::make_shared<TrackArgs>();
  CLI::App* cmd = root.add_subcommand(
      "track", "Follow applications: list, board, moves, notes, interviews, reminders");
  cmd->require_subcommand(0, 1);
  add_list_filters(cmd, *args);
  cmd->callback([&session, args, cmd] {
    if (cmd->get_subcommands().empty()) session.finish(run_list(session, *args));
  });

  CLI::App* list = cmd->add_subcommand("list", "List applications, most recently updated first");
  add_list_filters(list, *args);
  list->callback([&session, args] { session.finish(run_list(session, *args)); });

  CLI::App* show = cmd->add_subcommand("show", "One application: job, timeline, interviews, reminders, documents");
  show->add_option("id", args->id, "Application id")->required()->type_name("ID")->check(positive_int());
  show->callback([&session, args] { session.finish(run_show(session, *args)); });

  CLI::App* move = cmd->add_subcommand("move", "Move an application to a new status");
  move->add_option("id", args->id, "Application id")->required()->type_name("ID")->check(positive_int());
  move->add_option("status", args->status, "The new status")->required()->type_name("STATUS");
  move->add_option("note", args->words, "A note for the timeline")->type_name("TEXT...");
  move->add_option("--at", args->at, "When it happened (default now)")->type_name("WHEN");
  move->add_option("--tz", args->tz, "Time zone of --at")->type_name("ZONE");
  move->callback([&session, args] { session.finish(run_move(session, *args)); });

  CLI::App* note = cmd->add_subcommand("note", "Add a note to an application's timeline");
  note->add_option("id", args->id, "Application id")->required()->type_name("ID")->check(positive_int());
  note->add_option("text", args->words, "The note")->required()->type_name("TEXT...");
  note->add_option("--at", args->at, "When (default now)")->type_name("WHEN");
  note->add_option("--tz", args->tz, "Time zone of --at")->type_name("ZONE");
  note->callback([&session, args] { session.finish(run_note(session, *args)); });

  add_track_interview_commands(*cmd, session);
  add_track_reminder_commands(*cmd, session);
  add_track_letter_command(*cmd, session);
  add_track_import_command(*cmd, session);
}

}  // namespace hg::cli
