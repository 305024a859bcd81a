// Internal to lib/resume: section headings in EN, DE, FR, ES, NL and PT, and splitting a
// document's lines into sections.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "resume/document.hpp"

namespace hg::resume::detail {

enum class Section {
  header, contact, summary, work, education, skills, projects, certificates, languages,
  awards, volunteer, publications, interests, references, profiles, other
};

std::string_view section_name(Section section);

// The section a heading line names ("Work Experience", "BERUFSERFAHRUNG", "S U M M A R Y",
// "Formación académica:"), or nullopt when the line is not a known heading.
std::optional<Section> heading_kind(std::string_view line);

struct Span {
  Section kind = Section::header;
  std::size_t heading = 0;     // index of the heading line (== begin for the header)
  std::size_t begin = 0, end = 0;  // body lines [begin, end)
};

// Splits `lines` at heading lines. The lines before the first heading are the header. Lines
// in the same section reached twice (two pages, two columns) give two spans.
std::vector<Span> split_sections(const std::vector<Line>& lines);

}  // namespace hg::resume::detail
