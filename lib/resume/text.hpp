// Internal to lib/resume: folding text for matching, and dates as resumes write them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hg::resume::detail {

// Lower-case ASCII with Latin accents dropped ("März" -> "marz", "ß" -> "ss"); dashes become
// '-'; other characters are kept. `map[i]` is the byte in the input that folded byte i came
// from (map has one extra entry: the input's size).
struct Folded {
  std::string text;
  std::vector<std::size_t> map;
};
Folded fold_map(std::string_view text);
std::string fold(std::string_view text);
// fold() with punctuation turned to spaces and spaces collapsed: "Work-Experience:" ->
// "work experience". Letter-spaced words ("S U M M A R Y") are joined.
std::string key_of(std::string_view text);

// A date or a range of dates found in a line: "Jan 2020 – Present", "2019/03",
// "03.2019 – heute", "Spring 2018", "2016 - 2018", "2025-07 —".
struct DateRange {
  std::string start;     // ISO "YYYY" or "YYYY-MM"; "" when none
  std::string end;       // "" when current or not given
  bool current = false;  // ends in "present", "heute", "actualidad", an open dash ...
  std::size_t begin = 0, end_at = 0;  // byte span of the dates in the line
};
// The first date or range in `line`, if any.
std::optional<DateRange> find_dates(std::string_view line);

// `line` without the bytes [begin, end) and the separators left dangling around them.
std::string cut(std::string_view line, std::size_t begin, std::size_t end);

// Letters (any script) in `text`.
std::size_t count_letters(std::string_view text);
std::size_t count_words(std::string_view text);

}  // namespace hg::resume::detail
