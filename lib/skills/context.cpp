#include "skills/context.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <cstdint>
#include <vector>

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

// The cue lists a text can name, as bits.
enum CueList : unsigned {
  kTech = 1,
  kOptional = 2,
  kRequired = 4,
  kRequiredHeading = 8,
  kNeutralHeading = 16,
  kPlus = 32,
};

// Finds every cue of every list in one pass over a text: each word of the text is looked up
// among the cues' first words, instead of searching the text once for each of 130 cues. A cue
// counts as a whole-word match: the bytes before and after it are not word bytes. Built once.
class CueIndex {
 public:
  CueIndex() {
    add(kTechCues, kTech);
    add(kOptionalCues, kOptional);
    add(kRequiredCues, kRequired);
    add(kRequiredHeadings, kRequiredHeading);
    add(kNeutralHeadings, kNeutralHeading);
    add(std::array<std::string_view, 1>{"plus"}, kPlus);
    std::sort(cues_.begin(), cues_.end(),
              [](const Cue& a, const Cue& b) { return a.first_word < b.first_word; });
  }

  // The lists (CueList bits) that name a cue in `text`, ignoring ASCII case.
  unsigned lists_in(std::string_view text) const {
    unsigned found = 0;
    for (std::size_t at = 0; at < text.size();) {
      if (!is_word_byte(text[at])) {
        ++at;
        continue;
      }
      const std::size_t end = word_run_end(text, at + 1);
      const std::uint32_t key = key_of(text.substr(at, end - at));
      if (keys_.test(slot(key))) found |= lists_at(text, at, key);
      at = end;
    }
    return found;
  }

 private:
  struct Cue {
    std::uint32_t first_word;  // key_of() its first word
    std::string_view text;
    unsigned list;
  };

  // A word's length with its first two and last bytes, lower case: enough to tell nearly
  // every word of a text from the cues' first words without hashing all its bytes.
  static std::uint32_t key_of(std::string_view word) {
    const auto byte = [&](std::size_t i) {
      return static_cast<std::uint32_t>(static_cast<unsigned char>(ascii_lower(word[i])));
    };
    const std::size_t size = std::min<std::size_t>(word.size(), 255);
    return static_cast<std::uint32_t>(size) | byte(0) << 8 |
           (word.size() > 1 ? byte(1) : 0) << 16 | byte(word.size() - 1) << 24;
  }
  static std::size_t slot(std::uint32_t key) { return (key * 0x9E3779B1u) >> (32 - kSlotBits); }

  template <std::size_t N>
  void add(const std::array<std::string_view, N>& cues, unsigned list) {
    for (std::string_view cue : cues) {
      std::size_t first_end = 0;
      while (first_end < cue.size() && is_word_byte(cue[first_end])) ++first_end;
      const std::uint32_t key = key_of(cue.substr(0, first_end));
      cues_.push_back({key, cue, list});
      keys_.set(slot(key));
    }
  }

  // The lists of the cues that start at text[at], a word with key_of() `key`.
  unsigned lists_at(std::string_view text, std::size_t at, std::uint32_t key) const {
    unsigned found = 0;
    auto it = std::lower_bound(cues_.begin(), cues_.end(), key,
                               [](const Cue& cue, std::uint32_t k) { return cue.first_word < k; });
    for (; it != cues_.end() && it->first_word == key; ++it) {
      const std::size_t end = at + it->text.size();
      if (end > text.size() || (end < text.size() && is_word_byte(text[end]))) continue;
      bool same = true;
      for (std::size_t i = 0; i < it->text.size() && same; ++i) {
        same = ascii_lower(text[at + i]) == it->text[i];
      }
      if (same) found |= it->list;
    }
    return found;
  }

  static constexpr unsigned kSlotBits = 12;
  std::vector<Cue> cues_;
  std::bitset<std::size_t{1} << kSlotBits> keys_;  // slot() of every cue's first word
};

unsigned cue_lists_in(std::string_view text) {
  static const CueIndex index;
  return index.lists_in(text);
}

}  // namespace

std::span<const std::string_view> not_skill_phrases() { return kNotSkills; }

bool has_tech_cue(std::string_view segment) { return (cue_lists_in(segment) & kTech) != 0; }

std::optional<bool> sentence_requirement(std::string_view segment) {
  const unsigned lists = cue_lists_in(segment);
  if ((lists & kOptional) != 0) return false;
  if ((lists & kRequired) != 0) return true;
  return std::nullopt;
}

std::optional<std::optional<bool>> heading_requirement(std::string_view line) {
  const unsigned lists = cue_lists_in(line);
  std::optional<std::optional<bool>> says;
  if ((lists & (kOptional | kPlus)) != 0) {
    says.emplace(false);
  } else if ((lists & kRequiredHeading) != 0) {
    says.emplace(true);
  } else if ((lists & kNeutralHeading) != 0) {
    says.emplace();  // a neutral heading: it ends a requirements section
  }
  return says;
}

}  // namespace hg::skills
