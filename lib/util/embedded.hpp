// Reference data shipped inside the hg binary: every data/**/*.tsv, *.txt and *.mustache file, embedded
// at build time (cmake/EmbedData.cmake), read-only and valid for the life of the program.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace hg::util {

// The bytes of data/<name> (e.g. "skills/skills.tsv"), or nullopt when hg has no such file.
std::optional<std::string_view> embedded_data(std::string_view name);

// Every embedded file's name, sorted.
std::vector<std::string_view> embedded_names();

}  // namespace hg::util
