#include "ingest/enrich.hpp"

#include <catch2/catch.hpp>

#include "normalize/currency.hpp"
#include "normalize/location.hpp"
#include "normalize/visa.hpp"
#include "skills/taxonomy.hpp"
#include "support/catch_printers.hpp"
#include "util/embedded.hpp"

namespace hg::ingest {
namespace {

// The reference data hg embeds, loaded once for these tests.
struct Reference {
  normalize::Gazetteer places = normalize::Gazetteer::embedded().value();
  normalize::Rates rates = normalize::Rates::load(normalize::builtin_rates_tsv()).value();
  normalize::SponsorRegister sponsors =
      normalize::SponsorRegister::load(util::embedded_data("visa/uk_sponsors.txt").value())
          .value();
  skills::Taxonomy skills = skills::Taxonomy::load_builtin().value();

  Enrichers with() const {
    return Enrichers{.places = &places, .rates = &rates, .sponsors = &sponsors,
                     .skills = &skills, .reporting_currency = "USD", .fetched_at = {}};
  }
};

const Reference& reference() {
  static const Reference loaded;
  return loaded;
}

model::Job berlin_posting() {
  model::Job job;
  job.source = "test";
  job.external_id = "e1";
  job.title = "Senior Python Developer (m/w/d)";
  job.company = "Acme GmbH";
  job.location = "Berlin, DE";
  job.salary_text = "€60.000 - €75.000 brutto/Jahr";
  job.date_posted = "2025-05-01";
  job.description =
      "Requirements:\nMust have Python and PostgreSQL experience.\nNice to have: Kubernetes.\n"
      "Visa sponsorship available. Full-time position.";
  return job;
}

TEST_CASE("enrich derives place, title, salary, visa and skills from the text", "[ingest]") {
  model::Job job = berlin_posting();
  enrich(job, reference().with());
  CHECK(job.city == "Berlin");
  CHECK(job.country == "DE");
  CHECK(job.latitude == Approx(52.524));
  CHECK(job.seniority == "senior");
  CHECK(job.title_family == "software engineering");
  CHECK(job.employment_type == "full_time");
  CHECK(job.salary_min == 60000.0);
  CHECK(job.salary_max == 75000.0);
  CHECK(job.salary_currency == "EUR");
  CHECK(job.salary_period == "year");
  CHECK(job.salary_annual == 67500.0);
  CHECK(job.reporting_currency == "USD");
  REQUIRE(job.salary_reporting);
  CHECK(*job.salary_reporting > 67500.0);  // a euro bought more than a dollar on every rate day
  CHECK(job.visa_sponsorship == true);
  CHECK(job.visa_evidence == "Visa sponsorship available");
  CHECK(job.skills == std::vector<model::JobSkill>{{"Python", true},
                                                   {"PostgreSQL", true},
                                                   {"Kubernetes", false}});
}

TEST_CASE("enrich never overwrites what the record states and a second pass changes nothing",
          "[ingest]") {
  model::Job job = berlin_posting();
  job.city = "Potsdam";
  job.seniority = "lead";
  job.employment_type = "contract";
  job.visa_sponsorship = false;
  job.skills = {{"Go", std::nullopt}};
  enrich(job, reference().with());
  CHECK(job.city == "Potsdam");
  CHECK(job.seniority == "lead");
  CHECK(job.employment_type == "contract");
  CHECK(job.visa_sponsorship == false);
  CHECK(job.skills == std::vector<model::JobSkill>{{"Go", std::nullopt}});

  model::Job once = berlin_posting();
  enrich(once, reference().with());
  model::Job twice = once;
  enrich(twice, reference().with());
  CHECK(twice.city == once.city);
  CHECK(twice.salary_reporting == once.salary_reporting);
  CHECK(twice.skills == once.skills);
  CHECK(twice.visa_evidence == once.visa_evidence);
}

TEST_CASE("enrich maps a board's seniority label onto hg's scale", "[ingest]") {
  model::Job job = berlin_posting();
  job.title = "Data Analyst";
  job.seniority = "Not Applicable";  // LinkedIn's label says nothing: the title decides
  enrich(job, reference().with());
  CHECK(job.seniority.empty());
  job.seniority = "Mid-Senior level";
  enrich(job, reference().with());
  CHECK(job.seniority == "senior");
}

TEST_CASE("enrich with no reference data still reads the title, salary and visa cues",
          "[ingest]") {
  model::Job job = berlin_posting();
  enrich(job, Enrichers{});
  CHECK(job.city.empty());  // no gazetteer
  CHECK(job.skills.empty());  // no taxonomy
  CHECK(job.seniority == "senior");
  CHECK(job.salary_annual == 67500.0);
  CHECK_FALSE(job.salary_reporting);  // no rates
  CHECK(job.visa_sponsorship == true);
}

}  // namespace
}  // namespace hg::ingest
