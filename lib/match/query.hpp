// The seeker side of a match: a profile (saved, read from a JSON Resume, or given by flags)
// turned into what the factors compare jobs to.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "match/factors.hpp"
#include "model/profile.hpp"
#include "normalize/location.hpp"
#include "skills/taxonomy.hpp"
#include "util/result.hpp"

namespace hg::match {

// What the command line says on top of (or instead of) a profile. Unset fields keep the
// profile's value.
struct Overrides {
  std::vector<std::string> skills;        // replace the profile's skills
  std::string title;                      // the wanted title
  std::string location;                   // a place name the gazetteer knows
  std::string remote;                     // "remote" | "hybrid" | "onsite"
  std::optional<double> min_salary;       // annual, reporting currency
  std::optional<bool> needs_visa;
  std::optional<double> years;
};

struct Holding {
  std::string name;  // canonical spelling when the taxonomy knows it
  Has has = Has::no;
  float years = -1;
};

struct Query {
  Seeker seeker;
  std::string title;  // the title the seeker wants (for display)
  std::string place;  // where they are, as resolved (for display)
  // Skills held, keyed by lower-case canonical name; implied ones (React -> JavaScript) too.
  std::unordered_map<std::string, Holding> skills;
  std::vector<std::string> own_skills;  // canonical names of the skills they list
  std::vector<std::string> title_words;  // the title query
  std::vector<std::string> text_words;   // the description query: title and skill words
  // How the seeker stands on a job's skill, by name.
  SkillHit hit(std::string_view skill_name, std::int8_t required) const;
};

// Builds the query. `gazetteer` may be null (no places resolved). Errors: not_found for a
// --location the gazetteer does not know, invalid_argument for a bad --remote.
Result<Query> make_query(const model::Profile& profile, const Overrides& overrides,
                         const skills::Taxonomy& taxonomy, const normalize::Gazetteer* gazetteer);

// The key skills are compared by: lower-case canonical name (or the name as given).
std::string skill_key(const skills::Taxonomy& taxonomy, std::string_view name);

}  // namespace hg::match
