// Internal to lib/normalize: html_to_text's fast path, a one-pass scanner that writes exactly
// what the gumbo path writes for the simple, well-formed fragments most descriptions are.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hg::normalize {

// Nesting deeper than this is cut before gumbo sees it (html_text.cpp explains why).
inline constexpr int kMaxDepth = 200;

// `html` without the start tags nested deeper than kMaxDepth (html_text.cpp).
std::string limit_depth(std::string_view html);

// The general path (html_text.cpp): `html` (already cut to the input limit) parsed by gumbo
// with its depth limited, flattened and tidied. The fast path must give the same text.
std::string gumbo_to_text(std::string_view html);

// The text of `html` (already cut to the input limit), or nullopt when the input leaves the
// subset the scanner models exactly; the caller then parses it with gumbo.
std::optional<std::string> fast_html_to_text(std::string_view html);

}  // namespace hg::normalize
