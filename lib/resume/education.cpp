// education[]: institution, degree (study type and area), score and dates of each entry.
#include <algorithm>

#include "resume/entry_lines.hpp"

namespace hg::resume::detail {

std::vector<EducationEntry> extract_education(const Input& in,
                                              const std::vector<std::size_t>& idx) {
  std::vector<Info> infos;
  std::vector<Entry> entries = find_entries(in, idx, infos, true);
  std::vector<EducationEntry> out;
  if (entries.empty()) {
    // No dates: every institution line starts an entry, the next short line is the degree.
    for (std::size_t k = 0; k < infos.size(); ++k) {
      if (!infos[k].header || !institution_like(infos[k].rest)) continue;
      EducationEntry e;
      e.institution = infos[k].rest;
      if (k + 1 < infos.size() && infos[k + 1].header && !institution_like(infos[k + 1].rest)) {
        e.study_type = infos[k + 1].rest;
      }
      e.confidence = 0.5;
      out.push_back(std::move(e));
    }
    return out;
  }
  for (const Entry& en : entries) {
    EducationEntry e;
    e.start = en.date.start;
    e.end = en.date.end;
    std::vector<std::string> texts;
    for (std::size_t j : en.header) {
      if (j < en.anchor) texts.push_back(infos[j].rest);
    }
    if (!en.anchor_rest.empty() && count_letters(en.anchor_rest) >= 2) texts.push_back(en.anchor_rest);
    for (std::size_t j : en.header) {
      if (j > en.anchor) texts.push_back(infos[j].rest);
    }
    // "Master Software Engineering at Some University" and "Software Engineering, Master,
    // Some University, Sacramento" carry degree and institution on one line.
    std::vector<std::string> split;
    for (const std::string& t : texts) {
      bool other = false;
      for (const std::string& o : texts) other = other || (&o != &t && institution_like(o));
      if (other) {
        split.push_back(t);
        continue;
      }
      std::string left, right;
      const std::size_t at = t.find(" at ");
      if (at != std::string::npos && at > 0) {
        split.push_back(t.substr(at + 4));
        split.push_back(t.substr(0, at));
        continue;
      }
      std::vector<std::string> parts;
      for (std::size_t s0 = 0; s0 <= t.size();) {
        std::size_t e0 = std::min(t.find(", ", s0), t.size());
        parts.push_back(t.substr(s0, e0 - s0));
        s0 = e0 + 2;
      }
      std::size_t ip = parts.size();
      for (std::size_t k = 0; k < parts.size(); ++k) {
        if (institution_like(parts[k]) && !degree_like(parts[k])) {
          ip = k;
          break;
        }
      }
      // No known word: the institution comes last ("Informatics, Bachelor, CEFIT").
      if (ip == parts.size() && (parts.size() >= 3 || (parts.size() == 2 && degree_like(parts[0]) &&
                                                       !degree_like(parts[1])))) {
        ip = parts.size() - 1;
      }
      if (parts.size() >= 2 && ip > 0 && ip < parts.size()) {
        std::string inst_text, deg_text;
        for (std::size_t k = 0; k < parts.size(); ++k) {
          std::string& into = k >= ip ? inst_text : deg_text;
          if (!into.empty()) into += k >= ip ? ", " : " ";
          into += parts[k];
        }
        split.push_back(inst_text);
        split.push_back(deg_text);
        continue;
      }
      split.push_back(t);
    }
    texts = std::move(split);
    std::vector<std::string> degree;
    std::size_t inst = texts.size();
    for (std::size_t t = 0; t < texts.size(); ++t) {
      if (institution_like(texts[t]) && !degree_like(texts[t])) {
        inst = t;
        break;
      }
    }
    if (inst == texts.size()) {
      for (std::size_t t = 0; t < texts.size(); ++t) {
        if (institution_like(texts[t])) {
          inst = t;
          break;
        }
      }
    }
    if (inst == texts.size() && !texts.empty()) inst = 0;
    for (std::size_t t = 0; t < texts.size(); ++t) {
      if (t == inst) {
        e.institution = texts[t];
        continue;
      }
      const std::string f = fold(texts[t]);
      if (f.find("gpa") != std::string::npos || f.find("score") != std::string::npos ||
          f.find("note") != std::string::npos || f.find("grade") != std::string::npos) {
        e.score = texts[t];
        continue;
      }
      std::string city;
      if (looks_like_place(in, texts[t], &city, nullptr) && !degree_like(texts[t]) &&
          count_words(texts[t]) <= 3) {
        continue;
      }
      degree.push_back(texts[t]);
    }
    if (!degree.empty()) {
      std::size_t type = 0;
      for (std::size_t d = 0; d < degree.size(); ++d) {
        if (degree_like(degree[d]) && !has_prefix_word(fold(degree[d]), "computer")) {
          type = d;
          break;
        }
      }
      e.study_type = degree[type];
      for (std::size_t d = 0; d < degree.size(); ++d) {
        if (d == type) continue;
        if (!e.area.empty()) e.area += " ";
        e.area += degree[d];
      }
    }
    if (e.institution.empty() && e.study_type.empty()) continue;
    // An entry cut by a page break can be printed twice.
    if (!out.empty() && key_of(out.back().institution) == key_of(e.institution) &&
        out.back().start.substr(0, 4) == e.start.substr(0, 4) &&
        (e.study_type.empty() || out.back().study_type.empty() ||
         key_of(out.back().study_type) == key_of(e.study_type))) {
      continue;
    }
    e.confidence = (e.institution.empty() ? 0.3 : 0.6) + (e.study_type.empty() ? 0.0 : 0.2) +
                   (e.start.empty() ? 0.0 : 0.2);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace hg::resume::detail
