#include <catch2/catch.hpp>

#include "scrape/adapters.hpp"
#include "support/catch_printers.hpp"
#include "support/temp_dir.hpp"

namespace hg::scrape {
namespace {

Context jsearch_context(std::map<std::string, std::string> secrets = {{"api_key", "rk-1"}}) {
  return Context{.spec = {.name = "jsearch",
                          .kind = "jsearch",
                          .params = {{"query", "python developer"},
                                     {"location", "chicago"},
                                     {"country", "US"}},
                          .secrets = std::move(secrets)},
                 .base_url = std::string(jsearch_adapter().default_base_url()),
                 .fetched_at = *util::parse_iso("2026-11-21T12:00:00Z")};
}

TEST_CASE("jsearch sends the query with the RapidAPI key headers", "[scrape][jsearch]") {
  const Adapter& adapter = jsearch_adapter();
  CHECK(adapter.kind() == "jsearch");
  CHECK_FALSE(adapter.needs_target());
  CHECK(adapter.required_secrets() == std::vector<std::string>{"api_key"});

  auto request = adapter.first_request(jsearch_context());
  REQUIRE(request);
  CHECK(request->url ==
        "https://jsearch.p.rapidapi.com/search?query=python%20developer%20in%20chicago"
        "&page=1&num_pages=1&country=us");
  CHECK(request->headers == std::vector<std::pair<std::string, std::string>>{
                                {"Accept", "application/json"},
                                {"X-RapidAPI-Key", "rk-1"},
                                {"X-RapidAPI-Host", "jsearch.p.rapidapi.com"}});

  auto missing = adapter.first_request(jsearch_context({}));
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == Errc::invalid_argument);
  CHECK(missing.error().message == "jsearch: missing secret api_key");

  Context no_query = jsearch_context();
  no_query.spec.params.erase("query");
  auto unqueried = adapter.first_request(no_query);
  REQUIRE_FALSE(unqueried);
  CHECK(unqueried.error().code == Errc::invalid_argument);
}

TEST_CASE("jsearch maps a documented search answer", "[scrape][jsearch]") {
  const Adapter& adapter = jsearch_adapter();
  const Context context = jsearch_context();
  const std::string body = testing::read_file(testing::fixture("sources/jsearch/search.json"));
  REQUIRE_FALSE(body.empty());
  auto page = adapter.parse(context, *adapter.first_request(context), body);
  REQUIRE(page);
  CHECK_FALSE(page->complete);
  CHECK_FALSE(page->next);  // 3 of 10: the last page
  REQUIRE(page->jobs.size() == 2);
  REQUIRE(page->skipped.size() == 1);
  CHECK(page->skipped[0] == "jsearch: job bm8tdGl0bGUAAAAAAAAAAAAAAAAAAAAAAA== has no job_title");

  const model::Job& first = page->jobs[0];
  CHECK(first.source == "jsearch");
  CHECK(first.external_id == "k3Q0bWJ2Yy1QeXRob24tRGV2ZWxvcGVyAAAAAA==");
  CHECK(first.title == "Python Developer");
  CHECK(first.company == "Example Logistics");
  CHECK(first.url == "https://www.linkedin.com/jobs/view/0000000001");
  CHECK(first.location == "Chicago, IL");
  CHECK(first.city == "Chicago");
  CHECK(first.region == "Illinois");
  CHECK(first.country == "US");
  CHECK(first.remote.empty());
  CHECK(first.employment_type == "full_time");
  CHECK(first.salary_min == 110000);
  CHECK(first.salary_max == 135000);
  CHECK(first.salary_period == "year");
  CHECK(first.date_posted == "2026-11-19T00:00:00Z");
  CHECK(first.valid_through == "2026-12-19T00:00:00Z");
  CHECK(first.description.find("Example Logistics is looking for") == 0);
  CHECK(first.description_html.empty());  // plain text

  const model::Job& second = page->jobs[1];
  CHECK(second.title == "Data Engineer (Remote)");
  CHECK(second.company == "Sample Health Inc.");
  CHECK(second.location == "United States");
  CHECK(second.city.empty());
  CHECK(second.remote == "remote");
  CHECK(second.employment_type == "contract");
  CHECK(second.salary_min == 65);
  CHECK(second.salary_period == "hour");
  CHECK(second.date_posted == "2026-11-21T04:00:00Z");
  CHECK(second.valid_through.empty());
}

TEST_CASE("jsearch asks for the next page after a full one and rejects non-JSON",
          "[scrape][jsearch]") {
  const Adapter& adapter = jsearch_adapter();
  Context context = jsearch_context();
  context.page = 2;
  std::string body = R"({"status":"OK","data":[)";
  for (int i = 0; i < 10; ++i) {
    body += (i ? "," : "") + std::string(R"({"job_id":"j)") + std::to_string(i) +
            R"(","job_title":"Engineer"})";
  }
  body += "]}";
  auto page = adapter.parse(context, *adapter.first_request(context), body);
  REQUIRE(page);
  CHECK(page->jobs.size() == 10);
  REQUIRE(page->next);
  CHECK(page->next->url.find("&page=3&") != std::string::npos);
  CHECK(page->next->headers.at(1).first == "X-RapidAPI-Key");

  auto bad = adapter.parse(context, *page->next, R"(You are not subscribed to this API.)");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == Errc::invalid_input);
}

}  // namespace
}  // namespace hg::scrape
