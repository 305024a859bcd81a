// Profile + overrides -> Query.
#include "match/query.hpp"

#include <algorithm>

#include "match/text.hpp"
#include "normalize/title.hpp"
#include "util/strings.hpp"

namespace hg::match {

std::string skill_key(const skills::Taxonomy& taxonomy, std::string_view name) {
  if (auto id = taxonomy.find(name)) return util::to_lower(taxonomy.skill(*id).name);
  return util::to_lower(util::trim(name));
}

SkillHit Query::hit(std::string_view skill_name, std::int8_t required) const {
  SkillHit hit;
  hit.required = required;
  auto it = skills.find(util::to_lower(skill_name));
  if (it != skills.end()) {
    hit.has = it->second.has;
    hit.years = it->second.years;
  }
  return hit;
}

Result<Query> make_query(const model::Profile& profile, const Overrides& overrides,
                         const skills::Taxonomy& taxonomy, const normalize::Gazetteer* gazetteer) {
  Query query;
  Seeker& seeker = query.seeker;

  // Skills: the profile's, or the flag's; each with everything the taxonomy says it implies.
  std::vector<model::ProfileSkill> listed = profile.skills;
  if (!overrides.skills.empty()) {
    listed.clear();
    for (const std::string& name : overrides.skills) {
      if (!util::trim(name).empty()) listed.push_back({std::string(util::trim(name)), "", std::nullopt});
    }
  }
  std::vector<std::pair<std::string, float>> implied;
  for (const model::ProfileSkill& skill : listed) {
    const float years = skill.years ? static_cast<float>(*skill.years) : -1.0f;
    std::string name = skill.name;
    if (auto id = taxonomy.find(skill.name)) {
      name = taxonomy.skill(*id).name;
      for (skills::SkillId other : taxonomy.implied(*id)) implied.emplace_back(taxonomy.skill(other).name, years);
    }
    const std::string key = util::to_lower(name);
    auto [it, added] = query.skills.try_emplace(key, Holding{name, Has::yes, years});
    if (added) query.own_skills.push_back(name);
    else {
      it->second.has = Has::yes;
      it->second.years = std::max(it->second.years, years);
    }
  }
  for (auto& [name, years] : implied) {
    query.skills.try_emplace(util::to_lower(name), Holding{name, Has::implied, years});
  }

  // Title: the flag, else the headline, else the latest position.
  query.title = !overrides.title.empty() ? overrides.title
                : !profile.label.empty() ? profile.label
                : profile.titles.empty() ? std::string()
                                         : profile.titles.front();
  std::string family = normalize::parse_title(query.title).family;
  if (family.empty() && overrides.title.empty() && !profile.titles.empty()) {
    family = normalize::parse_title(profile.titles.front()).family;
  }
  seeker.family = family_number(family);
  for (const std::string& word : words(query.title, 16)) {
    if (std::find(query.title_words.begin(), query.title_words.end(), word) == query.title_words.end()) {
      query.title_words.push_back(word);
    }
  }
  query.text_words = query.title_words;
  for (const std::string& skill : query.own_skills) {
    for (const std::string& word : words(skill)) {
      if (query.text_words.size() >= 32) break;
      if (std::find(query.text_words.begin(), query.text_words.end(), word) == query.text_words.end()) {
        query.text_words.push_back(word);
      }
    }
  }

  seeker.years = overrides.years ? overrides.years : profile.years_experience;
  seeker.min_salary = overrides.min_salary ? overrides.min_salary : profile.min_salary;
  seeker.needs_visa = overrides.needs_visa ? overrides.needs_visa : profile.needs_visa;
  const std::string remote = !overrides.remote.empty() ? overrides.remote : profile.remote_preference;
  seeker.remote = remote_number(remote);
  if (!remote.empty() && seeker.remote == 0 && remote != "any") {
    return fail(Errc::invalid_argument, "--remote: expected remote, hybrid or onsite, got \"{}\"", remote);
  }

  // Place: the flag, else the profile's coordinates, else its location text.
  seeker.country = profile.country;
  query.place = profile.location;
  if (profile.latitude && profile.longitude && overrides.location.empty()) {
    seeker.lat = static_cast<float>(*profile.latitude);
    seeker.lon = static_cast<float>(*profile.longitude);
  } else if (gazetteer != nullptr) {
    const std::string& text = overrides.location.empty() ? profile.location : overrides.location;
    normalize::Location location = normalize::parse_location(*gazetteer, text);
    const normalize::Place* best = nullptr;
    for (const normalize::Place& place : location.places) {
      if (place.lat) {
        best = &place;
        break;
      }
    }
    if (best == nullptr && !location.places.empty()) best = &location.places.front();
    if (best == nullptr && !overrides.location.empty()) {
      Error error = fail(Errc::not_found, "--location: place \"{}\" not found", overrides.location);
      error.hint = "give a city, a region or a country, e.g. \"Berlin, DE\"";
      return error;
    }
    if (best != nullptr) {
      if (best->lat && best->lon) {
        seeker.lat = static_cast<float>(*best->lat);
        seeker.lon = static_cast<float>(*best->lon);
      }
      if (!best->country.empty()) seeker.country = best->country;
      if (!overrides.location.empty()) query.place = overrides.location;
    }
  }
  return query;
}

}  // namespace hg::match
