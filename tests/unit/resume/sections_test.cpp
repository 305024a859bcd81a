#include "resume/sections.hpp"

#include <catch2/catch.hpp>

namespace hg::resume::detail {
namespace {

std::vector<Line> lines_of(std::initializer_list<const char*> texts) {
  std::vector<Line> out;
  double y = 0;
  for (const char* t : texts) {
    Line line;
    line.text = t;
    line.y = y++;
    out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("headings are found in six languages and in several spellings", "[resume]") {
  CHECK(heading_kind("WORK EXPERIENCE") == Section::work);
  CHECK(heading_kind("Berufserfahrung") == Section::work);
  CHECK(heading_kind("Expérience professionnelle") == Section::work);
  CHECK(heading_kind("Experiencia laboral:") == Section::work);
  CHECK(heading_kind("Werkervaring") == Section::work);
  CHECK(heading_kind("Experiência Profissional") == Section::work);
  CHECK(heading_kind("Ausbildung") == Section::education);
  CHECK(heading_kind("Formación académica") == Section::education);
  CHECK(heading_kind("Opleiding") == Section::education);
  CHECK(heading_kind("S K I L L S") == Section::skills);
  CHECK(heading_kind("Kenntnisse") == Section::skills);
  CHECK(heading_kind("Idiomas") == Section::languages);
  CHECK(heading_kind("Sprachen") == Section::languages);
  CHECK(heading_kind("Certifications") == Section::certificates);
  CHECK(heading_kind("Volunteering") == Section::volunteer);
  CHECK(heading_kind("Publications") == Section::publications);
  CHECK(heading_kind("Awards") == Section::awards);
  CHECK(heading_kind("Projects") == Section::projects);
  CHECK(heading_kind("Education and Training") == Section::education);
}

TEST_CASE("sentences that contain a heading word are not headings", "[resume]") {
  CHECK_FALSE(heading_kind("I have ten years of work experience in Go"));
  CHECK_FALSE(heading_kind("Senior Engineer"));
  CHECK_FALSE(heading_kind(""));
}

TEST_CASE("split_sections cuts at headings and keeps the header before the first", "[resume]") {
  const auto lines = lines_of({"Jane Doe", "jane@example.org", "Experience", "Acme",
                               "Education", "MIT", "Skills", "C++, Go"});
  const auto spans = split_sections(lines);
  REQUIRE(spans.size() == 4);
  CHECK(spans[0].kind == Section::header);
  CHECK(spans[0].end == 2);
  CHECK(spans[1].kind == Section::work);
  CHECK(spans[1].begin == 3);
  CHECK(spans[2].kind == Section::education);
  CHECK(spans[3].kind == Section::skills);
  CHECK(spans[3].end == lines.size());
}

TEST_CASE("a row of four or more headings is a menu and not sections", "[resume]") {
  const auto lines = lines_of({"About", "Work", "Education", "Skills", "Jane Doe", "Work",
                               "Acme"});
  const auto spans = split_sections(lines);
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].kind == Section::header);
  CHECK(spans[1].kind == Section::work);
  CHECK(spans[1].heading == 5);
}

}  // namespace hg::resume::detail
