#include <catch2/catch.hpp>

#include "scrape/adapters.hpp"
#include "support/catch_printers.hpp"
#include "support/temp_dir.hpp"

namespace hg::scrape {
namespace {

Context adzuna_context(std::string target = "gb",
                       std::map<std::string, std::string> secrets = {{"app_id", "id1"},
                                                                     {"app_key", "key2"}}) {
  return Context{.spec = {.name = "adzuna:gb",
                          .kind = "adzuna",
                          .target = std::move(target),
                          .params = {{"query", "python developer"}, {"location", "Manchester"}},
                          .secrets = std::move(secrets)},
                 .base_url = std::string(adzuna_adapter().default_base_url()),
                 .fetched_at = *util::parse_iso("2026-11-21T12:00:00Z")};
}

TEST_CASE("adzuna puts the country in the path and its keys in the query",
          "[scrape][adzuna]") {
  const Adapter& adapter = adzuna_adapter();
  CHECK(adapter.kind() == "adzuna");
  CHECK(adapter.needs_target());
  CHECK(adapter.required_secrets() == std::vector<std::string>{"app_id", "app_key"});

  auto request = adapter.first_request(adzuna_context());
  REQUIRE(request);
  CHECK(request->url ==
        "https://api.adzuna.com/v1/api/jobs/gb/search/1?app_id=id1&app_key=key2"
        "&results_per_page=50&what=python%20developer&where=Manchester"
        "&content-type=application%2Fjson");
  CHECK(request->headers ==
        std::vector<std::pair<std::string, std::string>>{{"Accept", "application/json"}});

  SECTION("a missing key is named") {
    auto missing = adapter.first_request(adzuna_context("gb", {{"app_id", "id1"}}));
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == Errc::invalid_argument);
    CHECK(missing.error().message == "adzuna: missing secret app_key");
  }
  SECTION("the country comes from the target or the country parameter, as two letters") {
    Context from_param = adzuna_context("");
    from_param.spec.params["country"] = "DE";
    auto de = adapter.first_request(from_param);
    REQUIRE(de);
    CHECK(de->url.find("/v1/api/jobs/de/search/1?") != std::string::npos);
    auto none = adapter.first_request(adzuna_context(""));
    REQUIRE_FALSE(none);
    CHECK(none.error().code == Errc::invalid_argument);
    auto bad = adapter.first_request(adzuna_context("gb/../x"));
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == Errc::invalid_argument);
  }
}

TEST_CASE("adzuna maps a documented search page and asks for the next page number",
          "[scrape][adzuna]") {
  const Adapter& adapter = adzuna_adapter();
  const Context context = adzuna_context();
  const std::string body =
      testing::read_file(testing::fixture("sources/adzuna/search-gb-1.json"));
  REQUIRE_FALSE(body.empty());
  auto page = adapter.parse(context, *adapter.first_request(context), body);
  REQUIRE(page);
  CHECK_FALSE(page->complete);
  REQUIRE(page->jobs.size() == 2);
  REQUIRE(page->skipped.size() == 1);
  CHECK(page->skipped[0] == "adzuna: job 4869011999 has no title");
  REQUIRE(page->next);
  CHECK(page->next->url.find("https://api.adzuna.com/v1/api/jobs/gb/search/2?app_id=id1&") == 0);

  const model::Job& first = page->jobs[0];
  CHECK(first.source == "adzuna:gb");
  CHECK(first.external_id == "4868224349");
  CHECK(first.title == "Senior Python Developer");
  CHECK(first.company == "Example Analytics Ltd");
  CHECK(first.location == "Manchester, Greater Manchester");
  CHECK(first.country == "GB");
  CHECK(first.latitude == 53.4808);
  CHECK(first.longitude == -2.2426);
  CHECK(first.salary_min == 65000);
  CHECK(first.salary_max == 80000);
  CHECK(first.salary_currency == "GBP");
  CHECK(first.salary_period == "year");
  CHECK(first.employment_type == "full_time");
  CHECK(first.date_posted == "2026-11-19T14:21:05Z");
  CHECK(first.url.find("https://www.adzuna.co.uk/jobs/land/ad/4868224349?") == 0);
  CHECK(first.description.find("We are hiring a Senior Python Developer") == 0);

  const model::Job& second = page->jobs[1];
  CHECK(second.external_id == "4869011120");
  CHECK(second.title == "Data Analyst (6 month contract)");
  CHECK(second.company == "Sample Consulting");
  CHECK(second.location == "London, UK");
  CHECK(second.employment_type == "contract");
  CHECK_FALSE(second.salary_min);  // predicted by Adzuna, not stated
  CHECK(second.salary_currency.empty());
  CHECK(second.date_posted == "2026-11-20T08:03:44Z");
}

TEST_CASE("adzuna stops after the last page and rejects what is not JSON", "[scrape][adzuna]") {
  const Adapter& adapter = adzuna_adapter();
  Context context = adzuna_context();
  context.page = 3;
  const net::Request request = *adapter.first_request(context);
  auto last =
      adapter.parse(context, request, R"({"count":120,"results":[{"id":"1","title":"QA"}]})");
  REQUIRE(last);
  CHECK(last->jobs.size() == 1);
  CHECK_FALSE(last->next);
  auto bad = adapter.parse(context, request, "<h1>Authorisation failed</h1>");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == Errc::invalid_input);
}

}  // namespace
}  // namespace hg::scrape
