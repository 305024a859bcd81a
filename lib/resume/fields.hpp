// Internal to lib/resume: the field extractors parse.cpp runs over a document's sections.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "resume/parse.hpp"
#include "resume/sections.hpp"

namespace hg::resume::detail {

struct Input {
  const Document& doc;
  const std::vector<Span>& spans;
  const ParseOptions& options;
  // Lines of every span of `kind`, in order (a section split over pages or columns joins up).
  std::vector<std::size_t> lines_of(Section kind) const;
  const Line& line(std::size_t i) const { return doc.lines[i]; }
};

// basics: name (largest type near the top), label, email, phone, URLs and profiles, city.
// `name_from_size` tells whether the name was chosen by font size.
Basics extract_basics(const Input& in, bool& name_from_size);

std::vector<WorkEntry> extract_work(const Input& in, const std::vector<std::size_t>& lines);
std::vector<EducationEntry> extract_education(const Input& in,
                                              const std::vector<std::size_t>& lines);
std::vector<SkillGroup> extract_skills(const Input& in, const std::vector<std::size_t>& lines);
std::vector<Language> extract_languages(const Input& in, const std::vector<std::size_t>& lines);
std::vector<Certificate> extract_certificates(const Input& in,
                                              const std::vector<std::size_t>& lines);

// Short lines outside any skills heading that are mostly known skills (a sidebar of tags).
std::vector<std::size_t> unheaded_skill_lines(const Input& in);

// Whether a "Languages" section lists spoken languages (not programming languages).
bool mostly_languages(const Document& doc, const Span& span);

// Shared word tests.
bool is_bullet_line(std::string_view text);
std::string strip_bullet(std::string_view text);
// Language names in several languages ("English", "Deutsch", "Español", "inglés").
bool is_language_name(std::string_view word);
// "Native", "C1", "fluent", "Muttersprache", "courant", "nativo" ...
bool is_fluency_word(std::string_view text);
// The place a short line names, when the gazetteer knows it: city as written.
bool looks_like_place(const Input& in, std::string_view text, std::string* city,
                      std::string* country);

}  // namespace hg::resume::detail
