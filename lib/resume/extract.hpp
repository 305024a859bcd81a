// Internal to lib/resume: one reader per format, and the layout step PDF and text share.
#pragma once

#include <string_view>
#include <vector>

#include "resume/document.hpp"

namespace hg::resume::detail {

// A run of text on one row, split from its neighbours by a wide gap (a column gutter or a
// right-aligned date). Units as in Line.
struct Segment {
  std::string text;
  double x0 = 0, x1 = 0, y = 0, h = 0, size = 0;
  bool bold = false;
  int page = 0;
};

// Orders one page's segments for reading: when a vertical gutter splits the page into two
// columns, each stretch between full-width rows is read left column first, then right.
// Marks gap_before where the vertical gap exceeds `gap_factor` line heights.
std::vector<Line> order_page(std::vector<Segment> segments, double gap_factor);

Result<Document> read_pdf(std::string_view bytes, const Limits& limits);
Result<Document> read_docx(std::string_view bytes, const Limits& limits);
Document read_html(std::string_view bytes);
Document read_text(std::string_view bytes, Format format);

}  // namespace hg::resume::detail
