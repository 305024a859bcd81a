#include "normalize/url.hpp"

#include <catch2/catch.hpp>

namespace hg::normalize {
namespace {

TEST_CASE("canonical_url makes different links to one posting equal", "[normalize]") {
  const std::string expected = "https://boards.example.com/acme/jobs/123";
  for (const char* url :
       {"https://boards.example.com/acme/jobs/123", "http://boards.example.com/acme/jobs/123",
        "HTTPS://Boards.Example.COM/acme/jobs/123/",
        "https://www.boards.example.com/acme/jobs/123#apply",
        "https://boards.example.com:443/acme/jobs/123",
        "http://boards.example.com:80/acme/jobs/123",
        "  https://boards.example.com/acme/jobs/123?utm_source=x&UTM_Medium=y  ",
        "https://boards.example.com/acme/jobs/123?gh_src=abc&gclid=1&ref=feed",
        "https://user:pw@boards.example.com/acme/jobs/123?lever-origin=applied"}) {
    INFO(url);
    CHECK(canonical_url(url) == expected);
  }
}

TEST_CASE("canonical_url keeps what identifies the posting", "[normalize]") {
  SECTION("path case and other ports stay") {
    CHECK(canonical_url("https://example.com/Jobs/ABC") == "https://example.com/Jobs/ABC");
    CHECK(canonical_url("https://example.com:8443/jobs") == "https://example.com:8443/jobs");
  }
  SECTION("real query parameters stay, sorted") {
    CHECK(canonical_url("https://example.com/view?jk=2&from=serp&id=1") ==
          "https://example.com/view?id=1&jk=2");
    CHECK(canonical_url("https://example.com/view?b=2&&a=1&") ==
          "https://example.com/view?a=1&b=2");
  }
  SECTION("a bare host gets a root path") {
    CHECK(canonical_url("https://example.com") == "https://example.com/");
    CHECK(canonical_url("https://example.com?utm_source=x") == "https://example.com/");
  }
}

TEST_CASE("canonical_url returns nothing for text that is not an http(s) URL", "[normalize]") {
  for (const char* text : {"", "example.com/jobs/1", "ftp://example.com/x", "mailto:jobs@x.com",
                           "https://", "https:///path", "javascript://alert(1)"}) {
    INFO(text);
    CHECK(canonical_url(text) == "");
  }
}

}  // namespace
}  // namespace hg::normalize
