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

// A sentence (or a part in brackets) that names a skill; `section` is what the heading above
// its line said.
struct Segment {
  std::size_t begin;
  std::size_t end;   // after the byte that ends it, or the text's end
  std::size_t line;  // index into Layout::lines
  std::optional<bool> section;
  std::optional<std::optional<bool>> requirement;  // sentence_requirement, on first need
};

// What a strict skill needs from its line: another skill or a word such as "experience".
struct LineFacts {
  std::size_t begin;
  std::size_t end;          // after its '\n', or the text's end
  bool plain_hit = false;   // a non-strict skill is named on this line
  std::optional<bool> cue;  // has_tech_cue, worked out on first need
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
// the form has ("R or" is not the alias "ror"). The walk resumes at `at`, where it stands
// after text[i, j): nothing (j == i) or the run of word bytes at i (Trie::after_word).
std::pair<std::uint32_t, std::size_t> longest_at(const Taxonomy& taxonomy, std::string_view text,
                                                 std::size_t i, Trie::Cursor at, std::size_t j) {
  const Trie& trie = taxonomy.trie();
  const auto forms = taxonomy.forms();
  std::uint32_t pieces = 1;         // words of the text so far, split at whitespace
  std::size_t piece_begin = i;
  std::size_t shortest = SIZE_MAX;  // length of the shortest word so far
  std::pair<std::uint32_t, std::size_t> best{kNoEntry, i};
  // Called after each byte read: a form may end here.
  auto take_entry = [&] {
    const std::uint32_t entry = trie.entry(at);
    if (entry == kNoEntry || !is_end(text, j)) return;
    const Form& form = forms[entry];
    // "node js" is "Node.js" and "Elastic Search" is "Elasticsearch", but "R or" is not "ror".
    const bool split_ok = pieces <= form.pieces || std::min(shortest, j - piece_begin) >= 3;
    if (split_ok && (!form.case_exact || same_case(text.substr(i, j - i), form.text))) {
      best = {entry, j};
    }
  };
  if (j > i) {
    take_entry();  // inside the run no form ends (is_end), so its end is the one place to look
  } else if (text[j] == '.') {
    at = trie.next(at, '.');
    ++j;
  }
  while (at.valid() && j < text.size() && j - i < kMaxFormBytes) {
    const char c = text[j];
    if (is_word_byte(c) || is_symbol_byte(c)) {
      at = trie.next(at, ascii_lower(c));
      ++j;
      if (!at.valid()) break;
      take_entry();
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

bool is_url_at(std::string_view text, std::size_t i) {
  return text.compare(i, 7, "http://") == 0 || text.compare(i, 8, "https://") == 0 ||
         text.compare(i, 4, "www.") == 0;
}

// Spares three compares a byte.
bool may_be_url_at(std::string_view text, std::size_t i) {
  return (text[i] == 'h' || text[i] == 'w') && is_url_at(text, i);
}

std::vector<Hit> find_hits(const Taxonomy& taxonomy, std::string_view text) {
  const Trie& trie = taxonomy.trie();
  std::vector<Hit> hits;
  std::size_t i = 0;
  while (i < text.size()) {
    if (may_be_url_at(text, i)) {
      while (i < text.size() && text[i] != ' ' && text[i] != '\n') ++i;  // not inside URLs
      continue;
    }
    // A run of word bytes is taken whole: only its first byte may start a form, and most runs
    // are words no key begins with, which the trie tells without a walk (a form cannot end
    // inside a run, so a walk that stops inside one finds nothing, nor does one that would
    // need more than kMaxFormBytes to leave it). A walk resumes after the run.
    const std::size_t run_end = word_run_end(text, i);
    if (is_start(text, i) && run_end - i <= kMaxFormBytes) {
      const Trie::Cursor at = run_end == i ? Trie::root() : trie.after_word(text, i, run_end);
      auto [form, end] = at.valid() ? longest_at(taxonomy, text, i, at, run_end)
                                    : std::pair{kNoEntry, i};
      if (form != kNoEntry) {
        if (!taxonomy.forms()[form].blocker) hits.push_back({form, i, end});
        i = end;
        continue;
      }
    }
    if (run_end <= i + 1) {
      ++i;
      continue;
    }
    // Inside the run nothing starts, but a URL may: "http://", "https://" and "www." end a
    // run of word bytes, so only three places can hold one.
    constexpr std::size_t kUrlStarts[] = {5, 4, 3};  // bytes before the run's end
    std::size_t next = run_end;
    for (std::size_t back : kUrlStarts) {
      if (run_end > i + back && may_be_url_at(text, run_end - back)) {
        next = run_end - back;
        break;
      }
    }
    i = next;
  }
  return hits;
}

bool is_sentence_end(std::string_view text, std::size_t i) {
  const char c = text[i];
  if (c == '\n' || c == ';' || c == '(' || c == ')') return true;  // "(C# a plus)" is its own
  if (c != '.' && c != '!' && c != '?') return false;
  return i + 1 >= text.size() || text[i + 1] == ' ' || text[i + 1] == '\r' || text[i + 1] == '\t';
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
  return heading_requirement(line);
}

// The segments and lines that hold hits, and each hit's segment.
struct Layout {
  std::vector<Segment> segments;
  std::vector<LineFacts> lines;
  std::vector<std::size_t> segment_of;  // per hit
};

// Sentences are found only around hits (whose bytes never end one), and lines by their '\n':
// a text names a few skills, and testing every byte of it for a sentence end cost more than
// finding them. Every line up to the last hit is still read for a heading, in order, since a
// heading holds until the next one.
Layout layout_of(std::string_view text, const std::vector<Hit>& hits) {
  Layout layout;
  std::optional<bool> section;
  std::size_t line_begin = 0;
  std::size_t line_break = std::min(text.find('\n'), text.size());
  if (auto heading = heading_of(text.substr(0, line_break))) section = *heading;
  for (const Hit& hit : hits) {
    while (hit.begin > line_break) {
      line_begin = line_break + 1;
      line_break = std::min(text.find('\n', line_begin), text.size());
      if (auto heading = heading_of(text.substr(line_begin, line_break - line_begin))) {
        section = *heading;
      }
    }
    if (layout.lines.empty() || layout.lines.back().begin != line_begin) {
      layout.lines.push_back({.begin = line_begin,
                              .end = std::min(line_break + 1, text.size()),
                              .plain_hit = false,
                              .cue = std::nullopt});
    }
    if (layout.segments.empty() || layout.segments.back().end <= hit.begin) {
      std::size_t begin = hit.begin;  // the '\n' before line_begin ends a sentence
      while (begin > line_begin && !is_sentence_end(text, begin - 1)) --begin;
      std::size_t end = hit.begin;
      while (end < text.size() && !is_sentence_end(text, end)) ++end;
      layout.segments.push_back({.begin = begin,
                                 .end = std::min(end + 1, text.size()),
                                 .line = layout.lines.size() - 1,
                                 .section = section,
                                 .requirement = std::nullopt});
    }
    layout.segment_of.push_back(layout.segments.size() - 1);
  }
  return layout;
}

std::optional<bool> merge_required(std::optional<bool> a, std::optional<bool> b) {
  if (a == true || b == true) return true;
  if (a == false || b == false) return false;
  return std::nullopt;
}

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
  Layout layout = layout_of(text, hits);
  std::vector<Segment>& segments = layout.segments;
  std::vector<LineFacts>& lines = layout.lines;
  const std::vector<std::size_t>& segment_of = layout.segment_of;
  const auto forms = taxonomy.forms();
  for (std::size_t h = 0; h < hits.size(); ++h) {
    if (!forms[hits[h].form].strict) lines[segments[segment_of[h]].line].plain_hit = true;
  }
  auto corroborated = [&](std::size_t s) {
    LineFacts& line = lines[segments[s].line];
    if (line.plain_hit) return true;
    if (!line.cue) line.cue = has_tech_cue(text.substr(line.begin, line.end - line.begin));
    return *line.cue;
  };
  // A sentence naming five skills is searched for cues once, not five times.
  auto segment_requirement = [&](std::size_t s) {
    Segment& segment = segments[s];
    if (!segment.requirement) {
      segment.requirement =
          sentence_requirement(text.substr(segment.begin, segment.end - segment.begin));
    }
    return *segment.requirement;
  };
  std::vector<FoundSkill> found;
  std::unordered_map<SkillId, std::size_t> index;
  for (std::size_t h = 0; h < hits.size(); ++h) {
    const Form& form = forms[hits[h].form];
    const std::size_t s = segment_of[h];
    if (form.strict && !corroborated(s)) continue;
    std::optional<bool> required = segment_requirement(s);
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
