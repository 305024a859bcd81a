// PDF through poppler-cpp: word boxes with positions and fonts -> rows -> segments -> lines.
#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include "resume/extract.hpp"

namespace hg::resume::detail {
namespace {

void quiet_poppler(const std::string&, void*) {}

struct Word {
  std::string text;
  double x0, x1, top, bottom, size;
  bool bold;
  bool space_after;
};

bool bold_font(std::string_view name) {
  // Subset prefixes ("ABCDEF+Inter-Bold") do not matter: look for the weight in the name.
  for (std::string_view w : {"Bold", "bold", "Black", "Heavy", "Semibold", "SemiBold", "Demi"}) {
    if (name.find(w) != std::string_view::npos) return true;
  }
  return false;
}

std::vector<Word> page_words(const poppler::page& page) {
  std::vector<Word> words;
  for (const poppler::text_box& box : page.text_list(poppler::page::text_list_include_font)) {
    poppler::byte_array utf8 = box.text().to_utf8();
    std::string text(utf8.begin(), utf8.end());
    if (text.empty()) continue;
    const poppler::rectf r = box.bbox();
    const bool font = box.has_font_info();
    words.push_back({std::move(text), r.left(), r.right(), r.top(), r.bottom(),
                     font ? box.get_font_size() : r.height(),
                     font && bold_font(box.get_font_name()), box.has_space_after()});
  }
  return words;
}

void row_segments(std::vector<Word*> row, int page_no, std::vector<Segment>& out) {
  std::sort(row.begin(), row.end(), [](const Word* a, const Word* b) { return a->x0 < b->x0; });
  Segment seg;
  const Word* prev = nullptr;
  auto flush = [&] {
    if (!seg.text.empty()) out.push_back(std::move(seg));
    seg = Segment{};
  };
  for (const Word* w : row) {
    const double em = std::max(4.0, w->size);
    // Word spaces run to about 0.3 of the line height; tags set as pills (skills) stand about
    // 0.6 apart, columns and right-aligned dates much further.
    const double height = std::max(1.0, w->bottom - w->top);
    if (prev && (w->x0 - prev->x1 > 1.1 * em || w->x0 - prev->x1 > 0.55 * height)) flush();
    if (seg.text.empty()) {
      seg.x0 = w->x0;
      seg.y = w->top;
      seg.h = w->bottom - w->top;
      seg.size = w->size;
      seg.bold = w->bold;
      seg.page = page_no;
    } else if (prev->space_after || w->x0 - prev->x1 > 0.15 * em) {
      seg.text += ' ';
    }
    seg.text += w->text;
    seg.x1 = std::max(seg.x1, w->x1);
    seg.y = std::min(seg.y, w->top);
    seg.h = std::max(seg.h, w->bottom - seg.y);
    seg.size = std::max(seg.size, w->size);
    seg.bold = seg.bold && w->bold;
    prev = w;
  }
  flush();
}

// Words that share a row (vertical centres within half a height) become segments, split where
// the horizontal gap is wider than about one em.
std::vector<Segment> page_segments(std::vector<Word> words, int page_no) {
  std::stable_sort(words.begin(), words.end(),
                   [](const Word& a, const Word& b) { return a.bottom < b.bottom; });
  std::vector<Segment> out;
  std::size_t i = 0;
  while (i < words.size()) {
    std::size_t j = i + 1;
    const double h = std::max(1.0, words[i].bottom - words[i].top);
    while (j < words.size() && words[j].bottom - words[i].bottom < 0.45 * h) ++j;
    // Type of very different sizes on one baseline (a name with its headline overprinted
    // beside it) makes separate rows.
    std::vector<Word*> row;
    for (std::size_t k = i; k < j; ++k) row.push_back(&words[k]);
    std::sort(row.begin(), row.end(), [](const Word* a, const Word* b) { return a->size < b->size; });
    std::size_t from = 0;
    for (std::size_t k = 1; k <= row.size(); ++k) {
      if (k < row.size() && row[k]->size <= 1.25 * row[k - 1]->size) continue;
      std::vector<Word*> part(row.begin() + static_cast<std::ptrdiff_t>(from),
                              row.begin() + static_cast<std::ptrdiff_t>(k));
      row_segments(part, page_no, out);
      from = k;
    }
    i = j;
  }
  return out;
}

}  // namespace

Result<Document> read_pdf(std::string_view bytes, const Limits& limits) {
  static std::once_flag quiet;
  std::call_once(quiet, [] { poppler::set_debug_error_function(quiet_poppler, nullptr); });
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return fail(Errc::invalid_input, "not a readable PDF (corrupt or truncated)");
  if (doc->is_locked()) {
    Error e = fail(Errc::invalid_input, "encrypted PDF: it needs a password");
    e.hint = "save an unprotected copy and parse that";
    return e;
  }
  Document out;
  out.format = Format::pdf;
  out.pages = doc->pages();
  if (out.pages > limits.max_pages) {
    return fail(Errc::invalid_input, "{} pages: more than the {} a resume may have", out.pages,
                limits.max_pages);
  }
  std::size_t chars = 0;
  for (int p = 0; p < out.pages; ++p) {
    if (std::chrono::steady_clock::now() > limits.deadline) {
      return fail(Errc::invalid_input, "took longer than the time limit per file");
    }
    std::unique_ptr<poppler::page> page(doc->create_page(p));
    if (!page) continue;
    std::vector<Segment> segments = page_segments(page_words(*page), p);
    for (const Segment& s : segments) chars += s.text.size();
    for (Line& line : order_page(std::move(segments), 0.9)) out.lines.push_back(std::move(line));
  }
  // Link annotations ("/URI (https://...)"): profile links often show only as an icon.
  for (std::size_t at = bytes.find("/URI"); at != std::string_view::npos && out.links.size() < 200;
       at = bytes.find("/URI", at + 4)) {
    std::size_t open = at + 4;
    while (open < bytes.size() && bytes[open] == ' ') ++open;
    if (open >= bytes.size() || bytes[open] != '(') continue;
    const std::size_t close = bytes.find(')', open);
    if (close == std::string_view::npos || close - open > 2048) continue;
    out.links.emplace_back(bytes.substr(open + 1, close - open - 1));
  }
  if (chars < 16) {
    Error e = fail(Errc::invalid_input, "image-only PDF: no text layer (a scan?)");
    e.hint = "run it through OCR (e.g. ocrmypdf) first";
    return e;
  }
  return out;
}

}  // namespace hg::resume::detail
