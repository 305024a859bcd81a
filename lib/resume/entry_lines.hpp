// Internal to lib/resume: a section's lines classified for reading entries (work, education)
// around their dates, and the cue words that tell employers, titles, schools and degrees apart.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "resume/fields.hpp"
#include "resume/text.hpp"

namespace hg::resume::detail {

struct Info {
  std::optional<DateRange> date;
  std::string rest;      // the line without its dates (and durations such as "1 year")
  bool header = false;   // short enough to be a company, title or place
  bool body = false;     // a bullet, a sentence or a long wrapped line
  bool gap = false;      // gap_before of its first line
  double size = 0, x = 0;
  bool bullet = false;
  bool bold = false;
  bool soft = false;     // a URL or a one-line description: not a header, but not the end
  std::string text;      // the whole line(s)
};

struct Entry {
  std::size_t anchor = 0;
  DateRange date;
  std::vector<std::size_t> header;  // line indexes (into the section's list), in order
  std::string anchor_rest;          // text beside the dates on the anchor line
  std::size_t body_end = 0;
};

// Whether `folded` has a word starting with `stem`.
bool has_prefix_word(std::string_view folded, std::string_view stem);
// How much a line reads like a job title (EN, DE, FR, ES, NL, PT stems); 0 for none.
int title_score(std::string_view text);
// How much a line reads like an employer's name ("Inc", "GmbH", "Group" ...).
int company_score(std::string_view text);
bool institution_like(std::string_view text);
bool degree_like(std::string_view text);

// The entries of a section: one per date line that is mostly dates (an anchor), with the
// header lines read around it. `infos` receives the classified lines (indexes in Entry point
// into it). `long_headers`: education, whose degree lines run long and whose course lists set
// as tags are not headers.
std::vector<Entry> find_entries(const Input& in, const std::vector<std::size_t>& idx,
                                std::vector<Info>& infos, bool long_headers);

}  // namespace hg::resume::detail
