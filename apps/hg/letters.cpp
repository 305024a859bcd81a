#include "letters.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "docs/cover_letter.hpp"
#include "docs/llm.hpp"
#include "docs/pdf_writer.hpp"
#include "enrichers.hpp"
#include "files.hpp"
#include "store/applications.hpp"
#include "track/pipeline.hpp"
#include <unistd.h>
#include "skills/taxonomy.hpp"
#include "util/strings.hpp"

namespace hg::cli {
namespace {

constexpr std::uintmax_t kMaxTemplateFile = 64 * 1024;

std::string env_or(const char* name, std::string fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::string(value) : fallback;
}

// A template by name: the config dir's templates/<name>.mustache, then hg's own; or a path.
Result<std::pair<std::string, std::string>> load_template(const Session& session,
                                                          std::string name) {
  auto config = session.config();
  if (!config) return config.error();
  if (name.empty()) name = (*config)->get("letter.template").value_or("cover_letter");
  std::filesystem::path file;
  const bool is_path = name.find('/') != std::string::npos || name.ends_with(".mustache");
  if (is_path) {
    file = name.starts_with("~/") ? std::filesystem::path(env_or("HOME", "")) / name.substr(2)
                                  : std::filesystem::path(name);
  } else {
    const std::filesystem::path own =
        session.config_path().parent_path() / "templates" / (name + ".mustache");
    std::error_code error;
    if (std::filesystem::is_regular_file(own, error)) file = own;
  }
  if (file.empty()) {
    if (auto builtin = docs::builtin_template(name)) {
      return std::pair{std::string(*builtin), "template:" + name};
    }
    Error error = fail(Errc::not_found, "template \"{}\": not found", name);
    error.hint = "built-in templates: " + fmt::format("{}", fmt::join(docs::builtin_template_names(), ", ")) +
                 "; your own go in " +
                 (session.config_path().parent_path() / "templates").string() + "/NAME.mustache";
    return error;
  }
  auto text = read_small_file(file, kMaxTemplateFile, "template");
  if (!text) return text.error();
  return std::pair{std::move(*text), "template:" + file.filename().string()};
}

std::string describe(const std::vector<docs::Claim>& claims) {
  std::string out;
  for (const docs::Claim& claim : claims) {
    if (!out.empty()) out += "; ";
    out += claim.kind + " \"" + claim.text + "\"";
  }
  return out;
}

}  // namespace

Result<Letter> write_letter(const Session& session, const model::Profile& profile,
                            const model::Job& job, const LetterRequest& request) {
  auto config = session.config();
  if (!config) return config.error();
  auto taxonomy = load_taxonomy(session);
  if (!taxonomy) return taxonomy.error();
  const std::string today = session.now_iso().substr(0, 10);
  const docs::LetterFacts facts = docs::letter_facts(profile, job, &*taxonomy, today);

  if (request.llm) {
    docs::LlmOptions options{
        .base_url = env_or("HG_LLM_BASE_URL", (*config)->get("llm.base_url").value_or("")),
        .model = env_or("HG_LLM_MODEL", (*config)->get("llm.model").value_or("")),
        .api_key = env_or("HG_LLM_API_KEY", (*config)->get("llm.api_key").value_or("")),
        .timeout = std::chrono::seconds(
            util::parse_int((*config)->get("llm.timeout").value_or("60")).value_or(60)),
        .retries = static_cast<int>(
            util::parse_int((*config)->get("llm.retries").value_or("2")).value_or(2))};
    auto written = docs::llm_letter(options, facts);
    if (written) {
      Letter letter{.text = written->text, .generator = "llm:" + written->model,
                    .flags = docs::unsupported_claims(written->text, facts, &*taxonomy),
                    .checked = true};
      if (!letter.flags.empty() && request.strict) {
        Error error = fail(Errc::invalid_input,
                           "llm letter rejected (--strict): {} unsupported claim{}: {}",
                           letter.flags.size(), letter.flags.size() == 1 ? "" : "s",
                           describe(letter.flags));
        error.hint = "nothing was stored; drop --strict to keep it flagged, or drop --llm for "
                     "the template letter";
        return error;
      }
      return letter;
    }
    if (written.error().code == Errc::invalid_argument) return written.error();  // not set up
    session.warn(written.error().message + "; using the template instead");
  }
  auto mustache = load_template(session, request.template_name);
  if (!mustache) return mustache.error();
  auto text = docs::render_letter(mustache->first, facts);
  if (!text) return context(text.error(), mustache->second);
  return Letter{.text = std::move(*text), .generator = mustache->second, .flags = {},
                .checked = false};
}

Result<std::string> letter_pdf(const Session& session, const std::string& text,
                               const std::string& title, const std::string& author) {
  auto config = session.config();
  if (!config) return config.error();
  const std::string paper = util::to_lower((*config)->get("letter.paper").value_or("a4"));
  if (paper != "a4" && paper != "letter") {
    return fail(Errc::invalid_argument, "config letter.paper: expected a4 or letter, not \"{}\"",
                paper);
  }
  docs::PdfOptions options{.paper = paper == "letter" ? docs::PaperSize::letter : docs::PaperSize::a4,
                           .font_file = (*config)->get_path("letter.font").value_or(""),
                           .title = title,
                           .author = author};
  auto pdf = docs::render_pdf(text, options);
  if (!pdf) return context(pdf.error(), "pdf");
  return pdf;
}

Result<model::Document> keep_letter(const Session& session, const store::Db& db,
                                    const model::Application& application,
                                    const model::Profile& profile, const Letter& letter,
                                    const std::string& pdf_path) {
  const std::string now = session.now_iso();
  auto earlier = store::list_documents(db, application.id, true);
  if (!earlier) return earlier.error();
  std::string previous;
  int previous_version = 0;
  for (const model::Document& doc : *earlier) {
    if (doc.kind == "cover_letter" && doc.format == "text") {
      previous = doc.content;
      previous_version = doc.version;
    }
  }
  std::string pdf;
  if (!pdf_path.empty()) {
    auto rendered = letter_pdf(session, letter.text,
                               "Cover letter: " + application.job_title + ", " + application.company,
                               profile.full_name.empty() ? profile.name : profile.full_name);
    if (!rendered) return rendered.error();
    pdf = std::move(*rendered);
  }
  auto stored = track::add_document(
      db, {.application_id = application.id, .kind = "cover_letter", .format = "text",
           .content = letter.text, .generator = letter.generator, .is_final = false,
           .flags = letter.checked ? docs::claims_json(letter.flags) : std::string(),
           .created_at = now});
  if (!stored) return stored.error();
  if (!pdf.empty()) {
    auto kept = track::add_document(
        db, {.application_id = application.id, .kind = "cover_letter_pdf", .format = "pdf",
             .content = pdf, .generator = letter.generator + " v" + std::to_string(stored->version),
             .is_final = false, .flags = {}, .created_at = now});
    if (!kept) return kept.error();
    if (auto written = write_file(pdf_path, pdf); !written) return written.error();
  }
  for (const docs::Claim& claim : letter.flags) {
    session.warn(fmt::format("letter v{}: unsupported {} claim \"{}\": {}", stored->version,
                             claim.kind, claim.text, claim.reason));
  }
  if (session.output() != OutputFormat::table || session.quiet()) return stored;
  if (pdf_path == "-") return stored;  // stdout holds the PDF
  fmt::print("\n--- cover letter v{} ({}, draft) ---\n{}", stored->version, letter.generator,
             letter.text);
  if (!letter.text.ends_with('\n')) fmt::print("\n");
  if (previous_version > 0) {
    const std::string diff = docs::line_diff(previous, letter.text);
    if (diff.empty()) {
      fmt::print("--- same text as v{} ---\n", previous_version);
    } else {
      fmt::print("--- changes from v{} ---\n{}", previous_version, diff);
    }
  }
  if (!pdf_path.empty()) fmt::print("--- PDF written to {} ---\n", pdf_path);
  // The user reads the letter before it becomes final: ask on a terminal, else say how.
  const bool interactive = isatty(STDIN_FILENO) && isatty(STDERR_FILENO);
  if (interactive) {
    fmt::print(stderr, "mark cover letter v{} final? [y/N] ", stored->version);
    std::fflush(stderr);
    char answer[16] = {};
    if (std::fgets(answer, sizeof answer, stdin) != nullptr && (answer[0] == 'y' || answer[0] == 'Y')) {
      auto done = track::finalize_document(db, application.id, stored->version, "cover_letter", now);
      if (!done) return done.error();
      stored->is_final = true;
      fmt::print(stderr, "cover letter v{} is final\n", stored->version);
      return stored;
    }
  }
  fmt::print(stderr, "hint: when it reads right: hg track letter {} --final {}\n", application.id,
             stored->version);
  return stored;
}

}  // namespace hg::cli
