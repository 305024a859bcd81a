#include "normalize/html_text.hpp"

#include <array>
#include <cstdint>

#include "util/strings.hpp"

namespace hg::normalize {
namespace {

void append_utf8(std::string& out, std::uint32_t code) {
  if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) code = 0xFFFD;
  if (code < 0x80) {
    out.push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code >> 6)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

// Decodes the entity at html[pos] == '&'; returns the bytes consumed (0: not an entity).
std::size_t decode_entity(std::string_view html, std::size_t pos, std::string& out) {
  // Look for the ';' only as far as the longest entity: searching to the end of the input
  // at every '&' would make "&&&&..." quadratic.
  const std::size_t semicolon = html.substr(pos, 11).find(';');
  if (semicolon == std::string_view::npos) return 0;
  const std::size_t end = pos + semicolon;
  const std::string_view name = html.substr(pos + 1, end - pos - 1);
  if (name.size() >= 2 && name[0] == '#') {
    std::uint32_t code = 0;
    const bool hex = name[1] == 'x' || name[1] == 'X';
    for (char c : name.substr(hex ? 2 : 1)) {
      int digit = -1;
      if (c >= '0' && c <= '9') digit = c - '0';
      else if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
      if (digit < 0) return 0;
      code = code * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
      if (code > 0x10FFFF) return 0;
    }
    append_utf8(out, code);
    return end - pos + 1;
  }
  struct Named {
    std::string_view name;
    std::uint32_t code;
  };
  static constexpr std::array<Named, 16> kNamed = {{{"amp", '&'},
                                                    {"lt", '<'},
                                                    {"gt", '>'},
                                                    {"quot", '"'},
                                                    {"apos", '\''},
                                                    {"nbsp", ' '},
                                                    {"ndash", 0x2013},
                                                    {"mdash", 0x2014},
                                                    {"rsquo", 0x2019},
                                                    {"lsquo", 0x2018},
                                                    {"rdquo", 0x201D},
                                                    {"ldquo", 0x201C},
                                                    {"hellip", 0x2026},
                                                    {"bull", 0x2022},
                                                    {"euro", 0x20AC},
                                                    {"middot", 0x00B7}}};
  for (const Named& entity : kNamed) {
    if (entity.name == name) {
      append_utf8(out, entity.code);
      return end - pos + 1;
    }
  }
  return 0;
}

bool is_block_tag(std::string_view tag) {
  static constexpr std::array<std::string_view, 18> kBlocks = {
      "p",  "div", "br", "li", "ul", "ol", "h1", "h2",    "h3",
      "h4", "h5",  "h6", "tr", "table", "section", "article", "header", "footer"};
  for (std::string_view block : kBlocks) {
    if (tag == block) return true;
  }
  return false;
}

// The position just past the "</tag ...>" that ends a <script> or <style> opened before
// `from`, or html.size() when it never ends. Their content is raw text, not markup, so a '<'
// in it ("if (a < b)") must not be read as a tag.
std::size_t end_of_raw_text(std::string_view html, std::size_t from, std::string_view tag) {
  for (std::size_t i = from; i + 2 + tag.size() <= html.size(); ++i) {
    if (html[i] != '<' || html[i + 1] != '/') continue;
    if (!util::starts_with_icase(html.substr(i + 2), tag)) continue;
    const std::size_t after = i + 2 + tag.size();  // "</scripts>" does not end a script
    if (after < html.size() && std::isalnum(static_cast<unsigned char>(html[after]))) continue;
    const std::size_t close = html.find('>', i);
    return close == std::string_view::npos ? html.size() : close + 1;
  }
  return html.size();
}

}  // namespace

bool looks_like_html(std::string_view text) {
  const std::string head = util::to_lower(text.substr(0, 20000));
  for (std::string_view tag : {"<p>", "<p ", "<br", "<li>", "<div", "<ul>", "<strong>", "<b>",
                               "&lt;p&gt;", "&lt;div", "<h2", "<h3", "<span"}) {
    if (head.find(tag) != std::string::npos) return true;
  }
  return false;
}

std::string html_to_text(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  std::size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '<') {
      const std::size_t close = html.find('>', i);
      if (close == std::string_view::npos) break;  // truncated tag: drop the rest
      std::string_view inside = html.substr(i + 1, close - i - 1);
      const bool closing = !inside.empty() && inside[0] == '/';
      if (closing) inside.remove_prefix(1);
      std::size_t name_end = 0;
      while (name_end < inside.size() && std::isalnum(static_cast<unsigned char>(inside[name_end]))) {
        ++name_end;
      }
      const std::string tag = util::to_lower(inside.substr(0, name_end));
      i = close + 1;
      if (!closing && (tag == "script" || tag == "style")) {
        i = end_of_raw_text(html, i, tag);
        continue;
      }
      if (tag == "li" && !closing) {
        out += "\n- ";
      } else if (is_block_tag(tag)) {
        out.push_back('\n');
      }
      continue;
    }
    if (c == '&') {
      if (std::size_t used = decode_entity(html, i, out); used > 0) {
        i += used;
        continue;
      }
    }
    out.push_back(c == '\r' || c == '\t' ? ' ' : c);
    ++i;
  }
  // Collapse spaces within lines and runs of blank lines.
  std::string text;
  text.reserve(out.size());
  int blank_lines = 0;
  for (const std::string& line : util::split(out, '\n')) {
    std::string clean = util::collapse_space(line);
    if (clean.empty() || clean == "-") {
      ++blank_lines;
      continue;
    }
    if (!text.empty()) text += blank_lines > 0 ? "\n\n" : "\n";
    blank_lines = 0;
    text += clean;
  }
  return text;
}

}  // namespace hg::normalize
