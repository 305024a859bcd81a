// hg match: rank jobs for a candidate (a saved profile, a JSON Resume or flags), the skills
// that would add the most matches (--gaps), or candidates for a job (--job ID). How the flags
// and the config become a profile and ranking options is in match_options.cpp.
#include "match_options.hpp"

#include <cmath>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "../checks.hpp"
#include "../commands.hpp"
#include "../enrichers.hpp"
#include "../match_records.hpp"
#include "../output.hpp"
#include "../session.hpp"
#include "match/index.hpp"
#include "match/query.hpp"
#include "match/rank.hpp"
#include "model/json.hpp"
#include "normalize/location.hpp"
#include "skills/taxonomy.hpp"
#include "store/jobs.hpp"
#include "store/profiles.hpp"
#include "util/strings.hpp"

namespace hg::cli {
namespace {

constexpr Column kJobColumns[] = {
    {"#", "rank", 3, true},        {"SCORE", "score", 5, true},   {"TITLE", "title", 40},
    {"COMPANY", "company", 24},    {"PLACE", "place", 24},        {"SALARY", "salary", 20},
    {"AGE", "age", 5, true},       {"WHY", "why_short", 70},
};

Result<void> run_forward(Session& session, const MatchArgs& args, const Config& config,
                         const skills::Taxonomy& taxonomy, const normalize::Gazetteer& gazetteer,
                         const store::Db& db) {
  auto options = rank_options(session, config, gazetteer, args);
  if (!options) return options.error();
  auto profile = seeker_profile(session, db, args, taxonomy, gazetteer);
  if (!profile) return profile.error();
  auto query = match::make_query(*profile, args.overrides, taxonomy, &gazetteer);
  if (!query) return query.error();
  auto opened = match::JobIndex::open(db, match::cache_path_for(db.path()), args.reindex);
  if (!opened) return opened.error();
  if (opened->rebuilt && session.verbosity() > 0) {
    session.warn(fmt::format("match index rebuilt: {} jobs", opened->index.jobs().size()));
  }
  const match::JobIndex& index = opened->index;

  if (args.gaps) {
    const double threshold = args.threshold ? *args.threshold
                                            : static_cast<double>(config_int(config, "match.gap_threshold", 70)) / 100.0;
    auto gaps = match::skill_gaps(db, index, *query, *options, threshold);
    if (!gaps) return gaps.error();
    std::vector<nlohmann::ordered_json> records;
    const std::size_t shown = std::min<std::size_t>(gaps->skills.size(), options->limit);
    for (std::size_t i = 0; i < shown; ++i) {
      const match::Gap& gap = gaps->skills[i];
      records.push_back({{"skill", gap.skill}, {"adds", gap.added}, {"asked", gap.asked}});
    }
    if (session.output() == OutputFormat::json) {
      nlohmann::ordered_json document = {{"threshold", gaps->threshold}, {"relevant", gaps->relevant},
                                         {"above", gaps->above},         {"exact", gaps->exact},
                                         {"skills", records}};
      return print_json(session, document);
    }
    constexpr Column kGapColumns[] = {{"SKILL", "skill", 32}, {"ADDS", "adds", 6, true}, {"ASKED", "asked", 6, true}};
    if (auto printed = print_records(session, records, kGapColumns, {"skill", "adds", "asked"}); !printed) {
      return printed.error();
    }
    if (session.output() == OutputFormat::table && !session.quiet()) {
      if (!records.empty() && gaps->skills.front().added > 0) {
        const std::size_t added = gaps->skills.front().added;
        fmt::print("\nlearning {} would add {} {} above {:.2f}\n", gaps->skills.front().skill, added,
                   added == 1 ? "match" : "matches", threshold);
      }
      fmt::print("{} jobs could reach {:.2f} with one more skill; {} already do{}\n", gaps->relevant,
                 threshold, gaps->above, gaps->exact ? "" : " (the best ones only: more were relevant)");
    }
    return {};
  }

  auto ranking = match::rank_jobs(db, index, *query, *options);
  if (!ranking) return ranking.error();
  std::vector<nlohmann::ordered_json> records;
  const bool table = session.output() == OutputFormat::table;
  for (std::size_t i = 0; i < ranking->matches.size(); ++i) {
    const match::Match& m = ranking->matches[i];
    auto job = store::find_job(db, m.job_id);
    if (!job) return job.error();
    const std::string posted = job->date_posted.empty() ? job->first_seen : job->date_posted;
    const auto day = match::day_number(posted);
    nlohmann::ordered_json record;
    record["rank"] = i + 1;
    record["score"] = round4(m.explanation.score);
    record["id"] = job->id;
    record["title"] = job->title;
    record["company"] = job->company;
    record["place"] = place_cell(*job);
    record["country"] = job->country;
    record["remote"] = job->remote;
    record["salary"] = salary_cell(*job);
    record["salary_annual"] = job->salary_reporting ? nlohmann::ordered_json(*job->salary_reporting) : nullptr;
    record["posted"] = posted.substr(0, std::min<std::size_t>(posted.size(), 10));
    record["age_days"] = day ? nlohmann::ordered_json(options->today - *day) : nullptr;
    record["cluster_size"] = m.cluster_size;
    record["url"] = job->url;
    add_explanation(record, m.explanation, options->weights);
    record["why"] = args.explain && i + 1 < ranking->matches.size()
                        ? match::why_above(m.explanation, ranking->matches[i + 1].explanation)
                        : "";
    if (table) {
      record["score"] = fmt::format("{:.3f}", m.explanation.score);
      // "~": the posting gave no date; its age counts from when hg first saw it.
      const char* seen = job->date_posted.empty() ? "~" : "";
      record["age"] = day ? fmt::format("{}{}d", seen, options->today - *day) : "";
      record["why_short"] = fmt::format("{}", fmt::join(m.explanation.reasons, "; "));
    }
    records.push_back(std::move(record));
  }
  if (table && args.explain && session.jq().empty()) {
    print_explained(records);
  } else {
    if (session.output() == OutputFormat::csv || table) {
      for (auto& record : records) flatten_lists(record);
    }
    if (auto printed = print_records(session, records, kJobColumns, job_fields()); !printed) {
      return printed.error();
    }
  }
  if (table && !session.quiet()) {
    if (records.empty()) {
      fmt::print(stderr, "no job passed the filters{}\n", ranking->eligible > 0 ? " with that score" : "");
    } else if (session.stdout_is_tty()) {
      fmt::print(stderr, "{} of {} eligible jobs{}\n", records.size(), ranking->eligible,
                 ranking->exact ? "" : fmt::format(" (descriptions read for the best {} only)", options->max_rescored));
    }
  }
  return {};
}

constexpr Column kProfileColumns[] = {
    {"#", "rank", 3, true},        {"SCORE", "score", 5, true},  {"PROFILE", "profile", 20},
    {"NAME", "full_name", 24},     {"PLACE", "place", 24},       {"YEARS", "years", 5, true},
    {"WHY", "why_short", 70},
};

Result<void> run_reverse(Session& session, const MatchArgs& args, const Config& config,
                         const skills::Taxonomy& taxonomy, const normalize::Gazetteer& gazetteer,
                         const store::Db& db) {
  match::RankOptions options;
  auto weights = weights_from(config);
  if (!weights) return weights.error();
  options.weights = *weights;
  options.limit = static_cast<std::size_t>(args.limit > 0 ? args.limit : 1000000);
  options.min_score = args.min_score;
  options.today = match::day_number(session.now_iso()).value_or(0);

  auto profiles = store::list_profiles(db);
  if (!profiles) return profiles.error();
  std::vector<match::NamedQuery> seekers;
  for (const model::Profile& profile : *profiles) {
    auto query = match::make_query(profile, {}, taxonomy, &gazetteer);
    if (!query) return context(query.error(), "profile " + profile.name);
    seekers.push_back({profile.id, profile.name, std::move(*query)});
  }
  // Word statistics from the cached index, when there is one; reverse ranking never builds it.
  auto stats = match::JobIndex::load(match::cache_path_for(db.path()), true);
  auto ranked = match::rank_seekers(db, args.job, seekers, stats ? &*stats : nullptr, options);
  if (!ranked) return ranked.error();

  std::vector<nlohmann::ordered_json> records;
  const bool table = session.output() == OutputFormat::table;
  for (std::size_t i = 0; i < ranked->size(); ++i) {
    const match::Candidate& c = (*ranked)[i];
    const model::Profile* profile = nullptr;
    for (const model::Profile& p : *profiles) {
      if (p.id == c.profile_id) profile = &p;
    }
    nlohmann::ordered_json record;
    record["rank"] = i + 1;
    record["score"] = round4(c.explanation.score);
    record["profile"] = c.name;
    record["full_name"] = profile ? profile->full_name : "";
    record["place"] = profile ? profile->location : "";
    record["years"] = profile && profile->years_experience
                          ? nlohmann::ordered_json(std::round(*profile->years_experience * 10) / 10)
                          : nullptr;
    record["job_id"] = args.job;
    add_explanation(record, c.explanation, options.weights);
    record["why"] = args.explain && i + 1 < ranked->size()
                        ? match::why_above(c.explanation, (*ranked)[i + 1].explanation)
                        : "";
    if (table) {
      record["score"] = fmt::format("{:.3f}", c.explanation.score);
      record["why_short"] = fmt::format("{}", fmt::join(c.explanation.reasons, "; "));
    }
    records.push_back(std::move(record));
  }
  std::vector<std::string> fields = {"rank", "score", "profile", "full_name", "place", "years", "job_id"};
  for (std::string& field : factor_fields()) fields.push_back(std::move(field));
  if (session.output() == OutputFormat::csv || table) {
    for (auto& record : records) flatten_lists(record);
  }
  if (table && args.explain) {
    for (auto& record : records) {
      if (!record["why"].get<std::string>().empty()) {
        record["why_short"] = record["why_short"].get<std::string>() + " | above next: " + record["why"].get<std::string>();
      }
    }
  }
  return print_records(session, records, kProfileColumns, fields);
}

Result<void> run_match(Session& session, const MatchArgs& input) {
  MatchArgs args = input;
  for (const std::string& skill : args.skills) {
    for (std::string& part : util::split(skill, ',')) {
      if (!util::trim(part).empty()) args.overrides.skills.emplace_back(util::trim(part));
    }
  }
  args.overrides.remote = args.remote;
  if (args.visa) args.overrides.needs_visa = true;
  if (!args.profile.empty() && !args.resume.empty()) {
    return fail(Errc::invalid_argument, "give --profile or --resume, not both");
  }
  auto config = session.config();
  if (!config) return config.error();
  auto taxonomy = load_taxonomy(session);
  if (!taxonomy) return taxonomy.error();
  auto gazetteer = normalize::Gazetteer::embedded();
  if (!gazetteer) return gazetteer.error();
  auto db = session.open_store({.create_if_missing = false});
  if (!db) return db.error();
  if (args.job != 0) return run_reverse(session, args, **config, *taxonomy, *gazetteer, *db);
  return run_forward(session, args, **config, *taxonomy, *gazetteer, *db);
}

}  // namespace

void add_match_command(CLI::App& root, Session& session) {
  auto args = std::make_shared<MatchArgs>();
  CLI::App* cmd = root.add_subcommand("match", "Rank jobs for a candidate, or candidates for a job");
  // The candidate.
  cmd->add_option("--profile", args->profile, "Rank for this saved profile (default: the default one)")
      ->type_name("NAME");
  cmd->add_option("--resume", args->resume,
                  "Rank for this resume: PDF, DOCX, HTML, text or JSON Resume (not saved)")->type_name("FILE");
  cmd->add_option("--skills", args->skills, "Skills, comma-separated (replace the profile's)")
      ->type_name("LIST");
  cmd->add_option("--title", args->overrides.title, "The title wanted, e.g. \"data engineer\"")->type_name("TEXT");
  cmd->add_option("--location", args->overrides.location, "Where the candidate lives, e.g. \"Austin, TX\"")
      ->type_name("PLACE");
  cmd->add_option("--remote", args->remote,
                  "remote: remote jobs only; hybrid: remote or hybrid; onsite: onsite or hybrid")
      ->type_name("MODE");
  cmd->add_option("--min-salary", args->overrides.min_salary,
                  "Annual salary wanted (reporting currency); drops jobs paying less")
      ->type_name("AMOUNT")->check(non_negative());
  cmd->add_flag("--visa", args->visa, "Needs visa sponsorship; drops jobs that say they do not sponsor");
  cmd->add_option("--years", args->overrides.years, "Years of experience")->type_name("N")
      ->check(between(0, 80));
  // Filters.
  cmd->add_option("--country", args->country, "Jobs in this country (or remote and open to it)")
      ->type_name("CC")->check(country_code());
  cmd->add_option("--near", args->near, "Jobs near this place (with --radius)")->type_name("PLACE");
  cmd->add_option("--radius", args->radius, "Kilometres around --near (default 50)")->type_name("KM")
      ->check(positive());
  cmd->add_option("--since", args->since, "Posted since a date or a span: 2026-11-01, 7d, 2w")->type_name("WHEN");
  cmd->add_option("--type", args->types, "Employment type: full_time, part_time, contract ...")
      ->type_name("TYPE")->delimiter(',');
  cmd->add_flag("--all", args->all, "Include closed jobs");
  // Output.
  cmd->add_option("-n,--limit", args->limit, "Show at most N results (config match.limit; 20)")
      ->check(positive_int())->type_name("N");
  cmd->add_option("--per-company", args->per_company, "At most N jobs per company (config match.per_company; 3; 0 no cap)")
      ->check(non_negative_int())->type_name("N");
  cmd->add_option("--min-score", args->min_score, "Hide results scoring below S")->check(between(0, 1))
      ->type_name("S");
  cmd->add_flag("--explain", args->explain, "Every factor, and why each result ranks above the next");
  cmd->add_flag("--gaps", args->gaps, "The missing skills that would add the most matches");
  cmd->add_option("--threshold", args->threshold, "Score a match must reach for --gaps (config match.gap_threshold)")
      ->check(between(0, 1))->type_name("S");
  CLI::Option* job = cmd->add_option("--job", args->job, "Rank the stored profiles for this job")
                         ->type_name("ID")->check(positive_int());
  cmd->add_flag("--reindex", args->reindex, "Rebuild the match index even if the store looks unchanged");
  // Ranking the profiles for one job uses no candidate, job filter or index option: given
  // with --job they are refused (exit 2), not silently ignored.
  std::vector<CLI::Option*> not_with_job;
  for (const char* name : {"--profile", "--resume", "--skills", "--title", "--location", "--remote",
                           "--min-salary", "--visa", "--years", "--country", "--near", "--radius",
                           "--since", "--type", "--all", "--per-company", "--gaps", "--threshold",
                           "--reindex"}) {
    not_with_job.push_back(cmd->get_option(name));
  }
  cmd->callback([&session, args, job, not_with_job] {
    for (const CLI::Option* option : not_with_job) {
      if (job->count() > 0 && option->count() > 0) {
        session.finish(fail(Errc::invalid_argument,
                            "{} does not apply to --job (ranking the stored profiles for a job)",
                            option->get_name()));
        return;
      }
    }
    session.finish(run_match(session, *args));
  });
}

}  // namespace hg::cli
