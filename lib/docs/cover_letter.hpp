// Cover letters from mustache templates (mstch), filled only with facts taken from the
// profile, the job and the skills they share: a template letter is truthful by construction.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/job.hpp"
#include "model/profile.hpp"
#include "skills/taxonomy.hpp"
#include "util/result.hpp"

namespace hg::docs {

struct Role {
  std::string position{};
  std::string employer{};
  std::string period{};     // "2019–2023", "since 2021"
  std::string highlight{};  // the first achievement listed for it, or ""
  bool current = false;
};

// What a letter may say, and the truth a generated letter is checked against.
struct LetterFacts {
  std::string name, email, phone, location, label, summary{};
  std::optional<int> years{};  // whole years of experience
  std::string company, job_title, job_location{};
  std::vector<std::string> matching_skills{};  // the job's skills the profile has, required first
  std::vector<std::string> missing_skills{};   // the job's skills the profile lacks
  std::vector<std::string> profile_skills{};   // canonical, with what they imply
  std::vector<Role> roles{};                   // newest first
  std::vector<std::string> institutions{};     // education[].institution
  std::vector<std::string> achievements{};     // every work highlight, as written
  std::string date{};                          // the letter's date, "21 November 2026"
  std::string profile_text{};                  // the whole resume as text: numbers are checked here
};

// Gathers the facts. Profile skills are resolved through `taxonomy` (when given) so "ReactJS"
// in a resume matches "React" in a posting, and what they imply counts (React => JavaScript).
// `today` is "YYYY-MM-DD".
LetterFacts letter_facts(const model::Profile& profile, const model::Job& job,
                         const skills::Taxonomy* taxonomy, std::string_view today);

// The template shipped with hg under data/templates/<name>.mustache, or nullopt.
std::optional<std::string_view> builtin_template(std::string_view name);
// The names of the shipped templates, sorted.
std::vector<std::string> builtin_template_names();

// Renders a mustache template (plain text: values are not HTML-escaped). Variables: name,
// contact (email · phone · location), email, phone, location, label, summary, years, company,
// job_title, job_location, date, matching_skills_text (the first six), missing_skills_text;
// sections: matching_skills and missing_skills (each {{name}}), roles (position, employer,
// period, highlight, current), current (the current role), has_matching_skills, has_roles.
// Errors: invalid_input for a template mstch cannot parse or one over 64 KB. Not thread-safe
// (mstch's escape setting is global).
Result<std::string> render_letter(std::string_view mustache, const LetterFacts& facts);

// "Python, Django and PostgreSQL".
std::string join_and(const std::vector<std::string>& items);

}  // namespace hg::docs
