// Shell completion: the committed scripts in completions/ are what `hg completion` prints, and
// each one loads in its real shell and completes subcommands, options and files.
#include <cstdio>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/cli_helpers.hpp"
#include "support/run_hg.hpp"
#include "support/temp_dir.hpp"

namespace {

using hg::testing::lines_of;

using hg::testing::read_file;
using hg::testing::Run;
using hg::testing::run_hg;
using hg::testing::TempDir;

struct Shell {
  const char* name;
  const char* committed;  // under completions/
};
constexpr Shell kShells[] = {{"bash", "hg.bash"}, {"zsh", "_hg"}, {"fish", "hg.fish"}};

std::filesystem::path committed(const Shell& shell) {
  return std::filesystem::path(HG_SOURCE_DIR) / "completions" / shell.committed;
}

// The shell's binary, or "" when it is not installed.
std::string find_shell(const std::string& name) {
  for (const char* dir : {"/usr/bin", "/bin", "/usr/local/bin"}) {
    const auto path = std::filesystem::path(dir) / name;
    if (std::filesystem::exists(path)) return path.string();
  }
  return "";
}

// Runs `script` (written to a file) with `shell` in `dir`, HOME there too, and returns stdout;
// stderr goes to stdout so a broken script shows in the failure.
std::string run_script(const TempDir& dir, const std::string& shell,
                       const std::vector<std::string>& shell_args, const std::string& script) {
  const auto file = dir.write("script", script);
  std::string command = "cd '" + dir.path().string() + "' && HOME='" + dir.path().string() +
                        "' XDG_CONFIG_HOME='" + dir.path().string() + "/config' XDG_DATA_HOME='" +
                        dir.path().string() + "/data' " + shell;
  for (const std::string& arg : shell_args) command += " " + arg;
  command += " '" + file.string() + "' 2>&1";
  std::FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  char buffer[4096];
  while (std::size_t got = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, got);
  const int status = pclose(pipe);
  INFO(out);
  REQUIRE(status == 0);
  return out;
}

}  // namespace

TEST_CASE("the committed completion scripts are what hg completion prints", "[cli]") {
  for (const Shell& shell : kShells) {
    INFO(shell.name);
    const Run run = run_hg({"completion", shell.name});
    REQUIRE(run.exit_code == 0);
    CHECK(run.err.empty());
    CHECK(run.out.size() > 1000);
    // If this fails after a change to the command tree: hg completion <shell> > completions/<file>
    CHECK(read_file(committed(shell)) == run.out);
  }
  const Run bad = run_hg({"completion", "tcsh"});
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Catch::StartsWith("hg: "));
}

TEST_CASE("the bash script completes subcommands, options and files", "[cli]") {
  const std::string bash = find_shell("bash");
  if (bash.empty()) {
    WARN("bash is not installed: skipped");
    return;
  }
  TempDir dir;
  dir.write("postings.csv", "title,company\n");
  const std::string out = run_script(dir, bash, {"--norc", "--noprofile"}, R"(
source ')" + committed(kShells[0]).string() + R"('
complete_line() {
  COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMPREPLY=()
  _hg
  echo "[${COMPREPLY[*]}]"
}
complete_line hg im
complete_line hg import j
complete_line hg jobs list --com
complete_line hg --db x.db jobs s
complete_line hg jobs list --company ""
complete_line hg import jobs post
complete_line hg --js
complete -p hg
)");
  CHECK(lines_of(out) == std::vector<std::string>{"[import]", "[jobs]", "[--company]",
                                                  "[search show]", "[]", "[postings.csv]",
                                                  "[--json --jsonl]",
                                                  "complete -o filenames -F _hg hg"});
}

TEST_CASE("the fish script completes subcommands, options and files", "[cli]") {
  const std::string fish = find_shell("fish");
  if (fish.empty()) {
    WARN("fish is not installed: skipped");
    return;
  }
  TempDir dir;
  dir.write("postings.csv", "title,company\n");
  const std::string out = run_script(dir, fish, {"--no-config"}, R"(
source ')" + committed(kShells[2]).string() + R"('
for line in "hg im" "hg import j" "hg jobs list --com" "hg --db x.db jobs s" "hg import jobs post"
    echo "[$line]"
    complete -C "$line" | string replace -r '\t.*' ''
end
true
)");
  CHECK(lines_of(out) == std::vector<std::string>{"[hg im]", "import", "[hg import j]", "jobs",
                                                  "[hg jobs list --com]", "--company",
                                                  "[hg --db x.db jobs s]", "search", "show",
                                                  "[hg import jobs post]", "postings.csv"});
}

TEST_CASE("the zsh script offers the right candidates at each word", "[cli]") {
  const std::string zsh = find_shell("zsh");
  if (zsh.empty()) {
    WARN("zsh is not installed: skipped");
    return;
  }
  TempDir dir;
  // Not a zpty session: _describe and _files are stubbed to print the candidates that match
  // the word being completed, which is what the script decides; compsys does the rest.
  const std::string out = run_script(dir, zsh, {"-f"}, R"(
compdef() { : }
_describe() {
  local tag=$3 item
  for item in "${(@P)${@[-1]}}"; do
    [[ ${item%%:*} == ${words[CURRENT]}* ]] && print -r -- "$tag ${item%%:*}"
  done
}
_files() { print -r -- "files" }
source ')" + committed(kShells[1]).string() + R"('
complete_line() { words=("$@"); CURRENT=$#; print -r -- "[$*]"; _hg }
complete_line hg im
complete_line hg import j
complete_line hg jobs list --com
complete_line hg --db x.db jobs s
complete_line hg import jobs post
)");
  CHECK(lines_of(out) == std::vector<std::string>{
                             "[hg im]", "command import", "[hg import j]", "command jobs",
                             "[hg jobs list --com]", "option --company", "[hg --db x.db jobs s]",
                             "command search", "command show", "[hg import jobs post]", "files"});
}
