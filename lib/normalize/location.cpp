// parse_location: segments -> comma groups -> words -> gazetteer matches -> places.
#include "normalize/location.hpp"

#include <algorithm>
#include <optional>
#include <array>

#include "normalize/location_items.hpp"
#include "util/strings.hpp"

namespace hg::normalize {
namespace {

using location_items::component_items;
using location_items::Item;
using location_items::Mode;

constexpr std::size_t kMaxItems = 12;        // per segment
constexpr std::uint32_t kBigCity = 500'000;  // alone, a name this big is the city, not a region

// What the trailing "qualifier" items of a group pin down: "…, CA" or "…, England, UK".
struct Constraint {
  std::size_t count = 0;  // qualifier items at the end of the group
  std::string_view country;
  const Gazetteer::Region* region = nullptr;
};

bool allows(const Constraint& c, const Gazetteer::City& city) {
  if (!c.country.empty() && city.country != c.country) return false;
  return c.region == nullptr || city.admin1 == c.region->code;
}

// The most populous city the item can name under `c`, preferring names over alternate names.
const Gazetteer::City* best_city(const Gazetteer& g, const Item& item, const Constraint& c) {
  const Gazetteer::City* best = nullptr;
  double best_score = -1;
  for (std::uint32_t i : item.entries) {
    const Gazetteer::Entry& e = g.entry(i);
    if (e.kind != Gazetteer::Kind::city) continue;
    const Gazetteer::City& city = g.cities()[e.index];
    if (!allows(c, city)) continue;
    const double score = city.population * (e.alias && !e.needs_upper ? 0.2 : 1.0) + 1;
    if (score > best_score) best = &city, best_score = score;
  }
  return best;
}

Place city_place(const Gazetteer& g, const Gazetteer::City& city) {
  const Gazetteer::Region* region = g.region(city.country, city.admin1);
  return {std::string(city.name), region ? std::string(region->name) : std::string(),
          std::string(city.country), city.lat, city.lon};
}

Place constraint_place(const Constraint& c, std::string city) {
  return {std::move(city), c.region ? std::string(c.region->name) : std::string(),
          std::string(c.country), std::nullopt, std::nullopt};
}

// An item with no qualifier to lean on: a country's name beats a big city, which beats a
// region (unless the region is the city's own, like Berlin or Hamburg), a code or a small town.
std::optional<Place> standalone_place(const Gazetteer& g, const Item& item) {
  std::optional<Place> best;
  double best_score = 0;
  const Gazetteer::City* city = best_city(g, item, {});
  for (std::uint32_t i : item.entries) {
    const Gazetteer::Entry& e = g.entry(i);
    double score = 0;
    Place place;
    if (e.kind == Gazetteer::Kind::country) {
      score = e.needs_upper ? 2 : 3;
      place.country = g.countries()[e.index].iso2;
    } else if (e.kind == Gazetteer::Kind::region) {
      const Gazetteer::Region& region = g.regions()[e.index];
      if (city && city->country == region.country && city->admin1 == region.code) continue;
      const Gazetteer::Country* country = g.country(region.country);
      // The same region name in two countries ("Florida"): the more populous country's.
      score = (e.needs_upper ? 1 : 1.5) +
              (country ? static_cast<double>(country->population) / 1e10 : 0);
      place = {{}, std::string(region.name), std::string(region.country), {}, {}};
    } else if (&g.cities()[e.index] == city) {
      score = city->population >= kBigCity || (e.alias && e.needs_upper) ? 2.5 : 1.2;
      place = city_place(g, *city);
    }
    if (score > best_score) best = place, best_score = score;
  }
  return best;
}

// Ways to read the last one or two items as country and/or region. After a town nobody
// knows, a region is the likelier reading ("Parlier, CA" is in California, not Canada).
std::vector<Constraint> constraints(const Gazetteer& g, const std::vector<Item>& group) {
  std::vector<Constraint> out{Constraint{}};
  if (group.size() < 2) return out;  // alone, standalone_place() weighs every reading
  std::vector<Constraint> regions, countries;
  // "…, CA 94103": the last item is a US state (Puerto Rico and the other territories with
  // ZIP codes are countries in ISO 3166, and read as usual).
  const bool zip =
      group.back().zip &&
      std::any_of(group.back().entries.begin(), group.back().entries.end(), [&](auto i) {
        const Gazetteer::Entry& e = g.entry(i);
        return e.kind == Gazetteer::Kind::region && g.regions()[e.index].country == "US";
      });
  if (zip) out.clear();
  for (std::uint32_t i : group.back().entries) {
    const Gazetteer::Entry& e = g.entry(i);
    if (e.kind == Gazetteer::Kind::region) {
      const Gazetteer::Region& r = g.regions()[e.index];
      if (!zip || r.country == "US") regions.push_back({1, r.country, &r});
    } else if (e.kind == Gazetteer::Kind::country && !zip) {
      countries.push_back({1, g.countries()[e.index].iso2, nullptr});
    }
  }
  for (auto* list : {&regions, &countries}) out.insert(out.end(), list->begin(), list->end());
  for (const Constraint& country : countries) {
    for (std::uint32_t i : group[group.size() - 2].entries) {
      const Gazetteer::Entry& e = g.entry(i);
      if (e.kind != Gazetteer::Kind::region) continue;
      const Gazetteer::Region& r = g.regions()[e.index];
      if (r.country != country.country) continue;
      const Constraint c{2, r.country, &r};
      // "Zürich, Switzerland" names the city, not only its canton.
      if (group.size() == 2 && best_city(g, group[0], c)) continue;
      out.push_back(c);
    }
  }
  return out;
}

// Whether the item right before the qualifiers is a town the gazetteer does not know there
// ("Parlier, CA"; "Los Alamos, NM", though Chile has a Los Álamos). Only that item: earlier
// unknown text is a company or a street ("Acme Inc., 1 Main St, Palo Alto, CA").
bool unknown_town(const Gazetteer& g, const std::vector<Item>& group, std::size_t i,
                  const Constraint& c) {
  const Item& item = group[i];
  if (c.count == 0 || i + c.count + 1 != group.size()) return false;
  if (item.entries.empty()) return true;
  if (best_city(g, item, c)) return false;
  if (c.region) return true;  // "Lebanon, ME", "California, KY": towns named after places
  return std::none_of(item.entries.begin(), item.entries.end(), [&](std::uint32_t entry) {
    const Gazetteer::Entry& e = g.entry(entry);
    return e.kind == Gazetteer::Kind::country ||
           (e.kind == Gazetteer::Kind::region && g.regions()[e.index].country == c.country);
  });
}

// How well a reading fits: 2 for each qualifier and each city found (unqualified: each item
// best read as a city), 1 for anything else known.
int fit(const Gazetteer& g, const std::vector<Item>& group, const Constraint& c) {
  int score = 2 * static_cast<int>(c.count);
  for (std::size_t i = 0; i + c.count < group.size(); ++i) {
    if (group[i].entries.empty()) continue;
    if (c.count == 0) {
      auto place = standalone_place(g, group[i]);
      score += place && !place->city.empty() ? 2 : 1;
    } else {
      score += best_city(g, group[i], c) ? 2 : 1;
    }
  }
  return score;
}

// Places of one group of items that were written together ("San Francisco, CA 94103").
void resolve_group(const Gazetteer& g, const std::vector<Item>& group, std::vector<Place>& out) {
  if (group.empty()) return;
  // Best fit; on a tie, the reading with more qualifiers ("Parlier, CA").
  Constraint best;
  int best_score = -1;
  for (const Constraint& c : constraints(g, group)) {
    const int score = fit(g, group, c);
    if (score > best_score || (score == best_score && c.count > best.count)) {
      best = c, best_score = score;
    }
  }
  bool qualified = false;
  for (std::size_t i = 0; i + best.count < group.size(); ++i) {
    const Item& item = group[i];
    if (best.count > 0) {
      if (const Gazetteer::City* city = best_city(g, item, best)) {
        out.push_back(city_place(g, *city));
        qualified = true;
        continue;
      }
      if (unknown_town(g, group, i, best)) {
        out.push_back(constraint_place(best, item.text));
        qualified = true;
        continue;
      }
    }
    if (auto place = standalone_place(g, item)) out.push_back(std::move(*place));
  }
  if (best.count > 0 && !qualified) out.push_back(constraint_place(best, {}));
}

// Splits on ; | / ( ) [ ] { } line breaks, bullets and spaced dashes ("Remote - EU").
std::vector<std::string_view> segments(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  auto cut = [&](std::size_t end, std::size_t skip) {
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + skip;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::string_view rest = text.substr(i);
    if (std::string_view(";|/()[]{}\n\r\t").find(text[i]) != std::string_view::npos) {
      cut(i, 1);
    } else if (rest.starts_with(" - ")) {
      cut(i, 3);
    } else if (rest.starts_with(" \u2013 ") || rest.starts_with(" \u2014 ")) {
      cut(i, 5);
    } else if (rest.starts_with("\u2022")) {
      cut(i, 3);
    } else if (rest.starts_with("\u00b7")) {
      cut(i, 2);
    }
    if (start > i + 1) i = start - 1;
  }
  cut(text.size(), 0);
  return out;
}

std::string_view mode_name(Mode mode) {
  switch (mode) {
    case Mode::none:
      return "";
    case Mode::onsite:
      return "onsite";
    case Mode::remote:
      return "remote";
    case Mode::hybrid:
      return "hybrid";
  }
  return "";
}

std::string_view capped(std::string_view text) {
  if (text.size() <= kMaxLocationBytes) return text;
  std::size_t end = kMaxLocationBytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

template <class T>
void push_unique(std::vector<T>& list, T value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
}
}  // namespace

namespace {

// ATS-style "US-CA-San Diego", "PL-MZ-Warszawa", "IE-D-Dublin": country code, region code,
// city. Rewritten as "San Diego, CA, US" (US and Canadian region codes are postal codes the
// gazetteer knows) or "Warszawa, PL" (others are ISO 3166-2 codes it does not).
std::optional<std::string> ats_place(std::string_view text) {
  text = util::trim(text);
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  if (text.size() < 6 || !upper(text[0]) || !upper(text[1]) || text[2] != '-') return std::nullopt;
  const std::size_t dash = text.find('-', 3);
  if (dash == std::string_view::npos || dash == 3 || dash > 6) return std::nullopt;
  const std::string_view region = text.substr(3, dash - 3);
  for (char c : region) {
    if (!upper(c) && !(c >= '0' && c <= '9')) return std::nullopt;
  }
  const std::string_view city = util::trim(text.substr(dash + 1));
  if (city.empty() || city.find_first_of(",;|/") != std::string_view::npos) return std::nullopt;
  const std::string_view country = text.substr(0, 2);
  if (country == "US" || country == "CA") {
    return std::string(city) + ", " + std::string(region) + ", " + std::string(country);
  }
  return std::string(city) + ", " + std::string(country);
}

}  // namespace

Location parse_location(const Gazetteer& gazetteer, std::string_view text) {
  if (auto rewritten = ats_place(text)) return parse_location(gazetteer, *rewritten);
  Location location;
  Mode mode = Mode::none;
  std::vector<Place> places;
  for (std::string_view segment : segments(capped(text))) {
    std::vector<std::string_view> components;
    for (std::size_t start = 0; start <= segment.size();) {
      const std::size_t comma = std::min(segment.find(',', start), segment.size());
      components.push_back(segment.substr(start, comma - start));
      start = comma + 1;
    }
    std::vector<Item> group;
    for (std::size_t i = 0; i < components.size() && group.size() < kMaxItems; ++i) {
      component_items(gazetteer, components[i], i + 2 >= components.size(), mode, group);
    }
    std::erase_if(group, [&](const Item& item) {
      if (item.region_word.empty()) return false;
      push_unique(location.remote_regions, std::string(item.region_word));
      return true;
    });
    if (group.size() > kMaxItems) group.resize(kMaxItems);
    resolve_group(gazetteer, group, places);
  }
  location.remote = mode_name(mode);
  for (Place& place : places) {
    if (mode == Mode::remote && place.city.empty() && place.region.empty()) {
      push_unique(location.remote_regions, place.country);  // "Remote, United States"
    } else if (location.places.size() < kMaxPlaces) {
      push_unique(location.places, std::move(place));
    }
  }
  return location;
}

}  // namespace hg::normalize
