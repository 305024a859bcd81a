// parse_resume: a resume file (PDF, DOCX, HTML, Markdown, text) to JSON Resume fields, with a
// confidence per field, a completeness score and warnings for what was not found.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "resume/document.hpp"
#include "util/result.hpp"

namespace hg::normalize {
class Gazetteer;
}
namespace hg::skills {
class Taxonomy;
}

namespace hg::resume {

struct SocialProfile {
  std::string network;   // "GitHub", "LinkedIn" ...
  std::string username;
  std::string url;
};

struct Basics {
  std::string name, label, email, phone, url, summary;
  std::string city, region, country;  // country: ISO 3166-1 alpha-2 when known
  std::vector<SocialProfile> profiles;
};

struct WorkEntry {
  std::string name, position, location;
  std::string start, end;  // ISO "YYYY" or "YYYY-MM"; end "" when current or unknown
  bool current = false;
  std::vector<std::string> highlights;
  double confidence = 0;   // 0..1
};

struct EducationEntry {
  std::string institution, study_type, area, score;
  std::string start, end;
  double confidence = 0;
};

struct SkillGroup {
  std::string name;                   // a group heading ("Backend") or a lone skill
  std::vector<std::string> keywords;  // the skills listed under it
};

struct Language {
  std::string language, fluency;
};

struct Certificate {
  std::string name, issuer, date;
};

struct FieldConfidence {
  std::string field;  // "basics.name", "work", ...
  double value = 0;   // 0..1; 0 means not found
};

struct ParsedResume {
  Format format = Format::text;
  int pages = 0;
  Basics basics;
  std::vector<WorkEntry> work;
  std::vector<EducationEntry> education;
  std::vector<SkillGroup> skills;
  std::vector<Language> languages;
  std::vector<Certificate> certificates;
  std::vector<FieldConfidence> confidence;
  double completeness = 0;            // 0..1: weighted share of the main fields found
  std::vector<std::string> warnings;  // "no phone number found", ...
};

struct ParseOptions {
  Limits limits = {};                                // size, pages, XML depth, deadline
  const normalize::Gazetteer* gazetteer = nullptr;   // places (location, phone country); optional
  const skills::Taxonomy* taxonomy = nullptr;        // canonical skill names; optional
};

// Reads `bytes` (the format detected from content) and extracts the fields. Errors:
// invalid_input for empty, corrupt, encrypted, image-only, oversized or binary files and for
// text that does not look like a resume (no contact details, no sections, no dates).
// Thread-safe for distinct inputs; the borrowed gazetteer and taxonomy must outlive the call.
Result<ParsedResume> parse_resume(std::string_view bytes, const ParseOptions& options = {});

// The fields of an already read document.
ParsedResume parse_document(const Document& document, const ParseOptions& options = {});

// One line as the parser reads it, with the section it falls in: what `--lines` shows.
struct SectionLine {
  std::string section;  // "header", "work", "education", ...
  Line line;
};
// The lines of `bytes` in reading order with their sections. Errors as parse_resume, except
// that any readable document is accepted.
Result<std::vector<SectionLine>> read_lines(std::string_view bytes, const ParseOptions& options = {});

// JSON Resume text (jsonresume.org v1 field names) of `resume`; with `meta`, an extra "meta"
// object carries format, pages, confidence, completeness and warnings.
std::string to_json_resume(const ParsedResume& resume, bool meta);

}  // namespace hg::resume
