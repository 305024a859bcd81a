// robots.txt (RFC 9309) for the HTML pages hg reads (JSON-LD career pages): which paths a
// crawler called `agent` may fetch. APIs are not crawled pages and are not checked.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hg::scrape {

class Robots {
 public:
  // Parses robots.txt text (at most 512 KB are read) and keeps the group for `agent` ("hg"),
  // else the "*" group; with neither, everything is allowed.
  static Robots parse(std::string_view text, std::string_view agent);
  static Robots allow_all() { return {}; }
  // Whether `path` ("/careers?x=1") may be fetched: the longest matching rule wins, Allow
  // over Disallow on a tie; '*' matches any run of characters, a final '$' the end.
  bool allows(std::string_view path) const;

 private:
  struct Rule {
    std::string pattern;
    bool allow = false;
  };
  std::vector<Rule> rules_;
};

// "https://Example.com:8443/a/b?c" -> {"https://example.com:8443", "/a/b?c"}.
std::pair<std::string, std::string> split_url(std::string_view url);

}  // namespace hg::scrape
