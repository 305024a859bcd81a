// The scored comparison of two postings: are they the same job?
#pragma once

#include <string>

#include "dedup/features.hpp"

namespace hg::dedup {

// Thresholds, from config dedup.* (documented in hg-dedup(1)).
struct Thresholds {
  double score = 0.80;        // weighted score at or above which two postings merge
  double title = 0.80;        // title word similarity (Dice) needed, unless the text is the same
  double company = 0.85;      // company name similarity needed when the names differ
  double description = 0.30;  // share of the shorter description found in the longer
  int window_days = 90;       // postings further apart are a re-opened requisition
  double distance_km = 50;    // a place without a city name this far from a city is elsewhere
};

// Why two postings are kept apart whatever their score.
enum class Conflict {
  none,
  level,     // "Senior" vs "Staff", "II" vs "III"
  place,     // different cities or countries
  window,    // posted further apart than window_days
  company,   // company names too different
  split,     // a user split them (`hg dedup split`)
};

struct PairScore {
  double title = 0;        // Dice over title words (levels compared separately)
  double company = 0;      // 1 for the same normalised name, else trigram Dice
  double description = 0;  // estimated containment of the shorter description
  double place = 0;        // 1 same place, 0.5 unknown on one side, 0 conflict
  double date = 0;         // 1 same day, falling to 0 at window_days
  bool same_url = false;   // the same canonical URL
  int days = 0;            // posting dates apart (0 when one is unknown)
  double distance_km = -1; // between the two places (-1: unknown)
  double total = 0;        // weighted: the number compared with Thresholds::score
  Conflict conflict = Conflict::none;
  bool merge = false;      // the verdict
};

// Symmetric; never fails.
PairScore compare(const Features& a, const Features& b, const Thresholds& thresholds);

// "level", "place" ... for explanations and the stored reason.
const char* conflict_name(Conflict conflict);

// The stored reason for a merge or a refusal, as one-line JSON:
// {"total":0.93,"title":1,"company":1,"description":0.88,"place":1,"date":0.9,"days":12,...}
std::string reason_json(const PairScore& score);

}  // namespace hg::dedup
