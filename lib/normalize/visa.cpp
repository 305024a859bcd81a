#include "normalize/visa.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdint>

#include "util/strings.hpp"

namespace hg::normalize {
namespace {

constexpr std::size_t kMaxText = 200'000;
constexpr std::size_t kMaxEvidence = 300;

// Lower case, curly apostrophes as ', runs of whitespace as one space.
std::string fold(std::string_view sentence) {
  std::string out;
  out.reserve(sentence.size());
  for (std::size_t i = 0; i < sentence.size(); ++i) {
    char c = sentence[i];
    if (c == '\xE2' && sentence.substr(i, 3) == "\xE2\x80\x99") {  // U+2019
      c = '\'';
      i += 2;
    }
    // ASCII by hand, as std::isspace and std::tolower take them in the "C" locale: fold runs
    // over every byte of every description, and the library calls were most of its cost.
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

// Cues that rule sponsorship out whatever surrounds them.
constexpr auto kNegative = std::to_array<std::string_view>({
    "no sponsorship", "no visa sponsorship", "no visa support", "no h-1b", "no h1b",
    "sponsorship is not available", "sponsorship not available", "sponsorship is unavailable",
    "sponsorship will not be", "sponsorship cannot be", "sponsorship is not offered",
    "sponsorship is not provided", "sponsorship isn't available", "not offer sponsorship",
    "not provide sponsorship", "not offer visa", "not provide visa", "not offering visa",
    "not eligible for sponsorship", "without sponsorship", "without visa sponsorship",
    "without the need for sponsorship", "without the need for visa", "without the need of",
    "without requiring sponsorship", "without requiring visa", "without requiring employer",
    "without employer sponsorship", "without company sponsorship", "without needing",
    "without the need for employer", "without current or future sponsorship",
    "without future sponsorship", "not require sponsorship", "not require visa",
    "not need sponsorship", "not need visa", "not requiring sponsorship",
    "not require employer sponsorship", "not require immigration sponsorship",
    "not require current or future", "unable to provide sponsorship",
    "unable to offer sponsorship", "unable to provide visa", "not in a position to sponsor",
    "not able to offer sponsorship", "not currently sponsor", "not sponsoring",
    "not be sponsoring", "not be providing sponsorship", "us citizens only",
    "u.s. citizens only", "us citizenship required", "u.s. citizenship required",
    "us citizenship is required", "u.s. citizenship is required", "must be a us citizen",
    "must be a u.s. citizen", "must be us citizen", "must be u.s. citizen",
    "only us citizens", "only u.s. citizens", "green card holders only",
    "must have the right to work", "must have the legal right to work",
    "must already have the right to work", "must hold the right to work",
    "must have full right to work", "must have full working rights",
    "must have an existing right to work", "must already have work authorization",
    "not require employer", "not require sponsor", "not be providing visa",
    "not providing visa", "not providing sponsorship", "authorized to work for any employer",
    "authorised to work for any employer", "citizenship is required", "citizenship required",
    "not able to support visa", "unable to support visa", "cannot support visa",
    "not support visa",
});

// "sponsor" as a verb under negation: needs a nearby word about work or visas.
constexpr auto kNegativeVerb = std::to_array<std::string_view>({
    "not sponsor", "n't sponsor", "unable to sponsor", "cannot sponsor", "can not sponsor",
    "not able to sponsor", "no longer sponsor", "not be able to sponsor", "not to sponsor",
});

constexpr auto kPositive = std::to_array<std::string_view>({
    "visa sponsorship available", "visa sponsorship is available", "sponsorship available",
    "sponsorship is available", "sponsorship provided", "sponsorship offered",
    "sponsorship is offered", "sponsorship is provided", "offer visa sponsorship",
    "offers visa sponsorship", "offering visa sponsorship", "provide visa sponsorship",
    "provides visa sponsorship", "providing visa sponsorship", "visa sponsorship provided",
    "visa support", "visa assistance", "relocation and visa", "visa and relocation",
    "eu blue card", "blue card", "h-1b sponsorship", "h1b sponsorship", "h-1b transfer",
    "h1b transfer", "sponsor h-1b", "sponsor h1b", "sponsor visas", "sponsor your visa",
    "sponsor work visas", "sponsor a visa", "sponsorship: yes", "visa sponsorship: yes",
    "open to sponsorship", "support your visa", "help with visa", "assist with visa",
    "visa sponsorship", "sponsorship for international", "immigration support",
    "work permit support", "sponsor the right candidate", "green card sponsorship",
    "visa transfer", "offer h1b", "offer h-1b", "opt sponsor",
});

constexpr auto kPositiveVerb = std::to_array<std::string_view>({
    "we sponsor", "will sponsor", "can sponsor", "able to sponsor", "happy to sponsor",
    "willing to sponsor", "open to sponsor", "do sponsor", "does sponsor", "we'll sponsor",
    "offer sponsorship", "provide sponsorship", "offers sponsorship", "provides sponsorship",
    "agree to sponsor", "may sponsor",
});

// "sponsor" counts only with one of these in the sentence.
constexpr auto kAboutWork = std::to_array<std::string_view>({
    "visa", "h-1b", "h1b", "work", "employment", "immigration", "authoriz", "authoris", "permit",
    "candidate", "applicant", "status", "citizen", "sponsorship", "at this time",
    "this position", "this role", "green card", "tn ", "opt", "relocat",
});

// A clearance rules sponsorship out when required: named, not as optional, with a demand.
constexpr auto kClearance = std::to_array<std::string_view>({
    "security clearance", "secret clearance", "ts/sci", "top secret", "dod clearance",
    "sc clearance", "dv clearance", "government clearance", "q clearance", "q-level clearance",
});
constexpr auto kClearanceOptional = std::to_array<std::string_view>({
    "preferred", "a plus", "nice to have", "desired", "desirable", "bonus", "advantageous",
    "is an asset", "beneficial", "helpful", "not required",
});
constexpr auto kClearanceDemanded = std::to_array<std::string_view>({
    "required", "require", "must", "active", "current", "obtain", "maintain", "eligible",
    "eligibility", "hold",
});

// "... authorized to work in the United States on a permanent basis": no temporary visas.
constexpr auto kAuthorized = std::to_array<std::string_view>({
    "authorized to work", "authorised to work",
});
constexpr auto kPermanentBasis = std::to_array<std::string_view>({"permanent basis"});

// The phrase lists above, as bits.
enum PhraseList : unsigned {
  kNegativeList = 1,
  kNegativeVerbList = 2,
  kPositiveList = 4,
  kPositiveVerbList = 8,
  kAboutWorkList = 16,
  kClearanceList = 32,
  kClearanceOptionalList = 64,
  kClearanceDemandedList = 128,
  kAuthorizedList = 256,
  kPermanentBasisList = 512,
};

// Finds which lists have a phrase in a sentence in one pass over it: the phrases that may
// start at a place are those filed under its first two bytes, instead of searching the
// sentence once for each of some 200 phrases. Built once.
class PhraseIndex {
 public:
  PhraseIndex() {
    add(kNegative, kNegativeList);
    add(kNegativeVerb, kNegativeVerbList);
    add(kPositive, kPositiveList);
    add(kPositiveVerb, kPositiveVerbList);
    add(kAboutWork, kAboutWorkList);
    add(kClearance, kClearanceList);
    add(kClearanceOptional, kClearanceOptionalList);
    add(kClearanceDemanded, kClearanceDemandedList);
    add(kAuthorized, kAuthorizedList);
    add(kPermanentBasis, kPermanentBasisList);
    std::sort(phrases_.begin(), phrases_.end(), [](const Phrase& a, const Phrase& b) {
      return bucket(a.text) < bucket(b.text);
    });
    std::size_t k = 0;
    for (std::size_t b = 0; b <= kBuckets; ++b) {
      while (k < phrases_.size() && bucket(phrases_[k].text) < b) ++k;
      starts_[b] = k;
    }
  }

  // The lists (PhraseList bits) with a phrase in `s`.
  unsigned lists_in(std::string_view s) const {
    unsigned found = 0;
    for (std::size_t at = 0; at + 1 < s.size(); ++at) {
      const std::size_t b = bucket(s.substr(at, 2));
      for (std::size_t k = starts_[b]; k < starts_[b + 1]; ++k) {
        const Phrase& phrase = phrases_[k];
        if ((found & phrase.list) == 0 && s.compare(at, phrase.text.size(), phrase.text) == 0) {
          found |= phrase.list;
        }
      }
    }
    return found;
  }

 private:
  struct Phrase {
    std::string_view text;
    unsigned list;
  };
  // From the low five bits of the first two bytes: 'a' and 'A' agree, as do a few others.
  static constexpr std::size_t kBuckets = 1024;
  static std::size_t bucket(std::string_view two) {
    return (static_cast<unsigned char>(two[0]) & 31u) << 5 | (static_cast<unsigned char>(two[1]) & 31u);
  }

  template <std::size_t N>
  void add(const std::array<std::string_view, N>& list, unsigned bit) {
    for (std::string_view text : list) {
      assert(text.size() >= 2);
      phrases_.push_back({text, bit});
    }
  }

  std::vector<Phrase> phrases_;                   // by bucket()
  std::array<std::size_t, kBuckets + 1> starts_;  // bucket b's phrases: [starts_[b], starts_[b + 1])
};

std::optional<bool> judge(std::string_view s) {
  static const PhraseIndex index;
  const unsigned lists = index.lists_in(s);
  const auto has = [lists](unsigned list) { return (lists & list) != 0; };
  if (has(kNegativeList)) return false;
  if (has(kNegativeVerbList) && has(kAboutWorkList)) return false;
  if (has(kClearanceList) && !has(kClearanceOptionalList) && has(kClearanceDemandedList)) {
    return false;
  }
  if (has(kAuthorizedList) && has(kPermanentBasisList)) return false;
  if (has(kPositiveList)) return true;
  if (has(kPositiveVerbList) && has(kAboutWorkList)) return true;
  return std::nullopt;
}

// At most kMaxEvidence bytes, cut before a UTF-8 continuation byte.
std::string evidence_of(std::string_view sentence) {
  std::string text = util::collapse_space(sentence);
  if (text.size() > kMaxEvidence) {
    std::size_t cut = kMaxEvidence;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text.resize(cut);
    while (!text.empty() && text.back() == ' ') text.pop_back();  // as a reader would trim it
  }
  return text;
}

// A '.' after a lone letter ("U.S.", "e.g.") is an abbreviation, not a sentence end.
bool ends_sentence(std::string_view text, std::size_t i) {
  const char c = text[i];
  if (c == '\n' || c == '!' || c == '?' || c == ';' || c == '\r') return true;
  if (c != '.') return false;
  if (i + 1 < text.size() && !std::isspace(static_cast<unsigned char>(text[i + 1]))) return false;
  const bool lone_letter = i >= 1 && std::isalpha(static_cast<unsigned char>(text[i - 1])) &&
                           (i == 1 || text[i - 2] == '.' || text[i - 2] == ' ');
  return !lone_letter;
}

bool is_legal_form(std::string_view word) {
  for (std::string_view form : {"ltd", "limited", "plc", "llp", "lp", "llc", "inc",
                                "incorporated", "corp", "corporation"}) {
    if (word == form) return true;
  }
  return false;
}

// Every cue above contains one of these (as fold() leaves a sentence): a sentence without any
// of them cannot decide anything, so judge() need not run its hundred searches over it.
constexpr std::string_view kVisaWords[] = {
    "sponsor",     "visa",   "h-1b",      "h1b",    "citizen",    "right to work",
    "working rights", "authoriz", "authoris", "blue card", "immigration", "permit",
    "clearance",   "ts/sci", "top secret", "green card"};

bool is_fold_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Where `word` ends if it starts at text[i] as fold() would read it (ASCII case ignored, a
// space standing for a run of whitespace), or npos.
std::size_t visa_word_end(std::string_view text, std::size_t i, std::string_view word) {
  for (char w : word) {
    if (i >= text.size()) return std::string_view::npos;
    if (w == ' ') {
      if (!is_fold_space(text[i])) return std::string_view::npos;
      while (i < text.size() && is_fold_space(text[i])) ++i;
    } else {
      const char c = text[i];
      if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != w) {
        return std::string_view::npos;
      }
      ++i;
    }
  }
  return i;
}

// A key of three bytes from the low five bits of each: 'A' and 'a' agree, as do a few bytes
// that no visa word holds there (they only cost a closer look). 15 bits, so a set of keys is
// 4 KB and stays in the L1 cache.
constexpr std::uint32_t kTripleBits = 15;
constexpr std::uint32_t triple_key(std::uint32_t key, char next) {
  return (key << 5 | (static_cast<unsigned char>(next) & 31u)) & ((1u << kTripleBits) - 1);
}

// triple_key() of the first three bytes of each of kVisaWords.
constexpr auto kVisaWordStarts = [] {
  std::array<std::uint64_t, (1u << kTripleBits) / 64> bits{};
  for (std::string_view word : kVisaWords) {
    const std::uint32_t key = triple_key(triple_key(triple_key(0, word[0]), word[1]), word[2]);
    bits[key / 64] |= std::uint64_t{1} << (key % 64);
  }
  return bits;
}();

struct Place {
  std::size_t begin;
  std::size_t end;
};

// The first of kVisaWords that starts at or after `from`, or {npos, npos}. Every visa word has
// at least three bytes; a key of the three at each place rules out nearly every place in a
// text where none starts, with one load and one test a byte.
Place next_visa_word(std::string_view text, std::size_t from) {
  // Each place's key from its own three bytes, not rolled on from the last place's: the
  // places do not wait on one another.
  for (std::size_t j = from + 2; j < text.size(); ++j) {
    const std::uint32_t key = triple_key(triple_key(triple_key(0, text[j - 2]), text[j - 1]), text[j]);
    if ((kVisaWordStarts[key / 64] >> (key % 64) & 1) == 0) continue;
    const std::size_t i = j - 2;
    // The shortest word here: a longer one may cross a sentence end that it does not.
    std::size_t end = std::string_view::npos;
    for (std::string_view word : kVisaWords) end = std::min(end, visa_word_end(text, i, word));
    if (end != std::string_view::npos) return {i, end};
  }
  return {std::string_view::npos, std::string_view::npos};
}

}  // namespace

VisaSignal visa_from_text(std::string_view text) {
  text = text.substr(0, kMaxText);
  VisaSignal positive;
  // Only the sentences holding one of kVisaWords are judged, in text order: the others
  // cannot decide, and finding the words first spares folding every sentence. A sentence
  // ends where ends_sentence() says, so it can be found around a word in either direction.
  std::size_t from = 0;
  for (Place word = next_visa_word(text, from); word.begin != std::string_view::npos;
       word = next_visa_word(text, from)) {
    std::size_t start = word.begin;
    while (start > 0 && !ends_sentence(text, start - 1)) --start;
    std::size_t stop = word.begin;
    while (stop < text.size() && !ends_sentence(text, stop)) ++stop;
    if (word.end > stop) {  // "right\nto work" is in no sentence
      from = word.begin + 1;
      continue;
    }
    from = stop + 1;
    const std::string_view sentence = util::trim(text.substr(start, stop - start));
    const bool question = stop < text.size() && text[stop] == '?';
    if (question) continue;
    const std::optional<bool> verdict = judge(fold(sentence));
    if (verdict == false) return {false, evidence_of(sentence)};
    if (verdict == true && !positive.sponsors) positive = {true, evidence_of(sentence)};
  }
  return positive;
}

std::string sponsor_name_key(std::string_view company_name) {
  std::string spaced;
  spaced.reserve(company_name.size() + 8);
  for (std::size_t i = 0; i < company_name.size(); ++i) {
    const char c = company_name[i];
    const auto byte = static_cast<unsigned char>(c);
    if (company_name.substr(i, 3) == "\xE2\x80\x99") {  // U+2019, a curly apostrophe
      i += 2;
    } else if (c == '\'') {
      continue;
    } else if (c == '&') {
      spaced += " and ";
    } else if (std::isalnum(byte) || byte >= 0x80) {
      spaced.push_back(static_cast<char>(std::tolower(byte)));
    } else {
      spaced.push_back(' ');
    }
  }
  std::vector<std::string> words;
  for (std::string& word : util::split(spaced, ' ')) {
    if (!word.empty()) words.push_back(std::move(word));
  }
  std::size_t begin = 0, end = words.size();
  if (end - begin > 1 && words[begin] == "the") ++begin;
  while (end - begin > 1 && is_legal_form(words[end - 1])) --end;
  std::string key;
  for (std::size_t i = begin; i < end; ++i) {
    if (!key.empty()) key.push_back(' ');
    key += words[i];
  }
  return key;
}

namespace {

// Whether sponsor_name_key(line) == line, checked without allocating: the shipped register
// is normalised already, and skipping the work keeps load() well under 100 ms.
bool is_key(std::string_view line) {
  if (line.empty() || line.front() == ' ' || line.back() == ' ') return false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const auto byte = static_cast<unsigned char>(line[i]);
    if (byte == ' ') {
      if (line[i - 1] == ' ') return false;
    } else if (byte < 0x80 && !(std::islower(byte) || std::isdigit(byte))) {
      return false;
    } else if (line.substr(i, 3) == "\xE2\x80\x99") {
      return false;
    }
  }
  const std::size_t first_space = line.find(' ');
  if (first_space == std::string_view::npos) return true;
  return line.substr(0, first_space) != "the" &&
         !is_legal_form(line.substr(line.rfind(' ') + 1));
}

}  // namespace

Result<SponsorRegister> SponsorRegister::load(std::string_view text) {
  SponsorRegister reg;
  reg.storage_.reserve(text.size());
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = util::trim(text.substr(start, end - start));
    start = end + 1;
    if (line.empty() || line[0] == '#') continue;
    const std::size_t offset = reg.storage_.size();
    if (is_key(line)) {
      reg.storage_ += line;
    } else {
      const std::string key = sponsor_name_key(line);
      if (key.empty()) continue;
      reg.storage_ += key;
    }
    reg.names_.push_back({offset, reg.storage_.size() - offset});
    reg.storage_.push_back('\n');
  }
  if (reg.names_.empty()) {
    return fail(Errc::invalid_input, "sponsor register: no company names in {} bytes",
                text.size());
  }
  const auto by_name = [&reg](Span a, Span b) { return reg.name(a) < reg.name(b); };
  // The shipped file is sorted already; sorting is for registers loaded from other text.
  if (!std::is_sorted(reg.names_.begin(), reg.names_.end(), by_name)) {
    std::sort(reg.names_.begin(), reg.names_.end(), by_name);
  }
  return reg;
}

bool SponsorRegister::contains(std::string_view company_name) const {
  const std::string key = sponsor_name_key(company_name);
  if (key.empty()) return false;
  const auto it = std::lower_bound(names_.begin(), names_.end(), std::string_view(key),
                                   [this](Span span, std::string_view k) { return name(span) < k; });
  return it != names_.end() && name(*it) == key;
}

}  // namespace hg::normalize
