#include "docs/llm.hpp"

#include <nlohmann/json.hpp>

#include "net/http_client.hpp"
#include "util/strings.hpp"

namespace hg::docs {
namespace {

constexpr std::size_t kMaxAnswer = 1u << 20;

std::string facts_block(const LetterFacts& facts) {
  nlohmann::json roles = nlohmann::json::array();
  for (const Role& role : facts.roles) {
    roles.push_back({{"position", role.position}, {"employer", role.employer},
                     {"period", role.period}, {"current", role.current}});
  }
  nlohmann::json out = {
      {"candidate", {{"name", facts.name}, {"headline", facts.label}, {"summary", facts.summary},
                     {"years_of_experience", facts.years ? nlohmann::json(*facts.years)
                                                         : nlohmann::json(nullptr)},
                     {"skills", facts.profile_skills}, {"roles", roles},
                     {"achievements", facts.achievements}, {"education", facts.institutions}}},
      {"job", {{"title", facts.job_title}, {"company", facts.company},
               {"location", facts.job_location}, {"skills_the_candidate_has", facts.matching_skills},
               {"skills_the_candidate_lacks", facts.missing_skills}}},
      {"date", facts.date}};
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::pair<std::string, std::string> letter_prompt(const LetterFacts& facts) {
  std::string system =
      "You write concise, warm, professional cover letters in plain text (no markdown). "
      "You are strictly truthful: mention only skills, job titles, employers, schools, "
      "achievements and numbers that appear in the candidate facts you are given. Never "
      "invent experience, metrics or employers. Do not claim skills the candidate lacks; "
      "you may say the candidate is keen to learn them. At most 300 words. Start with "
      "\"Dear <company> hiring team,\" and end with \"Kind regards,\" and the candidate's name.";
  std::string user = "Write a cover letter for this application. Facts (JSON):\n" +
                     facts_block(facts);
  return {std::move(system), std::move(user)};
}

Result<LlmLetter> llm_letter(const LlmOptions& options, const LetterFacts& facts) {
  if (options.base_url.empty()) {
    Error error = fail(Errc::invalid_argument, "llm: no endpoint configured");
    error.hint = "hg config set llm.base_url http://127.0.0.1:8080/v1 (and llm.model)";
    return error;
  }
  if (options.model.empty()) {
    Error error = fail(Errc::invalid_argument, "llm: no model configured");
    error.hint = "hg config set llm.model NAME";
    return error;
  }
  auto [system, user] = letter_prompt(facts);
  const nlohmann::json body = {
      {"model", options.model},
      {"messages", {{{"role", "system"}, {"content", system}}, {{"role", "user"}, {"content", user}}}},
      {"temperature", options.temperature},
      {"max_tokens", options.max_tokens}};
  std::string url = options.base_url;
  while (!url.empty() && url.back() == '/') url.pop_back();
  url += "/chat/completions";
  net::Request request{.method = "POST", .url = url, .headers = {{"Content-Type", "application/json"},
                                                                  {"Accept", "application/json"}},
                       .body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
  if (!options.api_key.empty()) request.headers.emplace_back("Authorization", "Bearer " + options.api_key);
  auto response = net::send(request, {.connect_timeout = std::min(options.timeout, std::chrono::milliseconds(10'000)),
                                      .total_timeout = options.timeout,
                                      .max_body_bytes = kMaxAnswer,
                                      .retries = options.retries});
  if (!response) return context(response.error(), "llm");
  const auto answer = nlohmann::json::parse(response->body, nullptr, false);
  if (response->status != 200) {
    std::string message;
    if (answer.is_object() && answer.contains("error")) {
      const auto& error = answer["error"];
      if (error.is_object() && error.contains("message") && error["message"].is_string()) {
        message = error["message"].get<std::string>();
      } else if (error.is_string()) {
        message = error.get<std::string>();
      }
    }
    if (message.size() > 200) message = message.substr(0, 200) + "...";
    return fail(Errc::network, "llm: {} answered HTTP {}{}{}", url, response->status,
                message.empty() ? "" : ": ", message);
  }
  if (!answer.is_object() || !answer.contains("choices") || !answer["choices"].is_array() ||
      answer["choices"].empty()) {
    return fail(Errc::invalid_input, "llm: {}: the answer is not a chat completion", url);
  }
  const auto& choice = answer["choices"][0];
  if (!choice.is_object() || !choice.contains("message") || !choice["message"].is_object() ||
      !choice["message"].contains("content") || !choice["message"]["content"].is_string()) {
    return fail(Errc::invalid_input, "llm: {}: the answer has no message content", url);
  }
  std::string text(util::trim(choice["message"]["content"].get<std::string>()));
  if (text.empty()) return fail(Errc::invalid_input, "llm: {}: the letter is empty", url);
  if (util::first_invalid_utf8(text)) return fail(Errc::invalid_input, "llm: the letter is not UTF-8");
  std::string model = options.model;
  if (answer.contains("model") && answer["model"].is_string()) model = answer["model"].get<std::string>();
  return LlmLetter{.text = std::move(text) + "\n", .model = std::move(model),
                   .attempts = response->attempts};
}

}  // namespace hg::docs
