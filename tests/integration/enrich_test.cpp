// What `hg import jobs` derives from a posting's text, `--no-enrich`, `--jq` and
// `jobs search --any` on the real binary.
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/cli_helpers.hpp"
#include "support/run_hg.hpp"
#include "support/temp_dir.hpp"

namespace {

using hg::testing::at_now;
using hg::testing::lines_of;
using hg::testing::Run;
using hg::testing::run_hg;
using hg::testing::TempDir;

constexpr const char* kPosting =
    R"j({"id":"e1","source":"t","title":"Senior Python Developer (m/w/d)","company":"Acme GmbH",)j"
    R"j("location":"Berlin, DE","salary":"€60.000 - €75.000 brutto/Jahr","date_posted":"2025-05-01",)j"
    R"j("description":"Requirements:\nMust have Python and PostgreSQL experience.\n)j"
    R"j(Nice to have: Kubernetes.\nVisa sponsorship available. Full-time position."})j"
    "\n"
    R"j({"id":"e2","source":"t","title":"Pastry Chef","company":"Bakery","location":"Paris, FR",)j"
    R"j("description":"Croissants and baguettes, every morning."})j"
    "\n";

nlohmann::json first_job(const std::filesystem::path& db) {
  const Run run = run_hg({"jobs", "show", "1", "--json"}, db, at_now());
  REQUIRE(run.exit_code == 0);
  return nlohmann::json::parse(run.out);
}

TEST_CASE("import derives place, salary, visa and skills, and --no-enrich stores as mapped",
          "[cli]") {
  TempDir dir;
  const auto db = dir.file("hg.db");
  REQUIRE(run_hg({"import", "jobs", "-"}, db, at_now(kPosting)).exit_code == 0);
  const auto job = first_job(db);
  CHECK(job["city"] == "Berlin");
  CHECK(job["country"] == "DE");
  CHECK(job["seniority"] == "senior");
  CHECK(job["salary_min"] == 60000.0);
  CHECK(job["salary_currency"] == "EUR");
  CHECK(job["reporting_currency"] == "USD");
  CHECK(job["visa_sponsorship"] == true);
  CHECK(job["skills"] == nlohmann::json::parse(
                             R"([{"name":"Python","required":true},)"
                             R"({"name":"PostgreSQL","required":true},)"
                             R"({"name":"Kubernetes","required":false}])"));

  const auto raw_db = dir.file("raw.db");
  REQUIRE(run_hg({"import", "jobs", "--no-enrich", "-"}, raw_db, at_now(kPosting)).exit_code == 0);
  const auto raw = first_job(raw_db);
  CHECK(raw["city"].is_null());
  CHECK(raw["seniority"].is_null());
  CHECK(raw["salary_min"].is_null());
  CHECK(raw["skills"].empty());
}

TEST_CASE("a configured rates file that does not exist stops the import before it reads",
          "[cli]") {
  TempDir dir;
  const auto config = dir.write("config.toml", "[salary]\nrates_file = \"/nonexistent/rates.tsv\"\n");
  auto options = at_now(kPosting);
  options.env["HG_CONFIG"] = config.string();
  const Run run = run_hg({"import", "jobs", "-"}, dir.file("hg.db"), options);
  CHECK(run.exit_code == 4);
  CHECK(lines_of(run.err).at(0) ==
        "hg: config salary.rates_file: /nonexistent/rates.tsv: no such file");
}

TEST_CASE("jq programs filter the JSON output and a bad one is a usage error", "[cli]") {
  TempDir dir;
  const auto db = dir.file("hg.db");
  REQUIRE(run_hg({"import", "jobs", "-"}, db, at_now(kPosting)).exit_code == 0);
  Run run = run_hg({"jobs", "list", "--jq", ".[] | .title"}, db, at_now());
  REQUIRE(run.exit_code == 0);
  CHECK(lines_of(run.out) == std::vector<std::string>{"Pastry Chef",
                                                      "Senior Python Developer (m/w/d)"});
  run = run_hg({"jobs", "show", "1", "--jq", ".skills | length"}, db, at_now());
  CHECK(run.out == "3\n");
  run = run_hg({"jobs", "list", "--jq", ".["}, db, at_now());
  CHECK(run.exit_code == 2);
  CHECK(run.err.starts_with("hg: --jq: "));
  CHECK(lines_of(run.err).size() == 1);  // jq's own message spans lines
  run = run_hg({"export", "jobs", "--jq", "."}, db, at_now());
  CHECK(run.exit_code == 2);
}

TEST_CASE("jobs search --any finds postings with any of the words, all by default", "[cli]") {
  TempDir dir;
  const auto db = dir.file("hg.db");
  REQUIRE(run_hg({"import", "jobs", "-"}, db, at_now(kPosting)).exit_code == 0);
  auto titles = [&db](std::vector<std::string> args) {
    args.insert(args.end(), {"--jq", ".[] | .title"});
    const Run run = run_hg(args, db, at_now());
    REQUIRE(run.exit_code == 0);
    return lines_of(run.out);
  };
  CHECK(titles({"jobs", "search", "python", "croissants"}).empty());
  CHECK(titles({"jobs", "search", "--any", "python", "croissants"}).size() == 2);
  CHECK(titles({"jobs", "search", "--any", "croissants", "C#"}) ==
        std::vector<std::string>{"Pastry Chef"});  // a one-letter word does not match all
}

}  // namespace
