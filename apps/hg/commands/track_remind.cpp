// hg track remind, done and due: reminders on applications, and what needs doing now
// (reminders, follow-ups, interviews), marking applications that went unanswered as ghosted.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "../checks.hpp"
#include "../commands.hpp"
#include "../output.hpp"
#include "../when.hpp"
#include "model/json.hpp"
#include "store/applications.hpp"
#include "track/pipeline.hpp"
#include "util/strings.hpp"

namespace hg::cli {
namespace {

struct ReminderArgs {
  std::int64_t id = 0;
  std::vector<std::string> words;
  std::string in;
  std::string on;
  std::string tz;
  std::string within = "1d";  // due
};

Result<void> run_remind(Session& session, const ReminderArgs& args) {
  if (args.in.empty() == args.on.empty()) {
    return fail(Errc::invalid_argument, "remind: give one of --in SPAN or --on WHEN");
  }
  std::string due;
  if (!args.in.empty()) {
    auto span = parse_span(args.in, "--in");
    if (!span) return span.error();
    due = util::format_iso(session.clock().now() + *span);
  } else {
    auto on = instant_iso(session, args.tz, args.on, "--on", false);
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

Result<void> run_done(Session& session, const ReminderArgs& args) {
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

Result<void> run_due(Session& session, const ReminderArgs& args) {
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

}  // namespace

void add_track_reminder_commands(CLI::App& track, Session& session) {
  auto args = std::make_shared<ReminderArgs>();
  CLI::App* remind = track.add_subcommand("remind", "Set a reminder for an application");
  remind->add_option("id", args->id, "Application id")->required()->type_name("ID")->check(positive_int());
  remind->add_option("text", args->words, "What to do (default: follow up)")->type_name("TEXT...");
  remind->add_option("--in", args->in, "Due after a span: 3d, 1w, 36h")->type_name("SPAN");
  remind->add_option("--on", args->on, "Due at a date or time")->type_name("WHEN");
  remind->add_option("--tz", args->tz, "Time zone of --on")->type_name("ZONE");
  remind->callback([&session, args] { session.finish(run_remind(session, *args)); });

  CLI::App* done = track.add_subcommand("done", "Mark a reminder done");
  done->add_option("reminder", args->id, "Reminder id (hg track due)")->required()->type_name("ID")->check(positive_int());
  done->callback([&session, args] { session.finish(run_done(session, *args)); });

  CLI::App* due = track.add_subcommand(
      "due", "What needs doing: reminders, follow-ups, interviews; marks ghosted ones (for cron)");
  due->add_option("--within", args->within, "Look this far ahead (default 1d)")->type_name("SPAN");
  due->callback([&session, args] { session.finish(run_due(session, *args)); });
}

}  // namespace hg::cli
