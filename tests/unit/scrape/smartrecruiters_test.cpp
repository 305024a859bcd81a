#include <catch2/catch.hpp>

#include "scrape/adapters.hpp"
#include "support/catch_printers.hpp"
#include "support/temp_dir.hpp"

namespace hg::scrape {
namespace {

Context smartrecruiters_context(std::string target = "Gousto1") {
  return Context{
      .spec = {.name = "smartrecruiters:" + target, .kind = "smartrecruiters", .target = target},
      .base_url = std::string(smartrecruiters_adapter().default_base_url()),
      .fetched_at = *util::parse_iso("2026-11-21T12:00:00Z")};
}

TEST_CASE("smartrecruiters asks for the first page of postings", "[scrape][smartrecruiters]") {
  const Adapter& adapter = smartrecruiters_adapter();
  CHECK(adapter.kind() == "smartrecruiters");
  CHECK(adapter.default_base_url() == "https://api.smartrecruiters.com");
  auto request = adapter.first_request(smartrecruiters_context());
  REQUIRE(request);
  CHECK(request->method == "GET");
  CHECK(request->url ==
        "https://api.smartrecruiters.com/v1/companies/Gousto1/postings?offset=0&limit=100");
  REQUIRE(request->headers.size() == 1);
  CHECK(request->headers[0].second == "application/json");

  auto missing = adapter.first_request(smartrecruiters_context(""));
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == Errc::invalid_argument);
}

TEST_CASE("smartrecruiters maps the recorded list and pages on by what came back",
          "[scrape][smartrecruiters]") {
  const Adapter& adapter = smartrecruiters_adapter();
  const Context context = smartrecruiters_context();
  const std::string body =
      testing::read_file(testing::fixture("sources/smartrecruiters/postings-Gousto1.json"));
  REQUIRE_FALSE(body.empty());
  auto page = adapter.parse(context, *adapter.first_request(context), body);
  REQUIRE(page);
  CHECK(page->skipped.empty());
  CHECK(page->complete);
  REQUIRE(page->jobs.size() == 4);
  // totalFound says 15 and 4 came back from offset 0.
  REQUIRE(page->next);
  CHECK(page->next->url ==
        "https://api.smartrecruiters.com/v1/companies/Gousto1/postings?offset=4&limit=100");

  const model::Job& first = page->jobs[0];
  CHECK(first.source == "smartrecruiters:Gousto1");
  CHECK(first.external_id == "744000005631445");
  CHECK(first.title == "Product Manager");
  CHECK(first.company == "Gousto");
  CHECK(first.location == "London, GB");
  CHECK(first.city == "London");
  CHECK(first.country == "GB");  // "gb" in the payload
  CHECK(first.remote.empty());   // remote: false without a hybrid flag
  CHECK(first.employment_type == "full_time");
  CHECK(first.date_posted == "2024-08-08T07:51:55Z");
  CHECK(first.url == "https://jobs.smartrecruiters.com/Gousto1/744000005631445");
  CHECK(first.description.empty());  // the list has no job ad
  CHECK_FALSE(first.salary_min);     // "Maximum Annual Salary" is a custom field, kept in raw
  CHECK(first.raw.find("Maximum Annual Salary") != std::string::npos);

  const model::Job& second = page->jobs[1];
  CHECK(second.external_id == "744000005227870");
  CHECK(second.title == "Food Technical Administrator (12m Fixed Term Contract)");
  CHECK(second.remote == "remote");
  CHECK(second.date_posted == "2024-08-06T11:59:20Z");

  const model::Job& third = page->jobs[2];
  CHECK(third.external_id == "744000005051195");
  CHECK(third.title == "Senior Software Engineer");
  CHECK(third.location == "London, GB");
  CHECK(third.date_posted == "2024-08-05T16:45:21Z");
}

TEST_CASE("smartrecruiters maps one posting with its job ad", "[scrape][smartrecruiters]") {
  const Adapter& adapter = smartrecruiters_adapter();
  const Context context = smartrecruiters_context();
  const std::string body = testing::read_file(
      testing::fixture("sources/smartrecruiters/posting-Gousto1-744000005051195.json"));
  REQUIRE_FALSE(body.empty());
  auto page = adapter.parse(context, *adapter.first_request(context), body);
  REQUIRE(page);
  CHECK_FALSE(page->complete);
  CHECK_FALSE(page->next);
  REQUIRE(page->jobs.size() == 1);
  const model::Job& job = page->jobs[0];
  CHECK(job.external_id == "744000005051195");
  CHECK(job.title == "Senior Software Engineer");
  CHECK(job.company == "Gousto");
  CHECK(job.url ==
        "https://jobs.smartrecruiters.com/Gousto1/744000005051195-senior-software-engineer");
  CHECK(job.date_posted == "2024-08-05T16:45:21Z");
  CHECK(job.description.find("Company Description") == 0);
  CHECK(job.description.find("Gousto, Bento\xE2\x80\x99s parent company") != std::string::npos);
  CHECK(job.description.find("&#xa0;") == std::string::npos);
  CHECK(job.description.find("Qualifications") == std::string::npos);  // an empty section
  CHECK(job.description_html.find("<h3>Job Description</h3><p>Bento is a team") !=
        std::string::npos);
}

TEST_CASE("smartrecruiters stops at the last page and skips untitled postings",
          "[scrape][smartrecruiters]") {
  const Adapter& adapter = smartrecruiters_adapter();
  const Context context = smartrecruiters_context("Acme");
  const std::string body = R"({"offset":10,"limit":5,"totalFound":12,"content":[
      {"id":"1","name":"Chef","company":{"identifier":"Acme","name":"Acme Foods"},
       "location":{"city":"Leeds","region":"England","country":"gb","remote":false,"hybrid":true},
       "typeOfEmployment":{"label":"Part-time"},"releasedDate":"2026-11-20T08:00:00.000Z"},
      {"id":"2","name":""}]})";
  auto page = adapter.parse(context, *adapter.first_request(context), body);
  REQUIRE(page);
  CHECK_FALSE(page->next);
  REQUIRE(page->jobs.size() == 1);
  const model::Job& job = page->jobs[0];
  CHECK(job.company == "Acme Foods");
  CHECK(job.location == "Leeds, England, GB");
  CHECK(job.region == "England");
  CHECK(job.remote == "hybrid");
  CHECK(job.employment_type == "part_time");
  CHECK(job.url == "https://jobs.smartrecruiters.com/Acme/1");
  REQUIRE(page->skipped.size() == 1);
  CHECK(page->skipped[0] == "smartrecruiters: job 2: no title");
}

TEST_CASE("smartrecruiters rejects a body that is not its JSON", "[scrape][smartrecruiters]") {
  const Adapter& adapter = smartrecruiters_adapter();
  const Context context = smartrecruiters_context();
  const net::Request request = *adapter.first_request(context);
  auto html = adapter.parse(context, request, "<html>Service unavailable</html>");
  REQUIRE_FALSE(html);
  CHECK(html.error().code == Errc::invalid_input);
  CHECK(html.error().message.find("smartrecruiters: not JSON") == 0);
  auto shape = adapter.parse(context, request, R"({"message":"company not found"})");
  REQUIRE_FALSE(shape);
  CHECK(shape.error().code == Errc::invalid_input);
}

}  // namespace
}  // namespace hg::scrape
