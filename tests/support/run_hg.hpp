// run_hg: spawns the built hg (HG_BINARY) with arguments, an environment and optional stdin,
// and collects exit code, stdout and stderr. The environment is minimal (PATH, HOME in a
// temp dir, LANG=C.UTF-8) plus what the test passes, so a developer's config never leaks in.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
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

// run_hg with stdin, stdout and stderr on a pseudo-terminal, for what hg does only on a
// terminal (progress lines). Everything it printed is in `out`, as the terminal got it
// ("\r\n" line ends); `err` stays empty. stdin sees end of input at once. nullopt when this
// machine gives no pseudo-terminal (some containers have no /dev/pts).
std::optional<Run> run_hg_on_terminal(const std::vector<std::string>& args,
                                      const RunOptions& options);

class TempDir;

// hg started in the background with its stdin on a pipe the test writes (and keeps open as
// long as it likes), its stdout and stderr in files: for killing it half way. The destructor
// kills it if it still runs.
class BackgroundHg {
 public:
  BackgroundHg(const std::vector<std::string>& args, const RunOptions& options);
  BackgroundHg(const BackgroundHg&) = delete;
  BackgroundHg& operator=(const BackgroundHg&) = delete;
  ~BackgroundHg();

  // Writes all of `text` to its stdin (blocking); false when it stopped reading.
  bool write_stdin(std::string_view text);
  void close_stdin();
  // Sends `signal_number` and waits; returns the signal that ended it (0: it exited).
  int kill_and_wait(int signal_number);
  // What it wrote to stderr so far.
  std::string err() const;

 private:
  std::unique_ptr<TempDir> home_;
  int pid_ = -1;
  int stdin_ = -1;
  std::optional<int> status_;
};

}  // namespace hg::testing
