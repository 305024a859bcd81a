// Truthfulness of a generated letter: every claim it makes about the candidate (skills,
// employers, titles, figures) must be found in the profile. Heuristic but conservative: a
// claim it cannot tie to the profile is flagged, for the user to read or `--strict` to reject.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "docs/cover_letter.hpp"
#include "skills/taxonomy.hpp"

namespace hg::docs {

struct Claim {
  std::string kind{};    // skill | employer | title | figure
  std::string text{};    // as the letter says it
  std::string reason{};  // why it is flagged, one line
};

// The claims of `letter` that `facts` does not support. Skills: every taxonomy skill the
// letter names must be one of the profile's (with what they imply). Employers: a capitalised
// name after "at", "for", "with", "joined" must be a past employer, an institution or the
// company applied to. Titles: a capitalised title after "as a/an/the" must be a position held,
// the profile's label or the job applied for. Figures: every number (40%, $2M, 12, 3x) must
// appear in the profile's text or be its years of experience or the letter's date.
std::vector<Claim> unsupported_claims(std::string_view letter, const LetterFacts& facts,
                                      const skills::Taxonomy* taxonomy);

// The claims as a JSON array of {kind, text, reason}, for documents.flags.
std::string claims_json(const std::vector<Claim>& claims);

// A line diff of two texts: unchanged lines start with "  ", removed "- ", added "+ ".
// Empty when they are equal. Texts over 2,000 lines are compared as a whole.
std::string line_diff(std::string_view before, std::string_view after);

}  // namespace hg::docs
