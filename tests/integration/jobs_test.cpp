// `hg jobs list|search|show`, `hg config list` and `hg init` on the real binary: every
// machine-readable format parses, search text is never query syntax, and each filter narrows.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/cli_helpers.hpp"
#include "support/run_hg.hpp"
#include "support/temp_dir.hpp"

namespace {

using hg::testing::lines_of;
using hg::testing::at_now;

using hg::testing::fixture;
using hg::testing::Run;
using hg::testing::run_hg;
using hg::testing::RunOptions;
using hg::testing::TempDir;

constexpr const char* kNow = hg::testing::kTestNow;

// Five postings with one distinguishing value per filter; f5 is closed.
constexpr const char* kFilterJobs =
    R"({"id":"f1","board":"indeed","title":"Remote Data Engineer","company":"Acme Analytics",)"
    R"("remote":"remote","salary_min":150000,"salary_max":170000,"salary_period":"year",)"
    R"("salary_currency":"usd","date_posted":"2026-11-20","location":"Austin, TX","country":"us"})"
    "\n"
    R"({"id":"f2","board":"linkedin","title":"Hybrid Analyst","company":"Contoso",)"
    R"("remote":"hybrid","salary_min":40,"salary_max":50,"salary_period":"hour",)"
    R"("date_posted":"2026-11-01","country":"US"})"
    "\n"
    R"({"id":"f3","board":"glassdoor","title":"Onsite Welder","company":"ACME Fabrication",)"
    R"("remote":"onsite","salary_min":45000,"salary_max":55000,"salary_period":"year",)"
    R"("date_posted":"2026-10-01","country":"DE"})"
    "\n"
    R"({"id":"f4","board":"indeed","title":"C++ Developer","company":"Northwind",)"
    R"("description":"Modern c++ and SQL, near the \"AND OR\" NEAR( operators",)"
    R"("date_posted":"2026-11-18"})"
    "\n"
    R"({"id":"f5","board":"indeed","title":"Closed Role","company":"Acme Analytics",)"
    R"("date_posted":"2026-11-19","closed_at":"2026-11-20T00:00:00Z"})"
    "\n";

// RFC 4180: rows of fields; quoted fields may hold commas, quotes ("") and newlines.
// Fails the test on a stray quote or an unclosed one.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, was_quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c != '"')
        field.push_back(c);
      else if (i + 1 < text.size() && text[i + 1] == '"')
        field.push_back(text[++i]);
      else
        quoted = false;
    } else if (c == '"') {
      REQUIRE((field.empty() && !was_quoted));
      quoted = was_quoted = true;
    } else if (c == ',' || c == '\n') {
      row.push_back(std::move(field));
      field.clear();
      was_quoted = false;
      if (c == '\n') rows.push_back(std::move(row)), row.clear();
    } else {
      REQUIRE_FALSE(was_quoted);
      field.push_back(c);
    }
  }
  REQUIRE_FALSE(quoted);
  REQUIRE(field.empty());  // every row ends with a newline
  REQUIRE(row.empty());
  return rows;
}

std::vector<std::string> json_lines(const std::string& text) { return lines_of(text); }

// Runs a listing with --json and returns the external ids in output order.
std::vector<std::string> ids(const std::filesystem::path& db, std::vector<std::string> args) {
  args.push_back("--json");
  const Run run = run_hg(args, db, at_now());
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  std::vector<std::string> found;
  for (const auto& job : nlohmann::json::parse(run.out)) {
    found.push_back(job["external_id"].get<std::string>());
  }
  return found;
}

std::vector<std::string> sorted(std::vector<std::string> values) {
  std::sort(values.begin(), values.end());
  return values;
}

std::filesystem::path filter_store(const TempDir& dir) {
  const auto db = dir.file("hg.db");
  const Run run = run_hg({"import", "jobs", "-"}, db, at_now(kFilterJobs));
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  return db;
}

std::filesystem::path sample_store(const TempDir& dir) {
  const auto db = dir.file("hg.db");
  const Run run =
      run_hg({"import", "jobs", fixture("jobs/postings-sample.jsonl").string()}, db, at_now());
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  return db;
}

}  // namespace

TEST_CASE("job listings parse in every machine-readable format", "[cli]") {
  TempDir dir;
  const auto db = sample_store(dir);
  const std::vector<std::string> command =
      GENERATE(std::vector<std::string>{"jobs", "list", "-n", "25"},
               std::vector<std::string>{"jobs", "search", "data", "-n", "25"},
               std::vector<std::string>{"jobs", "list", "--source", "glassdoor", "-n", "25"});
  INFO(command[1]);

  auto run_as = [&](const std::string& format) {
    std::vector<std::string> args = command;
    args.push_back(format);
    const Run run = run_hg(args, db, at_now());
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.err.empty());
    return run.out;
  };
  const auto json = nlohmann::ordered_json::parse(run_as("--json"));  // keeps field order
  REQUIRE(json.is_array());
  REQUIRE(json.size() == 25);
  std::vector<std::string> fields;
  for (const auto& item : json[0].items()) fields.push_back(item.key());

  const auto jsonl = json_lines(run_as("--jsonl"));
  REQUIRE(jsonl.size() == 25);
  for (std::size_t i = 0; i < jsonl.size(); ++i) {
    CHECK(nlohmann::ordered_json::parse(jsonl[i]) == json[i]);
  }

  const auto csv = parse_csv(run_as("--csv"));
  REQUIRE(csv.size() == 26);
  CHECK(csv[0] == std::vector<std::string>(fields.begin(), fields.end()));
  for (std::size_t i = 1; i < csv.size(); ++i) {
    REQUIRE(csv[i].size() == fields.size());
    CHECK(csv[i][0] == std::to_string(json[i - 1]["id"].get<long>()));
    CHECK(csv[i][5] == json[i - 1]["title"]);
  }

  // Global options work before the subcommand too.
  std::vector<std::string> before = {"--jsonl"};
  before.insert(before.end(), command.begin(), command.end());
  CHECK(run_hg(before, db, at_now()).out == run_as("--jsonl"));
}

TEST_CASE("jobs show prints one job in every format", "[cli]") {
  TempDir dir;
  const auto db = sample_store(dir);
  Run run = run_hg({"jobs", "show", "7", "--json"}, db, at_now());
  REQUIRE(run.exit_code == 0);
  const auto job = nlohmann::json::parse(run.out);
  REQUIRE(job.is_object());  // one job, not an array of one
  CHECK(job["id"] == 7);
  CHECK(!job["description"].get<std::string>().empty());

  run = run_hg({"jobs", "show", "7", "--jsonl"}, db, at_now());
  REQUIRE(run.exit_code == 0);
  REQUIRE(lines_of(run.out).size() == 1);
  CHECK(nlohmann::json::parse(run.out) == job);

  run = run_hg({"jobs", "show", "7", "--csv"}, db, at_now());
  REQUIRE(run.exit_code == 0);
  const auto csv = parse_csv(run.out);
  REQUIRE(csv.size() == 2);
  CHECK(csv[1][0] == "7");

  run = run_hg({"jobs", "show", "7"}, db, at_now());
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::StartsWith("id               7\n"));
  CHECK_THAT(run.out, Catch::Contains("title            " + job["title"].get<std::string>()));
  CHECK_THAT(run.out, Catch::EndsWith(job["description"].get<std::string>() + "\n"));
}

TEST_CASE("config list and init parse in every machine-readable format", "[cli]") {
  TempDir dir;
  const auto db = dir.file("hg.db");
  RunOptions options = at_now();
  options.env["HG_CONFIG"] = dir.file("config.toml").string();
  Run run = run_hg({"init", "--json"}, db, options);
  REQUIRE(run.exit_code == 0);
  auto init = nlohmann::json::parse(run.out);
  CHECK(init == nlohmann::json{{"path", db.string()},
                               {"created", true},
                               {"schema_version_before", 0},
                               {"schema_version", 8}});
  run = run_hg({"init", "--jsonl"}, db, options);
  REQUIRE(run.exit_code == 0);
  REQUIRE(lines_of(run.out).size() == 1);
  CHECK(nlohmann::json::parse(run.out)["created"] == false);
  run = run_hg({"init", "--csv"}, db, options);
  REQUIRE(run.exit_code == 0);
  CHECK(parse_csv(run.out) == std::vector<std::vector<std::string>>{
                                  {"path", "created", "schema_version_before", "schema_version"},
                                  {db.string(), "false", "8", "8"}});

  run = run_hg({"config", "get", "jobs.limit", "--csv"}, db, options);
  REQUIRE(run.exit_code == 0);
  CHECK(parse_csv(run.out) == std::vector<std::vector<std::string>>{
                                  {"key", "value", "origin"}, {"jobs.limit", "20", "default"}});
  run = run_hg({"config", "get", "jobs.limit", "--jsonl"}, db, options);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out == "{\"key\":\"jobs.limit\",\"value\":\"20\",\"origin\":\"default\"}\n");

  run = run_hg({"config", "list", "--json"}, db, options);
  REQUIRE(run.exit_code == 0);
  const auto config = nlohmann::json::parse(run.out);
  REQUIRE(config.size() == 65);
  CHECK(config[0] == nlohmann::json{{"key", "store.path"},
                                    {"value", db.string()},
                                    {"origin", "env HG_DB"},
                                    {"description", config[0]["description"]}});
  run = run_hg({"config", "list", "--jsonl"}, db, options);
  REQUIRE(run.exit_code == 0);
  const auto jsonl = lines_of(run.out);
  REQUIRE(jsonl.size() == 65);
  for (std::size_t i = 0; i < jsonl.size(); ++i)
    CHECK(nlohmann::json::parse(jsonl[i]) == config[i]);
  run = run_hg({"config", "list", "--csv"}, db, options);
  REQUIRE(run.exit_code == 0);
  const auto csv = parse_csv(run.out);
  REQUIRE(csv.size() == 66);
  CHECK(csv[0] == std::vector<std::string>{"key", "value", "origin", "description"});
  CHECK(csv[5][0] == "jobs.limit");
  CHECK(csv[5][1] == "20");
}

TEST_CASE("search text is matched literally, never read as query syntax", "[cli]") {
  TempDir dir;
  const auto db = filter_store(dir);
  CHECK(ids(db, {"jobs", "search", "c++"}) == std::vector<std::string>{"f4"});
  CHECK(ids(db, {"jobs", "search", "c++ \"AND OR NEAR("}) == std::vector<std::string>{"f4"});
  for (const char* hostile :
       {"\"", "(", "*", "AND", "NOT", "title:x", "NEAR(a b", "a -b", "^", "'"}) {
    INFO(hostile);
    const Run run = run_hg({"jobs", "search", hostile, "--json"}, db, at_now());
    CHECK(run.exit_code == 0);
    CHECK(run.err.empty());
    CHECK(nlohmann::json::parse(run.out).is_array());
  }
  CHECK(ids(db, {"jobs", "search", "welder"}) == std::vector<std::string>{"f3"});
  CHECK(sorted(ids(db, {"jobs", "search", "acme"})) == std::vector<std::string>{"f1", "f3"});
}

TEST_CASE("each filter narrows the job list", "[cli]") {
  TempDir dir;
  const auto db = filter_store(dir);
  using Ids = std::vector<std::string>;
  // Newest posted first; the closed f5 only with --all.
  CHECK(ids(db, {"jobs", "list"}) == Ids{"f1", "f4", "f2", "f3"});
  CHECK(ids(db, {"jobs", "list", "--all"}) == Ids{"f1", "f5", "f4", "f2", "f3"});
  CHECK(ids(db, {"jobs", "list", "--remote", "remote"}) == Ids{"f1"});
  CHECK(ids(db, {"jobs", "list", "--remote", "hybrid"}) == Ids{"f2"});
  CHECK(ids(db, {"jobs", "list", "--remote", "onsite"}) == Ids{"f3"});
  CHECK(ids(db, {"jobs", "list", "--company", "acme"}) == Ids{"f1", "f3"});
  CHECK(ids(db, {"jobs", "list", "--company", "ACME FAB"}) == Ids{"f3"});
  CHECK(ids(db, {"jobs", "list", "--country", "de"}) == Ids{"f3"});
  CHECK(ids(db, {"jobs", "list", "--country", "US"}) == Ids{"f1", "f2"});
  CHECK(ids(db, {"jobs", "list", "--source", "glassdoor"}) == Ids{"f3"});
  // Annualised: f1 160k a year, f2 45 an hour = 93,600, f3 50k.
  CHECK(ids(db, {"jobs", "list", "--min-salary", "90000"}) == Ids{"f1", "f2"});
  CHECK(ids(db, {"jobs", "list", "--min-salary", "100000"}) == Ids{"f1"});
  CHECK(ids(db, {"jobs", "list", "--min-salary", "0"}) == Ids{"f1", "f2", "f3"});
  // HG_NOW is 2026-11-21.
  CHECK(ids(db, {"jobs", "list", "--since", "7d"}) == Ids{"f1", "f4"});
  CHECK(ids(db, {"jobs", "list", "--since", "3w"}) == Ids{"f1", "f4", "f2"});
  CHECK(ids(db, {"jobs", "list", "--since", "2026-11-19"}) == Ids{"f1"});
  CHECK(ids(db, {"jobs", "list", "--since", "7d", "--all"}) == Ids{"f1", "f5", "f4"});
  CHECK(ids(db, {"jobs", "list", "--company", "acme", "--remote", "onsite"}) == Ids{"f3"});
  CHECK(ids(db, {"jobs", "list", "-n", "2"}) == Ids{"f1", "f4"});
  CHECK(ids(db, {"jobs", "list", "-n", "2", "--offset", "1"}) == Ids{"f4", "f2"});
  CHECK(sorted(ids(db, {"jobs", "search", "analytics", "--all"})) == Ids{"f1", "f5"});
  CHECK(ids(db, {"jobs", "search", "analytics"}) == Ids{"f1"});
  CHECK(ids(db, {"jobs", "list", "--company", "nobody"}).empty());
}

TEST_CASE("search takes phrases in quotes and leaves out -words", "[cli]") {
  TempDir dir;
  const auto db = filter_store(dir);
  using Ids = std::vector<std::string>;
  CHECK(ids(db, {"jobs", "search", "data engineer"}) == Ids{"f1"});  // one argument: a phrase
  CHECK(ids(db, {"jobs", "search", "engineer data"}).empty());
  CHECK(ids(db, {"jobs", "search", "engineer", "data"}) == Ids{"f1"});  // two words
  CHECK(ids(db, {"jobs", "search", "acme -welder"}) == Ids{"f1"});
  Run run = run_hg({"jobs", "search", "--json", "--", "acme", "-welder"}, db, at_now());
  REQUIRE(run.exit_code == 0);
  CHECK(nlohmann::json::parse(run.out).size() == 1);
  run = run_hg({"jobs", "search", "acme", "-welder"}, db, at_now());  // read as an option
  CHECK(run.exit_code == 2);
  CHECK_THAT(run.err, Catch::EndsWith("hint: a word that starts with '-' goes after --, as in "
                                      "`hg jobs search data -- -senior`\n"));
  run = run_hg({"jobs", "search", "--", "-welder"}, db, at_now());
  CHECK(run.exit_code == 2);
  CHECK(run.err ==
        "hg: search: give at least one word to look for, not only words to leave out\n");
}

TEST_CASE("the table shows the normalised salary, the posting date and the postings count", "[cli]") {
  TempDir dir;
  const auto db = filter_store(dir);
  const Run run = run_hg({"jobs", "list", "--remote", "remote"}, db, at_now());
  REQUIRE(run.exit_code == 0);
  const auto rows = lines_of(run.out);
  REQUIRE(rows.size() == 2);
  CHECK_THAT(rows[0], Catch::StartsWith("ID  TITLE"));
  CHECK_THAT(rows[1], Catch::Contains("Remote Data Engineer"));
  CHECK_THAT(rows[1], Catch::Contains("USD 150k–170k/year"));
  CHECK_THAT(rows[1], Catch::Contains("2026-11-20"));
  CHECK_THAT(rows[0], Catch::EndsWith("POSTED      POSTINGS"));
  CHECK_THAT(rows[1], Catch::EndsWith("2026-11-20         1"));  // alone: one posting
}

TEST_CASE("a table with no rows is a line on stderr, JSON an empty array", "[cli]") {
  TempDir dir;
  const auto db = filter_store(dir);
  Run run = run_hg({"jobs", "search", "zeppelin"}, db, at_now());
  CHECK(run.exit_code == 0);
  CHECK(run.out.empty());
  CHECK(run.err == "no jobs match\n");
  run = run_hg({"jobs", "search", "zeppelin", "-q"}, db, at_now());
  CHECK(run.err.empty());
  run = run_hg({"jobs", "search", "zeppelin", "--json"}, db, at_now());
  CHECK(run.out == "[]\n");
}

TEST_CASE("an undated posting shows the day hg first saw it, marked with ~", "[cli]") {
  TempDir dir;
  const auto db = dir.file("hg.db");
  Run run = run_hg({"import", "jobs", "-"}, db,
                   at_now(R"({"id":"u1","title":"Welder","company":"Acme"})" "\n"));
  REQUIRE(run.exit_code == 0);
  run = run_hg({"jobs", "list"}, db, at_now());
  REQUIRE(run.exit_code == 0);
  const auto rows = lines_of(run.out);
  REQUIRE(rows.size() == 2);
  CHECK_THAT(rows[1], Catch::Contains("~2026-11-21"));
  run = run_hg({"jobs", "list", "--jsonl"}, db, at_now());
  const auto job = nlohmann::json::parse(run.out);
  CHECK(job["date_posted"].is_null());  // the record keeps "no date"; only the table marks it
}

TEST_CASE("the import summary parses in every machine-readable format", "[cli]") {
  TempDir dir;
  const auto db = dir.file("hg.db");
  const std::string input = "title,company\nWelder,Acme\n,Acme\n";
  Run run = run_hg({"import", "jobs", "-", "--jsonl"}, db, at_now(input));
  CHECK(run.exit_code == 3);
  REQUIRE(lines_of(run.out).size() == 1);
  const auto summary = nlohmann::ordered_json::parse(run.out);
  CHECK(summary["inserted"] == 1);
  CHECK(summary["rejected"] == 1);

  run = run_hg({"import", "jobs", "-", "--csv"}, db, at_now(input));
  CHECK(run.exit_code == 3);
  const auto csv = parse_csv(run.out);
  REQUIRE(csv.size() == 2);
  std::vector<std::string> keys;
  for (const auto& item : summary.items()) keys.push_back(item.key());
  CHECK(csv[0] == keys);
  CHECK(csv[1][4] == "0");  // inserted: Welder is now unchanged
  CHECK(nlohmann::json::parse(csv[1][8]) == summary["errors"]);  // nested as JSON text
}
