// Cover letters for hg apply and hg track letter: a template letter, or an LLM letter checked
// claim by claim with the template as fallback, and its PDF.
#pragma once

#include <string>
#include <vector>

#include "docs/claims.hpp"
#include "model/application.hpp"
#include "model/job.hpp"
#include "model/profile.hpp"
#include "session.hpp"
#include "store/db.hpp"

namespace hg::cli {

struct LetterRequest {
  std::string template_name{};  // "" for config letter.template
  bool llm = false;           // ask the configured LLM endpoint first
  bool strict = false;        // refuse a letter with unsupported claims
};

struct Letter {
  std::string text{};
  std::string generator{};           // "template:<name>" or "llm:<model>"
  std::vector<docs::Claim> flags{};  // unsupported claims (LLM letters only)
  bool checked = false;            // claims were checked
};

// Writes a letter. An LLM failure (endpoint down, timeout, bad answer) is a warning and the
// template is used. Errors: invalid_input (--strict and unsupported claims: the message lists
// them; a template that does not parse), not_found (template), failed.
Result<Letter> write_letter(const Session& session, const model::Profile& profile,
                            const model::Job& job, const LetterRequest& request);

// The letter as PDF bytes, with config letter.paper and letter.font.
Result<std::string> letter_pdf(const Session& session, const std::string& text,
                               const std::string& title, const std::string& author);

// Keeps `letter` as the application's next cover-letter version (a draft), and its PDF as a
// document too when `pdf_path` is set (written there). Shows the letter, its flags and the
// diff against the previous version on stdout (table output), then on a terminal asks
// whether to mark it final. Returns the stored text version.
Result<model::Document> keep_letter(const Session& session, const store::Db& db,
                                    const model::Application& application,
                                    const model::Profile& profile, const Letter& letter,
                                    const std::string& pdf_path);


}  // namespace hg::cli
