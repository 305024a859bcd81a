// hg track: the application pipeline. A list or board (also a recruiter's board for one job),
// one application in full, moves, notes, interviews, reminders, what is due, iCalendar.
#include <map>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "../checks.hpp"
#include "../commands.hpp"
#include "../files.hpp"
#include "../letters.hpp"
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
  // interview
  std::string kind;
  std::string with;
  std::string location;
  std::string notes;
  int duration = 60;
  // remind
  std::string in;
  std::string on;
  // due
  std::string within = "1d";
  // ics
  std::string output;
  bool all = false;
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

Result<std::string> instant(const Session& session, const TrackArgs& args, const std::string& text,
                            std::string_view option, bool past_only) {
  if (text.empty()) return session.now_iso();
  auto zone = time_zone(session, args.tz);
  if (!zone) return zone.error();
  auto when = parse_when(text, *zone, session.clock(), option);
  if (!when) return when.error();
  if (past_only && *when > session.clock().now()) {
    return fail(Errc::invalid_argument, "{}: {} is in the future", option, util::format_iso(*when));
  }
  return util::format_iso(*when);
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
    auto since = instant(session, args, args.since, "--since", false);
    if (!since) return since.error();
    filter.since = *since;
  }
  if (!args.until.empty()) {
    auto until = instant(session, args, args.until, "--until", false);
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
  auto at = instant(session, args, args.at, "--at", true);
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
  auto at = instant(session, args, args.at, "--at", true);
  if (!at) return at.error();
  auto db = session.open_store({.create_if_missing = false});
  if (!db) return db.error();
  return track::add_note(*db, args.id, fmt::format("{}", fmt::join(args.words, " ")), *at);
}

Result<void> run_interview(Session& session, const TrackArgs& args) {
  auto zone = time_zone(session, args.tz);
  if (!zone) return zone.error();
  auto when = parse_when(args.at, *zone, session.clock(), "--at");
  if (!when) return when.error();
  if (args.duration <= 0 || args.duration > 24 * 60) {
    return fail(Errc::invalid_argument, "--duration: expected 1 to 1440 minutes");
  }
  auto db = session.open_store({.create_if_missing = false});
  if (!db) return db.error();
  auto interview = track::schedule_interview(
      *db, {.application_id = args.id, .at = util::format_iso(*when), .time_zone = *zone,
            .duration_minutes = args.duration, .kind = args.kind, .with_whom = args.with,
            .location = args.location, .notes = args.notes},
      session.now_iso());
  if (!interview) return interview.error();
  if (session.output() != OutputFormat::table) return print_json(session, *interview);
  if (!session.quiet()) {
    fmt::print("interview {} for application {}: {} {} ({})\n", interview->id, args.id,
               track::utc_to_local(*when, *zone).value_or(interview->at).substr(0, 16), *zone,
               interview->at);
  }
  return {};
}

Result<void> run_ics(Session& session, const TrackArgs& args) {
  auto db = session.open_store({.create_if_missing = false});
  if (!db) return db.error();
  auto interviews = store::list_interviews(*db, std::nullopt, args.all ? "" : session.now_iso());
  if (!interviews) return interviews.error();
  std::vector<track::CalendarEvent> events;
  for (const model::Interview& interview : *interviews) {
    auto app = store::get_application(*db, interview.application_id);
    if (!app) return app.error();
    const std::string zone = interview.time_zone.empty() ? "UTC" : interview.time_zone;
    auto instant_at = util::parse_iso(interview.at);
    if (!instant_at) continue;
    std::string description = fmt::format("{} at {} (hg application {})", app->job_title,
                                          app->company, app->id);
    if (!interview.with_whom.empty()) description += "\nWith: " + interview.with_whom;
    if (!interview.notes.empty()) description += "\n" + interview.notes;
    events.push_back({.uid = interview.uid,
                      .local_start = track::utc_to_local(*instant_at, zone).value_or(interview.at),
                      .time_zone = zone,
                      .duration_minutes = interview.duration_minutes,
                      .summary = fmt::format("Interview{}: {} at {}",
                                             interview.kind.empty() ? "" : " (" + interview.kind + ")",
                                             app->job_title, app->company),
                      .description = description,
                      .location = interview.location,
                      .updated = session.now_iso()});
  }
  const std::string calendar = track::to_icalendar(events, "-//hg//hg track ics//EN");
  if (auto written = write_file(args.output.empty() ? "-" : args.output, calendar); !written) {
    return written;
  }
  if (!args.output.empty() && !session.quiet()) {
    fmt::print(stderr, "{} interview{} written to {}\n", events.size(), events.size() == 1 ? "" : "s",
               args.output);
  }
  return {};
}

Result<void> run_remind(Session& session, const TrackArgs& args) {
  if (args.in.empty() == args.on.empty()) {
    return fail(Errc::invalid_argument, "remind: give one of --in SPAN or --on WHEN");
  }
  std::string due;
  if (!args.in.empty()) {
    auto span = parse_span(args.in, "--in");
    if (!span) return span.error();
    due = util::format_iso(session.clock().now() + *span);
  } else {
    auto on = instant(session, args, args.on, "--on", false);
    if (!on) return on.error();
    due = *on;
  }
  auto db = session.open_store({.create_if_missing = false});
  if (!db) return db.error();
  auto app = store::get_application(*db, args.id);
  if (!app) return app.error();
  std::string text = fmt::format("{}", fmt::join(args.words, " "));
  if (text.empty()) text = fmt::format("follow up: {} at {}", app->job_title, app->company);
  auto reminder = track::remind(*db, {.application_id = args.id, .due_at = due, .text = text},
                                session.now_iso());
  if (!reminder) return reminder.error();
  if (session.output() != OutputFormat::table) return print_json(session, *reminder);
  if (!session.quiet()) fmt::print("reminder {} due {}: {}\n", reminder->id, reminder->due_at, text);
  return {};
}

Result<void> run_done(Session& session, const TrackArgs& args) {
  auto db = session.open_store({.create_if_missing = false});
  if (!db) return db.error();
  auto reminder = track::finish_reminder(*db, args.id, session.now_iso());
  if (!reminder) return reminder.error();
  if (session.output() != OutputFormat::table) return print_json(session, *reminder);
  return {};
}

Result<track::Housekeeping> housekeeping(const Session& session) {
  auto config = session.config();
  if (!config) return config.error();
  track::Housekeeping rules;
  for (auto [key, field] : {std::pair{"track.ghost_days", &rules.ghost_after_days},
                            std::pair{"track.follow_up_days", &rules.follow_up_after_days}}) {
    auto days = util::parse_int((*config)->get(key).value_or(""));
    if (!days || *days < 1 || *days > 3650) {
      return fail(Errc::invalid_argument, "config {}: expected 1 to 3650 days", key);
    }
    *field = static_cast<int>(*days);
  }
  return rules;
}

Result<void> run_due(Session& session, const TrackArgs& args) {
  auto rules = housekeeping(session);
  if (!rules) return rules.error();
  auto within = parse_span(args.within, "--within");
  if (!within) return within.error();
  auto db = session.open_store({.create_if_missing = false});
  if (!db) return db.error();
  const util::TimePoint now = session.clock().now();
  auto ghosted = track::mark_ghosted(*db, *rules, now);
  if (!ghosted) return ghosted.error();
  auto items = track::due(*db, *rules, now, now + *within);
  if (!items) return items.error();
  std::vector<nlohmann::ordered_json> records;
  for (const model::Application& app : *ghosted) {
    records.push_back({{"kind", "ghosted"}, {"due_at", util::format_iso(now)},
                       {"application_id", app.id}, {"title", app.job_title},
                       {"company", app.company},
                       {"text", fmt::format("no answer for {} days: marked ghosted",
                                            rules->ghost_after_days)},
                       {"reminder_id", nullptr}});
  }
  for (const track::DueItem& item : *items) {
    records.push_back({{"kind", item.kind}, {"due_at", item.due_at},
                       {"application_id", item.application.id},
                       {"title", item.application.job_title},
                       {"company", item.application.company}, {"text", item.text},
                       {"reminder_id", item.reminder_id == 0 ? nlohmann::ordered_json(nullptr)
                                                             : nlohmann::ordered_json(item.reminder_id)}});
  }
  // Cron mails whatever a job prints: nothing due, nothing printed.
  if (records.empty() && session.output() == OutputFormat::table) return {};
  static constexpr Column kDueColumns[] = {
      {"DUE", "due_at", 20},     {"WHAT", "kind", 10},      {"APP", "application_id", 5, true},
      {"TITLE", "title", 32},    {"COMPANY", "company", 20}, {"NOTE", "text", 48}};
  return print_records(session, records, kDueColumns,
                       {"kind", "due_at", "application_id", "title", "company", "text",
                        "reminder_id"});
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

  CLI::App* interview = cmd->add_subcommand("interview", "Schedule an interview");
  interview->add_option("id", args->id, "Application id")->required()->type_name("ID")->check(positive_int());
  interview->add_option("--at", args->at, "Start, wall-clock time in --tz: 2026-12-01T14:00")
      ->required()->type_name("WHEN");
  interview->add_option("--tz", args->tz, "Time zone (default: config track.time_zone, TZ)")
      ->type_name("ZONE");
  interview->add_option("--duration", args->duration, "Minutes (default 60)")->type_name("MIN");
  interview->add_option("--kind", args->kind, "phone, video, onsite, technical ...")->type_name("KIND");
  interview->add_option("--with", args->with, "Who you meet")->type_name("NAME");
  interview->add_option("--location", args->location, "Where, or the meeting link")->type_name("TEXT");
  interview->add_option("--notes", args->notes, "Anything to remember")->type_name("TEXT");
  interview->callback([&session, args] { session.finish(run_interview(session, *args)); });

  CLI::App* ics = cmd->add_subcommand("ics", "Upcoming interviews as an iCalendar file");
  ics->add_option("-o,--output", args->output, "Write to FILE (default stdout)")->type_name("FILE");
  ics->add_flag("--all", args->all, "Past interviews too");
  ics->callback([&session, args] { session.finish(run_ics(session, *args)); });

  CLI::App* remind = cmd->add_subcommand("remind", "Set a reminder for an application");
  remind->add_option("id", args->id, "Application id")->required()->type_name("ID")->check(positive_int());
  remind->add_option("text", args->words, "What to do (default: follow up)")->type_name("TEXT...");
  remind->add_option("--in", args->in, "Due after a span: 3d, 1w, 36h")->type_name("SPAN");
  remind->add_option("--on", args->on, "Due at a date or time")->type_name("WHEN");
  remind->add_option("--tz", args->tz, "Time zone of --on")->type_name("ZONE");
  remind->callback([&session, args] { session.finish(run_remind(session, *args)); });

  CLI::App* done = cmd->add_subcommand("done", "Mark a reminder done");
  done->add_option("reminder", args->id, "Reminder id (hg track due)")->required()->type_name("ID")->check(positive_int());
  done->callback([&session, args] { session.finish(run_done(session, *args)); });

  CLI::App* due = cmd->add_subcommand(
      "due", "What needs doing: reminders, follow-ups, interviews; marks ghosted ones (for cron)");
  due->add_option("--within", args->within, "Look this far ahead (default 1d)")->type_name("SPAN");
  due->callback([&session, args] { session.finish(run_due(session, *args)); });

  add_track_letter_command(*cmd, session);
  add_track_import_command(*cmd, session);
}

}  // namespace hg::cli
