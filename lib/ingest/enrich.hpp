// Filling in the facts a posting implies but does not state: place, seniority, title family,
// employment type, salary figures (and in the reporting currency), visa sponsorship and
// skills — through lib/normalize and lib/skills, for import and scrape alike.
#pragma once

#include <string>

#include "model/job.hpp"
#include "util/time.hpp"

namespace hg::normalize {
class Gazetteer;
class Rates;
class SponsorRegister;
}  // namespace hg::normalize
namespace hg::skills {
class Taxonomy;
}

namespace hg::ingest {

// What enrich() works with. Every pointer is optional (null: that step is skipped) and
// borrowed: it must outlive the calls.
struct Enrichers {
  const normalize::Gazetteer* places = nullptr;      // location -> city, region, country, lat/lon
  const normalize::Rates* rates = nullptr;           // salary -> reporting currency
  const normalize::SponsorRegister* sponsors = nullptr;  // UK register of licensed sponsors
  const skills::Taxonomy* skills = nullptr;          // description -> skills
  std::string reporting_currency = "USD";            // ISO 4217 (config salary.reporting_currency)
  util::TimePoint fetched_at{};                      // "now" for relative dates
};

// Fills only what `job` leaves empty: a fact the source (or hg's own export) gives is never
// overwritten, so enriching an exported job again changes nothing. Deterministic; bounded
// by the normalisers' own limits; never fails.
void enrich(model::Job& job, const Enrichers& with);

}  // namespace hg::ingest
