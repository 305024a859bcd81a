// Clustering: candidate pairs by blocking and LSH, scored, joined under hard-negative rules.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <unordered_set>
#include <vector>

#include "dedup/compare.hpp"
#include "dedup/features.hpp"

namespace hg::dedup {

// The keys a posting shares with its candidate duplicates, within its company: its title
// words, and eight LSH bands of its description sketch (0 where there is none). Stored with
// the features so an incremental run finds a new posting's candidates without reading the
// company's other postings in full.
inline constexpr int kBlockKeys = 9;
using BlockKeys = std::array<std::uint64_t, kBlockKeys>;
BlockKeys block_keys(const Features& features);

struct Item {
  std::int64_t id = 0;
  Features features{};
  std::int64_t cluster = 0;  // the stored cluster (its canonical job's id); 0: alone
  bool fresh = false;        // new or changed since the last run: compared with everything
};

// Pairs a user split (`hg dedup split`): never in one cluster again.
class Splits {
 public:
  void add(std::int64_t a, std::int64_t b) { pairs_.insert(key(a, b)); }
  bool contains(std::int64_t a, std::int64_t b) const {
    return !pairs_.empty() && pairs_.contains(key(a, b));
  }

 private:
  static std::uint64_t key(std::int64_t a, std::int64_t b) {
    if (a > b) std::swap(a, b);
    return static_cast<std::uint64_t>(a) * 0x9e3779b97f4a7c15ull ^ static_cast<std::uint64_t>(b);
  }
  std::unordered_set<std::uint64_t> pairs_;
};

// The pair whose match joined two clusters, and its scores (the stored reason).
struct Merge {
  std::int64_t a = 0, b = 0;
  PairScore score{};
};

struct Plan {
  struct Change {
    std::int64_t job = 0;
    std::int64_t cluster = 0;  // new cluster id (canonical member's id); 0: alone
  };
  std::vector<Change> changes;  // jobs whose cluster id differs from the stored one
  std::vector<Merge> merges;    // in the order they were made
  std::size_t compared = 0;     // pairs scored
  std::size_t refused = 0;      // pairs that scored high enough but broke a rule
};

// Candidate pairs (at least one fresh item in each) come from equal canonical URLs, equal
// company + title keys, and LSH bands of the description sketch within a company; groups
// larger than a few hundred compare neighbours in date order only, so work stays near
// linear. Accepted pairs join clusters best first; two clusters join only if no pair across
// them conflicts (level, place, window, company, split). Items of one stored cluster that are
// not fresh stay together. The canonical member: the employer's own posting over
// aggregators, then the richest record, then the oldest id.
// `threads` > 1 scores candidate groups in parallel. Never fails.
Plan plan(const std::vector<Item>& items, const Thresholds& thresholds, const Splits& splits,
          int threads = 1);

// The canonical member of a set of items (indexes into `items`).
std::size_t canonical_of(const std::vector<Item>& items, const std::vector<std::uint32_t>& members);

}  // namespace hg::dedup
