#include "store/profiles.hpp"

#include "store/statement.hpp"

namespace hg::store {
namespace {

#define HG_PROFILE_COLUMNS \
    "id, name, full_name, label, email, phone, location, country, latitude, longitude, " \
    "years_experience, remote_preference, min_salary, salary_currency, needs_visa, resume_json, " \
    "is_default, created_at, updated_at"

model::Profile read_profile(const Statement& s) {
  model::Profile p;
  p.id = s.column_int64(0);
  p.name = s.column_text(1);
  p.full_name = s.column_text(2);
  p.label = s.column_text(3);
  p.email = s.column_text(4);
  p.phone = s.column_text(5);
  p.location = s.column_text(6);
  p.country = s.column_text(7);
  p.latitude = s.column_opt_double(8);
  p.longitude = s.column_opt_double(9);
  p.years_experience = s.column_opt_double(10);
  p.remote_preference = s.column_text(11);
  p.min_salary = s.column_opt_double(12);
  p.salary_currency = s.column_text(13);
  if (auto visa = s.column_opt_int64(14)) p.needs_visa = *visa != 0;
  p.resume_json = s.column_text(15);
  p.is_default = s.column_int64(16) != 0;
  p.created_at = s.column_text(17);
  p.updated_at = s.column_text(18);
  return p;
}

Result<void> load_skills(const Db& db, model::Profile& profile) {
  auto stmt = Statement::prepare(
      db, "SELECT name, level, years FROM profile_skills WHERE profile_id = ?1 ORDER BY rowid");
  if (!stmt) return stmt.error();
  stmt->bind(1, profile.id);
  while (true) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return {};
    profile.skills.push_back(
        {stmt->column_text(0), stmt->column_text(1), stmt->column_opt_double(2)});
  }
}

}  // namespace

Result<SavedProfile> save_profile(const Db& db, const model::Profile& profile,
                                  std::string_view now) {
  auto tx = Transaction::begin(db);
  if (!tx) return tx.error();
  auto existing = Statement::prepare(db, "SELECT id FROM profiles WHERE name = ?1");
  if (!existing) return existing.error();
  existing->bind(1, profile.name);
  auto found = existing->step();
  if (!found) return found.error();
  const bool created = !*found;

  auto upsert = Statement::prepare(
      db,
      "INSERT INTO profiles(name, full_name, label, email, phone, location, country, latitude, "
      "longitude, years_experience, remote_preference, min_salary, salary_currency, needs_visa, "
      "resume_json, is_default, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
      "?9, ?10, ?11, ?12, ?13, ?14, ?15, NOT EXISTS (SELECT 1 FROM profiles), ?16, ?16) "
      "ON CONFLICT(name) DO UPDATE SET full_name = ?2, label = ?3, email = ?4, phone = ?5, "
      "location = ?6, country = ?7, latitude = ?8, longitude = ?9, years_experience = ?10, "
      "remote_preference = ?11, min_salary = ?12, salary_currency = ?13, needs_visa = ?14, "
      "resume_json = ?15, updated_at = ?16 RETURNING id");
  if (!upsert) return upsert.error();
  upsert->bind(1, profile.name);
  upsert->bind_text_or_null(2, profile.full_name);
  upsert->bind_text_or_null(3, profile.label);
  upsert->bind_text_or_null(4, profile.email);
  upsert->bind_text_or_null(5, profile.phone);
  upsert->bind_text_or_null(6, profile.location);
  upsert->bind_text_or_null(7, profile.country);
  upsert->bind(8, profile.latitude);
  upsert->bind(9, profile.longitude);
  upsert->bind(10, profile.years_experience);
  upsert->bind_text_or_null(11, profile.remote_preference);
  upsert->bind(12, profile.min_salary);
  upsert->bind_text_or_null(13, profile.salary_currency);
  if (profile.needs_visa) upsert->bind(14, *profile.needs_visa ? 1 : 0);
  else upsert->bind(14, std::nullopt);
  upsert->bind(15, profile.resume_json.empty() ? std::string("{}") : profile.resume_json);
  upsert->bind(16, now);
  auto row = upsert->step();
  if (!row) return row.error();
  const model::ProfileId id = upsert->column_int64(0);
  upsert->reset();

  auto clear = Statement::prepare(db, "DELETE FROM profile_skills WHERE profile_id = ?1");
  if (!clear) return clear.error();
  clear->bind(1, id);
  if (auto done = clear->run(); !done) return done.error();
  auto add = Statement::prepare(
      db, "INSERT OR IGNORE INTO profile_skills(profile_id, name, level, years) "
          "VALUES (?1, ?2, ?3, ?4)");
  if (!add) return add.error();
  for (const model::ProfileSkill& skill : profile.skills) {
    add->bind(1, id);
    add->bind(2, skill.name);
    add->bind_text_or_null(3, skill.level);
    add->bind(4, skill.years);
    if (auto done = add->run(); !done) return done.error();
    add->reset();
  }
  if (auto done = tx->commit(); !done) return done.error();
  return SavedProfile{id, created};
}

Result<model::Profile> find_profile(const Db& db, std::string_view name) {
  auto stmt = Statement::prepare(
      db, "SELECT " HG_PROFILE_COLUMNS " FROM profiles WHERE (?1 = '' AND is_default) OR name = ?1 "
          "ORDER BY is_default DESC LIMIT 1");
  if (!stmt) return stmt.error();
  stmt->bind(1, name);
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row) {
    Error error = name.empty() ? fail(Errc::not_found, "no default profile in this store")
                               : fail(Errc::not_found, "profile {} not found", name);
    error.hint = "`hg import profiles resume.json` creates one";
    return error;
  }
  model::Profile profile = read_profile(*stmt);
  if (auto done = load_skills(db, profile); !done) return done.error();
  return profile;
}

Result<model::Profile> find_profile_by_id(const Db& db, model::ProfileId id) {
  auto stmt = Statement::prepare(db, "SELECT " HG_PROFILE_COLUMNS " FROM profiles WHERE id = ?1");
  if (!stmt) return stmt.error();
  stmt->bind(1, id);
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row) return fail(Errc::not_found, "profile {} not found", id);
  model::Profile profile = read_profile(*stmt);
  if (auto done = load_skills(db, profile); !done) return done.error();
  return profile;
}

Result<std::vector<model::Profile>> list_profiles(const Db& db) {
  auto stmt = Statement::prepare(
      db, "SELECT " HG_PROFILE_COLUMNS " FROM profiles ORDER BY is_default DESC, name");
  if (!stmt) return stmt.error();
  std::vector<model::Profile> profiles;
  while (true) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    profiles.push_back(read_profile(*stmt));
  }
  for (model::Profile& profile : profiles) {
    if (auto done = load_skills(db, profile); !done) return done.error();
  }
  return profiles;
}

}  // namespace hg::store
