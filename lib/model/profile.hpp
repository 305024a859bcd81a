// A candidate: who they are, what they can do and what they want. Built from a JSON Resume.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hg::model {

using ProfileId = std::int64_t;

struct ProfileSkill {
  std::string name;   // as given; canonical once lib/skills resolves it
  std::string level;  // JSON Resume skills[].level, free text
  std::optional<double> years;
};

struct Profile {
  ProfileId id = 0;
  std::string name;        // handle, unique in the store: "default", "jane"
  std::string full_name;   // basics.name
  std::string label;       // basics.label: headline or desired title
  std::string email;
  std::string phone;
  std::string location;    // "City, Region, CC" from basics.location
  std::string country;     // ISO 3166-1 alpha-2
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::optional<double> years_experience;  // from work[] dates
  std::string remote_preference;           // "onsite" | "hybrid" | "remote" | ""
  std::optional<double> min_salary;
  std::string salary_currency;
  std::optional<bool> needs_visa;
  std::vector<ProfileSkill> skills;
  std::vector<std::string> titles;  // work[].position, newest first
  std::string resume_json;          // the JSON Resume document
  bool is_default = false;
  std::string created_at;
  std::string updated_at;
};

}  // namespace hg::model
