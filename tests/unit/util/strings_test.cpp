#include "util/strings.hpp"

#include <catch2/catch.hpp>

namespace hg::util {
namespace {

TEST_CASE("first_invalid_utf8 finds NUL bytes and broken sequences", "[util]") {
  CHECK_FALSE(first_invalid_utf8("Zoë Łukasz Ångström"));
  CHECK(first_invalid_utf8(std::string_view("ab\0c", 4)) == 2u);
  CHECK(first_invalid_utf8("ok \xC3") == 3u);        // cut short
  CHECK(first_invalid_utf8("\xC0\xAF") == 0u);       // overlong
  CHECK(first_invalid_utf8("\xED\xA0\x80") == 0u);   // surrogate
}

}  // namespace
}  // namespace hg::util
