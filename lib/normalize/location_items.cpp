#include "normalize/location_items.hpp"

#include <algorithm>
#include <optional>

#include "normalize/fold.hpp"

namespace hg::normalize::location_items {
namespace {

using detail::Word;
using detail::words_of;

constexpr std::size_t kMaxWords = 24;        // per comma component
constexpr std::size_t kMaxNgram = 5;         // words in the longest name looked up

struct ModePhrase {
  std::string_view words;  // folded
  Mode mode;
};
constexpr ModePhrase kModePhrases[] = {
    {"work from home", Mode::remote}, {"home based", Mode::remote}, {"home office", Mode::remote},
    {"on site", Mode::onsite},        {"in office", Mode::onsite},  {"in person", Mode::onsite},
    {"office based", Mode::onsite},   {"remote", Mode::remote},     {"remotely", Mode::remote},
    {"anywhere", Mode::remote},       {"worldwide", Mode::remote},  {"wfh", Mode::remote},
    {"telecommute", Mode::remote},    {"telework", Mode::remote},   {"distributed", Mode::remote},
    {"hybrid", Mode::hybrid},         {"onsite", Mode::onsite},
};

// Names of areas wider than a country, as remote jobs state them.
struct RegionWord {
  std::string_view key;   // folded
  std::string_view name;  // what remote_regions gets
};
constexpr RegionWord kRegionWords[] = {
    {"eu", "EU"},
    {"european union", "EU"},
    {"europe", "Europe"},
    {"european", "Europe"},
    {"emea", "EMEA"},
    {"latam", "LATAM"},
    {"latin america", "LATAM"},
    {"south america", "South America"},
    {"apac", "APAC"},
    {"asia pacific", "APAC"},
    {"americas", "Americas"},
    {"north america", "North America"},
    {"northern america", "North America"},
    {"asia", "Asia"},
    {"africa", "Africa"},
    {"oceania", "Oceania"},
    {"middle east", "Middle East"},
    {"mena", "MENA"},
    {"dach", "DACH"},
    {"nordics", "Nordics"},
    {"nordic countries", "Nordics"},
    {"scandinavia", "Nordics"},
    {"cee", "CEE"},
};

// Words that do not stop a component from counting as fully understood ("Greater London
// Area", "US only", "Anywhere in the World", "Berlin office"); time zones included.
constexpr std::string_view kFiller[] = {
    "greater",   "area",      "metro",    "metropolitan", "region",
    "office",    "offices",   "hq",       "headquarters", "only",
    "based",     "in",        "the",      "of",           "and",
    "or",        "from",      "within",   "world",        "timezone",
    "timezones", "time",      "zone",     "zones",        "tz",
    "job",       "jobs",      "fully",    "full",         "candidates",
    "residents", "must",      "be",       "located",      "location",
    "locations", "near",      "around",   "city",         "county",
    "state",     "province",  "downtown", "centre",       "center",
    "hub",       "campus",    "team",     "global",       "multiple",
    "various",   "any",       "all",      "other",        "countries",
    "country",   "e",         "g",        "eg",           "etc",
    "friendly",  "preferred", "possible", "optional",     "ok",
    "first",     "utc",       "gmt",      "cet",          "cest",
    "est",       "edt",       "pst",      "pdt",          "cst",
    "cdt",       "mst",       "hours",    "overlap",      "with",
};

bool is_filler(const Word& word) {
  return word.digits ||
         std::find(std::begin(kFiller), std::end(kFiller), word.folded) != std::end(kFiller);
}

struct Scan {
  std::vector<Item> items;
  bool covered = true;  // every word was matched, a mode phrase, or filler
  std::size_t end = 0;  // the word after the last item
};

// Words that never name a place on their own, though some gazetteer entry is called so
// ("West" in "West Dover", "Springs" in "Glenwood Springs").
constexpr std::string_view kNeverAlone[] = {
    "north",   "south",  "east",  "west",    "central",  "northern", "southern", "eastern",
    "western", "upper",  "lower", "new",     "old",      "great",    "little",   "saint",
    "st",      "san",    "santa", "fort",    "port",     "mount",    "lake",     "university",
    "college", "valley", "beach", "springs", "park",     "hills",    "heights",  "village",
    "island",  "bay",    "river", "falls",   "junction", "mission",  "union",    "grove",
};

// Words of a street address ("6500 Alamo Ct", "1400 Parkmoor Avenue").
constexpr std::string_view kStreetWords[] = {
    "st",        "street", "rd",      "road", "ave",   "avenue",  "dr",     "drive", "blvd",
    "boulevard", "ln",     "lane",    "way",  "pkwy",  "parkway", "ct",     "court", "suite",
    "ste",       "hwy",    "highway", "pl",   "place", "cir",     "circle", "pike",  "plaza",
};

template <std::size_t N>
bool is_one_of(std::string_view word, const std::string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

bool city_only(const Gazetteer& g, const Item& item) {
  return !item.entries.empty() &&
         std::all_of(item.entries.begin(), item.entries.end(),
                     [&](std::uint32_t i) { return g.entry(i).kind == Gazetteer::Kind::city; });
}

std::string join(const std::vector<Word>& words, std::size_t from, std::size_t count) {
  std::string key;
  for (std::size_t i = from; i < from + count; ++i) {
    if (i > from) key.push_back(' ');
    key += words[i].folded;
  }
  return key;
}

// The item for words[from, from + count), if the gazetteer or kRegionWords knows it.
std::optional<Item> lookup(const Gazetteer& g, std::string_view text,
                           const std::vector<Word>& words, std::size_t from, std::size_t count) {
  bool upper = true;
  for (std::size_t i = from; i < from + count; ++i) {
    if (words[i].digits) return std::nullopt;
    upper = upper && words[i].upper;
  }
  // Alone, a filler word is not a place ("Metro" in "D.C. Metro Area"), except as a state
  // code written in capitals ("OK", "IN").
  const Word& first = words[from];
  if (count == 1 && (is_one_of(first.folded, kNeverAlone) ||
                     (is_filler(first) && !(first.upper && first.folded.size() == 2)))) {
    return std::nullopt;
  }
  const std::string key = join(words, from, count);
  Item item;
  item.text = text.substr(words[from].begin, words[from + count - 1].end - words[from].begin);
  for (const RegionWord& region : kRegionWords) {
    if (region.key == key && (key.size() > 3 || upper)) {
      item.region_word = region.name;
      return item;
    }
  }
  for (auto i = g.find(key); i != Gazetteer::kNone; i = g.entry(i).next) {
    if (!g.entry(i).needs_upper || upper) item.entries.push_back(i);
  }
  if (item.entries.empty()) return std::nullopt;
  return item;
}

// Longest known names first, left to right, skipping words already used.
Scan scan(const Gazetteer& g, std::string_view text, const std::vector<Word>& words,
          const std::vector<bool>& used, std::size_t from) {
  Scan result;
  for (std::size_t i = from; i < words.size();) {
    if (used[i]) {
      ++i;
      continue;
    }
    std::size_t run = 0;
    while (i + run < words.size() && !used[i + run] && run < kMaxNgram) ++run;
    bool found = false;
    for (std::size_t n = run; n >= 1 && !found; --n) {
      if (auto item = lookup(g, text, words, i, n)) {
        // Two town names side by side are one name nobody knows ("Glenwood Springs").
        if (!result.items.empty() && result.end == i && city_only(g, result.items.back()) &&
            city_only(g, *item)) {
          result.covered = false;
        }
        result.items.push_back(std::move(*item));
        i += n;
        result.end = i;
        found = true;
      }
    }
    if (found) continue;
    if (!is_filler(words[i])) result.covered = false;
    ++i;
  }
  return result;
}

// Whether `country` names the country that `region` is a region of.
bool same_country(const Gazetteer& g, const Item& country, const Item& region) {
  for (std::uint32_t i : country.entries) {
    if (g.entry(i).kind != Gazetteer::Kind::country) continue;
    const std::string_view iso2 = g.countries()[g.entry(i).index].iso2;
    for (std::uint32_t j : region.entries) {
      const Gazetteer::Entry& e = g.entry(j);
      if (e.kind == Gazetteer::Kind::region && g.regions()[e.index].country == iso2) return true;
    }
  }
  return false;
}

// The text from the first to the last word from `from` on that is not a mode phrase.
std::string span(std::string_view text, const std::vector<Word>& words,
                 const std::vector<bool>& used, std::size_t from) {
  std::size_t first = words.size(), last = 0;
  for (std::size_t i = from; i < words.size(); ++i) {
    if (used[i]) continue;
    first = std::min(first, i);
    last = i;
  }
  if (first == words.size()) return {};
  return std::string(text.substr(words[first].begin, words[last].end - words[first].begin));
}

}  // namespace

void component_items(const Gazetteer& g, std::string_view text, bool near_end, Mode& mode,
                     std::vector<Item>& out) {
  const std::vector<Word> words = words_of(text, kMaxWords);
  if (!words.empty() && words[0].digits) {
    const bool street = std::any_of(words.begin(), words.end(), [](const Word& w) {
      return is_one_of(w.folded, kStreetWords);
    });
    if (street || !near_end) return;
  }
  std::vector<bool> used(words.size(), false);
  for (std::size_t i = 0; i < words.size(); ++i) {
    for (const ModePhrase& phrase : kModePhrases) {
      const std::size_t n =
          static_cast<std::size_t>(std::count(phrase.words.begin(), phrase.words.end(), ' ')) + 1;
      if (i + n > words.size() || join(words, i, n) != phrase.words) continue;
      mode = std::max(mode, phrase.mode);
      std::fill_n(used.begin() + static_cast<std::ptrdiff_t>(i), n, true);
      break;
    }
  }
  Scan found = scan(g, text, words, used, 0);
  // "Acme Corp in Glen Burnie, MD": the place follows the last lower-case "in".
  std::size_t from = 0;
  if (!found.covered) {
    for (std::size_t i = words.size(); i-- > 1;) {
      if (words[i].folded == "in" && !words[i].upper && !used[i]) {
        from = i + 1;
        found = scan(g, text, words, used, from);
        break;
      }
    }
  }
  if (found.covered) {
    // A town known only by part of its name ("Dodge Center", with "center" a filler word)
    // keeps its whole name if it ends up unknown_town().
    // "US-GA": the state alone says it.
    if (found.items.size() == 2 && same_country(g, found.items[0], found.items[1])) {
      found.items.erase(found.items.begin());
    }
    if (found.items.size() == 1) found.items[0].text = span(text, words, used, from);
    if (!found.items.empty()) {
      for (std::size_t i = found.end; i < words.size(); ++i) {
        const std::string& w = words[i].folded;
        const bool five_digits = w.size() == 5 && std::all_of(w.begin(), w.end(), [](char c) {
                                   return c >= '0' && c <= '9';
                                 });
        if (five_digits) found.items.back().zip = true;
      }
    }
    for (Item& item : found.items) out.push_back(std::move(item));
    return;
  }
  // Nothing known by that name: keep the text, unless it looks like a street address.
  for (std::size_t i = from; i < words.size(); ++i) {
    if (!used[i] && words[i].digits) return;
  }
  std::string rest = span(text, words, used, from);
  if (!rest.empty()) out.push_back({{}, {}, std::move(rest)});
}

}  // namespace hg::normalize::location_items
