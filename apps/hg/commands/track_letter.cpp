// hg track letter ID: an application's cover letters: the versions, one version's text or
// PDF, a new version shown with its diff, and which version is final.
#include <algorithm>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "../checks.hpp"
#include "../files.hpp"
#include "../letters.hpp"
#include "../output.hpp"
#include "model/json.hpp"
#include "store/applications.hpp"
#include "store/jobs.hpp"
#include "store/profiles.hpp"
#include "track/pipeline.hpp"

namespace hg::cli {
namespace {

struct LetterArgs {
  std::int64_t id = 0;
  LetterRequest request;
  bool generate = false;
  int final_version = 0;
  int show_version = 0;
  std::string output;  // --pdf
};

Result<void> run_letter(Session& session, const LetterArgs& args) {
  const LetterRequest& request = args.request;
  const bool generate = args.generate;
  const int final_version = args.final_version;
  const int show_version = args.show_version;
  auto db = session.open_store({.create_if_missing = false});
  if (!db) return db.error();
  auto app = store::get_application(*db, args.id);
  if (!app) return app.error();
  if (generate) {
    auto profile = store::find_profile_by_id(*db, app->profile_id);
    if (!profile) return profile.error();
    auto job = store::find_job(*db, app->job_id);
    if (!job) return job.error();
    auto letter = write_letter(session, *profile, *job, request);
    if (!letter) return letter.error();
    auto kept = keep_letter(session, *db, *app, *profile, *letter, args.output);
    if (!kept) return kept.error();
    if (session.output() != OutputFormat::table) {
      nlohmann::ordered_json record = *kept;
      record["text"] = kept->content;
      return print_json(session, record);
    }
    return {};
  }
  auto documents = store::list_documents(*db, app->id, true);
  if (!documents) return documents.error();
  std::vector<model::Document> letters;
  for (model::Document& doc : *documents) {
    if (doc.kind == "cover_letter") letters.push_back(std::move(doc));
  }
  if (final_version > 0) {
    if (auto done = track::finalize_document(*db, app->id, final_version, "cover_letter",
                                             session.now_iso());
        !done) {
      return done;
    }
    if (!session.quiet()) fmt::print(stderr, "cover letter v{} is final\n", final_version);
    return {};
  }
  if (show_version != 0) {
    if (letters.empty()) return fail(Errc::not_found, "application {}: no cover letter", app->id);
    const model::Document* chosen = &letters.back();
    if (show_version > 0) {
      auto it = std::find_if(letters.begin(), letters.end(),
                             [&](const auto& d) { return d.version == show_version; });
      if (it == letters.end()) {
        return fail(Errc::not_found, "application {}: no cover letter v{}", app->id, show_version);
      }
      chosen = &*it;
    }
    if (!args.output.empty()) {
      auto profile = store::find_profile_by_id(*db, app->profile_id);
      if (!profile) return profile.error();
      auto pdf = letter_pdf(session, chosen->content,
                            "Cover letter: " + app->job_title + ", " + app->company,
                            profile->full_name.empty() ? profile->name : profile->full_name);
      if (!pdf) return pdf.error();
      return write_file(args.output, *pdf);
    }
    if (session.output() != OutputFormat::table) {
      nlohmann::ordered_json record = *chosen;
      record["text"] = chosen->content;
      return print_json(session, record);
    }
    fmt::print("{}", chosen->content);
    return {};
  }
  std::vector<nlohmann::ordered_json> records;
  for (const model::Document& doc : letters) records.push_back(doc);
  static constexpr Column kColumns[] = {{"VERSION", "version", 7, true},
                                        {"FROM", "generator", 30},
                                        {"FINAL", "final", 5},
                                        {"CREATED", "created_at", 20},
                                        {"BYTES", "bytes", 8, true}};
  return print_records(session, records, kColumns,
                       {"id", "application_id", "kind", "version", "format", "generator", "final",
                        "flags", "bytes", "created_at"});
}

}  // namespace

void add_track_letter_command(CLI::App& track, Session& session) {
  auto args = std::make_shared<LetterArgs>();
  CLI::App* letter = track.add_subcommand(
      "letter", "An application's cover letters: list, show, regenerate, finalise");
  letter->add_option("id", args->id, "Application id")->required()->type_name("ID")->check(positive_int());
  letter->add_flag("--generate", args->generate, "Write a new version (shown with its diff)");
  letter->add_option("--template", args->request.template_name, "Template for --generate")
      ->type_name("NAME|FILE");
  letter->add_flag("--llm", args->request.llm, "Generate with the configured LLM endpoint");
  letter->add_flag("--strict", args->request.strict,
                   "Refuse an LLM letter with unsupported claims");
  letter->add_option("--final", args->final_version, "Mark version N final")->type_name("N")
      ->check(positive_int());
  letter->add_option("--show", args->show_version, "Print version N (-1: the newest)")
      ->type_name("N");
  letter->add_option("--pdf", args->output,
                     "With --show or --generate: write the letter as PDF to OUT")
      ->type_name("OUT");
  letter->callback([&session, args] { session.finish(run_letter(session, *args)); });
}

}  // namespace hg::cli
