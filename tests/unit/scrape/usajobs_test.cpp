#include <catch2/catch.hpp>

#include "scrape/adapters.hpp"
#include "support/catch_printers.hpp"
#include "support/temp_dir.hpp"

namespace hg::scrape {
namespace {

Context usajobs_context(std::map<std::string, std::string> secrets = {
                            {"api_key", "uk-1"}, {"user_agent_email", "me@example.org"}}) {
  return Context{.spec = {.name = "usajobs",
                          .kind = "usajobs",
                          .params = {{"query", "software"}, {"location", "Washington, DC"}},
                          .secrets = std::move(secrets)},
                 .base_url = std::string(usajobs_adapter().default_base_url()),
                 .fetched_at = *util::parse_iso("2026-11-21T12:00:00Z")};
}

TEST_CASE("usajobs sends the key and the registered e-mail as headers", "[scrape][usajobs]") {
  const Adapter& adapter = usajobs_adapter();
  CHECK(adapter.kind() == "usajobs");
  CHECK_FALSE(adapter.needs_target());
  CHECK(adapter.required_secrets() ==
        std::vector<std::string>{"api_key", "user_agent_email"});

  auto request = adapter.first_request(usajobs_context());
  REQUIRE(request);
  CHECK(request->url ==
        "https://data.usajobs.gov/api/search?Keyword=software&LocationName=Washington%2C%20DC"
        "&ResultsPerPage=250&Page=1&Fields=Full");
  CHECK(request->headers == std::vector<std::pair<std::string, std::string>>{
                                {"Accept", "application/json"},
                                {"Authorization-Key", "uk-1"},
                                {"User-Agent", "me@example.org"}});

  auto no_email = adapter.first_request(usajobs_context({{"api_key", "uk-1"}}));
  REQUIRE_FALSE(no_email);
  CHECK(no_email.error().code == Errc::invalid_argument);
  CHECK(no_email.error().message == "usajobs: missing secret user_agent_email");
  auto no_key = adapter.first_request(usajobs_context({{"user_agent_email", "me@example.org"}}));
  REQUIRE_FALSE(no_key);
  CHECK(no_key.error().message == "usajobs: missing secret api_key");
}

TEST_CASE("usajobs maps a documented search answer and asks for the next page",
          "[scrape][usajobs]") {
  const Adapter& adapter = usajobs_adapter();
  const Context context = usajobs_context();
  const std::string body = testing::read_file(testing::fixture("sources/usajobs/search.json"));
  REQUIRE_FALSE(body.empty());
  auto page = adapter.parse(context, *adapter.first_request(context), body);
  REQUIRE(page);
  CHECK_FALSE(page->complete);
  REQUIRE(page->jobs.size() == 2);
  REQUIRE(page->skipped.size() == 1);
  CHECK(page->skipped[0] == "usajobs: item 812400000 has no PositionTitle");
  REQUIRE(page->next);
  CHECK(page->next->url.find("&Page=2&") != std::string::npos);
  CHECK(page->next->headers.at(1).second == "uk-1");

  const model::Job& first = page->jobs[0];
  CHECK(first.source == "usajobs");
  CHECK(first.external_id == "812345600");
  CHECK(first.title == "IT Specialist (APPSW)");
  CHECK(first.company == "Office of the Chief Information Officer");
  CHECK(first.url == "https://www.usajobs.gov:443/GetJob/ViewDetails/812345600");
  CHECK(first.location == "Washington, District of Columbia");
  CHECK(first.latitude == 38.89037);
  CHECK(first.longitude == -77.03196);
  CHECK(first.remote.empty());  // telework eligible is not remote
  CHECK(first.employment_type == "full_time");
  CHECK(first.salary_min == 99200);
  CHECK(first.salary_max == 128956);
  CHECK(first.salary_currency == "USD");
  CHECK(first.salary_period == "year");
  CHECK(first.date_posted == "2026-11-18T00:00:00Z");
  CHECK(first.valid_through == "2026-12-02T23:59:59Z");
  CHECK(first.description.find("This position develops") == 0);

  const model::Job& second = page->jobs[1];
  CHECK(second.external_id == "812399100");
  CHECK(second.title == "Medical Support Assistant");
  CHECK(second.company == "Veterans Health Administration");
  CHECK(second.location == "Multiple Locations");
  CHECK_FALSE(second.latitude);  // several places: no one point
  CHECK(second.remote == "remote");
  CHECK(second.employment_type == "part_time");
  CHECK(second.salary_min == 22.45);
  CHECK(second.salary_max == 29.18);
  CHECK(second.salary_period == "hour");
  CHECK(second.date_posted == "2026-11-20T00:00:00Z");
}

TEST_CASE("usajobs stops at the last page and rejects what is not its JSON",
          "[scrape][usajobs]") {
  const Adapter& adapter = usajobs_adapter();
  Context context = usajobs_context();
  context.page = 3;
  const net::Request request = *adapter.first_request(context);
  auto last = adapter.parse(context, request,
                            R"({"SearchResult":{"SearchResultCount":0,"SearchResultItems":[],
                                "UserArea":{"NumberOfPages":"3"}}})");
  REQUIRE(last);
  CHECK(last->jobs.empty());
  CHECK_FALSE(last->next);
  auto html = adapter.parse(context, request, "<html>503 Service Unavailable</html>");
  REQUIRE_FALSE(html);
  CHECK(html.error().code == Errc::invalid_input);
  auto shape = adapter.parse(context, request, R"({"data":[]})");
  REQUIRE_FALSE(shape);
  CHECK(shape.error().code == Errc::invalid_input);
}

}  // namespace
}  // namespace hg::scrape
