#include "support/run_hg.hpp"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <termios.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <stdexcept>

#include "support/temp_dir.hpp"

namespace hg::testing {
namespace {

void check(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("run_hg: ") + what + ": " + std::strerror(errno));
}

// What the child execs: HG_BINARY with `args`, and its whole environment (minimal, with HOME
// and the XDG dirs in `home`, the sanitizer settings passed through, then what the test asked
// for, then `extra_env`). Everything is built before the fork: the test process has threads
// (the loopback servers), and a child that allocates could wait forever on an allocator lock
// one of them held at the moment of the fork. The child only calls async-signal-safe
// functions until execve. Not movable: argv and envp point into the strings.
class ChildCommand {
 public:
  ChildCommand(const std::vector<std::string>& args, const RunOptions& options,
               const TempDir& home, std::vector<std::string> extra_env = {}) {
    argv_storage_ = {HG_BINARY};
    argv_storage_.insert(argv_storage_.end(), args.begin(), args.end());
    std::map<std::string, std::string> env = {{"PATH", "/usr/bin:/bin"},
                                              {"HOME", home.path().string()},
                                              {"LANG", "C.UTF-8"},
                                              {"XDG_DATA_HOME", home.file("data").string()},
                                              {"XDG_CONFIG_HOME", home.file("config").string()}};
    // Sanitizer settings pass through so a debug build's reports reach the test log.
    for (const char* name : {"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"}) {
      if (const char* value = std::getenv(name)) env[name] = value;
    }
    for (const auto& [key, value] : options.env) env[key] = value;
    for (const auto& [key, value] : env) env_storage_.push_back(key + "=" + value);
    for (std::string& entry : extra_env) env_storage_.push_back(std::move(entry));
    for (auto& arg : argv_storage_) argv_.push_back(arg.data());
    argv_.push_back(nullptr);
    for (auto& entry : env_storage_) envp_.push_back(entry.data());
    envp_.push_back(nullptr);
    cwd_ = options.cwd.empty() ? home.path().string() : options.cwd.string();
  }
  ChildCommand(const ChildCommand&) = delete;
  ChildCommand& operator=(const ChildCommand&) = delete;

  // In the child, after its file descriptors are set: never returns.
  [[noreturn]] void exec() const {
    if (chdir(cwd_.c_str()) != 0) _exit(126);
    execve(argv_[0], argv_.data(), envp_.data());
    _exit(127);
  }

 private:
  std::vector<std::string> argv_storage_, env_storage_;
  std::vector<char*> argv_, envp_;
  std::string cwd_;
};

}  // namespace

Run run_hg(const std::vector<std::string>& args, const RunOptions& options) {
  // A child that exits before reading all of its stdin must not kill the test with SIGPIPE.
  signal(SIGPIPE, SIG_IGN);
  TempDir home;

  int in_pipe[2], out_pipe[2], err_pipe[2];
  check(pipe(in_pipe) == 0 && pipe(out_pipe) == 0 && pipe(err_pipe) == 0, "pipe");
  const ChildCommand command(args, options, home);
  const std::string stdin_file = options.stdin_file ? options.stdin_file->string() : std::string();

  const pid_t pid = fork();
  check(pid >= 0, "fork");
  if (pid == 0) {
    if (options.stdin_file) {
      const int fd = open(stdin_file.c_str(), O_RDONLY);
      if (fd < 0) _exit(125);  // the test's own mistake: shows as exit code 125
      dup2(fd, STDIN_FILENO);
    } else {
      dup2(in_pipe[0], STDIN_FILENO);
    }
    dup2(out_pipe[1], STDOUT_FILENO);
    dup2(err_pipe[1], STDERR_FILENO);
    for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) {
      close(fd);
    }
    command.exec();
  }
  close(in_pipe[0]);
  close(out_pipe[1]);
  close(err_pipe[1]);

  // Feed stdin and drain stdout/stderr together so neither side blocks on a full pipe.
  const std::string input = options.stdin_text.value_or("");
  std::size_t written = 0;
  int in_fd = in_pipe[1];
  if (input.empty()) {
    close(in_fd);
    in_fd = -1;
  } else {
    fcntl(in_fd, F_SETFL, O_NONBLOCK);
  }
  Run run;
  bool out_open = true, err_open = true;
  char buffer[65536];
  while (out_open || err_open) {
    pollfd fds[3] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}, {in_fd, POLLOUT, 0}};
    if (!out_open) fds[0].fd = -1;
    if (!err_open) fds[1].fd = -1;
    check(poll(fds, 3, -1) >= 0 || errno == EINTR, "poll");
    for (int i = 0; i < 2; ++i) {
      if (fds[i].revents == 0) continue;
      const ssize_t got = read(fds[i].fd, buffer, sizeof buffer);
      if (got <= 0) {
        close(fds[i].fd);
        (i == 0 ? out_open : err_open) = false;
      } else {
        (i == 0 ? run.out : run.err).append(buffer, static_cast<std::size_t>(got));
      }
    }
    if (in_fd >= 0 && fds[2].revents != 0) {
      const ssize_t put = write(in_fd, input.data() + written, input.size() - written);
      if (put > 0) written += static_cast<std::size_t>(put);
      if (put < 0 || written == input.size()) {
        close(in_fd);
        in_fd = -1;
      }
    }
  }
  if (in_fd >= 0) close(in_fd);
  int status = 0;
  waitpid(pid, &status, 0);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

Run run_hg(const std::vector<std::string>& args, const std::filesystem::path& db,
           const RunOptions& options) {
  RunOptions with_db = options;
  with_db.env["HG_DB"] = db.string();
  return run_hg(args, with_db);
}

std::optional<Run> run_hg_on_terminal(const std::vector<std::string>& args,
                                      const RunOptions& options) {
  TempDir home;
  const ChildCommand command(args, options, home, {"TERM=xterm"});

  int master = -1;
  const pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  if (pid < 0) return std::nullopt;
  if (pid == 0) {
    termios settings{};
    if (tcgetattr(STDIN_FILENO, &settings) == 0) {
      settings.c_lflag &= static_cast<tcflag_t>(~ECHO);
      tcsetattr(STDIN_FILENO, TCSANOW, &settings);
    }
    command.exec();
  }
  const char eof = 4;  // Ctrl-D: the end of input on a terminal in canonical mode
  (void)!write(master, &eof, 1);
  Run run;
  char buffer[65536];
  while (true) {
    const ssize_t got = read(master, buffer, sizeof buffer);
    if (got > 0) {
      run.out.append(buffer, static_cast<std::size_t>(got));
    } else if (got < 0 && errno == EINTR) {
      continue;
    } else {
      break;  // EIO once the child and its descendants closed the terminal
    }
  }
  close(master);
  int status = 0;
  waitpid(pid, &status, 0);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

BackgroundHg::BackgroundHg(const std::vector<std::string>& args, const RunOptions& options)
    : home_(std::make_unique<TempDir>()) {
  signal(SIGPIPE, SIG_IGN);
  int in_pipe[2];
  check(pipe(in_pipe) == 0, "pipe");
  const ChildCommand command(args, options, *home_);
  const std::string out_file = home_->file("stdout").string();
  const std::string err_file = home_->file("stderr").string();

  pid_ = fork();
  check(pid_ >= 0, "fork");
  if (pid_ == 0) {
    const int out = open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out < 0 || err < 0) _exit(126);
    dup2(in_pipe[0], STDIN_FILENO);
    dup2(out, STDOUT_FILENO);
    dup2(err, STDERR_FILENO);
    for (int fd : {in_pipe[0], in_pipe[1], out, err}) close(fd);
    command.exec();
  }
  close(in_pipe[0]);
  stdin_ = in_pipe[1];
}

BackgroundHg::~BackgroundHg() {
  if (stdin_ >= 0) close(stdin_);
  if (pid_ > 0 && !status_) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
}

bool BackgroundHg::write_stdin(std::string_view text) {
  while (!text.empty() && stdin_ >= 0) {
    const ssize_t put = write(stdin_, text.data(), text.size());
    if (put <= 0) return false;
    text.remove_prefix(static_cast<std::size_t>(put));
  }
  return text.empty();
}

void BackgroundHg::close_stdin() {
  if (stdin_ >= 0) close(stdin_);
  stdin_ = -1;
}

int BackgroundHg::kill_and_wait(int signal_number) {
  if (!status_) {
    kill(pid_, signal_number);
    int status = 0;
    waitpid(pid_, &status, 0);
    status_ = status;
  }
  return WIFSIGNALED(*status_) ? WTERMSIG(*status_) : 0;
}

std::string BackgroundHg::err() const { return read_file(home_->file("stderr")); }

}  // namespace hg::testing
