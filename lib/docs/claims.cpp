#include "docs/claims.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include <nlohmann/json.hpp>

#include "skills/extract.hpp"
#include "util/strings.hpp"

namespace hg::docs {
namespace {

constexpr std::size_t kMaxLetter = 256 * 1024;
constexpr std::size_t kMaxDiffLines = 2000;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
// A name word: capitalised ASCII, or starting with a UTF-8 letter ("Ørsted", "Łódź").
bool is_name_word(std::string_view word) {
  if (word == "I" || word == "I'm" || word == "I've") return false;  // the pronoun, not a name
  return !word.empty() && (is_upper(word[0]) || static_cast<unsigned char>(word[0]) >= 0xC0);
}

// Words split at whitespace, with their trailing punctuation kept apart: "Acme," -> "Acme"
// plus a flag that the phrase ends there.
struct Word {
  std::string text;
  bool ends_phrase = false;
};

std::vector<Word> words_of(std::string_view text) {
  std::vector<Word> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    const std::size_t start = i;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (start == i) break;
    std::string_view word = text.substr(start, i - start);
    bool ends = false;
    while (!word.empty() && std::string_view(".,;:!?)\"'").find(word.back()) != std::string_view::npos) {
      word.remove_suffix(1);
      ends = true;
    }
    while (!word.empty() && (word.front() == '(' || word.front() == '"' || word.front() == '\'')) {
      word.remove_prefix(1);
    }
    words.push_back({std::string(word), ends});
  }
  return words;
}

// The capitalised phrase starting at words[i] ("Bank of America", "Senior Data Engineer"):
// name words, joined by "of", "and", "&", "for", "-". Empty when words[i] is not a name word.
std::string name_phrase(const std::vector<Word>& words, std::size_t i) {
  std::string phrase;
  std::size_t end = i;
  for (std::size_t k = i; k < words.size(); ++k) {
    const std::string& w = words[k].text;
    const bool joiner = w == "of" || w == "and" || w == "&" || w == "-" || w == "/";
    if (!is_name_word(w) && !(joiner && !phrase.empty())) break;
    if (!phrase.empty()) phrase += ' ';
    phrase += w;
    if (!joiner) end = k;
    if (words[k].ends_phrase) break;
  }
  // Drop a trailing joiner: "Acme and" -> "Acme".
  std::string out;
  for (std::size_t k = i; k <= end && k < words.size() && !phrase.empty(); ++k) {
    if (!out.empty()) out += ' ';
    out += words[k].text;
  }
  return phrase.empty() ? std::string() : out;
}

bool related(std::string_view a, std::string_view b) {
  const std::string x = util::to_lower(a), y = util::to_lower(b);
  if (x.empty() || y.empty()) return false;
  return x.find(y) != std::string::npos || y.find(x) != std::string::npos;
}

bool any_related(std::string_view phrase, const std::vector<std::string>& known) {
  return std::any_of(known.begin(), known.end(),
                     [&](const std::string& k) { return related(phrase, k); });
}

// Whether `number` (digits with '.' or ',' inside) stands in `text` as a whole number.
bool has_number(std::string_view text, std::string_view number) {
  for (std::size_t at = text.find(number); at != std::string_view::npos;
       at = text.find(number, at + 1)) {
    const bool left = at == 0 || !is_digit(text[at - 1]);
    const std::size_t end = at + number.size();
    const bool right = end >= text.size() || !is_digit(text[end]);
    if (left && right) return true;
  }
  return false;
}

std::string strip_separators(std::string_view number) {
  std::string out;
  for (char c : number) {
    if (c != ',') out += c;
  }
  return out;
}

void check_figures(const std::vector<Word>& words, const LetterFacts& facts,
                   std::vector<Claim>& out) {
  const std::string profile_plain = strip_separators(facts.profile_text);
  std::set<std::string> seen;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i].text;
    std::size_t start = 0;
    while (start < w.size() && !is_digit(w[start])) ++start;
    if (start == w.size()) continue;
    std::size_t end = start;
    while (end < w.size() && (is_digit(w[end]) || ((w[end] == ',' || w[end] == '.') &&
                                                   end + 1 < w.size() && is_digit(w[end + 1])))) {
      ++end;
    }
    const std::string number = w.substr(start, end - start);
    const std::string plain = strip_separators(number);
    if (has_number(facts.profile_text, number) || has_number(profile_plain, plain)) continue;
    if (has_number(facts.date, plain)) continue;
    const bool years_word = i + 1 < words.size() && words[i + 1].text.starts_with("year");
    if (years_word && facts.years && util::parse_int(plain).value_or(-1) <= *facts.years) continue;
    if (!seen.insert(w).second) continue;
    out.push_back({"figure", w, "the number " + number + " is not in the profile"});
  }
}

}  // namespace

std::vector<Claim> unsupported_claims(std::string_view letter, const LetterFacts& facts,
                                      const skills::Taxonomy* taxonomy) {
  letter = letter.substr(0, std::min(letter.size(), kMaxLetter));
  std::vector<Claim> out;
  std::set<std::string> flagged;
  auto flag = [&](Claim claim) {
    if (flagged.insert(claim.kind + '\n' + util::to_lower(claim.text)).second) {
      out.push_back(std::move(claim));
    }
  };

  if (taxonomy != nullptr) {
    std::set<std::string> have;
    for (const std::string& name : facts.profile_skills) have.insert(util::to_lower(name));
    for (const skills::FoundSkill& skill : skills::extract_skills(*taxonomy, letter)) {
      if (have.contains(util::to_lower(skill.name))) continue;
      flag({"skill", skill.name, "the profile does not list " + skill.name});
    }
  }

  std::vector<std::string> employers = facts.institutions;
  employers.push_back(facts.company);
  for (const Role& role : facts.roles) employers.push_back(role.employer);
  std::vector<std::string> titles{facts.label, facts.job_title};
  for (const Role& role : facts.roles) titles.push_back(role.position);

  // "with Python and SQL" names skills, not an employer: every part a known skill.
  auto all_skills = [&](const std::string& phrase) {
    if (taxonomy == nullptr) return false;
    bool any = false;
    for (const Word& part : words_of(phrase)) {
      if (part.text == "and" || part.text == "&" || part.text == "/" || part.text == "of") continue;
      if (!taxonomy->find(part.text)) return false;
      any = true;
    }
    return any || taxonomy->find(phrase).has_value();
  };
  const std::vector<Word> words = words_of(letter);
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    const std::string w = util::to_lower(words[i].text);  // "At Google" starts a sentence too
    if (words[i].ends_phrase) continue;
    if (w == "at" || w == "for" || w == "with" || w == "joined" || w == "from") {
      const std::string phrase = name_phrase(words, i + 1);
      if (phrase.empty() || all_skills(phrase)) continue;
      if (!any_related(phrase, employers) && !any_related(phrase, titles)) {
        flag({"employer", phrase, phrase + " is not an employer or school in the profile"});
      }
    } else if (w == "as") {
      std::size_t k = i + 1;
      if (k < words.size() && (words[k].text == "a" || words[k].text == "an" ||
                               words[k].text == "the")) {
        ++k;
      }
      const std::string phrase = k < words.size() ? name_phrase(words, k) : std::string();
      if (phrase.empty() || all_skills(phrase)) continue;
      if (!any_related(phrase, titles) && !any_related(phrase, employers)) {
        flag({"title", phrase, phrase + " is not a position held in the profile"});
      }
    }
  }
  check_figures(words, facts, out);
  return out;
}

std::string claims_json(const std::vector<Claim>& claims) {
  nlohmann::json out = nlohmann::json::array();
  for (const Claim& claim : claims) {
    out.push_back({{"kind", claim.kind}, {"text", claim.text}, {"reason", claim.reason}});
  }
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string line_diff(std::string_view before, std::string_view after) {
  if (before == after) return {};
  const std::vector<std::string> a = util::split(before, '\n'), b = util::split(after, '\n');
  std::string out;
  if (a.size() > kMaxDiffLines || b.size() > kMaxDiffLines) {
    for (const auto& line : a) out += "- " + line + '\n';
    for (const auto& line : b) out += "+ " + line + '\n';
    return out;
  }
  // Longest common subsequence of lines, then a walk that prints it.
  std::vector<std::vector<std::uint16_t>> lcs(a.size() + 1,
                                              std::vector<std::uint16_t>(b.size() + 1, 0));
  for (std::size_t i = a.size(); i-- > 0;) {
    for (std::size_t j = b.size(); j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? static_cast<std::uint16_t>(lcs[i + 1][j + 1] + 1)
                               : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      out += "  " + a[i++] + '\n';
      ++j;
    } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
      out += "- " + a[i++] + '\n';  // removals before additions, as diff prints them
    } else {
      out += "+ " + b[j++] + '\n';
    }
  }
  return out;
}

}  // namespace hg::docs
