#include "normalize/employment.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <bitset>
#include <cassert>
#include <cstdint>
#include <cstring>
#include <deque>
#include <vector>

namespace hg::normalize {
namespace {

constexpr std::size_t kMaxText = 200'000;
constexpr std::size_t kShortWords = 6;

enum Type { full_time, part_time, contract, temporary, internship, freelance, kTypes };

constexpr std::array<std::string_view, kTypes> kCodes = {
    "full_time", "part_time", "contract", "temporary", "internship", "freelance"};

struct Cue {
  std::string_view phrase;  // whole words, lower case, single spaces; trailing '*': a stem
  Type type;
  bool short_only = false;  // only in texts of at most kShortWords words
};

constexpr auto kCues = std::to_array<Cue>({
    // full time / permanent
    {"full time", full_time}, {"fulltime", full_time}, {"vollzeit*", full_time},
    {"festanstellung", full_time}, {"unbefristet*", full_time}, {"temps plein", full_time},
    {"plein temps", full_time}, {"temps complet", full_time}, {"cdi", full_time},
    {"jornada completa", full_time}, {"tiempo completo", full_time},
    {"contrato indefinido", full_time}, {"voltijd", full_time}, {"vast contract", full_time},
    {"vaste baan", full_time}, {"permanent position", full_time},
    {"permanent role", full_time}, {"permanent", full_time, true}, {"fte", full_time, true},
    {"full", full_time, true},
    // part time
    {"part time", part_time}, {"parttime", part_time}, {"teilzeit*", part_time},
    {"halbtags", part_time}, {"minijob", part_time}, {"temps partiel", part_time},
    {"mi temps", part_time}, {"media jornada", part_time}, {"tiempo parcial", part_time},
    {"jornada parcial", part_time}, {"deeltijd", part_time}, {"part", part_time, true},
    // contract / fixed term
    {"contract position", contract}, {"contract role", contract}, {"contract basis", contract},
    {"contract to hire", contract}, {"contract to perm", contract}, {"contract job", contract},
    {"contract assignment", contract}, {"contract opportunity", contract},
    {"contract employee", contract}, {"contingent worker", contract},
    {"contingent position", contract}, {"contingent role", contract},
    {"contract w2", contract}, {"w2 contract", contract}, {"independent contractor", contract},
    {"1099 contractor", contract}, {"corp to corp", contract}, {"c2c", contract},
    {"fixed term", contract}, {"befristet*", contract}, {"zeitvertrag", contract},
    {"cdd", contract}, {"durée déterminée", contract}, {"contrato temporal", contract},
    {"contrato por obra", contract}, {"contrato eventual", contract}, {"tijdelijk*", contract},
    {"contract", contract, true}, {"contractor", contract, true}, {"contrat", contract, true},
    // temporary
    {"temporary", temporary}, {"seasonal", temporary}, {"temp to hire", temporary},
    {"aushilfe", temporary}, {"saisonarbeit", temporary}, {"intérim", temporary},
    {"interim", temporary, true}, {"temporal", temporary, true}, {"temp", temporary, true},
    {"saisonnier", temporary},
    // internship
    {"internship", internship}, {"praktikum", internship},
    {"pflichtpraktikum", internship}, {"praktikant*", internship},
    {"werkstudent*", internship}, {"stagiaire", internship}, {"stage de", internship},
    {"offre de stage", internship}, {"prácticas", internship}, {"practicas", internship},
    {"becario", internship}, {"becaria", internship}, {"stagiair", internship},
    {"stageplaats", internship}, {"afstudeerstage", internship}, {"meewerkstage", internship},
    {"stage", internship, true}, {"intern", internship, true}, {"co op", internship, true},
    // freelance
    {"freelance", freelance}, {"freelancer", freelance}, {"freiberuflich*", freelance},
    {"freiberufler*", freelance}, {"selbstständig*", freelance}, {"indépendant*", freelance},
    {"independant", freelance}, {"auto entrepreneur", freelance}, {"autónomo", freelance},
    {"autonomo", freelance}, {"zzp", freelance}, {"zzp er", freelance},
    {"self employed", freelance},
});

// Words after a cue that make it describe other staff, not this job: "part-time employees
// get a membership", "available for most full-time positions".
constexpr std::string_view kOtherPeople[] = {"employee", "employees", "staff",     "positions",
                                             "workers",  "associates", "faculty", "roles",
                                             "jobs"};

// "Job Type: …", "Employment type: …": what follows is a field value, however long the list.
// Like a stem, a label's last word may go on ("Job Types", "Arbeitszeiten").
constexpr std::string_view kLabels[] = {
    "job type",          "employment type",   "type of employment", "contract type",
    "beschäftigungsart", "anstellungsart",    "type de contrat",    "tipo de contrato",
    "dienstverband",     "arbeitszeit",       "jornada"};

// SWAR helpers over 8 bytes at once, the first byte lowest (x86, ARM): per byte, the result
// is in its high bit.
constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHigh = 0x80 * kOnes;
static_assert(std::endian::native == std::endian::little);

// Bytes of `low7` (high bits clear) that are at least `c` (no carry leaves a byte).
constexpr std::uint64_t at_least(std::uint64_t low7, unsigned c) { return low7 + (0x80 - c) * kOnes; }

// Bytes that are in a word: ASCII letters and digits and any non-ASCII byte (what
// std::isalnum means in the "C" locale, plus UTF-8).
constexpr std::uint64_t word_bytes(std::uint64_t x) {
  const std::uint64_t low7 = x & ~kHigh;
  const std::uint64_t digit = at_least(low7, '0') & ~at_least(low7, '9' + 1);
  const std::uint64_t folded = low7 | 0x20 * kOnes;  // 'A'..'Z' -> 'a'..'z'
  const std::uint64_t letter = at_least(folded, 'a') & ~at_least(folded, 'z' + 1);
  return (x | digit | letter) & kHigh;
}

// `x` as words are kept (ASCII capitals lower-cased, bytes outside words spaces), given
// word_bytes(x).
constexpr std::uint64_t mapped(std::uint64_t x, std::uint64_t in_word) {
  const std::uint64_t low7 = x & ~kHigh;
  const std::uint64_t capital = at_least(low7, 'A') & ~at_least(low7, 'Z' + 1) & ~x & kHigh;
  const std::uint64_t mask = (in_word >> 7) * 0xFF;  // 0xFF in each byte of a word
  return ((x | capital >> 2) & mask) | (' ' * kOnes & ~mask);
}

// Every byte value, in each of the 8 places, is classed and mapped as one at a time would be.
static_assert([] {
  for (unsigned u = 0; u < 256; ++u) {
    const bool in_word = (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') ||
                         (u >= 'A' && u <= 'Z') || u >= 0x80;
    const unsigned kept = !in_word ? ' ' : u >= 'A' && u <= 'Z' ? u - 'A' + 'a' : u;
    for (unsigned place = 0; place < 64; place += 8) {
      const std::uint64_t x = std::uint64_t{u} << place | (' ' * kOnes & ~(0xFFull << place));
      const std::uint64_t marks = word_bytes(x);
      if (marks != (in_word ? 0x80ull << place : 0)) return false;
      if ((mapped(x, marks) >> place & 0xFF) != kept) return false;
    }
  }
  return true;
}());

// The high bits of the 8 bytes as 8 bits, the first byte's lowest. Each bit lands on its own
// place in the product, so no two add up.
constexpr std::uint64_t gather_high_bits(std::uint64_t marks) {
  return ((marks >> 7) * 0x0102040810204080ull) >> 56;
}

// The text's words: lower-case ASCII letters and digits and any non-ASCII byte, split at
// every other ASCII byte. The views point into the object itself, so it is neither copied
// nor moved.
class Words {
 public:
  explicit Words(std::string_view text) {
    // 64 bytes at a time: each byte is mapped and copied, and where words begin and end is
    // read off a mask of the word bytes. A branch a byte, at every word's edge, mispredicts
    // often; here a block costs one loop per edge, whose branch alternates.
    const std::size_t size = text.size();
    const std::size_t blocks = size / 64 + 1;  // the last holds the byte after the last word
    bytes_.assign(blocks * 64 + kPadding, ' ');
    list_.reserve(size / 6);
    char* const out = bytes_.data();
    std::uint64_t before_block = 0;  // 1: the byte before the block is in a word
    std::size_t edges = 0, begin = 0;
    for (std::size_t block = 0; block < blocks; ++block) {
      std::uint64_t words = 0;  // bit k: byte block * 64 + k is in a word
      for (std::size_t k = 0; k < 8; ++k) {
        const std::size_t at = block * 64 + k * 8;
        std::uint64_t x = 0;  // past the text: 0, not in a word
        if (at + 8 <= size) {
          std::memcpy(&x, text.data() + at, 8);
        } else if (at < size) {
          std::memcpy(&x, text.data() + at, size - at);
        }
        const std::uint64_t in_word = word_bytes(x);
        const std::uint64_t bytes = mapped(x, in_word);
        std::memcpy(out + at, &bytes, 8);
        words |= gather_high_bits(in_word) << (8 * k);
      }
      // Bits where a byte's being in a word differs from the byte before: begins and ends,
      // alternately, from a begin.
      for (std::uint64_t edge = words ^ (words << 1 | before_block); edge != 0;
           edge &= edge - 1) {
        const std::size_t at = block * 64 + static_cast<std::size_t>(std::countr_zero(edge));
        if (edges++ % 2 == 0) {
          begin = at;
        } else {
          list_.emplace_back(out + begin, at - begin);
        }
      }
      before_block = words >> 63;
    }
  }
  Words(const Words&) = delete;
  Words& operator=(const Words&) = delete;

  const std::vector<std::string_view>& list() const { return list_; }

 private:
  static constexpr std::size_t kPadding = 8;  // word_hash() reads 8 bytes from a word's start

  std::string bytes_;  // the text as mapped(), then spaces
  std::vector<std::string_view> list_;
};

// A hash of a whole word from its first and last 8 bytes and its length: a word costs two
// loads, not a loop. `word` must have 8 readable bytes from its start (Words pads for that).
std::uint64_t word_hash(std::string_view word) {
  std::uint64_t head = 0, tail = 0;
  std::memcpy(&head, word.data(), 8);
  if (word.size() < 8) head &= (std::uint64_t{1} << (8 * word.size())) - 1;
  if (word.size() > 8) std::memcpy(&tail, word.data() + word.size() - 8, 8);
  return (head * 0x9E3779B97F4A7C15ull ^ (tail + word.size())) * 0xC2B2AE3D27D4EB4Full;
}

// A cue or a label as a list of words.
struct Pattern {
  std::array<std::string_view, 3> words{};
  std::size_t size = 0;
  bool open_end = false;  // the last word may go on: a stem, or a label's last word
  int cue = -1;           // index into kCues; -1 for a label
};

// Where cues and labels stand among a text's words. A text's word is hashed once and looked
// up, instead of searching the whole text once for each of a hundred cues. Built once.
class PatternIndex {
 public:
  PatternIndex() {
    for (std::size_t c = 0; c < kCues.size(); ++c) add(kCues[c].phrase, static_cast<int>(c));
    for (std::string_view label : kLabels) add(std::string(label) + "*", -1);
    std::sort(by_first_word_.begin(), by_first_word_.end());
  }

  // Calls found(pattern, end) for each pattern whose words are words[k, end).
  template <class Found>
  void for_each_at(const std::vector<std::string_view>& words, std::size_t k,
                   Found&& found) const {
    const std::string_view first = words[k];
    const std::uint64_t hash = word_hash(first);
    if (first_words_.test(hash % kFilterBits)) {
      auto it = std::lower_bound(by_first_word_.begin(), by_first_word_.end(),
                                 std::pair<std::uint64_t, std::size_t>(hash, 0));
      for (; it != by_first_word_.end() && it->first == hash; ++it) {
        const Pattern& pattern = patterns_[it->second];
        if (pattern.words[0] == first && rest_matches(pattern, words, k)) {
          found(pattern, k + pattern.size);
        }
      }
    }
    if (first.size() < min_stem_ || !stem_starts_.test(start_slot(first))) return;
    for (std::size_t p : stems_) {
      if (first.starts_with(patterns_[p].words[0])) found(patterns_[p], k + 1);
    }
  }

 private:
  static constexpr std::size_t kFilterBits = 1 << 12;

  // The first three bytes of a word of at least min_stem_ bytes.
  static std::size_t start_slot(std::string_view word) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(word[i]); };
    return ((byte(0) * 31u + byte(1)) * 31u + byte(2)) % kFilterBits;
  }

  void add(std::string_view phrase, int cue) {
    Pattern pattern{.cue = cue};
    pattern.open_end = phrase.ends_with('*');
    if (pattern.open_end) phrase.remove_suffix(1);
    pattern_text_.emplace_back(phrase);  // a deque: the views below stay valid
    const std::string_view text = pattern_text_.back();
    for (std::size_t at = 0; at <= text.size(); ++pattern.size) {
      assert(pattern.size < pattern.words.size());
      const std::size_t end = std::min(text.find(' ', at), text.size());
      pattern.words[pattern.size] = text.substr(at, end - at);
      at = end + 1;
    }
    const std::size_t id = patterns_.size();
    patterns_.push_back(pattern);
    if (pattern.size == 1 && pattern.open_end) {
      assert(text.size() >= 3);
      stems_.push_back(id);
      min_stem_ = std::min(min_stem_, text.size());
      stem_starts_.set(start_slot(text));
      return;
    }
    // word_hash reads 8 bytes: hash a padded copy, as Words pads the text.
    const std::string padded = std::string(pattern.words[0]) + std::string(8, ' ');
    const std::uint64_t hash = word_hash(std::string_view(padded).substr(0, pattern.words[0].size()));
    by_first_word_.emplace_back(hash, id);
    first_words_.set(hash % kFilterBits);
  }

  static bool rest_matches(const Pattern& pattern, const std::vector<std::string_view>& words,
                           std::size_t k) {
    if (k + pattern.size > words.size()) return false;
    for (std::size_t i = 1; i < pattern.size; ++i) {
      const bool last = i + 1 == pattern.size;
      const std::string_view word = words[k + i];
      if (last && pattern.open_end ? !word.starts_with(pattern.words[i])
                                   : word != pattern.words[i]) {
        return false;
      }
    }
    return true;
  }

  std::deque<std::string> pattern_text_;
  std::vector<Pattern> patterns_;
  std::vector<std::pair<std::uint64_t, std::size_t>> by_first_word_;  // (word_hash, pattern)
  std::bitset<kFilterBits> first_words_;  // word_hash of every first word but a stem's
  std::vector<std::size_t> stems_;        // one-word open-ended patterns
  std::size_t min_stem_ = SIZE_MAX;
  std::bitset<kFilterBits> stem_starts_;  // start_slot of every stem
};

// Whether the untaken word at `k` (the one after a cue) names other people.
bool about_others(const std::vector<std::string_view>& words, const std::vector<bool>& taken,
                  std::size_t k) {
  if (k >= words.size() || taken[k]) return false;
  if (words[k] == "team") return k + 1 < words.size() && !taken[k + 1] && words[k + 1] == "members";
  return std::find(std::begin(kOtherPeople), std::end(kOtherPeople), words[k]) !=
         std::end(kOtherPeople);
}

struct CueAt {
  std::size_t cue;  // index into kCues
  std::size_t begin;
  std::size_t end;  // word indices
};

}  // namespace

std::string employment_type_from_text(std::string_view text) {
  static const PatternIndex index;
  const Words words(text.substr(0, kMaxText));
  const std::vector<std::string_view>& list = words.list();
  std::vector<CueAt> found;
  bool labelled = false;
  for (std::size_t k = 0; k < list.size(); ++k) {
    index.for_each_at(list, k, [&](const Pattern& pattern, std::size_t end) {
      if (pattern.cue < 0) {
        labelled = true;
      } else {
        found.push_back({static_cast<std::size_t>(pattern.cue), k, end});
      }
    });
  }
  const bool short_text = list.size() <= kShortWords || labelled;
  // Cues are taken in kCues order, each everywhere in the text, and a taken word is no part
  // of any later cue: kCues lists phrases before the words they contain ("vast contract"
  // before "contract"). `found` holds every place before any is taken; replaying it in that
  // order gives what searching the text cue by cue, blanking each find, would give.
  std::stable_sort(found.begin(), found.end(),
                   [](const CueAt& a, const CueAt& b) { return a.cue < b.cue; });
  std::vector<bool> taken(list.size(), false);
  std::array<std::size_t, kTypes> first;
  first.fill(std::string::npos);
  for (const CueAt& at : found) {
    const Cue& cue = kCues[at.cue];
    if (cue.short_only && !short_text) continue;
    if (std::any_of(taken.begin() + static_cast<std::ptrdiff_t>(at.begin),
                    taken.begin() + static_cast<std::ptrdiff_t>(at.end),
                    [](bool t) { return t; })) {
      continue;
    }
    if (at.begin < first[cue.type] && (short_text || !about_others(list, taken, at.end))) {
      first[cue.type] = at.begin;
    }
    std::fill(taken.begin() + static_cast<std::ptrdiff_t>(at.begin),
              taken.begin() + static_cast<std::ptrdiff_t>(at.end), true);
  }
  int best = -1;
  for (int type : {contract, temporary, internship, freelance}) {
    if (first[type] != std::string::npos && (best < 0 || first[type] < first[best])) best = type;
  }
  if (best < 0) {
    for (int type : {full_time, part_time}) {
      if (first[type] != std::string::npos && (best < 0 || first[type] < first[best])) best = type;
    }
  }
  return best < 0 ? std::string() : std::string(kCodes[static_cast<std::size_t>(best)]);
}

}  // namespace hg::normalize
