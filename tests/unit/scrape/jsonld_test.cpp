#include <catch2/catch.hpp>

#include "scrape/adapters.hpp"
#include "support/catch_printers.hpp"
#include "support/temp_dir.hpp"

namespace hg::scrape {
namespace {

Context jsonld_context(std::string target) {
  return Context{.spec = {.name = "jsonld:" + target, .kind = "jsonld", .target = target},
                 .base_url = std::string(jsonld_adapter().default_base_url()),
                 .fetched_at = *util::parse_iso("2026-11-21T12:00:00Z")};
}

Result<Page> parse_fixture(const std::string& name, const std::string& page_url) {
  const Adapter& adapter = jsonld_adapter();
  const Context context = jsonld_context(page_url);
  const std::string body = testing::read_file(testing::fixture("sources/jsonld/" + name));
  REQUIRE_FALSE(body.empty());
  return adapter.parse(context, *adapter.first_request(context), body);
}

TEST_CASE("jsonld fetches the page it is given", "[scrape][jsonld]") {
  const Adapter& adapter = jsonld_adapter();
  CHECK(adapter.kind() == "jsonld");
  CHECK(adapter.needs_target());
  auto request = adapter.first_request(jsonld_context("https://careers.example.com/jobs/2041"));
  REQUIRE(request);
  CHECK(request->method == "GET");
  CHECK(request->url == "https://careers.example.com/jobs/2041");
  REQUIRE(request->headers.size() == 1);
  CHECK(request->headers[0].first == "Accept");

  auto missing = adapter.first_request(jsonld_context(""));
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == Errc::invalid_argument);
  auto not_url = adapter.first_request(jsonld_context("careers.example.com"));
  REQUIRE_FALSE(not_url);
  CHECK(not_url.error().code == Errc::invalid_argument);
}

TEST_CASE("jsonld maps a page's one JobPosting", "[scrape][jsonld]") {
  const std::string page_url = "https://careers.example.com/jobs/robotics-software-engineer";
  auto page = parse_fixture("careers-single.html", page_url);
  REQUIRE(page);
  CHECK(page->skipped.empty());  // the BreadcrumbList block holds no posting: not an error
  CHECK_FALSE(page->next);
  CHECK(page->complete);
  REQUIRE(page->jobs.size() == 1);
  const model::Job& job = page->jobs[0];
  CHECK(job.source == "jsonld:" + page_url);
  CHECK(job.external_id == "ER-2041");  // identifier.value
  CHECK(job.title == "Robotics Software Engineer");
  CHECK(job.company == "Example Robotics");
  CHECK(job.location == "Mountain View, CA, US");
  CHECK(job.city == "Mountain View");
  CHECK(job.region == "CA");
  CHECK(job.country == "US");
  CHECK(job.remote.empty());
  CHECK(job.employment_type == "contract");  // CONTRACTOR
  REQUIRE(job.salary_min);
  REQUIRE(job.salary_max);
  CHECK(*job.salary_min == Approx(40));
  CHECK(*job.salary_max == Approx(40));
  CHECK(job.salary_currency == "USD");
  CHECK(job.salary_period == "hour");
  CHECK(job.date_posted == "2026-11-02");
  CHECK(job.valid_through == "2026-12-31T23:59:00Z");
  CHECK(job.url == page_url);  // the posting has no url of its own
  CHECK(job.description.find("Example Robotics builds warehouse robots.") == 0);
  CHECK(job.description.find("Write C++ for motion planning") != std::string::npos);
  CHECK(job.description_html.find("<ul><li>") != std::string::npos);
}

TEST_CASE("jsonld finds JobPostings in an @graph and skips untitled ones", "[scrape][jsonld]") {
  const std::string page_url = "https://acme-data.example/careers/";
  auto page = parse_fixture("careers-graph.html", page_url);
  REQUIRE(page);
  REQUIRE(page->jobs.size() == 2);
  REQUIRE(page->skipped.size() == 1);
  CHECK(page->skipped[0] == "jsonld: posting 3: no title");
  CHECK(page->complete);

  const model::Job& remote = page->jobs[0];
  CHECK(remote.external_id == "req-118");
  CHECK(remote.title == "Senior Data Engineer");
  CHECK(remote.company == "Acme Data");
  CHECK(remote.remote == "remote");  // TELECOMMUTE
  CHECK(remote.remote_regions == std::vector<std::string>{"US", "CA"});
  CHECK(remote.location == "US; CA");            // no jobLocation: where applicants may be
  CHECK(remote.employment_type == "full_time");  // the first of FULL_TIME, PART_TIME
  REQUIRE(remote.salary_min);
  REQUIRE(remote.salary_max);
  CHECK(*remote.salary_min == Approx(150000));
  CHECK(*remote.salary_max == Approx(185000));
  CHECK(remote.salary_currency == "USD");
  CHECK(remote.salary_period == "year");
  CHECK(remote.date_posted == "2026-10-20T07:30:00Z");
  CHECK(remote.valid_through == "2027-01-31");
  CHECK(remote.url == "https://acme-data.example/careers/senior-data-engineer");
  // The description came entity-escaped.
  CHECK(remote.description.find("Build the pipelines behind Acme") == 0);
  CHECK(remote.description.find("&lt;") == std::string::npos);
  CHECK(remote.description_html.find("<p>Build the pipelines") == 0);

  const model::Job& analyst = page->jobs[1];
  CHECK(analyst.external_id == "https://acme-data.example/careers/rd-analyst");  // no identifier
  CHECK(analyst.title == "R&D Analyst");  // "R&amp;D" decoded
  CHECK(analyst.location == "Berlin, DE; Amsterdam, North Holland, NL");
  CHECK(analyst.city == "Berlin");
  CHECK(analyst.country == "DE");  // from a Country object
  CHECK(analyst.remote.empty());
  CHECK(analyst.employment_type == "internship");
  CHECK_FALSE(analyst.salary_min);
  CHECK(analyst.date_posted == "2026-11-15");
  CHECK(analyst.description == "Analyse R&D results for the product team.");
  CHECK(analyst.description_html.empty());
}

TEST_CASE("jsonld skips a block that is not JSON and reads the next", "[scrape][jsonld]") {
  const std::string page_url = "https://globex.example/careers";
  auto page = parse_fixture("careers-bad-block.html", page_url);
  REQUIRE(page);
  REQUIRE(page->skipped.size() == 1);
  CHECK(page->skipped[0].find("jsonld: script block 1: not JSON") == 0);
  REQUIRE(page->jobs.size() == 1);
  const model::Job& job = page->jobs[0];
  CHECK(job.external_id == page_url);  // no identifier or url: the page's own
  CHECK(job.url == page_url);
  CHECK(job.title == "Warehouse Associate");
  CHECK(job.company == "Globex");  // hiringOrganization as plain text
  CHECK(job.location == "Springfield, Oregon");
  CHECK(job.city.empty());
  CHECK(job.employment_type == "temporary");
  REQUIRE(job.salary_min);
  CHECK(*job.salary_min == Approx(21.5));
  CHECK(*job.salary_max == Approx(21.5));
  CHECK(job.salary_currency == "USD");  // salaryCurrency beside a bare number
  CHECK(job.salary_period.empty());
  CHECK(job.date_posted == "2026-11-18");
}

TEST_CASE("jsonld rejects a page without JSON-LD", "[scrape][jsonld]") {
  const Adapter& adapter = jsonld_adapter();
  const Context context = jsonld_context("https://example.com/careers");
  const net::Request request = *adapter.first_request(context);
  auto plain = adapter.parse(context, request,
                             "<html><head><script src=\"app.js\"></script>"
                             "<script type=\"application/json\">{\"a\":1}</script></head>"
                             "<body><h1>Careers</h1></body></html>");
  REQUIRE_FALSE(plain);
  CHECK(plain.error().code == Errc::invalid_input);
  CHECK(plain.error().message.find("jsonld: no <script") == 0);
  auto text = adapter.parse(context, request, "not a page at all");
  REQUIRE_FALSE(text);
  CHECK(text.error().code == Errc::invalid_input);

  SECTION("a page whose JSON-LD holds no posting is empty but not the whole set") {
    auto none = adapter.parse(
        context, request,
        R"(<script type="application/ld+json">{"@type":"Organization","name":"X"}</script>)");
    REQUIRE(none);
    CHECK(none->jobs.empty());
    CHECK(none->skipped.empty());
    CHECK_FALSE(none->complete);
  }
  SECTION("an unterminated script element ends the scan without reading past the page") {
    auto open = adapter.parse(context, request,
                              R"(<script type="application/ld+json">{"@type":"JobPosting")");
    REQUIRE_FALSE(open);
    CHECK(open.error().code == Errc::invalid_input);
  }
}

}  // namespace
}  // namespace hg::scrape
