// Cover letters written by a language model through any OpenAI-compatible chat-completions
// endpoint (hosted APIs and local servers alike). The prompt carries only the facts the letter
// may use; the caller checks the answer with unsupported_claims() and falls back to a template.
#pragma once

#include <chrono>
#include <string>

#include "docs/cover_letter.hpp"
#include "util/result.hpp"

namespace hg::docs {

struct LlmOptions {
  std::string base_url{};  // e.g. "http://127.0.0.1:8080/v1"; "/chat/completions" is appended
  std::string model{};
  std::string api_key{};   // sent as a Bearer token when set; never logged
  std::chrono::milliseconds timeout{60'000};  // per attempt
  int retries = 2;
  double temperature = 0.3;
  int max_tokens = 900;
};

struct LlmLetter {
  std::string text{};
  std::string model{};  // as the server names it
  int attempts = 0;
};

// The system and user messages for a letter from `facts`.
std::pair<std::string, std::string> letter_prompt(const LetterFacts& facts);

// Asks the endpoint for a letter. Errors: invalid_argument (no base URL or model), network
// (unreachable, timeout, retries used up, HTTP error: the message has the status and the
// server's error message), invalid_input (an answer that is not a chat completion, or empty).
Result<LlmLetter> llm_letter(const LlmOptions& options, const LetterFacts& facts);

}  // namespace hg::docs
