// Speed of normalisation + skill extraction (ingest::enrich) over real-sized postings, on one
// thread: the cost hg import and hg scrape add per posting beyond parsing and storing.
//   enrich_bench POSTINGS.jsonl [RUNS]
// Reads and maps every record first (not timed), loads the reference data (timed apart),
// then times enrich() over all of them RUNS times (default 5) and prints the median.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ingest/enrich.hpp"
#include "ingest/map_job.hpp"
#include "normalize/currency.hpp"
#include "normalize/employment.hpp"
#include "normalize/salary.hpp"
#include "normalize/title.hpp"
#include "skills/extract.hpp"
#include "normalize/location.hpp"
#include "normalize/visa.hpp"
#include "skills/taxonomy.hpp"
#include "util/embedded.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: enrich_bench POSTINGS.jsonl [RUNS]\n");
    return 2;
  }
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  std::ifstream in(argv[1], std::ios::binary);
  std::vector<hg::model::Job> jobs;
  std::size_t text_bytes = 0;
  std::string line;
  while (std::getline(in, line)) {
    auto record = nlohmann::json::parse(line, nullptr, false);
    if (!record.is_object()) continue;
    auto job = hg::ingest::map_job(record, {}, line);
    if (!job) continue;
    text_bytes += job->title.size() + job->description.size();
    jobs.push_back(std::move(*job));
  }

  const auto load_start = Clock::now();
  auto places = hg::normalize::Gazetteer::embedded();
  auto rates = hg::normalize::Rates::load(hg::normalize::builtin_rates_tsv());
  auto sponsors = hg::normalize::SponsorRegister::load(
      hg::util::embedded_data("visa/uk_sponsors.txt").value_or(std::string_view{}));
  auto skills = hg::skills::Taxonomy::load_builtin();
  if (!places || !rates || !sponsors || !skills) {
    std::fprintf(stderr, "enrich_bench: cannot load the reference data\n");
    return 1;
  }
  const double load_seconds = seconds_since(load_start);
  const hg::ingest::Enrichers with{.places = &*places, .rates = &*rates, .sponsors = &*sponsors,
                                   .skills = &*skills, .reporting_currency = "EUR",
                                   .fetched_at = {}};

  std::vector<double> times;
  std::size_t found_skills = 0;
  for (int run = 0; run < runs; ++run) {
    std::vector<hg::model::Job> copy = jobs;  // enrich fills only empty fields: start fresh
    const auto start = Clock::now();
    for (hg::model::Job& job : copy) hg::ingest::enrich(job, with);
    times.push_back(seconds_since(start));
    found_skills = 0;
    for (const auto& job : copy) found_skills += job.skills.size();
  }
  std::sort(times.begin(), times.end());
  const double median = times[times.size() / 2];
  std::printf("postings %zu, title+description %.1f MB\n", jobs.size(), text_bytes / 1e6);
  std::printf("reference data loaded in %.3f s\n", load_seconds);
  std::printf("enrich: median %.3f s of %d runs (min %.3f, max %.3f): %.0f postings/s, %.1f MB/s\n",
              median, runs, times.front(), times.back(), jobs.size() / median,
              text_bytes / 1e6 / median);
  std::printf("skills found: %zu (%.1f per posting)\n", found_skills,
              jobs.empty() ? 0.0 : static_cast<double>(found_skills) / jobs.size());
  // Where the time goes: each step alone over every posting, once (the order of enrich()).
  auto time_part = [&](const char* name, auto&& part) {
    const auto start = Clock::now();
    std::size_t sink = 0;
    for (const hg::model::Job& job : jobs) sink += part(job);
    std::printf("  %-12s %.3f s (%zu)\n", name, seconds_since(start), sink);
  };
  std::printf("steps, each alone:\n");
  time_part("location", [&](const hg::model::Job& job) {
    return hg::normalize::parse_location(*places, job.location).places.size();
  });
  time_part("title", [&](const hg::model::Job& job) {
    return hg::normalize::parse_title(job.title).family.size();
  });
  time_part("employment", [&](const hg::model::Job& job) {
    return hg::normalize::employment_type_from_text(job.title + "\n" + job.description).size();
  });
  time_part("salary", [&](const hg::model::Job& job) {
    auto salary = hg::normalize::parse_salary(job.salary_text, {.country = job.country,
                                                                 .default_period = {}});
    return static_cast<std::size_t>(salary.has_value());
  });
  time_part("visa", [&](const hg::model::Job& job) {
    return hg::normalize::visa_from_text(job.description).evidence.size();
  });
  time_part("skills", [&](const hg::model::Job& job) {
    return hg::skills::extract_skills(*skills, job.title + "\n" + job.description).size();
  });
  return 0;
}
