#include "normalize/html_fast_chars.hpp"

#include "util/strings.hpp"

namespace hg::normalize::html_fast {
namespace {

// Named references decoded on the fast path ("name;" only); any other name gives up.
struct NamedRef {
  std::string_view name;
  std::uint32_t code;
};
constexpr NamedRef kNamedRefs[] = {
    {"amp", '&'},       {"lt", '<'},        {"gt", '>'},        {"quot", '"'},
    {"apos", '\''},     {"nbsp", 0xA0},     {"mdash", 0x2014},  {"ndash", 0x2013},
    {"rsquo", 0x2019},  {"lsquo", 0x2018},  {"rdquo", 0x201D},  {"ldquo", 0x201C},
    {"hellip", 0x2026}, {"bull", 0x2022},   {"middot", 0xB7},   {"copy", 0xA9},
    {"reg", 0xAE},      {"trade", 0x2122},  {"euro", 0x20AC},   {"pound", 0xA3},
    {"eacute", 0xE9},   {"laquo", 0xAB},    {"raquo", 0xBB},    {"times", 0xD7},
    {"deg", 0xB0},
};

// The HTML5 named references that match without ';' (gumbo decodes "&copy2024" as "©2024").
constexpr std::string_view kLegacyRefs[] = {
    "AElig", "AMP", "Aacute", "Acirc", "Agrave", "Aring", "Atilde", "Auml", "COPY", "Ccedil",
    "ETH", "Eacute", "Ecirc", "Egrave", "Euml", "GT", "Iacute", "Icirc", "Igrave", "Iuml", "LT",
    "Ntilde", "Oacute", "Ocirc", "Ograve", "Oslash", "Otilde", "Ouml", "QUOT", "REG", "THORN",
    "Uacute", "Ucirc", "Ugrave", "Uuml", "Yacute", "aacute", "acirc", "acute", "aelig",
    "agrave", "amp", "aring", "atilde", "auml", "brvbar", "ccedil", "cedil", "cent", "copy",
    "curren", "deg", "divide", "eacute", "ecirc", "egrave", "eth", "euml", "frac12", "frac14",
    "frac34", "gt", "iacute", "icirc", "iexcl", "igrave", "iquest", "iuml", "laquo", "lt",
    "macr", "micro", "middot", "nbsp", "not", "ntilde", "oacute", "ocirc", "ograve", "ordf",
    "ordm", "oslash", "otilde", "ouml", "para", "plusmn", "pound", "quot", "raquo", "reg",
    "sect", "shy", "sup1", "sup2", "sup3", "szlig", "thorn", "times", "uacute", "ucirc",
    "ugrave", "uml", "uuml", "yacute", "yen", "yuml"};

}  // namespace

bool is_plain_code_point(std::uint32_t c) {
  if (c < 0x20) return c == '\t' || c == '\n' || c == '\f' || c == '\r';
  if (c >= 0x7F && c <= 0x9F) return false;
  if (c >= 0xD800 && c <= 0xDFFF) return false;
  if (c >= 0xFDD0 && c <= 0xFDEF) return false;
  if ((c & 0xFFFE) == 0xFFFE) return false;
  return c <= 0x10FFFF;
}

std::optional<std::size_t> plain_utf8_tag_starts(std::string_view text) {
  std::size_t tag_starts = 0;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c >= 0x20 && c < 0x7F) {
      if (c == '<' && i + 1 < n && is_alnum(static_cast<char>(s[i + 1]))) ++tag_starts;
      ++i;
      continue;
    }
    const auto decoded = util::decode_utf8(text, i);
    if (!decoded || !is_plain_code_point(decoded->code)) return std::nullopt;
    i += decoded->length;
  }
  return tag_starts;
}

void append_code_point(std::string& out, std::uint32_t code) {
  if (code == 0xA0) {
    out.push_back(' ');  // as append_text() does with U+00A0
  } else {
    util::append_utf8(out, code);
  }
}

std::string tidy_fast(std::string_view text) {
  std::string tidy;
  tidy.reserve(text.size());
  std::string clean;
  int blank_lines = 0;
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find('\n', start);
    const bool last = end == std::string_view::npos;
    if (last) end = text.size();
    clean.clear();
    bool pending_space = false;
    for (std::size_t i = start; i < end; ++i) {
      const char c = text[i];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
        pending_space = !clean.empty();
        continue;
      }
      if (pending_space) clean.push_back(' ');
      pending_space = false;
      clean.push_back(c);
    }
    if (clean.empty() || clean == "-") {
      ++blank_lines;
    } else {
      if (!tidy.empty()) tidy += blank_lines > 0 ? "\n\n" : "\n";
      blank_lines = 0;
      tidy += clean;
    }
    if (last) break;
    start = end + 1;
  }
  return tidy;
}

std::size_t find_tag_end(std::string_view html, std::size_t i) {
  enum { before_name, name, after_name, before_value, dq, sq, unquoted, after_quoted, solidus };
  int state = before_name;
  const std::size_t n = html.size();
  for (; i < n; ++i) {
    const char c = html[i];
    switch (state) {
      case before_name:
        if (c == '>') return i;
        if (c == '/') state = solidus;
        else if (!is_html_space(c)) state = name;
        break;
      case name:
        if (c == '>') return i;
        if (is_html_space(c)) state = after_name;
        else if (c == '/') state = solidus;
        else if (c == '=') state = before_value;
        break;
      case after_name:
        if (c == '>') return i;
        if (c == '/') state = solidus;
        else if (c == '=') state = before_value;
        else if (!is_html_space(c)) state = name;
        break;
      case before_value:
        if (c == '>') return i;
        if (c == '"') state = dq;
        else if (c == '\'') state = sq;
        else if (!is_html_space(c)) state = unquoted;
        break;
      case dq:
        if (c == '"') state = after_quoted;
        break;
      case sq:
        if (c == '\'') state = after_quoted;
        break;
      case unquoted:
        if (c == '>') return i;
        if (is_html_space(c)) state = before_name;
        break;
      case after_quoted:
      case solidus:
        if (c == '>') return i;
        if (c == '/') state = solidus;
        else if (is_html_space(c)) state = before_name;
        else state = name;
        break;
    }
  }
  return std::string_view::npos;
}

Reference read_reference(std::string_view html, std::size_t amp) {
  const std::size_t n = html.size();
  std::size_t k = amp + 1;
  if (k < n && html[k] == '#') {
    ++k;
    const bool hex = k < n && (html[k] == 'x' || html[k] == 'X');
    if (hex) ++k;
    const std::size_t digits = k;
    std::uint32_t code = 0;
    while (k < n && k < digits + 7) {
      const char c = html[k];
      int v = -1;
      if (c >= '0' && c <= '9') v = c - '0';
      else if (hex && c >= 'a' && c <= 'f') v = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F') v = c - 'A' + 10;
      if (v < 0) break;
      code = code * (hex ? 16 : 10) + static_cast<std::uint32_t>(v);
      ++k;
    }
    if (k == digits || k >= n || html[k] != ';') return {};
    if (code == 0 || code == '\r' || code == '\f' || !is_plain_code_point(code)) return {};
    return {.kind = Reference::Kind::code_point, .code = code, .end = k + 1};
  }
  while (k < n && is_alnum(html[k])) ++k;
  const std::string_view name = html.substr(amp + 1, k - amp - 1);
  if (name.empty()) {  // "& ", "&&", "&-": a literal '&'
    return {.kind = Reference::Kind::literal_amp, .code = 0, .end = amp + 1};
  }
  const bool semicolon = k < n && html[k] == ';';
  if (semicolon) {
    for (const NamedRef& ref : kNamedRefs) {
      if (ref.name == name) {
        return {.kind = Reference::Kind::code_point, .code = ref.code, .end = k + 1};
      }
    }
    return {};  // maybe a reference this table lacks
  }
  for (std::string_view legacy : kLegacyRefs) {
    if (name.starts_with(legacy)) return {};
  }
  return {.kind = Reference::Kind::literal_amp, .code = 0, .end = amp + 1};  // "R&D", "?a=1&b=2"
}

}  // namespace hg::normalize::html_fast
