#include "dedup/cluster.hpp"

#include <algorithm>
#include <numeric>
#include <thread>
#include <tuple>

namespace hg::dedup {
namespace {

constexpr std::size_t kMaxGroup = 256;    // larger groups compare date neighbours only
constexpr std::size_t kNeighbours = 24;   // ... this many on each side
constexpr int kBands = kBlockKeys - 1;    // LSH: 8 bands of 8 sketch bins
constexpr int kRows = kSketchBins / kBands;
constexpr std::size_t kMaxCrossChecks = 4096;  // cluster-join checks beyond this trust the pair

std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

struct Key {
  std::uint64_t key;
  std::uint32_t index;
  bool operator<(const Key& other) const {
    return std::tie(key, index) < std::tie(other.key, other.index);
  }
};

void keys_of(const Features& f, std::uint32_t index, std::vector<Key>& out) {
  if (f.url_key != 0) out.push_back({mix(f.url_key ^ 0x1111), index});
  for (std::uint64_t key : block_keys(f)) {
    if (key != 0) out.push_back({key, index});
  }
}

struct Accepted {
  std::uint32_t a, b;
  PairScore score;
};

struct UnionFind {
  std::vector<std::uint32_t> parent;
  std::vector<std::vector<std::uint32_t>> members;
  explicit UnionFind(std::size_t n) : parent(n), members(n) {
    std::iota(parent.begin(), parent.end(), 0u);
    for (std::uint32_t i = 0; i < n; ++i) members[i] = {i};
  }
  std::uint32_t find(std::uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void join(std::uint32_t a, std::uint32_t b) {  // both roots
    if (members[a].size() < members[b].size()) std::swap(a, b);
    parent[b] = a;
    members[a].insert(members[a].end(), members[b].begin(), members[b].end());
    members[b].clear();
    members[b].shrink_to_fit();
  }
};

}  // namespace

BlockKeys block_keys(const Features& f) {
  BlockKeys keys{};
  if (f.company_key == 0) return keys;
  keys[0] = mix(f.company_key ^ mix(f.title_key ^ 0x2222)) | 1;
  if (f.shingles < 8) return keys;  // too short a text to say anything
  for (int band = 0; band < kBands; ++band) {
    std::uint64_t h = mix(f.company_key ^ (0x3333 + static_cast<std::uint64_t>(band)));
    for (int row = 0; row < kRows; ++row) h = mix(h ^ f.sketch[band * kRows + row]);
    keys[1 + band] = h | 1;
  }
  return keys;
}

std::size_t canonical_of(const std::vector<Item>& items, const std::vector<std::uint32_t>& members) {
  std::uint32_t best = members.front();
  for (std::uint32_t m : members) {
    const Features& x = items[m].features;
    const Features& y = items[best].features;
    if (std::tie(x.employer, x.richness) > std::tie(y.employer, y.richness) ||
        (std::tie(x.employer, x.richness) == std::tie(y.employer, y.richness) &&
         items[m].id < items[best].id)) {
      best = m;
    }
  }
  return best;
}

Plan plan(const std::vector<Item>& items, const Thresholds& thresholds, const Splits& splits,
          int threads) {
  Plan out;
  const std::size_t n = items.size();

  // 1. Candidate pairs: members of one key group, at least one of them fresh.
  std::vector<Key> keys;
  keys.reserve(n * 4);
  for (std::uint32_t i = 0; i < n; ++i) keys_of(items[i].features, i, keys);
  std::sort(keys.begin(), keys.end());
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  std::vector<std::uint32_t> group;
  for (std::size_t lo = 0; lo < keys.size();) {
    std::size_t hi = lo + 1;
    while (hi < keys.size() && keys[hi].key == keys[lo].key) ++hi;
    if (hi - lo >= 2) {
      group.clear();
      bool any_fresh = false;
      for (std::size_t k = lo; k < hi; ++k) {
        group.push_back(keys[k].index);
        any_fresh = any_fresh || items[keys[k].index].fresh;
      }
      if (any_fresh) {
        const std::size_t reach = group.size() <= kMaxGroup ? group.size() : kNeighbours;
        if (group.size() > kMaxGroup) {
          std::sort(group.begin(), group.end(), [&](std::uint32_t a, std::uint32_t b) {
            return items[a].features.day < items[b].features.day;
          });
        }
        for (std::size_t x = 0; x < group.size(); ++x) {
          for (std::size_t y = x + 1; y < group.size() && y <= x + reach; ++y) {
            const std::uint32_t a = group[x], b = group[y];
            if (!items[a].fresh && !items[b].fresh) continue;
            pairs.emplace_back(std::min(a, b), std::max(a, b));
          }
        }
      }
    }
    lo = hi;
  }
  std::vector<Key>().swap(keys);
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  out.compared = pairs.size();

  // 2. Score them (in parallel: compare() only reads).
  const int workers = std::max(1, std::min(threads, 8));
  std::vector<std::vector<Accepted>> accepted(workers);
  std::vector<std::size_t> refused(workers, 0);
  auto score_range = [&](int w) {
    const std::size_t begin = pairs.size() * w / workers, end = pairs.size() * (w + 1) / workers;
    for (std::size_t k = begin; k < end; ++k) {
      const auto [a, b] = pairs[k];
      PairScore s = compare(items[a].features, items[b].features, thresholds);
      if (s.merge && splits.contains(items[a].id, items[b].id)) {
        s.merge = false;
        s.conflict = Conflict::split;
      }
      if (s.merge) {
        accepted[w].push_back({a, b, s});
      } else if (s.conflict != Conflict::none && s.total >= thresholds.score) {
        ++refused[w];
      }
    }
  };
  if (workers == 1 || pairs.size() < 10000) {
    for (int w = 0; w < workers; ++w) score_range(w);
  } else {
    std::vector<std::thread> pool;
    for (int w = 1; w < workers; ++w) pool.emplace_back(score_range, w);
    score_range(0);
    for (std::thread& t : pool) t.join();
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>>().swap(pairs);
  std::vector<Accepted> all;
  for (auto& part : accepted) {
    all.insert(all.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
  }
  for (std::size_t r : refused) out.refused += r;
  std::sort(all.begin(), all.end(), [&](const Accepted& x, const Accepted& y) {
    if (x.score.total != y.score.total) return x.score.total > y.score.total;
    return std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });

  // 3. Join clusters, best pairs first. Unchanged members of a stored cluster start together.
  UnionFind uf(n);
  {
    std::vector<std::pair<std::int64_t, std::uint32_t>> stored;
    for (std::uint32_t i = 0; i < n; ++i) {
      if (!items[i].fresh && items[i].cluster != 0) stored.emplace_back(items[i].cluster, i);
    }
    std::sort(stored.begin(), stored.end());
    for (std::size_t k = 1; k < stored.size(); ++k) {
      if (stored[k].first != stored[k - 1].first) continue;
      const std::uint32_t a = uf.find(stored[k - 1].second), b = uf.find(stored[k].second);
      if (a != b) uf.join(a, b);
    }
  }
  for (const Accepted& pair : all) {
    const std::uint32_t ra = uf.find(pair.a), rb = uf.find(pair.b);
    if (ra == rb) continue;
    bool compatible = true;
    std::size_t checks = 0;
    for (std::uint32_t x : uf.members[ra]) {
      for (std::uint32_t y : uf.members[rb]) {
        if (++checks > kMaxCrossChecks) break;
        if (splits.contains(items[x].id, items[y].id) ||
            compare(items[x].features, items[y].features, thresholds).conflict != Conflict::none) {
          compatible = false;
          break;
        }
      }
      if (!compatible || checks > kMaxCrossChecks) break;
    }
    if (!compatible) {
      ++out.refused;
      continue;
    }
    uf.join(ra, rb);
    out.merges.push_back({items[pair.a].id, items[pair.b].id, pair.score});
  }

  // 4. Cluster ids: the canonical member's id, 0 for a posting alone.
  for (std::uint32_t root = 0; root < n; ++root) {
    if (uf.parent[root] != root) continue;
    const std::vector<std::uint32_t>& members = uf.members[root];
    const std::int64_t cluster = members.size() > 1 ? items[canonical_of(items, members)].id : 0;
    for (std::uint32_t m : members) {
      if (items[m].cluster != cluster) out.changes.push_back({items[m].id, cluster});
    }
  }
  return out;
}

}  // namespace hg::dedup
