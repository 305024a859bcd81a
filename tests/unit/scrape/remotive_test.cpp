#include <catch2/catch.hpp>

#include "scrape/adapters.hpp"
#include "support/catch_printers.hpp"
#include "support/temp_dir.hpp"

namespace hg::scrape {
namespace {

Context remotive_context(std::map<std::string, std::string> params = {}) {
  const Adapter& adapter = remotive_adapter();
  return Context{.spec = {.name = "remotive", .kind = "remotive", .params = std::move(params)},
                 .base_url = std::string(adapter.default_base_url()),
                 .fetched_at = *util::parse_iso("2026-11-21T12:00:00Z")};
}

TEST_CASE("remotive asks for the remote-jobs API with the search", "[scrape][remotive]") {
  const Adapter& adapter = remotive_adapter();
  CHECK(adapter.kind() == "remotive");
  CHECK_FALSE(adapter.needs_target());
  CHECK(adapter.required_secrets().empty());

  auto plain = adapter.first_request(remotive_context());
  REQUIRE(plain);
  CHECK(plain->method == "GET");
  CHECK(plain->url == "https://remotive.com/api/remote-jobs");

  auto search = adapter.first_request(remotive_context({{"query", "data engineer"}}));
  REQUIRE(search);
  CHECK(search->url == "https://remotive.com/api/remote-jobs?search=data%20engineer");
  CHECK(search->headers == std::vector<std::pair<std::string, std::string>>{
                               {"Accept", "application/json"}});
}

TEST_CASE("remotive maps the recorded remote-jobs payload", "[scrape][remotive]") {
  const Adapter& adapter = remotive_adapter();
  const Context context = remotive_context();
  const std::string body =
      testing::read_file(testing::fixture("sources/remotive/remote-jobs.json"));
  REQUIRE_FALSE(body.empty());
  auto page = adapter.parse(context, *adapter.first_request(context), body);
  REQUIRE(page);
  CHECK(page->skipped.empty());
  CHECK_FALSE(page->next);
  CHECK_FALSE(page->complete);
  REQUIRE(page->jobs.size() == 4);

  const model::Job& first = page->jobs[0];
  CHECK(first.source == "remotive");
  CHECK(first.external_id == "2091048");
  CHECK(first.title == "Product Sales Specialist - Pet Health");
  CHECK(first.company == "Tribe Wellness");
  CHECK(first.url ==
        "https://remotive.com/remote-jobs/sales/product-sales-specialist-pet-health-2091048");
  CHECK(first.location == "USA, CST (UTC-6)");
  CHECK(first.remote == "remote");
  CHECK(first.employment_type == "full_time");
  CHECK(first.salary_text == "$55k - $100k");
  CHECK_FALSE(first.salary_min);
  CHECK(first.date_posted == "2026-07-09T08:01:56Z");
  CHECK(first.first_seen == "2026-11-21T12:00:00Z");
  CHECK(first.description.find("Must Love Dogs!!") == 0);
  CHECK(first.description_html.find("<p><strong>Must Love Dogs!!") == 0);
  CHECK(first.raw.find("\"id\":2091048") != std::string::npos);

  const model::Job& second = page->jobs[1];
  CHECK(second.external_id == "2086540");
  CHECK(second.title == "Inside Sales Contractor");
  CHECK(second.company == "Credit Wellness, LLC");
  CHECK(second.location == "Worldwide");
  CHECK(second.salary_text == "OTE $25k - $35k");
  CHECK(second.date_posted == "2026-07-08T21:48:18Z");

  const model::Job& fourth = page->jobs[3];
  CHECK(fourth.external_id == "2091047");
  CHECK(fourth.title == "Online Data Analyst Canada");
  CHECK(fourth.company == "TELUS Digital");
  CHECK(fourth.location == "Canada");
  CHECK(fourth.employment_type == "part_time");
  CHECK(fourth.salary_text.empty());
  CHECK(fourth.date_posted == "2026-07-08T13:02:27Z");
}

TEST_CASE("remotive skips a job without a title and rejects what is not its JSON",
          "[scrape][remotive]") {
  const Adapter& adapter = remotive_adapter();
  const Context context = remotive_context();
  const net::Request request = *adapter.first_request(context);

  auto page = adapter.parse(
      context, request, R"({"jobs":[{"id":1,"title":""},{"id":2,"title":"SRE"},{"title":"x"}]})");
  REQUIRE(page);
  REQUIRE(page->jobs.size() == 1);
  CHECK(page->jobs[0].external_id == "2");
  REQUIRE(page->skipped.size() == 2);
  CHECK(page->skipped[0] == "remotive: job 1 has no title");

  auto html = adapter.parse(context, request, "<html>busy</html>");
  REQUIRE_FALSE(html);
  CHECK(html.error().code == Errc::invalid_input);
  auto shape = adapter.parse(context, request, R"([1, 2])");
  REQUIRE_FALSE(shape);
  CHECK(shape.error().code == Errc::invalid_input);
}

}  // namespace
}  // namespace hg::scrape
