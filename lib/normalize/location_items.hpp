// Internal to lib/normalize: the first step of parse_location. One comma-separated component
// of location text becomes items, each what a stretch of words names (gazetteer entries, a
// region word, or text nothing knows); location.cpp groups and resolves them into places.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "normalize/location.hpp"

namespace hg::normalize::location_items {

enum class Mode { none, onsite, remote, hybrid };  // a later mode wins over an earlier one

// What one stretch of words named: gazetteer entries, a region word, or text nothing knows.
struct Item {
  std::vector<std::uint32_t> entries;
  std::string_view region_word;
  std::string text;  // as written
  bool zip = false;  // a US ZIP code follows ("CA 94103"): a US state, not a country or town
};

// Appends the items of one comma-separated component to `out`, and raises `mode` for
// "remote", "hybrid", "on-site". `near_end`: one of the last two components, where "10115
// Berlin" is a postcode and a town; further left a number starts a street address.
void component_items(const Gazetteer& g, std::string_view text, bool near_end, Mode& mode,
                     std::vector<Item>& out);

}  // namespace hg::normalize::location_items
