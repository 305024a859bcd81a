// Internal to normalize/salary.cpp: the words a salary scanner knows (periods, "from",
// "up to", range connectors ...) in English, German, French, Spanish and Dutch.
#pragma once

#include <cstdint>
#include <string_view>

namespace hg::normalize::salary_words {

enum class Period : std::uint8_t { none, hour, day, week, month, year };

// What a word can do; a word may do several things ("a": "per" and a Spanish range "to").
enum Flag : std::uint16_t {
  kNoun = 1 << 0,       // a period noun ("hour", "Jahr"): after a figure only behind "per"/"/"
  kWeak = 1 << 1,       // an abbreviation ("hr", "pa"): only right after the figure
  kFrom = 1 << 2,       // "from", "starting", "ab", "minimum": the figure is a minimum
  kUpto = 1 << 3,       // "max", "bis", "jusqu", "under": the figure is a maximum
  kUp = 1 << 4,         // "up" ("up to" before a figure, "and up" after it)
  kTo = 1 << 5,         // "to" (also "up to")
  kConnector = 1 << 6,  // joins two figures into a range: "to", "bis", "à", "a", "tot"
  kAnd = 1 << 7,        // joins a range only after "between": "and", "und", "et", "y", "en"
  kBetween = 1 << 8,    // "between", "zwischen", "entre", "tussen"
  kPer = 1 << 9,        // "per", "pro", "par", "a", "an", "im", "al": leads to a period noun
  kFiller = 1 << 10,    // "gross", "brutto", "brut": may stand between a figure and its period
  kSalary = 1 << 11,    // "salary", "pay", "Gehalt": says the text is about pay
  kMore = 1 << 12,      // "more", "above", "higher" ("or more": the figure is a minimum)
  kParAn = 1 << 13,     // "an" after "par" or "/" is French "year"
};

struct Word {
  std::string_view text;  // ASCII lower case; other UTF-8 bytes as written
  Period period;
  std::uint16_t flags;
};

// The entry for `lower_word`, or nullptr. Also tries the known prefixes ("stundenlohn" is
// an "hour" word, "monatsgehalt" a "month" one).
const Word* find_word(std::string_view lower_word);

// x1000 for "k", "tsd"; x1e6 for "m" (attached), "mio", "million"; x1e5 "lakh", "lpa";
// x1e7 "crore". 0 when the word is no multiplier. `attached`: no space before it.
double multiplier(std::string_view lower_word, bool attached);

}  // namespace hg::normalize::salary_words
