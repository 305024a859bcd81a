// The match index: what ranking needs of every job, compact and in memory, cached in a file
// beside the store and rebuilt when the store's jobs change.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "match/factors.hpp"
#include "model/job.hpp"
#include "store/db.hpp"
#include "util/result.hpp"

namespace hg::match {

// A cheap summary of the jobs table, read with a few indexed aggregate queries. A cached
// index whose signature differs from the store's is rebuilt. It changes with every insert,
// close, reopen, dedup decision, and update (updates move last_seen).
struct Signature {
  std::int64_t max_id = 0;
  std::int64_t jobs = 0;
  std::int64_t open_jobs = 0;
  std::int64_t clustered = 0;
  double cluster_sum = 0;
  std::int64_t skills = 0;  // rows in the skills table
  std::string last_seen;    // newest last_seen of an open job
  bool operator==(const Signature&) const = default;
};

// Errors: busy, failed.
Result<Signature> read_signature(const store::Db& db);

// One job's skill in the index: (skill number << 2) | requirement (0 nice to have,
// 1 required, 2 unsaid).
using SkillEntry = std::uint32_t;

// Immutable once built or loaded; safe to share between threads for reading.
class JobIndex {
 public:
  // Reads every job that heads its dedup cluster (or has none), closed ones included.
  // Errors: busy, failed.
  static Result<JobIndex> build(const store::Db& db);

  // The index from `cache` when it exists and matches the store's signature; otherwise
  // built and then written to `cache` (an unwritable place is not an error: the index is
  // kept in memory only). `rebuilt` says which happened. Errors: busy, failed.
  struct Opened;
  static Result<Opened> open(const store::Db& db, const std::filesystem::path& cache,
                             bool force_rebuild = false);

  JobIndex() = default;
  JobIndex(JobIndex&&) noexcept = default;
  JobIndex& operator=(JobIndex&&) noexcept = default;
  JobIndex(const JobIndex&) = delete;  // the views point into this object's own storage
  JobIndex& operator=(const JobIndex&) = delete;

  // Writes the index to `path` (through a temporary file renamed over it).
  // Errors: failed.
  Result<void> save(const std::filesystem::path& path) const;
  // Reads an index written by save(). The per-job arrays are used in place in a read-only
  // memory map of the file (no copy); `stats_only` skips them (reverse ranking needs only the
  // word statistics). Errors: not_found, invalid_input (another format or version,
  // truncated, ranges out of bounds), failed.
  static Result<JobIndex> load(const std::filesystem::path& path, bool stats_only = false);

  const Signature& signature() const { return signature_; }
  std::span<const JobFacts> jobs() const { return jobs_view_; }
  std::span<const SkillEntry> skills_of(const JobFacts& job) const {
    return entries_view_.subspan(job.skills_begin, job.skills_count);
  }
  std::span<const std::uint32_t> title_of(const JobFacts& job) const {
    return title_view_.subspan(job.title_begin, job.title_count);
  }
  std::span<const std::string> regions_of(const JobFacts& job) const {
    return region_sets_[job.regions];
  }
  const std::vector<std::string>& skill_names() const { return skill_names_; }
  std::size_t region_set_count() const { return region_sets_.size(); }
  std::span<const std::string> region_set(std::size_t set) const { return region_sets_[set]; }

  // Title words: the vocabulary, document frequencies, the number of titles and their mean
  // length in words.
  const std::vector<std::string>& title_vocabulary() const { return title_vocab_; }
  std::uint32_t title_df(std::uint32_t word) const { return title_df_[word]; }
  // The number of a title word; UINT32_MAX when no title has it.
  std::uint32_t title_word(std::string_view word) const;
  double title_docs() const { return title_docs_; }
  double title_average() const { return title_average_; }

  // Description words: documents containing a word (estimated from a sample of at most
  // 100,000 descriptions on big stores), the number of documents and mean length.
  double description_df(std::string_view word) const;
  double description_docs() const { return description_docs_; }
  double description_average() const { return description_average_; }

  std::size_t memory_bytes() const;

 private:
  friend struct IndexBuilder;
  Signature signature_;
  // Built indexes own their arrays; loaded ones view a memory map of the cache file.
  struct Mapping;
  std::shared_ptr<const Mapping> mapping_;
  std::vector<JobFacts> jobs_;
  std::vector<SkillEntry> skill_entries_;
  std::vector<std::uint32_t> title_words_;
  std::span<const JobFacts> jobs_view_;
  std::span<const SkillEntry> entries_view_;
  std::span<const std::uint32_t> title_view_;
  std::vector<std::string> skill_names_;
  std::vector<std::string> title_vocab_;
  std::vector<std::uint32_t> title_df_;
  std::vector<std::vector<std::string>> region_sets_{{}};
  std::vector<std::pair<std::uint64_t, std::uint32_t>> description_df_;  // sorted by hash
  double title_docs_ = 0, title_average_ = 0;
  double description_docs_ = 0, description_average_ = 0;
};

struct JobIndex::Opened {
  JobIndex index;
  bool rebuilt = false;
};

// A job's facts as the index keeps them (company, skills, title words and regions are left
// for the caller: they are numbers into an index's tables). Used by build() and by reverse
// ranking, so both score a job the same way.
JobFacts facts_from_job(const model::Job& job);

// The cache file for a store: "<store>.match" beside it.
std::filesystem::path cache_path_for(const std::filesystem::path& store_path);

}  // namespace hg::match
