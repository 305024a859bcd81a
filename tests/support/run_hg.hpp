// run_hg: spawns the built hg (HG_BINARY) with arguments, an environment and optional stdin,
// and collects exit code, stdout and stderr. The environment is minimal (PATH, HOME in a
// temp dir, LANG=C.UTF-8) plus what the test passes, so a developer's config never leaks in.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hg::testing {

struct Run {
  int exit_code = -1;
  std::string out;
  std::string err;
};

struct RunOptions {
  std::map<std::string, std::string> env = {};  // added to the minimal environment
  std::optional<std::string> stdin_text = {};   // nullopt: stdin is empty
  std::optional<std::filesystem::path> stdin_file = {};  // feed a file instead
  std::filesystem::path cwd = {};               // empty: a temp HOME dir
};

Run run_hg(const std::vector<std::string>& args, const RunOptions& options = {});

// Convenience: `HG_DB` set to `db`.
Run run_hg(const std::vector<std::string>& args, const std::filesystem::path& db,
           const RunOptions& options = {});

}  // namespace hg::testing
