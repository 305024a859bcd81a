#include "normalize/html_text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include <gumbo.h>

#include "normalize/html_fast.hpp"
#include "util/strings.hpp"

namespace hg::normalize {
namespace {

// Job descriptions are a few kB; past this the rest of the input is not read.
constexpr std::size_t kMaxInput = 2 * 1024 * 1024;
// Debian 12's gumbo (0.10.1) has no max_tree_depth option, frees its tree recursively and
// walks the stack of open elements for every tag, so a page of 100,000 nested <div>s would
// be quadratic and could overflow the stack. limit_depth() caps nesting (kMaxDepth) before
// gumbo sees it.

bool is_tag_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (n == name) return true;
  }
  return false;
}

// Elements that never nest: void elements, and those whose start tag closes an open sibling.
bool adds_no_depth(std::string_view name) {
  return one_of(name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                       "meta", "param", "source", "track", "wbr", "p", "li", "dt", "dd",
                       "option", "tr", "td", "th"});
}

bool is_raw_text(std::string_view name) {
  return one_of(name, {"script", "style", "textarea", "title", "xmp", "noscript", "iframe",
                       "noembed", "noframes"});
}

// Where the "</name" that ends raw text opened at `from` starts, or npos.
std::size_t find_raw_end(std::string_view html, std::size_t from, std::string_view name) {
  for (std::size_t i = html.find("</", from); i != std::string_view::npos;
       i = html.find("</", i + 2)) {
    if (!util::starts_with_icase(html.substr(i + 2), name)) continue;
    const std::size_t after = i + 2 + name.size();
    if (after < html.size() && is_tag_char(html[after])) continue;  // "</scripts>"
    return i;
  }
  return std::string_view::npos;
}


bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_TR: case GUMBO_TAG_TABLE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_HR: case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_MAIN: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_LI:
      return true;
    default:
      return false;
  }
}

bool is_hidden(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_HEAD: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
      return true;
    default:
      return false;
  }
}

// Text as written, with tabs and CRs as spaces and U+00A0 (&nbsp;) as a plain space.
void append_text(std::string& out, const char* text) {
  for (std::string_view s(text); !s.empty(); s.remove_prefix(1)) {
    if (s.starts_with("\xC2\xA0")) {
      out.push_back(' ');
      s.remove_prefix(1);
    } else {
      out.push_back(s[0] == '\t' || s[0] == '\r' ? ' ' : s[0]);
    }
  }
}

// Depth-first, with an explicit stack: block elements become line breaks around their text.
std::string flatten(const GumboNode* root) {
  std::string out;
  std::vector<std::pair<const GumboNode*, unsigned>> stack{{root, 0}};
  while (!stack.empty()) {
    auto& [node, next] = stack.back();
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      append_text(out, node->v.text.text);
      stack.pop_back();
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) {
      stack.pop_back();  // comments
      continue;
    }
    const bool element = node->type == GUMBO_NODE_ELEMENT;
    const GumboTag tag = element ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
    const GumboVector& children = element ? node->v.element.children : node->v.document.children;
    if (next == 0 && element) {
      if (is_hidden(tag)) {
        stack.pop_back();
        continue;
      }
      if (tag == GUMBO_TAG_LI) {
        out += "\n- ";
      } else if (tag == GUMBO_TAG_BR || is_block(tag)) {
        out.push_back('\n');
      } else if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
        out.push_back(' ');
      }
    }
    if (next < children.length) {
      const auto* child = static_cast<const GumboNode*>(children.data[next]);
      ++next;
      stack.emplace_back(child, 0);
      continue;
    }
    if (element && is_block(tag)) out.push_back('\n');
    stack.pop_back();
  }
  return out;
}

// Spaces collapsed within lines; any run of blank lines becomes one.
std::string tidy_lines(const std::string& text) {
  std::string tidy;
  tidy.reserve(text.size());
  int blank_lines = 0;
  for (const std::string& line : util::split(text, '\n')) {
    std::string clean = util::collapse_space(line);
    if (clean.empty() || clean == "-") {
      ++blank_lines;
      continue;
    }
    if (!tidy.empty()) tidy += blank_lines > 0 ? "\n\n" : "\n";
    blank_lines = 0;
    tidy += clean;
  }
  return tidy;
}

}  // namespace

// One linear pass that copies `html` but drops start tags nested deeper than kMaxDepth.
// It reads tags the way the HTML5 tokenizer does in the common cases (quoted attributes,
// comments, raw text); where it is wrong it only misjudges depth, which gumbo then fixes.
std::string limit_depth(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  int depth = 0;
  std::size_t i = 0;
  while (i < html.size()) {
    const std::size_t lt = html.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= html.size()) break;
    out.append(html.substr(i, lt - i));
    i = lt;
    if (html.substr(lt, 4) == "<!--") {
      const std::size_t end = html.find("-->", lt + 4);
      if (end == std::string_view::npos) break;
      out.append(html.substr(lt, end + 3 - lt));
      i = end + 3;
      continue;
    }
    const bool closing = html[lt + 1] == '/';
    const std::size_t name_start = lt + (closing ? 2 : 1);
    std::size_t j = name_start;
    while (j < html.size() && is_tag_char(html[j])) ++j;
    if (j == name_start) {  // "<" that starts no tag: text
      out.push_back('<');
      i = lt + 1;
      continue;
    }
    const std::string name = util::to_lower(html.substr(name_start, j - name_start));
    char quote = 0;
    while (j < html.size() && (quote != 0 || html[j] != '>')) {
      if (quote == 0 && (html[j] == '"' || html[j] == '\'')) {
        quote = html[j];
      } else if (quote != 0 && html[j] == quote) {
        quote = 0;
      }
      ++j;
    }
    if (j >= html.size()) break;  // a tag cut off by the end of the input: gumbo drops it
    const std::string_view tag = html.substr(lt, j + 1 - lt);
    i = j + 1;
    if (closing) {
      if (!adds_no_depth(name) && !is_raw_text(name) && depth > 0) --depth;
      out.append(tag);
    } else if (is_raw_text(name)) {
      const std::size_t end = find_raw_end(html, i, name);
      const std::size_t stop = end == std::string_view::npos ? html.size() : end;
      out.append(html.substr(lt, stop - lt));
      i = stop;
    } else if (adds_no_depth(name) || tag.ends_with("/>")) {
      out.append(tag);
    } else if (depth < kMaxDepth) {
      ++depth;
      out.append(tag);
    }
  }
  if (i < html.size()) out.append(html.substr(i));
  return out;
}

bool looks_like_html(std::string_view text) {
  const std::string head = util::to_lower(text.substr(0, 20000));
  for (std::string_view tag : {"<p>", "<p ", "<br", "<li>", "<div", "<ul>", "<strong>", "<b>",
                               "&lt;p&gt;", "&lt;div", "<h2", "<h3", "<span"}) {
    if (head.find(tag) != std::string::npos) return true;
  }
  return false;
}

std::string gumbo_to_text(std::string_view bounded_html) {
  const std::string bounded = limit_depth(bounded_html);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // parse errors are not kept: hostile input cannot grow that list
  GumboOutput* output = gumbo_parse_with_options(&options, bounded.data(), bounded.size());
  if (output == nullptr) return {};
  std::string text = tidy_lines(flatten(output->document));
  gumbo_destroy_output(&options, output);
  return text;
}


std::string html_to_text(std::string_view html) {
  std::size_t size = std::min(html.size(), kMaxInput);
  while (size > 0 && size < html.size() &&
         (static_cast<unsigned char>(html[size]) & 0xC0) == 0x80) {
    --size;  // cut on a UTF-8 character boundary
  }
  const std::string_view bounded = html.substr(0, size);
  if (std::optional<std::string> text = fast_html_to_text(bounded)) return std::move(*text);
  return gumbo_to_text(bounded);
}

}  // namespace hg::normalize
