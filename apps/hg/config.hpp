// ~/.config/hg/config.toml: the known keys, their defaults, and reading and writing the file.
// Precedence everywhere: flag > environment > config file > default.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>
#include <string_view>

#include "util/result.hpp"

namespace hg::cli {

enum class ConfigType { text, integer, number, boolean };  // number: a real (0.85)

struct ConfigKey {
  std::string_view name;           // dotted: "import.source"
  ConfigType type;
  std::string_view default_value;  // as text; "" = none
  std::string_view help;
};

// Every key hg reads, in `hg config list` order.
std::span<const ConfigKey> config_keys();
const ConfigKey* find_config_key(std::string_view name);
// Keys whose values are never printed (API keys).
bool is_secret_key(std::string_view name);

struct Config {
  std::filesystem::path path;
  bool exists = false;
  std::map<std::string, std::string> values;  // known keys present in the file, as text
  std::string store_path;                     // store.path, expanded ("~/" = $HOME)
  std::vector<std::string> unknown_keys;      // in the file but not read by hg (typos)

  // The file's value, else the default; nullopt when neither.
  std::optional<std::string> get(std::string_view key) const;
  // get() for a key naming a file: a leading "~/" becomes $HOME/.
  std::optional<std::string> get_path(std::string_view key) const;
};

// Reads the file. A missing file is an empty config unless `must_exist` (--config given).
// Errors: invalid_input for TOML syntax errors (with line and column) or a value of the
// wrong type; not_found when must_exist and missing.
Result<Config> load_config(const std::filesystem::path& path, bool must_exist);

// Sets `key` to `value` in the file (created with its directory when missing), keeping the
// file's other content. Errors: invalid_argument for an unknown key or a value of the wrong
// type; invalid_input for a broken file; failed when it cannot be written.
Result<void> set_config(const std::filesystem::path& path, std::string_view key,
                        std::string_view value);

}  // namespace hg::cli
