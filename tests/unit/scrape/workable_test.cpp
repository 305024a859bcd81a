#include <catch2/catch.hpp>

#include "scrape/adapters.hpp"
#include "support/catch_printers.hpp"
#include "support/temp_dir.hpp"

namespace hg::scrape {
namespace {

Context workable_context(std::string target = "kroo") {
  return Context{.spec = {.name = "workable:" + target, .kind = "workable", .target = target},
                 .base_url = std::string(workable_adapter().default_base_url()),
                 .fetched_at = *util::parse_iso("2026-11-21T12:00:00Z")};
}

TEST_CASE("workable asks for the account's widget list with details", "[scrape][workable]") {
  const Adapter& adapter = workable_adapter();
  CHECK(adapter.kind() == "workable");
  CHECK(adapter.default_base_url() == "https://apply.workable.com");
  auto request = adapter.first_request(workable_context());
  REQUIRE(request);
  CHECK(request->method == "GET");
  CHECK(request->url == "https://apply.workable.com/api/v1/widget/accounts/kroo?details=true");
  REQUIRE(request->headers.size() == 1);
  CHECK(request->headers[0].second == "application/json");

  auto missing = adapter.first_request(workable_context(""));
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == Errc::invalid_argument);
}

TEST_CASE("workable maps the recorded widget payload", "[scrape][workable]") {
  const Adapter& adapter = workable_adapter();
  const Context context = workable_context();
  const std::string body =
      testing::read_file(testing::fixture("sources/workable/widget-account-kroo.json"));
  REQUIRE_FALSE(body.empty());
  auto page = adapter.parse(context, *adapter.first_request(context), body);
  REQUIRE(page);
  CHECK(page->skipped.empty());
  CHECK_FALSE(page->next);  // the widget endpoint has no pages
  CHECK(page->complete);
  REQUIRE(page->jobs.size() == 3);

  const model::Job& first = page->jobs[0];
  CHECK(first.source == "workable:kroo");
  CHECK(first.external_id == "83183A94A5");
  CHECK(first.title == "Compliance Manager");
  CHECK(first.company == "Kroo Bank Ltd");  // the account's name
  CHECK(first.location == "London, England, United Kingdom");
  CHECK(first.city == "London");
  CHECK(first.region == "England");
  CHECK(first.country == "GB");
  CHECK(first.remote.empty());  // telecommuting false may still be hybrid
  CHECK(first.employment_type == "full_time");
  CHECK(first.date_posted == "2024-07-02");
  CHECK(first.url == "https://apply.workable.com/j/83183A94A5");
  CHECK(first.description.find("What We") == 0);
  CHECK(first.description_html.find("<p><strong>What We") == 0);
  CHECK_FALSE(first.salary_min);

  const model::Job& second = page->jobs[1];
  CHECK(second.external_id == "73E5769864");
  CHECK(second.title == "Customer Support Specialist");
  CHECK(second.location == "London, England, United Kingdom");
  CHECK(second.date_posted == "2024-07-02");  // published_on, not created_at (2022)

  const model::Job& third = page->jobs[2];
  CHECK(third.external_id == "D7625E3CAD");
  CHECK(third.title == "Detection Team Senior FinCrime Analyst");
  CHECK(third.location == "Manchester, England, United Kingdom");
  CHECK(third.city == "Manchester");
  CHECK(third.date_posted == "2024-07-28");
}

TEST_CASE("workable reads remote jobs and skips records it cannot map", "[scrape][workable]") {
  const Adapter& adapter = workable_adapter();
  const Context context = workable_context("acme");
  const std::string body = R"({"name":"","jobs":[
      {"title":"Remote Engineer","shortcode":"AB12","telecommuting":true,
       "employment_type":"Contract","city":"Lisbon","state":"","country":"Portugal",
       "locations":[{"country":"Spain","countryCode":"ES","city":"Madrid","hidden":true}],
       "published_on":"2026-11-20","url":"https://apply.workable.com/j/AB12"},
      {"title":"","shortcode":"CD34"},
      {"title":"No shortcode"}]})";
  auto page = adapter.parse(context, *adapter.first_request(context), body);
  REQUIRE(page);
  REQUIRE(page->jobs.size() == 1);
  const model::Job& job = page->jobs[0];
  CHECK(job.company == "acme");  // no account name: the subdomain
  CHECK(job.remote == "remote");
  CHECK(job.employment_type == "contract");
  CHECK(job.location == "Lisbon, Portugal");  // the only location is hidden
  CHECK(job.city == "Lisbon");
  CHECK(job.country.empty());
  REQUIRE(page->skipped.size() == 2);
  CHECK(page->skipped[0] == "workable: job CD34: no title");
  CHECK(page->skipped[1] == "workable: record 3: no shortcode");
}

TEST_CASE("workable rejects a body that is not its JSON", "[scrape][workable]") {
  const Adapter& adapter = workable_adapter();
  const Context context = workable_context();
  const net::Request request = *adapter.first_request(context);
  auto html = adapter.parse(context, request, "<html><body>Not found</body></html>");
  REQUIRE_FALSE(html);
  CHECK(html.error().code == Errc::invalid_input);
  CHECK(html.error().message.find("workable: not JSON") == 0);
  auto shape = adapter.parse(context, request, R"({"name":"Kroo"})");
  REQUIRE_FALSE(shape);
  CHECK(shape.error().code == Errc::invalid_input);
}

}  // namespace
}  // namespace hg::scrape
