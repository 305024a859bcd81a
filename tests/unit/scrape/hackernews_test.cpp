#include <catch2/catch.hpp>

#include "scrape/adapters.hpp"
#include "support/catch_printers.hpp"
#include "support/temp_dir.hpp"

namespace hg::scrape {
namespace {

Context hackernews_context(std::string target = {}) {
  return Context{.spec = {.name = "hackernews", .kind = "hackernews", .target = std::move(target)},
                 .base_url = std::string(hackernews_adapter().default_base_url()),
                 .fetched_at = *util::parse_iso("2026-11-21T12:00:00Z")};
}

TEST_CASE("hackernews searches for the newest thread, or reads the story it is given",
          "[scrape][hackernews]") {
  const Adapter& adapter = hackernews_adapter();
  CHECK(adapter.kind() == "hackernews");
  CHECK_FALSE(adapter.needs_target());

  auto search = adapter.first_request(hackernews_context());
  REQUIRE(search);
  CHECK(search->url ==
        "https://hn.algolia.com/api/v1/search_by_date?tags=story%2Cauthor_whoishiring"
        "&query=who%20is%20hiring&hitsPerPage=10");
  auto story = adapter.first_request(hackernews_context("48747976"));
  REQUIRE(story);
  CHECK(story->url ==
        "https://hn.algolia.com/api/v1/search_by_date?tags=comment%2Cstory_48747976"
        "&hitsPerPage=100&page=0");
  auto bad = adapter.first_request(hackernews_context("whoishiring"));
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == Errc::invalid_argument);
}

TEST_CASE("hackernews turns the story search into the comments request",
          "[scrape][hackernews]") {
  const Adapter& adapter = hackernews_adapter();
  const Context context = hackernews_context();
  const net::Request search = *adapter.first_request(context);
  auto page = adapter.parse(context, search, R"j({"hits":[
      {"title":"Ask HN: Who wants to be hired? (July 2026)","objectID":"48747975"},
      {"title":"Ask HN: Who is hiring? (July 2026)","objectID":"48747976"}],
    "nbHits":2,"page":0,"nbPages":1,"hitsPerPage":10})j");
  REQUIRE(page);
  CHECK(page->jobs.empty());
  REQUIRE(page->next);
  CHECK(page->next->url ==
        "https://hn.algolia.com/api/v1/search_by_date?tags=comment%2Cstory_48747976"
        "&hitsPerPage=100&page=0");

  auto none = adapter.parse(context, search, R"({"hits":[]})");
  REQUIRE_FALSE(none);
  CHECK(none.error().code == Errc::invalid_input);
}

TEST_CASE("hackernews maps the recorded who-is-hiring comments", "[scrape][hackernews]") {
  const Adapter& adapter = hackernews_adapter();
  const Context context = hackernews_context("48747976");
  const std::string body = testing::read_file(
      testing::fixture("sources/hackernews/algolia-who-is-hiring-comments.trimmed.json"));
  REQUIRE_FALSE(body.empty());
  auto page = adapter.parse(context, *adapter.first_request(context), body);
  REQUIRE(page);
  CHECK_FALSE(page->complete);
  CHECK_FALSE(page->next);  // this capture carries no page/nbPages
  REQUIRE(page->jobs.size() == 5);  // 7 hits: one reply, one without a header line
  REQUIRE(page->skipped.size() == 1);
  CHECK(page->skipped[0] ==
        "hackernews: comment 48804695 has no \"Company | Role | Location\" first line");

  const model::Job& qase = page->jobs[0];
  CHECK(qase.source == "hackernews");
  CHECK(qase.external_id == "48860201");
  CHECK(qase.company == "Qase");
  CHECK(qase.title == "Developer Advocate");
  CHECK(qase.location.empty());  // the third field is a second role
  CHECK(qase.remote == "remote");
  CHECK(qase.employment_type == "full_time");
  CHECK(qase.url == "https://news.ycombinator.com/item?id=48860201");
  CHECK(qase.date_posted == "2026-07-10T14:10:34Z");
  CHECK(qase.description.find("We're building the space") != std::string::npos);

  const model::Job& wave = page->jobs[1];
  CHECK(wave.external_id == "48843116");
  CHECK(wave.company == "Wave");
  CHECK(wave.title == "On-Premises SRE");
  CHECK(wave.location == "Remote (EMEA)");
  CHECK(wave.remote == "remote");
  CHECK(wave.employment_type == "full_time");
  CHECK(wave.salary_text == "Salary up to $185,500 + equity");
  CHECK_FALSE(wave.salary_min);  // text only; enrichment parses it
  CHECK(wave.date_posted == "2026-07-09T09:17:40Z");

  const model::Job& trinsic = page->jobs[3];
  CHECK(trinsic.company == "Trinsic");
  CHECK(trinsic.title == "Senior Product Engineer");
  CHECK(trinsic.location == "REMOTE (Europe)");

  const model::Job& resort = page->jobs[4];
  CHECK(resort.external_id == "48868436");
  CHECK(resort.company == "ResortPass");
  CHECK(resort.title == "Senior Software Engineer, Frontend");
  CHECK(resort.location == "New York, NY");
  CHECK(resort.remote == "onsite");
  CHECK(resort.salary_text.find("$160k") == 0);
  CHECK(resort.date_posted == "2026-07-11T03:28:07Z");
}

TEST_CASE("hackernews pages through the comments and rejects what is not JSON",
          "[scrape][hackernews]") {
  const Adapter& adapter = hackernews_adapter();
  const Context context = hackernews_context("48747976");
  const net::Request request = *adapter.first_request(context);
  auto page = adapter.parse(context, request, R"({"hits":[
      {"objectID":"1","parent_id":48747976,"story_id":48747976,"created_at_i":1783650045,
       "comment_text":"Acme | Backend Engineer | Berlin, Germany | Hybrid | €80k"}],
    "page":0,"nbPages":3,"hitsPerPage":100})");
  REQUIRE(page);
  REQUIRE(page->jobs.size() == 1);
  CHECK(page->jobs[0].location == "Berlin, Germany");
  CHECK(page->jobs[0].remote == "hybrid");
  CHECK(page->jobs[0].salary_text == "€80k");
  CHECK(page->jobs[0].date_posted == "2026-07-10T02:20:45Z");
  REQUIRE(page->next);
  CHECK(page->next->url ==
        "https://hn.algolia.com/api/v1/search_by_date?tags=comment%2Cstory_48747976"
        "&hitsPerPage=100&page=1");

  auto last = adapter.parse(context, *page->next, R"({"hits":[],"page":2,"nbPages":3})");
  REQUIRE(last);
  CHECK_FALSE(last->next);

  auto bad = adapter.parse(context, request, "<html>502</html>");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == Errc::invalid_input);
}

}  // namespace
}  // namespace hg::scrape
