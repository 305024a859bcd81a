#include "normalize/employment.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <cstdint>

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

// " full time contract ": lower case, every ASCII non-alphanumeric a single space, padded.
std::string padded_words(std::string_view text) {
  std::string out = " ";
  out.reserve(text.size() + 2);
  for (char c : text) {
    // ASCII by hand (what std::isalnum means in the "C" locale), with no library call a byte.
    const auto u = static_cast<unsigned char>(c);
    if (u >= 'A' && u <= 'Z') c = static_cast<char>(u - 'A' + 'a');
    const bool keep = (u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z') ||
                      (u >= 'a' && u <= 'z') || u >= 0x80;
    if (!keep && out.back() == ' ') continue;
    out.push_back(keep ? c : ' ');
  }
  if (out.back() != ' ') out.push_back(' ');
  return out;
}

// Words after a cue that make it describe other staff, not this job: "part-time employees
// get a membership", "available for most full-time positions".
bool about_others(const std::string& words, std::size_t after) {
  for (std::string_view noun : {"employee", "employees", "staff", "positions", "workers",
                                "associates", "faculty", "team members", "roles", "jobs"}) {
    if (words.compare(after, noun.size(), noun) == 0 &&
        (after + noun.size() == words.size() || words[after + noun.size()] == ' ')) {
      return true;
    }
  }
  return false;
}

// The first place `phrase` stands in `words` as this job's type, or npos. Every occurrence is
// blanked out, so that a shorter cue inside it ("contract" in "vast contract") is not found
// again: kCues lists phrases before the words they contain.
std::size_t take_cue(std::string& words, std::string_view phrase, bool short_text) {
  const bool stem = phrase.ends_with('*');
  if (stem) phrase.remove_suffix(1);
  std::string needle = " ";
  needle += phrase;
  if (!stem) needle += ' ';
  std::size_t first = std::string::npos;
  // Search from the phrase's first letter, not the space before it: find() stops at every
  // candidate first byte, and spaces are everywhere (a hundred cues times every space made
  // this the costliest step of importing a posting).
  const std::string_view body = std::string_view(needle).substr(1);
  for (std::size_t hit = words.find(body); hit != std::string::npos;
       hit = words.find(body, hit + 1)) {
    if (hit == 0 || words[hit - 1] != ' ') continue;
    const std::size_t at = hit - 1;
    std::size_t end = at + 1 + phrase.size();               // the space after the phrase
    while (end < words.size() && words[end] != ' ') ++end;  // or after a stem's word
    if (first == std::string::npos && (short_text || !about_others(words, end + 1))) first = at;
    std::fill(words.begin() + static_cast<std::ptrdiff_t>(at) + 1,
              words.begin() + static_cast<std::ptrdiff_t>(end), '#');
  }
  return first;
}

// The words of a text as a Bloom filter: a word it lacks is surely absent, one it has is
// probably present. Blanking only removes words, so "absent" holds as cues are taken; the
// check spares a search of the whole text for most of the hundred cues a posting lacks.
class WordFilter {
 public:
  // `words` as padded_words makes it.
  explicit WordFilter(std::string_view words) {
    for (std::size_t at = 1; at < words.size();) {
      const std::size_t end = words.find(' ', at);
      bits_.set(slot(words.substr(at, end - at)));
      at = end + 1;
    }
  }
  bool may_have(std::string_view word) const { return bits_.test(slot(word)); }

 private:
  static constexpr std::size_t kBits = 1 << 14;  // 2 KB: a false hit costs one search
  static std::size_t slot(std::string_view word) {
    std::uint64_t hash = 14695981039346656037ull;  // FNV-1a
    for (char c : word) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return static_cast<std::size_t>(hash % kBits);
  }
  std::bitset<kBits> bits_;
};

// Whether a search for " phrase" (+ ' ' unless `open_end`) in padded words can succeed. Only
// a whole first word is checked: an open-ended single word (a stem) may start any word.
bool may_hold(const WordFilter& filter, std::string_view phrase, bool open_end) {
  const std::size_t space = phrase.find(' ');
  if (space == std::string_view::npos && open_end) return true;
  return filter.may_have(phrase.substr(0, space));
}

// "Job Type: …", "Employment type: …": what follows is a field value, however long the list.
bool has_type_label(const std::string& words, const WordFilter& filter) {
  for (std::string_view label : {" job type", " employment type", " type of employment",
                                 " contract type", " beschäftigungsart", " anstellungsart",
                                 " type de contrat", " tipo de contrato", " dienstverband",
                                 " arbeitszeit", " jornada"}) {
    if (!may_hold(filter, label.substr(1), true)) continue;
    if (words.find(label) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

std::string employment_type_from_text(std::string_view text) {
  std::string words = padded_words(text.substr(0, kMaxText));
  const std::size_t word_count =
      static_cast<std::size_t>(std::count(words.begin(), words.end(), ' ')) - 1;
  const WordFilter filter(words);
  const bool short_text = word_count <= kShortWords || has_type_label(words, filter);
  std::array<std::size_t, kTypes> first;
  first.fill(std::string::npos);
  for (const Cue& cue : kCues) {
    if (cue.short_only && !short_text) continue;
    const bool stem = cue.phrase.ends_with('*');
    if (!may_hold(filter, cue.phrase.substr(0, cue.phrase.size() - stem), stem)) continue;
    const std::size_t at = take_cue(words, cue.phrase, short_text);
    if (at < first[cue.type]) first[cue.type] = at;
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
