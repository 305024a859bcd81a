// Building the match index from the store, and opening it (the saved file when current).
#include "match/index.hpp"

#include <algorithm>
#include <unordered_map>

#include "match/text.hpp"
#include "normalize/title.hpp"
#include "store/match_source.hpp"
#include "util/strings.hpp"

namespace hg::match {
namespace {

// Descriptions read for word statistics on a big store (every k-th job).
constexpr std::int64_t kDescriptionSample = 100000;

float as_float(const std::optional<double>& v) {
  return v ? static_cast<float>(*v) : kUnknown;
}

// The columns of `row` that facts_from_job() reads, moved into a Job.
model::Job job_of(store::MatchJobRow& row) {
  model::Job job;
  job.id = row.id;
  job.title = std::move(row.title);
  job.company = std::move(row.company);
  job.country = std::move(row.country);
  job.latitude = row.latitude;
  job.longitude = row.longitude;
  job.remote = std::move(row.remote);
  job.employment_type = std::move(row.employment_type);
  job.seniority = std::move(row.seniority);
  job.salary_min = row.salary_min;
  job.salary_max = row.salary_max;
  job.salary_period = std::move(row.salary_period);
  job.salary_annual = row.salary_annual;
  job.visa_sponsorship = row.visa_sponsorship;
  job.date_posted = std::move(row.date_posted);
  job.first_seen = std::move(row.first_seen);
  job.closed_at = std::move(row.closed_at);
  job.title_family = std::move(row.title_family);
  job.salary_reporting = row.salary_reporting;
  return job;
}

}  // namespace

std::filesystem::path cache_path_for(const std::filesystem::path& store_path) {
  return std::filesystem::path(store_path.string() + ".match");
}

Result<Signature> read_signature(const store::Db& db) {
  auto stored = store::match_signature(db);
  if (!stored) return stored.error();
  return Signature{.max_id = stored->max_id,
                   .jobs = stored->jobs,
                   .open_jobs = stored->open_jobs,
                   .clustered = stored->clustered,
                   .cluster_sum = stored->cluster_sum,
                   .skills = stored->skills,
                   .last_seen = std::move(stored->last_seen)};
}

JobFacts facts_from_job(const model::Job& job) {
  JobFacts f;
  f.id = job.id;
  f.lat = as_float(job.latitude);
  f.lon = as_float(job.longitude);
  // Salary range, annual, in the reporting currency: the stored midpoint converted, and the
  // range scaled by the same rate.
  if (job.salary_reporting) {
    double rate = 1.0;
    if (job.salary_annual && *job.salary_annual > 0) rate = *job.salary_reporting / *job.salary_annual;
    std::optional<double> lo, hi;
    if (job.salary_min) lo = model::annualise(*job.salary_min, job.salary_period);
    if (job.salary_max) hi = model::annualise(*job.salary_max, job.salary_period);
    f.salary_lo = static_cast<float>(lo ? *lo * rate : *job.salary_reporting);
    f.salary_hi = static_cast<float>(hi ? *hi * rate : *job.salary_reporting);
    if (f.salary_hi < f.salary_lo) std::swap(f.salary_lo, f.salary_hi);
  }
  auto posted = day_number(job.date_posted);
  if (!posted) {
    posted = day_number(job.first_seen);
    f.first_seen_only = posted ? 1 : 0;
  }
  if (posted) f.posted_day = *posted;
  std::string family = job.title_family, seniority = job.seniority;
  if (family.empty() && seniority.empty()) {
    normalize::TitleInfo info = normalize::parse_title(job.title);
    family = info.family;
    seniority = info.seniority;
  }
  f.family = family_number(family);
  f.seniority = seniority_number(seniority);
  f.remote = remote_number(job.remote);
  if (job.visa_sponsorship) f.visa = *job.visa_sponsorship ? 1 : 0;
  f.employment = employment_number(job.employment_type);
  f.closed = job.closed_at.empty() ? 0 : 1;
  if (job.country.size() == 2) {
    f.country[0] = job.country[0];
    f.country[1] = job.country[1];
  }
  f.cluster_size = 1;
  return f;
}

// Builds a JobIndex in one pass over the jobs (plus job_skills and the cluster sizes).
struct IndexBuilder {
  JobIndex index;
  std::unordered_map<std::string, std::uint32_t> title_ids;
  std::unordered_map<std::string, std::uint32_t> company_ids;
  std::unordered_map<std::string, std::uint16_t> region_ids;
  std::unordered_map<std::uint64_t, std::uint32_t> description_df;
  double title_words_total = 0, description_words_total = 0;

  std::uint32_t company_id(const std::optional<std::int64_t>& id, std::string_view name) {
    std::string key = id ? "#" + std::to_string(*id) : util::to_lower(name);
    auto [it, added] = company_ids.try_emplace(std::move(key), static_cast<std::uint32_t>(company_ids.size()));
    return it->second;
  }

  std::uint16_t regions_id(const std::string& joined) {
    if (joined.empty()) return 0;
    auto it = region_ids.find(joined);
    if (it != region_ids.end()) return it->second;
    if (index.region_sets_.size() >= 65535) return 0;
    std::vector<std::string> set;
    for (std::string& region : util::split(joined, '|')) {
      if (!region.empty()) set.push_back(std::move(region));
    }
    const auto id = static_cast<std::uint16_t>(index.region_sets_.size());
    index.region_sets_.push_back(std::move(set));
    region_ids.emplace(joined, id);
    return id;
  }

  void add_title(JobFacts& f, std::string_view title) {
    f.title_begin = static_cast<std::uint32_t>(index.title_words_.size());
    std::vector<std::uint32_t> seen;
    for_each_word(title, [&](std::string_view word) {
      if (f.title_count == 255) return;
      auto [it, added] = title_ids.try_emplace(std::string(word), static_cast<std::uint32_t>(title_ids.size()));
      if (added) index.title_df_.push_back(0);
      index.title_words_.push_back(it->second);
      ++f.title_count;
      if (std::find(seen.begin(), seen.end(), it->second) == seen.end()) {
        seen.push_back(it->second);
        ++index.title_df_[it->second];
      }
    });
    title_words_total += f.title_count;
  }

  void add_description(std::string_view text) {
    std::vector<std::uint64_t> hashes;
    for_each_word(text, [&](std::string_view word) { hashes.push_back(word_hash(word)); });
    description_words_total += static_cast<double>(hashes.size());
    std::sort(hashes.begin(), hashes.end());
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    for (std::uint64_t hash : hashes) ++description_df[hash];
  }

  // Sorts the title vocabulary (so lookups are a binary search) and renumbers the words.
  void finish_titles() {
    std::vector<std::pair<std::string, std::uint32_t>> words(title_ids.begin(), title_ids.end());
    std::sort(words.begin(), words.end());
    std::vector<std::uint32_t> renumber(words.size());
    std::vector<std::uint32_t> df(words.size());
    index.title_vocab_.reserve(words.size());
    for (std::uint32_t i = 0; i < words.size(); ++i) {
      renumber[words[i].second] = i;
      df[i] = index.title_df_[words[i].second];
      index.title_vocab_.push_back(std::move(words[i].first));
    }
    index.title_df_ = std::move(df);
    for (std::uint32_t& word : index.title_words_) word = renumber[word];
  }
};

Result<JobIndex> JobIndex::build(const store::Db& db) {
  IndexBuilder b;
  auto signature = read_signature(db);
  if (!signature) return signature.error();
  b.index.signature_ = *signature;

  // Skills: store ids -> dense numbers.
  std::unordered_map<std::int64_t, std::uint32_t> skill_numbers;
  if (auto r = store::for_each_match_skill(db, [&](store::MatchSkill&& skill) {
        skill_numbers.emplace(skill.id, static_cast<std::uint32_t>(b.index.skill_names_.size()));
        b.index.skill_names_.push_back(std::move(skill.name));
      });
      !r) {
    return r.error();
  }
  // Every job's skills, read in table order and sorted by job (stable: mention order kept).
  std::vector<std::pair<std::int64_t, SkillEntry>> job_skills;
  if (auto r = store::for_each_match_job_skill(db, [&](const store::MatchJobSkill& row) {
        auto number = skill_numbers.find(row.skill);
        if (number == skill_numbers.end()) return;
        const SkillEntry requirement = !row.required ? 2u : *row.required ? 1u : 0u;
        job_skills.emplace_back(row.job, (number->second << 2) | requirement);
      });
      !r) {
    return r.error();
  }
  std::stable_sort(job_skills.begin(), job_skills.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::unordered_map<std::int64_t, std::uint32_t> cluster_sizes;
  if (auto r = store::for_each_match_cluster_size(db, [&](const store::MatchClusterSize& c) {
        cluster_sizes.emplace(c.cluster, static_cast<std::uint32_t>(c.members));
      });
      !r) {
    return r.error();
  }
  const std::int64_t sample = std::max<std::int64_t>(1, (signature->jobs + kDescriptionSample - 1) /
                                                          kDescriptionSample);
  // Heads of clusters and lone jobs, in id order; only every `sample`-th description is read.
  std::size_t next_skill = 0;
  std::int64_t read = 0;
  double description_docs = 0;
  auto jobs = store::for_each_match_job(
      db, {.description_every = sample}, [&](store::MatchJobRow&& row) {
        const model::Job job = job_of(row);
        JobFacts f = facts_from_job(job);
        f.sponsor = row.company_sponsors_visas ? 1 : 0;
        f.company = b.company_id(row.company_id, job.company);
        f.regions = b.regions_id(row.remote_regions);
        if (auto size = cluster_sizes.find(job.id); size != cluster_sizes.end()) {
          f.cluster_size = size->second;
        }
        b.add_title(f, job.title);
        if (read++ % sample == 0) {
          b.add_description(row.description);
          ++description_docs;
        }
        const auto skills_end = job_skills.size();
        while (next_skill < skills_end && job_skills[next_skill].first < job.id) ++next_skill;
        f.skills_begin = static_cast<std::uint32_t>(b.index.skill_entries_.size());
        for (; next_skill < skills_end && job_skills[next_skill].first == job.id; ++next_skill) {
          if (f.skills_count == UINT16_MAX) continue;
          b.index.skill_entries_.push_back(job_skills[next_skill].second);
          ++f.skills_count;
        }
        b.index.jobs_.push_back(f);
      });
  if (!jobs) return jobs.error();
  b.finish_titles();
  JobIndex& index = b.index;
  index.title_docs_ = static_cast<double>(index.jobs_.size());
  index.title_average_ = index.jobs_.empty() ? 0 : b.title_words_total / index.title_docs_;
  // Word statistics scaled from the sample to the whole store; words seen once in the
  // sample are left out (most are typos and numbers), so they count as rare.
  const double scale = static_cast<double>(sample);
  index.description_docs_ = description_docs * scale;
  index.description_average_ = description_docs > 0 ? b.description_words_total / description_docs : 0;
  index.description_df_.reserve(b.description_df.size());
  for (const auto& [hash, df] : b.description_df) {
    if (df >= 2 || sample == 1) {
      index.description_df_.emplace_back(hash, static_cast<std::uint32_t>(df * sample));
    }
  }
  std::sort(index.description_df_.begin(), index.description_df_.end());
  index.jobs_view_ = index.jobs_;
  index.entries_view_ = index.skill_entries_;
  index.title_view_ = index.title_words_;
  return std::move(b.index);
}

std::uint32_t JobIndex::title_word(std::string_view word) const {
  auto it = std::lower_bound(title_vocab_.begin(), title_vocab_.end(), word,
                             [](const std::string& a, std::string_view b) { return a < b; });
  if (it == title_vocab_.end() || *it != word) return UINT32_MAX;
  return static_cast<std::uint32_t>(it - title_vocab_.begin());
}

double JobIndex::description_df(std::string_view word) const {
  const std::uint64_t hash = word_hash(word);
  auto it = std::lower_bound(description_df_.begin(), description_df_.end(),
                             std::make_pair(hash, std::uint32_t{0}));
  if (it == description_df_.end() || it->first != hash) return 1;
  return it->second;
}

std::size_t JobIndex::memory_bytes() const {
  std::size_t bytes = jobs_view_.size() * sizeof(JobFacts) + entries_view_.size() * 4 +
                      title_view_.size() * 4 + title_df_.capacity() * 4 +
                      description_df_.capacity() * 16;
  for (const std::string& s : title_vocab_) bytes += sizeof s + s.capacity();
  for (const std::string& s : skill_names_) bytes += sizeof s + s.capacity();
  return bytes;
}

Result<JobIndex::Opened> JobIndex::open(const store::Db& db, const std::filesystem::path& cache,
                                        bool force_rebuild) {
  auto signature = read_signature(db);
  if (!signature) return signature.error();
  if (!force_rebuild) {
    auto cached = load(cache);
    if (cached && cached->signature() == *signature) return Opened{std::move(*cached), false};
  }
  auto built = build(db);
  if (!built) return built.error();
  (void)built->save(cache);  // a read-only place keeps the index in memory only
  return Opened{std::move(*built), true};
}

}  // namespace hg::match
