// skills[], languages[] and certificates[]: list sections split into items.
#include <algorithm>
#include <cctype>

#include "resume/fields.hpp"
#include "resume/text.hpp"
#include "skills/extract.hpp"
#include "skills/taxonomy.hpp"

namespace hg::resume::detail {
namespace {

constexpr std::string_view kBullets[] = {"\xE2\x80\xA2", "\xE2\x96\xAA", "\xE2\x97\x8F", "\xE2\x97\xA6",
                                         "\xE2\x9E\xA2", "\xE2\x9C\x93", "\xE2\x9C\x94", "\xE2\x80\xA3",
                                         "\xE2\x81\x83", "\xE2\x96\xA0", "\xE2\x96\xBA", "\xC2\xB7",
                                         "-", "*", "+", "\xE2\x80\x93", "\xE2\x97\x86", "\xE2\x96\xB8"};

// Items of a list line: split on , ; | • · and " / " (the separators resumes use).
std::vector<std::string> items_of(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  int depth = 0;
  auto flush = [&] {
    std::string t = strip_bullet(cur);
    while (!t.empty() && (t.back() == ' ' || t.back() == '.')) t.pop_back();
    if (!t.empty()) out.push_back(t);
    cur.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (depth == 0 && (c == ',' || c == ';' || c == '|')) {
      flush();
    } else if (depth == 0 && (text.compare(i, 2, "\xC2\xB7") == 0)) {
      flush();
      ++i;
    } else if (depth == 0 && (text.compare(i, 3, "\xE2\x80\xA2") == 0)) {
      flush();
      i += 2;
    } else {
      cur += c;
    }
  }
  flush();
  return out;
}

// "Ruby on Rails Node.js NestJS": tags that layout text joined with single spaces. When known
// skills cover most of the line, each mention is an item and so is each stretch between them.
std::vector<std::string> tag_items(const skills::Taxonomy& taxonomy, std::string_view line) {
  const auto found = skills::extract_skills(taxonomy, line);
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  std::size_t covered = 0, letters = 0;
  for (char c : line) letters += c != ' ';
  for (const auto& f : found) {
    if (f.count == 0) continue;
    spans.push_back({f.offset, f.offset + f.length});
  }
  std::sort(spans.begin(), spans.end());
  std::vector<std::string> items;
  std::size_t at = 0;
  auto gap = [&](std::size_t from, std::size_t to) {
    std::string_view t = line.substr(from, to - from);
    while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
    while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
    if (!t.empty()) items.emplace_back(t);
  };
  for (const auto& [b, e] : spans) {
    if (b < at) continue;
    gap(at, b);
    items.emplace_back(line.substr(b, e - b));
    for (std::size_t k = b; k < e; ++k) covered += line[k] != ' ';
    at = e;
  }
  gap(at, line.size());
  if (covered * 2 < letters) return {};
  return items;
}

bool has_separator(std::string_view t) {
  return t.find_first_of(",;|") != std::string_view::npos ||
         t.find("\xC2\xB7") != std::string_view::npos || t.find("\xE2\x80\xA2") != std::string_view::npos;
}

bool level_word(std::string_view text) {
  const std::string k = key_of(text);
  for (std::string_view w : {"beginner", "intermediate", "advanced", "expert", "master", "novice",
                             "proficient", "basic", "fluent", "native", "level", "experienced",
                             "familiar", "junior", "senior", "grundkenntnisse", "sehr gut", "gut",
                             "avance", "avanzado", "intermedio", "basico", "experto", "debutant",
                             "gevorderd", "basis", "goed", "avancado"}) {
    if (k == w) return true;
  }
  return k.empty() || std::all_of(k.begin(), k.end(), [](char c) {
           return std::isdigit(static_cast<unsigned char>(c)) || c == ' ';
         });
}

}  // namespace

bool is_bullet_line(std::string_view text) {
  for (std::string_view b : kBullets) {
    if (text.substr(0, b.size()) == b && text.size() > b.size() &&
        (text[b.size()] == ' ' || b.size() > 1)) {
      return true;
    }
  }
  return false;
}

std::string strip_bullet(std::string_view text) {
  bool again = true;
  while (again) {
    again = false;
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    for (std::string_view b : kBullets) {
      if (text.substr(0, b.size()) == b && (b.size() > 1 || (text.size() > 1 && text[1] == ' '))) {
        text.remove_prefix(b.size());
        again = true;
        break;
      }
    }
  }
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return std::string(text);
}

bool is_language_name(std::string_view word) {
  static const char* const kNames[] = {
      "english", "englisch", "anglais", "ingles", "engels", "ingles", "spanish", "spanisch",
      "espagnol", "espanol", "castellano", "spaans", "espanhol", "german", "deutsch", "allemand",
      "aleman", "duits", "alemao", "french", "franzosisch", "francais", "frances", "frans",
      "italian", "italienisch", "italien", "italiano", "italiaans", "portuguese", "portugiesisch",
      "portugais", "portugues", "portugees", "dutch", "niederlandisch", "neerlandais",
      "neerlandes", "nederlands", "holandes", "russian", "russisch", "russe", "ruso", "russo",
      "chinese", "mandarin", "cantonese", "chinesisch", "chinois", "chino", "chines", "japanese",
      "japanisch", "japonais", "japones", "korean", "koreanisch", "coreen", "coreano", "arabic",
      "arabisch", "arabe", "hindi", "bengali", "urdu", "turkish", "turkisch", "turc", "turco",
      "polish", "polnisch", "polonais", "polaco", "pools", "ukrainian", "ukrainisch", "czech",
      "tschechisch", "slovak", "slovenian", "slowenisch", "croatian", "kroatisch", "serbian",
      "serbisch", "bosnian", "bulgarian", "romanian", "rumanisch", "roumain", "rumano",
      "hungarian", "ungarisch", "hongrois", "hungaro", "greek", "griechisch", "grec", "griego",
      "swedish", "schwedisch", "suedois", "sueco", "norwegian", "norwegisch", "danish",
      "danisch", "danois", "finnish", "finnisch", "estonian", "latvian", "lettisch", "lithuanian",
      "hebrew", "hebraisch", "persian", "farsi", "catalan", "catala", "katalanisch", "basque",
      "euskera", "galician", "gallego", "galego", "vietnamese", "thai", "indonesian", "malay",
      "tagalog", "filipino", "swahili", "afrikaans", "albanian", "armenian", "georgian", "latin",
      "latein", "esperanto", "irish", "welsh", "icelandic", "macedonian", "belarusian",
      "kazakh", "uzbek", "tamil", "telugu", "marathi", "punjabi", "gujarati", "nepali", "sinhala",
      "flemish", "luxembourgish", "maltese", "yoruba", "igbo", "hausa", "amharic", "somali",
      "francese", "inglese", "tedesco", "spagnolo", "portoghese", "russo", "cinese", "giapponese",
      "arabo", "polacco", "rumeno", "anglais", "neerlandes", "frances", "portugal", "engels",
      "sloweens", "slovene", "eslovaco", "esloveno", "ruso", "japones", "sign language", "asl",
      "lsf", "libras", "castilian", "mandarin chinese", "anglo", "serbo croatian", "slowenisch"};
  const std::string k = key_of(word);
  for (const char* n : kNames) {
    if (k == n) return true;
  }
  return false;
}

bool is_fluency_word(std::string_view text) {
  static const char* const kStems[] = {
      "native", "mother", "fluent", "bilingual", "professional", "full professional",
      "limited", "elementary", "basic", "intermediate", "advanced", "proficien", "working",
      "conversational", "beginner", "good", "very good", "excellent", "business", "a1", "a2",
      "b1", "b2", "c1", "c2", "muttersprach", "fliessend", "verhandlungssicher", "grundkenntnis",
      "gut", "sehr gut", "langue maternelle", "maternel", "courant", "bilingue", "notions",
      "intermediaire", "avance", "nativo", "nativa", "materna", "fluido", "fluida", "avanzado",
      "basico", "intermedio", "moedertaal", "vloeiend", "goed", "redelijk", "nativo", "fluente",
      "avancado", "lengua materna", "natif", "native speaker", "toeic", "toefl", "ielts",
      "full", "elementary proficiency"};
  const std::string f = fold(text);
  for (const char* s : kStems) {
    if (f.rfind(s, 0) == 0) return true;
  }
  return false;
}

bool mostly_languages(const Document& doc, const Span& span) {
  std::size_t items = 0, known = 0;
  for (std::size_t i = span.begin; i < span.end; ++i) {
    for (const std::string& item : items_of(doc.lines[i].text)) {
      ++items;
      const std::string head = item.substr(0, std::min({item.find(" ("), item.find(" -"),
                                                        item.find(':'), item.size()}));
      const std::size_t sp = head.find(' ');
      if (is_language_name(head) || is_fluency_word(head) ||
          (sp != std::string::npos && is_language_name(head.substr(0, sp)))) {
        ++known;
      }
    }
  }
  return items == 0 || known * 2 >= items;
}

std::vector<std::size_t> unheaded_skill_lines(const Input& in) {
  std::vector<std::size_t> out;
  if (!in.options.taxonomy) return out;
  for (const Span& span : in.spans) {
    if (span.kind != Section::summary && span.kind != Section::contact &&
        span.kind != Section::header && span.kind != Section::profiles) {
      continue;
    }
    // Runs of short lines; a run where most lines name known skills is a skills list.
    std::size_t i = span.begin;
    while (i < span.end) {
      std::size_t j = i, known = 0;
      while (j < span.end) {
        const std::string& t = in.line(j).text;
        if (count_words(t) > 4 || t.find('@') != std::string::npos || t.back() == '.') break;
        known += in.options.taxonomy->find(t).has_value() ||
                 (in.doc.format == Format::text && count_words(t) >= 2 && !has_separator(t) &&
                  !tag_items(*in.options.taxonomy, t).empty());
        ++j;
      }
      if (j - i >= 4 && known * 2 >= j - i) {
        for (std::size_t k = i; k < j; ++k) out.push_back(k);
      }
      i = j + 1;
    }
  }
  return out;
}

std::vector<SkillGroup> extract_skills(const Input& in, const std::vector<std::size_t>& idx) {
  std::vector<SkillGroup> out;
  for (std::size_t i : idx) {
    std::string text = in.line(i).text;
    if (text.size() > 300 || count_words(text) > 40) continue;
    SkillGroup group;
    // "Backend: Go, Rust" names a group.
    const std::size_t colon = text.find(": ");
    if (colon != std::string::npos && colon < 40 && count_words(text.substr(0, colon)) <= 4) {
      group.name = strip_bullet(text.substr(0, colon));
      text = text.substr(colon + 2);
    }
    std::vector<std::string> items = items_of(text);
    bool headed = false;
    for (const Span& span : in.spans) {
      if (i >= span.begin && i < span.end) headed = span.kind == Section::skills;
    }
    // Tags flattened into one line ("node.js express.js mongodb redis"): outside a skills
    // heading in layout text, or anywhere in a DOCX when known skills make up most of it.
    const bool loose = !headed && in.doc.format == Format::text;
    const bool flattened = in.doc.format == Format::docx && count_words(text) >= 3;
    if ((loose || flattened) && in.options.taxonomy && items.size() == 1 &&
        count_words(text) >= 2 && !has_separator(text)) {
      if (auto tags = tag_items(*in.options.taxonomy, text); tags.size() >= 2) items = tags;
    }
    // Sentences are not skills.
    if (items.size() == 1 && count_words(items[0]) > 6) continue;
    for (std::string& item : items) {
      if (level_word(item) || item.size() > 60) continue;
      if (in.options.taxonomy) {
        if (auto id = in.options.taxonomy->find(item)) {
          const std::string& canonical = in.options.taxonomy->skill(*id).name;
          // The canonical spelling when it is the same name ("javascript" -> "JavaScript");
          // an alias stays as written ("JS"): the resume's own words are the evidence.
          if (key_of(canonical) == key_of(item)) item = canonical;
        }
      }
      if (group.name.empty() && items.size() == 1) {
        group.name = item;
      } else {
        group.keywords.push_back(item);
      }
    }
    if (group.name.empty() && group.keywords.empty()) continue;
    if (group.name.empty()) {
      group.name = group.keywords.front();
      group.keywords.erase(group.keywords.begin());
    }
    out.push_back(std::move(group));
  }
  return out;
}

std::vector<Language> extract_languages(const Input& in, const std::vector<std::size_t>& idx) {
  std::vector<Language> out;
  for (std::size_t i : idx) {
    const std::string& text = in.line(i).text;
    if (count_words(text) > 12) continue;
    for (const std::string& raw : items_of(text)) {
      std::string item = raw;
      std::string fluency;
      // "English (native)", "Deutsch - C1", "French: fluent".
      for (std::string_view sep : {" (", " - ", ": ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
        const std::size_t at = item.find(sep);
        if (at != std::string::npos && at > 0) {
          fluency = item.substr(at + sep.size());
          while (!fluency.empty() && fluency.back() == ')') fluency.pop_back();
          item = item.substr(0, at);
          break;
        }
      }
      if (is_fluency_word(item) && !is_language_name(item)) {
        if (!out.empty() && out.back().fluency.empty()) out.back().fluency = item;
        continue;
      }
      // "English Native speaker": a known language name then its level.
      const std::size_t sp = item.find(' ');
      if (sp != std::string::npos && is_language_name(item.substr(0, sp)) &&
          !is_language_name(item)) {
        fluency = item.substr(sp + 1);
        item = item.substr(0, sp);
      }
      if (!is_language_name(item) && (count_words(item) > 3 || level_word(item))) continue;
      out.push_back({item, fluency});
    }
  }
  return out;
}

std::vector<Certificate> extract_certificates(const Input& in,
                                              const std::vector<std::size_t>& idx) {
  std::vector<Certificate> out;
  for (std::size_t i : idx) {
    const std::string& text = in.line(i).text;
    if (count_words(text) > 16) continue;
    Certificate c;
    if (auto d = find_dates(text)) {
      c.date = d->start;
      c.name = cut(text, d->begin, d->end_at);
      if (c.name.empty()) {
        if (!out.empty() && out.back().date.empty()) out.back().date = d->start;
        continue;
      }
    } else {
      c.name = strip_bullet(text);
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace hg::resume::detail
