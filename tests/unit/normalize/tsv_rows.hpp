// Rows of a tests/fixtures/normalize/*_cases.tsv table: a header line, then tab-separated
// fields (no quoting). Each row keeps its line number for failure messages.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "util/strings.hpp"

namespace hg::normalize::testing {

struct TsvRow {
  std::size_t line = 0;
  std::vector<std::string> fields;
};

// The data rows of fixtures/normalize/<name>; empty when the file is missing (tests then fail
// on their row-count check).
inline std::vector<TsvRow> read_cases(const std::string& name) {
  std::ifstream in(std::string(HG_FIXTURES) + "/normalize/" + name, std::ios::binary);
  std::vector<TsvRow> rows;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (number == 1 || line.empty()) continue;  // header
    rows.push_back({number, util::split(line, '\t')});
  }
  return rows;
}

}  // namespace hg::normalize::testing
