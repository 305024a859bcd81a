#include "dedup/compare.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string_view>

#include <fmt/format.h>

namespace hg::dedup {
namespace {

constexpr double kSameSpotKm = 2;
constexpr double kWeightTitle = 0.35, kWeightCompany = 0.20, kWeightDescription = 0.25,
                 kWeightPlace = 0.10, kWeightDate = 0.10;

double dice_words(const Features& a, const Features& b) {
  if (a.title_count == 0 && b.title_count == 0) return 1;
  if (a.title_count == 0 || b.title_count == 0) return 0;
  int shared = 0;
  for (int i = 0, j = 0; i < a.title_count && j < b.title_count;) {  // both sorted
    if (a.title_words[i] == b.title_words[j]) {
      ++shared, ++i, ++j;
    } else if (a.title_words[i] < b.title_words[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return 2.0 * shared / (a.title_count + b.title_count);
}

std::string_view company_text(const Features& f) {
  const auto end = std::find(f.company.begin(), f.company.end(), '\0');
  return {f.company.data(), static_cast<std::size_t>(end - f.company.begin())};
}

// Dice over character trigrams of the normalised names ("acmelabs" vs "acmelab").
double company_similarity(const Features& a, const Features& b) {
  if (a.company_key == b.company_key) return 1;
  const std::string_view x = company_text(a), y = company_text(b);
  if (x.size() < 3 || y.size() < 3) return x == y ? 1 : 0;
  int shared = 0;
  std::array<bool, 24> used{};
  for (std::size_t i = 0; i + 3 <= x.size(); ++i) {
    for (std::size_t j = 0; j + 3 <= y.size(); ++j) {
      if (!used[j] && x.compare(i, 3, y.substr(j, 3)) == 0) {
        used[j] = true;
        ++shared;
        break;
      }
    }
  }
  return 2.0 * shared / static_cast<double>((x.size() - 2) + (y.size() - 2));
}

// Containment of the shorter description in the longer, from the Jaccard estimate of the
// two sketches and the shingle counts: |A∩B| = J(|A|+|B|)/(1+J).
double description_similarity(const Features& a, const Features& b) {
  if (a.shingles == 0 || b.shingles == 0) return a.shingles == b.shingles ? 1 : 0;
  int both = 0, equal = 0;
  for (int i = 0; i < kSketchBins; ++i) {
    if (a.sketch[i] == kEmptyBin && b.sketch[i] == kEmptyBin) continue;
    ++both;
    equal += a.sketch[i] == b.sketch[i];
  }
  double whole = 0;
  if (both > 0) {
    const double jaccard = static_cast<double>(equal) / both;
    const double shared = jaccard * (a.shingles + b.shingles) / (1 + jaccard);
    whole = std::min(1.0, shared / std::min(a.shingles, b.shingles));
  }
  // A copy cut short shares the opening: the lead shingles, compared exactly (both sorted).
  int common = 0;
  for (int i = 0, j = 0; i < a.lead_count && j < b.lead_count;) {
    if (a.lead[i] == b.lead[j]) ++common, ++i, ++j;
    else if (a.lead[i] < b.lead[j]) ++i;
    else ++j;
  }
  const int fewer = std::min(a.lead_count, b.lead_count);
  const double lead = fewer > 0 ? static_cast<double>(common) / fewer : 0;
  return std::max(whole, lead);
}

double distance_km(const Features& a, const Features& b) {
  constexpr double kRadians = 3.14159265358979323846 / 180, kEarthKm = 6371.0;
  const double dlat = (b.latitude - a.latitude) * kRadians;
  const double dlon = (b.longitude - a.longitude) * kRadians;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(a.latitude * kRadians) * std::cos(b.latitude * kRadians) *
                       std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(h)));
}

// 1 the same place, 0.5 unknown, 0 different places (a conflict).
double place_similarity(const Features& a, const Features& b, double max_km, double& km) {
  km = -1;
  // A posting in a city and one that names no place, or says only "Remote", are not the
  // same job: a re-post keeps its city, or at least says where remote work is allowed.
  auto vague = [](const Features& f) {
    return f.place_kind == place_none || f.place_kind == place_remote;
  };
  if ((a.place_kind == place_city && vague(b)) || (b.place_kind == place_city && vague(a))) return 0;
  // "Remote (Europe)" is not Pune; "Remote - US" is not Berlin.
  if (a.place_kind == place_remote_region || b.place_kind == place_remote_region) {
    if (a.europe != b.europe && (a.country[0] != 0 || a.europe) && (b.country[0] != 0 || b.europe)) {
      return 0;
    }
  }
  // Two remote postings ("Remote" and "Remote - US") are in the same place: remote. Scoring
  // them as certain lets the copies of a remote job join before a look-alike in a city can
  // chain through one of them.
  auto remote = [](const Features& f) {
    return f.place_kind == place_remote || f.place_kind == place_remote_region;
  };
  if (remote(a) && remote(b)) return 1;
  if (a.has_place && b.has_place) km = distance_km(a, b);
  if (a.city_key != 0 && a.city_key == b.city_key) return 1;
  // Two named cities are two places, however near ("San Jose" and "Sunnyvale"), unless the
  // gazetteer put them on the same spot under other names.
  if (a.city_key != 0 && b.city_key != 0) return km >= 0 && km <= kSameSpotKm ? 1 : 0;
  if (km >= 0) return km <= max_km ? 1 : 0;
  if (a.country[0] != 0 && b.country[0] != 0 &&
      (a.country[0] != b.country[0] || a.country[1] != b.country[1])) {
    return 0;
  }
  return 0.5;
}

}  // namespace

PairScore compare(const Features& a, const Features& b, const Thresholds& thresholds) {
  PairScore s;
  s.same_url = a.url_key != 0 && a.url_key == b.url_key;
  s.title = dice_words(a, b);
  s.company = company_similarity(a, b);
  s.description = description_similarity(a, b);
  s.place = place_similarity(a, b, thresholds.distance_km, s.distance_km);
  s.days = (a.day != 0 && b.day != 0) ? std::abs(a.day - b.day) : 0;
  s.date = thresholds.window_days > 0
               ? std::max(0.0, 1.0 - static_cast<double>(s.days) / thresholds.window_days)
               : 1.0;
  s.total = kWeightTitle * s.title + kWeightCompany * s.company +
            kWeightDescription * s.description + kWeightPlace * s.place + kWeightDate * s.date;

  if (a.levels != b.levels) {
    s.conflict = Conflict::level;
  } else if (s.place == 0) {
    s.conflict = Conflict::place;
  } else if (s.days > thresholds.window_days) {
    s.conflict = Conflict::window;
  } else if (s.company < thresholds.company) {
    s.conflict = Conflict::company;
  }
  if (s.conflict != Conflict::none) return s;

  if (s.same_url && s.title >= 0.5) {
    s.merge = true;  // the same posting scraped again, perhaps retitled
  } else if (s.total >= thresholds.score && s.description >= thresholds.description) {
    // Reworded titles merge only when the text is the same.
    s.merge = s.title >= thresholds.title || (s.title >= 0.5 && s.description >= 0.9);
  }
  return s;
}

const char* conflict_name(Conflict conflict) {
  switch (conflict) {
    case Conflict::none: return "none";
    case Conflict::level: return "level";
    case Conflict::place: return "place";
    case Conflict::window: return "window";
    case Conflict::company: return "company";
    case Conflict::split: return "split";
  }
  return "none";
}

std::string reason_json(const PairScore& s) {
  std::string json = fmt::format(
      R"({{"total":{:.3f},"title":{:.3f},"company":{:.3f},"description":{:.3f},"place":{:.2f},"date":{:.3f},"days":{},"same_url":{})",
      s.total, s.title, s.company, s.description, s.place, s.date, s.days, s.same_url);
  if (s.distance_km >= 0) json += fmt::format(R"(,"distance_km":{:.1f})", s.distance_km);
  if (s.conflict != Conflict::none) json += fmt::format(R"(,"conflict":"{}")", conflict_name(s.conflict));
  json += '}';
  return json;
}

}  // namespace hg::dedup
