#include "skills/extract.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "skills/context.hpp"
#include "skills/text.hpp"

namespace hg::skills {
namespace {

constexpr std::size_t kMaxFormBytes = 96;  // longer walks stop: bounds work per position

struct Hit {
  std::uint32_t form;
  std::size_t begin;
  std::size_t end;
};

// A sentence (or a part in brackets) of line number `line`; `section` is what the heading
// above it said.
struct Segment {
  std::size_t begin;
  std::size_t end;
  std::size_t line;
  std::optional<bool> section;
};

bool is_start(std::string_view text, std::size_t i) {
  const char c = text[i];
  if (c == '.') {
    return i + 1 < text.size() && is_word_byte(text[i + 1]) && (i == 0 || !is_word_byte(text[i - 1]));
  }
  if (!is_word_byte(c)) return false;
  if (i == 0) return true;
  const char before = text[i - 1];
  if (is_word_byte(before) || before == '+' || before == '#') return false;
  return !(before == '.' && i >= 2 && is_word_byte(text[i - 2]));
}

// True when a form may end before text[j]: not inside a word, "C++" or "Node.js".
bool is_end(std::string_view text, std::size_t j) {
  if (j >= text.size()) return true;
  const char c = text[j];
  if (is_word_byte(c) || c == '+' || c == '#') return false;
  return !(c == '.' && j + 1 < text.size() && is_word_byte(text[j + 1]));
}

// The span's letters, digits and symbols equal the form's, byte for byte ("Go", not "GO").
bool same_case(std::string_view span, std::string_view form) {
  auto next = [](std::string_view s, std::size_t& k) {
    while (k < s.size() && !is_word_byte(s[k]) && !is_symbol_byte(s[k])) ++k;
    return k < s.size();
  };
  std::size_t a = 0, b = 0;
  while (true) {
    const bool more_a = next(span, a), more_b = next(form, b);
    if (!more_a || !more_b) return more_a == more_b;
    if (span[a++] != form[b++]) return false;
  }
}

// The longest valid form starting at `i`, as {form, end}; form is kNoEntry when none. Valid:
// the case matches where the form needs it, and the text is not split into more words than
// the form has ("R or" is not the alias "ror").
std::pair<std::uint32_t, std::size_t> longest_at(const Taxonomy& taxonomy, std::string_view text,
                                                 std::size_t i) {
  const Trie& trie = taxonomy.trie();
  const auto forms = taxonomy.forms();
  std::uint32_t node = 0;
  std::uint32_t pieces = 1;         // words of the text so far, split at whitespace
  std::size_t piece_begin = i;
  std::size_t shortest = SIZE_MAX;  // length of the shortest word so far
  std::pair<std::uint32_t, std::size_t> best{kNoEntry, i};
  std::size_t j = i;
  if (text[j] == '.') {
    node = trie.child(0, '.');
    ++j;
  }
  while (node != kNoEntry && j < text.size() && j - i < kMaxFormBytes) {
    const char c = text[j];
    if (is_word_byte(c) || is_symbol_byte(c)) {
      node = trie.child(node, ascii_lower(c));
      ++j;
      if (node == kNoEntry || trie.entry(node) == kNoEntry || !is_end(text, j)) continue;
      const Form& form = forms[trie.entry(node)];
      // "node js" is "Node.js" and "Elastic Search" is "Elasticsearch", but "R or" is not "ror".
      const bool split_ok = pieces <= form.pieces || std::min(shortest, j - piece_begin) >= 3;
      if (split_ok &&
          (!form.case_exact || same_case(text.substr(i, j - i), form.text))) {
        best = {trie.entry(node), j};
      }
    } else if (is_joiner(text, j)) {
      const bool space = c == ' ' || c == '\t';
      if (space) shortest = std::min(shortest, j - piece_begin);
      while (j < text.size() && is_joiner(text, j)) ++j;
      if (space) {
        ++pieces;
        piece_begin = j;
      }
    } else {
      break;
    }
  }
  return best;
}

std::vector<Hit> find_hits(const Taxonomy& taxonomy, std::string_view text) {
  std::vector<Hit> hits;
  std::size_t i = 0;
  while (i < text.size()) {
    const bool may_be_url = text[i] == 'h' || text[i] == 'w';  // spares three compares a byte
    if (may_be_url && (text.compare(i, 7, "http://") == 0 || text.compare(i, 8, "https://") == 0 ||
                       text.compare(i, 4, "www.") == 0)) {
      while (i < text.size() && text[i] != ' ' && text[i] != '\n') ++i;  // not inside URLs
      continue;
    }
    if (!is_start(text, i)) {
      ++i;
      continue;
    }
    auto [form, end] = longest_at(taxonomy, text, i);
    if (form == kNoEntry) {
      ++i;
      continue;
    }
    if (!taxonomy.forms()[form].blocker) hits.push_back({form, i, end});
    i = end;
  }
  return hits;
}

bool is_sentence_end(std::string_view text, std::size_t i) {
  const char c = text[i];
  if (c == '\n' || c == ';' || c == '(' || c == ')') return true;  // "(C# a plus)" is its own
  if (c != '.' && c != '!' && c != '?') return false;
  return i + 1 >= text.size() || text[i + 1] == ' ' || text[i + 1] == '\r' || text[i + 1] == '\t';
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

// A short line ("Requirements:", "Nice to have", "Benefits") may open a section.
// A bullet ("- Docker (Kubernetes a plus)") is a list item, never a heading.
std::optional<std::optional<bool>> heading_of(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  if (line.starts_with("-") || line.starts_with("*") || line.starts_with("\xe2\x80\xa2") ||
      line.starts_with("\xc2\xb7")) {
    return std::nullopt;
  }
  while (!line.empty() && !is_word_byte(line.front())) line.remove_prefix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
  if (line.empty() || line.size() > 60) return std::nullopt;
  const auto words = static_cast<std::size_t>(std::count(line.begin(), line.end(), ' ')) + 1;
  if (line.back() != ':' && words > 5) return std::nullopt;
  return heading_requirement(lower(line));
}

std::vector<Segment> segments_of(std::string_view text) {
  std::vector<Segment> segments;
  std::optional<bool> section;
  std::size_t begin = 0;
  std::size_t line = 0;
  bool line_start = true;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (line_start) {
      const std::size_t eol = std::min(text.find('\n', i), text.size());
      if (auto heading = heading_of(text.substr(i, eol - i))) section = *heading;
      line_start = false;
    }
    if (i == text.size() || is_sentence_end(text, i)) {
      segments.push_back({begin, std::min(i + 1, text.size()), line, section});
      begin = i + 1;
      line_start = i < text.size() && text[i] == '\n';
      if (line_start) ++line;
    }
  }
  return segments;
}

std::optional<bool> merge_required(std::optional<bool> a, std::optional<bool> b) {
  if (a == true || b == true) return true;
  if (a == false || b == false) return false;
  return std::nullopt;
}

// What a strict skill needs from its line: another skill or a word such as "experience".
struct LineFacts {
  std::size_t begin = SIZE_MAX;
  std::size_t end = 0;
  bool plain_hit = false;  // a non-strict skill is named on this line
  std::optional<bool> cue;  // has_tech_cue, worked out on first need
};

// sentence_requirement() of each segment, worked out on first need: a sentence naming five
// skills is lowered and searched for cues once, not five times.
class SegmentRequirements {
 public:
  SegmentRequirements(std::string_view text, const std::vector<Segment>& segments)
      : text_(text), segments_(segments), known_(segments.size()) {}
  std::optional<bool> operator[](std::size_t s) {
    if (!known_[s]) {
      known_[s] = sentence_requirement(
          lower(text_.substr(segments_[s].begin, segments_[s].end - segments_[s].begin)));
    }
    return *known_[s];
  }

 private:
  std::string_view text_;
  const std::vector<Segment>& segments_;
  std::vector<std::optional<std::optional<bool>>> known_;
};

void add_implied(const Taxonomy& taxonomy, std::vector<FoundSkill>& found) {
  std::unordered_map<SkillId, std::size_t> index;
  for (std::size_t k = 0; k < found.size(); ++k) index.emplace(found[k].id, k);
  const std::size_t named = found.size();
  for (std::size_t k = 0; k < named; ++k) {
    for (SkillId id : taxonomy.implied(found[k].id)) {
      auto [it, inserted] = index.try_emplace(id, found.size());
      if (inserted) {
        found.push_back({.id = id, .name = taxonomy.skill(id).name, .required = found[k].required,
                         .implied = true});
      } else if (found[it->second].implied) {
        found[it->second].required = merge_required(found[it->second].required, found[k].required);
      }
    }
  }
}

}  // namespace

std::vector<FoundSkill> extract_skills(const Taxonomy& taxonomy, std::string_view text,
                                       const ExtractOptions& options) {
  text = text.substr(0, std::min(text.size(), options.max_bytes));
  const std::vector<Hit> hits = find_hits(taxonomy, text);
  if (hits.empty()) return {};
  const std::vector<Segment> segments = segments_of(text);
  const auto forms = taxonomy.forms();
  std::vector<std::size_t> segment_of(hits.size());
  std::vector<LineFacts> lines(segments.back().line + 1);
  for (const Segment& segment : segments) {
    lines[segment.line].begin = std::min(lines[segment.line].begin, segment.begin);
    lines[segment.line].end = std::max(lines[segment.line].end, segment.end);
  }
  for (std::size_t h = 0, s = 0; h < hits.size(); ++h) {
    while (segments[s].end <= hits[h].begin) ++s;
    segment_of[h] = s;
    if (!forms[hits[h].form].strict) lines[segments[s].line].plain_hit = true;
  }
  auto corroborated = [&](std::size_t s) {
    LineFacts& line = lines[segments[s].line];
    if (line.plain_hit) return true;
    if (!line.cue) line.cue = has_tech_cue(lower(text.substr(line.begin, line.end - line.begin)));
    return *line.cue;
  };
  SegmentRequirements segment_requirement(text, segments);
  std::vector<FoundSkill> found;
  std::unordered_map<SkillId, std::size_t> index;
  for (std::size_t h = 0; h < hits.size(); ++h) {
    const Form& form = forms[hits[h].form];
    const std::size_t s = segment_of[h];
    if (form.strict && !corroborated(s)) continue;
    std::optional<bool> required = segment_requirement[s];
    if (!required) required = segments[s].section;
    auto [it, inserted] = index.try_emplace(form.skill, found.size());
    if (inserted) {
      found.push_back({.id = form.skill, .name = taxonomy.skill(form.skill).name,
                       .offset = hits[h].begin, .length = hits[h].end - hits[h].begin,
                       .count = 0, .required = required});
    }
    FoundSkill& skill = found[it->second];
    ++skill.count;
    if (!inserted) skill.required = merge_required(skill.required, required);
  }
  if (options.include_implied) add_implied(taxonomy, found);
  return found;
}

}  // namespace hg::skills
