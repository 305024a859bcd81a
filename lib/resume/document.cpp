// Format detection and the dispatch to one reader per format, plus the text clean-up they share.
#include "resume/document.hpp"

#include <algorithm>
#include <cstdint>

#include "resume/extract.hpp"
#include "util/strings.hpp"

namespace hg::resume {
namespace {

bool icase_contains(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    std::size_t k = 0;
    while (k < needle.size() &&
           std::tolower(static_cast<unsigned char>(hay[i + k])) == needle[k]) ++k;
    if (k == needle.size()) return true;
  }
  return false;
}

// Decodes one UTF-8 code point at `i` (advancing it); invalid bytes give U+FFFD.
std::uint32_t next_code(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + static_cast<std::size_t>(n) > s.size()) {
    ++i;
    return 0xFFFD;
  }
  std::uint32_t code = n == 1 ? c : c & (0x7F >> n);
  for (int k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    code = (code << 6) | (b & 0x3F);
  }
  i += static_cast<std::size_t>(n);
  return code;
}

// Icon glyphs (private use area), control characters, zero-width marks and invalid bytes
// dropped; no-break and other spaces become ' '; runs of spaces collapse.
std::string clean(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t start = i;
    const std::uint32_t c = next_code(s, i);
    if (c == 0xFFFD || (c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000 || c == 0x200B ||
        c == 0x200C || c == 0x200D || c == 0xFEFF || c == 0xAD || (c < 0x20 && c != '\t')) {
      continue;
    }
    const bool space = c == ' ' || c == '\t' || c == 0xA0 || (c >= 0x2000 && c <= 0x200A) ||
                       c == 0x202F || c == 0x3000;
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out.append(s.substr(start, i - start));
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

void tidy(Document& doc) {
  std::vector<Line> kept;
  bool gap = false;
  for (Line& line : doc.lines) {
    line.text = clean(line.text);
    if (line.text.empty()) {
      gap = true;
      continue;
    }
    line.gap_before = line.gap_before || gap;
    gap = false;
    kept.push_back(std::move(line));
  }
  doc.lines = std::move(kept);
}

}  // namespace

std::string_view format_name(Format format) {
  switch (format) {
    case Format::pdf: return "pdf";
    case Format::docx: return "docx";
    case Format::html: return "html";
    case Format::markdown: return "markdown";
    case Format::text: return "text";
  }
  return "text";
}

Result<Format> detect_format(std::string_view bytes) {
  if (bytes.empty()) return fail(Errc::invalid_input, "empty file");
  std::string_view head = bytes.substr(0, 1024);
  if (head.find("%PDF-") != std::string_view::npos) return Format::pdf;
  if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
    // The DOCX check proper (word/document.xml) happens when the zip is opened.
    return Format::docx;
  }
  if (bytes.substr(0, 5) == "{\\rtf") return fail(Errc::invalid_input, "RTF is not supported");
  std::string_view probe = bytes.substr(0, 64 * 1024);
  if (auto bad = util::first_invalid_utf8(probe); bad && *bad + 4 < probe.size()) {
    return fail(Errc::invalid_input, "binary data, not a PDF, DOCX, HTML or text resume");
  }
  std::string_view start = util::trim(head);
  if (icase_contains(head, "<!doctype html") || icase_contains(head, "<html") ||
      icase_contains(probe, "<body") || (start.substr(0, 1) == "<" && icase_contains(probe, "<div"))) {
    return Format::html;
  }
  std::size_t hashes = 0, lines = 0;
  for (std::size_t i = 0; i < probe.size() && lines < 400; ++i) {
    if (i == 0 || probe[i - 1] == '\n') {
      ++lines;
      if (probe.substr(i, 2) == "# " || probe.substr(i, 3) == "## " || probe.substr(i, 4) == "### ") {
        ++hashes;
      }
    }
  }
  if (hashes >= 2) return Format::markdown;
  return Format::text;
}

Result<Document> read_document(std::string_view bytes, Format format, const Limits& limits) {
  if (bytes.size() > limits.max_bytes) {
    return fail(Errc::invalid_input, "{} bytes: over the {} MiB limit", bytes.size(),
                limits.max_bytes >> 20);
  }
  Result<Document> doc = Document{};
  switch (format) {
    case Format::pdf: doc = detail::read_pdf(bytes, limits); break;
    case Format::docx: doc = detail::read_docx(bytes, limits); break;
    case Format::html: doc = detail::read_html(bytes); break;
    case Format::markdown:
    case Format::text: doc = detail::read_text(bytes, format); break;
  }
  if (!doc) return doc;
  tidy(*doc);
  return doc;
}

}  // namespace hg::resume
