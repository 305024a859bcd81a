// work[]: employer, position, location and dates of each entry, from the header lines
// find_entries collected ("Engineer at Acme", "Engineer, Acme", "Acme" over "Engineer").
#include <algorithm>
#include <cmath>

#include "resume/entry_lines.hpp"

namespace hg::resume::detail {
namespace {

bool legal_suffix(std::string_view part) {
  const std::string k = key_of(part);
  for (std::string_view w : {"inc", "llc", "ltd", "gmbh", "ag", "sa", "s a", "sas", "s a s", "bv",
                             "b v", "nv", "corp", "co", "plc", "pty ltd", "srl", "spa", "kg",
                             "limited", "s l", "sl", "ltda", "s a de c v", "de c v", "oy", "ab",
                             "llp", "lp", "se", "d o o"}) {
    if (k == w) return true;
  }
  return false;
}

// "Principal Developer, Nara Logics, Inc" -> position "Principal Developer", company
// "Nara Logics, Inc": the last comma part (with a legal suffix joined back) is the employer.
bool split_at_comma(std::string_view text, std::string& position, std::string& company) {
  std::vector<std::string> parts;
  for (std::size_t s0 = 0; s0 <= text.size();) {
    const std::size_t e0 = std::min(text.find(", ", s0), text.size());
    std::string part(text.substr(s0, e0 - s0));
    if (!parts.empty() && legal_suffix(part)) {
      parts.back() += ", " + part;
    } else {
      parts.push_back(part);
    }
    s0 = e0 + 2;
  }
  if (parts.size() < 2) return false;
  company = parts.back();
  position.clear();
  for (std::size_t k = 0; k + 1 < parts.size(); ++k) position += (k ? ", " : "") + parts[k];
  return title_score(company) <= title_score(position);
}

// "Engineer at Acme", "Ingeniero en Acme", "Entwickler bei Acme", "Dev @ Acme".
bool split_at_word(std::string_view text, std::string& position, std::string& company) {
  for (std::string_view sep : {" at ", " @ ", " bei ", " chez ", " en ", " bij ", " na ", " em "}) {
    const std::size_t at = text.find(sep);
    if (at == std::string_view::npos || at == 0) continue;
    if (sep == " en " || sep == " na " || sep == " em ") {
      if (title_score(text.substr(0, at)) == 0) continue;
    }
    position = std::string(text.substr(0, at));
    company = std::string(text.substr(at + sep.size()));
    return true;
  }
  return false;
}

}  // namespace

std::vector<WorkEntry> extract_work(const Input& in, const std::vector<std::size_t>& idx) {
  std::vector<Info> infos;
  std::vector<Entry> entries = find_entries(in, idx, infos, false);
  std::vector<WorkEntry> out;
  std::string last_company;
  for (std::size_t n = 0; n < entries.size(); ++n) {
    const Entry& e = entries[n];
    WorkEntry w;
    w.start = e.date.start;
    w.end = e.date.end;
    w.current = e.date.current;
    struct Cand {
      std::string text;
      double size = 0;
      bool bold = false;
      bool place = false;
    };
    std::vector<Cand> cands;
    std::size_t first_line = e.anchor;
    auto consider = [&](const std::string& t, const Info& info) {
      const bool place = (t.find(',') != std::string::npos || count_words(t) <= 3) &&
                         title_score(t) == 0 && company_score(t) == 0 &&
                         looks_like_place(in, t, nullptr, nullptr);
      cands.push_back({t, info.size, info.bold, place});
    };
    for (std::size_t j : e.header) {
      if (j < e.anchor) {
        consider(infos[j].rest, infos[j]);
        first_line = std::min(first_line, j);
      }
    }
    if (!e.anchor_rest.empty() && count_letters(e.anchor_rest) >= 2) {
      consider(e.anchor_rest, infos[e.anchor]);
    }
    for (std::size_t j : e.header) {
      if (j > e.anchor) consider(infos[j].rest, infos[j]);
    }
    // A place is the location when it has a comma ("Berlin, DE") or stands beside two other
    // lines; a lone word the gazetteer knows may well be the employer ("Google").
    for (std::size_t k = 0; k < cands.size(); ++k) {
      if (!cands[k].place || !w.location.empty()) continue;
      if (cands[k].text.find(',') != std::string::npos || (k > 0 && cands.size() >= 3)) {
        w.location = cands[k].text;
        cands.erase(cands.begin() + static_cast<std::ptrdiff_t>(k));
        break;
      }
    }
    std::vector<std::string> texts;
    for (const Cand& c : cands) texts.push_back(c.text);
    std::string pos, comp;
    bool done = false;
    for (const std::string& t : texts) {
      bool other_title = false;
      for (const std::string& o : texts) other_title = other_title || (&o != &t && title_score(o) > 0);
      // "Centre for Food Systems at UBC Farm" above "Developer Intern" is an employer's name.
      if (split_at_word(t, pos, comp) && (title_score(pos) > 0 || !other_title)) {
        done = true;
        for (const std::string& o : texts) {
          if (&o != &t && w.location.empty() && looks_like_place(in, o, nullptr, nullptr)) w.location = o;
        }
        break;
      }
      pos.clear(), comp.clear();
    }
    if (!done && cands.size() >= 2) {
      // The employer: a name with a company word, else the most prominent line (larger, then
      // bold), else the first. The position: the rest's best title, shortest on a tie.
      std::size_t c = cands.size();
      for (std::size_t k = 0; k < cands.size() && c == cands.size(); ++k) {
        if (company_score(cands[k].text) > title_score(cands[k].text)) c = k;
      }
      if (c == cands.size()) {
        c = 0;
        for (std::size_t k = 1; k < cands.size(); ++k) {
          const bool bigger = cands[k].size > cands[c].size + 0.3;
          const bool same = std::abs(cands[k].size - cands[c].size) <= 0.3;
          if (bigger || (same && cands[k].bold && !cands[c].bold)) c = k;
        }
        // Two lines alike in type: the first is the employer unless only it reads as a title.
        if (c == 0 || std::abs(cands[c].size - cands[0].size) <= 0.3) {
          if (cands[c].bold == cands[0].bold) c = 0;
        }
        if (c == 0 && title_score(cands[0].text) > 0 && title_score(cands[1].text) == 0) c = 1;
      }
      std::size_t p = cands.size();
      int best = -100;
      for (std::size_t k = 0; k < cands.size(); ++k) {
        if (k == c) continue;
        const int words = static_cast<int>(count_words(cands[k].text));
        const int score = (title_score(cands[k].text) > 0 ? 10 : 0) - (words > 6 ? words : 0) -
                          static_cast<int>(k);
        if (score > best) best = score, p = k;
      }
      comp = cands[c].text;
      if (p < cands.size()) pos = cands[p].text;
      done = true;
    }
    // "Position, Company" as the first line: the lines after it describe the job.
    if (!done && !cands.empty() && split_at_comma(cands[0].text, pos, comp) &&
        (cands.size() == 1 || title_score(pos) > 0)) {
      done = true;
    }
    if (!done) pos.clear(), comp.clear();
    if (!done && texts.size() == 1) {
      const std::string& t = texts[0];
      if (title_score(t) > company_score(t)) {
        pos = t;
        // Positions grouped under one employer: the employer line stands above the first,
        // often before a description; later positions reuse it.
        for (std::size_t j = first_line; j-- > (n == 0 ? 0 : entries[n - 1].anchor + 1);) {
          // An employer line is at least as prominent as the position under it.
          const double pos_size = infos[e.header.empty() ? e.anchor : e.header.front()].size;
          if (infos[j].header && (infos[j].gap || j == 0) && title_score(infos[j].rest) == 0 &&
              !infos[j].date && infos[j].size + 0.3 >= pos_size) {
            comp = infos[j].rest;
            break;
          }
        }
        if (comp.empty()) comp = last_company;
      } else {
        comp = t;
      }
      done = true;
    }
    w.name = comp;
    w.position = pos;
    if (w.name.empty() && w.position.empty()) continue;
    if (!out.empty() && key_of(out.back().name) == key_of(w.name) &&
        key_of(out.back().position) == key_of(w.position) &&
        out.back().start.substr(0, 4) == w.start.substr(0, 4)) {
      continue;
    }
    last_company = w.name;
    for (std::size_t j = e.anchor + 1; j < e.body_end; ++j) {
      if (std::find(e.header.begin(), e.header.end(), j) != e.header.end()) continue;
      if (infos[j].bullet) {
        w.highlights.push_back(strip_bullet(infos[j].text));
      } else if (!w.highlights.empty() && !infos[j].gap && infos[j].x > infos[j - 1].x - 0.5) {
        w.highlights.back() += " " + infos[j].text;
      }
    }
    w.confidence = (w.name.empty() ? 0.3 : 0.5) + (w.position.empty() ? 0.0 : 0.3) +
                   (w.start.empty() ? 0.0 : 0.2);
    out.push_back(std::move(w));
  }
  return out;
}

}  // namespace hg::resume::detail
