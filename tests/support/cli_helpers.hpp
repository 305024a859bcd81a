// Small helpers the integration tests share: a fixed "now" and splitting output into lines.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "support/run_hg.hpp"

namespace hg::testing {

// The HG_NOW every integration test runs at unless it says otherwise.
inline constexpr const char* kTestNow = "2026-11-21T12:00:00Z";

// Options with HG_NOW fixed at kTestNow and `input` on stdin (none: empty stdin).
inline RunOptions at_now(std::optional<std::string> input = std::nullopt) {
  RunOptions options;
  options.env["HG_NOW"] = kTestNow;
  options.stdin_text = std::move(input);
  return options;
}

// The lines of `text` without their '\n'; no empty last line for a final '\n'.
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace hg::testing
