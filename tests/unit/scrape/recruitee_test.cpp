#include <catch2/catch.hpp>

#include "scrape/adapters.hpp"
#include "support/catch_printers.hpp"
#include "support/temp_dir.hpp"

namespace hg::scrape {
namespace {

Context recruitee_context(std::string target = "radishlab") {
  return Context{.spec = {.name = "recruitee:" + target, .kind = "recruitee", .target = target},
                 .base_url = std::string(recruitee_adapter().default_base_url()),
                 .fetched_at = *util::parse_iso("2026-11-21T12:00:00Z")};
}

TEST_CASE("recruitee asks the company's own host for its offers", "[scrape][recruitee]") {
  const Adapter& adapter = recruitee_adapter();
  CHECK(adapter.kind() == "recruitee");
  auto request = adapter.first_request(recruitee_context());
  REQUIRE(request);
  CHECK(request->method == "GET");
  CHECK(request->url == "https://radishlab.recruitee.com/api/offers/");
  REQUIRE(request->headers.size() == 1);
  CHECK(request->headers[0].second == "application/json");

  SECTION("an overridden base URL is used as it is") {
    Context context = recruitee_context();
    context.base_url = "http://127.0.0.1:8080";
    auto local = adapter.first_request(context);
    REQUIRE(local);
    CHECK(local->url == "http://127.0.0.1:8080/api/offers/");
  }
  SECTION("a company is needed") {
    auto missing = adapter.first_request(recruitee_context(""));
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == Errc::invalid_argument);
  }
}

TEST_CASE("recruitee maps the recorded offers", "[scrape][recruitee]") {
  const Adapter& adapter = recruitee_adapter();
  const Context context = recruitee_context();
  const std::string body =
      testing::read_file(testing::fixture("sources/recruitee/offers-radishlab.json"));
  REQUIRE_FALSE(body.empty());
  auto page = adapter.parse(context, *adapter.first_request(context), body);
  REQUIRE(page);
  CHECK(page->skipped.empty());
  CHECK_FALSE(page->next);
  CHECK(page->complete);
  REQUIRE(page->jobs.size() == 4);

  const model::Job& first = page->jobs[0];
  CHECK(first.source == "recruitee:radishlab");
  CHECK(first.external_id == "1390320");
  CHECK(first.title == "Copywriter Talent Pool");
  CHECK(first.company == "Radish Lab");
  CHECK(first.location == "Remote job");
  CHECK(first.city == "BROOKLYN");  // as given
  CHECK(first.region == "New York");
  CHECK(first.country == "US");
  CHECK(first.remote == "remote");
  CHECK(first.employment_type == "contract");
  CHECK(first.date_posted == "2023-07-25T17:53:46Z");
  CHECK(first.valid_through.empty());  // close_at is null
  CHECK(first.url == "https://radishlab.recruitee.com/o/copywriter-talen-pool");
  CHECK_FALSE(first.salary_min);  // salary fields all null
  CHECK(first.salary_currency.empty());
  CHECK(first.description.find("Radish Lab, a creative agency based in Brooklyn") == 0);
  // The requirements follow the description.
  CHECK(first.description.find("Proven experience as a copywriter") != std::string::npos);

  const model::Job& second = page->jobs[1];
  CHECK(second.external_id == "1357326");
  CHECK(second.title == "Project Manager Talent Pool");
  CHECK(second.city == "Brooklyn");
  CHECK(second.employment_type == "full_time");
  REQUIRE(second.salary_min);
  REQUIRE(second.salary_max);
  CHECK(*second.salary_min == Approx(52000));  // "52000" as a string
  CHECK(*second.salary_max == Approx(68000));
  CHECK(second.salary_currency == "USD");
  CHECK(second.salary_period == "year");
  CHECK(second.date_posted == "2023-06-21T22:14:02Z");
  CHECK(second.url == "https://radishlab.recruitee.com/o/project-manager-talent-pool");

  const model::Job& last = page->jobs[3];
  CHECK(last.external_id == "1333465");
  CHECK(last.title == "Design Talent Pool");
  CHECK(last.city == "New York");
  CHECK(last.date_posted == "2023-07-24T19:56:30Z");
}

TEST_CASE("recruitee reads hybrid offers and compound codes, and skips untitled ones",
          "[scrape][recruitee]") {
  const Adapter& adapter = recruitee_adapter();
  const Context context = recruitee_context("acme");
  const std::string body = R"({"offers":[
      {"id":7,"title":"Nurse","remote":false,"hybrid":true,"on_site":false,
       "employment_type_code":"fulltime_fixed_term","close_at":"2026-12-31 23:59:00 UTC",
       "salary":{"min":"3000","max":null,"period":"month","currency":"EUR"},
       "published_at":"2026-11-20 09:00:00 UTC","careers_url":"https://acme.recruitee.com/o/nurse"},
      {"id":8,"title":" "},
      {"title":"No id"}]})";
  auto page = adapter.parse(context, *adapter.first_request(context), body);
  REQUIRE(page);
  REQUIRE(page->jobs.size() == 1);
  const model::Job& job = page->jobs[0];
  CHECK(job.company == "acme");
  CHECK(job.remote == "hybrid");
  CHECK(job.employment_type == "full_time");
  REQUIRE(job.salary_min);
  CHECK(*job.salary_min == Approx(3000));
  CHECK_FALSE(job.salary_max);
  CHECK(job.salary_period == "month");
  CHECK(job.valid_through == "2026-12-31T23:59:00Z");
  REQUIRE(page->skipped.size() == 2);
  CHECK(page->skipped[0] == "recruitee: job 8: no title");
  CHECK(page->skipped[1] == "recruitee: record 3: no id");
}

TEST_CASE("recruitee rejects a body that is not its JSON", "[scrape][recruitee]") {
  const Adapter& adapter = recruitee_adapter();
  const Context context = recruitee_context();
  const net::Request request = *adapter.first_request(context);
  auto html = adapter.parse(context, request, "<html><h1>Page not found</h1></html>");
  REQUIRE_FALSE(html);
  CHECK(html.error().code == Errc::invalid_input);
  CHECK(html.error().message.find("recruitee: not JSON") == 0);
  auto shape = adapter.parse(context, request, R"({"offers":null})");
  REQUIRE_FALSE(shape);
  CHECK(shape.error().code == Errc::invalid_input);
}

}  // namespace
}  // namespace hg::scrape
