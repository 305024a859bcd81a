#include <catch2/catch.hpp>

#include "scrape/adapters.hpp"
#include "support/catch_printers.hpp"
#include "support/temp_dir.hpp"

namespace hg::scrape {
namespace {

Context themuse_context(std::map<std::string, std::string> params = {},
                        std::map<std::string, std::string> secrets = {}) {
  return Context{.spec = {.name = "themuse",
                          .kind = "themuse",
                          .params = std::move(params),
                          .secrets = std::move(secrets)},
                 .base_url = std::string(themuse_adapter().default_base_url()),
                 .fetched_at = *util::parse_iso("2026-11-21T12:00:00Z")};
}

TEST_CASE("themuse asks for page 0 with the filters and the optional key",
          "[scrape][themuse]") {
  const Adapter& adapter = themuse_adapter();
  CHECK(adapter.kind() == "themuse");
  CHECK_FALSE(adapter.needs_target());
  CHECK(adapter.required_secrets().empty());
  auto plain = adapter.first_request(themuse_context());
  REQUIRE(plain);
  CHECK(plain->url == "https://www.themuse.com/api/public/jobs?page=0&descending=true");
  CHECK(plain->headers.at(0).first == "Accept");

  auto filtered = adapter.first_request(themuse_context(
      {{"category", "Data and Analytics"}, {"location", "Flexible / Remote"}},
      {{"api_key", "k1"}}));
  REQUIRE(filtered);
  CHECK(filtered->url ==
        "https://www.themuse.com/api/public/jobs?page=0&descending=true"
        "&category=Data%20and%20Analytics&location=Flexible%20%2F%20Remote&api_key=k1");
}

TEST_CASE("themuse maps a documented jobs page and asks for the next one",
          "[scrape][themuse]") {
  const Adapter& adapter = themuse_adapter();
  const Context context = themuse_context();
  const std::string body =
      testing::read_file(testing::fixture("sources/themuse/jobs-page0.json"));
  REQUIRE_FALSE(body.empty());
  auto page = adapter.parse(context, *adapter.first_request(context), body);
  REQUIRE(page);
  CHECK_FALSE(page->complete);
  REQUIRE(page->jobs.size() == 2);
  REQUIRE(page->skipped.size() == 1);
  CHECK(page->skipped[0] == "themuse: job 14870001 has no name");
  REQUIRE(page->next);
  CHECK(page->next->url == "https://www.themuse.com/api/public/jobs?page=1&descending=true");

  const model::Job& first = page->jobs[0];
  CHECK(first.source == "themuse");
  CHECK(first.external_id == "14876021");
  CHECK(first.title == "Senior Data Engineer");
  CHECK(first.company == "ExampleCorp");
  CHECK(first.location == "New York, NY; Flexible / Remote");
  CHECK(first.remote == "remote");
  CHECK(first.url ==
        "https://www.themuse.com/jobs/examplecorp/senior-data-engineer-7c1e2a");
  CHECK(first.date_posted == "2026-11-19T23:44:08Z");
  CHECK(first.description.find("We are looking for a Senior Data Engineer") == 0);
  CHECK(first.seniority.empty());

  const model::Job& second = page->jobs[1];
  CHECK(second.external_id == "14870377");
  CHECK(second.title == "Customer Success Manager");
  CHECK(second.company == "Sample Health");
  CHECK(second.location == "Chicago, IL");
  CHECK(second.remote.empty());
  CHECK(second.date_posted == "2026-11-18T15:02:11Z");

  auto last = adapter.parse(context, *page->next,
                            R"({"page":2,"page_count":3,"results":[{"id":1,"name":"QA"}]})");
  REQUIRE(last);
  CHECK_FALSE(last->next);
  auto bad = adapter.parse(context, *page->next, "Service Unavailable");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == Errc::invalid_input);
}

}  // namespace
}  // namespace hg::scrape
