// The scored comparison: what merges, and the hard negatives that never do.
#include <string>

#include <catch2/catch.hpp>

#include "dedup/compare.hpp"

namespace {

using hg::dedup::compare;
using hg::dedup::Conflict;
using hg::dedup::features_of;
using hg::dedup::Posting;
using hg::dedup::Thresholds;

const std::string kText =
    "Bristol Automall is excited to offer the position of Finance and Insurance Manager. The "
    "manager sells finance and insurance programs to used car buyers and works with lenders to "
    "give fair interest rates and programs to buyers, upholding the highest ethical standards "
    "in every deal, with a team of twelve and a showroom that opened in spring.";

Posting base() {
  return {.id = 1, .source = "indeed", .canonical_url = "https://indeed.com/viewjob?jk=1",
          .title = "F&I Manager", .company = "Bristol Auto Mall", .location = "Levittown, PA",
          .city = "Levittown", .country = "US", .latitude = 40.155, .longitude = -74.829,
          .description = kText, .date = "2023-09-07"};
}

}  // namespace

TEST_CASE("a cross-post with another URL, suffix, case and a footer is the same job") {
  Posting other = base();
  other.canonical_url = "https://bristol.wd4.myworkdayjobs.com/job/F-I-Manager_R800233";
  other.title = "f&i manager";
  other.company = "Bristol Auto Mall, LLC";
  other.location = "Levittown, Pennsylvania";
  const std::string longer = kText + " Apply today, we review applications on a rolling basis.";
  other.description = longer;
  other.date = "2023-09-12";
  const auto s = compare(features_of(base()), features_of(other), Thresholds{});
  CHECK(s.merge);
  CHECK(s.conflict == Conflict::none);
  CHECK(s.days == 5);
  CHECK(s.total >= Thresholds{}.score);
}

TEST_CASE("a copy cut short still shares its text") {
  Posting cut = base();
  cut.canonical_url = "";
  const std::string opening = kText.substr(0, 120);
  cut.description = opening;
  const auto s = compare(features_of(base()), features_of(cut), Thresholds{});
  CHECK(s.description > 0.9);
  CHECK(s.merge);
}

TEST_CASE("hard negatives stay apart whatever else they share") {
  const auto a = features_of(base());
  SECTION("another city, even a near one") {
    Posting b = base();
    b.location = "Bristol, PA";
    b.city = "Bristol";
    b.latitude = 40.100;
    b.longitude = -74.851;
    const auto s = compare(a, features_of(b), Thresholds{});
    CHECK_FALSE(s.merge);
    CHECK(s.conflict == Conflict::place);
  }
  SECTION("one level up") {
    Posting b = base();
    b.title = "Senior F&I Manager";
    CHECK(compare(a, features_of(b), Thresholds{}).conflict == Conflict::level);
  }
  SECTION("another company") {
    Posting b = base();
    b.company = "Cardinal Health";
    CHECK(compare(a, features_of(b), Thresholds{}).conflict == Conflict::company);
  }
  SECTION("re-opened months later, and the window is configurable") {
    Posting b = base();
    b.date = "2024-01-20";
    CHECK(compare(a, features_of(b), Thresholds{}).conflict == Conflict::window);
    Thresholds wide;
    wide.window_days = 200;
    CHECK(compare(a, features_of(b), wide).merge);
  }
  SECTION("a city and a posting that names no place") {
    Posting b = base();
    b.location = "";
    b.city = "";
    b.country = "";
    b.latitude.reset();
    b.longitude.reset();
    CHECK(compare(a, features_of(b), Thresholds{}).conflict == Conflict::place);
    b.location = "Remote - US";
    CHECK(compare(a, features_of(b), Thresholds{}).merge);  // remote within its country
  }
}

TEST_CASE("the weighted parts add up to the total") {
  const auto s = compare(features_of(base()), features_of(base()), Thresholds{});
  CHECK(s.same_url);
  CHECK(s.title == 1);
  CHECK(s.company == 1);
  CHECK(s.place == 1);
  CHECK(s.total == Approx(0.35 * s.title + 0.20 * s.company + 0.25 * s.description +
                          0.10 * s.place + 0.10 * s.date));
  CHECK(hg::dedup::reason_json(s).find("\"total\":") != std::string::npos);
}
