// hg apply JOB: record an application (one per profile and job), with the resume sent and a
// cover letter written from a template or an LLM and checked against the profile.
#include <filesystem>

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
#include "track/pipeline.hpp"
#include "util/strings.hpp"

namespace hg::cli {
namespace {

constexpr std::uintmax_t kMaxResumeFile = 20u << 20;

struct ApplyArgs {
  std::int64_t job_id = 0;
  std::string profile;
  std::string status = "saved";
  std::string at;
  std::string tz;
  std::string note;
  std::string resume;
  std::string cover_letter;
  std::string template_name;
  bool llm = false;
  bool strict = false;
  std::string pdf;
};

struct ResumeChoice {
  std::optional<std::int64_t> id;  // a stored parsed resume
  std::string file_name;           // or a file, kept as a document
  std::string bytes;
};

Result<ResumeChoice> resume_choice(const store::Db& db, const std::string& given) {
  ResumeChoice choice;
  if (given.empty()) return choice;
  std::error_code error;
  if (!std::filesystem::exists(given, error)) {
    if (auto id = util::parse_int(given); id && *id > 0) {
      auto known = store::resume_exists(db, *id);
      if (!known) return known.error();
      if (!*known) return fail(Errc::not_found, "--resume {}: no stored resume with that id", *id);
      choice.id = *id;
      return choice;
    }
    return fail(Errc::not_found, "--resume {}: no such file", given);
  }
  auto bytes = read_small_file(given, kMaxResumeFile, "--resume");
  if (!bytes) return bytes.error();
  choice.bytes = std::move(*bytes);
  choice.file_name = std::filesystem::path(given).filename().string();
  return choice;
}

Result<std::string> read_letter_file(const std::string& path) {
  auto text = read_small_file(path, 1u << 20, "--cover-letter");
  if (!text) return text.error();
  if (auto bad = util::first_invalid_utf8(*text)) {
    return fail(Errc::invalid_input, "--cover-letter {}: not UTF-8 text (byte {})", path, *bad);
  }
  return text;
}

Result<void> run_apply(Session& session, const ApplyArgs& args) {
  if (args.status != "saved" && args.status != "applied") {
    return fail(Errc::invalid_argument, "--status: expected saved or applied, not \"{}\"",
                args.status);
  }
  if ((args.llm || args.strict || !args.template_name.empty()) && args.cover_letter != "generate") {
    return fail(Errc::invalid_argument, "--llm, --strict and --template need --cover-letter generate");
  }
  if (!args.pdf.empty() && args.cover_letter.empty()) {
    return fail(Errc::invalid_argument, "--pdf needs --cover-letter");
  }
  auto zone = time_zone(session, args.tz);
  if (!zone) return zone.error();
  std::string at = session.now_iso();
  if (!args.at.empty()) {
    auto when = parse_when(args.at, *zone, session.clock(), "--at");
    if (!when) return when.error();
    if (*when > session.clock().now()) {
      return fail(Errc::invalid_argument, "--at: {} is in the future", util::format_iso(*when));
    }
    at = util::format_iso(*when);
  }
  auto db = session.open_store({.create_if_missing = false});
  if (!db) return db.error();
  auto profile = store::find_profile(*db, args.profile);
  if (!profile) return profile.error();
  auto job = store::find_job(*db, args.job_id);
  if (!job) return job.error();
  auto resume = resume_choice(*db, args.resume);
  if (!resume) return resume.error();

  if (auto existing = store::find_application(*db, profile->id, job->id); !existing) {
    return existing.error();
  } else if (*existing) {
    const model::Application& app = **existing;
    session.warn(fmt::format("profile {} has an application for job {} already: {} ({} since {}); "
                             "nothing was changed",
                             profile->name, job->id, app.id, app.status, app.updated_at.substr(0, 10)));
    if (session.output() != OutputFormat::table) {
      nlohmann::ordered_json record = app;
      record["created"] = false;
      return print_json(session, record);
    }
    if (!session.quiet()) {
      fmt::print("application {}: {} · {} at {} · profile {}\n", app.id, app.status,
                 app.job_title, app.company, app.profile_name);
    }
    return {};
  }

  // The letter is written before anything is stored: a refused letter leaves no trace.
  std::optional<Letter> letter;
  if (args.cover_letter == "generate") {
    auto written = write_letter(session, *profile, *job,
                                {.template_name = args.template_name, .llm = args.llm,
                                 .strict = args.strict});
    if (!written) return written.error();
    letter = std::move(*written);
  } else if (!args.cover_letter.empty()) {
    auto text = read_letter_file(args.cover_letter);
    if (!text) return text.error();
    letter = Letter{.text = std::move(*text),
                    .generator = "file:" + std::filesystem::path(args.cover_letter).filename().string(),
                    .flags = {}, .checked = false};
  }

  auto applied = track::apply(*db, {.profile_id = profile->id, .job_id = job->id,
                                    .status = args.status, .at = at, .note = args.note,
                                    .resume_id = resume->id, .match_score = std::nullopt,
                                    .match_explanation = {}});
  if (!applied) return applied.error();
  const model::Application& app = applied->application;
  if (!resume->bytes.empty()) {
    auto kept = track::add_document(*db, {.application_id = app.id, .kind = "resume",
                                          .format = "file", .content = resume->bytes,
                                          .generator = resume->file_name, .is_final = true,
                                          .flags = {}, .created_at = at});
    if (!kept) return kept.error();
  }
  if (session.output() == OutputFormat::table && !session.quiet()) {
    fmt::print("application {}: {} · {} at {} (job {}) · profile {}\n", app.id, app.status,
               app.job_title, app.company, app.job_id, app.profile_name);
  }
  std::optional<model::Document> kept_letter;
  if (letter) {
    auto kept = keep_letter(session, *db, app, *profile, *letter, args.pdf);
    if (!kept) return kept.error();
    kept_letter = std::move(*kept);
  }
  if (session.output() != OutputFormat::table) {
    nlohmann::ordered_json record = app;
    record["created"] = true;
    if (kept_letter) {
      nlohmann::ordered_json doc = *kept_letter;
      doc["text"] = kept_letter->content;
      record["cover_letter"] = std::move(doc);
    }
    return print_json(session, record);
  }
  return {};
}

}  // namespace

void add_apply_command(CLI::App& root, Session& session) {
  auto args = std::make_shared<ApplyArgs>();
  CLI::App* cmd = root.add_subcommand(
      "apply", "Record an application to a job, with the resume sent and a cover letter");
  cmd->add_option("job", args->job_id, "Job id (hg jobs list)")->required()->type_name("JOB")->check(positive_int());
  cmd->add_option("--profile", args->profile, "Apply as this profile (default: the default one)")
      ->type_name("NAME");
  cmd->add_option("--status", args->status, "saved (default) or applied")
      ->type_name("saved|applied");
  cmd->add_option("--at", args->at, "When it was saved or sent (default now): 2026-11-20, 2026-11-20T09:30")
      ->type_name("WHEN");
  cmd->add_option("--tz", args->tz, "Time zone of --at (default: config track.time_zone, TZ)")
      ->type_name("ZONE");
  cmd->add_option("--note", args->note, "A note for the timeline")->type_name("TEXT");
  cmd->add_option("--resume", args->resume, "The resume sent: a file (kept with the application) or a stored resume id")
      ->type_name("FILE|ID");
  cmd->add_option("--cover-letter", args->cover_letter, "A letter file, or generate one")
      ->type_name("FILE|generate");
  cmd->add_option("--template", args->template_name, "Template for generate (default: config letter.template)")
      ->type_name("NAME|FILE");
  cmd->add_flag("--llm", args->llm, "Generate with the configured LLM endpoint (template as fallback)");
  cmd->add_flag("--strict", args->strict, "Refuse an LLM letter with claims the profile does not support");
  cmd->add_option("--pdf", args->pdf, "Also write the letter as a PDF to OUT")->type_name("OUT");
  cmd->callback([&session, args] { session.finish(run_apply(session, *args)); });
}

}  // namespace hg::cli
