#include "store/db.hpp"

#include <catch2/catch.hpp>

#include "model/event.hpp"
#include "store/events.hpp"
#include "store/migrate.hpp"
#include "store/statement.hpp"
#include "support/catch_printers.hpp"
#include "support/temp_dir.hpp"

namespace hg::store {
namespace {

using std::chrono::milliseconds;

// The first column of the first row of `sql`, as text.
std::string scalar(const Db& db, std::string_view sql) {
  auto stmt = Statement::prepare(db, sql);
  REQUIRE(stmt);
  auto row = stmt->step();
  REQUIRE(row);
  REQUIRE(*row);
  return stmt->column_text(0);
}

// Runs `sql` on `path` with plain SQLite, as another program would.
void sqlite_exec(const std::filesystem::path& path, const char* sql) {
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
  char* message = nullptr;
  const int rc = sqlite3_exec(raw, sql, nullptr, nullptr, &message);
  const std::string why = message != nullptr ? message : "";
  sqlite3_free(message);
  sqlite3_close(raw);
  INFO(why);
  REQUIRE(rc == SQLITE_OK);
}

std::int64_t event_count(const Db& db) {
  return std::stoll(scalar(db, "SELECT count(*) FROM events"));
}

model::Event an_event() {
  model::Event event;
  event.at = "2026-01-01T00:00:00Z";
  event.kind = "test.happened";
  return event;
}

TEST_CASE("Db::open creates a migrated store in WAL mode with foreign keys on", "[store]") {
  testing::TempDir dir;
  const auto path = dir.file("nested/dir/hg.db");
  auto db = Db::open(path);
  REQUIRE(db);
  CHECK(std::filesystem::is_regular_file(path));
  CHECK(db->path() == path);
  CHECK(scalar(*db, "PRAGMA journal_mode") == "wal");
  CHECK(scalar(*db, "PRAGMA foreign_keys") == "1");
  CHECK(scalar(*db, "PRAGMA application_id") == "1751580673");  // "hg\0\1"
  auto version = schema_version(*db);
  REQUIRE(version);
  CHECK(*version == latest_schema_version());
  CHECK(latest_schema_version() >= 2);

  SECTION("a row pointing at nothing is refused") {
    auto orphan = exec(*db,
                       "INSERT INTO applications(profile_id, job_id, created_at, updated_at)"
                       " VALUES (41, 42, 'x', 'x')");
    REQUIRE_FALSE(orphan);
    CHECK(orphan.error().code == Errc::failed);
    CHECK(orphan.error().message.find("FOREIGN KEY") != std::string::npos);
  }
  SECTION("check_integrity passes on a fresh store") { CHECK(check_integrity(*db)); }
}

TEST_CASE("Db::open reports a missing store when it may not create one", "[store]") {
  testing::TempDir dir;
  for (const OpenOptions& options :
       {OpenOptions{.create_if_missing = false}, OpenOptions{.read_only = true}}) {
    auto db = Db::open(dir.file("missing.db"), options);
    REQUIRE_FALSE(db);
    CHECK(db.error().code == Errc::not_found);
    CHECK(db.error().message == dir.file("missing.db").string() + ": no such store");
    CHECK_FALSE(db.error().hint.empty());
    CHECK_FALSE(std::filesystem::exists(dir.file("missing.db")));
  }
}

TEST_CASE("Db::open refuses a directory as invalid_argument", "[store]") {
  testing::TempDir dir;
  auto db = Db::open(dir.path());
  REQUIRE_FALSE(db);
  CHECK(db.error().code == Errc::invalid_argument);
}

TEST_CASE("Db::open refuses a SQLite file that is not an hg store and leaves it alone", "[store]") {
  testing::TempDir dir;
  const auto path = dir.file("other.sqlite");
  sqlite_exec(path, "CREATE TABLE notes(text TEXT); INSERT INTO notes VALUES ('mine')");
  const std::string before = testing::read_file(path);

  auto db = Db::open(path);
  REQUIRE_FALSE(db);
  CHECK(db.error().code == Errc::invalid_input);
  CHECK(db.error().message == path.string() + ": not an hg store (it holds other tables)");
  CHECK_FALSE(db.error().hint.empty());
  // Not even switched to WAL: the file is byte for byte what it was.
  CHECK((testing::read_file(path) == before));  // bytes: no expansion on failure
}

TEST_CASE("Db::open refuses a file that is not a database and leaves it alone", "[store]") {
  testing::TempDir dir;
  std::string text;
  for (int i = 0; i < 50; ++i) text += "title,company\nEngineer,Acme\n";
  const auto path = dir.write("jobs.csv", text);

  auto db = Db::open(path);
  REQUIRE_FALSE(db);
  CHECK(db.error().code == Errc::invalid_input);
  CHECK(db.error().message.find("not an hg store") != std::string::npos);
  CHECK((testing::read_file(path) == text));
}

TEST_CASE("Db::open refuses a store made by a newer hg and changes nothing", "[store]") {
  testing::TempDir dir;
  const auto path = dir.file("hg.db");
  {
    auto db = Db::open(path);
    REQUIRE(db);
    REQUIRE(exec(*db,
                 "INSERT INTO schema_version(version, name, applied_at)"
                 " VALUES (999, 'from_the_future', '2030-01-01T00:00:00Z')"));
  }
  const std::string before = testing::read_file(path);

  auto db = Db::open(path);
  REQUIRE_FALSE(db);
  CHECK(db.error().code == Errc::invalid_input);
  CHECK(db.error().message ==
        fmt::format("{}: store has schema version 999 but this hg knows only up to {}",
                    path.string(), latest_schema_version()));
  CHECK((testing::read_file(path) == before));  // bytes: no expansion on failure

  auto raw = Db::open(path, {.migrate = false});
  REQUIRE(raw);
  CHECK(schema_version(*raw).value() == 999);
  CHECK(scalar(*raw, "SELECT count(*) FROM schema_version") ==
        std::to_string(latest_schema_version() + 1));
}

TEST_CASE("Db::open upgrades a store built only to version 1", "[store]") {
  testing::TempDir dir;
  const auto path = dir.file("hg.db");
  {
    auto db = Db::open(path, {.migrate = false});
    REQUIRE(db);
    CHECK(schema_version(*db).value() == 0);
    REQUIRE(migrate(*db, 1));
    CHECK(schema_version(*db).value() == 1);
    CHECK(scalar(*db, "SELECT count(*) FROM sqlite_schema WHERE name = 'jobs_open_last_seen'") == "0");
    REQUIRE(exec(*db, "INSERT INTO events(at, kind) VALUES ('2026-01-01T00:00:00Z', 'kept')"));
  }
  SECTION("a read-only open of the old store is refused") {
    auto db = Db::open(path, {.read_only = true});
    REQUIRE_FALSE(db);
    CHECK(db.error().code == Errc::invalid_input);
    CHECK(db.error().message.find("schema version 1") != std::string::npos);
  }
  SECTION("a normal open migrates it and keeps its rows") {
    {
      auto db = Db::open(path);
      REQUIRE(db);
      CHECK(schema_version(*db).value() == latest_schema_version());
      CHECK(scalar(*db, "SELECT count(*) FROM sqlite_schema WHERE name = 'jobs_open_last_seen'") == "1");
      CHECK(scalar(*db, "SELECT kind FROM events") == "kept");
      CHECK(scalar(*db, "SELECT group_concat(version) FROM schema_version") == "1,2,3,4,5,6,7,8");
    }
    auto read_only = Db::open(path, {.read_only = true});
    REQUIRE(read_only);
    CHECK(event_count(*read_only) == 1);
  }
}

TEST_CASE("migrate is a no-op on an up-to-date store", "[store]") {
  testing::TempStore store;
  REQUIRE(migrate(store.db(), latest_schema_version()));
  REQUIRE(migrate(store.db(), 1));
  CHECK(schema_version(store.db()).value() == latest_schema_version());
}

TEST_CASE("Transaction rolls back on destruction unless committed", "[store]") {
  testing::TempStore store;
  {
    auto tx = Transaction::begin(store.db());
    REQUIRE(tx);
    REQUIRE(record_event(store.db(), an_event()));
    CHECK(event_count(store.db()) == 1);  // visible inside the transaction
  }
  CHECK(event_count(store.db()) == 0);

  {
    auto tx = Transaction::begin(store.db());
    REQUIRE(tx);
    REQUIRE(record_event(store.db(), an_event()));
    REQUIRE(tx->commit());
  }
  CHECK(event_count(store.db()) == 1);

  SECTION("a moved-from transaction does not roll back twice") {
    auto tx = Transaction::begin(store.db());
    REQUIRE(tx);
    Transaction moved = std::move(*tx);
    REQUIRE(record_event(store.db(), an_event()));
    REQUIRE(moved.commit());
    CHECK(event_count(store.db()) == 2);
  }
}

TEST_CASE("a second writer gets Errc::busy while the first holds the write lock", "[store]") {
  testing::TempStore store;
  auto other = Db::open(store.path(), {.busy_timeout = milliseconds(0)});
  REQUIRE(other);
  auto writer = Transaction::begin(store.db());
  REQUIRE(writer);

  auto second = Transaction::begin(*other);
  REQUIRE_FALSE(second);
  CHECK(second.error().code == Errc::busy);
  CHECK(second.error().message.starts_with("store is busy: "));
  CHECK_FALSE(second.error().hint.empty());

  auto event = record_event(*other, an_event());
  REQUIRE_FALSE(event);
  CHECK(event.error().code == Errc::busy);

  SECTION("readers still read (WAL)") { CHECK(event_count(*other) == 0); }
  SECTION("once the first commits, the second can write") {
    REQUIRE(writer->commit());
    auto again = Transaction::begin(*other);
    REQUIRE(again);
  }
}

TEST_CASE("a failed bind is returned by the next step", "[store]") {
  testing::TempStore store;
  auto stmt = Statement::prepare(store.db(), "SELECT ?1");
  REQUIRE(stmt);
  stmt->bind(5, 1);  // there is no ?5
  auto row = stmt->step();
  REQUIRE_FALSE(row);
  CHECK(row.error().code == Errc::failed);
}

TEST_CASE("an empty string binds as empty text, never as NULL", "[store]") {
  testing::TempStore store;
  auto stmt = Statement::prepare(store.db(), "SELECT ?1 IS NULL, typeof(?1), ?2 IS NULL");
  REQUIRE(stmt);
  stmt->bind(1, std::string_view());  // no data pointer at all
  stmt->bind_text_or_null(2, "");
  REQUIRE(stmt->step().value());
  CHECK(stmt->column_int64(0) == 0);
  CHECK(stmt->column_text(1) == "text");
  CHECK(stmt->column_int64(2) == 1);
}

TEST_CASE("Statement::prepare reports bad SQL as failed", "[store]") {
  testing::TempStore store;
  auto stmt = Statement::prepare(store.db(), "SELEC nothing");
  REQUIRE_FALSE(stmt);
  CHECK(stmt.error().code == Errc::failed);
  CHECK(stmt.error().message.starts_with("sqlite: "));
}

TEST_CASE("record_event stores an event and returns its id", "[store]") {
  testing::TempStore store;
  model::Event event = an_event();
  event.subject_type = "job";
  event.subject_id = 12;
  event.data = R"({"n":1})";
  auto first = record_event(store.db(), event);
  auto second = record_event(store.db(), an_event());
  REQUIRE((first && second));
  CHECK(*second == *first + 1);
  CHECK(scalar(store.db(),
               "SELECT subject_type || ':' || subject_id || ':' || data FROM events "
               "ORDER BY id LIMIT 1") == "job:12:{\"n\":1}");
  CHECK(scalar(store.db(),
               "SELECT coalesce(subject_id, 'null') || data FROM events "
               "ORDER BY id DESC LIMIT 1") == "null{}");
}

}  // namespace
}  // namespace hg::store
