// Small string helpers shared by every layer: trimming, case, splitting, UTF-8 checks.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hg::util {

// Without leading and trailing ASCII whitespace.
std::string_view trim(std::string_view text);

// ASCII lower case; bytes >= 0x80 are left as they are.
std::string to_lower(std::string_view text);

bool starts_with_icase(std::string_view text, std::string_view prefix);

// Splits on `separator`; keeps empty pieces.
std::vector<std::string> split(std::string_view text, char separator);

// Collapses runs of whitespace to one space and trims.
std::string collapse_space(std::string_view text);

// `text` on one line: each run of whitespace holding a line break ('\n', '\r') becomes one
// space, and trailing ones go; other whitespace is kept as it is. For error messages that
// quote other programs or input.
std::string single_line(std::string_view text);

// One UTF-8 character: its code point and how many bytes it takes.
struct Utf8Char {
  std::uint32_t code = 0;
  std::size_t length = 0;
};
// The character whose first byte is text[i] (i < text.size()), when the bytes there are
// well-formed UTF-8: no overlong form, surrogate or value past U+10FFFF, not cut short.
std::optional<Utf8Char> decode_utf8(std::string_view text, std::size_t i);

// The byte offset of the first invalid UTF-8 sequence or NUL byte, if any.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);
// Appends code point `code` (at most U+10FFFF, not a surrogate) as UTF-8.
void append_utf8(std::string& out, std::uint32_t code);

// Parses a whole string as a number; nullopt if anything else is there.
std::optional<std::int64_t> parse_int(std::string_view text);
std::optional<double> parse_double(std::string_view text);

// FNV-1a 64-bit, printed as 16 hex digits: stable ids and content hashes, not security.
std::uint64_t fnv1a64(std::string_view data, std::uint64_t seed = 14695981039346656037ull);
std::string hex64(std::uint64_t value);

}  // namespace hg::util
