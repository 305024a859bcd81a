// parse_resume: read the document, split it into sections, run the field extractors, score
// what was found.
#include "resume/parse.hpp"

#include <algorithm>
#include <chrono>

#include <nlohmann/json.hpp>

#include "resume/fields.hpp"
#include "resume/text.hpp"

namespace hg::resume {
namespace detail {

std::vector<std::size_t> Input::lines_of(Section kind) const {
  std::vector<std::size_t> out;
  for (const Span& s : spans) {
    if (s.kind != kind) continue;
    for (std::size_t i = s.begin; i < s.end; ++i) out.push_back(i);
  }
  return out;
}

}  // namespace detail

namespace {

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// A sidebar's contact lines read as a skills list ("Fairfield California CA", "94534 US",
// "alanlai.me", a GitHub handle): items that repeat the basics, or a postal code, are not skills.
bool is_contact_item(std::string_view item, const Basics& basics) {
  const std::string text = lower_ascii(item);
  if (text.empty()) return true;
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits >= 4) return true;
  const bool one_word = text.find(' ') == std::string::npos && text.size() >= 4;
  auto inside = [&](const std::string& where) {
    return one_word && !where.empty() && lower_ascii(where).find(text) != std::string::npos;
  };
  if (inside(basics.url) || inside(basics.email)) return true;
  for (const SocialProfile& profile : basics.profiles) {
    if (text == lower_ascii(profile.username) || inside(profile.url)) return true;
  }
  if (!basics.city.empty() && text.rfind(lower_ascii(basics.city), 0) == 0) return true;
  return false;
}

void drop_contact_items(ParsedResume& r) {
  std::vector<SkillGroup> kept;
  for (SkillGroup& group : r.skills) {
    std::erase_if(group.keywords, [&](const std::string& k) { return is_contact_item(k, r.basics); });
    if (group.keywords.empty() && is_contact_item(group.name, r.basics)) continue;
    kept.push_back(std::move(group));
  }
  r.skills = std::move(kept);
}

using detail::Section;

// A line of the header that lists only language names ("English, Español"): some layouts
// put languages there without a heading.
std::vector<Language> header_languages(const detail::Input& in) {
  for (std::size_t i : in.lines_of(Section::header)) {
    const std::string& t = in.line(i).text;
    if (t.find(',') == std::string::npos) continue;
    std::vector<Language> langs;
    bool all = true;
    std::size_t s = 0;
    while (s <= t.size() && all) {
      std::size_t e = std::min(t.find(',', s), t.size());
      std::string item(detail::cut(t.substr(s, e - s), 0, 0));
      all = detail::is_language_name(item);
      langs.push_back({item, ""});
      s = e + 1;
    }
    if (all && langs.size() >= 2) return langs;
  }
  return {};
}

void score(ParsedResume& r, bool name_from_size) {
  auto add = [&](std::string field, double value, std::string_view missing) {
    r.confidence.push_back({std::move(field), value});
    if (value == 0 && !missing.empty()) r.warnings.emplace_back(missing);
  };
  const Basics& b = r.basics;
  add("basics.name", b.name.empty() ? 0 : name_from_size ? 0.9 : 0.7, "no name found");
  add("basics.email", b.email.empty() ? 0 : 0.98, "no email address found");
  add("basics.phone", b.phone.empty() ? 0 : 0.85, "no phone number found");
  add("basics.url", b.url.empty() && b.profiles.empty() ? 0 : 0.8, "");
  add("basics.location", b.city.empty() ? 0 : 0.7, "no location found");
  auto mean = [](const auto& v) {
    double sum = 0;
    for (const auto& e : v) sum += e.confidence;
    return v.empty() ? 0.0 : sum / static_cast<double>(v.size());
  };
  add("work", mean(r.work), "no work experience found");
  add("education", mean(r.education), "no education found");
  add("skills", r.skills.empty() ? 0 : 0.75, "no skills found");
  add("languages", r.languages.empty() ? 0 : 0.75, "");
  // Completeness: the share of what a recruiter needs that was found, weighted.
  const double parts[][2] = {{0.15, b.name.empty() ? 0.0 : 1.0},
                             {0.15, b.email.empty() ? 0.0 : 1.0},
                             {0.10, b.phone.empty() ? 0.0 : 1.0},
                             {0.05, b.city.empty() ? 0.0 : 1.0},
                             {0.25, r.work.empty() ? 0.0 : 1.0},
                             {0.15, r.education.empty() ? 0.0 : 1.0},
                             {0.15, r.skills.empty() ? 0.0 : 1.0}};
  double c = 0;
  for (const auto& p : parts) c += p[0] * p[1];
  r.completeness = c;
}

}  // namespace

ParsedResume parse_document(const Document& doc, const ParseOptions& options) {
  std::vector<detail::Span> spans = detail::split_sections(doc.lines);
  // "Languages: Python, Go" under skills is a skill group; its heading is a skill too.
  for (detail::Span& s : spans) {
    if (s.kind == Section::languages && !detail::mostly_languages(doc, s)) {
      s.kind = Section::skills;
      s.begin = s.heading;
    }
  }
  const detail::Input in{doc, spans, options};
  ParsedResume r;
  r.format = doc.format;
  r.pages = doc.pages;
  bool name_from_size = false;
  r.basics = detail::extract_basics(in, name_from_size);
  std::vector<std::size_t> work = in.lines_of(Section::work);
  std::vector<std::size_t> edu = in.lines_of(Section::education);
  if (work.empty() && edu.empty() && spans.size() <= 2) {
    // No headings: read entries anywhere; an institution in the header says education.
    std::vector<std::size_t> all;
    for (std::size_t i = 0; i < doc.lines.size(); ++i) all.push_back(i);
    r.work = detail::extract_work(in, all);
  } else {
    r.work = detail::extract_work(in, work);
    r.education = detail::extract_education(in, edu);
  }
  std::vector<std::size_t> skill_lines = in.lines_of(Section::skills);
  for (std::size_t i : detail::unheaded_skill_lines(in)) {
    if (std::find(skill_lines.begin(), skill_lines.end(), i) == skill_lines.end()) skill_lines.push_back(i);
  }
  std::sort(skill_lines.begin(), skill_lines.end());
  r.skills = detail::extract_skills(in, skill_lines);
  drop_contact_items(r);
  r.languages = detail::extract_languages(in, in.lines_of(Section::languages));
  if (r.languages.empty()) r.languages = header_languages(in);
  r.certificates = detail::extract_certificates(in, in.lines_of(Section::certificates));
  score(r, name_from_size);
  return r;
}

Result<ParsedResume> parse_resume(std::string_view bytes, const ParseOptions& options) {
  auto format = detect_format(bytes);
  if (!format) return format.error();
  auto doc = read_document(bytes, *format, options.limits);
  if (!doc) return doc.error();
  auto late = [&] { return std::chrono::steady_clock::now() > options.limits.deadline; };
  const Error too_slow = fail(Errc::invalid_input, "took longer than the time limit per file");
  if (late()) return too_slow;
  ParsedResume r = parse_document(*doc, options);
  // The field passes are linear in the text; the check after them keeps the limit honest
  // for long text files, which have no pages to check between.
  if (late()) return too_slow;
  const bool contact = !r.basics.email.empty() || !r.basics.phone.empty();
  const bool structure = r.work.size() + r.education.size() + r.skills.size() > 0;
  if (!contact && !structure) {
    Error e = fail(Errc::invalid_input, "does not look like a resume (no contact details, "
                                        "experience, education or skills found)");
    return e;
  }
  return r;
}

Result<std::vector<SectionLine>> read_lines(std::string_view bytes, const ParseOptions& options) {
  auto format = detect_format(bytes);
  if (!format) return format.error();
  auto doc = read_document(bytes, *format, options.limits);
  if (!doc) return doc.error();
  std::vector<SectionLine> out;
  for (const detail::Span& s : detail::split_sections(doc->lines)) {
    for (std::size_t i = s.heading; i < s.end; ++i) {
      out.push_back({std::string(detail::section_name(s.kind)), doc->lines[i]});
    }
  }
  return out;
}

std::string to_json_resume(const ParsedResume& r, bool meta) {
  using nlohmann::ordered_json;
  ordered_json doc = ordered_json::object();
  const Basics& b = r.basics;
  ordered_json basics = ordered_json::object();
  auto put = [](ordered_json& o, const char* key, const std::string& v) {
    if (!v.empty()) o[key] = v;
  };
  put(basics, "name", b.name);
  put(basics, "label", b.label);
  put(basics, "email", b.email);
  put(basics, "phone", b.phone);
  put(basics, "url", b.url);
  put(basics, "summary", b.summary);
  if (!b.city.empty() || !b.country.empty()) {
    ordered_json loc = ordered_json::object();
    put(loc, "city", b.city);
    put(loc, "region", b.region);
    put(loc, "countryCode", b.country);
    basics["location"] = loc;
  }
  ordered_json profiles = ordered_json::array();
  for (const auto& p : b.profiles) {
    ordered_json o = ordered_json::object();
    put(o, "network", p.network);
    put(o, "username", p.username);
    put(o, "url", p.url);
    profiles.push_back(o);
  }
  if (!profiles.empty()) basics["profiles"] = profiles;
  doc["basics"] = basics;
  ordered_json work = ordered_json::array();
  for (const auto& w : r.work) {
    ordered_json o = ordered_json::object();
    put(o, "name", w.name);
    put(o, "position", w.position);
    put(o, "location", w.location);
    put(o, "startDate", w.start);
    put(o, "endDate", w.end);
    if (w.current) o["current"] = true;
    if (!w.highlights.empty()) o["highlights"] = w.highlights;
    work.push_back(o);
  }
  doc["work"] = work;
  ordered_json edu = ordered_json::array();
  for (const auto& e : r.education) {
    ordered_json o = ordered_json::object();
    put(o, "institution", e.institution);
    put(o, "studyType", e.study_type);
    put(o, "area", e.area);
    put(o, "startDate", e.start);
    put(o, "endDate", e.end);
    put(o, "score", e.score);
    edu.push_back(o);
  }
  doc["education"] = edu;
  ordered_json skills = ordered_json::array();
  for (const auto& s : r.skills) {
    ordered_json o = ordered_json::object();
    o["name"] = s.name;
    if (!s.keywords.empty()) o["keywords"] = s.keywords;
    skills.push_back(o);
  }
  doc["skills"] = skills;
  ordered_json langs = ordered_json::array();
  for (const auto& l : r.languages) {
    ordered_json o = ordered_json::object();
    o["language"] = l.language;
    put(o, "fluency", l.fluency);
    langs.push_back(o);
  }
  doc["languages"] = langs;
  ordered_json certs = ordered_json::array();
  for (const auto& c : r.certificates) {
    ordered_json o = ordered_json::object();
    o["name"] = c.name;
    put(o, "issuer", c.issuer);
    put(o, "date", c.date);
    certs.push_back(o);
  }
  doc["certificates"] = certs;
  if (meta) {
    ordered_json m = ordered_json::object();
    m["format"] = std::string(format_name(r.format));
    m["pages"] = r.pages;
    ordered_json conf = ordered_json::object();
    for (const auto& c : r.confidence) conf[c.field] = std::round(c.value * 100) / 100;
    m["confidence"] = conf;
    m["completeness"] = std::round(r.completeness * 100) / 100;
    m["warnings"] = r.warnings;
    doc["meta"] = m;
  }
  return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace hg::resume
