#include "store/events.hpp"

#include "store/statement.hpp"

namespace hg::store {

Result<std::int64_t> record_event(const Db& db, const model::Event& event) {
  auto stmt = Statement::prepare(
      db, "INSERT INTO events(at, kind, subject_type, subject_id, data) "
          "VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id");
  if (!stmt) return stmt.error();
  stmt->bind(1, event.at);
  stmt->bind(2, event.kind);
  stmt->bind_text_or_null(3, event.subject_type);
  if (event.subject_id != 0) stmt->bind(4, event.subject_id);
  else stmt->bind(4, std::nullopt);
  stmt->bind(5, event.data.empty() ? std::string("{}") : event.data);
  auto row = stmt->step();
  if (!row) return row.error();
  const std::int64_t id = stmt->column_int64(0);
  if (auto done = stmt->run(); !done) return done.error();
  return id;
}

}  // namespace hg::store
