// Plain text to a real PDF (PoDoFo): an embedded, subset TrueType font so any letter the font
// has renders and extracts back ("Zoë Łukasz Ångström"), wrapped to the page, page breaks.
#pragma once

#include <string>
#include <string_view>

#include "util/result.hpp"

namespace hg::docs {

enum class PaperSize { a4, letter };

struct PdfOptions {
  PaperSize paper = PaperSize::a4;
  double margin_mm = 25;       // on all four sides
  double font_size = 11;       // points; lines are 1.35 times this apart
  std::string font_file{};       // a TrueType font file (required); embedded as a subset
  std::string title{};           // document information: Title
  std::string author{};          // document information: Author
};

// Lays out `text` (UTF-8): '\n' ends a line, a blank line separates paragraphs, long lines wrap
// at spaces (a word wider than the line is broken), a page ends when the next line would cross
// the bottom margin. Returns the PDF file's bytes. Errors: invalid_argument for a missing or
// unreadable font or margins that leave no room; invalid_input for text that is not UTF-8;
// failed if PoDoFo fails. Tabs become four spaces; characters outside the BMP become U+FFFD
// (PoDoFo 0.9 maps UTF-16 code units to glyphs one by one). Same input, same bytes: no
// CreationDate is written. Thread-safe: each call has its own document and FreeType library;
// the first call turns off PoDoFo's process-wide stderr logging, as failures become Errors.
Result<std::string> render_pdf(std::string_view text, const PdfOptions& options);

}  // namespace hg::docs
