#include "scrape/robots.hpp"

#include <catch2/catch.hpp>

namespace hg::scrape {
namespace {

TEST_CASE("robots.txt: hg's group, else *, longest rule wins", "[scrape][robots]") {
  const Robots robots = Robots::parse(
      "# a comment\n"
      "User-agent: *\n"
      "Disallow: /\n"
      "\n"
      "User-agent: Googlebot\n"
      "User-agent: hg\n"
      "Disallow: /private/\n"
      "Allow: /private/jobs\n"
      "Disallow: /*.pdf$\n",
      "hg");
  CHECK(robots.allows("/careers"));
  CHECK_FALSE(robots.allows("/private/team"));
  CHECK(robots.allows("/private/jobs/42"));
  CHECK_FALSE(robots.allows("/files/cv.pdf"));
  CHECK(robots.allows("/files/cv.pdf?x=1"));

  const Robots others = Robots::parse("User-agent: *\nDisallow: /admin\nDisallow:\n", "hg");
  CHECK_FALSE(others.allows("/admin/x"));
  CHECK(others.allows("/jobs"));
  CHECK(Robots::parse("User-agent: *\nDisallow:\n", "hg").allows("/anything"));
  CHECK(Robots::parse("", "hg").allows("/"));
  CHECK(Robots::allow_all().allows("/x"));
}

TEST_CASE("split_url gives the origin and the path", "[scrape][robots]") {
  CHECK(split_url("https://Example.com:8443/a/b?c#d") ==
        std::pair<std::string, std::string>{"https://example.com:8443", "/a/b?c"});
  CHECK(split_url("http://x.org") == std::pair<std::string, std::string>{"http://x.org", "/"});
  CHECK(split_url("http://x.org?q=1").second == "/?q=1");
}

}  // namespace
}  // namespace hg::scrape
