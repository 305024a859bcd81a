// The reference design's matcher, as the baseline for bench/match_bench: TF-IDF cosine over
// descriptions (5,000 features, unigrams + bigrams, as scikit-learn's TfidfVectorizer with
// max_features=5000, ngram_range=(1, 2): lower case, tokens \b\w\w+\b, smooth idf, l2 norm),
// combined as 0.3 cosine + 0.4 skills overlap + 0.2 experience + 0.1 location.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hg::bench {

struct BaselineJob {
  std::int64_t id = 0;
  std::string description;
  std::string location;           // as the source wrote it, lower case
  bool remote = false;
  std::vector<std::string> skills;  // lower-case names
};

struct BaselineProfile {
  std::string text;                 // title, skills and summary, as one document
  std::vector<std::string> skills;  // lower-case names
  double years = 0;
  std::string city, region;         // lower case
};

class Baseline {
 public:
  // Fits the vocabulary and idf on every description and stores each job's vector. Moves
  // the descriptions out of `jobs` (they are not kept).
  void fit(std::vector<BaselineJob>& jobs);
  // The best `k` (job id, score), best first.
  std::vector<std::pair<std::int64_t, double>> query(const BaselineProfile& profile, std::size_t k) const;
  std::size_t features() const { return idf_.size(); }
  std::size_t memory_bytes() const;

 private:
  std::vector<std::pair<std::uint32_t, float>> vectorize(std::string_view text) const;
  std::vector<std::uint64_t> vocabulary_;  // n-gram hashes, sorted
  std::vector<std::uint32_t> feature_of_;  // parallel to vocabulary_
  std::vector<float> idf_;
  std::vector<std::uint32_t> offsets_;     // CSR rows
  std::vector<std::uint32_t> features_;
  std::vector<float> weights_;
  std::vector<std::int64_t> ids_;
  std::vector<float> years_required_;      // from "N+ years" in the description; 0 none
  std::vector<std::string> locations_;
  std::vector<std::uint8_t> remote_;
  std::vector<std::vector<std::string>> skills_;
};

}  // namespace hg::bench
