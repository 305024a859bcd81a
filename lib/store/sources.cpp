#include "store/sources.hpp"

#include "store/statement.hpp"

namespace hg::store {
namespace {

model::Source read_source(const Statement& row) {
  return {.id = row.column_int64(0),
          .name = row.column_text(1),
          .kind = row.column_text(2),
          .params = row.column_text(3),
          .etag = row.column_text(4),
          .last_modified = row.column_text(5),
          .enabled = row.column_int64(6) != 0,
          .created_at = row.column_text(7)};
}

}  // namespace

Result<model::Source> add_source(const Db& db, model::Source source) {
  auto stmt = Statement::prepare(
      db, "INSERT INTO sources(name, kind, params, enabled, created_at) VALUES (?1, ?2, ?3, ?4, ?5) "
          "ON CONFLICT(name) DO NOTHING RETURNING id");
  if (!stmt) return stmt.error();
  stmt->bind(1, source.name);
  stmt->bind(2, source.kind);
  stmt->bind(3, source.params.empty() ? std::string("{}") : source.params);
  stmt->bind(4, source.enabled ? 1 : 0);
  stmt->bind(5, source.created_at);
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row) {
    Error error = fail(Errc::invalid_input, "source {} exists already", source.name);
    error.hint = "give it another --name, or `hg scrape remove " + source.name + "` first";
    return error;
  }
  source.id = stmt->column_int64(0);
  if (auto done = stmt->run(); !done) return done.error();
  return source;
}

Result<std::vector<model::Source>> list_sources(const Db& db) {
  auto stmt = Statement::prepare(
      db, "SELECT id, name, kind, params, etag, last_modified, enabled, created_at FROM sources "
          "ORDER BY name");
  if (!stmt) return stmt.error();
  std::vector<model::Source> out;
  while (true) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return out;
    out.push_back(read_source(*stmt));
  }
}

Result<void> remove_source(const Db& db, std::string_view name) {
  auto stmt = Statement::prepare(db, "DELETE FROM sources WHERE name = ?1 RETURNING id");
  if (!stmt) return stmt.error();
  stmt->bind(1, name);
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row) {
    Error error = fail(Errc::not_found, "source {}: not found", name);
    error.hint = "`hg scrape list` shows the configured sources";
    return error;
  }
  return stmt->run();
}

Result<void> set_validators(const Db& db, std::int64_t id, std::string_view etag,
                            std::string_view last_modified) {
  auto stmt = Statement::prepare(db, "UPDATE sources SET etag = ?2, last_modified = ?3 WHERE id = ?1");
  if (!stmt) return stmt.error();
  stmt->bind(1, id);
  stmt->bind_text_or_null(2, etag);
  stmt->bind_text_or_null(3, last_modified);
  return stmt->run();
}

Result<std::int64_t> record_scrape_run(const Db& db, const model::ScrapeRun& run) {
  auto stmt = Statement::prepare(
      db, "INSERT INTO scrape_runs(source_id, started_at, finished_at, fetched, new, updated, "
          "closed, errors, error_text, duration_ms, source) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) RETURNING id");
  if (!stmt) return stmt.error();
  if (run.source_id != 0) stmt->bind(1, run.source_id);
  else stmt->bind(1, std::nullopt);
  stmt->bind(2, run.started_at);
  stmt->bind_text_or_null(3, run.finished_at);
  stmt->bind(4, run.fetched);
  stmt->bind(5, run.inserted);
  stmt->bind(6, run.updated);
  stmt->bind(7, run.closed);
  stmt->bind(8, run.errors);
  stmt->bind_text_or_null(9, run.error_text);
  stmt->bind(10, run.duration_ms);
  stmt->bind_text_or_null(11, run.source);
  auto row = stmt->step();
  if (!row) return row.error();
  const std::int64_t id = stmt->column_int64(0);
  if (auto done = stmt->run(); !done) return done.error();
  return id;
}

Result<std::vector<model::ScrapeRun>> list_scrape_runs(const Db& db, std::size_t limit) {
  auto stmt = Statement::prepare(
      db, "SELECT r.id, r.source_id, coalesce(r.source, s.name, ''), r.started_at, r.finished_at, r.fetched, "
          "r.new, r.updated, r.closed, r.errors, r.error_text, r.duration_ms FROM scrape_runs r "
          "LEFT JOIN sources s ON s.id = r.source_id ORDER BY r.id DESC LIMIT ?1");
  if (!stmt) return stmt.error();
  stmt->bind(1, limit == 0 ? std::int64_t{-1} : static_cast<std::int64_t>(limit));
  std::vector<model::ScrapeRun> out;
  while (true) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return out;
    out.push_back({.id = stmt->column_int64(0),
                   .source_id = stmt->column_opt_int64(1).value_or(0),
                   .source = stmt->column_text(2),
                   .started_at = stmt->column_text(3),
                   .finished_at = stmt->column_text(4),
                   .fetched = stmt->column_int64(5),
                   .inserted = stmt->column_int64(6),
                   .updated = stmt->column_int64(7),
                   .closed = stmt->column_int64(8),
                   .errors = stmt->column_int64(9),
                   .error_text = stmt->column_text(10),
                   .duration_ms = stmt->column_int64(11)});
  }
}

Result<void> mark_seen(const Db& db, const std::vector<std::int64_t>& ids, std::string_view now) {
  auto stmt = Statement::prepare(
      db, "UPDATE jobs SET last_seen = ?2, closed_at = NULL WHERE id = ?1");
  if (!stmt) return stmt.error();
  stmt->bind(2, now);
  for (std::int64_t id : ids) {
    stmt->bind(1, id);
    if (auto done = stmt->run(); !done) return done.error();
    stmt->reset();
  }
  return {};
}

Result<std::int64_t> close_unseen(const Db& db, std::string_view source,
                                  const std::vector<std::int64_t>& seen, std::string_view now) {
  // The seen ids travel as one JSON array: one statement, whatever their number.
  std::string ids = "[";
  for (std::int64_t id : seen) {
    if (ids.size() > 1) ids += ',';
    ids += std::to_string(id);
  }
  ids += ']';
  auto stmt = Statement::prepare(
      db, "UPDATE jobs SET closed_at = ?3 WHERE source = ?1 AND closed_at IS NULL AND "
          "id NOT IN (SELECT value FROM json_each(?2))");
  if (!stmt) return stmt.error();
  stmt->bind(1, source);
  stmt->bind(2, ids);
  stmt->bind(3, now);
  if (auto done = stmt->run(); !done) return done.error();
  return static_cast<std::int64_t>(sqlite3_changes(db.handle()));
}

}  // namespace hg::store
