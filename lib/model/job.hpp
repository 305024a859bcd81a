// A job posting as hg stores it: the source's facts plus the normalised ones.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hg::model {

using JobId = std::int64_t;

// A skill a posting asks for, by its canonical name in the skills taxonomy.
struct JobSkill {
  std::string name;
  std::optional<bool> required;  // true: must have; false: nice to have; nullopt: unsaid
  bool operator==(const JobSkill&) const = default;
};

// Field names follow schema.org JobPosting where one fits (title, description,
// employment_type = employmentType, date_posted = datePosted, valid_through = validThrough,
// company = hiringOrganization.name, location = jobLocation). Empty strings mean unknown.
struct Job {
  JobId id = 0;                    // hg's own id; 0 until stored
  std::string source;              // board or import name: "greenhouse", "indeed", "import"
  std::string external_id;         // the source's id for the posting
  std::string url;                 // where to read or apply, as given
  std::string canonical_url;       // url without tracking parameters, normalised
  std::string title;
  std::string company;
  std::string location;            // as the source wrote it
  std::string city;
  std::string region;
  std::string country;             // ISO 3166-1 alpha-2
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::string remote;              // "onsite" | "hybrid" | "remote" | "" (unknown)
  std::vector<std::string> remote_regions;  // where remote work is allowed: "US", "EU", "EMEA"
  std::string employment_type;     // "full_time", "part_time", "contract", "internship" ...
  std::string seniority;           // "intern", "junior", "mid", "senior", "staff", "lead" ...
  std::string title_family;        // "software engineering", "data science" ... "" unknown
  std::string salary_text;         // as the source wrote it
  std::optional<double> salary_min;
  std::optional<double> salary_max;
  std::string salary_currency;     // ISO 4217
  std::string salary_period;       // "hour" | "day" | "week" | "month" | "year"
  std::optional<double> salary_annual;  // annualised midpoint in salary_currency
  std::optional<double> salary_reporting;  // salary_annual converted to reporting_currency
  std::string reporting_currency;          // ISO 4217 (config salary.reporting_currency)
  std::optional<bool> visa_sponsorship;
  std::string visa_evidence;       // the text that said so
  std::string description;         // plain text
  std::string description_html;    // as the source gave it, when it was HTML
  std::string date_posted;         // ISO 8601 date or date-time
  std::string valid_through;
  std::string first_seen;          // when hg first stored it (ISO 8601 UTC)
  std::string last_seen;           // when a source last listed it
  std::string closed_at;           // when it vanished from a complete listing
  std::vector<JobSkill> skills;    // found in title and description, in order of first mention
  std::string fingerprint;         // normalised title + company + place
  std::optional<std::int64_t> cluster_id;  // dedup cluster
  std::string raw;                 // the source record as JSON text
};

// Annual figure for a salary in `period`, or nullopt when the period is unknown.
std::optional<double> annualise(double amount, std::string_view period);

}  // namespace hg::model
