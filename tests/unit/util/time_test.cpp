#include "util/time.hpp"

#include <catch2/catch.hpp>

namespace hg::util {
namespace {

using std::chrono::seconds;

// 2026-11-21T07:10:49Z, the example in time.hpp.
constexpr TimePoint kExample{seconds{1795245049}};

TEST_CASE("a fixed Clock always answers the time it was given", "[util]") {
  const Clock clock(kExample);
  CHECK(clock.now() == kExample);
  CHECK(clock.now() == kExample);
}

TEST_CASE("format_iso prints UTC with a Z and whole seconds", "[util]") {
  CHECK(format_iso(kExample) == "2026-11-21T07:10:49Z");
  CHECK(format_iso(TimePoint{seconds{0}}) == "1970-01-01T00:00:00Z");
  CHECK(format_iso(TimePoint{seconds{951782400}}) == "2000-02-29T00:00:00Z");
}

TEST_CASE("parse_iso reads dates and date-times in the documented forms", "[util]") {
  SECTION("a date is midnight UTC") {
    CHECK(parse_iso("2026-11-21") == TimePoint{seconds{1795219200}});
  }
  SECTION("Z, no zone and a space separator all mean UTC") {
    CHECK(parse_iso("2026-11-21T07:10:49Z") == kExample);
    CHECK(parse_iso("2026-11-21T07:10:49") == kExample);
    CHECK(parse_iso("2026-11-21 07:10:49") == kExample);
  }
  SECTION("seconds are optional and fractions are dropped") {
    CHECK(parse_iso("2026-11-21T07:10Z") == kExample - seconds{49});
    CHECK(parse_iso("2026-11-21T07:10:49.987Z") == kExample);
  }
  SECTION("offsets are subtracted, with or without a colon") {
    CHECK(parse_iso("2026-11-21T09:10:49+02:00") == kExample);
    CHECK(parse_iso("2026-11-21T09:10:49+0200") == kExample);
    CHECK(parse_iso("2026-11-21T02:10:49-05:00") == kExample);
    CHECK(parse_iso("2026-11-22T01:40:49+18:30") == kExample);
  }
}

TEST_CASE("parse_iso rejects impossible dates and anything it does not know", "[util]") {
  for (const char* text : {"", "2026", "2026-11", "2026-2-05", "2026-02-30", "2026-13-01",
                           "2025-02-29", "2026-11-21T24:00", "2026-11-21T07:60", "2026-11-21T07",
                           "2026-11-21T07:10:49Zjunk", "2026-11-21T07:10:49+02",
                           "2026-11-21T07:10:49 UTC", "21/11/2026", "2026-11-21x", "yesterday"}) {
    INFO(text);
    CHECK_FALSE(parse_iso(text));
  }
  CHECK(parse_iso("2024-02-29"));  // a leap day is fine
}

TEST_CASE("canonical_date keeps a date a date and turns date-times into UTC", "[util]") {
  CHECK(canonical_date("2026-11-21") == "2026-11-21");
  CHECK(canonical_date("2026-11-21 09:10:49+02:00") == "2026-11-21T07:10:49Z");
  CHECK(canonical_date("2026-11-21T00:30:00+01:00") == "2026-11-20T23:30:00Z");
  CHECK(canonical_date("2026-11-21T07:10") == "2026-11-21T07:10:00Z");
  CHECK_FALSE(canonical_date("not a date"));
}

}  // namespace
}  // namespace hg::util
