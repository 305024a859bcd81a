// --jq EXPR: filters a JSON document through jq in-process (libjq), like `gh --jq`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/result.hpp"

namespace hg::cli {

// Runs `program` over the JSON text `document`. Each result is one line: strings raw,
// everything else as compact JSON. Errors: invalid_argument for a program jq cannot compile
// (with jq's message), failed for a runtime error.
Result<std::vector<std::string>> run_jq(std::string_view program, std::string_view document);

}  // namespace hg::cli
