#include "docs/pdf_writer.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <podofo/podofo.h>

#include "util/strings.hpp"

namespace hg::docs {
namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;
constexpr double kLineSpacing = 1.35;  // times the font size, as the header promises
constexpr char32_t kReplacement = 0xFFFD;
constexpr std::size_t kTabWidth = 4;

struct PageSize {
  double width;
  double height;
};

// ISO 216 A4 is 210 x 297 mm; ANSI Letter is 8.5 x 11 in.
PageSize page_size(PaperSize paper) {
  switch (paper) {
    case PaperSize::a4:
      return {595.28, 841.89};
    case PaperSize::letter:
      return {612.0, 792.0};
  }
  return {595.28, 841.89};
}

// `text` was validated by first_invalid_utf8, so every sequence here is well formed.
std::u32string decode_utf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    char32_t code = extra == 0 ? c : c & (0x3F >> extra);
    for (std::size_t k = 1; k <= extra; ++k) {
      code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    out.push_back(code);
    i += extra + 1;
  }
  return out;
}

void append_utf8(std::string& out, char32_t code) {
  if (code < 0x80) {
    out.push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code >> 6)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (code >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

// Splits at '\n' into logical lines. Tabs become spaces and CRs are dropped because the font
// has no glyphs for them; characters outside the BMP become U+FFFD because PoDoFo 0.9's
// Identity-H path maps UTF-16 code units to glyphs one by one and would draw two wrong ones.
std::vector<std::u32string> logical_lines(std::string_view text) {
  std::vector<std::u32string> lines(1);
  for (char32_t code : decode_utf8(text)) {
    if (code == U'\n') {
      lines.emplace_back();
    } else if (code == U'\r') {
      continue;
    } else if (code == U'\t') {
      lines.back().append(kTabWidth, U' ');
    } else {
      lines.back().push_back(code > 0xFFFF ? kReplacement : code);
    }
  }
  return lines;
}

std::u32string_view trim_trailing_spaces(std::u32string_view line) {
  while (!line.empty() && line.back() == U' ') line.remove_suffix(1);
  return line;
}

// Greedy wrapping: each visual line takes as many words as fit; a break swallows its spaces.
// A word wider than the line is cut where it stops fitting (at least one character per line).
template <class Width>
std::vector<std::u32string> wrap_line(std::u32string_view line, const Width& width_of,
                                      double max_width) {
  std::vector<std::u32string> out;
  std::size_t start = 0;
  while (true) {
    double width = 0;
    std::size_t break_at = std::u32string_view::npos;  // a space after some text
    bool seen_text = false;
    std::size_t i = start;
    for (; i < line.size(); ++i) {
      const bool space = line[i] == U' ';
      if (space && seen_text) break_at = i;
      seen_text = seen_text || !space;
      const double next = width + width_of(line[i]);
      if (next > max_width && !space) break;
      width = next;
    }
    if (i == line.size()) {
      out.emplace_back(trim_trailing_spaces(line.substr(start)));
      return out;
    }
    const std::size_t end =
        break_at != std::u32string_view::npos ? break_at : std::max(i, start + 1);
    out.emplace_back(trim_trailing_spaces(line.substr(start, end - start)));
    start = end;
    while (start < line.size() && line[start] == U' ') ++start;
    if (start == line.size()) return out;
  }
}

std::string podofo_message(const PoDoFo::PdfError& error) {
  std::string message = error.what() ? error.what() : "unknown pdf error";
  for (const PoDoFo::PdfErrorInfo& info : error.GetCallstack()) {
    if (!info.GetInformation().empty()) return message + " (" + info.GetInformation() + ")";
  }
  return message;
}

PoDoFo::PdfString pdf_text(std::string_view utf8) {
  return PoDoFo::PdfString(reinterpret_cast<const PoDoFo::pdf_utf8*>(utf8.data()),
                           static_cast<PoDoFo::pdf_long>(utf8.size()));
}

Result<void> check_options(const PdfOptions& options, const PageSize& page) {
  if (!(options.font_size > 0)) {
    return fail(Errc::invalid_argument, "pdf: font size must be positive, not {}",
                options.font_size);
  }
  const double margin = options.margin_mm * kPointsPerMm;
  if (!(margin >= 0) || page.width - 2 * margin < options.font_size ||
      page.height - 2 * margin < options.font_size * kLineSpacing) {
    return fail(Errc::invalid_argument, "pdf: margins of {} mm leave no room for text",
                options.margin_mm);
  }
  std::error_code ec;
  if (options.font_file.empty() || !std::filesystem::is_regular_file(options.font_file, ec) ||
      !std::ifstream(options.font_file, std::ios::binary)) {
    Error error =
        fail(Errc::invalid_argument, "pdf: cannot read font file '{}'", options.font_file);
    error.hint = "pass a TrueType font, e.g. /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    return error;
  }
  return {};
}

// Identity-H gives a Type0 font whose CIDs are glyph ids; CreateFontSubset embeds only the
// glyphs drawn, and PoDoFo writes the ToUnicode CMap that lets the text be extracted again.
Result<PoDoFo::PdfFont*> load_font(PoDoFo::PdfMemDocument& document, const PdfOptions& options) {
  PoDoFo::PdfFont* font = nullptr;
  try {
    const std::string name = std::filesystem::path(options.font_file).stem().string();
    font = document.CreateFontSubset(name.c_str(), false, false, false,
                                     PoDoFo::PdfEncodingFactory::GlobalIdentityEncodingInstance(),
                                     options.font_file.c_str());
  } catch (const PoDoFo::PdfError& e) {
    return fail(Errc::invalid_argument, "pdf: cannot load font '{}': {}", options.font_file,
                podofo_message(e));
  }
  // PoDoFo logs and returns null for a file FreeType opens but cannot use as a font.
  if (font == nullptr) {
    return fail(Errc::invalid_argument, "pdf: cannot load font '{}': not a TrueType font",
                options.font_file);
  }
  font->SetFontSize(static_cast<float>(options.font_size));
  return font;
}

// Draws every line, starting a page whenever the next line's descender would cross the
// bottom margin. A blank line at the top of a page is dropped: it only separated paragraphs.
void paint_lines(PoDoFo::PdfMemDocument& document, PoDoFo::PdfPainter& painter,
                 PoDoFo::PdfFont& font, const std::vector<std::string>& lines,
                 const PageSize& page, double margin, double font_size) {
  const PoDoFo::PdfFontMetrics& metrics = *font.GetFontMetrics();
  const double ascent = metrics.GetAscent() > 0 ? metrics.GetAscent() : font_size;
  const double descent = std::abs(metrics.GetDescent());
  const double top = page.height - margin;
  const PoDoFo::PdfRect media(0, 0, page.width, page.height);

  double baseline = 0;
  bool page_open = false;
  bool page_empty = true;
  for (const std::string& line : lines) {
    if (!page_open || baseline - descent < margin) {
      if (page_open) painter.FinishPage();
      painter.SetPage(document.CreatePage(media));
      painter.SetFont(&font);
      page_open = true;
      page_empty = true;
      baseline = top - ascent;
    }
    if (line.empty() && page_empty) continue;
    if (!line.empty()) painter.DrawText(margin, baseline, pdf_text(line));
    page_empty = false;
    baseline -= font_size * kLineSpacing;
  }
  if (!page_open) painter.SetPage(document.CreatePage(media));
  painter.FinishPage();
}

void paint(PoDoFo::PdfMemDocument& document, PoDoFo::PdfFont& font,
           const std::vector<std::string>& lines, const PageSize& page, double margin,
           double font_size) {
  PoDoFo::PdfPainter painter;
  try {
    paint_lines(document, painter, font, lines, page, margin, font_size);
  } catch (...) {
    // Debian builds PoDoFo with assertions on, and ~PdfPainter asserts that no page is left
    // open: without this an exception here would abort the process instead of unwinding.
    try {
      painter.FinishPage();
    } catch (...) {
    }
    throw;
  }
}

std::vector<std::string> layout(std::string_view text, const PoDoFo::PdfFontMetrics& metrics,
                                double max_width) {
  const auto width_of = [&metrics](char32_t code) {
    return metrics.UnicodeCharWidth(static_cast<unsigned short>(code));
  };
  std::vector<std::string> out;
  for (const std::u32string& logical : logical_lines(text)) {
    for (const std::u32string& visual : wrap_line(logical, width_of, max_width)) {
      std::string utf8;
      for (char32_t code : visual) append_utf8(utf8, code);
      out.push_back(std::move(utf8));
    }
  }
  return out;
}

Result<std::string> write_document(std::string_view text, const PdfOptions& options,
                                   const PageSize& page) {
  PoDoFo::PdfMemDocument document;
  auto font = load_font(document, options);
  if (!font) return font.error();

  const double margin = options.margin_mm * kPointsPerMm;
  const auto lines = layout(text, *(*font)->GetFontMetrics(), page.width - 2 * margin);
  paint(document, **font, lines, page, margin, options.font_size);

  PoDoFo::PdfInfo* info = document.GetInfo();
  if (!options.title.empty()) info->SetTitle(pdf_text(options.title));
  if (!options.author.empty()) info->SetAuthor(pdf_text(options.author));
  info->SetCreator(pdf_text("hg"));
  // PoDoFo stamps the wall clock here; without it the same input gives the same bytes, and
  // lib/ reads no clock of its own (STYLE.md).
  info->GetObject()->GetDictionary().RemoveKey(PoDoFo::PdfName("CreationDate"));

  // The device grows the buffer in steps, so its size is not the file's length.
  PoDoFo::PdfRefCountedBuffer buffer;
  PoDoFo::PdfOutputDevice device(&buffer);
  document.Write(&device);
  return std::string(buffer.GetBuffer(), device.GetLength());
}

// PoDoFo prints its errors to stderr, and lib/ must not print: we report them as Errors.
void silence_podofo() {
  static std::once_flag once;
  std::call_once(once, [] {
    PoDoFo::PdfError::EnableLogging(false);
    PoDoFo::PdfError::EnableDebug(false);
  });
}

}  // namespace

Result<std::string> render_pdf(std::string_view text, const PdfOptions& options) {
  if (auto bad = util::first_invalid_utf8(text)) {
    return fail(Errc::invalid_input, "pdf: text is not UTF-8 (byte {})", *bad);
  }
  for (std::string_view field :
       {std::string_view(options.title), std::string_view(options.author)}) {
    if (util::first_invalid_utf8(field)) {
      return fail(Errc::invalid_input, "pdf: title or author is not UTF-8");
    }
  }
  const PageSize page = page_size(options.paper);
  if (auto valid = check_options(options, page); !valid) return valid.error();

  silence_podofo();
  try {
    return write_document(text, options, page);
  } catch (const PoDoFo::PdfError& e) {
    return fail(Errc::failed, "pdf: {}", podofo_message(e));
  } catch (const std::exception& e) {
    return fail(Errc::failed, "pdf: {}", e.what());
  }
}

}  // namespace hg::docs
