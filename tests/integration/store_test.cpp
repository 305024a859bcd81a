// Exit codes and stores in odd states, on the real binary: usage errors, missing things,
// stubs, files that are not stores, a store from a newer hg, a busy store, an old store.
// The test opens store files itself through SQLite's C API to build those states.
#include <sqlite3.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/cli_helpers.hpp"
#include "support/run_hg.hpp"
#include "support/temp_dir.hpp"

namespace {

using hg::testing::lines_of;
using hg::testing::at_now;

using hg::testing::read_file;
using hg::testing::Run;
using hg::testing::run_hg;
using hg::testing::RunOptions;
using hg::testing::TempDir;

constexpr const char* kNow = hg::testing::kTestNow;

// A connection of the test's own, next to hg's.
class Sqlite {
 public:
  explicit Sqlite(const std::filesystem::path& path) {
    REQUIRE(sqlite3_open(path.c_str(), &db_) == SQLITE_OK);
  }
  ~Sqlite() { sqlite3_close(db_); }
  Sqlite(const Sqlite&) = delete;
  Sqlite& operator=(const Sqlite&) = delete;

  void exec(const std::string& sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    const std::string why = message == nullptr ? "" : message;
    sqlite3_free(message);
    INFO(sql.substr(0, 200) << ": " << why);
    REQUIRE(rc == SQLITE_OK);
  }
  std::vector<std::string> column(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    std::vector<std::string> values;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      values.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    }
    sqlite3_finalize(stmt);
    return values;
  }

 private:
  sqlite3* db_ = nullptr;
};

std::filesystem::path store_with_jobs(const TempDir& dir) {
  const auto db = dir.file("hg.db");
  const Run run = run_hg({"import", "jobs", "-"}, db,
                         at_now("{\"id\":\"a\",\"title\":\"Welder\","
                                "\"company\":\"Acme\"}\n"));
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  return db;
}

std::string export_jobs(const std::filesystem::path& db) {
  const Run run = run_hg({"export", "jobs"}, db, at_now());
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  return run.out;
}

}  // namespace

TEST_CASE("an unknown option is a usage error", "[cli]") {
  TempDir dir;
  const auto db = store_with_jobs(dir);
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"jobs", "list", "--bogus"},
        std::vector<std::string>{"export", "jobs", "--bogus"}, std::vector<std::string>{"--bogus"},
        std::vector<std::string>{"frobnicate"}}) {
    INFO(args.back());
    const Run run = run_hg(args, db, at_now());
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    const auto errors = lines_of(run.err);
    REQUIRE(errors.size() == 2);
    CHECK_THAT(errors[0], Catch::StartsWith("hg: "));
    CHECK(errors[1] == "hint: run `hg --help` or `hg <command> --help`");
  }
  const Run run = run_hg({"jobs", "list", "--bogus"}, db, at_now());
  CHECK(lines_of(run.err).at(0) == "hg: the following argument was not expected: --bogus");
}

TEST_CASE("a bad option value is a usage error", "[cli]") {
  TempDir dir;
  const auto db = store_with_jobs(dir);
  Run run = run_hg({"jobs", "list", "--remote", "sideways"}, db, at_now());
  CHECK(run.exit_code == 2);
  CHECK(run.err == "hg: --remote: expected remote, hybrid or onsite\n");
  run = run_hg({"jobs", "list", "--since", "last tuesday"}, db, at_now());
  CHECK(run.exit_code == 2);
  CHECK(run.err ==
        "hg: --since: expected an ISO date or a span like 7d, 2w, 24h, got \"last tuesday\"\n");
  run = run_hg({"jobs", "show", "twelve"}, db, at_now());
  CHECK(run.exit_code == 2);
  CHECK_THAT(run.err, Catch::StartsWith("hg: id: expected a whole number above 0, got \"twelve\"\n"));
  // Numeric options name the option and what it takes, whatever CLI11 would have said.
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"jobs", "list", "-n", "-1"}, "hg: --limit: expected a whole number above 0, got \"-1\""},
      {{"jobs", "list", "-n", "1.5"}, "hg: --limit: expected a whole number above 0, got \"1.5\""},
      {{"jobs", "list", "--min-salary", "lots"},
       "hg: --min-salary: expected a number, 0 or more, got \"lots\""},
      {{"match", "--min-score", "2"}, "hg: --min-score: expected a number from 0 to 1, got \"2\""},
      {{"jobs", "list", "--country", "usa"},
       "hg: --country: expected a two-letter ISO 3166 country code such as DE or US, got \"usa\""},
      {{"import", "jobs", "-", "--chunk-size", "0"},
       "hg: --chunk-size: expected a whole number above 0, got \"0\""},
  };
  for (const auto& [args, message] : cases) {
    run = run_hg(args, db, at_now());
    INFO(run.err);
    CHECK(run.exit_code == 2);
    CHECK(lines_of(run.err).at(0) == message);
  }
}

TEST_CASE("showing a job that does not exist exits 4 with a hint", "[cli]") {
  TempDir dir;
  const auto db = store_with_jobs(dir);
  const Run run = run_hg({"jobs", "show", "999999"}, db, at_now());
  CHECK(run.exit_code == 4);
  CHECK(run.out.empty());
  CHECK(run.err == "hg: job 999999 not found\nhint: `hg jobs list` shows the ids in this store\n");
}

TEST_CASE("importing a file that does not exist exits 4 and creates no store", "[cli]") {
  TempDir dir;
  const auto db = dir.file("hg.db");
  const auto missing = dir.file("nowhere.jsonl").string();
  const Run run = run_hg({"import", "jobs", missing}, db, at_now());
  CHECK(run.exit_code == 4);
  CHECK(run.err == "hg: import: " + missing + ": no such file\n");
  CHECK_FALSE(std::filesystem::exists(db));
}

TEST_CASE("reading a store that does not exist exits 4 and creates nothing", "[cli]") {
  TempDir dir;
  const auto db = dir.file("sub/hg.db");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"export", "jobs"}, std::vector<std::string>{"jobs", "list"},
        std::vector<std::string>{"jobs", "show", "1"}}) {
    INFO(args[0]);
    const Run run = run_hg(args, db, at_now());
    CHECK(run.exit_code == 4);
    CHECK(run.out.empty());
    CHECK(run.err == "hg: " + db.string() +
                         ": no such store\nhint: run `hg init` to create it, or point --db (or "
                         "HG_DB) at an existing store\n");
  }
  CHECK_FALSE(std::filesystem::exists(dir.file("sub")));
}

TEST_CASE("commands that have not landed exit 1 saying so", "[cli]") {
  TempDir dir;
  for (const char* name :
       {"report", "serve"}) {
    INFO(name);
    const Run run = run_hg({name}, dir.file("hg.db"), at_now());
    CHECK(run.exit_code == 1);
    CHECK(run.out.empty());
    CHECK(lines_of(run.err).at(0) == std::string("hg: ") + name + ": not implemented yet");
  }
  CHECK_FALSE(std::filesystem::exists(dir.file("hg.db")));
}

TEST_CASE("a store file that is not a database exits 3 and is left as it was", "[cli]") {
  TempDir dir;
  const std::string text = "these are my notes, not a database\n";
  const auto db = dir.write("hg.db", text);
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"init"}, std::vector<std::string>{"jobs", "list"},
        std::vector<std::string>{"export", "jobs"},
        std::vector<std::string>{"import", "jobs", "-"}}) {
    INFO(args[0]);
    const Run run = run_hg(args, db, at_now("{\"title\":\"a\",\"company\":\"b\"}\n"));
    CHECK(run.exit_code == 3);
    CHECK(run.err == "hg: " + db.string() +
                         ": not an hg store: file is not a database\nhint: point --db (or HG_DB) "
                         "at an hg store, or at a new file to create one\n");
  }
  CHECK(read_file(db) == text);
}

TEST_CASE("another program's SQLite file is not taken for a store", "[cli]") {
  TempDir dir;
  const auto db = dir.file("other.db");
  {
    Sqlite other(db);
    other.exec(
        "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); "
        "INSERT INTO notes(body) VALUES ('keep me')");
  }
  const std::string bytes = read_file(db);
  const Run run = run_hg({"init"}, db, at_now());
  CHECK(run.exit_code == 3);
  CHECK(lines_of(run.err).at(0) ==
        "hg: " + db.string() + ": not an hg store (it holds other tables)");
  CHECK(read_file(db) == bytes);
}

TEST_CASE("a store from a newer hg is refused and left untouched", "[cli]") {
  TempDir dir;
  const auto db = store_with_jobs(dir);
  {
    Sqlite future(db);
    future.exec("INSERT INTO schema_version VALUES (999, 'future', 'x')");
  }
  const std::string bytes = read_file(db);
  REQUIRE(!bytes.empty());
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"init"}, std::vector<std::string>{"jobs", "list"},
        std::vector<std::string>{"jobs", "show", "1"}, std::vector<std::string>{"export", "jobs"},
        std::vector<std::string>{"import", "jobs", "-"}}) {
    INFO(args[0]);
    const Run run = run_hg(args, db, at_now("{\"title\":\"a\",\"company\":\"b\"}\n"));
    CHECK(run.exit_code == 3);
    CHECK(run.out.empty());
    CHECK(run.err == "hg: " + db.string() +
                         ": store has schema version 999 but this hg knows only up to 8\n"
                         "hint: upgrade hg to open this store; nothing was changed\n");
  }
  CHECK(read_file(db) == bytes);
}

TEST_CASE("a write while another connection holds the write lock exits 6 and stores nothing",
          "[cli][slow]") {
  TempDir dir;
  const auto db = store_with_jobs(dir);
  const std::string before = export_jobs(db);
  Sqlite holder(db);
  holder.exec("BEGIN IMMEDIATE");

  // Readers are not blocked by the writer (WAL).
  const Run list = run_hg({"jobs", "list", "--json"}, db, at_now());
  CHECK(list.exit_code == 0);
  CHECK(nlohmann::json::parse(list.out).size() == 1);

  const Run run = run_hg({"import", "jobs", "-"}, db,
                         at_now("{\"id\":\"b\",\"title\":\"Baker\","
                                "\"company\":\"Crumbs\"}\n"));
  CHECK(run.exit_code == 6);
  CHECK(run.err ==
        "hg: import: stdin: stopped after 0 stored records: store is busy: database is locked\n"
        "hint: another hg is writing to this store; try again when it has finished\n");
  holder.exec("ROLLBACK");
  CHECK(export_jobs(db) == before);
}

TEST_CASE("hg init upgrades a version-1 store and keeps its jobs", "[cli]") {
  TempDir dir;
  const auto db = dir.file("old.db");
  const std::string schema =
      read_file(std::filesystem::path(HG_SOURCE_DIR) / "schemas/sql/001_initial.sql");
  REQUIRE(!schema.empty());
  {
    Sqlite old(db);
    old.exec(schema);
    old.exec(
        "CREATE TABLE schema_version(version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at TEXT NOT NULL); "
        "INSERT INTO schema_version VALUES(1,'initial','2026-01-01T00:00:00Z'); "
        "PRAGMA application_id=1751580673;");
    old.exec(
        "INSERT INTO jobs(source, external_id, title, company, description, first_seen, "
        "last_seen, content_hash) VALUES ('legacy', 'L-1', 'Bridge Inspector', "
        "'Old Roads Ltd', 'Inspects bridges.', '2026-01-01T00:00:00Z', "
        "'2026-01-02T00:00:00Z', 'x')");
  }
  const Run init = run_hg({"init"}, db, at_now());
  INFO(init.err);
  REQUIRE(init.exit_code == 0);
  CHECK(init.out == "upgraded " + db.string() + " from schema version 1 to 8\n");
  CHECK(init.err.empty());

  const Run again = run_hg({"init", "--json"}, db, at_now());
  REQUIRE(again.exit_code == 0);
  const auto summary = nlohmann::json::parse(again.out);
  CHECK(summary["created"] == false);
  CHECK(summary["schema_version_before"] == 8);
  CHECK(summary["schema_version"] == 8);

  const Run show = run_hg({"jobs", "show", "1", "--json"}, db, at_now());
  REQUIRE(show.exit_code == 0);
  const auto job = nlohmann::json::parse(show.out);
  CHECK(job["title"] == "Bridge Inspector");
  CHECK(job["company"] == "Old Roads Ltd");
  CHECK(job["source"] == "legacy");
  CHECK(job["last_seen"] == "2026-01-02T00:00:00Z");
  CHECK(job["description"] == "Inspects bridges.");

  Sqlite check(db);
  CHECK(check.column("SELECT version FROM schema_version ORDER BY version") ==
        std::vector<std::string>{"1", "2", "3", "4", "5", "6", "7", "8"});
  CHECK(check.column("PRAGMA integrity_check") == std::vector<std::string>{"ok"});
  // 008: the indexes no query used are gone; the ones lookups need are there.
  CHECK(check.column("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'jobs' "
                     "AND name NOT LIKE 'sqlite_%' ORDER BY name") ==
        std::vector<std::string>{"jobs_canonical_url", "jobs_company_title", "jobs_content_hash",
                                 "jobs_open_last_seen", "jobs_source_external"});
  // 007: the full-text index's write settings are kept in the store itself.
  CHECK(check.column("SELECT k || '=' || v FROM jobs_fts_config WHERE k != 'version' ORDER BY k") ==
        std::vector<std::string>{"automerge=8", "hashsize=67108864"});
  const Run found = run_hg({"jobs", "search", "bridges", "--json"}, db, at_now());
  REQUIRE(found.exit_code == 0);
  CHECK(nlohmann::json::parse(found.out).size() == 1);
}

TEST_CASE("hg init creates a store once and then finds it up to date", "[cli]") {
  TempDir dir;
  const auto db = dir.file("deep/er/hg.db");
  Run run = run_hg({"init"}, db, at_now());
  CHECK(run.exit_code == 0);
  CHECK(run.out == "created " + db.string() + " (schema version 8)\n");
  run = run_hg({"init"}, db, at_now());
  CHECK(run.exit_code == 0);
  CHECK(run.out == db.string() + " is up to date (schema version 8)\n");
  run = run_hg({"init", "-q"}, db, at_now());
  CHECK(run.exit_code == 0);
  CHECK(run.out.empty());
}

TEST_CASE("an unknown command or a global option hg does not know is named in the error", "[cli]") {
  TempDir dir;
  Run run = run_hg({"frobnicate"}, dir.file("hg.db"));
  CHECK(run.exit_code == 2);
  CHECK(lines_of(run.err).at(0) == "hg: unknown command \"frobnicate\"");
  run = run_hg({"--bogus"}, dir.file("hg.db"));
  CHECK(run.exit_code == 2);
  CHECK(lines_of(run.err).at(0) == "hg: unknown option --bogus");
}

TEST_CASE("an unreadable HG_NOW is a usage error, not a silent switch to the real clock", "[cli]") {
  TempDir dir;
  RunOptions options;
  options.env["HG_NOW"] = "yesterday";
  const Run run = run_hg({"init"}, dir.file("hg.db"), options);
  CHECK(run.exit_code == 2);
  CHECK(lines_of(run.err).at(0) == "hg: HG_NOW: not an ISO 8601 time: \"yesterday\"");
  CHECK_FALSE(std::filesystem::exists(dir.file("hg.db")));
}
