#include <catch2/catch.hpp>

#include "scrape/adapters.hpp"
#include "support/catch_printers.hpp"
#include "support/temp_dir.hpp"

namespace hg::scrape {
namespace {

Context ashby_context(std::string target = "lightdash") {
  return Context{.spec = {.name = "ashby:" + target, .kind = "ashby", .target = target},
                 .base_url = std::string(ashby_adapter().default_base_url()),
                 .fetched_at = *util::parse_iso("2026-11-21T12:00:00Z")};
}

TEST_CASE("ashby asks for the job board with compensation", "[scrape][ashby]") {
  const Adapter& adapter = ashby_adapter();
  CHECK(adapter.kind() == "ashby");
  CHECK(adapter.default_base_url() == "https://api.ashbyhq.com");
  auto request = adapter.first_request(ashby_context());
  REQUIRE(request);
  CHECK(request->method == "GET");
  CHECK(request->url ==
        "https://api.ashbyhq.com/posting-api/job-board/lightdash?includeCompensation=true");
  REQUIRE(request->headers.size() == 1);
  CHECK(request->headers[0].second == "application/json");

  auto missing = adapter.first_request(ashby_context(""));
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == Errc::invalid_argument);
}

TEST_CASE("ashby maps the recorded board with salary components", "[scrape][ashby]") {
  const Adapter& adapter = ashby_adapter();
  const Context context = ashby_context();
  const std::string body =
      testing::read_file(testing::fixture("sources/ashby/job-board-lightdash.json"));
  REQUIRE_FALSE(body.empty());
  auto page = adapter.parse(context, *adapter.first_request(context), body);
  REQUIRE(page);
  CHECK(page->skipped.empty());
  CHECK_FALSE(page->next);
  CHECK(page->complete);
  REQUIRE(page->jobs.size() == 2);

  const model::Job& first = page->jobs[0];
  CHECK(first.source == "ashby:lightdash");
  CHECK(first.external_id == "309706bc-1081-48b6-89dc-f769bbe17e6d");
  CHECK(first.title == "Analytics Engineering Advocate");
  CHECK(first.company == "lightdash");  // Ashby jobs do not name the company
  CHECK(first.location == "Remote");
  CHECK(first.remote == "remote");              // isRemote
  CHECK(first.country.empty());                 // "United Kingdom" is a name, not a code
  CHECK(first.employment_type == "full_time");  // "FullTime"
  REQUIRE(first.salary_min);
  REQUIRE(first.salary_max);
  CHECK(*first.salary_min == Approx(60000));  // the Salary component, not the equity one
  CHECK(*first.salary_max == Approx(95000));
  CHECK(first.salary_currency == "GBP");
  CHECK(first.salary_period == "year");  // "1 YEAR"
  CHECK(first.salary_text.empty());
  CHECK(first.date_posted == "2024-07-15T16:45:14Z");
  CHECK(first.url == "https://jobs.ashbyhq.com/lightdash/309706bc-1081-48b6-89dc-f769bbe17e6d");
  CHECK(first.description.find("About Lightdash") == 0);
  CHECK(first.description_html.find("<h2>About Lightdash</h2>") == 0);

  const model::Job& second = page->jobs[1];
  CHECK(second.external_id == "9efa292a-cc34-4388-90a2-2bed5126ace4");
  CHECK(second.title == "Full Stack Engineer");
  CHECK(second.location == "Remote");
  REQUIRE(second.salary_max);
  CHECK(*second.salary_min == Approx(60000));
  CHECK(*second.salary_max == Approx(110000));
  CHECK(second.salary_currency == "GBP");
  CHECK(second.date_posted == "2024-02-28T12:02:30Z");
}

TEST_CASE("ashby reads workplaceType from newer payloads", "[scrape][ashby]") {
  const Adapter& adapter = ashby_adapter();
  const Context context = ashby_context("truelogic");
  const std::string body =
      testing::read_file(testing::fixture("sources/ashby/job-board-truelogic.jobs-only.json"));
  REQUIRE_FALSE(body.empty());
  auto page = adapter.parse(context, *adapter.first_request(context), body);
  REQUIRE(page);
  REQUIRE(page->jobs.size() == 3);
  const model::Job& first = page->jobs[0];
  CHECK(first.external_id == "09bb501c-e72d-4c9e-8df3-212ac53e69d9");
  CHECK(first.title == "Senior Front-end Engineer - Open Application");
  CHECK(first.company == "truelogic");
  CHECK(first.location == "LatAm");
  CHECK(first.remote == "remote");
  CHECK_FALSE(first.salary_min);  // no compensation in this capture
  CHECK(first.salary_text.empty());
  CHECK(first.date_posted == "2025-01-15T10:36:04Z");
  const model::Job& third = page->jobs[2];
  CHECK(third.title == "DevOps Engineer - Open Application");
  CHECK(third.url == "https://jobs.ashbyhq.com/truelogic/df72bf39-0baf-4a6e-b1a5-c4e4a3599124");
}

TEST_CASE("ashby skips unlisted and untitled jobs", "[scrape][ashby]") {
  const Adapter& adapter = ashby_adapter();
  const Context context = ashby_context("acme");
  const std::string body = R"({"jobs":[
      {"id":"j1","title":"Designer","isListed":true,"isRemote":false,"workplaceType":"Hybrid",
       "employmentType":"Intern","location":"Paris",
       "address":{"postalAddress":{"addressLocality":"Paris","addressCountry":"FR"}},
       "compensation":{"scrapeableCompensationSalarySummary":"€40K – €50K",
                       "summaryComponents":[]},
       "applyUrl":"https://jobs.ashbyhq.com/acme/j1/application"},
      {"id":"j2","title":"Hidden","isListed":false},
      {"id":"j3","title":null},
      {"title":"No id"}],"apiVersion":"1"})";
  auto page = adapter.parse(context, *adapter.first_request(context), body);
  REQUIRE(page);
  REQUIRE(page->jobs.size() == 1);
  const model::Job& job = page->jobs[0];
  CHECK(job.remote == "hybrid");
  CHECK(job.employment_type == "internship");
  CHECK(job.city == "Paris");
  CHECK(job.country == "FR");
  CHECK(job.salary_text == "€40K – €50K");
  CHECK_FALSE(job.salary_min);
  CHECK(job.url == "https://jobs.ashbyhq.com/acme/j1/application");
  REQUIRE(page->skipped.size() == 3);
  CHECK(page->skipped[0] == "ashby: job j2: unlisted");
  CHECK(page->skipped[1] == "ashby: job j3: no title");
  CHECK(page->skipped[2] == "ashby: record 4: no id");
}

TEST_CASE("ashby rejects a body that is not its JSON", "[scrape][ashby]") {
  const Adapter& adapter = ashby_adapter();
  const Context context = ashby_context();
  const net::Request request = *adapter.first_request(context);
  auto html = adapter.parse(context, request, "<html>Job board not found</html>");
  REQUIRE_FALSE(html);
  CHECK(html.error().code == Errc::invalid_input);
  CHECK(html.error().message.find("ashby: not JSON") == 0);
  auto shape = adapter.parse(context, request, "[]");
  REQUIRE_FALSE(shape);
  CHECK(shape.error().code == Errc::invalid_input);
}

}  // namespace
}  // namespace hg::scrape
