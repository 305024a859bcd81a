#include "docs/cover_letter.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <mstch/mstch.hpp>
#include <nlohmann/json.hpp>

#include "util/embedded.hpp"
#include "util/strings.hpp"

namespace hg::docs {
namespace {

constexpr std::size_t kMaxTemplate = 64 * 1024;
constexpr std::size_t kMaxRoles = 3;
constexpr std::size_t kMaxNamedSkills = 6;  // a letter, not a keyword list

std::string text_at(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return {};
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return {};
  return std::string(util::trim(it->get<std::string>()));
}

std::string year_of(const std::string& date) { return date.size() >= 4 ? date.substr(0, 4) : ""; }

std::string period_of(const std::string& start, const std::string& end, bool current) {
  const std::string from = year_of(start), to = year_of(end);
  if (current) return from.empty() ? "" : "since " + from;
  if (from.empty()) return to;
  if (to.empty() || to == from) return from;
  return from + "\u2013" + to;
}

// Every string in the document, one per line: the text numbers and names are checked against.
void collect_text(const nlohmann::json& value, std::string& out) {
  if (value.is_string()) {
    out += value.get<std::string>();
    out += '\n';
  } else if (value.is_number()) {
    out += value.dump();
    out += '\n';
  } else if (value.is_structured()) {
    for (const auto& item : value) collect_text(item, out);
  }
}

std::string long_date(std::string_view iso_day) {
  static constexpr std::string_view kMonths[] = {"January", "February", "March", "April",
                                                 "May", "June", "July", "August", "September",
                                                 "October", "November", "December"};
  if (iso_day.size() < 10) return std::string(iso_day);
  const int month = std::atoi(std::string(iso_day.substr(5, 2)).c_str());
  const int day = std::atoi(std::string(iso_day.substr(8, 2)).c_str());
  if (month < 1 || month > 12 || day < 1) return std::string(iso_day);
  return std::to_string(day) + " " + std::string(kMonths[month - 1]) + " " +
         std::string(iso_day.substr(0, 4));
}

// A long highlight's first sentence: a letter lists achievements, not paragraphs.
std::string first_sentence(const std::string& text) {
  if (text.size() <= 160) return text;
  for (std::size_t i = 40; i + 1 < text.size(); ++i) {
    if (text[i] == '.' && text[i + 1] == ' ') return text.substr(0, i + 1);
  }
  return text;
}

mstch::array names_of(const std::vector<std::string>& items) {
  mstch::array out;
  for (const std::string& item : items) out.push_back(mstch::map{{"name", item}});
  return out;
}

}  // namespace

std::string join_and(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

LetterFacts letter_facts(const model::Profile& profile, const model::Job& job,
                         const skills::Taxonomy* taxonomy, std::string_view today) {
  LetterFacts facts;
  facts.name = profile.full_name.empty() ? profile.name : profile.full_name;
  facts.email = profile.email;
  facts.phone = profile.phone;
  facts.location = profile.location;
  facts.label = profile.label;
  if (profile.years_experience && *profile.years_experience >= 1) {
    facts.years = static_cast<int>(std::floor(*profile.years_experience));
  }
  facts.company = job.company;
  facts.job_title = job.title;
  facts.job_location = !job.city.empty() ? job.city : job.location;
  facts.date = long_date(today);

  // The profile's skills by canonical name, with what they imply.
  std::set<std::string> have;
  for (const model::ProfileSkill& skill : profile.skills) {
    std::string name = skill.name;
    if (taxonomy != nullptr) {
      if (auto id = taxonomy->find(skill.name)) {
        name = taxonomy->skill(*id).name;
        for (skills::SkillId implied : taxonomy->implied(*id)) {
          have.insert(util::to_lower(taxonomy->skill(implied).name));
          facts.profile_skills.push_back(taxonomy->skill(implied).name);
        }
      }
    }
    have.insert(util::to_lower(name));
    facts.profile_skills.push_back(name);
  }
  std::sort(facts.profile_skills.begin(), facts.profile_skills.end());
  facts.profile_skills.erase(std::unique(facts.profile_skills.begin(), facts.profile_skills.end()),
                             facts.profile_skills.end());
  // Required skills first: a letter names the ones the posting insists on.
  for (bool required : {true, false}) {
    for (const model::JobSkill& skill : job.skills) {
      if (skill.required.value_or(false) != required) continue;
      (have.contains(util::to_lower(skill.name)) ? facts.matching_skills : facts.missing_skills)
          .push_back(skill.name);
    }
  }

  const auto resume = nlohmann::json::parse(
      profile.resume_json.empty() ? std::string("{}") : profile.resume_json, nullptr, false);
  if (resume.is_object()) {
    collect_text(resume, facts.profile_text);
    facts.summary = text_at(resume.value("basics", nlohmann::json::object()), "summary");
    const auto work = resume.value("work", nlohmann::json::array());
    for (const auto& entry : work) {
      if (!entry.is_object()) continue;
      Role role;
      role.position = text_at(entry, "position");
      role.employer = text_at(entry, "name");
      if (role.employer.empty()) role.employer = text_at(entry, "company");
      const std::string start = text_at(entry, "startDate"), end = text_at(entry, "endDate");
      role.current = end.empty() || util::to_lower(end) == "present";
      role.period = period_of(start, end, role.current);
      if (auto it = entry.find("highlights"); it != entry.end() && it->is_array()) {
        for (const auto& highlight : *it) {
          if (!highlight.is_string()) continue;
          const std::string text(util::trim(highlight.get<std::string>()));
          if (text.empty()) continue;
          if (role.highlight.empty()) role.highlight = text;
          facts.achievements.push_back(text);
        }
      }
      if (!role.position.empty() || !role.employer.empty()) facts.roles.push_back(std::move(role));
    }
    // Newest first: JSON Resume lists work newest first by convention, but not always.
    std::stable_sort(facts.roles.begin(), facts.roles.end(), [](const Role& a, const Role& b) {
      return a.current && !b.current;
    });
    for (const auto& entry : resume.value("education", nlohmann::json::array())) {
      if (std::string name = text_at(entry, "institution"); !name.empty()) {
        facts.institutions.push_back(std::move(name));
      }
    }
  }
  if (facts.label.empty() && !facts.roles.empty()) facts.label = facts.roles.front().position;
  facts.profile_text += facts.name + '\n' + facts.email + '\n' + facts.phone + '\n' +
                        facts.location + '\n' + facts.date + '\n' + std::string(today) + '\n';
  return facts;
}

std::optional<std::string_view> builtin_template(std::string_view name) {
  return util::embedded_data("templates/" + std::string(name) + ".mustache");
}

std::vector<std::string> builtin_template_names() {
  std::vector<std::string> names;
  constexpr std::string_view kPrefix = "templates/", kSuffix = ".mustache";
  for (std::string_view file : util::embedded_names()) {
    if (file.starts_with(kPrefix) && file.ends_with(kSuffix)) {
      names.emplace_back(file.substr(kPrefix.size(), file.size() - kPrefix.size() - kSuffix.size()));
    }
  }
  return names;
}

Result<std::string> render_letter(std::string_view mustache, const LetterFacts& facts) {
  if (mustache.size() > kMaxTemplate) {
    return fail(Errc::invalid_input, "template: {} bytes; at most {} are read", mustache.size(),
                kMaxTemplate);
  }
  if (util::first_invalid_utf8(mustache)) return fail(Errc::invalid_input, "template: not UTF-8");
  mstch::array roles;
  for (std::size_t i = 0; i < facts.roles.size() && i < kMaxRoles; ++i) {
    const Role& role = facts.roles[i];
    roles.push_back(mstch::map{{"position", role.position}, {"employer", role.employer},
                               {"period", role.period},
                               {"highlight", first_sentence(role.highlight)},
                               {"current", role.current}});
  }
  std::string contact;
  for (const std::string* part : {&facts.email, &facts.phone, &facts.location}) {
    if (part->empty()) continue;
    if (!contact.empty()) contact += " \u00b7 ";
    contact += *part;
  }
  mstch::map context{
      {"name", facts.name}, {"contact", contact}, {"email", facts.email}, {"phone", facts.phone},
      {"location", facts.location}, {"label", facts.label}, {"summary", facts.summary},
      {"years", facts.years ? std::to_string(*facts.years) : std::string()},
      {"company", facts.company}, {"job_title", facts.job_title},
      {"job_location", facts.job_location}, {"date", facts.date},
      {"matching_skills", names_of(facts.matching_skills)},
      {"missing_skills", names_of(facts.missing_skills)},
      {"matching_skills_text", join_and(std::vector<std::string>(
                                   facts.matching_skills.begin(),
                                   facts.matching_skills.begin() +
                                       static_cast<std::ptrdiff_t>(std::min<std::size_t>(
                                           facts.matching_skills.size(), kMaxNamedSkills))))},
      {"missing_skills_text", join_and(facts.missing_skills)},
      {"has_matching_skills", !facts.matching_skills.empty()},
      {"has_roles", !roles.empty()},
      {"roles", roles},
  };
  if (!roles.empty() && facts.roles.front().current) context.emplace("current", roles.front());
  // A letter is plain text: "R&D" must not become "R&amp;D".
  mstch::config::escape = [](const std::string& text) { return text; };
  try {
    std::string out = mstch::render(std::string(mustache), context);
    // Templates leave blank runs where a section was empty: at most one blank line in a row.
    std::string tidy;
    std::size_t newlines = 0;
    for (char c : out) {
      newlines = c == '\n' ? newlines + 1 : 0;
      if (newlines <= 2) tidy += c;
    }
    while (!tidy.empty() && (tidy.front() == '\n')) tidy.erase(tidy.begin());
    while (tidy.size() > 1 && tidy.back() == '\n' && tidy[tidy.size() - 2] == '\n') tidy.pop_back();
    return tidy;
  } catch (const std::exception& e) {
    return fail(Errc::invalid_input, "template: {}", e.what());
  }
}

}  // namespace hg::docs
