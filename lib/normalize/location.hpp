// Location text ("Berlin, DE", "Remote (US only)", "NYC or SF") to places, remote mode and the
// regions a remote job is open to, using a gazetteer of GeoNames cities, regions and countries.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/result.hpp"

namespace hg::normalize {

// One place a job is in. Only `country` is always set.
struct Place {
  std::string city;     // GeoNames name ("Munich", "New York City"), or the text as written when
                        // the gazetteer does not know the town ("Parlier"); "" for a region/country
  std::string region;   // admin-1 name ("California", "England"); "" when unknown
  std::string country;  // ISO 3166-1 alpha-2 ("DE")
  std::optional<double> lat, lon;  // of the city, when the gazetteer knows it
  bool operator==(const Place&) const = default;
};

struct Location {
  std::vector<Place> places;
  std::string remote;  // "remote", "hybrid", "onsite", or "" when the text does not say
  // Where a remote job may be done from: ISO alpha-2 codes ("US") and region names ("EU",
  // "EMEA", "Europe", "LATAM", "APAC", "Americas", "North America", ...). Region names always
  // land here; a country does when the text names no city and says "remote".
  std::vector<std::string> remote_regions;
};

// Cities, admin-1 regions and countries, indexed by folded name (lower case ASCII without
// diacritics). Keeps string_views into the text it was loaded from, which must outlive it
// (the embedded data lives as long as the program). Immutable after load: safe to share
// between threads.
class Gazetteer {
 public:
  // Reads the three TSV files of data/places/ (see its README for the columns). Errors:
  // invalid_input when a header or row does not have the expected columns.
  static Result<Gazetteer> load(std::string_view cities_tsv, std::string_view admin1_tsv,
                                std::string_view countries_tsv);
  // The copy embedded in hg (data/places/*.tsv). Errors: not_found when it is missing.
  static Result<Gazetteer> embedded();

  struct City {
    std::string_view name, country, admin1;  // admin1: GeoNames code within the country
    std::uint32_t population = 0;
    float lat = 0, lon = 0;
  };
  struct Region {
    std::string_view country, code, name;  // "US", "CA", "California"
  };
  struct Country {
    std::string_view iso2, name;
    std::uint64_t population = 0;
  };
  enum class Kind : std::uint8_t { city, region, country };
  struct Entry {
    Kind kind;
    bool alias;           // an alternate name (cities), ranked below the place's own name
    bool needs_upper;     // an abbreviation ("CA", "NYC"): matches only text written in capitals
    std::uint32_t index;  // into cities(), regions() or countries()
    std::uint32_t next;   // next entry with the same key, or kNone
  };
  static constexpr std::uint32_t kNone = 0xffffffff;

  // The first entry for a folded key, or kNone; follow Entry::next for the others.
  std::uint32_t find(std::string_view folded_key) const;
  const Entry& entry(std::uint32_t i) const { return entries_[i]; }
  const std::vector<City>& cities() const { return cities_; }
  const std::vector<Region>& regions() const { return regions_; }
  const std::vector<Country>& countries() const { return countries_; }
  const Country* country(std::string_view iso2) const;
  // The admin-1 region with this country and code, if any.
  const Region* region(std::string_view country, std::string_view code) const;

 private:
  void add_key(std::string_view key, Kind kind, bool alias, std::uint32_t index);

  std::vector<City> cities_;
  std::vector<Region> regions_;
  std::vector<Country> countries_;
  std::vector<Entry> entries_;
  std::unordered_map<std::string_view, std::uint32_t> keys_;           // folded key -> first entry
  std::unordered_map<std::string_view, std::uint32_t> region_codes_;   // "US.CA" -> regions_
  std::unordered_map<std::string_view, std::uint32_t> country_codes_;  // "US" -> countries_
};

// Lower case ASCII: Latin diacritics removed ("München" -> "munchen", "ß" -> "ss"), "." and
// apostrophes dropped ("St. Louis" -> "st louis"), other punctuation and spaces collapsed to
// one space, trimmed. Other scripts pass through unchanged. The same folding as
// bench/build_places_data.py uses for the gazetteer's keys.
std::string fold(std::string_view text);

// At most this much of the text is read, and at most this many places are returned.
inline constexpr std::size_t kMaxLocationBytes = 1000;
inline constexpr std::size_t kMaxPlaces = 16;

// Reads a job's location field. Ambiguous city names go to the most populous match unless a
// region or country in the same comma group says otherwise ("Paris, TX", "Cambridge, UK").
// Never fails: text it does not understand gives an empty Location. Linear in the text.
Location parse_location(const Gazetteer& gazetteer, std::string_view text);

}  // namespace hg::normalize
