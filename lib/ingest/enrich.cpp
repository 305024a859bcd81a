#include "ingest/enrich.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "normalize/currency.hpp"
#include "normalize/employment.hpp"
#include "normalize/location.hpp"
#include "normalize/salary.hpp"
#include "normalize/title.hpp"
#include "normalize/visa.hpp"
#include "skills/extract.hpp"
#include "skills/taxonomy.hpp"
#include "util/strings.hpp"

namespace hg::ingest {
namespace {

void enrich_place(model::Job& job, const normalize::Gazetteer& places) {
  if (job.location.empty()) return;
  const bool place_known = !job.city.empty() || !job.country.empty();
  if (place_known && !job.remote.empty()) return;
  const normalize::Location where = normalize::parse_location(places, job.location);
  if (!place_known && !where.places.empty()) {
    const normalize::Place& first = where.places.front();
    job.city = first.city;
    job.region = first.region;
    job.country = first.country;
    if (!job.latitude && !job.longitude && first.lat && first.lon) {
      // Five decimals (about a metre) is all a city centre needs, and prints cleanly.
      job.latitude = std::round(*first.lat * 1e5) / 1e5;
      job.longitude = std::round(*first.lon * 1e5) / 1e5;
    }
  }
  if (job.remote.empty()) job.remote = where.remote;
  if (job.remote_regions.empty()) job.remote_regions = where.remote_regions;
}

// A board's own seniority label (LinkedIn's "Mid-Senior level", "Not Applicable") in hg's
// scale; "" when it says nothing usable, so the title decides.
std::string seniority_from_label(std::string_view label) {
  const normalize::TitleInfo as_title = normalize::parse_title(label);
  if (!as_title.seniority.empty()) return as_title.seniority;
  std::string lower;
  for (char c : label) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (lower.find("entry") != std::string::npos || lower == "associate") return "junior";
  if (lower.find("mid") != std::string::npos) return "mid";
  if (lower.find("intern") != std::string::npos) return "intern";
  return {};
}

void enrich_title(model::Job& job) {
  static constexpr std::string_view kScale[] = {"intern", "junior", "mid", "senior", "staff",
                                                "principal", "lead", "manager", "director",
                                                "executive"};
  if (!job.seniority.empty() &&
      std::find(std::begin(kScale), std::end(kScale), job.seniority) == std::end(kScale)) {
    job.seniority = seniority_from_label(job.seniority);
  }
  if (!job.seniority.empty() && !job.title_family.empty()) return;
  const normalize::TitleInfo title = normalize::parse_title(job.title);
  if (job.seniority.empty()) job.seniority = title.seniority;
  if (job.title_family.empty()) job.title_family = title.family;
}

void enrich_salary(model::Job& job, const Enrichers& with) {
  if (!job.salary_min && !job.salary_max && !job.salary_text.empty()) {
    if (auto salary = normalize::parse_salary(job.salary_text, {.country = job.country,
                                                                .default_period = {}})) {
      job.salary_min = salary->min;
      job.salary_max = salary->max;
      if (job.salary_currency.empty()) job.salary_currency = salary->currency;
      if (job.salary_period.empty()) job.salary_period = salary->period;
    }
  }
  if (!job.salary_min && !job.salary_max) return;
  if (job.salary_currency.empty() && !job.country.empty()) {
    job.salary_currency = std::string(normalize::Currencies::builtin().currency_of(job.country));
  }
  if (!job.salary_annual) {
    const double low = job.salary_min.value_or(job.salary_max.value_or(0));
    const double high = job.salary_max.value_or(low);
    if (auto yearly = model::annualise((low + high) / 2, job.salary_period)) {
      job.salary_annual = std::round(*yearly);
    }
  }
  if (job.salary_reporting || !job.salary_annual || job.salary_currency.empty() ||
      with.rates == nullptr || with.reporting_currency.empty()) {
    return;
  }
  const std::string day = job.date_posted.empty() ? job.first_seen : job.date_posted;
  if (auto converted = with.rates->convert(*job.salary_annual, job.salary_currency,
                                           with.reporting_currency, day.substr(0, 10))) {
    job.salary_reporting = std::round(*converted);
    job.reporting_currency = with.reporting_currency;
  }
}

void enrich_visa(model::Job& job, const Enrichers& with) {
  if (job.visa_sponsorship) return;
  const normalize::VisaSignal signal = normalize::visa_from_text(job.description);
  if (signal.sponsors) {
    job.visa_sponsorship = signal.sponsors;
    job.visa_evidence = signal.evidence;
    return;
  }
  if (with.sponsors != nullptr && job.country == "GB" && with.sponsors->contains(job.company)) {
    job.visa_sponsorship = true;
    job.visa_evidence = "employer is on the UK register of licensed sponsors (Skilled Worker)";
  }
}

void enrich_skills(model::Job& job, const skills::Taxonomy& taxonomy, std::string_view text) {
  if (!job.skills.empty()) return;
  for (const skills::FoundSkill& found : skills::extract_skills(taxonomy, text)) {
    job.skills.push_back({found.name, found.required});
  }
}

}  // namespace

void enrich(model::Job& job, const Enrichers& with) {
  if (with.places != nullptr) enrich_place(job, *with.places);
  enrich_title(job);
  // Employment type and skills read the same text: joined once, not once each.
  const bool needs_text = job.employment_type.empty() || (with.skills != nullptr && job.skills.empty());
  const std::string title_and_description =
      needs_text ? job.title + "\n" + job.description : std::string();
  if (job.employment_type.empty()) {
    job.employment_type = normalize::employment_type_from_text(title_and_description);
  }
  enrich_salary(job, with);
  enrich_visa(job, with);
  if (with.skills != nullptr) enrich_skills(job, *with.skills, title_and_description);
  // Derived text is stored as a reader of hg's own export would take it back (trimmed), so
  // export -> import -> export stays byte-identical.
  for (std::string* text : {&job.city, &job.region, &job.country, &job.visa_evidence,
                            &job.seniority, &job.title_family, &job.employment_type}) {
    *text = std::string(util::trim(*text));
  }
}

}  // namespace hg::ingest
