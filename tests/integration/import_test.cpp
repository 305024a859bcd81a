// `hg import jobs` and `hg export jobs` on the real binary: real postings in three formats,
// idempotent re-imports, byte-identical export round trips, and bad input that is reported
// record by record without touching what the store already holds.
#include <chrono>
#include <csignal>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/cli_helpers.hpp"
#include "support/run_hg.hpp"
#include "support/sql.hpp"
#include "support/temp_dir.hpp"

namespace {

using hg::testing::lines_of;

using hg::testing::fixture;
using hg::testing::read_file;
using hg::testing::Run;
using hg::testing::run_hg;
using hg::testing::sql_scalar;
using hg::testing::RunOptions;
using hg::testing::TempDir;

constexpr const char* kNow = hg::testing::kTestNow;
constexpr std::size_t kSampleSize = 300;

// HG_NOW fixed at `now`; `input` on stdin (none: /dev/null).
RunOptions at(const std::string& now, std::optional<std::string> input = std::nullopt) {
  RunOptions options;
  options.env["HG_NOW"] = now;
  options.stdin_text = std::move(input);
  return options;
}
RunOptions with_input(std::string input) { return at(kNow, std::move(input)); }

// Imports `file` with --json at `now`, which must succeed, and returns the summary.
nlohmann::json import_json(const std::filesystem::path& db, const std::string& file,
                           const std::string& now = kNow) {
  const Run run = run_hg({"import", "jobs", file, "--json"}, db, at(now));
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.err.empty());
  return nlohmann::json::parse(run.out);
}

// The store's jobs as JSON Lines, in id order.
std::string export_jobs(const std::filesystem::path& db) {
  const Run run = run_hg({"export", "jobs"}, db, at(kNow));
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  return run.out;
}

std::vector<nlohmann::json> exported_jobs(const std::filesystem::path& db) {
  std::vector<nlohmann::json> jobs;
  for (const std::string& line : lines_of(export_jobs(db))) {
    jobs.push_back(nlohmann::json::parse(line));
  }
  return jobs;
}

void check_counts(const nlohmann::json& summary, std::size_t read, std::size_t inserted,
                  std::size_t updated, std::size_t unchanged, std::size_t rejected) {
  INFO(summary.dump(2));
  CHECK(summary["read"] == read);
  CHECK(summary["inserted"] == inserted);
  CHECK(summary["updated"] == updated);
  CHECK(summary["unchanged"] == unchanged);
  CHECK(summary["rejected"] == rejected);
  CHECK(summary["errors"].size() == rejected);
}

// A store with two jobs in it, for checking that bad input leaves them alone.
std::filesystem::path seeded_store(const TempDir& dir) {
  const auto db = dir.file("hg.db");
  const Run run = run_hg({"import", "jobs", "-", "--source", "seed"}, db,
                         with_input("{\"id\":\"s1\",\"title\":\"Seed One\","
                                    "\"company\":\"Seed Co\"}\n"
                                    "{\"id\":\"s2\",\"title\":\"Seed Two\","
                                    "\"company\":\"Seed Co\"}\n"));
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  return db;
}

// The store still opens, is up to date, and holds `before` as its first records.
void check_store_kept(const std::filesystem::path& db, const std::string& before) {
  const Run init = run_hg({"init"}, db, at(kNow));
  CHECK(init.exit_code == 0);
  CHECK(init.err.empty());
  CHECK(sql_scalar(db, "PRAGMA integrity_check") == "ok");
  const std::string after = export_jobs(db);
  CHECK(after.substr(0, before.size()) == before);
}

}  // namespace

TEST_CASE("importing the sample postings stores every record in each input format", "[cli]") {
  const std::string format = GENERATE(as<std::string>{}, "jsonl", "json", "csv");
  TempDir dir;
  const auto db = dir.file("hg.db");
  const std::string file = fixture("jobs/postings-sample." + format).string();

  const nlohmann::json first = import_json(db, file);
  CHECK(first["format"] == format);
  CHECK(first["dry_run"] == false);
  CHECK(first["stopped"] == "");
  check_counts(first, kSampleSize, kSampleSize, 0, 0, 0);

  const auto jobs = exported_jobs(db);
  REQUIRE(jobs.size() == kSampleSize);
  std::map<std::string, int> by_source;
  int with_salary = 0, with_url = 0, with_html = 0;
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    CHECK(jobs[i]["id"] == i + 1);  // ids follow input order in a fresh store
    CHECK(jobs[i]["first_seen"] == kNow);
    ++by_source[jobs[i]["source"].get<std::string>()];
    with_salary += jobs[i]["salary_min"].is_null() ? 0 : 1;
    with_url += jobs[i]["url"].is_null() ? 0 : 1;
    with_html += jobs[i]["description_html"].is_null() ? 0 : 1;
  }
  CHECK(by_source ==
        std::map<std::string, int>{{"glassdoor", 80}, {"indeed", 140}, {"linkedin", 80}});
  CHECK(with_salary == 120);
  CHECK(with_url == 52);
  CHECK(with_html == 40);

  SECTION("importing the same file again changes nothing") {
    const std::string before = export_jobs(db);
    check_counts(import_json(db, file, "2026-11-22T08:00:00Z"), kSampleSize, 0, 0, kSampleSize, 0);
    CHECK(export_jobs(db) == before);
  }
}

TEST_CASE("the JSON Lines, JSON and CSV samples hold the same postings", "[cli]") {
  TempDir dir;
  const auto db = dir.file("hg.db");
  check_counts(import_json(db, fixture("jobs/postings-sample.jsonl").string()), kSampleSize,
               kSampleSize, 0, 0, 0);
  const std::string before = export_jobs(db);
  for (const char* other : {"jobs/postings-sample.json", "jobs/postings-sample.csv"}) {
    INFO(other);
    check_counts(import_json(db, fixture(other).string()), kSampleSize, 0, 0, kSampleSize, 0);
  }
  CHECK(export_jobs(db) == before);
}

TEST_CASE("export then import into a new store gives a byte-identical export", "[cli]") {
  const std::string format = GENERATE(as<std::string>{}, "--jsonl", "--json", "--csv");
  INFO(format);
  TempDir dir;
  const auto first = dir.file("first.db");
  import_json(first, fixture("jobs/postings-sample.jsonl").string());
  const auto exported = dir.file("export.out");
  const Run out = run_hg({"export", "jobs", format, "-o", exported.string()}, first, at(kNow));
  INFO(out.err);
  REQUIRE(out.exit_code == 0);
  CHECK(out.out.empty());
  const std::string original = read_file(exported);
  REQUIRE(!original.empty());
  CHECK(run_hg({"export", "jobs", format}, first, at(kNow)).out == original);  // -o = stdout

  // A later "now": first_seen and last_seen travel with the records.
  const auto second = dir.file("second.db");
  check_counts(import_json(second, exported.string(), "2027-03-01T00:00:00Z"), kSampleSize,
               kSampleSize, 0, 0, 0);
  const Run again = run_hg({"export", "jobs", format}, second, at("2027-03-01T00:00:00Z"));
  REQUIRE(again.exit_code == 0);
  CHECK(again.out.size() == original.size());
  CHECK(again.out == original);

  SECTION("and importing the export into the store it came from changes nothing") {
    check_counts(import_json(first, exported.string(), "2027-03-01T00:00:00Z"), kSampleSize, 0, 0,
                 kSampleSize, 0);
    CHECK(run_hg({"export", "jobs", format}, first, at(kNow)).out == original);
  }
}

TEST_CASE("a dry run reads and checks every record but stores nothing", "[cli]") {
  TempDir dir;
  const auto db = seeded_store(dir);
  const std::string before = export_jobs(db);
  const Run run = run_hg(
      {"import", "jobs", fixture("jobs/postings-sample.csv").string(), "--dry-run", "--json"}, db,
      at(kNow));
  REQUIRE(run.exit_code == 0);
  const auto summary = nlohmann::json::parse(run.out);
  CHECK(summary["dry_run"] == true);
  check_counts(summary, kSampleSize, 0, 0, 0, 0);
  CHECK(export_jobs(db) == before);
}

TEST_CASE("records read from stdin are stored under the --source given", "[cli]") {
  TempDir dir;
  const auto db = dir.file("hg.db");
  const Run run =
      run_hg({"import", "jobs", "-", "--source", "careers-page", "--json", "--chunk-size", "1"}, db,
             with_input("title,employer\nWelder,Acme\nPainter,Acme\n"));
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const auto summary = nlohmann::json::parse(run.out);
  CHECK(summary["file"] == "-");
  CHECK(summary["format"] == "csv");
  check_counts(summary, 2, 2, 0, 0, 0);
  const auto jobs = exported_jobs(db);
  REQUIRE(jobs.size() == 2);
  CHECK(jobs[0]["title"] == "Welder");
  CHECK(jobs[0]["company"] == "Acme");
  CHECK(jobs[0]["source"] == "careers-page");
}

TEST_CASE("import --map reads an hg field from a column of another name", "[cli]") {
  TempDir dir;
  const auto db = dir.file("hg.db");
  const Run run = run_hg(
      {"import", "jobs", "-", "--map", "title=Posting Name", "--map", "company=Firm", "--json"}, db,
      with_input("Posting Name,Firm\nSurveyor,Fabrikam\n"));
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  check_counts(nlohmann::json::parse(run.out), 1, 1, 0, 0, 0);
  const auto jobs = exported_jobs(db);
  REQUIRE(jobs.size() == 1);
  CHECK(jobs[0]["title"] == "Surveyor");
  CHECK(jobs[0]["company"] == "Fabrikam");

  const Run unknown = run_hg({"import", "jobs", "-", "--map", "colour=x"}, db, at(kNow));
  CHECK(unknown.exit_code == 2);
  CHECK(lines_of(unknown.err).at(0) == "hg: --map: unknown field \"colour\"");
}

TEST_CASE("a JSON Lines file cut off mid-record keeps the records before the cut", "[cli]") {
  TempDir dir;
  const auto db = seeded_store(dir);
  const std::string before = export_jobs(db);
  const std::string file = fixture("bad/truncated.jsonl").string();

  const Run run = run_hg({"import", "jobs", file, "--json"}, db, at(kNow));
  CHECK(run.exit_code == 3);
  const auto errors = lines_of(run.err);
  REQUIRE(errors.size() == 1);
  CHECK_THAT(errors[0], Catch::StartsWith("hg: import: " + file +
                                          ": record 4 (line 4): invalid JSON: parse error at "
                                          "line 1, column 701"));
  const auto summary = nlohmann::json::parse(run.out);
  check_counts(summary, 4, 3, 0, 0, 1);
  CHECK(summary["errors"][0]["record"] == 4);
  CHECK(summary["errors"][0]["line"] == 4);

  check_store_kept(db, before);
  const auto jobs = exported_jobs(db);
  REQUIRE(jobs.size() == 5);
  CHECK(jobs[2]["external_id"] == "p177bda93ddb4");
  CHECK(jobs[3]["external_id"] == "p8151bdd289e7");
  CHECK(jobs[4]["external_id"] == "p6600bced99a7");
}

TEST_CASE("a JSON array cut off mid-element names that element and keeps the ones before",
          "[cli]") {
  TempDir dir;
  const auto db = seeded_store(dir);
  const std::string before = export_jobs(db);
  const Run run = run_hg({"import", "jobs", "-", "--json"}, db,
                         with_input("[{\"title\":\"Baker\",\"company\":\"Crumbs\"},\n"
                                    "{\"title\":\"Cook\",\"comp"));
  CHECK(run.exit_code == 3);
  CHECK(run.err ==
        "hg: import: stdin: record 2 (line 2): the JSON array ends before it is closed\n");
  check_counts(nlohmann::json::parse(run.out), 2, 1, 0, 0, 1);
  check_store_kept(db, before);
  CHECK(exported_jobs(db).size() == 3);
}

TEST_CASE("a binary file is rejected as a whole and nothing is stored", "[cli]") {
  TempDir dir;
  const auto db = seeded_store(dir);
  const std::string before = export_jobs(db);
  std::string bytes;
  for (int round = 0; round < 64; ++round) {
    for (int byte = 0; byte < 256; ++byte) bytes.push_back(static_cast<char>(byte));
  }
  const auto file = dir.write("blob.jsonl", bytes);

  const Run run = run_hg({"import", "jobs", file.string()}, db, at(kNow));
  CHECK(run.exit_code == 3);
  CHECK(run.out.empty());
  CHECK(run.err == "hg: import: " + file.string() +
                       ": input is binary or not UTF-8 (byte 0); expected JSON, JSON Lines or "
                       "CSV\n");
  check_store_kept(db, before);
  CHECK(export_jobs(db) == before);
}

TEST_CASE("a 200 MB line is rejected without being stored", "[cli][slow]") {
  TempDir dir;
  const auto db = seeded_store(dir);
  const std::string before = export_jobs(db);
  const auto file = dir.file("huge.jsonl");
  {
    std::ofstream out(file, std::ios::binary);
    out << "{\"title\":\"";
    const std::string chunk(1 << 20, 'a');
    for (int i = 0; i < 200; ++i) out << chunk;
    out << "\",\"company\":\"Huge Co\"}\n";
    REQUIRE(out.good());
  }
  const std::string expected = ": record 1 (line 1): line longer than 8388608 bytes\n";

  SECTION("from a file") {
    const Run run = run_hg({"import", "jobs", file.string(), "--json"}, db, at(kNow));
    CHECK(run.exit_code == 3);
    CHECK(run.err == "hg: import: " + file.string() + expected);
    check_counts(nlohmann::json::parse(run.out), 1, 0, 0, 0, 1);
  }
  SECTION("from stdin") {
    RunOptions options = at(kNow);
    options.stdin_file = file;
    const Run run = run_hg({"import", "jobs", "-"}, db, options);
    CHECK(run.exit_code == 3);
    CHECK(run.err == "hg: import: stdin" + expected);
  }
  check_store_kept(db, before);
  CHECK(export_jobs(db) == before);
}

TEST_CASE("records missing a title or a company are rejected by field and the rest stored",
          "[cli]") {
  TempDir dir;
  const auto db = seeded_store(dir);
  const std::string before = export_jobs(db);
  const std::string file = fixture("bad/missing-fields.jsonl").string();

  const Run run = run_hg({"import", "jobs", file, "--json"}, db, at(kNow));
  CHECK(run.exit_code == 3);
  const std::string prefix = "hg: import: " + file + ": ";
  CHECK(lines_of(run.err) == std::vector<std::string>{
                                 prefix + "record 2 (line 2): title: missing",
                                 prefix + "record 3 (line 3): company: missing",
                                 prefix + "record 4 (line 4): title: missing",
                                 prefix + "record 5 (line 5): company: missing",
                                 prefix + "record 6 (line 6): salary_min: not a number: \"lots\"",
                                 prefix + "record 7 (line 7): date_posted: not a date: "
                                          "\"yesterday-ish\"",
                             });
  const auto summary = nlohmann::json::parse(run.out);
  check_counts(summary, 8, 2, 0, 0, 6);
  CHECK(summary["errors"][0] ==
        nlohmann::json{{"record", 2}, {"line", 2}, {"error", "title: missing"}});

  check_store_kept(db, before);
  const auto jobs = exported_jobs(db);
  REQUIRE(jobs.size() == 4);
  CHECK(jobs[2]["external_id"] == "mf-1");
  CHECK(jobs[3]["external_id"] == "mf-8");
  CHECK(jobs[3]["remote"] == "onsite");
}

TEST_CASE("a CSV file with malformed rows stores its good rows and names the bad ones", "[cli]") {
  TempDir dir;
  const auto db = seeded_store(dir);
  const std::string before = export_jobs(db);
  const std::string file = fixture("bad/malformed.csv").string();

  const Run run = run_hg({"import", "jobs", file, "--json"}, db, at(kNow));
  CHECK(run.exit_code == 3);
  const std::string prefix = "hg: import: " + file + ": ";
  CHECK(lines_of(run.err) ==
        std::vector<std::string>{prefix + "record 2 (line 3): 4 fields where the header has 5",
                                 prefix + "record 3 (line 4): text after a closing quote"});
  check_counts(nlohmann::json::parse(run.out), 5, 3, 0, 0, 2);

  check_store_kept(db, before);
  const auto jobs = exported_jobs(db);
  REQUIRE(jobs.size() == 5);
  CHECK(jobs[2]["location"] == "Austin, TX");
  CHECK(jobs[3]["title"] == "Teacher");
  CHECK(jobs[4]["title"] == "Analyst, \"Senior\"");
}

TEST_CASE("CSV with semicolons or tabs is read as such, and --delimiter says which", "[cli]") {
  TempDir dir;
  const auto db = dir.file("hg.db");
  // A spreadsheet export in a locale with decimal commas: ';' between fields.
  nlohmann::json summary = nlohmann::json::parse(
      run_hg({"import", "jobs", "-", "--json"}, db,
             with_input("\xEF\xBB\xBFtitle;company;location;salary\r\n"
                        "Welder;Acme;\"Berlin, DE\";\"45.000 EUR\"\r\n"))
          .out);
  check_counts(summary, 1, 1, 0, 0, 0);
  summary = nlohmann::json::parse(
      run_hg({"import", "jobs", "-", "--json"}, db,
             with_input("title\tcompany\tlocation\nCook\tBistro\tParis, FR\n"))
          .out);
  check_counts(summary, 1, 1, 0, 0, 0);
  // Told otherwise, the header is one column and the rows have no title.
  Run run = run_hg({"import", "jobs", "-", "--delimiter", ",", "--json"}, db,
                   with_input("title;company\nPorter;Hotel\n"));
  CHECK(run.exit_code == 3);
  CHECK_THAT(run.err, Catch::Contains("title: missing"));
  run = run_hg({"import", "jobs", "-", "--delimiter", "tab"}, db,
               with_input("title\tcompany\nGuard\tBank\n"));
  CHECK(run.exit_code == 0);
  run = run_hg({"import", "jobs", "-", "--delimiter", ";;"}, db, with_input("title\n"));
  CHECK(run.exit_code == 2);
  CHECK(run.err == "hg: --delimiter: expected one character or \"tab\", got \";;\"\n");

  const auto jobs = exported_jobs(db);
  REQUIRE(jobs.size() == 3);
  CHECK(jobs[0]["title"] == "Welder");
  CHECK(jobs[0]["city"] == "Berlin");
  CHECK(jobs[0]["salary_text"] == "45.000 EUR");
  CHECK(jobs[1]["company"] == "Bistro");
  CHECK(jobs[1]["country"] == "FR");
  CHECK(jobs[2]["company"] == "Bank");
}

TEST_CASE("a CSV file whose quote never closes keeps the rows before it", "[cli]") {
  TempDir dir;
  const auto db = seeded_store(dir);
  const std::string before = export_jobs(db);
  const Run run = run_hg({"import", "jobs", "-", "--json"}, db,
                         with_input("title,company\nClerk,Acme\n\"Porter,Acme\n"
                                    "Guard,Acme\n"));
  CHECK(run.exit_code == 3);
  CHECK(run.err == "hg: import: stdin: record 2 (line 3): unterminated quoted field\n");
  check_counts(nlohmann::json::parse(run.out), 2, 1, 0, 0, 1);
  check_store_kept(db, before);
  CHECK(exported_jobs(db).size() == 3);
}

TEST_CASE("empty input is an error and stores nothing", "[cli]") {
  TempDir dir;
  const auto db = seeded_store(dir);
  const std::string before = export_jobs(db);
  const Run run = run_hg({"import", "jobs", "-"}, db, with_input(" \n\n"));
  CHECK(run.exit_code == 3);
  CHECK(run.err == "hg: import: stdin: input is empty\n");
  CHECK(export_jobs(db) == before);
}

TEST_CASE("kill -9 half way through an import keeps the committed chunks and nothing else",
          "[cli]") {
  TempDir dir;
  const auto db = seeded_store(dir);
  const std::string before = export_jobs(db);
  // About 1 KB each: hg reads its input 64 KB at a time, so it sees all but the last few.
  std::string description;
  for (int i = 0; i < 70; ++i) description += "Welds things. ";
  std::string records;
  for (int i = 0; i < 600; ++i) {
    records += "{\"id\":\"k" + std::to_string(i) + "\",\"title\":\"Welder " + std::to_string(i) +
               "\",\"company\":\"Acme\",\"description\":\"" + description + "\"}\n";
  }
  RunOptions options = at(kNow);
  options.env["HG_DB"] = db.string();
  {
    // stdin stays open: hg reads records in batches of 256, so it commits 5 chunks of 100
    // and holds the next 12 records in an open transaction while it waits for more input.
    hg::testing::BackgroundHg importing(
        {"import", "jobs", "-", "--source", "pipe", "--chunk-size", "100"}, options);
    REQUIRE(importing.write_stdin(records));
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (sql_scalar(db, "SELECT count(*) FROM jobs WHERE source = 'pipe'") != "500" &&
           std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    INFO(importing.err());
    CHECK(importing.kill_and_wait(SIGKILL) == SIGKILL);
  }
  CHECK(sql_scalar(db, "PRAGMA integrity_check") == "ok");
  // Whole chunks only (500 with today's batch size; any multiple of 100 is right).
  const int kept = std::stoi(sql_scalar(db, "SELECT count(*) FROM jobs WHERE source = 'pipe'"));
  CHECK(kept == 500);
  CHECK(kept % 100 == 0);
  check_store_kept(db, before);

  // The same input again stores the rest and finds the committed records unchanged.
  const Run again = run_hg({"import", "jobs", "-", "--source", "pipe", "--json"}, db,
                           with_input(records));
  INFO(again.err);
  REQUIRE(again.exit_code == 0);
  check_counts(nlohmann::json::parse(again.out), 600, static_cast<std::size_t>(600 - kept), 0,
               static_cast<std::size_t>(kept), 0);
  CHECK(sql_scalar(db, "SELECT count(*) FROM jobs_fts WHERE jobs_fts MATCH 'welds'") == "600");
}

TEST_CASE("on a terminal import shows a progress line, and clears it before the summary",
          "[cli]") {
  TempDir dir;
  RunOptions options = at(kNow);
  options.env["HG_DB"] = dir.file("hg.db").string();
  const std::string file = fixture("jobs/postings-sample.jsonl").string();
  auto on_terminal = hg::testing::run_hg_on_terminal({"import", "jobs", file}, options);
  if (!on_terminal) {
    WARN("no pseudo-terminal on this machine: progress line not checked");
    return;
  }
  Run run = *on_terminal;
  INFO(run.out);
  REQUIRE(run.exit_code == 0);
  // Records reach the writer 256 at a time; the first count is shown at once.
  const auto shown = run.out.find("postings-sample.jsonl: 256 records read");
  REQUIRE(shown != std::string::npos);
  const auto cleared = run.out.find("\r\033[K", shown);
  const auto summary = run.out.find("imported 300 records", shown);
  REQUIRE(summary != std::string::npos);
  CHECK(cleared < summary);

  options.env["HG_DB"] = dir.file("quiet.db").string();
  run = hg::testing::run_hg_on_terminal({"-q", "import", "jobs", file}, options).value();
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("records read") == std::string::npos);
}
