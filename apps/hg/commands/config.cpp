// hg config get|set|list|path: the TOML config file, with each key's effective value.
#include <cstdlib>

#include <algorithm>

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

// The environment variable that wins over a key: the LLM endpoint and the job boards' keys.
std::string env_name(std::string_view key) {
  static constexpr std::string_view kWithEnv[] = {
      "llm.base_url", "llm.model", "llm.api_key", "adzuna.app_id", "adzuna.app_key",
      "jsearch.api_key", "usajobs.api_key", "usajobs.user_agent_email"};
  if (std::find(std::begin(kWithEnv), std::end(kWithEnv), key) == std::end(kWithEnv)) return {};
  std::string name = "HG_";
  for (char c : key) name += c == '.' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return name;
}

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
  const bool secret = is_secret_key(key.name);
  auto shown = [secret](std::string value) {
    return secret && !value.empty() ? std::string("(set, not shown)") : value;
  };
  if (const std::string env = env_name(key.name); !env.empty()) {
    if (const char* value = std::getenv(env.c_str()); value != nullptr && *value != '\0') {
      return {shown(value), "env " + env};
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
    const bool secret = is_secret_key(args.key);
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
