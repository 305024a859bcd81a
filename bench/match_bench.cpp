// Speed and ranking of `hg match` against the reference design's matcher (match_baseline),
// on one store, in one program, so the two are measured side by side.
//
//   match_bench hg STORE PROFILE.json [RUNS]        hg: index open, cold, warm, reverse
//   match_bench baseline STORE PROFILE.json [RUNS]  the baseline: fit, query
//   match_bench rank STORE PROFILE.json...          top 10 of both, as JSON Lines (for
//                                                   bench/match_relevance.py)
// "cold" opens the store, loads the cached index, loads the taxonomy and the gazetteer, ranks
// and reads the 20 shown jobs, all from nothing in this process (the OS page cache is warm).
// "warm" repeats the query on the loaded index. "reverse" ranks every stored profile (100
// in the bench store) for one job. Peak RSS is the process's ru_maxrss at the end.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "match/index.hpp"
#include "match/query.hpp"
#include "match/rank.hpp"
#include "match_baseline.hpp"
#include "model/json.hpp"
#include "normalize/location.hpp"
#include "skills/taxonomy.hpp"
#include "store/jobs.hpp"
#include "store/profiles.hpp"
#include "store/statement.hpp"
#include "util/strings.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using hg::Result;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// CPU time of this process in ms (steadier than wall time on a shared machine).
double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1000.0 + static_cast<double>(t.tv_nsec) / 1e6;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

[[noreturn]] void die(const hg::Error& error) {
  std::fprintf(stderr, "match_bench: %s\n", error.message.c_str());
  std::exit(1);
}

template <class T>
T must(Result<T> r) {
  if (!r) die(r.error());
  return std::move(*r);
}

constexpr const char* kToday = "2026-11-21";

hg::match::RankOptions options() {
  hg::match::RankOptions o;
  o.today = *hg::match::day_number(kToday);
  return o;
}

// One forward query as `hg match -n 20` runs it: rank, then read the 20 shown jobs.
std::size_t forward(const hg::store::Db& db, const hg::match::JobIndex& index, const hg::match::Query& query,
                    std::size_t* rescored = nullptr, bool* exact = nullptr) {
  auto ranking = must(hg::match::rank_jobs(db, index, query, options()));
  for (const auto& m : ranking.matches) (void)must(hg::store::find_job(db, m.job_id));
  if (rescored) *rescored = ranking.rescored;
  if (exact) *exact = ranking.exact;
  return ranking.eligible;
}

int run_hg(const std::string& store, const std::string& profile_path, int runs) {
  const std::string resume = read_all(profile_path);
  const auto profile = must(hg::model::profile_from_json_resume(resume, "bench", kToday));
  const auto cache = hg::match::cache_path_for(store);

  // Index open: loads the cache, or builds and writes it when the store changed.
  {
    auto start = Clock::now();
    auto db = must(hg::store::Db::open(store, {.create_if_missing = false}));
    auto opened = must(hg::match::JobIndex::open(db, cache));
    std::printf("index %s: %.0f ms, %zu jobs, %.1f MiB in memory\n", opened.rebuilt ? "built" : "loaded",
                ms_since(start), opened.index.jobs().size(), static_cast<double>(opened.index.memory_bytes()) / 1048576.0);
  }
  {
    auto db = must(hg::store::Db::open(store, {.create_if_missing = false}));
    std::vector<double> times;
    for (int r = 0; r < runs; ++r) {
      auto start = Clock::now();
      (void)must(hg::match::read_signature(db));
      times.push_back(ms_since(start));
    }
    std::printf("store signature (is the cache current?): median %.1f ms\n", median(times));
  }
  // Cold, in process: nothing loaded before the clock starts.
  std::vector<double> cold, cold_cpu;
  std::vector<double> cold_parts[4];
  for (int r = 0; r < runs; ++r) {
    const double cpu_start = cpu_ms();
    auto start = Clock::now();
    auto db = must(hg::store::Db::open(store, {.create_if_missing = false}));
    auto t1 = Clock::now();
    auto opened = must(hg::match::JobIndex::open(db, cache));
    auto t2 = Clock::now();
    auto taxonomy = must(hg::skills::Taxonomy::load_builtin());
    auto gazetteer = must(hg::normalize::Gazetteer::embedded());
    auto query = must(hg::match::make_query(profile, {}, taxonomy, &gazetteer));
    auto t3 = Clock::now();
    forward(db, opened.index, query);
    cold.push_back(ms_since(start));
    cold_cpu.push_back(cpu_ms() - cpu_start);
    cold_parts[0].push_back(std::chrono::duration<double, std::milli>(t1 - start).count());
    cold_parts[1].push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
    cold_parts[2].push_back(std::chrono::duration<double, std::milli>(t3 - t2).count());
    cold_parts[3].push_back(ms_since(t3));
  }
  std::printf("cold (open store + load index + taxonomy/gazetteer + rank + read 20): median %.1f ms "
              "[open %.1f, index %.1f, query setup %.1f, rank %.1f] over %d runs; CPU median %.1f ms\n",
              median(cold), median(cold_parts[0]), median(cold_parts[1]), median(cold_parts[2]),
              median(cold_parts[3]), runs, median(cold_cpu));

  // Warm: the loaded index, the query rebuilt each time (as a server would).
  auto db = must(hg::store::Db::open(store, {.create_if_missing = false}));
  auto index = must(hg::match::JobIndex::open(db, cache)).index;
  auto taxonomy = must(hg::skills::Taxonomy::load_builtin());
  auto gazetteer = must(hg::normalize::Gazetteer::embedded());
  std::vector<double> warm, warm_cpu;
  std::size_t eligible = 0, rescored = 0;
  bool exact = true;
  for (int r = 0; r < std::max(runs, 11); ++r) {
    const double cpu_start = cpu_ms();
    auto start = Clock::now();
    auto query = must(hg::match::make_query(profile, {}, taxonomy, &gazetteer));
    eligible = forward(db, index, query, &rescored, &exact);
    warm.push_back(ms_since(start));
    warm_cpu.push_back(cpu_ms() - cpu_start);
  }
  std::printf("warm top 20: median %.1f ms (CPU %.1f ms; min %.1f, max %.1f) over %zu runs; %zu eligible jobs, "
              "%zu descriptions read, exact=%s\n",
              median(warm), median(warm_cpu), *std::min_element(warm.begin(), warm.end()),
              *std::max_element(warm.begin(), warm.end()), warm.size(), eligible, rescored, exact ? "yes" : "no");

  // Reverse: every stored profile for the first job of the top 20.
  auto query = must(hg::match::make_query(profile, {}, taxonomy, &gazetteer));
  auto top = must(hg::match::rank_jobs(db, index, query, options()));
  if (!top.matches.empty()) {
    const std::int64_t job = top.matches.front().job_id;
    std::vector<double> reverse, reverse_cpu;
    std::size_t count = 0;
    for (int r = 0; r < std::max(runs, 11); ++r) {
      const double cpu_start = cpu_ms();
      auto start = Clock::now();
      auto profiles = must(hg::store::list_profiles(db));
      std::vector<hg::match::NamedQuery> seekers;
      for (const auto& p : profiles) seekers.push_back({p.id, p.name, must(hg::match::make_query(p, {}, taxonomy, &gazetteer))});
      auto stats = hg::match::JobIndex::load(cache, true);
      auto all = options();
      all.limit = seekers.size();
      auto ranked = must(hg::match::rank_seekers(db, job, seekers, stats ? &*stats : nullptr, all));
      count = ranked.size();
      reverse.push_back(ms_since(start));
      reverse_cpu.push_back(cpu_ms() - cpu_start);
    }
    std::printf("reverse (%zu profiles for job %lld, loading them and the word statistics): median %.1f ms "
                "(CPU %.1f ms)\n", count, static_cast<long long>(job), median(reverse), median(reverse_cpu));
  }
  std::printf("peak RSS: %.0f MiB\n", peak_rss_mib());
  return 0;
}

// The store's jobs as the baseline reads them (heads of clusters and lone jobs, open ones).
std::vector<hg::bench::BaselineJob> baseline_jobs(const hg::store::Db& db) {
  std::unordered_map<std::int64_t, std::size_t> at;
  std::vector<hg::bench::BaselineJob> jobs;
  // Dedup clusters live in job_clusters (migration 006): a job is left out only when it is a
  // non-canonical member of a cluster, so the baseline ranks the same heads of clusters as hg.
  auto stmt = must(hg::store::Statement::prepare(
      db, "SELECT id, description, location, remote FROM jobs j WHERE closed_at IS NULL AND NOT EXISTS "
          "(SELECT 1 FROM job_clusters c WHERE c.job_id = j.id AND c.cluster_id != j.id) ORDER BY id"));
  while (must(stmt.step())) {
    hg::bench::BaselineJob job;
    job.id = stmt.column_int64(0);
    job.description = stmt.column_text(1);
    job.location = hg::util::to_lower(stmt.column_text(2));
    job.remote = stmt.column_text(3) == "remote";
    at.emplace(job.id, jobs.size());
    jobs.push_back(std::move(job));
  }
  auto skills = must(hg::store::Statement::prepare(
      db, "SELECT js.job_id, s.name FROM job_skills js JOIN skills s ON s.id = js.skill_id"));
  while (must(skills.step())) {
    auto it = at.find(skills.column_int64(0));
    if (it != at.end()) jobs[it->second].skills.push_back(hg::util::to_lower(skills.column_text(1)));
  }
  return jobs;
}

hg::bench::BaselineProfile baseline_profile(const std::string& resume_text) {
  const auto profile = must(hg::model::profile_from_json_resume(resume_text, "bench", kToday));
  const auto doc = nlohmann::json::parse(resume_text);
  hg::bench::BaselineProfile p;
  p.text = profile.label;
  for (const auto& t : profile.titles) p.text += " " + t;
  for (const auto& s : profile.skills) {
    p.text += " " + s.name;
    p.skills.push_back(hg::util::to_lower(s.name));
  }
  p.text += " " + doc.value("basics", nlohmann::json::object()).value("summary", std::string());
  p.years = profile.years_experience.value_or(0);
  const auto location = doc.value("basics", nlohmann::json::object()).value("location", nlohmann::json::object());
  p.city = hg::util::to_lower(location.value("city", std::string()));
  p.region = hg::util::to_lower(location.value("region", std::string()));
  return p;
}

int run_baseline(const std::string& store, const std::string& profile_path, int runs) {
  auto db = must(hg::store::Db::open(store, {.create_if_missing = false}));
  auto start = Clock::now();
  auto jobs = baseline_jobs(db);
  const double read_ms = ms_since(start);
  start = Clock::now();
  const double fit_cpu = cpu_ms();
  hg::bench::Baseline baseline;
  baseline.fit(jobs);
  const double fit_ms = ms_since(start);
  std::printf("baseline: read %zu jobs %.0f ms, fit (5,000 features, 1-2 grams) %.0f ms (CPU %.0f ms), "
              "%.1f MiB of vectors\n", jobs.size(), read_ms, fit_ms, cpu_ms() - fit_cpu,
              static_cast<double>(baseline.memory_bytes()) / 1048576.0);
  const auto profile = baseline_profile(read_all(profile_path));
  std::vector<double> times, cpu;
  for (int r = 0; r < std::max(runs, 5); ++r) {
    const double cpu_start = cpu_ms();
    auto t = Clock::now();
    auto top = baseline.query(profile, 20);
    for (const auto& [id, score] : top) (void)must(hg::store::find_job(db, id));
    times.push_back(ms_since(t));
    cpu.push_back(cpu_ms() - cpu_start);
  }
  std::printf("baseline query top 20 (+ read 20): median %.1f ms (CPU %.1f ms) over %zu runs\n", median(times),
              median(cpu), times.size());
  std::printf("peak RSS: %.0f MiB\n", peak_rss_mib());
  return 0;
}

int run_rank(const std::string& store, const std::vector<std::string>& profiles) {
  auto db = must(hg::store::Db::open(store, {.create_if_missing = false}));
  auto index = must(hg::match::JobIndex::open(db, hg::match::cache_path_for(store))).index;
  auto taxonomy = must(hg::skills::Taxonomy::load_builtin());
  auto gazetteer = must(hg::normalize::Gazetteer::embedded());
  auto jobs = baseline_jobs(db);
  hg::bench::Baseline baseline;
  baseline.fit(jobs);
  auto external = must(hg::store::Statement::prepare(db, "SELECT external_id FROM jobs WHERE id = ?1"));
  auto external_id = [&](std::int64_t id) {
    external.bind(1, id);
    std::string out = must(external.step()) ? external.column_text(0) : std::string();
    external.reset();
    return out;
  };
  for (const std::string& path : profiles) {
    const std::string text = read_all(path);
    const auto profile = must(hg::model::profile_from_json_resume(text, "bench", kToday));
    auto query = must(hg::match::make_query(profile, {}, taxonomy, &gazetteer));
    auto options_10 = options();
    options_10.limit = 10;
    auto ranking = must(hg::match::rank_jobs(db, index, query, options_10));
    nlohmann::json line = {{"profile", path}, {"hg", nlohmann::json::array()}, {"baseline", nlohmann::json::array()}};
    for (const auto& m : ranking.matches) line["hg"].push_back(external_id(m.job_id));
    for (const auto& [id, score] : baseline.query(baseline_profile(text), 10)) line["baseline"].push_back(external_id(id));
    std::printf("%s\n", line.dump().c_str());
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() >= 3 && args[0] == "hg") return run_hg(args[1], args[2], args.size() > 3 ? std::stoi(args[3]) : 11);
  if (args.size() >= 3 && args[0] == "baseline") {
    return run_baseline(args[1], args[2], args.size() > 3 ? std::stoi(args[3]) : 5);
  }
  if (args.size() >= 3 && args[0] == "rank") return run_rank(args[1], {args.begin() + 2, args.end()});
  std::fprintf(stderr,
               "usage: match_bench hg STORE PROFILE.json [RUNS]\n"
               "       match_bench baseline STORE PROFILE.json [RUNS]\n"
               "       match_bench rank STORE PROFILE.json...\n");
  return 2;
}
