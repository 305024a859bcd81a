#include "ingest/map_job.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/catch_printers.hpp"

namespace hg::ingest {
namespace {

using nlohmann::json;

model::Job map_ok(const json& record, const MapOptions& options = {}) {
  auto job = map_job(record, options);
  REQUIRE(job);
  return *job;
}

std::string map_error(const json& record, const MapOptions& options = {}) {
  auto job = map_job(record, options);
  REQUIRE_FALSE(job);
  CHECK(job.error().code == Errc::invalid_input);
  return job.error().message;
}

TEST_CASE("map_job reads hg's own field names", "[ingest]") {
  const model::Job job = map_ok({{"title", "  Data   engineer "},
                                 {"company", "Acme"},
                                 {"external_id", "A-1"},
                                 {"source", "Greenhouse"},
                                 {"url", "https://www.acme.example/jobs/1?utm_source=feed"},
                                 {"location", "Berlin, Germany"},
                                 {"country", "de"},
                                 {"remote", "Hybrid"},
                                 {"employment_type", "Full-time"},
                                 {"salary_min", 70000},
                                 {"salary_max", "90,000"},
                                 {"salary_currency", "eur"},
                                 {"salary_period", "yearly"},
                                 {"visa_sponsorship", "yes"},
                                 {"date_posted", "2026-01-05"},
                                 {"description", "Build pipelines."}});
  CHECK(job.title == "Data engineer");
  CHECK(job.company == "Acme");
  CHECK(job.external_id == "A-1");
  CHECK(job.source == "greenhouse");
  CHECK(job.url == "https://www.acme.example/jobs/1?utm_source=feed");
  CHECK(job.canonical_url == "https://acme.example/jobs/1");
  CHECK(job.location == "Berlin, Germany");
  CHECK(job.country == "DE");
  CHECK(job.remote == "hybrid");
  CHECK(job.employment_type == "full_time");
  CHECK(job.salary_min == 70000.0);
  CHECK(job.salary_max == 90000.0);
  CHECK(job.salary_currency == "EUR");
  CHECK(job.salary_period == "year");
  CHECK(job.salary_annual == 80000.0);
  CHECK(job.visa_sponsorship == true);
  CHECK(job.date_posted == "2026-01-05");
  CHECK(job.description == "Build pipelines.");
  CHECK(job.description_html == "");
  CHECK(json::parse(job.raw)["external_id"] == "A-1");
}

TEST_CASE("map_job reads a schema.org JobPosting", "[ingest]") {
  const json posting = json::parse(R"({
    "@context": "https://schema.org/", "@type": "JobPosting",
    "title": "Site Reliability Engineer",
    "description": "<p>Keep <b>things</b> up.</p>",
    "identifier": {"@type": "PropertyValue", "name": "Initech", "value": "SRE-7"},
    "datePosted": "2026-01-05T10:00:00+01:00",
    "validThrough": "2026-03-01",
    "employmentType": "FULL_TIME",
    "hiringOrganization": {"@type": "Organization", "name": "Initech", "sameAs": "https://initech.example"},
    "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress",
      "addressLocality": "Austin", "addressRegion": "TX", "addressCountry": "us"}},
    "baseSalary": {"@type": "MonetaryAmount", "currency": "USD",
      "value": {"@type": "QuantitativeValue", "minValue": 60, "maxValue": 80, "unitText": "HOUR"}},
    "jobLocationType": "TELECOMMUTE"
  })");
  const model::Job job = map_ok(posting);
  CHECK(job.title == "Site Reliability Engineer");
  CHECK(job.company == "Initech");
  CHECK(job.external_id == "SRE-7");
  CHECK(job.source == "import");
  CHECK(job.date_posted == "2026-01-05T09:00:00Z");
  CHECK(job.valid_through == "2026-03-01");
  CHECK(job.employment_type == "full_time");
  CHECK(job.location == "Austin, TX, us");
  CHECK(job.city == "Austin");
  CHECK(job.region == "TX");
  CHECK(job.country == "US");
  CHECK(job.remote == "remote");
  CHECK(job.salary_min == 60.0);
  CHECK(job.salary_max == 80.0);
  CHECK(job.salary_currency == "USD");
  CHECK(job.salary_period == "hour");
  CHECK(job.salary_annual == 145600.0);  // 70 an hour, 2080 hours
  CHECK(job.salary_text == "");
  CHECK(job.description == "Keep things up.");
  CHECK(job.description_html == "<p>Keep <b>things</b> up.</p>");

  SECTION("a jobLocation array joins the places and takes the first one's parts") {
    json record = posting;
    record["jobLocation"] = json::parse(R"([
      {"@type": "Place", "address": {"addressLocality": "Berlin",
        "addressCountry": {"@type": "Country", "name": "DE"}}},
      "Remote, Europe",
      {"@type": "Place", "address": {"addressLocality": "Munich", "addressCountry": "DE"}}])");
    const model::Job many = map_ok(record);
    CHECK(many.location == "Berlin, DE; Remote, Europe; Munich, DE");
    CHECK(many.city == "Berlin");
    CHECK(many.country == "DE");
  }
  SECTION("a single baseSalary value is both ends of the range") {
    json record = posting;
    record["baseSalary"] = {{"currency", "GBP"},
                            {"value", {{"value", "4,000"}, {"unitText", "MONTH"}}}};
    const model::Job single = map_ok(record);
    CHECK(single.salary_min == 4000.0);
    CHECK(single.salary_max == 4000.0);
    CHECK(single.salary_period == "month");
    CHECK(single.salary_annual == 48000.0);
  }
  SECTION("hiringOrganization as plain text") {
    json record = posting;
    record["hiringOrganization"] = "Globex";
    CHECK(map_ok(record).company == "Globex");
  }
}

TEST_CASE("map_job reads dates given as epoch seconds or milliseconds", "[ingest]") {
  const json base = {{"title", "T"}, {"company", "C"}};
  json record = base;
  record["posted_at"] = 1767225600;
  CHECK(map_ok(record).date_posted == "2026-01-01T00:00:00Z");
  record["posted_at"] = 1767225600000;
  CHECK(map_ok(record).date_posted == "2026-01-01T00:00:00Z");
  record["posted_at"] = "1767225600";
  CHECK(map_ok(record).date_posted == "2026-01-01T00:00:00Z");
  record["posted_at"] = "last week";
  CHECK(map_error(record) == "date_posted: not a date: \"last week\"");
}

TEST_CASE("map_job takes --map columns over the built-in names", "[ingest]") {
  const json record = {{"title", "Engineer"},
                       {"company", "Wrong Co"},
                       {"employer_name", "Right Co"},
                       {"role_name", "Mapped title"}};
  MapOptions options;
  options.columns = {{"company", "employer_name"}};
  CHECK(map_ok(record, options).company == "Right Co");
  CHECK(map_ok(record, options).title == "Engineer");

  options.columns["title"] = "role_name";
  CHECK(map_ok(record, options).title == "Mapped title");

  SECTION("a mapped column the record lacks does not fall back to an alias") {
    options.columns["company"] = "no_such_column";
    CHECK(map_error(record, options) == "company: missing");
  }
  SECTION("the default source applies when the record names none") {
    options.default_source = "my-export";
    CHECK(map_ok(record, options).source == "my-export");
  }
}

TEST_CASE("map_job errors name the field", "[ingest]") {
  CHECK(map_error({{"company", "Acme"}}) == "title: missing");
  CHECK(map_error({{"title", "   "}, {"company", "Acme"}}) == "title: missing");
  CHECK(map_error({{"title", "Engineer"}}) == "company: missing");
  CHECK(map_error({{"title", "Engineer"}, {"company", nullptr}}) == "company: missing");
  CHECK(map_error({{"title", "Engineer"}, {"hiringOrganization", {{"sameAs", "x"}}}}) ==
        "company: missing");
  CHECK(map_error({{"title", {1, 2}}, {"company", "Acme"}}) ==
        "title: expected text, got a JSON array");
  CHECK(map_error({{"title", "T"}, {"company", "C"}, {"salary_min", "lots"}}) ==
        "salary_min: not a number: \"lots\"");
  CHECK(map_error({{"title", "T"}, {"company", "C"}, {"salary_min", 9}, {"salary_max", 5}}) ==
        "salary_min: 9 is above salary_max 5");
  CHECK(map_error({{"title", "T"}, {"company", "C"}, {"lat", 91}}) ==
        "latitude: coordinates out of range");
  CHECK(map_error({{"title", "T"}, {"company", "C"}, {"sponsorship", "maybe"}}) ==
        "visa_sponsorship: expected true or false, got \"maybe\"");
  CHECK(map_error({{"title", std::string(2001, 'x')}, {"company", "C"}}) ==
        "title: longer than 2000 bytes");
}

TEST_CASE("map_job does not let a null external_id fall back to id", "[ingest]") {
  const json base = {{"title", "T"}, {"company", "C"}, {"id", 7}};
  CHECK(map_ok(base).external_id == "7");
  json record = base;
  record["external_id"] = nullptr;  // as hg's own export writes it
  CHECK(map_ok(record).external_id == "");
  record["external_id"] = "  ";
  CHECK(map_ok(record).external_id == "");
  record["external_id"] = "X-9";
  CHECK(map_ok(record).external_id == "X-9");
}

TEST_CASE("map_job reads CSV rows, where every value is text", "[ingest]") {
  const json row = {{"job_title", "Analyst"},  {"company_name", "Hooli"}, {"salary", "$50k"},
                    {"min_salary", "50000"},   {"max_salary", ""},        {"remote", "false"},
                    {"lat", "52.5"},           {"lng", "13.4"},           {"date", "2026-01-05"},
                    {"job_type", "contractor"}};
  const model::Job job = map_ok(row);
  CHECK(job.title == "Analyst");
  CHECK(job.company == "Hooli");
  CHECK(job.salary_text == "$50k");
  CHECK(job.salary_min == 50000.0);
  CHECK_FALSE(job.salary_max);     // "" is unknown
  CHECK_FALSE(job.salary_annual);  // no period
  CHECK(job.remote == "onsite");
  CHECK(job.latitude == 52.5);
  CHECK(job.longitude == 13.4);
  CHECK(job.date_posted == "2026-01-05");
  CHECK(job.employment_type == "contract");
}

TEST_CASE("check_mapping accepts hg fields and names an unknown one", "[ingest]") {
  CHECK(check_mapping("company"));
  CHECK(check_mapping("salary_min"));
  auto bad = check_mapping("employer");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == Errc::invalid_argument);
  CHECK(bad.error().message == "--map: unknown field \"employer\"");
  CHECK(mappable_fields().front() == "external_id");
  CHECK(std::find(mappable_fields().begin(), mappable_fields().end(), "title") !=
        mappable_fields().end());
}

}  // namespace
}  // namespace hg::ingest
