// HTML to plain text for job descriptions: tags dropped, blocks become lines, entities decoded.
#pragma once

#include <string>
#include <string_view>

namespace hg::normalize {

// True when `text` looks like HTML markup (has a tag such as <p>, <br>, <li>, <div>).
bool looks_like_html(std::string_view text);

// Linear time, no recursion: safe on hostile input. Drops <script> and <style> contents,
// turns block ends and <br> into newlines, "<li>" into "- ", decodes named and numeric
// entities (the common ones), and collapses blank runs.
// Most inputs take a one-pass scanner of the common markup; the rest (tables, misnested
// formatting, rare entities...) take a gumbo parse. Both give the same text.
std::string html_to_text(std::string_view html);

}  // namespace hg::normalize
