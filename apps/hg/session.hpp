// The state one run of hg shares between its commands: global options, where the store and
// config live, the clock, the output format, and the one place errors become exit codes.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "config.hpp"
#include "store/db.hpp"
#include "util/result.hpp"
#include "util/time.hpp"

namespace CLI {
class App;
}

namespace hg::cli {

// Exit codes, as documented in `man hg` and `hg --help`.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInvalidInput = 3;
inline constexpr int kExitNotFound = 4;
inline constexpr int kExitNetwork = 5;
inline constexpr int kExitBusy = 6;

int exit_code_for(Errc code);

enum class OutputFormat { table, json, jsonl, csv };

class Session {
 public:
  Session();

  // --db, --config, --json, --jsonl, --csv, -q, -v, --no-color.
  void add_global_options(CLI::App& app);

  // The store path: --db, else $HG_DB, else config store.path, else
  // $XDG_DATA_HOME/hg/hg.db (~/.local/share/hg/hg.db).
  std::filesystem::path store_path() const;
  Result<store::Db> open_store(const store::OpenOptions& options = {}) const;

  // The config file's path and its (lazily loaded) contents. A broken file is an error
  // reported once, on first use.
  std::filesystem::path config_path() const;
  Result<const Config*> config() const;
  // A setting that an environment variable may override: HG_ and `key` upper-cased with '.'
  // as '_' ("greenhouse.base_url" -> HG_GREENHOUSE_BASE_URL), else the config value, else
  // "" (also when the config file is broken: that error comes from config()).
  std::string env_or_config(std::string_view key) const;

  // --db as given on the command line; "" when not given.
  const std::string& db_flag() const { return db_flag_; }
  OutputFormat output() const { return output_; }
  // --jq EXPR (implies --json); "" when not given.
  const std::string& jq() const { return jq_; }
  bool quiet() const { return quiet_; }
  int verbosity() const { return verbose_; }
  // Colour on stdout: a TTY, no --no-color, no NO_COLOR.
  bool color() const;
  bool stdout_is_tty() const;

  // "Now" for this run: the real clock, or $HG_NOW (ISO 8601) for reproducible runs.
  const util::Clock& clock() const { return clock_; }
  std::string now_iso() const { return util::format_iso(clock_.now()); }

  // The text of an unreadable $HG_NOW ("" when it is fine or unset): main refuses to run.
  const std::string& bad_now() const { return bad_now_; }

  // Prints a warning ("hg: warning: ...") unless --quiet.
  void warn(std::string_view message) const;
  // Records the outcome of a command: prints "hg: <message>" and a hint on failure and
  // sets the exit code. A later success does not clear an earlier failure.
  void finish(const Result<void>& result);
  // For commands that succeed in part (a batch with rejected records).
  void set_exit_code(int code);
  int exit_code() const { return exit_code_; }

 private:
  std::string db_flag_;
  std::string config_flag_;
  bool json_ = false;
  bool jsonl_ = false;
  bool csv_ = false;
  bool quiet_ = false;
  int verbose_ = 0;
  bool no_color_ = false;
  std::string jq_;
  OutputFormat output_ = OutputFormat::table;
  util::Clock clock_;
  mutable std::optional<Result<Config>> config_;
  int exit_code_ = kExitOk;
  std::string bad_now_;
};

}  // namespace hg::cli
