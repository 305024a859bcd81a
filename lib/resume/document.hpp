// The layout-neutral form every resume format is read into: lines of text in reading order,
// with where they stood and how they looked (size, weight) when the format says.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.hpp"

namespace hg::resume {

enum class Format { pdf, docx, html, markdown, text };

// "pdf", "docx", "html", "markdown", "text".
std::string_view format_name(Format format);

struct Line {
  std::string text;      // UTF-8, trimmed, never empty
  double x = 0;          // left edge (points for PDF, character columns for text)
  double right = 0;      // right edge, same unit
  double y = 0;          // top of the line on its page (points, or line number for text)
  double height = 0;     // line height in the same unit as y (0 when unknown)
  double size = 0;       // font size in points; 0 when the format does not say
  bool bold = false;     // set in a bold (or semibold, black) face
  int page = 0;          // 0-based
  int heading = 0;       // 1..6 when the markup calls it a heading (HTML h1-h6, DOCX styles)
  bool gap_before = false;  // a blank line or a larger vertical gap precedes it
  bool continues = false;   // wraps on from the previous line (same block, size and weight)
  int column = 0;           // 0: left or full width, 1: right column of a two-column page
};

struct Document {
  Format format = Format::text;
  std::vector<Line> lines;         // reading order
  std::vector<std::string> links;  // link targets the markup carries (HTML href, DOCX rels)
  int pages = 0;
};

// Limits that bound the work done on one untrusted file.
struct Limits {
  std::size_t max_bytes = 20u << 20;               // larger input: invalid_input
  int max_pages = 200;                             // PDF pages read at most
  std::size_t max_unpacked_bytes = 64u << 20;      // DOCX: all XML parts together
  std::size_t max_xml_depth = 256;                 // DOCX/HTML element nesting
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

// The format from the first bytes (magic numbers and markup), never from a file name:
// "%PDF-" is PDF, a zip with word/document.xml is DOCX, markup with <html>/<body>/<div> is
// HTML, '#' headings or '- ' lists with few tags are Markdown, the rest text.
// Errors: invalid_input for empty input, other binary data and zips that are not DOCX.
Result<Format> detect_format(std::string_view bytes);

// Reads `bytes` as `format` into lines. Errors: invalid_input (corrupt, encrypted, image-only
// or over the limits, with the reason), failed when the deadline passes.
Result<Document> read_document(std::string_view bytes, Format format, const Limits& limits);

}  // namespace hg::resume
