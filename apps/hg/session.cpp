#include "session.hpp"

#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "util/strings.hpp"

namespace hg::cli {
namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

std::filesystem::path xdg_dir(const char* variable, const char* fallback) {
  std::string dir = env(variable);
  if (!dir.empty()) return dir;
  std::string home = env("HOME");
  if (home.empty()) home = ".";
  return std::filesystem::path(home) / fallback;
}

}  // namespace

int exit_code_for(Errc code) {
  switch (code) {
    case Errc::failed: return kExitFailed;
    case Errc::invalid_argument: return kExitUsage;
    case Errc::invalid_input: return kExitInvalidInput;
    case Errc::not_found: return kExitNotFound;
    case Errc::network: return kExitNetwork;
    case Errc::busy: return kExitBusy;
  }
  return kExitFailed;
}

Session::Session() {
  if (std::string now = env("HG_NOW"); !now.empty()) {
    if (auto fixed = util::parse_iso(now)) clock_ = util::Clock(*fixed);
    else bad_now_ = now;
  }
}

void Session::add_global_options(CLI::App& app) {
  app.add_option("--db", db_flag_, "Store file (env HG_DB; default $XDG_DATA_HOME/hg/hg.db)")
      ->type_name("FILE");
  app.add_option("--config", config_flag_,
                 "Config file (env HG_CONFIG; default $XDG_CONFIG_HOME/hg/config.toml)")
      ->type_name("FILE");
  auto* json = app.add_flag("--json", json_, "Print one JSON document");
  auto* jsonl = app.add_flag("--jsonl", jsonl_, "Print one JSON record per line");
  auto* csv = app.add_flag("--csv", csv_, "Print RFC 4180 CSV with a header");
  json->excludes(jsonl)->excludes(csv);
  jsonl->excludes(csv);
  app.add_option("--jq", jq_, "Filter the JSON output through a jq program (implies --json)")
      ->type_name("EXPR");
  app.add_flag("-q,--quiet", quiet_, "Print nothing on success");
  app.add_flag("-v,--verbose", verbose_, "Say more (repeat for more)");
  app.add_flag("--no-color", no_color_, "No colour (also when NO_COLOR is set)");
  app.parse_complete_callback([this] {
    if (json_ || !jq_.empty()) output_ = OutputFormat::json;
    else if (jsonl_) output_ = OutputFormat::jsonl;
    else if (csv_) output_ = OutputFormat::csv;
  });
}

std::filesystem::path Session::store_path() const {
  if (!db_flag_.empty()) return db_flag_;
  if (std::string from_env = env("HG_DB"); !from_env.empty()) return from_env;
  if (auto loaded = config(); loaded && !(*loaded)->store_path.empty()) {
    return (*loaded)->store_path;
  }
  return xdg_dir("XDG_DATA_HOME", ".local/share") / "hg" / "hg.db";
}

Result<store::Db> Session::open_store(const store::OpenOptions& options) const {
  return store::Db::open(store_path(), options);
}

std::filesystem::path Session::config_path() const {
  if (!config_flag_.empty()) return config_flag_;
  if (std::string from_env = env("HG_CONFIG"); !from_env.empty()) return from_env;
  return xdg_dir("XDG_CONFIG_HOME", ".config") / "hg" / "config.toml";
}

Result<const Config*> Session::config() const {
  static const std::vector<std::string> kNone;
  if (!config_) {
    config_.emplace(load_config(config_path(), !config_flag_.empty()));
    // A typo must not pass for a setting; a key from a newer hg must not stop this one.
    for (const std::string& key : *config_ ? (*config_)->unknown_keys : kNone) {
      warn(fmt::format("{}: unknown key \"{}\" ignored (hg config list shows the keys)",
                       config_path().string(), key));
    }
  }
  if (!*config_) return config_->error();
  return &config_->value();
}

bool Session::stdout_is_tty() const { return isatty(STDOUT_FILENO) != 0; }

bool Session::color() const {
  return !no_color_ && env("NO_COLOR").empty() && stdout_is_tty() && env("TERM") != "dumb";
}

std::string Session::env_or_config(std::string_view key) const {
  std::string variable = "HG_";
  for (char c : key) {
    variable += c == '.' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (std::string value = env(variable.c_str()); !value.empty()) return value;
  auto loaded = config();
  if (!loaded) return {};
  return (*loaded)->get(key).value_or("");
}

void Session::warn(std::string_view message) const {
  if (!quiet_) fmt::print(stderr, "hg: warning: {}\n", util::single_line(message));
}

void Session::finish(const Result<void>& result) {
  if (result) return;
  const Error& error = result.error();
  // One line each, whatever a library or the input put in the message.
  fmt::print(stderr, "hg: {}\n", util::single_line(error.message));
  if (!error.hint.empty()) fmt::print(stderr, "hint: {}\n", util::single_line(error.hint));
  set_exit_code(exit_code_for(error.code));
}

void Session::set_exit_code(int code) {
  if (exit_code_ == kExitOk) exit_code_ = code;
}

}  // namespace hg::cli
