// hg config get|set|list|path: the TOML config file, with each key's effective value.
#include <cstdlib>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "../commands.hpp"
#include "../config.hpp"
#include "../output.hpp"

namespace hg::cli {
namespace {

struct ConfigArgs {
  std::string key;
  std::string value;
};

// Where a key's effective value comes from, for `hg config list`.
struct Effective {
  std::string value;
  std::string origin;  // "default" | "config" | "env HG_DB" | "flag --db"
};

Effective effective(const Session& session, const Config& config, const ConfigKey& key) {
  if (key.name == "store.path") {
    if (!session.db_flag().empty()) return {session.db_flag(), "flag --db"};
    if (const char* from_env = std::getenv("HG_DB"); from_env != nullptr && *from_env != '\0') {
      return {from_env, "env HG_DB"};
    }
    if (!config.store_path.empty()) return {config.store_path, "config"};
    return {session.store_path().string(), "default"};
  }
  // Environment overrides for the LLM endpoint; a key is never shown, only whether it is set.
  const bool secret = key.name == "llm.api_key";
  auto shown = [secret](std::string value) {
    return secret && !value.empty() ? std::string("(set, not shown)") : value;
  };
  for (auto [name, env] : {std::pair{"llm.base_url", "HG_LLM_BASE_URL"},
                           std::pair{"llm.model", "HG_LLM_MODEL"},
                           std::pair{"llm.api_key", "HG_LLM_API_KEY"}}) {
    if (key.name != name) continue;
    if (const char* value = std::getenv(env); value != nullptr && *value != '\0') {
      return {shown(value), std::string("env ") + env};
    }
  }
  if (auto it = config.values.find(std::string(key.name)); it != config.values.end()) {
    return {shown(it->second), "config"};
  }
  return {std::string(key.default_value), "default"};
}

Result<void> run_list(Session& session) {
  auto config = session.config();
  if (!config) return config.error();
  std::vector<nlohmann::ordered_json> records;
  for (const ConfigKey& key : config_keys()) {
    Effective value = effective(session, **config, key);
    records.push_back({{"key", key.name}, {"value", value.value}, {"origin", value.origin},
                       {"description", key.help}});
  }
  static constexpr Column kColumns[] = {{"KEY", "key", 20},
                                        {"VALUE", "value", 40},
                                        {"FROM", "origin", 10},
                                        {"DESCRIPTION", "description", 60}};
  return print_records(session, records, kColumns, {"key", "value", "origin", "description"});
}

Result<void> run_get(Session& session, const ConfigArgs& args) {
  const ConfigKey* key = find_config_key(args.key);
  if (key == nullptr) {
    Error error = fail(Errc::invalid_argument, "config: unknown key \"{}\"", args.key);
    error.hint = "`hg config list` shows the keys";
    return error;
  }
  auto config = session.config();
  if (!config) return config.error();
  Effective value = effective(session, **config, *key);
  if (session.output() != OutputFormat::table) {
    return print_json(session,
                      {{"key", key->name}, {"value", value.value}, {"origin", value.origin}});
  } else {
    fmt::print("{}\n", value.value);
  }
  return {};
}

Result<void> run_set(Session& session, const ConfigArgs& args) {
  if (auto config = session.config(); !config) return config.error();  // never overwrite a broken file
  if (auto done = set_config(session.config_path(), args.key, args.value); !done) return done.error();
  if (!session.quiet() && session.output() == OutputFormat::table) {
    const bool secret = args.key == "llm.api_key";
    fmt::print("{} = {} ({})\n", args.key, secret ? "(set, not shown)" : args.value,
               session.config_path().string());
  }
  return {};
}

}  // namespace

void add_config_command(CLI::App& root, Session& session) {
  auto args = std::make_shared<ConfigArgs>();
  CLI::App* cmd = root.add_subcommand("config", "Read and change settings in config.toml");
  cmd->require_subcommand(1);
  cmd->add_subcommand("list", "Every key with its value and where it comes from")
      ->callback([&session] { session.finish(run_list(session)); });
  CLI::App* get = cmd->add_subcommand("get", "Print one key's effective value");
  get->add_option("key", args->key, "Dotted key, e.g. import.source")->required()->type_name("KEY");
  get->callback([&session, args] { session.finish(run_get(session, *args)); });
  CLI::App* set = cmd->add_subcommand("set", "Set a key in the config file");
  set->add_option("key", args->key, "Dotted key, e.g. jobs.limit")->required()->type_name("KEY");
  set->add_option("value", args->value, "New value")->required()->type_name("VALUE");
  set->callback([&session, args] { session.finish(run_set(session, *args)); });
  cmd->add_subcommand("path", "Print the config file's path")->callback([&session] {
    fmt::print("{}\n", session.config_path().string());
  });
}

}  // namespace hg::cli
