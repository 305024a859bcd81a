// hg init: create the store, or bring an older one up to this hg's schema.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "../commands.hpp"
#include "../output.hpp"
#include "store/migrate.hpp"

namespace hg::cli {
namespace {

Result<void> run_init(Session& session) {
  const auto path = session.store_path();
  std::error_code ec;
  const bool existed = std::filesystem::exists(path, ec);
  int before = 0;
  if (existed) {
    auto old = store::Db::open(path, {.create_if_missing = false, .migrate = false});
    if (!old) return old.error();
    auto version = store::schema_version(*old);
    if (!version) return version.error();
    before = *version;
  }
  auto db = session.open_store();
  if (!db) return db.error();
  auto after = store::schema_version(*db);
  if (!after) return after.error();
  if (session.output() != OutputFormat::table) {
    nlohmann::ordered_json out = {{"path", path.string()},
                                  {"created", !existed},
                                  {"schema_version_before", before},
                                  {"schema_version", *after}};
    return print_json(session, out);
  } else if (!session.quiet()) {
    if (!existed) fmt::print("created {} (schema version {})\n", path.string(), *after);
    else if (before < *after) {
      fmt::print("upgraded {} from schema version {} to {}\n", path.string(), before, *after);
    } else {
      fmt::print("{} is up to date (schema version {})\n", path.string(), *after);
    }
  }
  return {};
}

}  // namespace

void add_init_command(CLI::App& root, Session& session) {
  CLI::App* cmd = root.add_subcommand("init", "Create the store, or upgrade an older one");
  cmd->callback([&session] { session.finish(run_init(session)); });
}

}  // namespace hg::cli
