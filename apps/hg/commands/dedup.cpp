// hg dedup [--dry-run] [--rebuild] [--explain JOB] | hg dedup split JOB: one row per real job.
#include <algorithm>
#include <chrono>
#include <thread>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "../checks.hpp"
#include "../commands.hpp"
#include "../dedup_run.hpp"
#include "../output.hpp"
#include "dedup/run.hpp"
#include "store/jobs.hpp"

namespace hg::cli {
namespace {

struct DedupArgs {
  bool dry_run = false;
  bool rebuild = false;
  std::int64_t explain = 0;
  std::size_t others = 5;
  std::int64_t split_job = 0;
};

nlohmann::ordered_json score_json(const dedup::PairScore& s) {
  nlohmann::ordered_json out = {{"merge", s.merge},
                                {"total", s.total},
                                {"title", s.title},
                                {"company", s.company},
                                {"description", s.description},
                                {"place", s.place},
                                {"date", s.date},
                                {"days", s.days},
                                {"same_url", s.same_url}};
  out["distance_km"] = s.distance_km >= 0 ? nlohmann::ordered_json(s.distance_km) : nullptr;
  out["conflict"] = s.conflict == dedup::Conflict::none ? nlohmann::ordered_json(nullptr)
                                                        : nlohmann::ordered_json(dedup::conflict_name(s.conflict));
  return out;
}

std::string place_of(const model::Job& job) {
  return job.location.empty() ? std::string("-") : job.location;
}

Result<void> run_dedup(Session& session, const DedupArgs& args) {
  auto db = session.open_store();
  if (!db) return db.error();
  const auto started = std::chrono::steady_clock::now();
  auto report = run_dedup_pass(session, *db, args.rebuild, args.dry_run);
  if (!report) return report.error();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  const bool table = session.output() == OutputFormat::table;
  // Every merge is listed for a dry run; a real run's are in the store (--explain shows them).
  nlohmann::ordered_json merges = nlohmann::ordered_json::array();
  if (args.dry_run) {
    for (const dedup::Merge& merge : report->merges) {
      nlohmann::ordered_json row = {{"job_a", merge.a}, {"job_b", merge.b}};
      if (args.dry_run) {
        auto a = store::find_job(*db, merge.a);
        auto b = store::find_job(*db, merge.b);
        if (!a) return a.error();
        if (!b) return b.error();
        row["title_a"] = a->title;
        row["company_a"] = a->company;
        row["place_a"] = place_of(*a);
        row["title_b"] = b->title;
        row["company_b"] = b->company;
        row["place_b"] = place_of(*b);
      }
      row["score"] = score_json(merge.score);
      merges.push_back(std::move(row));
    }
  }
  if (!table) {
    nlohmann::ordered_json out = {{"dry_run", args.dry_run},
                                  {"rebuild", args.rebuild},
                                  {"read", report->read},
                                  {"loaded", report->loaded},
                                  {"compared", report->compared},
                                  {"merges", report->merges.size()},
                                  {"kept_apart", report->refused},
                                  {"changed", report->changed},
                                  {"seconds", seconds},
                                  {"phases", {{"read", report->read_seconds},
                                              {"load", report->load_seconds},
                                              {"plan", report->plan_seconds},
                                              {"write", report->write_seconds}}}};
    if (args.dry_run) out["merged"] = merges;
    return print_json(session, out);
  }
  if (args.dry_run) {
    for (const auto& row : merges) {
      fmt::print("would merge {} and {} ({:.2f}): {} | {} | {}  <->  {} | {} | {}\n",
                 row["job_a"].get<std::int64_t>(), row["job_b"].get<std::int64_t>(),
                 row["score"]["total"].get<double>(), row["title_a"].get<std::string>(),
                 row["company_a"].get<std::string>(), row["place_a"].get<std::string>(),
                 row["title_b"].get<std::string>(), row["company_b"].get<std::string>(),
                 row["place_b"].get<std::string>());
    }
  }
  if (!session.quiet()) {
    fmt::print("{}{} new or changed postings compared with {} stored: {} pairs scored, {} merges{}, "
               "{} kept apart by a rule, {} postings {} cluster ({:.1f} s)\n",
               args.dry_run ? "dry run: " : "", report->read, report->loaded, report->compared,
               report->merges.size(), args.dry_run ? " would be made" : "", report->refused,
               report->changed, args.dry_run ? "would change" : "changed", seconds);
    if (session.verbosity() > 0) {
      fmt::print("  read and features {:.2f} s, stored features {:.2f} s, plan {:.2f} s, write {:.2f} s\n",
                 report->read_seconds, report->load_seconds, report->plan_seconds,
                 report->write_seconds);
    }
  }
  return {};
}

Result<void> run_explain(Session& session, const DedupArgs& args) {
  auto db = session.open_store();
  if (!db) return db.error();
  auto thresholds = dedup_thresholds(session);
  if (!thresholds) return thresholds.error();
  auto explanation = dedup::explain(*db, args.explain, *thresholds, args.others);
  if (!explanation) return explanation.error();
  auto job = store::find_job(*db, args.explain);
  if (!job) return job.error();

  std::size_t members = 1;
  for (const auto& row : explanation->rows) members += row.member;
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const auto& row : explanation->rows) {
    auto other = store::find_job(*db, row.job);
    if (!other) return other.error();
    rows.push_back({{"job", row.job},
                    {"member", row.member},
                    {"canonical", row.canonical},
                    {"title", other->title},
                    {"company", other->company},
                    {"place", place_of(*other)},
                    {"source", other->source},
                    {"score", score_json(row.score)}});
  }
  if (session.output() != OutputFormat::table) {
    nlohmann::ordered_json out = {{"job", args.explain},
                                  {"title", job->title},
                                  {"company", job->company},
                                  {"place", place_of(*job)},
                                  {"cluster", explanation->cluster == 0 ? nlohmann::ordered_json(nullptr)
                                                                        : nlohmann::ordered_json(explanation->cluster)},
                                  {"cluster_size", members},
                                  {"title_words", explanation->title_words},
                                  {"compared", rows}};
    return print_json(session, out);
  }
  fmt::print("job {}: {} | {} | {}\n", args.explain, job->title, job->company, place_of(*job));
  if (explanation->cluster == 0) {
    fmt::print("alone: no other posting is the same job\n");
  } else {
    fmt::print("cluster {} with {} postings{}\n", explanation->cluster, members,
               explanation->cluster == args.explain ? " (this one is canonical)" : "");
  }
  std::string words;
  for (const std::string& word : explanation->title_words) words += (words.empty() ? "" : " ") + word;
  fmt::print("title read as: {}\n", words);
  if (rows.empty()) return {};
  fmt::print("\n{:>8}  {:<9} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5}  {:<9} {}\n", "job", "", "score",
             "title", "comp", "text", "place", "days", "verdict", "posting");
  for (const auto& row : rows) {
    const auto& s = row["score"];
    std::string verdict = s["merge"].get<bool>() ? "same" : "apart";
    if (!s["conflict"].is_null()) verdict = s["conflict"].get<std::string>();
    std::string role = row["canonical"].get<bool>() ? "canonical" : row["member"].get<bool>() ? "member" : "";
    fmt::print("{:>8}  {:<9} {:>5.2f} {:>5.2f} {:>5.2f} {:>5.2f} {:>5.2f} {:>5}  {:<9} {} | {} | {}\n",
               row["job"].get<std::int64_t>(), role, s["total"].get<double>(), s["title"].get<double>(),
               s["company"].get<double>(), s["description"].get<double>(), s["place"].get<double>(),
               s["days"].get<int>(), verdict, row["title"].get<std::string>(),
               row["company"].get<std::string>(), row["place"].get<std::string>());
  }
  return {};
}

Result<void> run_split(Session& session, const DedupArgs& args) {
  auto db = session.open_store();
  if (!db) return db.error();
  auto members = dedup::split(*db, args.split_job, session.now_iso());
  if (!members) return members.error();
  if (session.output() != OutputFormat::table) {
    return print_json(session, {{"job", args.split_job}, {"split_from", *members}});
  }
  if (!session.quiet()) {
    std::string list;
    for (std::int64_t m : *members) list += (list.empty() ? "" : ", ") + std::to_string(m);
    fmt::print("job {} split from {} posting{} ({}); later runs keep them apart\n", args.split_job,
               members->size(), members->size() == 1 ? "" : "s", list);
  }
  return {};
}

}  // namespace

void add_dedup_command(CLI::App& root, Session& session) {
  auto args = std::make_shared<DedupArgs>();
  CLI::App* cmd = root.add_subcommand("dedup", "Merge the same job posted several times into one cluster");
  cmd->add_flag("--dry-run", args->dry_run, "Print what would merge; change nothing");
  cmd->add_flag("--rebuild", args->rebuild,
                "Forget earlier clusters (not your splits) and compare every posting again");
  cmd->add_option("--explain", args->explain, "Why JOB sits in its cluster, with the scores")
      ->option_text("JOB")
      ->check(positive_int());
  cmd->add_option("--others", args->others,
                  "With --explain: also show this many same-company postings kept apart (default 5)")
      ->option_text("N")
      ->check(non_negative_int());
  cmd->footer(
      "Thresholds: config dedup.score, dedup.title, dedup.company, dedup.description,\n"
      "dedup.window_days, dedup.distance_km. See man hg-dedup.");

  CLI::App* split = cmd->add_subcommand("split", "Take JOB out of its cluster and keep it out");
  split->add_option("JOB", args->split_job, "Job id")->required()->check(positive_int());
  split->callback([&session, args] { session.finish(run_split(session, *args)); });

  cmd->callback([&session, args, cmd] {
    if (!cmd->get_subcommands().empty()) return;  // split ran
    if (args->explain != 0) {
      session.finish(run_explain(session, *args));
    } else {
      session.finish(run_dedup(session, *args));
    }
  });
}

}  // namespace hg::cli
