#include "skills/context.hpp"

#include <array>

#include "skills/text.hpp"

namespace hg::skills {
namespace {

// Each hides the skill it starts with; the reason is the false hit it prevents.
constexpr std::string_view kNotSkills[] = {
    "go to", "go-to", "go live", "go-live", "go ahead", "go above", "go beyond", "go out",
    "go into", "go through", "go for", "go get", "go getter", "go-getter", "go far", "go on",
    "go back", "go with", "go the extra", "go home", "go in",  // "Go" the verb
    "r&d", "r & d", "r and d",                                    // "R" in research and development
    "rust belt", "rust-belt", "rust proofing",                    // "Rust" the corrosion
    "excel in", "excel at", "excel as", "excel within", "excel and grow",  // "Excel" the verb
    "swift response", "swift action", "swift resolution",        // "Swift" the adjective
    "spring semester", "spring break", "spring and summer", "spring and fall", "spring season",
    "react to", "react quickly", "react appropriately", "react calmly",  // "React" the verb
    "java coffee", "cup of java",                                 // "Java" the coffee
    "c level", "c-level", "c suite", "c-suite", "c corp", "c-corp", "c/o",
    "access to", "shell company", "chef de", "sous chef", "executive chef", "pastry chef",
    "head chef", "line cook", "windows and doors", "make sure", "unity of",
    "project management", "project manager", "project managers", "project planning",
    "project engineer", "project coordinator", "project lead", "project leader",  // not MS Project
    "word of mouth", "teams of", "office hours", "box office",
};

bool has_word(std::string_view text, std::string_view word) {
  for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    const bool left = at == 0 || !is_word_byte(text[at - 1]);
    const std::size_t end = at + word.size();
    const bool right = end >= text.size() || !is_word_byte(text[end]);
    if (left && right) return true;
  }
  return false;
}

template <std::size_t N>
bool has_any(std::string_view text, const std::array<std::string_view, N>& words) {
  for (std::string_view word : words) {
    if (has_word(text, word)) return true;
  }
  return false;
}

constexpr std::array<std::string_view, 42> kTechCues = {
    "programs", "applications", "computer", "pc", "microsoft", "ms", "office", "data",
    "programming", "program", "language", "languages", "code", "coding", "software", "develop",
    "developer", "developers", "development", "engineer", "engineering", "framework",
    "frameworks", "stack", "tools", "tool", "technologies", "technology", "experience",
    "proficient", "proficiency", "knowledge", "skills", "familiarity", "familiar", "scripting",
    "kenntnisse", "erfahrung", "sql", "python", "backend", "frontend"};

constexpr std::array<std::string_view, 21> kOptionalCues = {
    "nice to have", "nice-to-have", "a plus", "a big plus", "is plus", "plus point", "bonus",
    "preferred", "desired", "desirable", "ideally", "optional", "good to have", "an advantage",
    "advantageous", "von vorteil", "wünschenswert", "wuenschenswert", "pluspunkt", "idealerweise",
    "wäre schön"};

constexpr std::array<std::string_view, 18> kRequiredCues = {
    "required", "must", "must-have", "mandatory", "essential", "requirement", "requirements",
    "minimum", "need to have", "necessary", "erforderlich", "zwingend", "voraussetzung",
    "voraussetzungen", "vorausgesetzt", "setzen voraus", "muss", "unabdingbar"};

constexpr std::array<std::string_view, 26> kRequiredHeadings = {
    "requirements", "required", "qualifications", "must have", "must-have", "what you bring",
    "what you'll bring", "what you need", "you have", "you bring", "who you are", "your profile",
    "what we're looking for", "what we are looking for", "skills", "experience", "minimum",
    "anforderungen", "voraussetzungen", "dein profil", "ihr profil", "profil",
    "das bringst du mit", "was du mitbringst", "was sie mitbringen", "essential"};

constexpr std::array<std::string_view, 22> kNeutralHeadings = {
    "responsibilities", "what you'll do", "what you will do", "about", "benefits", "we offer",
    "duties", "your role", "the role", "overview", "description", "perks", "compensation",
    "salary", "how to apply", "aufgaben", "deine aufgaben", "ihre aufgaben", "wir bieten",
    "das bieten wir", "über uns", "location"};

}  // namespace

std::span<const std::string_view> not_skill_phrases() { return kNotSkills; }

bool has_tech_cue(std::string_view lower_segment) { return has_any(lower_segment, kTechCues); }

std::optional<bool> sentence_requirement(std::string_view lower_segment) {
  if (has_any(lower_segment, kOptionalCues)) return false;
  if (has_any(lower_segment, kRequiredCues)) return true;
  return std::nullopt;
}

std::optional<std::optional<bool>> heading_requirement(std::string_view lower_line) {
  if (has_any(lower_line, kOptionalCues) || has_word(lower_line, "plus")) {
    return std::optional<bool>(false);
  }
  if (has_any(lower_line, kRequiredHeadings)) return std::optional<bool>(true);
  if (has_any(lower_line, kNeutralHeadings)) return std::optional<bool>(std::nullopt);
  return std::nullopt;
}

}  // namespace hg::skills
