// Internal to hg match (match.cpp): its arguments, and how they and the config become the
// profile to match and the ranking options (match_options.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../config.hpp"
#include "../session.hpp"
#include "match/rank.hpp"
#include "model/profile.hpp"
#include "normalize/location.hpp"
#include "skills/taxonomy.hpp"
#include "store/db.hpp"

namespace hg::cli {

struct MatchArgs {
  std::string profile;
  std::string resume;
  match::Overrides overrides;
  std::vector<std::string> skills;
  std::string remote;
  bool visa = false;
  // Filters.
  std::string country;
  std::string near;
  std::optional<double> radius;
  std::string since;
  std::vector<std::string> types;
  bool all = false;
  // Output.
  int limit = 0;                      // 0: config match.limit
  std::optional<int> per_company;     // unset: config match.per_company
  double min_score = 0;
  bool explain = false;
  bool gaps = false;
  std::optional<double> threshold;    // unset: config match.gap_threshold
  std::int64_t job = 0;
  bool reindex = false;
};

// An integer config key, or its default when unset or unreadable (config validates types).
std::int64_t config_int(const Config& config, std::string_view key, std::int64_t fallback);

// The match.weight.* keys. Errors: invalid_input for a negative weight or all zero.
Result<match::Weights> weights_from(const Config& config);

// The profile to match: --resume (a JSON Resume, or a PDF, DOCX, HTML or text resume parsed
// as hg parse-resume does), --profile, flags alone, or the default profile. Errors: those of
// reading and parsing the resume; not_found (with a hint) for a missing profile.
Result<model::Profile> seeker_profile(const Session& session, const store::Db& db,
                                      const MatchArgs& args, const skills::Taxonomy& taxonomy,
                                      const normalize::Gazetteer& gazetteer);

// Weights, limits and hard filters from the flags and the config. Errors: invalid_argument
// for a bad --remote, --radius without --near, --since or --type; not_found for a --near
// place without coordinates.
Result<match::RankOptions> rank_options(const Session& session, const Config& config,
                                        const normalize::Gazetteer& gazetteer,
                                        const MatchArgs& args);

}  // namespace hg::cli
