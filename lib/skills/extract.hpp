// Finding skills in free text (a job description, a resume): which taxonomy skills it names,
// where, how often, and whether the text says they are required.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "skills/taxonomy.hpp"

namespace hg::skills {

struct ExtractOptions {
  // Also list the skills that the found ones imply (React -> JavaScript) and the text does
  // not name itself; they come last, with implied = true, count 0 and no span.
  bool include_implied = false;
  // Read at most this many bytes of the text (the rest is ignored): bounds time and memory.
  std::size_t max_bytes = 4 * 1024 * 1024;
};

struct FoundSkill {
  SkillId id = 0;
  std::string name;            // canonical
  std::size_t offset = 0;      // byte offset of the first mention in the text
  std::size_t length = 0;      // its length in bytes; text.substr(offset, length) is the mention
  std::size_t count = 0;       // mentions in the text
  // true: some mention sits under a requirements heading or in a sentence that says
  // "required"/"must"/"Voraussetzung"; false: every mention that says anything says
  // "nice to have"/"a plus"/"von Vorteil"; nullopt: the text does not say.
  std::optional<bool> required;
  bool implied = false;        // not named, implied by a named skill (include_implied)
};

// The skills `text` names, in order of first mention. Matching is by match_key over whole
// words ("Node.js", "node js", "NodeJS"; "C++", "C#", ".NET" kept apart), longest form first;
// short and strict forms ("R", "Go", "Excel") must appear with their exact case, and strict
// ones also next to another skill or a word such as "programming" or "experience" in the same
// sentence; phrases such as "go to" and "R&D" hide the skill they start with. Linear in the
// text's length; never fails (UTF-8 is not checked; invalid bytes are treated as letters).
std::vector<FoundSkill> extract_skills(const Taxonomy& taxonomy, std::string_view text,
                                       const ExtractOptions& options = {});

}  // namespace hg::skills
