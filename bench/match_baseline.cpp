// The reference matcher (see match_baseline.hpp), written plainly: brute-force cosine over
// every stored vector, as scikit-learn's linear_kernel does.
#include "match_baseline.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace hg::bench {
namespace {

std::uint64_t fnv(std::string_view s, std::uint64_t h = 14695981039346656037ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

bool word_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

// Calls each(hash) for every unigram and bigram of `text` (tokens of two or more word chars).
template <class F>
void for_each_ngram(std::string_view text, F&& each) {
  std::string token, previous;
  auto flush = [&] {
    if (token.size() >= 2) {
      const std::uint64_t h = fnv(token);
      each(h);
      if (!previous.empty()) each(fnv(token, fnv(" ", fnv(previous))));
      previous = token;
    }
    token.clear();
  };
  for (unsigned char c : text) {
    if (word_char(c)) token.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    else flush();
  }
  flush();
}

// "5+ years", "3 years", "10 yrs": the first number of years the text asks for.
float years_required(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') continue;
    std::size_t j = i;
    int value = 0;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9' && j - i < 2) value = value * 10 + (text[j++] - '0');
    if (j < text.size() && text[j] == '+') ++j;
    while (j < text.size() && text[j] == ' ') ++j;
    std::string_view rest = text.substr(j, 5);
    if ((rest.starts_with("years") || rest.starts_with("yrs") || rest.starts_with("year")) && value > 0 && value < 30) {
      return static_cast<float>(value);
    }
    i = j;
  }
  return 0;
}

}  // namespace

void Baseline::fit(std::vector<BaselineJob>& jobs) {
  // Corpus term frequency of every n-gram, then the 5,000 most frequent (ties by hash).
  std::unordered_map<std::uint64_t, std::uint64_t> frequency;
  for (const BaselineJob& job : jobs) for_each_ngram(job.description, [&](std::uint64_t h) { ++frequency[h]; });
  std::vector<std::pair<std::uint64_t, std::uint64_t>> ranked(frequency.begin(), frequency.end());
  frequency.clear();
  const std::size_t keep = std::min<std::size_t>(5000, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(),
                    [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
  ranked.resize(keep);
  std::sort(ranked.begin(), ranked.end());
  vocabulary_.clear();
  feature_of_.clear();
  for (std::uint32_t i = 0; i < ranked.size(); ++i) {
    vocabulary_.push_back(ranked[i].first);
    feature_of_.push_back(i);
  }
  // Document frequencies and raw counts, then tf-idf rows, l2-normalised.
  std::vector<std::uint32_t> df(keep, 0);
  std::vector<std::vector<std::pair<std::uint32_t, float>>> rows;
  rows.reserve(jobs.size());
  std::unordered_map<std::uint32_t, float> counts;
  for (BaselineJob& job : jobs) {
    counts.clear();
    for_each_ngram(job.description, [&](std::uint64_t h) {
      auto it = std::lower_bound(vocabulary_.begin(), vocabulary_.end(), h);
      if (it != vocabulary_.end() && *it == h) counts[feature_of_[static_cast<std::size_t>(it - vocabulary_.begin())]] += 1;
    });
    std::vector<std::pair<std::uint32_t, float>> row(counts.begin(), counts.end());
    for (const auto& [f, c] : row) ++df[f];
    rows.push_back(std::move(row));
    ids_.push_back(job.id);
    years_required_.push_back(years_required(job.description));
    locations_.push_back(std::move(job.location));
    remote_.push_back(job.remote ? 1 : 0);
    skills_.push_back(std::move(job.skills));
    std::string().swap(job.description);
  }
  const double n = static_cast<double>(jobs.size());
  idf_.resize(keep);
  for (std::size_t f = 0; f < keep; ++f) idf_[f] = static_cast<float>(std::log((1 + n) / (1 + df[f])) + 1);
  offsets_.assign(1, 0);
  for (auto& row : rows) {
    double norm = 0;
    for (auto& [f, w] : row) {
      w *= idf_[f];
      norm += static_cast<double>(w) * w;
    }
    norm = norm > 0 ? std::sqrt(norm) : 1;
    for (const auto& [f, w] : row) {
      features_.push_back(f);
      weights_.push_back(static_cast<float>(w / norm));
    }
    offsets_.push_back(static_cast<std::uint32_t>(features_.size()));
    std::vector<std::pair<std::uint32_t, float>>().swap(row);
  }
}

std::vector<std::pair<std::uint32_t, float>> Baseline::vectorize(std::string_view text) const {
  std::unordered_map<std::uint32_t, float> counts;
  for_each_ngram(text, [&](std::uint64_t h) {
    auto it = std::lower_bound(vocabulary_.begin(), vocabulary_.end(), h);
    if (it != vocabulary_.end() && *it == h) counts[feature_of_[static_cast<std::size_t>(it - vocabulary_.begin())]] += 1;
  });
  std::vector<std::pair<std::uint32_t, float>> row(counts.begin(), counts.end());
  double norm = 0;
  for (auto& [f, w] : row) {
    w *= idf_[f];
    norm += static_cast<double>(w) * w;
  }
  norm = norm > 0 ? std::sqrt(norm) : 1;
  for (auto& [f, w] : row) w = static_cast<float>(w / norm);
  return row;
}

std::vector<std::pair<std::int64_t, double>> Baseline::query(const BaselineProfile& profile, std::size_t k) const {
  std::vector<float> dense(idf_.size(), 0.0f);
  for (const auto& [f, w] : vectorize(profile.text)) dense[f] = w;
  std::vector<std::pair<double, std::uint32_t>> scored;
  scored.reserve(ids_.size());
  for (std::uint32_t d = 0; d + 1 < offsets_.size(); ++d) {
    double cosine = 0;
    for (std::uint32_t i = offsets_[d]; i < offsets_[d + 1]; ++i) cosine += dense[features_[i]] * weights_[i];
    double overlap = 0;
    if (!skills_[d].empty()) {
      std::size_t shared = 0;
      for (const std::string& s : skills_[d]) {
        if (std::find(profile.skills.begin(), profile.skills.end(), s) != profile.skills.end()) ++shared;
      }
      overlap = static_cast<double>(shared) / static_cast<double>(skills_[d].size());
    }
    const double need = years_required_[d];
    const double experience = need <= 0 ? 1.0 : std::min(1.0, profile.years / need);
    const std::string& place = locations_[d];
    const bool near = remote_[d] || (!profile.city.empty() && place.find(profile.city) != std::string::npos) ||
                      (!profile.region.empty() && place.find(profile.region) != std::string::npos);
    const double score = 0.3 * cosine + 0.4 * overlap + 0.2 * experience + 0.1 * (near ? 1.0 : 0.0);
    scored.emplace_back(score, d);
  }
  const std::size_t top = std::min(k, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(top), scored.end(),
                    [&](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : ids_[a.second] < ids_[b.second]; });
  std::vector<std::pair<std::int64_t, double>> out;
  for (std::size_t i = 0; i < top; ++i) out.emplace_back(ids_[scored[i].second], scored[i].first);
  return out;
}

std::size_t Baseline::memory_bytes() const {
  std::size_t bytes = vocabulary_.capacity() * 8 + feature_of_.capacity() * 4 + idf_.capacity() * 4 +
                      offsets_.capacity() * 4 + features_.capacity() * 4 + weights_.capacity() * 4 +
                      ids_.capacity() * 8 + years_required_.capacity() * 4 + remote_.capacity();
  for (const auto& s : locations_) bytes += sizeof s + s.capacity();
  for (const auto& v : skills_) {
    bytes += sizeof v;
    for (const auto& s : v) bytes += sizeof s + s.capacity();
  }
  return bytes;
}

}  // namespace hg::bench
