// Dedup's reading of a posting: company and title normalisation, levels, places, sketches.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "dedup/features.hpp"

namespace {

using hg::dedup::Features;
using hg::dedup::features_of;
using hg::dedup::normalise_company;
using hg::dedup::Posting;
using hg::dedup::title_words;

std::vector<std::string> words(const char* title, const char* city = "") {
  return title_words(title, city);
}

}  // namespace

TEST_CASE("company names compare without legal suffixes, a leading The, case or punctuation") {
  CHECK(normalise_company("Bristol Auto Mall, LLC") == normalise_company("Bristol Auto Mall"));
  CHECK(normalise_company("The San Diego County Credit Union") ==
        normalise_company("San Diego County Credit Union"));
  CHECK(normalise_company("SVDPSA GmbH & Co. KG") == normalise_company("svdpsa"));
  CHECK(normalise_company("YMCA San Antonio Pvt. Ltd.") == normalise_company("YMCA San Antonio LLC"));
  CHECK(normalise_company("Bristol Automall") == normalise_company("Bristol Auto Mall"));
  CHECK(normalise_company("Raybeam, Inc.") != normalise_company("Cardinal Health"));
  // A name that is only a suffix keeps it: "Co" is still a company.
  CHECK_FALSE(normalise_company("Co").empty());
}

TEST_CASE("title words drop tags, reference numbers and the posting's own city") {
  CHECK(words("Data Scientist (m/w/d)") == std::vector<std::string>{"data", "scientist"});
  CHECK(words("Data Analyst - Remote") == std::vector<std::string>{"data", "analyst"});
  CHECK(words("Private Bank Relationship Manager - Job ID 698911") ==
        std::vector<std::string>{"private", "bank", "relationship", "manager"});
  CHECK(words("Machine Learning Eng., Woburn", "woburn") ==
        std::vector<std::string>{"machine", "learning", "engineer"});
  CHECK(words("Finance/Banking SME & Writer") == words("Finance/Banking SME and Writer"));
  CHECK(words("Sr. Analyst") == std::vector<std::string>{"senior", "analyst"});
  CHECK(words("Vice President, Trust Officer - II") ==
        std::vector<std::string>{"vp", "trust", "officer", "2"});
  // "F&I" is one word, not "F", "and", "I" (which would read as level one).
  CHECK(words("F&I Manager") == std::vector<std::string>{"fi", "manager"});
}

TEST_CASE("reordered titles have the same key, and levels are kept apart from the words") {
  Posting a{.title = "IT - Data Scientist/Data Engineer - San Francisco",
            .location = "San Francisco, CA", .city = "San Francisco"};
  Posting b{.title = "Data Scientist/Data Engineer - San Francisco - IT",
            .location = "San Francisco, CA", .city = "San Francisco"};
  CHECK(features_of(a).title_key == features_of(b).title_key);
  Posting senior{.title = "Senior Data Scientist"};
  Posting plain{.title = "Data Scientist"};
  const Features s = features_of(senior), p = features_of(plain);
  CHECK(s.title_key == p.title_key);
  CHECK(s.levels != p.levels);
  CHECK(features_of({.title = "Data Analyst II"}).levels != features_of({.title = "Data Analyst III"}).levels);
}

TEST_CASE("a location is a city, a region, remote within a region, remote, or nothing") {
  using hg::dedup::PlaceKind;
  CHECK(features_of({.location = "Austin, TX", .city = "Austin"}).place_kind == hg::dedup::place_city);
  CHECK(features_of({.location = "Remote"}).place_kind == hg::dedup::place_remote);
  CHECK(features_of({.location = "Remote - US"}).place_kind == hg::dedup::place_remote_region);
  CHECK(features_of({.location = ""}).place_kind == hg::dedup::place_none);
  CHECK(features_of({.location = "Remote (Europe)"}).europe == 1);
  // An ATS-style place without a parsed city still names one.
  CHECK(features_of({.location = "US-WA-Seattle"}).city_key ==
        features_of({.location = "Seattle, WA", .city = "Seattle"}).city_key);
}

TEST_CASE("features survive the trip through the store's bytes") {
  const Features f = features_of({.id = 7, .canonical_url = "https://example.org/jobs/1",
                                  .title = "Welder", .company = "Acme", .location = "Ohio",
                                  .description = "one two three four five six seven",
                                  .date = "2024-03-01"});
  const auto back = hg::dedup::from_blob(hg::dedup::to_blob(f));
  REQUIRE(back);
  CHECK(hg::dedup::to_blob(*back) == hg::dedup::to_blob(f));
  CHECK_FALSE(hg::dedup::from_blob("short"));
  CHECK(f.day == hg::dedup::day_of("2024-03-01"));
  CHECK(hg::dedup::day_of("1970-01-02") == 1);
  CHECK(hg::dedup::day_of("not a date") == 0);
}
