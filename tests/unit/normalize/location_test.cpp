#include "normalize/location.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <string>

#include "support/catch_printers.hpp"
#include "util/strings.hpp"

namespace hg::normalize {
namespace {

const Gazetteer& gazetteer() {
  static const Gazetteer g = [] {
    auto loaded = Gazetteer::embedded();
    REQUIRE(loaded);
    return std::move(*loaded);
  }();
  return g;
}

// "City|Region|CC" for each place, "; "-joined, for compact expectations.
std::string describe(const std::vector<Place>& places) {
  std::string out;
  for (const Place& p : places) {
    if (!out.empty()) out += "; ";
    out += p.city + "|" + p.region + "|" + p.country;
  }
  return out;
}

std::string joined(const std::vector<std::string>& list) {
  std::string out;
  for (const std::string& s : list) out += (out.empty() ? "" : ",") + s;
  return out;
}

struct Expect {
  const char* text;
  const char* places;
  const char* remote;
  const char* regions;
};

TEST_CASE("parse_location reads the common shapes of a location field", "[normalize][location]") {
  const Expect cases[] = {
      {"Berlin, DE", "Berlin|State of Berlin|DE", "", ""},
      {"Remote - EU", "", "remote", "EU"},
      {"Hybrid (London)", "London|England|GB", "hybrid", ""},
      {"San Francisco Bay Area", "San Francisco|California|US", "", ""},
      {"München / Remote", "Munich|Bavaria|DE", "remote", ""},
      {"San Francisco, CA 94103", "San Francisco|California|US", "", ""},
      {"Burbank, California", "Burbank|California|US", "", ""},
      {"New York, NY", "New York City|New York|US", "", ""},
      {"Remote", "", "remote", ""},
      {"Remote (US only)", "", "remote", "US"},
      {"EMEA", "", "", "EMEA"},
      {"Anywhere", "", "remote", ""},
      {"London, England, United Kingdom", "London|England|GB", "", ""},
      {"Berlin; Munich; Remote", "Berlin|State of Berlin|DE; Munich|Bavaria|DE", "remote", ""},
      {"NYC or SF", "New York City|New York|US; San Francisco|California|US", "", ""},
      {"LA", "Los Angeles|California|US", "", ""},
      {"Paris, TX", "Paris|Texas|US", "", ""},
      {"Paris", "Paris|Île-de-France|FR", "", ""},
      {"Cambridge, MA", "Cambridge|Massachusetts|US", "", ""},
      {"Cambridge, UK", "Cambridge|England|GB", "", ""},
      {"Köln", "Köln|North Rhine-Westphalia|DE", "", ""},
      {"Cologne, Germany", "Köln|North Rhine-Westphalia|DE", "", ""},
      {"Zürich, Switzerland", "Zürich|Zurich|CH", "", ""},
      {"Toronto, ON", "Toronto|Ontario|CA", "", ""},
      {"Vernon, CA 90058", "Vernon|California|US", "", ""},
      {"Atlanta, US-GA", "Atlanta|Georgia|US", "", ""},
      {"Remote, United States", "", "remote", "US"},
      {"On-site - Austin, TX", "Austin|Texas|US", "onsite", ""},
      {"Remote or Hybrid", "", "hybrid", ""},
      {"Parlier, CA", "Parlier|California|US", "", ""},
      {"Deutschland", "||DE", "", ""},
      {"Allemagne", "||DE", "", ""},
      {"U.S.", "||US", "", ""},
      {"", "", "", ""},
  };
  for (const Expect& e : cases) {
    INFO(e.text);
    const Location location = parse_location(gazetteer(), e.text);
    CHECK(describe(location.places) == e.places);
    CHECK(location.remote == e.remote);
    CHECK(joined(location.remote_regions) == e.regions);
  }
}

TEST_CASE("parse_location gives a known city its coordinates and an unknown town none",
          "[normalize][location]") {
  const Location berlin = parse_location(gazetteer(), "Berlin, Germany");
  REQUIRE(berlin.places.size() == 1);
  REQUIRE(berlin.places[0].lat);
  CHECK(*berlin.places[0].lat == Approx(52.52).margin(0.01));
  CHECK(*berlin.places[0].lon == Approx(13.41).margin(0.01));

  const Location glen_allen = parse_location(gazetteer(), "Glen Allen, Virginia");
  REQUIRE(glen_allen.places.size() == 1);
  CHECK(glen_allen.places[0].city == "Glen Allen");
  CHECK_FALSE(glen_allen.places[0].lat);
}

TEST_CASE("parse_location reads ATS-style country-region-city places", "[normalize][location]") {
  CHECK(describe(parse_location(gazetteer(), "US-CA-San Diego").places) == "San Diego|California|US");
  CHECK(describe(parse_location(gazetteer(), "PL-MZ-Warszawa").places) == "Warsaw|Mazovia|PL");
  CHECK(describe(parse_location(gazetteer(), "IE-D-Dublin").places) == "Dublin|Leinster|IE");
  // Not the shape: left to the usual reading.
  CHECK(describe(parse_location(gazetteer(), "Winston-Salem, NC").places) ==
        describe(parse_location(gazetteer(), "Winston-Salem, North Carolina").places));
}

TEST_CASE("parse_location is bounded on long and hostile text", "[normalize][location]") {
  std::string many;
  for (int i = 0; i < 5000; ++i) many += "Berlin; ";
  const Location location = parse_location(gazetteer(), many);
  CHECK(location.places.size() == 1);  // duplicates folded, the text cut at kMaxLocationBytes

  std::string cities;
  for (const char* city :
       {"Berlin", "Paris", "London", "Madrid", "Rome", "Vienna", "Prague", "Warsaw", "Lisbon",
        "Dublin", "Oslo", "Helsinki", "Athens", "Zagreb", "Sofia", "Riga", "Tallinn", "Vilnius"}) {
    cities += std::string(city) + "; ";
  }
  CHECK(parse_location(gazetteer(), cities).places.size() == kMaxPlaces);

  for (const char* odd : {"\xff\xfe,,,;;;///", "(((((((", "\xc3", " - - - "}) {
    const Location nothing = parse_location(gazetteer(), odd);
    CHECK(nothing.places.empty());
  }
}

TEST_CASE("Gazetteer::load rejects files with the wrong columns", "[normalize][location]") {
  const std::string_view admin1 = "code\tname\tkeys\nUS.CA\tCalifornia\tcalifornia|ca\n";
  const std::string_view countries =
      "iso2\tiso3\tname\tcontinent\tpopulation\tkeys\nUS\tUSA\tUnited States\tNA\t1\tus|usa\n";
  const std::string_view cities =
      "name\tascii\tcountry\tadmin1\tpopulation\tlat\tlon\tkeys\taliases\n"
      "Parlier\t\tUS\tCA\t15000\t36.6\t-119.5\tparlier\t\n";
  REQUIRE(Gazetteer::load(cities, admin1, countries));

  SECTION("a missing column") {
    auto bad = Gazetteer::load("name\tascii\tcountry\n", admin1, countries);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == Errc::invalid_input);
  }
  SECTION("a short row") {
    const std::string short_row = std::string(cities) + "Fresno\tUS\tCA\n";
    auto bad = Gazetteer::load(short_row, admin1, countries);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message == "places/cities.tsv line 3: 3 columns, expected 9");
  }
  SECTION("an empty file") { CHECK_FALSE(Gazetteer::load(cities, "", countries)); }
}

// Each place of `location` as one column of the fixture: values joined with ";".
std::string column(const Location& location, std::string Place::*field) {
  std::string out;
  for (std::size_t i = 0; i < location.places.size(); ++i) {
    if (i > 0) out += ";";
    out += location.places[i].*field;
  }
  return out;
}

TEST_CASE("parse_location reads real location fields as labelled", "[normalize][location]") {
  // tests/fixtures/normalize/location_cases.tsv: text, city, region, country, remote,
  // remote_regions; several places or regions are ";"-separated (see SOURCE.md).
  std::ifstream in(std::string(HG_FIXTURES) + "/normalize/location_cases.tsv");
  REQUIRE(in);
  std::string line;
  std::getline(in, line);
  REQUIRE(line == "text\tcity\tregion\tcountry\tremote\tremote_regions");
  int rows = 0;
  while (std::getline(in, line)) {
    std::vector<std::string> f = util::split(line, '\t');
    REQUIRE(f.size() == 6);
    ++rows;
    INFO(f[0]);
    const Location location = parse_location(gazetteer(), f[0]);
    std::string regions;
    for (const std::string& r : location.remote_regions)
      regions += (regions.empty() ? "" : ";") + r;
    CHECK(column(location, &Place::city) == f[1]);
    CHECK(column(location, &Place::region) == f[2]);
    CHECK(column(location, &Place::country) == f[3]);
    CHECK(location.remote == f[4]);
    CHECK(regions == f[5]);
  }
  CHECK(rows >= 100);
}

TEST_CASE("fold lower-cases and strips Latin diacritics and dots", "[normalize][location]") {
  CHECK(fold("München") == "munchen");
  CHECK(fold("Straße") == "strasse");
  CHECK(fold("St. Louis") == "st louis");
  CHECK(fold("  Winston-Salem , NC ") == "winston salem nc");
  CHECK(fold("U.S.A.") == "usa");
  CHECK(fold("Łódź") == "lodz");
  CHECK(fold("") == "");
}

}  // namespace
}  // namespace hg::normalize
