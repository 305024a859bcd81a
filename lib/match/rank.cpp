// Forward ranking (a linear pass over the index, then an exact bounded text pass), reverse
// ranking, explanations and skill gaps.
#include "match/rank.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include <fmt/format.h>

#include "match/text.hpp"
#include "store/jobs.hpp"
#include "store/match_source.hpp"
#include "util/strings.hpp"

namespace hg::match {
namespace {

constexpr std::size_t kSkills = static_cast<std::size_t>(Factor::skills);
constexpr std::size_t kTitle = static_cast<std::size_t>(Factor::title);
constexpr std::size_t kText = static_cast<std::size_t>(Factor::text);

// Normalised BM25 of the description against the seeker's words: the BM25 sum divided by
// the sum of the words' idf (what a document of average length mentioning each word once
// scores), capped at 1.
class TextQuery {
 public:
  TextQuery(const std::vector<std::string>& words, const JobIndex* stats) {
    for (const std::string& word : words) {
      const double df = stats ? stats->description_df(word) : 1.0;
      const double docs = stats ? std::max(stats->description_docs(), df) : 2.0;
      hashes_.push_back(word_hash(word));
      idf_.push_back(bm25_idf(docs, df));
      total_ += idf_.back();
    }
    average_ = stats && stats->description_average() > 0 ? stats->description_average() : 0;
  }
  double relevance(std::string_view description) const {
    if (total_ <= 0) return 0;
    std::vector<double> tf(hashes_.size(), 0.0);
    double length = 0;
    for_each_word(description, [&](std::string_view word) {
      ++length;
      const std::uint64_t hash = word_hash(word);
      for (std::size_t i = 0; i < hashes_.size(); ++i) {
        if (hashes_[i] == hash) ++tf[i];
      }
    });
    const double average = average_ > 0 ? average_ : length;
    double sum = 0;
    for (std::size_t i = 0; i < hashes_.size(); ++i) sum += bm25_term(idf_[i], tf[i], length, average);
    return std::clamp(sum / total_, 0.0, 1.0);
  }

 private:
  std::vector<std::uint64_t> hashes_;
  std::vector<double> idf_;
  double total_ = 0, average_ = 0;
};

void add_reasons(Explanation& e) {
  std::array<std::size_t, kFactorCount> order{};
  for (std::size_t i = 0; i < kFactorCount; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return e.contribution[a] > e.contribution[b]; });
  for (std::size_t i = 0; i < 3 && e.contribution[order[i]] > 0; ++i) {
    const std::size_t f = order[i];
    e.reasons.push_back(fmt::format("{}: {}", factor_name(static_cast<Factor>(f)), e.factors[f].note));
  }
}

void finish(Explanation& e, const Weights& weights) {
  e.score = 0;
  for (std::size_t f = 0; f < kFactorCount; ++f) {
    e.contribution[f] = weights.share(static_cast<Factor>(f)) * e.factors[f].value;
    e.score += e.contribution[f];
  }
  add_reasons(e);
}

// Everything forward ranking computes per job, set up once per query.
class Scorer {
 public:
  Scorer(const JobIndex& index, const Query& query, const RankOptions& options)
      : index_(index), query_(query), options_(options) {
    for (std::size_t f = 0; f < kFactorCount; ++f) share_[f] = options.weights.share(static_cast<Factor>(f));
    have_.resize(index.skill_names().size());
    for (std::size_t i = 0; i < have_.size(); ++i) {
      auto it = query.skills.find(util::to_lower(index.skill_names()[i]));
      if (it != query.skills.end()) have_[i] = {it->second.has, it->second.years};
    }
    slot_.assign(index.title_vocabulary().size(), 0);
    for (const std::string& word : query.title_words) {
      const std::uint32_t id = index.title_word(word);
      const double idf = id == UINT32_MAX ? bm25_idf(std::max(1.0, index.title_docs()), 0.5)
                                          : bm25_idf(index.title_docs(), index.title_df(id));
      title_total_ += idf;
      if (id == UINT32_MAX || slot_[id] != 0 || title_idf_.size() >= 250) continue;
      title_idf_.push_back(idf);
      slot_[id] = static_cast<std::uint8_t>(title_idf_.size());
    }
    tf_.assign(title_idf_.size() + 1, 0.0);
    for (std::size_t set = 0; set < index.region_set_count(); ++set) {
      admits_.push_back(region_admits(index.region_set(set), query.seeker.country) ? 1 : 0);
    }
    using F = Factor;
    after_skills_ = 0;
    for (F f : {F::title, F::seniority, F::location, F::salary, F::visa, F::recency}) {
      after_skills_ += share_[static_cast<std::size_t>(f)];
    }
    after_title_ = after_skills_ - share_[kTitle];
    if (options.filters.near_lat) {
      near_ = {static_cast<float>(*options.filters.near_lat), static_cast<float>(*options.filters.near_lon)};
    }
  }

  bool passes(const JobFacts& job) const {
    const Filters& f = options_.filters;
    if (job.closed && !f.include_closed) return false;
    if (f.remote == 3 && job.remote != 3) return false;
    if (f.remote == 2 && job.remote != 3 && job.remote != 2) return false;
    if (f.remote == 1 && job.remote != 1 && job.remote != 2) return false;
    if (!f.country.empty()) {
      const bool here = job.country[0] == f.country[0] && job.country[1] == f.country[1];
      const bool open = job.remote == 3 && !index_.regions_of(job).empty() &&
                        region_admits(index_.regions_of(job), f.country);
      if (!here && !open) return false;
    }
    if (near_) {
      if (std::isnan(job.lat)) return false;
      if (distance_km(near_->first, near_->second, job.lat, job.lon) > f.radius_km) return false;
    }
    if (f.min_salary && !std::isnan(job.salary_hi) && job.salary_hi < *f.min_salary) return false;
    if (f.visa && job.visa == 0) return false;
    if (f.since_day && (job.posted_day == INT32_MIN || job.posted_day < *f.since_day)) return false;
    if (!f.types.empty() && std::find(f.types.begin(), f.types.end(), job.employment) == f.types.end()) {
      return false;
    }
    return true;
  }

  void fill_hits(const JobFacts& job, std::vector<SkillHit>& hits) const {
    hits.clear();
    for (SkillEntry entry : index_.skills_of(job)) {
      const auto& held = have_[entry >> 2];
      const std::uint32_t req = entry & 3;
      hits.push_back({held.first, static_cast<std::int8_t>(req == 2 ? -1 : static_cast<int>(req)), held.second});
    }
  }

  double title_relevance(const JobFacts& job) {
    if (title_total_ <= 0) return 0;
    std::uint8_t touched[64];
    std::size_t count = 0;
    for (std::uint32_t word : index_.title_of(job)) {
      const std::uint8_t slot = slot_[word];
      if (slot == 0) continue;
      if (tf_[slot] == 0 && count < 64) touched[count++] = slot;
      ++tf_[slot];
    }
    double sum = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const std::uint8_t slot = touched[i];
      sum += bm25_term(title_idf_[slot - 1], tf_[slot], job.title_count, index_.title_average());
      tf_[slot] = 0;
    }
    return std::min(1.0, sum / title_total_);
  }

  // All factors but text, weighted; `skills_value` receives the skills factor's value. Once
  // the sum cannot reach `floor` even with every remaining factor at 1, returns -1 early
  // (the factors are added heaviest first, so most jobs stop after skills or title).
  double partial(const JobFacts& job, std::vector<SkillHit>& hits, double* skills_value_out = nullptr,
                 double floor = -1) {
    const Seeker& s = query_.seeker;
    fill_hits(job, hits);
    const double skills = skills_value(hits, query_.own_skills.size(), false).value;
    if (skills_value_out) *skills_value_out = skills;
    double sum = share_[kSkills] * skills;
    if (sum + after_skills_ <= floor) return -1;
    sum += share_[kTitle] * title_value(s, job, title_relevance(job), false).value;
    if (sum + after_title_ <= floor) return -1;
    sum += share_[static_cast<std::size_t>(Factor::seniority)] * seniority_value(s, job, false).value;
    sum += share_[static_cast<std::size_t>(Factor::location)] *
           location_value(s, job, admits_[job.regions] != 0, false).value;
    sum += share_[static_cast<std::size_t>(Factor::salary)] * salary_value(s, job, false).value;
    sum += share_[static_cast<std::size_t>(Factor::visa)] * visa_value(s, job, false).value;
    sum += share_[static_cast<std::size_t>(Factor::recency)] * recency_value(job, options_.today, false).value;
    return sum;
  }

  Explanation explain(const JobFacts& job, double text_relevance) {
    const Seeker& s = query_.seeker;
    Explanation e;
    std::vector<SkillHit> hits;
    fill_hits(job, hits);
    e.factors[kSkills] = skills_value(hits, query_.own_skills.size(), true);
    e.factors[kTitle] = title_value(s, job, title_relevance(job), true);
    e.factors[kText] = {text_relevance, fmt::format("description relevance {:.0f}%", 100 * text_relevance)};
    e.factors[static_cast<std::size_t>(Factor::seniority)] = seniority_value(s, job, true);
    e.factors[static_cast<std::size_t>(Factor::location)] = location_value(s, job, admits_[job.regions] != 0, true);
    e.factors[static_cast<std::size_t>(Factor::salary)] = salary_value(s, job, true);
    e.factors[static_cast<std::size_t>(Factor::visa)] = visa_value(s, job, true);
    e.factors[static_cast<std::size_t>(Factor::recency)] = recency_value(job, options_.today, true);
    std::vector<std::string> missing_optional;
    const auto entries = index_.skills_of(job);
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const std::string& name = index_.skill_names()[entries[i] >> 2];
      if (hits[i].has == Has::yes) e.matching.push_back(name);
      else if (hits[i].has == Has::implied) e.implied.push_back(name);
      else if (hits[i].required == 1) e.missing.push_back(name);
      else missing_optional.push_back(name);
    }
    e.missing.insert(e.missing.end(), missing_optional.begin(), missing_optional.end());
    finish(e, options_.weights);
    return e;
  }

  double share(std::size_t factor) const { return share_[factor]; }
  const std::pair<Has, float>& held(std::uint32_t skill) const { return have_[skill]; }

 private:
  const JobIndex& index_;
  const Query& query_;
  const RankOptions& options_;
  std::array<double, kFactorCount> share_{};
  std::vector<std::pair<Has, float>> have_;
  std::vector<std::uint8_t> slot_;
  std::vector<double> title_idf_;
  std::vector<double> tf_;
  double title_total_ = 0;
  std::optional<std::pair<float, float>> near_;
  std::vector<std::uint8_t> admits_;  // per remote-region set: open to the seeker's country
  double after_skills_ = 0, after_title_ = 0;  // weight of the factors still to come
};

struct Scored {
  double partial = 0;  // every factor but text
  std::uint32_t job = 0;
  double final = -1;   // once the text factor is known
  double text = 0;
};

// The best `limit` of `scored` (final scores known) with at most `per_company` per company.
std::vector<const Scored*> select(const std::vector<Scored>& scored, const JobIndex& index,
                                  std::size_t limit, std::size_t per_company, double min_score) {
  std::vector<const Scored*> order;
  for (const Scored& s : scored) {
    if (s.final >= min_score) order.push_back(&s);
  }
  std::stable_sort(order.begin(), order.end(), [&](const Scored* a, const Scored* b) {
    if (a->final != b->final) return a->final > b->final;
    return index.jobs()[a->job].id < index.jobs()[b->job].id;
  });
  std::unordered_map<std::uint32_t, std::size_t> per;
  std::vector<const Scored*> chosen;
  for (const Scored* s : order) {
    if (chosen.size() >= limit) break;
    if (per_company > 0 && per[index.jobs()[s->job].company]++ >= per_company) continue;
    chosen.push_back(s);
  }
  return chosen;
}

}  // namespace

Result<Ranking> rank_jobs(const store::Db& db, const JobIndex& index, const Query& query,
                          const RankOptions& options) {
  Ranking ranking;
  Scorer scorer(index, query, options);
  const double text_share = scorer.share(kText);
  const std::size_t cap = std::max<std::size_t>(options.max_rescored, options.limit);

  // Pass 1: every eligible job's score without the text factor; keep the best `cap` in a
  // min-heap.
  std::vector<Scored> heap;
  heap.reserve(cap + 1);
  auto worse = [](const Scored& a, const Scored& b) { return a.partial > b.partial; };
  std::vector<SkillHit> hits;
  const auto jobs = index.jobs();
  for (std::uint32_t i = 0; i < jobs.size(); ++i) {
    const JobFacts& job = jobs[i];
    if (!scorer.passes(job)) continue;
    ++ranking.eligible;
    const double floor = heap.size() == cap ? heap.front().partial : -1.0;
    const double partial = scorer.partial(job, hits, nullptr, floor);
    if (heap.size() == cap) {
      if (partial <= floor) continue;
      std::pop_heap(heap.begin(), heap.end(), worse);
      heap.pop_back();
    }
    heap.push_back({partial, i, -1, 0});
    std::push_heap(heap.begin(), heap.end(), worse);
  }
  const bool all_in_heap = ranking.eligible <= heap.size();
  const double outside_bound = all_in_heap || heap.empty() ? -1.0 : heap.front().partial + text_share;
  std::sort(heap.begin(), heap.end(), [](const Scored& a, const Scored& b) { return a.partial > b.partial; });

  // Pass 2: add the text factor, best upper bound first, until no unread job can enter the
  // top `limit` (its partial score plus the whole text weight is below the current last).
  auto reader = store::JobDescriptionReader::create(db);
  if (!reader) return reader.error();
  TextQuery text(query.text_words, &index);
  std::vector<Scored> done;
  double bar = -1;  // the limit-th selected final score, once there are `limit`
  for (std::size_t i = 0; i < heap.size(); ++i) {
    Scored s = heap[i];
    if (text_share > 0 && s.partial + text_share < options.min_score) break;
    if (bar >= 0 && s.partial + text_share < bar) break;
    if (text_share > 0) {
      auto description = reader->read(jobs[s.job].id);
      if (!description) return description.error();
      s.text = text.relevance(*description);
      ++ranking.rescored;
    }
    s.final = s.partial + text_share * s.text;
    done.push_back(s);
    if ((done.size() % 16 == 0 || i + 1 == heap.size()) && done.size() >= options.limit) {
      auto chosen = select(done, index, options.limit, options.per_company, options.min_score);
      if (chosen.size() >= options.limit) bar = chosen.back()->final;
    }
  }
  auto chosen = select(done, index, options.limit, options.per_company, options.min_score);
  const double last = chosen.size() >= options.limit ? chosen.back()->final : options.min_score;
  ranking.exact = all_in_heap || outside_bound < last;
  for (const Scored* s : chosen) {
    Match match;
    match.job_id = jobs[s->job].id;
    match.cluster_size = jobs[s->job].cluster_size;
    match.explanation = scorer.explain(jobs[s->job], s->text);
    ranking.matches.push_back(std::move(match));
  }
  return ranking;
}

std::string why_above(const Explanation& upper, const Explanation& lower) {
  std::vector<std::pair<double, std::size_t>> diffs;
  for (std::size_t f = 0; f < kFactorCount; ++f) {
    const double d = upper.contribution[f] - lower.contribution[f];
    if (std::abs(d) >= 0.0005) diffs.emplace_back(d, f);
  }
  if (diffs.empty()) return "ties on every factor (ordered by job id)";
  std::sort(diffs.begin(), diffs.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> gains, losses;
  for (const auto& [d, f] : diffs) {
    const std::string phrase = fmt::format("{} {:+.3f} ({} vs {})", factor_name(static_cast<Factor>(f)), d,
                                           upper.factors[f].note, lower.factors[f].note);
    if (d > 0 && gains.size() < 3) gains.push_back(phrase);
  }
  for (auto it = diffs.rbegin(); it != diffs.rend() && it->first < 0 && losses.size() < 2; ++it) {
    losses.push_back(fmt::format("{} {:+.3f}", factor_name(static_cast<Factor>(it->second)), it->first));
  }
  std::string out = fmt::format("{}", fmt::join(gains, ", "));
  if (!losses.empty()) out += fmt::format("; behind on {}", fmt::join(losses, ", "));
  return out;
}

Result<Gaps> skill_gaps(const store::Db& db, const JobIndex& index, const Query& query,
                        const RankOptions& options, double threshold) {
  Gaps gaps;
  gaps.threshold = threshold;
  Scorer scorer(index, query, options);
  const double text_share = scorer.share(kText);
  const double skills_share = scorer.share(kSkills);
  struct Relevant {
    double bound;
    double partial;
    double skills;
    std::uint32_t job;
  };
  std::vector<Relevant> relevant;
  std::vector<SkillHit> hits;
  const auto jobs = index.jobs();
  for (std::uint32_t i = 0; i < jobs.size(); ++i) {
    if (!scorer.passes(jobs[i])) continue;
    double skills = 0;
    const double partial = scorer.partial(jobs[i], hits, &skills);
    const double bound = partial + text_share + skills_share * (1.0 - skills);
    if (bound >= threshold && !hits.empty()) relevant.push_back({bound, partial, skills, i});
  }
  std::sort(relevant.begin(), relevant.end(), [](const Relevant& a, const Relevant& b) { return a.bound > b.bound; });
  if (relevant.size() > options.max_rescored) {
    relevant.resize(options.max_rescored);
    gaps.exact = false;
  }
  auto reader = store::JobDescriptionReader::create(db);
  if (!reader) return reader.error();
  TextQuery text(query.text_words, &index);
  std::unordered_map<std::uint32_t, Gap> by_skill;
  for (const Relevant& r : relevant) {
    const JobFacts& job = jobs[r.job];
    double final = r.partial;
    if (text_share > 0) {
      auto description = reader->read(job.id);
      if (!description) return description.error();
      final += text_share * text.relevance(*description);
    }
    ++gaps.relevant;
    if (final >= threshold) {
      ++gaps.above;
      continue;
    }
    scorer.fill_hits(job, hits);
    const auto entries = index.skills_of(job);
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (hits[i].has != Has::no) continue;
      const std::uint32_t skill = entries[i] >> 2;
      Gap& gap = by_skill[skill];
      if (gap.skill.empty()) gap.skill = index.skill_names()[skill];
      ++gap.asked;
      hits[i].has = Has::yes;
      const double with = skills_value(hits, query.own_skills.size(), false).value;
      hits[i].has = Has::no;
      if (final + skills_share * (with - r.skills) >= threshold - 1e-12) ++gap.added;
    }
  }
  for (auto& [skill, gap] : by_skill) gaps.skills.push_back(std::move(gap));
  std::sort(gaps.skills.begin(), gaps.skills.end(), [](const Gap& a, const Gap& b) {
    if (a.added != b.added) return a.added > b.added;
    if (a.asked != b.asked) return a.asked > b.asked;
    return a.skill < b.skill;
  });
  return gaps;
}

Result<std::vector<Candidate>> rank_seekers(const store::Db& db, std::int64_t job_id,
                                            const std::vector<NamedQuery>& seekers,
                                            const JobIndex* stats, const RankOptions& options) {
  auto job = store::find_job(db, job_id);
  if (!job) return job.error();
  JobFacts facts = facts_from_job(*job);
  auto sponsor = store::company_sponsors_visas(db, job_id);
  if (!sponsor) return sponsor.error();
  if (*sponsor) facts.sponsor = 1;
  const std::vector<std::string> title = words(job->title);
  facts.title_count = static_cast<std::uint8_t>(std::min<std::size_t>(title.size(), 255));
  const double title_docs = stats ? std::max(1.0, stats->title_docs()) : 2.0;
  const double title_average = stats && stats->title_average() > 0 ? stats->title_average()
                                                                   : static_cast<double>(title.size());
  std::vector<Candidate> out;
  for (const NamedQuery& seeker : seekers) {
    const Query& query = seeker.query;
    // Title relevance with the same formula as forward ranking.
    double title_sum = 0, title_total = 0;
    for (const std::string& word : query.title_words) {
      double idf = bm25_idf(title_docs, 0.5);
      if (stats) {
        const std::uint32_t id = stats->title_word(word);
        if (id != UINT32_MAX) idf = bm25_idf(title_docs, stats->title_df(id));
      } else {
        idf = bm25_idf(title_docs, 1.0);
      }
      title_total += idf;
      const double tf = static_cast<double>(std::count(title.begin(), title.end(), word));
      title_sum += bm25_term(idf, tf, static_cast<double>(title.size()), title_average);
    }
    const double title_relevance = title_total > 0 ? std::min(1.0, title_sum / title_total) : 0;
    const double text_relevance = TextQuery(query.text_words, stats).relevance(job->description);

    Explanation e;
    std::vector<SkillHit> hits;
    for (const model::JobSkill& skill : job->skills) {
      hits.push_back(query.hit(skill.name, skill.required ? (*skill.required ? 1 : 0) : -1));
    }
    const Seeker& s = query.seeker;
    e.factors[kSkills] = skills_value(hits, query.own_skills.size(), true);
    e.factors[kTitle] = title_value(s, facts, title_relevance, true);
    e.factors[kText] = {text_relevance, fmt::format("description relevance {:.0f}%", 100 * text_relevance)};
    e.factors[static_cast<std::size_t>(Factor::seniority)] = seniority_value(s, facts, true);
    e.factors[static_cast<std::size_t>(Factor::location)] =
        location_value(s, facts, region_admits(job->remote_regions, s.country), true);
    e.factors[static_cast<std::size_t>(Factor::salary)] = salary_value(s, facts, true);
    e.factors[static_cast<std::size_t>(Factor::visa)] = visa_value(s, facts, true);
    e.factors[static_cast<std::size_t>(Factor::recency)] = recency_value(facts, options.today, true);
    std::vector<std::string> missing_optional;
    for (std::size_t i = 0; i < hits.size(); ++i) {
      const std::string& name = job->skills[i].name;
      if (hits[i].has == Has::yes) e.matching.push_back(name);
      else if (hits[i].has == Has::implied) e.implied.push_back(name);
      else if (hits[i].required == 1) e.missing.push_back(name);
      else missing_optional.push_back(name);
    }
    e.missing.insert(e.missing.end(), missing_optional.begin(), missing_optional.end());
    finish(e, options.weights);
    if (e.score < options.min_score) continue;
    out.push_back({seeker.id, seeker.name, std::move(e)});
  }
  std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    return a.explanation.score > b.explanation.score;
  });
  if (out.size() > options.limit) out.resize(options.limit);
  return out;
}

}  // namespace hg::match
