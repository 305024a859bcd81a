// Internal to lib/normalize: the character-level pieces of html_fast.cpp's scanner (UTF-8
// checks, character references, the attribute states that find a tag's end, line tidying),
// each matching what the gumbo path does with the same bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hg::normalize::html_fast {

inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_alnum(char c) { return is_alpha(c) || (c >= '0' && c <= '9'); }
// Whitespace to the HTML tokenizer; '\r' counts because gumbo turns it into '\n'.
inline bool is_html_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

// Code points gumbo keeps as written (it replaces the rest, or maps them via windows-1252).
bool is_plain_code_point(std::uint32_t c);

// When `text` is valid UTF-8 of plain code points: how many "<x" (x alphanumeric) it holds,
// which limit_depth() may take for start tags. nullopt otherwise.
std::optional<std::size_t> plain_utf8_tag_starts(std::string_view text);

// Appends `code` as UTF-8; U+00A0 becomes a space, as the gumbo path's append_text() does.
void append_code_point(std::string& out, std::uint32_t code);

// A character reference at html[amp] == '&', as gumbo decodes it in text.
struct Reference {
  enum class Kind {
    give_up,      // outside the modelled subset (an odd or unknown reference)
    literal_amp,  // no reference ("R&D", "?a=1&b=2"): the '&' is text
    code_point,   // `code`
  };
  Kind kind = Kind::give_up;
  std::uint32_t code = 0;
  std::size_t end = 0;  // where scanning goes on
};
Reference read_reference(std::string_view html, std::size_t amp);

// Past a tag name at `i`: the index of the '>' that ends the tag, as the HTML5 tokenizer's
// attribute states find it (only quoted values hide '>'), or npos at the end of the input.
std::size_t find_tag_end(std::string_view html, std::size_t i);

// tidy_lines() without the per-line allocations: same splitting, collapsing and blank runs.
std::string tidy_fast(std::string_view text);

}  // namespace hg::normalize::html_fast
