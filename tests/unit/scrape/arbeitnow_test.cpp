#include <catch2/catch.hpp>

#include "scrape/adapters.hpp"
#include "support/catch_printers.hpp"
#include "support/temp_dir.hpp"

namespace hg::scrape {
namespace {

Context arbeitnow_context() {
  return Context{.spec = {.name = "arbeitnow", .kind = "arbeitnow"},
                 .base_url = std::string(arbeitnow_adapter().default_base_url()),
                 .fetched_at = *util::parse_iso("2026-11-21T12:00:00Z")};
}

TEST_CASE("arbeitnow asks for the first page of the job-board API", "[scrape][arbeitnow]") {
  const Adapter& adapter = arbeitnow_adapter();
  CHECK(adapter.kind() == "arbeitnow");
  CHECK_FALSE(adapter.needs_target());
  auto request = adapter.first_request(arbeitnow_context());
  REQUIRE(request);
  CHECK(request->method == "GET");
  CHECK(request->url == "https://www.arbeitnow.com/api/job-board-api");
  CHECK(request->headers.at(0).first == "Accept");
}

TEST_CASE("arbeitnow maps the recorded job-board payload", "[scrape][arbeitnow]") {
  const Adapter& adapter = arbeitnow_adapter();
  const Context context = arbeitnow_context();
  const std::string body = testing::read_file(
      testing::fixture("sources/arbeitnow/job-board-api.data-only.json"));
  REQUIRE_FALSE(body.empty());
  auto page = adapter.parse(context, *adapter.first_request(context), body);
  REQUIRE(page);
  CHECK(page->skipped.empty());
  CHECK_FALSE(page->next);  // this capture has no links.next
  CHECK_FALSE(page->complete);
  REQUIRE(page->jobs.size() == 3);

  const model::Job& first = page->jobs[0];
  CHECK(first.source == "arbeitnow");
  CHECK(first.external_id == "ml-product-engineer-heidelberg-60723");
  CHECK(first.title == "ML Product Engineer");
  CHECK(first.company == "kausable GmbH");
  CHECK(first.location == "Heidelberg");
  CHECK(first.url == "https://www.arbeitnow.com/jobs/companies/kausable-gmbh/"
                     "ml-product-engineer-heidelberg-60723");
  CHECK(first.remote.empty());            // remote: false may still be hybrid
  CHECK(first.employment_type.empty());   // "professional / experienced" names no type
  CHECK(first.date_posted == "2026-08-03T21:30:34Z");
  CHECK(first.description.find("At kausable, we build causal") == 0);
  CHECK(first.salary_text.empty());

  const model::Job& second = page->jobs[1];
  CHECK(second.external_id == "technical-co-founder-cto-aureas-munich-353142");
  CHECK(second.title == "Technical Co-Founder/CTO aureas");
  CHECK(second.company == "aureas");
  CHECK(second.location == "Munich");
  CHECK(second.date_posted == "2026-08-03T21:30:33Z");

  const model::Job& third = page->jobs[2];
  CHECK(third.external_id == "senior-product-owner-hamburg-berlin-302643");
  CHECK(third.title == "Senior Product Owner m/w/d");
  CHECK(third.company == "dept");
  CHECK(third.location == "Hamburg, Berlin");
  CHECK(third.date_posted == "2026-08-03T21:16:52Z");
  // The description came entity-escaped; it is HTML once unescaped.
  CHECK(third.description.find("Senior Product Owner (d/f/m)") == 0);
  CHECK(third.description.find("&lt;") == std::string::npos);
  CHECK(third.description_html.find("<p><strong>Senior Product Owner") == 0);
  // Arbeitnow's own footer, sent as real HTML after the escaped body, stays as text.
  CHECK(third.description.find("Find more English Speaking Jobs in Germany on Arbeitnow") !=
        std::string::npos);
}

TEST_CASE("arbeitnow follows links.next on its own base URL", "[scrape][arbeitnow]") {
  const Adapter& adapter = arbeitnow_adapter();
  Context context = arbeitnow_context();
  context.base_url = "http://127.0.0.1:8080";
  const std::string body = R"({"data":[
      {"slug":"a-1","title":"Backend Engineer","company_name":"A","remote":true,
       "job_types":["berufserfahren","Full Time"],"created_at":1785792634},
      {"slug":"b-2","title":"","company_name":"B"}],
    "links":{"first":"https://www.arbeitnow.com/api/job-board-api?page=1",
             "next":"https://www.arbeitnow.com/api/job-board-api?page=3"},
    "meta":{"current_page":2,"per_page":100}})";
  auto page = adapter.parse(context, *adapter.first_request(context), body);
  REQUIRE(page);
  REQUIRE(page->jobs.size() == 1);
  CHECK(page->jobs[0].remote == "remote");
  CHECK(page->jobs[0].employment_type == "full_time");
  REQUIRE(page->skipped.size() == 1);
  CHECK(page->skipped[0] == "arbeitnow: job b-2 has no title");
  REQUIRE(page->next);
  CHECK(page->next->url == "http://127.0.0.1:8080/api/job-board-api?page=3");

  auto last = adapter.parse(context, *page->next, R"({"data":[],"links":{"next":null}})");
  REQUIRE(last);
  CHECK(last->jobs.empty());
  CHECK_FALSE(last->next);

  auto bad = adapter.parse(context, *page->next, "<!doctype html>");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == Errc::invalid_input);
}

}  // namespace
}  // namespace hg::scrape
