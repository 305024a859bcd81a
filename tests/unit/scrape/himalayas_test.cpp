#include <catch2/catch.hpp>

#include "scrape/adapters.hpp"
#include "support/catch_printers.hpp"
#include "support/temp_dir.hpp"

namespace hg::scrape {
namespace {

Context himalayas_context() {
  return Context{.spec = {.name = "himalayas", .kind = "himalayas"},
                 .base_url = std::string(himalayas_adapter().default_base_url()),
                 .fetched_at = *util::parse_iso("2026-11-21T12:00:00Z")};
}

TEST_CASE("himalayas asks for the first page by offset and limit", "[scrape][himalayas]") {
  const Adapter& adapter = himalayas_adapter();
  CHECK(adapter.kind() == "himalayas");
  CHECK_FALSE(adapter.needs_target());
  auto request = adapter.first_request(himalayas_context());
  REQUIRE(request);
  CHECK(request->url == "https://himalayas.app/jobs/api?limit=20&offset=0");
  CHECK(request->headers.at(0).first == "Accept");
}

TEST_CASE("himalayas maps the recorded jobs payload and asks for the next offset",
          "[scrape][himalayas]") {
  const Adapter& adapter = himalayas_adapter();
  const Context context = himalayas_context();
  const std::string body =
      testing::read_file(testing::fixture("sources/himalayas/jobs-api.json"));
  REQUIRE_FALSE(body.empty());
  auto page = adapter.parse(context, *adapter.first_request(context), body);
  REQUIRE(page);
  CHECK(page->skipped.empty());
  CHECK_FALSE(page->complete);
  REQUIRE(page->jobs.size() == 4);
  REQUIRE(page->next);
  CHECK(page->next->url == "https://himalayas.app/jobs/api?limit=20&offset=4");

  const model::Job& first = page->jobs[0];
  CHECK(first.source == "himalayas");
  CHECK(first.external_id ==
        "https://himalayas.app/companies/ceragon-networks/jobs/content-marcom-specialist");
  CHECK(first.title == "Content & Marcom Specialist");
  CHECK(first.company == "Ceragon Networks");
  CHECK(first.location == "United States");
  CHECK(first.remote == "remote");
  CHECK(first.employment_type == "full_time");
  CHECK_FALSE(first.salary_min);
  CHECK(first.salary_currency.empty());
  CHECK(first.salary_period.empty());  // "annual" with no figures says nothing
  CHECK(first.date_posted == "2026-07-11T00:58:52Z");
  CHECK(first.valid_through == "2026-09-09T00:58:51Z");
  CHECK(first.url ==
        "https://himalayas.app/companies/ceragon-networks/jobs/content-marcom-specialist");
  CHECK(first.description.find("Description") == 0);

  const model::Job& third = page->jobs[2];
  CHECK(third.title == "Portfolio Manager - Freelance AI Trainer");
  CHECK(third.company == "Mindrift");
  CHECK(third.location == "Romania");
  CHECK(third.employment_type == "contract");  // "Contractor"
  CHECK(third.salary_min == 50);
  CHECK(third.salary_max == 50);
  CHECK(third.salary_currency == "USD");
  CHECK(third.salary_period == "hour");
  CHECK(third.date_posted == "2026-07-11T00:56:30Z");

  const model::Job& fourth = page->jobs[3];
  CHECK(fourth.external_id ==
        "https://himalayas.app/companies/nvidia/jobs/senior-system-software-engineer-nvsci");
  CHECK(fourth.title == "Senior System Software Engineer, NvSci");
  CHECK(fourth.company == "NVIDIA");
  CHECK(fourth.location == "Canada, United States");
  CHECK(fourth.salary_min == 184000);
  CHECK(fourth.salary_max == 356500);
  CHECK(fourth.salary_currency == "USD");
  CHECK(fourth.salary_period == "year");
  CHECK(fourth.date_posted == "2026-07-11T00:56:22Z");
  CHECK(fourth.seniority.empty());  // left for the runner's enrichment
}

TEST_CASE("himalayas stops at totalCount, skips a job without a title, rejects non-JSON",
          "[scrape][himalayas]") {
  const Adapter& adapter = himalayas_adapter();
  const Context context = himalayas_context();
  const net::Request request = *adapter.first_request(context);
  auto last = adapter.parse(context, request,
                            R"({"offset":40,"limit":20,"totalCount":42,"jobs":[
                                 {"guid":"https://himalayas.app/a","title":"QA"},
                                 {"guid":"https://himalayas.app/b","companyName":"B"}]})");
  REQUIRE(last);
  CHECK(last->jobs.size() == 1);
  CHECK_FALSE(last->next);
  REQUIRE(last->skipped.size() == 1);
  CHECK(last->skipped[0] == "himalayas: job https://himalayas.app/b has no title");

  auto bad = adapter.parse(context, request, "upstream timed out");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == Errc::invalid_input);
}

}  // namespace
}  // namespace hg::scrape
