// Folding place names for lookup: words of a text in lower-case ASCII (Latin letters with
// their accents dropped), with where each word stands. Internal to lib/normalize: location.cpp
// and fold() in location.hpp share it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hg::normalize::detail {

// One word of the input: its folded form and where it is in the component.
struct Word {
  std::string folded;
  std::size_t begin = 0, end = 0;  // byte offsets in the component
  bool upper = false;              // written in capitals ("CA", "U.S.")
  bool digits = false;             // has a digit: ZIP codes, street numbers, UTC offsets
};

// The first `max_words` words of `text`, folded. Linear in the text.
std::vector<Word> words_of(std::string_view text, std::size_t max_words);

}  // namespace hg::normalize::detail
