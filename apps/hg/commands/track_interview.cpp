// hg track interview and hg track ics: scheduling interviews in their own time zone, and the
// upcoming ones as an iCalendar file.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "../checks.hpp"
#include "../commands.hpp"
#include "../files.hpp"
#include "../output.hpp"
#include "../when.hpp"
#include "model/json.hpp"
#include "store/applications.hpp"
#include "track/ical.hpp"
#include "track/pipeline.hpp"
#include "util/strings.hpp"

namespace hg::cli {
namespace {

struct InterviewArgs {
  std::int64_t id = 0;
  std::string at;
  std::string tz;
  std::string kind;
  std::string with;
  std::string location;
  std::string notes;
  int duration = 60;
  // ics
  std::string output;
  bool all = false;
};

Result<void> run_interview(Session& session, const InterviewArgs& args) {
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

Result<void> run_ics(Session& session, const InterviewArgs& args) {
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

}  // namespace

void add_track_interview_commands(CLI::App& track, Session& session) {
  auto args = std::make_shared<InterviewArgs>();
  CLI::App* interview = track.add_subcommand("interview", "Schedule an interview");
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

  CLI::App* ics = track.add_subcommand("ics", "Upcoming interviews as an iCalendar file");
  ics->add_option("-o,--output", args->output, "Write to FILE (default stdout)")->type_name("FILE");
  ics->add_flag("--all", args->all, "Past interviews too");
  ics->callback([&session, args] { session.finish(run_ics(session, *args)); });
}

}  // namespace hg::cli
