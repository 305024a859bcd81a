#include <catch2/catch.hpp>

#include "scrape/adapters.hpp"
#include "support/catch_printers.hpp"
#include "support/temp_dir.hpp"

namespace hg::scrape {
namespace {

Context jobicy_context(std::map<std::string, std::string> params = {}) {
  return Context{.spec = {.name = "jobicy", .kind = "jobicy", .params = std::move(params)},
                 .base_url = std::string(jobicy_adapter().default_base_url()),
                 .fetched_at = *util::parse_iso("2026-11-21T12:00:00Z")};
}

TEST_CASE("jobicy asks for the remote-jobs API with geo and tag", "[scrape][jobicy]") {
  const Adapter& adapter = jobicy_adapter();
  CHECK(adapter.kind() == "jobicy");
  CHECK_FALSE(adapter.needs_target());
  auto plain = adapter.first_request(jobicy_context());
  REQUIRE(plain);
  CHECK(plain->url == "https://jobicy.com/api/v2/remote-jobs?count=50");
  auto filtered =
      adapter.first_request(jobicy_context({{"query", "python"}, {"location", "usa"}}));
  REQUIRE(filtered);
  CHECK(filtered->url == "https://jobicy.com/api/v2/remote-jobs?count=50&geo=usa&tag=python");
  CHECK(filtered->headers.at(0).first == "Accept");
}

TEST_CASE("jobicy maps the recorded remote-jobs payload", "[scrape][jobicy]") {
  const Adapter& adapter = jobicy_adapter();
  const Context context = jobicy_context();
  const std::string body =
      testing::read_file(testing::fixture("sources/jobicy/remote-jobs.json"));
  REQUIRE_FALSE(body.empty());
  auto page = adapter.parse(context, *adapter.first_request(context), body);
  REQUIRE(page);
  CHECK(page->skipped.empty());
  CHECK_FALSE(page->next);
  CHECK_FALSE(page->complete);
  REQUIRE(page->jobs.size() == 4);

  const model::Job& first = page->jobs[0];
  CHECK(first.source == "jobicy");
  CHECK(first.external_id == "145880");
  CHECK(first.title == "Senior Software Engineer (Contract)");
  CHECK(first.company == "Mozilla");
  CHECK(first.location == "Germany");
  CHECK(first.remote == "remote");
  CHECK(first.employment_type == "contract");
  CHECK(first.url == "https://jobicy.com/jobs/145880-senior-software-engineer-contract");
  CHECK(first.date_posted == "2026-07-10T20:00:05Z");
  CHECK_FALSE(first.salary_min);
  CHECK(first.seniority.empty());  // jobLevel is left to enrichment
  CHECK(first.description.find("Are you passionate about Privacy") == 0);

  const model::Job& second = page->jobs[1];
  CHECK(second.external_id == "145878");
  CHECK(second.title == "Customer Experience Lab Technician (Netherlands)");
  CHECK(second.company == "Dandy");
  CHECK(second.location == "Netherlands");
  CHECK(second.employment_type == "full_time");
  CHECK(second.date_posted == "2026-07-10T20:00:03Z");

  const model::Job& fourth = page->jobs[3];
  CHECK(fourth.external_id == "146002");
  CHECK(fourth.title == "Content Marketing Manager, Organic Growth (SEO & AEO)");
  CHECK(fourth.company == "RevenueCat");
  CHECK(fourth.location == "EMEA,  LATAM,  Canada,  USA");
  CHECK(fourth.salary_min == 151000);
  CHECK_FALSE(fourth.salary_max);
  CHECK(fourth.salary_currency == "USD");
  CHECK(fourth.salary_period == "year");
  CHECK(fourth.date_posted == "2026-07-10T19:25:02Z");
}

TEST_CASE("jobicy skips a job without a title and rejects what is not JSON",
          "[scrape][jobicy]") {
  const Adapter& adapter = jobicy_adapter();
  const Context context = jobicy_context();
  const net::Request request = *adapter.first_request(context);
  auto page = adapter.parse(context, request, R"({"jobs":[{"id":9,"companyName":"X"},
      {"id":10,"jobTitle":"Nurse","salaryMin":"54000","salaryMax":98000,
       "salaryCurrency":"USD","salaryPeriod":"hourly"}]})");
  REQUIRE(page);
  REQUIRE(page->jobs.size() == 1);
  CHECK(page->jobs[0].salary_min == 54000);
  CHECK(page->jobs[0].salary_period == "hour");
  REQUIRE(page->skipped.size() == 1);
  CHECK(page->skipped[0] == "jobicy: job 9 has no jobTitle");

  auto bad = adapter.parse(context, request, "");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == Errc::invalid_input);
}

}  // namespace
}  // namespace hg::scrape
