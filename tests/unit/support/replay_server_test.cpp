#include "support/replay_server.hpp"

#include <httplib.h>

#include <catch2/catch.hpp>

#include "support/temp_dir.hpp"

namespace hg::testing {
namespace {

constexpr const char* kJobs = "/v1/boards/acme/jobs.json";

// A server over tests/fixtures/replay and a client for it.
struct Served {
  ReplayServer server{fixture("replay")};
  httplib::Client client{"127.0.0.1", server.port()};

  httplib::Result get(const std::string& path, const httplib::Headers& headers = {}) {
    return client.Get(path, headers);
  }
};

TEST_CASE("ReplayServer serves a fixture file with its type and validators", "[support]") {
  Served served;
  CHECK(served.server.url() == "http://127.0.0.1:" + std::to_string(served.server.port()));
  auto answer = served.get(kJobs);
  REQUIRE(answer);
  CHECK(answer->status == 200);
  CHECK(answer->body == read_file(fixture("replay/v1/boards/acme/jobs.json")));
  CHECK(answer->get_header_value("Content-Type") == "application/json");
  CHECK(answer->get_header_value("ETag") == served.server.etag(kJobs));
  CHECK(served.server.etag(kJobs).size() == 18);  // 16 hex digits in quotes
  CHECK(answer->get_header_value("Last-Modified") == served.server.last_modified(kJobs));
  CHECK(served.server.last_modified(kJobs).ends_with(" GMT"));

  auto page = served.get("/page.html");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
}

TEST_CASE("ReplayServer answers 404 to a file it does not have", "[support]") {
  Served served;
  auto missing = served.get("/v1/boards/nobody/jobs.json");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  auto directory = served.get("/v1/boards");
  REQUIRE(directory);
  CHECK(directory->status == 404);
  auto outside = served.get("/../replay/page.html");
  REQUIRE(outside);
  CHECK(outside->status != 200);
  CHECK(served.server.etag("/v1/boards/nobody/jobs.json") == "");
  CHECK(served.server.last_modified("/nothing") == "");
}

TEST_CASE("ReplayServer answers 304 to a request that already has the file", "[support]") {
  Served served;
  const std::string etag = served.server.etag(kJobs);
  const std::string modified = served.server.last_modified(kJobs);

  SECTION("If-None-Match with the ETag, in a list, weak, or *") {
    for (const std::string& header : {etag, "\"other\", " + etag, "W/" + etag, std::string("*")}) {
      INFO(header);
      auto answer = served.get(kJobs, {{"If-None-Match", header}});
      REQUIRE(answer);
      CHECK(answer->status == 304);
      CHECK(answer->body.empty());
      CHECK(answer->get_header_value("ETag") == etag);
    }
  }
  SECTION("If-None-Match with another ETag gets the file") {
    auto answer = served.get(kJobs, {{"If-None-Match", "\"0000000000000000\""}});
    REQUIRE(answer);
    CHECK(answer->status == 200);
    CHECK_FALSE(answer->body.empty());
  }
  SECTION("If-Modified-Since at the file's time, but not before it") {
    auto same = served.get(kJobs, {{"If-Modified-Since", modified}});
    REQUIRE(same);
    CHECK(same->status == 304);
    auto older = served.get(kJobs, {{"If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT"}});
    REQUIRE(older);
    CHECK(older->status == 200);
    auto garbage = served.get(kJobs, {{"If-Modified-Since", "last Tuesday"}});
    REQUIRE(garbage);
    CHECK(garbage->status == 200);
  }
  SECTION("If-None-Match decides over If-Modified-Since") {
    auto answer =
        served.get(kJobs, {{"If-None-Match", "\"stale\""}, {"If-Modified-Since", modified}});
    REQUIRE(answer);
    CHECK(answer->status == 200);
  }
}

TEST_CASE("ReplayServer gives scripted answers as many times as asked", "[support]") {
  Served served;
  served.server.script(kJobs, {.status = 503,
                               .body = "{\"error\":\"busy\"}",
                               .headers = {{"Retry-After", "1"}},
                               .times = 2});
  for (int i = 0; i < 2; ++i) {
    auto answer = served.get(kJobs);
    REQUIRE(answer);
    CHECK(answer->status == 503);
    CHECK(answer->body == "{\"error\":\"busy\"}");
    CHECK(answer->get_header_value("Retry-After") == "1");
    CHECK(answer->get_header_value("Content-Type") == "application/json");
  }
  auto after = served.get(kJobs);  // the script is used up: the file again
  REQUIRE(after);
  CHECK(after->status == 200);
  CHECK(after->body == read_file(fixture("replay/v1/boards/acme/jobs.json")));

  SECTION("times -1 answers every time, and a Content-Type header is used as given") {
    served.server.script("/feed.xml",
                         {.body = "<rss/>", .headers = {{"content-type", "application/rss+xml"}}});
    for (int i = 0; i < 3; ++i) {
      auto feed = served.get("/feed.xml");
      REQUIRE(feed);
      CHECK(feed->status == 200);
      CHECK(feed->body == "<rss/>");
      CHECK(feed->get_header_value("Content-Type") == "application/rss+xml");
      CHECK(feed->get_header_value_count("Content-Type") == 1);
    }
  }
  SECTION("an answer for an exact query wins over one for the path") {
    served.server.script("/search", {.body = "page two"}, "page=2");
    served.server.script("/search", {.body = "any page"});
    CHECK(served.get("/search?page=2")->body == "page two");
    CHECK(served.get("/search?page=3")->body == "any page");
    CHECK(served.get("/search")->body == "any page");
  }
}

TEST_CASE("ReplayServer records every request with its headers, query and body", "[support]") {
  Served served;
  CHECK(served.server.requests().empty());
  REQUIRE(served.get("/page.html?utm_source=x&q=c%2B%2B",
                     {{"X-Trace", "abc"}, {"User-Agent", "hg-test/1"}}));
  served.server.script("/v1/applications", {.status = 201, .body = "{\"id\":9}"});
  auto posted = served.client.Post("/v1/applications", "{\"job\":1}", "application/json");
  REQUIRE(posted);
  CHECK(posted->status == 201);
  auto unscripted = served.client.Delete("/page.html");
  REQUIRE(unscripted);
  CHECK(unscripted->status == 405);
  auto head = served.client.Head("/page.html");
  REQUIRE(head);
  CHECK(head->status == 200);
  CHECK(head->body.empty());

  const std::vector<RecordedRequest> requests = served.server.requests();
  REQUIRE(requests.size() == 4);
  CHECK(requests[0].method == "GET");
  CHECK(requests[0].path == "/page.html");
  CHECK(requests[0].query == "utm_source=x&q=c%2B%2B");
  CHECK(requests[0].header("X-TRACE") == "abc");
  CHECK(requests[0].header("user-agent") == "hg-test/1");
  CHECK(requests[0].header("If-None-Match") == "");
  CHECK(requests[1].method == "POST");
  CHECK(requests[1].path == "/v1/applications");
  CHECK(requests[1].body == "{\"job\":1}");
  CHECK(requests[1].header("content-type") == "application/json");
  CHECK(requests[2].method == "DELETE");
  CHECK(requests[3].method == "HEAD");
}

TEST_CASE("ReplayServers run side by side on their own ports", "[support]") {
  ReplayServer first{fixture("replay")};
  ReplayServer second{fixture("replay")};
  CHECK(first.port() != second.port());
  httplib::Client client{"127.0.0.1", second.port()};
  REQUIRE(client.Get("/page.html"));
  CHECK(first.requests().empty());
  CHECK(second.requests().size() == 1);
}

}  // namespace
}  // namespace hg::testing
