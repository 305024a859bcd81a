// Reading entries around their dates: every line of a section is classified (dates, header,
// body), date lines become anchors, and the short header lines around each anchor are
// collected. work.cpp and education.cpp then tell the header lines apart.
#include <algorithm>
#include <cctype>
#include <cmath>

#include <re2/re2.h>

#include "resume/entry_lines.hpp"

namespace hg::resume::detail {
namespace {

bool has_word(std::string_view folded, std::string_view word) {
  std::size_t at = 0;
  while ((at = folded.find(word, at)) != std::string_view::npos) {
    const bool left = at == 0 || !std::isalnum(static_cast<unsigned char>(folded[at - 1]));
    const std::size_t e = at + word.size();
    const bool right = e >= folded.size() || !std::isalnum(static_cast<unsigned char>(folded[e]));
    if (left && right) return true;
    at = e;
  }
  return false;
}

}  // namespace

bool has_prefix_word(std::string_view folded, std::string_view stem) {
  std::size_t at = 0;
  while ((at = folded.find(stem, at)) != std::string_view::npos) {
    if (at == 0 || !std::isalnum(static_cast<unsigned char>(folded[at - 1]))) return true;
    at += stem.size();
  }
  return false;
}

// How much a line reads like a job title (EN, DE, FR, ES, NL, PT stems).
int title_score(std::string_view text) {
  static const char* const kStems[] = {
      "develop", "engineer", "manager", "lead", "head of", "director", "consult", "analyst",
      "architect", "designer", "intern", "specialist", "administrat", "officer", "founder",
      "co-founder", "cto", "ceo", "cio", "coo", "vp", "vice president", "president", "scientist",
      "research", "programm", "technician", "coordinator", "assistant", "associate", "sre",
      "devops", "owner", "tester", "qa ", "teacher", "professor", "lecturer", "trainee",
      "freelanc", "contractor", "support", "staff", "senior", "junior", "principal", "partner",
      "desarroll", "ingenier", "gerente", "lider", "jefe", "analista", "arquitect", "consultor",
      "programador", "tecnico", "entwickler", "ingenieur", "leiter", "berater", "werkstudent",
      "praktikant", "geschaftsfuhrer", "mitarbeiter", "referent", "developpeu", "chef de",
      "responsable", "charge", "stagiaire", "administrateur", "ontwikkelaar", "adviseur",
      "beheerder", "medewerker", "desenvolvedor", "engenheir", "estagiari", "full stack",
      "fullstack", "frontend", "backend", "front end", "back end", "software", "product",
      "sales", "marketing", "accountant", "editor", "writer", "nurse", "operator", "student",
      "volunteer", "mentor", "instructor", "tutor", "webmaster", "sysadmin", "dba"};
  const std::string f = fold(text);
  int score = 0;
  for (const char* s : kStems) score += has_prefix_word(f, s) ? 1 : 0;
  return score;
}

int company_score(std::string_view text) {
  static const char* const kWords[] = {
      "inc", "ltd", "llc", "gmbh", "ag", "sa", "s a", "bv", "b v", "nv", "corp", "corporation",
      "company", "co", "group", "technologies", "technology", "solutions", "labs", "lab",
      "pty", "srl", "sas", "spa", "kg", "plc", "limited", "systems", "consulting", "studio",
      "agency", "bank", "ministry", "ministere", "ministerio", "foundation", "university",
      "institute", "gmbh co kg", "ltda", "s l", "sl", "oy", "ab", "as", "se", "holding",
      "holdings", "partners", "ventures", "media", "digital", "software", "networks", "capital",
      "de c v", "c v"};
  const std::string k = key_of(text);
  int score = 0;
  for (const char* w : kWords) score += has_word(k, w) ? 1 : 0;
  for (char c : text) score += c == '.' ? 0 : 0;
  return score;
}

bool institution_like(std::string_view text) {
  static const char* const kStems[] = {
      "univ", "college", "school", "institut", "academ", "akadem", "hochschule", "ecole",
      "escuela", "escola", "colegio", "faculty", "facultad", "fakultat", "faculdade", "faculte",
      "polytech", "politec", "politecn", "gymnas", "lyceum", "lycee", "liceo", "tafe", "campus",
      "conservato", "seminar", "bootcamp", "kolleg", "hogeschool", "universit", "fachhochschule",
      "berufsschule", "realschule", "mit", "ucla", "epfl", "eth", "sena", "centro", "center",
      "centre", "coursera", "udemy", "edx", "udacity"};
  const std::string f = fold(text);
  for (const char* s : kStems) {
    if (has_prefix_word(f, s)) return true;
  }
  return false;
}

bool degree_like(std::string_view text) {
  static const char* const kStems[] = {
      "bachelor", "master", "phd", "ph d", "doctor", "bsc", "msc", "b sc", "m sc", "ba ", "ma ",
      "mba", "b s", "m s", "bs ", "ms ", "diploma", "diplom", "licence", "licenciatura", "licenciado",
      "ingenier", "engineer", "degree", "associate", "certificat", "high school", "abitur",
      "bachillerato", "bacharel", "tecnico", "technician", "maestria", "magister", "mestrado",
      "doutorado", "doctorado", "grado", "graduado", "postgrad", "post grad", "specialist",
      "especiali", "vwo", "havo", "mbo", "hbo", "wo ", "baccalaureat", "bac ", "dut", "bts",
      "deug", "formation", "course", "curso", "ausbildung", "staatsexamen", "computer", "science",
      "informati", "engineering", "studies", "studium"};
  const std::string f = fold(text) + " ";
  for (const char* s : kStems) {
    if (has_prefix_word(f, s)) return true;
  }
  return false;
}

namespace {

bool label_line(std::string_view text) {
  const std::string k = key_of(text);
  for (std::string_view w : {"highlights", "responsibilities", "achievements", "key achievements",
                             "tasks", "aufgaben", "taches", "logros", "responsabilidades",
                             "taken", "verantwoordelijkheden", "tarefas", "courses", "summary",
                             "description", "keywords", "technologies", "projects", "skills",
                             "highlight", "roles", "stack", "tech stack", "tools"}) {
    if (k == w) return true;
  }
  return false;
}

// "1 year 2 months", "3 yrs", "10 meses": lengths themes print beside the dates.
std::string drop_duration(std::string text) {
  static const RE2 kDuration(
      "(?i)\\(?\\b\\d+\\+?\\s*(?:years?|yrs?|months?|mos?|mths?|a\xC3\xB1os?|anos?|meses|mes|jahre?|"
      "monate?|ans?|mois|jaar|maanden|maand)\\b\\)?");
  RE2::GlobalReplace(&text, kDuration, "");
  std::string out;
  for (char c : text) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == ',')) out.pop_back();
  return out;
}

Info info_of(const Line& source) {
  // "Dec, 20211 year 7 months": a duration glued to the year.
  static const RE2 kGlued("((?:19|20)\\d\\d)(\\d{1,2} (?:years?|months?|yrs?|mos?|a\xC3\xB1os?|meses|Jahre?|Monate?|ans|mois))");
  Line line = source;
  RE2::GlobalReplace(&line.text, kGlued, "\\1 \\2");
  Info info;
  info.text = line.text;
  info.gap = line.gap_before;
  info.size = line.size;
  info.x = line.x;
  info.date = find_dates(line.text);
  // A list item holding only dates ("• 2019 2020") is a header row, not a highlight.
  info.bullet = is_bullet_line(line.text) &&
                !(info.date && count_letters(cut(line.text, info.date->begin, info.date->end_at)) == 0);
  info.rest = info.date ? cut(line.text, info.date->begin, info.date->end_at) : line.text;
  if (info.date) info.rest = drop_duration(info.rest);
  // "Xebia · Technical consultant focusing on customer value": a name, then what it does.
  if (const std::size_t dot = info.rest.find(" \xC2\xB7 "); dot != std::string::npos &&
      info.rest.substr(0, dot).find(':') == std::string::npos &&
      count_words(info.rest.substr(0, dot)) <= 6 && count_words(info.rest.substr(dot + 4)) >= 5) {
    info.rest.resize(dot);
  }
  const std::string& t = info.rest;
  const std::size_t words = count_words(t);
  std::size_t commas = 0;
  for (std::size_t k = 0; k < t.size(); ++k) {
    commas += t[k] == ',' || t.compare(k, 2, "\xC2\xB7") == 0 || t.compare(k, 3, "\xE2\x80\xA2") == 0;
  }
  // A full stop ends a sentence unless it ends an abbreviation ("S.A. de C.V.", "Inc.").
  bool sentence = false;
  if (!t.empty() && (t.back() == '.' || t.back() == ';') && words > 3) {
    const std::size_t sp = t.rfind(' ');
    const std::string last = t.substr(sp == std::string::npos ? 0 : sp + 1);
    const std::string stem = last.substr(0, last.size() - 1);
    const bool abbreviation = stem.find('.') != std::string::npos ||
                              (stem.size() <= 4 && !stem.empty() && std::isupper(static_cast<unsigned char>(stem[0])));
    sentence = !abbreviation;
  }
  info.body = info.bullet || words > 12 || t.size() > 90 || (commas >= 3 && words > 9) ||
              (t.find(": ") != std::string::npos && commas >= 1) || sentence;
  info.bold = line.bold;
  const bool url = t.find("://") != std::string::npos || t.rfind("www.", 0) == 0 ||
                   (!t.empty() && t.back() == ':');
  info.soft = !info.body && (url || words >= 9);
  info.header = !info.body && !info.soft && !t.empty() && count_letters(t) >= 2 && !label_line(t);
  return info;
}

// The section's lines as Infos. In PDFs a header wrapped onto a second row of the same block
// ("Consultor de Desarrollo y" / "Programación") is joined back into one line.
std::vector<Info> infos_of(const Input& in, const std::vector<std::size_t>& idx,
                           std::vector<std::size_t>& first, bool tags_are_body) {
  std::vector<Info> out;
  first.clear();
  for (std::size_t k = 0; k < idx.size(); ++k) {
    const Line& line = in.line(idx[k]);
    Info info = info_of(line);
    // A row of three or more short pieces is a set of tags (courses, skills), not a header.
    std::size_t mates = 0;
    bool dated_row = false;
    for (std::size_t d = 1; d <= 3; ++d) {
      for (const std::size_t n : {k >= d ? k - d : idx.size(), k + d}) {
        if (n >= idx.size()) continue;
        const Line& other = in.line(idx[n]);
        if (other.page == line.page && std::abs(other.y - line.y) < 0.3 * std::max(0.5, line.height)) {
          ++mates;
          dated_row = dated_row || find_dates(other.text).has_value();
        }
      }
    }
    if (dated_row) mates = 0;
    if (tags_are_body && mates >= 2 && !info.date && in.doc.format == Format::pdf) {
      info.header = info.soft = false;
      info.body = true;
    }
    // "2025-07" over "- Present": a range broken across two lines.
    if (info.date && info.date->end.empty() && !info.date->current && k + 1 < idx.size()) {
      const std::string& next = in.line(idx[k + 1]).text;
      if (next.size() < 40 && (next.rfind("- ", 0) == 0 || next.rfind("\xE2\x80\x93", 0) == 0 ||
                               next.rfind("\xE2\x80\x94", 0) == 0)) {
        Line joined = line;
        joined.text = line.text + " " + next;
        Info merged = info_of(joined);
        if (merged.date && (merged.date->current || !merged.date->end.empty())) {
          out.push_back(std::move(merged));
          first.push_back(k);
          ++k;
          continue;
        }
      }
    }
    if (!out.empty() && line.continues && in.doc.format == Format::pdf && !info.date &&
        !out.back().date && out.back().header && !info.bullet &&
        count_words(out.back().rest) + count_words(info.rest) <= 14) {
      Line joined = in.line(idx[first.back()]);
      joined.text = out.back().text + " " + line.text;
      Info merged = info_of(joined);
      if (!merged.body) {
        out.back() = merged;
        continue;
      }
    }
    // The short tail of a wrapped paragraph ("y contabilidad.") belongs to the paragraph.
    if (line.continues && !out.empty() && out.back().body && !out.back().bullet &&
        title_score(info.rest) == 0 && !info.date) {
      info.body = true;
      info.header = info.soft = false;
    }
    out.push_back(std::move(info));
    first.push_back(k);
  }
  return out;
}

// A date line is an anchor when the dates are most of it (a header, not a sentence).
bool anchor(const Info& info) {
  if (!info.date) return false;
  const std::size_t words = count_words(info.rest);
  if (info.date->end.empty() && !info.date->current) return words <= 7 && !info.body;
  return words <= 12 && !info.body;
}

}  // namespace

std::vector<Entry> find_entries(const Input& in, const std::vector<std::size_t>& idx,
                                std::vector<Info>& infos, bool long_headers) {
  std::vector<std::size_t> first;
  infos = infos_of(in, idx, first, long_headers);
  // Degrees run long ("Specialist (MSc equivalent) in Applied Mathematics and Informatics").
  if (long_headers) {
    for (Info& info : infos) {
      // Degrees and schools set as list items.
      if (info.bullet && in.doc.format == Format::docx && count_words(info.rest) >= 2 &&
          count_words(info.rest) <= 14 && info.rest.back() != '.') {
        info.rest = strip_bullet(info.rest);
        info.bullet = info.body = false;
        info.header = count_letters(info.rest) >= 2;
        continue;
      }
      if (info.soft && info.rest.find("://") == std::string::npos && count_words(info.rest) <= 14) {
        info.soft = false;
        info.header = count_letters(info.rest) >= 2;
      }
    }
  }
  std::vector<Entry> entries;
  for (std::size_t k = 0; k < infos.size(); ++k) {
    if (!anchor(infos[k])) continue;
    // "2011" above "2017" (a range split over two rows) is one range.
    if (!entries.empty() && entries.back().date.end.empty() && !entries.back().date.current &&
        infos[k].date->end.empty() && !infos[k].date->current && k - entries.back().anchor <= 2 &&
        infos[k].date->start >= entries.back().date.start &&
        count_words(infos[k].rest) <= 4 && count_words(entries.back().anchor_rest) <= 4 &&
        (infos[k].rest.empty() || entries.back().anchor_rest.empty() || k - entries.back().anchor == 1)) {
      entries.back().date.end = infos[k].date->start;
      infos[k].date.reset();
      infos[k].header = !infos[k].rest.empty();
      infos[k].soft = infos[k].rest.empty();  // walks pass over it
      infos[k].body = false;
      continue;
    }
    Entry e;
    e.anchor = k;
    e.date = *infos[k].date;
    e.anchor_rest = infos[k].rest;
    entries.push_back(std::move(e));
  }
  // Where most dates give a month, a bare year beside other words is a version or a detail
  // ("Exchange 2010", "SCCM 2012"), not an entry's dates.
  std::size_t with_month = 0;
  for (const Entry& e : entries) with_month += e.date.start.size() > 4;
  if (entries.size() >= 3 && with_month * 10 >= entries.size() * 6) {
    std::vector<Entry> kept;
    for (Entry& e : entries) {
      if (e.date.start.size() == 4 && !e.anchor_rest.empty()) continue;
      kept.push_back(std::move(e));
    }
    entries = std::move(kept);
  }
  // DOCX from HTML may set an entry's own title as a list item, right above its dates.
  if (in.doc.format == Format::docx && !long_headers) {
    for (const Entry& e : entries) {
      if (e.anchor == 0) continue;
      Info& above = infos[e.anchor - 1];
      if (above.bullet && !above.date && count_words(above.rest) <= 12 && above.rest.back() != '.') {
        above.rest = strip_bullet(above.rest);
        above.bullet = above.body = above.soft = false;
        above.header = count_letters(above.rest) >= 2;
      }
    }
  }
  std::vector<bool> claimed(infos.size(), false);
  for (auto& e : entries) claimed[e.anchor] = true;
  // Where the first date opens the section ("2008 / 2011 / School / Degree"), headers follow
  // their dates: read forward first, so an entry does not take the one above it.
  const bool dates_first = !entries.empty() && entries.front().anchor == 0;
  auto walk_back = [&] {
  // Header lines before each date: up to two (three for schools) within five lines, passing over URLs and
  // one-line descriptions, stopping at body text, other dates and the top of a block.
  for (std::size_t n = 0; n < entries.size(); ++n) {
    Entry& e = entries[n];
    const std::size_t floor = n == 0 ? 0 : entries[n - 1].anchor + 1;
    const std::size_t most_back = long_headers ? 3 : 2;
    for (std::size_t j = e.anchor; j > floor && e.header.size() < most_back && e.anchor - j < 5;) {
      --j;
      if (claimed[j] || infos[j].date || infos[j].body) break;
      if (infos[j].header) {
        e.header.insert(e.header.begin(), j);
        claimed[j] = true;
      } else if (!infos[j].soft) {
        break;
      }
      if (infos[j].gap) break;
    }
  }
  };
  auto walk_forward = [&] {
  // Then after it: up to two within four lines, not indented past the entry's left edge
  // (indented lines are its highlights); the first may follow a gap.
  for (std::size_t n = 0; n < entries.size(); ++n) {
    Entry& e = entries[n];
    const std::size_t ceil = n + 1 < entries.size() ? entries[n + 1].anchor : infos.size();
    const Info& ref = infos[e.header.empty() ? e.anchor : e.header.front()];
    const double tol = ref.size > 0 ? 1.2 * ref.size : 1.5;
    std::size_t taken = 0;
    const std::size_t most = long_headers ? 3 : 2;
    // An entry with one header line above its dates may give its position under a one-
    // paragraph description ("Acme / 2020 - now / Acme builds... / Engineer").
    std::size_t skipped = 0;
    for (std::size_t j = e.anchor + 1; j < ceil && taken < most && j <= e.anchor + 4 + skipped; ++j) {
      if (!long_headers && taken == 0 && skipped < 4 && infos[j].body && !infos[j].bullet &&
          !infos[j].date && e.header.size() == 1) {
        std::size_t next = j + 1;
        while (next < ceil && next < j + 4 && infos[next].body && !infos[next].bullet) ++next;
        if (next < ceil && infos[next].header && !infos[next].date && !claimed[next] &&
            title_score(infos[next].rest) > 0) {
          ++skipped;
          continue;
        }
      }
      if (claimed[j] || infos[j].date || infos[j].body) break;
      if (j > e.anchor + 1 && infos[j].gap && taken > 0) break;
      if (!long_headers && infos[j].x > std::min(ref.x, infos[e.anchor].x) + tol) break;
      if (!infos[j].header) {
        if (infos[j].soft) continue;
        break;
      }
      e.header.push_back(j);
      claimed[j] = true;
      ++taken;
    }
  }
  };
  if (dates_first) {
    walk_forward();
    walk_back();
  } else {
    walk_back();
    walk_forward();
  }
  for (std::size_t n = 0; n < entries.size(); ++n) {
    entries[n].body_end = n + 1 < entries.size()
                              ? (entries[n + 1].header.empty()
                                     ? entries[n + 1].anchor
                                     : std::min(entries[n + 1].anchor, entries[n + 1].header.front()))
                              : infos.size();
  }
  return entries;
}

}  // namespace hg::resume::detail
