#include <catch2/catch.hpp>

#include "scrape/adapters.hpp"
#include "support/catch_printers.hpp"
#include "support/temp_dir.hpp"

namespace hg::scrape {
namespace {

Context greenhouse_context(std::string target = "codepath") {
  return Context{.spec = {.name = "greenhouse:" + target, .kind = "greenhouse", .target = target},
                 .base_url = std::string(greenhouse_adapter().default_base_url()),
                 .fetched_at = *util::parse_iso("2026-11-21T12:00:00Z")};
}

TEST_CASE("greenhouse asks for the whole board with descriptions", "[scrape][greenhouse]") {
  const Adapter& adapter = greenhouse_adapter();
  CHECK(adapter.kind() == "greenhouse");
  CHECK(adapter.default_base_url() == "https://boards-api.greenhouse.io");
  CHECK(adapter.needs_target());
  auto request = adapter.first_request(greenhouse_context());
  REQUIRE(request);
  CHECK(request->method == "GET");
  CHECK(request->url == "https://boards-api.greenhouse.io/v1/boards/codepath/jobs?content=true");
  REQUIRE(request->headers.size() == 1);
  CHECK(request->headers[0] == std::pair<std::string, std::string>{"Accept", "application/json"});

  SECTION("a board token is needed") {
    auto missing = adapter.first_request(greenhouse_context(""));
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == Errc::invalid_argument);
  }
}

TEST_CASE("greenhouse maps the recorded board list", "[scrape][greenhouse]") {
  const Adapter& adapter = greenhouse_adapter();
  const Context context = greenhouse_context();
  const std::string body =
      testing::read_file(testing::fixture("sources/greenhouse/jobs-codepath.json"));
  REQUIRE_FALSE(body.empty());
  auto page = adapter.parse(context, *adapter.first_request(context), body);
  REQUIRE(page);
  CHECK(page->skipped.empty());
  CHECK_FALSE(page->next);  // one response holds the whole board
  CHECK(page->complete);
  REQUIRE(page->jobs.size() == 15);

  const model::Job& first = page->jobs[0];
  CHECK(first.source == "greenhouse:codepath");
  CHECK(first.external_id == "4426096007");
  CHECK(first.title == "Associate Instructor - Part Time, Fall Contract");
  CHECK(first.company == "codepath");  // this list has no company_name: the board token
  CHECK(first.location == "Arlington, Virginia");
  CHECK(first.url == "https://boards.greenhouse.io/codepath/jobs/4426096007");
  CHECK(first.canonical_url.empty());
  CHECK(first.date_posted == "2024-07-09T00:45:00Z");  // updated_at, -04:00 made UTC
  CHECK(first.first_seen == "2026-11-21T12:00:00Z");
  CHECK(first.last_seen == "2026-11-21T12:00:00Z");
  CHECK(first.employment_type.empty());  // "Part Time" in the title is text, not a field
  CHECK(first.remote.empty());
  CHECK_FALSE(first.salary_min);
  CHECK(first.description.empty());  // the recorded list was fetched without content=true
  CHECK(first.raw.find("\"requisition_id\":\"58\"") != std::string::npos);

  const model::Job& third = page->jobs[2];
  CHECK(third.external_id == "4426707007");
  CHECK(third.title == "Data Engineer");
  CHECK(third.location == "Remote, United States");
  CHECK(third.remote.empty());  // only the location text says remote: enrichment reads it
  CHECK(third.date_posted == "2024-07-24T22:48:03Z");
  CHECK(third.url == "https://boards.greenhouse.io/codepath/jobs/4426707007");

  const model::Job& last = page->jobs[14];
  CHECK(last.external_id == "4321186007");
  CHECK(last.title == "Technical Interview Prep Instructor, Fall 2024");
  CHECK(last.location == "Remote, United States");
  CHECK(last.date_posted == "2024-07-18T22:41:00Z");
}

TEST_CASE("greenhouse reads pay ranges in cents from one job", "[scrape][greenhouse]") {
  const Adapter& adapter = greenhouse_adapter();
  const Context context = greenhouse_context();
  const std::string body =
      testing::read_file(testing::fixture("sources/greenhouse/job-codepath-4426707007.json"));
  REQUIRE_FALSE(body.empty());
  auto page = adapter.parse(context, *adapter.first_request(context), body);
  REQUIRE(page);
  CHECK_FALSE(page->complete);  // one job is not the board
  REQUIRE(page->jobs.size() == 1);
  const model::Job& job = page->jobs[0];
  CHECK(job.external_id == "4426707007");
  CHECK(job.title == "Data Engineer");
  CHECK(job.company == "codepath");
  CHECK(job.location == "Remote, United States");
  REQUIRE(job.salary_min);
  REQUIRE(job.salary_max);
  CHECK(*job.salary_min == Approx(120000));
  CHECK(*job.salary_max == Approx(160000));
  CHECK(job.salary_currency == "USD");
  CHECK(job.salary_period.empty());  // Greenhouse does not say per what
  CHECK(job.salary_text.empty());
  // content is entity-escaped HTML: unescaped once, then converted.
  CHECK(job.description.find("CodePath is a national non-profit") == 0);
  CHECK(job.description.find("&lt;") == std::string::npos);
  CHECK(job.description.find("<p") == std::string::npos);
  CHECK(job.description_html.find("<div class=\"content-intro\">") == 0);
  CHECK(job.date_posted == "2024-07-24T22:48:03Z");
}

TEST_CASE("greenhouse reads custom fields and skips records it cannot map",
          "[scrape][greenhouse]") {
  const Adapter& adapter = greenhouse_adapter();
  const Context context = greenhouse_context("acme");
  const std::string body = R"({"jobs":[
      {"id":11,"title":"  Backend Engineer ","company_name":"Acme Corp",
       "location":{"name":"Berlin"},"absolute_url":"https://acme.example/careers?gh_jid=11",
       "metadata":[{"id":1,"name":"Employment Type","value":"Full-time",
                    "value_type":"single_select"},
                   {"id":2,"name":"Location Type","value":["Hybrid"],"value_type":"multi_select"}],
       "first_published":"2026-11-01T10:00:00-04:00","updated_at":"2026-11-20T10:00:00-04:00",
       "application_deadline":"2026-12-15","content":"Plain text, no markup."},
      {"id":12,"title":""},
      {"title":"Has no id"},
      "not an object"],"meta":{"total":4}})";
  auto page = adapter.parse(context, *adapter.first_request(context), body);
  REQUIRE(page);
  REQUIRE(page->jobs.size() == 1);
  const model::Job& job = page->jobs[0];
  CHECK(job.title == "Backend Engineer");
  CHECK(job.company == "Acme Corp");
  CHECK(job.url == "https://acme.example/careers?gh_jid=11");
  CHECK(job.employment_type == "full_time");
  CHECK(job.remote == "hybrid");
  CHECK(job.date_posted == "2026-11-01T14:00:00Z");  // first_published beats updated_at
  CHECK(job.valid_through == "2026-12-15");
  CHECK(job.description == "Plain text, no markup.");
  CHECK(job.description_html.empty());
  REQUIRE(page->skipped.size() == 3);
  CHECK(page->skipped[0] == "greenhouse: job 12: no title");
  CHECK(page->skipped[1] == "greenhouse: record 3: no id");
  CHECK(page->skipped[2] == "greenhouse: record 4: not an object");
}

TEST_CASE("greenhouse rejects a body that is not its JSON", "[scrape][greenhouse]") {
  const Adapter& adapter = greenhouse_adapter();
  const Context context = greenhouse_context();
  const net::Request request = *adapter.first_request(context);
  auto html = adapter.parse(context, request, "<html><body>Board not found</body></html>");
  REQUIRE_FALSE(html);
  CHECK(html.error().code == Errc::invalid_input);
  CHECK(html.error().message.find("greenhouse: not JSON") == 0);
  auto shape = adapter.parse(context, request, R"({"error":"not found"})");
  REQUIRE_FALSE(shape);
  CHECK(shape.error().code == Errc::invalid_input);
  auto jobs = adapter.parse(context, request, R"({"jobs":{}})");
  REQUIRE_FALSE(jobs);
  CHECK(jobs.error().code == Errc::invalid_input);
}

}  // namespace
}  // namespace hg::scrape
