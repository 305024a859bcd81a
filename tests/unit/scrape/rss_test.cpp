#include <catch2/catch.hpp>

#include "scrape/adapters.hpp"
#include "support/catch_printers.hpp"
#include "support/temp_dir.hpp"

namespace hg::scrape {
namespace {

constexpr const char* kWwr = "https://weworkremotely.com/remote-jobs.rss";

Context rss_context(std::string target = kWwr) {
  return Context{.spec = {.name = "rss:wwr", .kind = "rss", .target = std::move(target)},
                 .base_url = std::string(rss_adapter().default_base_url()),
                 .fetched_at = *util::parse_iso("2026-11-21T12:00:00Z")};
}

TEST_CASE("rss fetches the target feed URL", "[scrape][rss]") {
  const Adapter& adapter = rss_adapter();
  CHECK(adapter.kind() == "rss");
  CHECK(adapter.needs_target());
  auto request = adapter.first_request(rss_context());
  REQUIRE(request);
  CHECK(request->method == "GET");
  CHECK(request->url == kWwr);
  REQUIRE(request->headers.size() == 1);
  CHECK(request->headers[0].second.find("application/rss+xml") == 0);

  auto none = adapter.first_request(rss_context(""));
  REQUIRE_FALSE(none);
  CHECK(none.error().code == Errc::invalid_argument);
  auto file = adapter.first_request(rss_context("file:///etc/passwd"));
  REQUIRE_FALSE(file);
  CHECK(file.error().code == Errc::invalid_argument);
}

TEST_CASE("rss maps the recorded We Work Remotely feed", "[scrape][rss]") {
  const Adapter& adapter = rss_adapter();
  const Context context = rss_context();
  const std::string body = testing::read_file(testing::fixture("sources/rss/weworkremotely.xml"));
  REQUIRE_FALSE(body.empty());
  auto page = adapter.parse(context, *adapter.first_request(context), body);
  REQUIRE(page);
  CHECK(page->skipped.empty());
  CHECK_FALSE(page->next);
  CHECK_FALSE(page->complete);
  REQUIRE(page->jobs.size() == 4);

  const model::Job& first = page->jobs[0];
  CHECK(first.source == "rss:wwr");
  CHECK(first.external_id == "https://weworkremotely.com/remote-jobs/mathmo-maths-coach");
  CHECK(first.title == "Maths Coach");
  CHECK(first.company == "Mathmo");
  CHECK(first.url == "https://weworkremotely.com/remote-jobs/mathmo-maths-coach");
  CHECK(first.location == "Anywhere in the World");
  CHECK(first.remote == "remote");
  CHECK(first.employment_type == "contract");
  CHECK(first.date_posted == "2026-07-10T22:45:30Z");
  CHECK(first.valid_through == "2026-08-09T22:45:30Z");
  CHECK(first.salary_text.empty());  // "£75 per hour" is prose; enrichment reads it
  CHECK(first.description.find("Headquarters:") != std::string::npos);
  CHECK(first.description.find("&lt;") == std::string::npos);
  CHECK(first.description_html.find("<img src=") == 0);
  CHECK(first.raw.find("\"region\":\"Anywhere in the World\"") != std::string::npos);

  const model::Job& second = page->jobs[1];
  CHECK(second.external_id == "https://weworkremotely.com/remote-jobs/qase-developer-advocate");
  CHECK(second.title == "Developer Advocate");
  CHECK(second.company == "Qase");
  CHECK(second.employment_type == "full_time");
  CHECK(second.date_posted == "2026-07-10T19:44:50Z");

  const model::Job& third = page->jobs[2];
  CHECK(third.title == "Entry-Level Crypto Market Specialist");
  CHECK(third.company == "APEX TRADE");
  CHECK(third.date_posted == "2026-07-10T15:21:26Z");
  CHECK(third.url ==
        "https://weworkremotely.com/remote-jobs/apex-trade-entry-level-crypto-market-specialist");
}

TEST_CASE("rss reads Atom entries, skips an untitled item and rejects non-XML",
          "[scrape][rss]") {
  const Adapter& adapter = rss_adapter();
  const Context context = rss_context("https://jobs.example.org/feed.atom");
  const net::Request request = *adapter.first_request(context);
  auto atom = adapter.parse(context, request, R"(<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example jobs</title>
  <entry>
    <id>tag:example.org,2026:job-1</id>
    <title>Initech: Staff Engineer</title>
    <link rel="alternate" href="https://jobs.example.org/1"/>
    <published>2026-11-20T09:30:00Z</published>
    <content type="html">&lt;p&gt;Build &amp;amp; run&lt;/p&gt;</content>
  </entry>
  <entry><id>tag:example.org,2026:job-2</id><title/></entry>
</feed>)");
  REQUIRE(atom);
  REQUIRE(atom->jobs.size() == 1);
  const model::Job& job = atom->jobs[0];
  CHECK(job.external_id == "tag:example.org,2026:job-1");
  CHECK(job.company == "Initech");
  CHECK(job.title == "Staff Engineer");
  CHECK(job.url == "https://jobs.example.org/1");
  CHECK(job.remote.empty());  // only We Work Remotely is known to be remote-only
  CHECK(job.date_posted == "2026-11-20T09:30:00Z");
  CHECK(job.description == "Build & run");
  REQUIRE(atom->skipped.size() == 1);
  CHECK(atom->skipped[0] == "rss: item tag:example.org,2026:job-2 has no title");

  auto json = adapter.parse(context, request, R"({"jobs":[]})");
  REQUIRE_FALSE(json);
  CHECK(json.error().code == Errc::invalid_input);
  auto broken = adapter.parse(context, request, "<rss><channel><item></channel>");
  REQUIRE_FALSE(broken);
  CHECK(broken.error().code == Errc::invalid_input);
  auto html = adapter.parse(context, request, "<html><body>moved</body></html>");
  REQUIRE_FALSE(html);
  CHECK(html.error().code == Errc::invalid_input);
}

}  // namespace
}  // namespace hg::scrape
