// Reading and writing the user's files for the commands: bounded reads with one-line errors,
// and writes that never leave half a file behind.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "util/result.hpp"

namespace hg::cli {

// The whole of `path`, at most `max_bytes`. Errors name `label` and the path: not_found ("no
// such file"), invalid_input ("larger than N MiB|KiB"), failed ("cannot read").
Result<std::string> read_small_file(const std::filesystem::path& path, std::uintmax_t max_bytes,
                                    std::string_view label);

// Writes bytes to `path` through a temporary file and a rename ("-": stdout).
Result<void> write_file(const std::string& path, const std::string& bytes);

}  // namespace hg::cli
