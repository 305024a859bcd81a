// hg jobs list|search|show: read the postings in the store, filtered, one row per cluster.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "../checks.hpp"
#include "../commands.hpp"
#include "../output.hpp"
#include "model/json.hpp"
#include "store/dedup.hpp"
#include "store/jobs.hpp"
#include "util/strings.hpp"

namespace hg::cli {
namespace {

struct JobsArgs {
  store::JobFilter filter;
  std::string since;
  int limit = 0;  // 0: config jobs.limit
  bool all = false;
  std::int64_t id = 0;
  std::vector<std::string> words;
};

// "7d", "2w", "24h", "3m" (months) or an ISO date -> an ISO date-time lower bound.
Result<std::string> since_bound(std::string_view text, const util::Clock& clock) {
  if (auto date = util::canonical_date(text)) return *date;
  if (text.size() >= 2) {
    auto count = util::parse_int(text.substr(0, text.size() - 1));
    const char unit = text.back();
    if (count && *count >= 0) {
      std::chrono::hours per{0};
      if (unit == 'h') per = std::chrono::hours{1};
      else if (unit == 'd') per = std::chrono::hours{24};
      else if (unit == 'w') per = std::chrono::hours{24 * 7};
      else if (unit == 'm') per = std::chrono::hours{24 * 30};
      if (per.count() > 0) {
        std::string bound = util::format_iso(clock.now() - per * *count);
        // Dates compare as prefixes of date-times; a "day" bound keeps whole days.
        return unit == 'h' ? bound : bound.substr(0, 10);
      }
    }
  }
  return fail(Errc::invalid_argument, "--since: expected an ISO date or a span like 7d, 2w, 24h, got \"{}\"",
              text);
}

constexpr Column kColumns[] = {
    {"ID", "id", 8, true},          {"TITLE", "title", 48},      {"COMPANY", "company", 28},
    {"LOCATION", "location", 26},   {"REMOTE", "remote", 6},     {"SALARY", "salary", 22},
    {"POSTED", "posted", 11},       {"POSTINGS", "postings", 8, true},
};

Result<void> run_list(Session& session, JobsArgs& args) {
  auto config = session.config();
  if (!config) return config.error();
  store::JobFilter filter = args.filter;
  // One shell word holding spaces ('hg jobs search "data engineer"') is a phrase, unless it
  // spells out its own query ('"data engineer" -senior').
  for (const std::string& word : args.words) {
    const bool phrase = word.find_first_of(" \t") != std::string::npos &&
                        word.find('"') == std::string::npos && !word.starts_with('-') &&
                        word.find(" -") == std::string::npos;
    filter.text += (filter.text.empty() ? "" : " ") + (phrase ? '"' + word + '"' : word);
  }
  filter.include_closed = args.all;
  filter.limit = args.limit > 0
                     ? args.limit
                     : static_cast<int>(util::parse_int((*config)->get("jobs.limit").value_or("20"))
                                            .value_or(20));
  if (session.output() != OutputFormat::table && args.limit == 0) filter.limit = 0;  // all
  if (!args.since.empty()) {
    auto bound = since_bound(args.since, session.clock());
    if (!bound) return bound.error();
    filter.since = *bound;
  }
  if (!filter.remote.empty() && filter.remote != "remote" && filter.remote != "hybrid" &&
      filter.remote != "onsite") {
    return fail(Errc::invalid_argument, "--remote: expected remote, hybrid or onsite");
  }
  auto db = session.open_store({.create_if_missing = false});
  if (!db) return db.error();
  auto jobs = store::list_jobs(*db, filter);
  if (!jobs) return jobs.error();
  std::vector<nlohmann::ordered_json> records;
  for (const model::Job& job : *jobs) {
    nlohmann::ordered_json record = job;
    // One row per dedup cluster: how many postings (boards, re-posts) it stands for.
    auto postings = job.cluster_id ? store::cluster_size(*db, job.id) : Result<std::int64_t>(1);
    if (!postings) return postings.error();
    record["postings"] = *postings;
    if (session.output() == OutputFormat::table) {
      record["salary"] = salary_cell(job);
      // "~": the posting gave no date; this is the day hg first saw it.
      record["posted"] = job.date_posted.empty() ? "~" + job.first_seen.substr(0, 10)
                                                 : job.date_posted.substr(0, 10);
    }
    records.push_back(std::move(record));
  }
  if (records.empty() && session.output() == OutputFormat::table && session.jq().empty()) {
    if (!session.quiet()) fmt::print(stderr, "no jobs match\n");  // rather than a bare header
    return {};
  }
  std::vector<std::string> fields = model::job_field_names();
  fields.push_back("postings");
  if (auto printed = print_records(session, records, kColumns, fields); !printed) {
    return printed.error();
  }
  if (session.output() == OutputFormat::table && !session.quiet() && session.stdout_is_tty()) {
    auto total = store::count_jobs(*db, filter);
    if (total && *total > static_cast<std::int64_t>(jobs->size())) {
      fmt::print(stderr, "showing {} of {} (use -n to see more)\n", jobs->size(), *total);
    }
  }
  return {};
}

Result<void> run_show(Session& session, const JobsArgs& args) {
  auto db = session.open_store({.create_if_missing = false});
  if (!db) return db.error();
  auto job = store::find_job(*db, args.id);
  if (!job) return job.error();
  nlohmann::ordered_json record = *job;
  if (session.output() != OutputFormat::table) {
    return print_json(session, record);  // one object, not an array of one
  }
  for (const auto& item : record.items()) {
    if (item.key() == "description" || item.value().is_null()) continue;
    fmt::print("{:<16} {}\n", item.key(), cell_text(item.value()));
  }
  fmt::print("\n{}\n", job->description);
  return {};
}

void add_filters(CLI::App* cmd, JobsArgs& args) {
  cmd->add_option("--company", args.filter.company, "Company name contains TEXT")->type_name("TEXT");
  cmd->add_option("--country", args.filter.country, "ISO 3166 country code, e.g. DE")
      ->type_name("CC")->check(country_code());
  cmd->add_option("--remote", args.filter.remote, "Only remote, hybrid or onsite jobs")
      ->type_name("remote|hybrid|onsite");
  cmd->add_option("--since", args.since, "Posted since a date or a span: 2026-11-01, 7d, 2w, 24h")
      ->type_name("WHEN");
  cmd->add_option("--min-salary", args.filter.min_salary, "Annualised salary at least AMOUNT")
      ->type_name("AMOUNT")->check(non_negative());
  cmd->add_option("--source", args.filter.source, "Only jobs from this source")->type_name("NAME");
  cmd->add_flag("--all", args.all, "Include closed jobs");
  cmd->add_option("-n,--limit", args.limit, "Show at most N jobs (config jobs.limit; default 20)")
      ->check(positive_int())->type_name("N");
  cmd->add_option("--offset", args.filter.offset, "Skip the first N jobs")
      ->check(non_negative_int())->type_name("N");
}

}  // namespace

void add_jobs_command(CLI::App& root, Session& session) {
  auto args = std::make_shared<JobsArgs>();
  CLI::App* cmd = root.add_subcommand("jobs", "List, search and show the jobs in the store");
  cmd->require_subcommand(1);

  CLI::App* list = cmd->add_subcommand("list", "List jobs, newest first");
  add_filters(list, *args);
  list->callback([&session, args] { session.finish(run_list(session, *args)); });

  CLI::App* search = cmd->add_subcommand("search", "Full-text search, best match first");
  search->add_option("text", args->words, "Words to find in title, company and description")
      ->required()->type_name("TEXT...");
  search->add_flag("--any", args->filter.any_word, "Match jobs with any of the words (default: all)");
  add_filters(search, *args);
  search->callback([&session, args] { session.finish(run_list(session, *args)); });

  CLI::App* show = cmd->add_subcommand("show", "Show one job with its description");
  show->add_option("id", args->id, "Job id")->required()->type_name("ID")->check(positive_int());
  show->callback([&session, args] { session.finish(run_show(session, *args)); });
}

}  // namespace hg::cli
