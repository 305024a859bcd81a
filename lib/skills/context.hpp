// The extractor's language rules: phrases that look like skills but are not ("go to",
// "R&D"), words that corroborate a strict skill, and the cues that say whether a skill is
// required ("must have", "Voraussetzungen") or optional ("nice to have", "von Vorteil").
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace hg::skills {

// Phrases matched like skills (by match_key) that hide any shorter skill they start with.
std::span<const std::string_view> not_skill_phrases();

// Cues are whole words or phrases, matched ignoring ASCII case (other bytes as they are).

// True when `segment` has a word that says a tool or language is meant ("programming",
// "experience with", "Kenntnisse" ...): evidence for strict skills.
bool has_tech_cue(std::string_view segment);

// true: the segment says "required"; false: it says "optional"/"a plus"; nullopt: neither.
std::optional<bool> sentence_requirement(std::string_view segment);

// For a line that looks like a heading ("Requirements:", "Nice to have", "Benefits"):
// true/false as above, or nullopt for a neutral heading that ends a requirements section.
// Returns the outer nullopt when the line is not a heading hg knows.
std::optional<std::optional<bool>> heading_requirement(std::string_view line);

}  // namespace hg::skills
