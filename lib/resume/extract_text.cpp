// Plain text, Markdown and HTML. Text laid out with spaces (pdftotext -layout) keeps its
// columns: runs of three or more spaces split a row into segments, as gaps do in a PDF.
#include <cctype>

#include "normalize/html_text.hpp"
#include "resume/extract.hpp"

namespace hg::resume::detail {
namespace {

// Code points, not bytes: columns in layout text are characters.
std::size_t width_of(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::vector<Segment> row_segments(std::string_view row, int page, double y) {
  std::vector<Segment> out;
  std::size_t i = 0, col = 0;
  while (i < row.size()) {
    while (i < row.size() && (row[i] == ' ' || row[i] == '\t')) ++col, ++i;
    if (i >= row.size()) break;
    const std::size_t start = i, start_col = col;
    std::size_t spaces = 0;
    while (i < row.size()) {
      if (row[i] == ' ' || row[i] == '\t') {
        if (++spaces >= 3) break;
      } else {
        spaces = 0;
      }
      ++i;
    }
    std::string_view text = row.substr(start, i - start);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    col = start_col + width_of(row.substr(start, i - start));
    Segment s;
    s.text = std::string(text);
    s.x0 = static_cast<double>(start_col);
    s.x1 = static_cast<double>(start_col + width_of(text));
    s.y = y;
    s.h = 1;
    s.page = page;
    out.push_back(std::move(s));
  }
  return out;
}

// "## Work" -> heading 2 "Work"; "**Jane**" -> "Jane".
std::string markdown_line(std::string_view row, int& heading) {
  heading = 0;
  std::size_t i = 0;
  while (i < row.size() && row[i] == ' ') ++i;
  std::size_t hashes = 0;
  while (i + hashes < row.size() && row[i + hashes] == '#') ++hashes;
  if (hashes > 0 && hashes <= 6 && i + hashes < row.size() && row[i + hashes] == ' ') {
    heading = static_cast<int>(hashes);
    i += hashes + 1;
  }
  std::string out;
  for (; i < row.size(); ++i) {
    if (row[i] == '*' || row[i] == '_' || row[i] == '`') continue;
    out += row[i];
  }
  return out;
}

}  // namespace

Document read_text(std::string_view bytes, Format format) {
  Document doc;
  doc.format = format;
  doc.pages = 1;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  int page = 0;
  std::vector<Segment> segs;
  auto flush_page = [&] {
    for (Line& l : order_page(std::move(segs), 0.5)) doc.lines.push_back(std::move(l));
    segs.clear();
  };
  double y = 0;
  std::size_t start = 0;
  while (start <= bytes.size()) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view row = bytes.substr(start, end - start);
    if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
    std::size_t ff;
    while ((ff = row.find('\f')) != std::string_view::npos) {
      flush_page();
      ++page, y = 0;
      row.remove_prefix(ff + 1);
    }
    if (format == Format::markdown) {
      int heading = 0;
      std::string text = markdown_line(row, heading);
      for (Segment& s : row_segments(text, page, y)) {
        s.bold = heading > 0;
        s.size = heading > 0 ? 20.0 - heading : 0;
        segs.push_back(std::move(s));
      }
    } else {
      for (Segment& s : row_segments(row, page, y)) segs.push_back(std::move(s));
    }
    y += 1;
    start = end + 1;
  }
  flush_page();
  doc.pages = page + 1;
  return doc;
}

Document read_html(std::string_view bytes) {
  Document doc = read_text(normalize::html_to_text(bytes), Format::html);
  doc.format = Format::html;
  // html_to_text puts a blank line between most blocks: a gap there says nothing.
  for (Line& line : doc.lines) line.gap_before = false;
  // Link targets: profile URLs often show only as a name ("GitHub") with the URL in href.
  std::size_t at = 0;
  while ((at = bytes.find("href=", at)) != std::string_view::npos && doc.links.size() < 200) {
    at += 5;
    if (at >= bytes.size()) break;
    const char quote = bytes[at];
    if (quote != '"' && quote != '\'') continue;
    const std::size_t end = bytes.find(quote, at + 1);
    if (end == std::string_view::npos || end - at > 2048) break;
    std::string_view url = bytes.substr(at + 1, end - at - 1);
    if (url.substr(0, 4) == "http") doc.links.emplace_back(url);
    at = end;
  }
  return doc;
}

}  // namespace hg::resume::detail
