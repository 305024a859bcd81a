#include "store/applications.hpp"

#include "store/statement.hpp"

namespace hg::store {
namespace {

// Every read of an application joins its profile and job for display.
constexpr std::string_view kSelectApplication =
    "SELECT a.id, a.profile_id, a.job_id, a.status, a.resume_id, a.match_score, "
    "a.match_explanation, a.created_at, a.updated_at, p.name, j.title, j.company, "
    "j.location FROM applications a JOIN profiles p ON p.id = a.profile_id "
    "JOIN jobs j ON j.id = a.job_id ";

model::Application read_application(const Statement& row) {
  model::Application app;
  app.id = row.column_int64(0);
  app.profile_id = row.column_int64(1);
  app.job_id = row.column_int64(2);
  app.status = row.column_text(3);
  app.resume_id = row.column_opt_int64(4);
  app.match_score = row.column_opt_double(5);
  app.match_explanation = row.column_text(6);
  app.created_at = row.column_text(7);
  app.updated_at = row.column_text(8);
  app.profile_name = row.column_text(9);
  app.job_title = row.column_text(10);
  app.company = row.column_text(11);
  app.location = row.column_text(12);
  return app;
}

template <class T, class Read>
Result<std::vector<T>> read_all(Statement& stmt, Read read) {
  std::vector<T> out;
  while (true) {
    auto row = stmt.step();
    if (!row) return row.error();
    if (!*row) return out;
    out.push_back(read(stmt));
  }
}

Result<std::int64_t> insert_returning_id(Statement& stmt) {
  auto row = stmt.step();
  if (!row) return row.error();
  const std::int64_t id = stmt.column_int64(0);
  if (auto done = stmt.run(); !done) return done.error();
  return id;
}

model::Interview read_interview(const Statement& row) {
  model::Interview interview;
  interview.id = row.column_int64(0);
  interview.application_id = row.column_int64(1);
  interview.at = row.column_text(2);
  interview.time_zone = row.column_text(3);
  interview.duration_minutes = static_cast<int>(row.column_opt_int64(4).value_or(60));
  interview.kind = row.column_text(5);
  interview.with_whom = row.column_text(6);
  interview.location = row.column_text(7);
  interview.notes = row.column_text(8);
  interview.uid = row.column_text(9);
  return interview;
}

model::Reminder read_reminder(const Statement& row) {
  return {.id = row.column_int64(0),
          .application_id = row.column_opt_int64(1).value_or(0),
          .due_at = row.column_text(2),
          .text = row.column_text(3),
          .done_at = row.column_text(4)};
}

}  // namespace

Result<model::Application> get_application(const Db& db, model::ApplicationId id) {
  auto stmt = Statement::prepare(db, std::string(kSelectApplication) + "WHERE a.id = ?1");
  if (!stmt) return stmt.error();
  stmt->bind(1, id);
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row) {
    Error error = fail(Errc::not_found, "application {}: not found", id);
    error.hint = "list them with: hg track";
    return error;
  }
  return read_application(*stmt);
}

Result<std::optional<model::Application>> find_application(const Db& db, std::int64_t profile_id,
                                                           std::int64_t job_id) {
  auto stmt = Statement::prepare(
      db, std::string(kSelectApplication) + "WHERE a.profile_id = ?1 AND a.job_id = ?2");
  if (!stmt) return stmt.error();
  stmt->bind(1, profile_id);
  stmt->bind(2, job_id);
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row) return std::optional<model::Application>();
  return std::optional<model::Application>(read_application(*stmt));
}

Result<model::ApplicationId> insert_application(const Db& db,
                                                const model::Application& application) {
  auto stmt = Statement::prepare(
      db,
      "INSERT INTO applications(profile_id, job_id, status, resume_id, match_score, "
      "match_explanation, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
      "ON CONFLICT DO NOTHING RETURNING id");
  if (!stmt) return stmt.error();
  stmt->bind(1, application.profile_id);
  stmt->bind(2, application.job_id);
  stmt->bind(3, application.status);
  stmt->bind(4, application.resume_id);
  stmt->bind(5, application.match_score);
  stmt->bind_text_or_null(6, application.match_explanation);
  stmt->bind(7, application.created_at);
  stmt->bind(8, application.updated_at);
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row) {
    return fail(Errc::invalid_input, "profile {} has an application for job {} already",
                application.profile_id, application.job_id);
  }
  const model::ApplicationId id = stmt->column_int64(0);
  if (auto done = stmt->run(); !done) return done.error();
  return id;
}

Result<std::optional<std::int64_t>> find_job_for(const Db& db, std::string_view canonical_url,
                                                 std::string_view company,
                                                 std::string_view title) {
  // Two statements, so each uses its index (jobs_canonical_url, jobs_company_title).
  auto stmt = canonical_url.empty()
                  ? Statement::prepare(db, "SELECT id FROM jobs WHERE company = ?1 COLLATE NOCASE "
                                           "AND title = ?2 COLLATE NOCASE ORDER BY id DESC LIMIT 1")
                  : Statement::prepare(db, "SELECT id FROM jobs WHERE canonical_url = ?1 "
                                           "ORDER BY id DESC LIMIT 1");
  if (!stmt) return stmt.error();
  if (canonical_url.empty()) {
    stmt->bind(1, company);
    stmt->bind(2, title);
  } else {
    stmt->bind(1, canonical_url);
  }
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(stmt->column_int64(0));
}

Result<bool> resume_exists(const Db& db, std::int64_t id) {
  auto stmt = Statement::prepare(db, "SELECT 1 FROM resumes WHERE id = ?1");
  if (!stmt) return stmt.error();
  stmt->bind(1, id);
  return stmt->step();
}

Result<void> set_status(const Db& db, model::ApplicationId id, std::string_view status,
                        std::string_view updated_at) {
  auto stmt = Statement::prepare(
      db, "UPDATE applications SET status = ?2, updated_at = max(updated_at, ?3) WHERE id = ?1 "
          "RETURNING id");
  if (!stmt) return stmt.error();
  stmt->bind(1, id);
  stmt->bind(2, status);
  stmt->bind(3, updated_at);
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row) return fail(Errc::not_found, "application {}: not found", id);
  return stmt->run();
}

Result<void> touch_application(const Db& db, model::ApplicationId id, std::string_view at) {
  auto stmt = Statement::prepare(
      db, "UPDATE applications SET updated_at = max(updated_at, ?2) WHERE id = ?1");
  if (!stmt) return stmt.error();
  stmt->bind(1, id);
  stmt->bind(2, at);
  return stmt->run();
}

Result<std::vector<model::Application>> list_applications(const Db& db,
                                                          const ApplicationFilter& filter) {
  // One fixed statement: each filter is "unset or matches", so nothing is pasted into SQL.
  // Statuses come as a JSON array for json_each.
  std::string statuses = "[";
  for (const std::string& status : filter.statuses) {
    if (statuses.size() > 1) statuses += ',';
    statuses += '"';
    for (char c : status) {
      if (c == '"' || c == '\\') statuses += '\\';
      statuses += c;
    }
    statuses += '"';
  }
  statuses += ']';
  auto stmt = Statement::prepare(
      db, std::string(kSelectApplication) +
              "WHERE (?1 = '[]' OR a.status IN (SELECT value FROM json_each(?1))) "
              "AND (?2 = '' OR instr(lower(j.company), lower(?2)) > 0) "
              "AND (?3 = '' OR a.updated_at >= ?3) AND (?4 = '' OR a.updated_at < ?4) "
              "AND (?5 IS NULL OR a.job_id = ?5) AND (?6 IS NULL OR a.profile_id = ?6) "
              "ORDER BY a.updated_at DESC, a.id DESC LIMIT ?7");
  if (!stmt) return stmt.error();
  stmt->bind(1, statuses);
  stmt->bind(2, filter.company);
  stmt->bind(3, filter.since);
  stmt->bind(4, filter.until);
  stmt->bind(5, filter.job_id);
  stmt->bind(6, filter.profile_id);
  stmt->bind(7, filter.limit == 0 ? std::int64_t{-1} : static_cast<std::int64_t>(filter.limit));
  return read_all<model::Application>(*stmt, read_application);
}

Result<std::vector<model::Application>> quiet_applications(const Db& db,
                                                           const std::vector<std::string>& statuses,
                                                           std::string_view before) {
  std::vector<model::Application> out;
  for (const std::string& status : statuses) {
    auto stmt = Statement::prepare(
        db, std::string(kSelectApplication) +
                "WHERE a.status = ?1 AND coalesce((SELECT max(e.at) FROM application_events e "
                "WHERE e.application_id = a.id), a.created_at) < ?2 ORDER BY a.updated_at");
    if (!stmt) return stmt.error();
    stmt->bind(1, status);
    stmt->bind(2, before);
    auto found = read_all<model::Application>(*stmt, read_application);
    if (!found) return found.error();
    out.insert(out.end(), found->begin(), found->end());
  }
  return out;
}

Result<std::int64_t> add_application_event(const Db& db, const model::ApplicationEvent& event) {
  auto stmt = Statement::prepare(
      db, "INSERT INTO application_events(application_id, at, from_status, to_status, note) "
          "VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id");
  if (!stmt) return stmt.error();
  stmt->bind(1, event.application_id);
  stmt->bind(2, event.at);
  stmt->bind_text_or_null(3, event.from_status);
  stmt->bind_text_or_null(4, event.to_status);
  stmt->bind_text_or_null(5, event.note);
  return insert_returning_id(*stmt);
}

Result<std::vector<model::ApplicationEvent>> application_events(const Db& db,
                                                                model::ApplicationId id) {
  auto stmt = Statement::prepare(
      db, "SELECT id, application_id, at, from_status, to_status, note FROM application_events "
          "WHERE application_id = ?1 ORDER BY at, id");
  if (!stmt) return stmt.error();
  stmt->bind(1, id);
  return read_all<model::ApplicationEvent>(*stmt, [](const Statement& row) {
    return model::ApplicationEvent{.id = row.column_int64(0),
                                   .application_id = row.column_int64(1),
                                   .at = row.column_text(2),
                                   .from_status = row.column_text(3),
                                   .to_status = row.column_text(4),
                                   .note = row.column_text(5)};
  });
}

Result<std::int64_t> add_interview(const Db& db, const model::Interview& interview) {
  auto stmt = Statement::prepare(
      db, "INSERT INTO interviews(application_id, at, time_zone, duration_minutes, kind, "
          "with_whom, location, notes, uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
          "ON CONFLICT DO NOTHING RETURNING id");
  if (!stmt) return stmt.error();
  stmt->bind(1, interview.application_id);
  stmt->bind(2, interview.at);
  stmt->bind_text_or_null(3, interview.time_zone);
  stmt->bind(4, interview.duration_minutes);
  stmt->bind_text_or_null(5, interview.kind);
  stmt->bind_text_or_null(6, interview.with_whom);
  stmt->bind_text_or_null(7, interview.location);
  stmt->bind_text_or_null(8, interview.notes);
  stmt->bind(9, interview.uid);
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row) return fail(Errc::invalid_input, "interview {}: exists already", interview.uid);
  const std::int64_t id = stmt->column_int64(0);
  if (auto done = stmt->run(); !done) return done.error();
  return id;
}

Result<std::vector<model::Interview>> list_interviews(const Db& db,
                                                      std::optional<model::ApplicationId> id,
                                                      std::string_view from) {
  auto stmt = Statement::prepare(
      db, "SELECT id, application_id, at, time_zone, duration_minutes, kind, with_whom, "
          "location, notes, uid FROM interviews WHERE (?1 IS NULL OR application_id = ?1) "
          "AND (?2 = '' OR at >= ?2) ORDER BY at, id");
  if (!stmt) return stmt.error();
  stmt->bind(1, id);
  stmt->bind(2, from);
  return read_all<model::Interview>(*stmt, read_interview);
}

Result<std::int64_t> add_reminder(const Db& db, const model::Reminder& reminder) {
  auto stmt = Statement::prepare(
      db, "INSERT INTO reminders(application_id, due_at, text) VALUES (?1, ?2, ?3) RETURNING id");
  if (!stmt) return stmt.error();
  stmt->bind(1, reminder.application_id);
  stmt->bind(2, reminder.due_at);
  stmt->bind(3, reminder.text);
  return insert_returning_id(*stmt);
}

Result<std::vector<model::Reminder>> list_reminders(const Db& db,
                                                    std::optional<model::ApplicationId> id,
                                                    std::string_view until) {
  auto stmt = Statement::prepare(
      db, "SELECT id, application_id, due_at, text, done_at FROM reminders "
          "WHERE (?1 IS NOT NULL AND application_id = ?1) OR "
          "(?1 IS NULL AND done_at IS NULL AND (?2 = '' OR due_at < ?2)) ORDER BY due_at, id");
  if (!stmt) return stmt.error();
  stmt->bind(1, id);
  stmt->bind(2, until);
  return read_all<model::Reminder>(*stmt, read_reminder);
}

Result<model::Reminder> finish_reminder(const Db& db, std::int64_t id, std::string_view at) {
  auto stmt = Statement::prepare(
      db, "UPDATE reminders SET done_at = ?2 WHERE id = ?1 AND done_at IS NULL "
          "RETURNING id, application_id, due_at, text, done_at");
  if (!stmt) return stmt.error();
  stmt->bind(1, id);
  stmt->bind(2, at);
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row) return fail(Errc::not_found, "reminder {}: no such open reminder", id);
  model::Reminder reminder = read_reminder(*stmt);
  if (auto done = stmt->run(); !done) return done.error();
  return reminder;
}

Result<model::Document> add_document(const Db& db, model::Document document) {
  auto stmt = Statement::prepare(
      db, "INSERT INTO documents(application_id, kind, version, format, content, generator, "
          "is_final, flags, created_at) VALUES (?1, ?2, (SELECT coalesce(max(version), 0) + 1 "
          "FROM documents WHERE application_id = ?1 AND kind = ?2), ?3, ?4, ?5, ?6, ?7, ?8) "
          "RETURNING id, version");
  if (!stmt) return stmt.error();
  stmt->bind(1, document.application_id);
  stmt->bind(2, document.kind);
  stmt->bind(3, document.format);
  stmt->bind_blob(4, document.content);
  stmt->bind_text_or_null(5, document.generator);
  stmt->bind(6, document.is_final ? 1 : 0);
  stmt->bind_text_or_null(7, document.flags);
  stmt->bind(8, document.created_at);
  auto row = stmt->step();
  if (!row) return row.error();
  document.id = stmt->column_int64(0);
  document.version = static_cast<int>(stmt->column_int64(1));
  if (auto done = stmt->run(); !done) return done.error();
  return document;
}

Result<std::vector<model::Document>> list_documents(const Db& db, model::ApplicationId id,
                                                    bool with_content) {
  auto stmt = Statement::prepare(
      db, "SELECT id, application_id, kind, version, format, CASE WHEN ?2 THEN content END, "
          "generator, is_final, flags, created_at, length(content) FROM documents "
          "WHERE application_id = ?1 ORDER BY kind, version");
  if (!stmt) return stmt.error();
  stmt->bind(1, id);
  stmt->bind(2, with_content ? 1 : 0);
  return read_all<model::Document>(*stmt, [](const Statement& row) {
    return model::Document{.id = row.column_int64(0),
                           .application_id = row.column_int64(1),
                           .kind = row.column_text(2),
                           .version = static_cast<int>(row.column_int64(3)),
                           .format = row.column_text(4),
                           .content = row.column_blob(5),
                           .generator = row.column_text(6),
                           .is_final = row.column_int64(7) != 0,
                           .flags = row.column_text(8),
                           .created_at = row.column_text(9)};
  });
}

Result<void> finalize_document(const Db& db, std::int64_t document_id) {
  auto stmt = Statement::prepare(
      db, "UPDATE documents SET is_final = (id = ?1) WHERE (application_id, kind) = "
          "(SELECT application_id, kind FROM documents WHERE id = ?1) RETURNING id");
  if (!stmt) return stmt.error();
  stmt->bind(1, document_id);
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row) return fail(Errc::not_found, "document {}: not found", document_id);
  return stmt->run();
}

}  // namespace hg::store
