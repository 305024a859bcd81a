// ProgressLine: one line on standard error that a long command rewrites in place while it
// works ("postings.jsonl: 45000 records read"), on a terminal only, and clears when done.
#pragma once

#include <chrono>
#include <string_view>

namespace hg::cli {

class ProgressLine {
 public:
  // Shows nothing unless `enabled` (stderr is a terminal and -q was not given).
  explicit ProgressLine(bool enabled) : enabled_(enabled) {}
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;
  ~ProgressLine() { clear(); }

  // Whether it shows anything: callers need not build its text otherwise.
  bool enabled() const { return enabled_; }
  // Replaces the line with `text`, at most four times a second.
  void show(std::string_view text);
  // Takes the line away (before other output, and at the end).
  void clear();

 private:
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_ = {};
};

// Whether a progress line belongs on standard error: it is a terminal and `quiet` is off.
bool progress_wanted(bool quiet);

}  // namespace hg::cli
