#include "resume/parse.hpp"

#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "normalize/location.hpp"
#include "skills/taxonomy.hpp"
#include "support/catch_printers.hpp"
#include "support/temp_dir.hpp"

namespace hg::resume {
namespace {

std::string read(const std::string& name) {
  std::ifstream in(testing::fixture("resumes/" + name), std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

const ParseOptions& options() {
  static const normalize::Gazetteer places = [] {
    auto g = normalize::Gazetteer::embedded();
    REQUIRE(g);
    return std::move(*g);
  }();
  static const skills::Taxonomy taxonomy = [] {
    auto t = skills::Taxonomy::load_builtin();
    REQUIRE(t);
    return std::move(*t);
  }();
  static const ParseOptions opts{.limits = {}, .gazetteer = &places, .taxonomy = &taxonomy};
  return opts;
}

bool has_work(const ParsedResume& r, std::string_view company, std::string_view position) {
  for (const auto& w : r.work) {
    if (w.name == company && w.position == position) return true;
  }
  return false;
}

const char* kText =
    "Jane Doe\n"
    "Backend Engineer\n"
    "Berlin, Germany | jane.doe@example.org | +49 30 1234567\n"
    "github.com/janedoe\n"
    "\n"
    "Experience\n"
    "\n"
    "Senior Engineer at Acme GmbH\n"
    "Jan 2020 - Present\n"
    "- Built the billing service in Go\n"
    "\n"
    "Engineer at Widgets Inc\n"
    "2016 - 2019\n"
    "\n"
    "Education\n"
    "\n"
    "Technical University of Munich\n"
    "2012 - 2016\n"
    "BSc Computer Science\n"
    "\n"
    "Skills\n"
    "Go, PostgreSQL, Kubernetes\n"
    "\n"
    "Languages\n"
    "English (native), German (C1)\n";

}  // namespace

TEST_CASE("detect_format looks at the content and not the name", "[resume]") {
  CHECK(*detect_format("%PDF-1.7\n...") == Format::pdf);
  CHECK(*detect_format(std::string_view("PK\x03\x04rest", 8)) == Format::docx);
  CHECK(*detect_format("<!DOCTYPE html><html><body>x</body></html>") == Format::html);
  CHECK(*detect_format("# Jane\n\n## Work\n- Acme\n") == Format::markdown);
  CHECK(*detect_format("Jane Doe\nEngineer\n") == Format::text);
  CHECK(detect_format("").error().code == Errc::invalid_input);
  CHECK(detect_format(std::string_view("\x00\x01\x02\x03\xff\xfe\x00\x00\x00\x00", 10)).error().code ==
        Errc::invalid_input);
}

TEST_CASE("a plain text resume gives basics and work and education and skills and languages", "[resume]") {
  auto parsed = parse_resume(kText, options());
  REQUIRE(parsed);
  const ParsedResume& r = *parsed;
  CHECK(r.format == Format::text);
  CHECK(r.basics.name == "Jane Doe");
  CHECK(r.basics.label == "Backend Engineer");
  CHECK(r.basics.email == "jane.doe@example.org");
  CHECK(r.basics.phone == "+49 30 1234567");
  CHECK(r.basics.city == "Berlin");
  CHECK(r.basics.country == "DE");
  REQUIRE(r.basics.profiles.size() == 1);
  CHECK(r.basics.profiles[0].network == "GitHub");
  REQUIRE(r.work.size() == 2);
  CHECK(has_work(r, "Acme GmbH", "Senior Engineer"));
  CHECK(has_work(r, "Widgets Inc", "Engineer"));
  CHECK(r.work[0].start == "2020-01");
  CHECK(r.work[0].current);
  CHECK(r.work[1].end == "2019");
  REQUIRE(r.education.size() == 1);
  CHECK(r.education[0].institution == "Technical University of Munich");
  CHECK(r.education[0].study_type == "BSc Computer Science");
  std::vector<std::string> skills;
  for (const auto& s : r.skills) {
    skills.push_back(s.name);
    skills.insert(skills.end(), s.keywords.begin(), s.keywords.end());
  }
  CHECK(skills == std::vector<std::string>{"Go", "PostgreSQL", "Kubernetes"});
  REQUIRE(r.languages.size() == 2);
  CHECK(r.languages[0].language == "English");
  CHECK(r.languages[0].fluency == "native");
  CHECK(r.completeness > 0.9);
  CHECK(r.warnings.empty());
}

TEST_CASE("missing fields lower completeness and give warnings", "[resume]") {
  auto parsed = parse_resume("Jane Doe\njane@example.org\n", options());
  REQUIRE(parsed);
  CHECK(parsed->completeness < 0.5);
  CHECK(std::find(parsed->warnings.begin(), parsed->warnings.end(), "no phone number found") !=
        parsed->warnings.end());
}

TEST_CASE("German headings and dates are read", "[resume]") {
  const char* text =
      "Max Mustermann\nmax@example.de\n\nBerufserfahrung\n\nSoftwareentwickler bei Beispiel AG\n"
      "03.2019 \xE2\x80\x93 heute\n\nAusbildung\n\nHochschule M\xC3\xBCnchen\n2014 - 2018\n";
  auto parsed = parse_resume(text, options());
  REQUIRE(parsed);
  REQUIRE(parsed->work.size() == 1);
  CHECK(parsed->work[0].name == "Beispiel AG");
  CHECK(parsed->work[0].position == "Softwareentwickler");
  CHECK(parsed->work[0].start == "2019-03");
  CHECK(parsed->work[0].current);
  REQUIRE(parsed->education.size() == 1);
  CHECK(parsed->education[0].institution == "Hochschule M\xC3\xBC" "nchen");
}

TEST_CASE("a two-column PDF is read column by column", "[resume][pdf]") {
  auto parsed = parse_resume(read("12.macchiato.pdf"), options());
  REQUIRE(parsed);
  CHECK(parsed->format == Format::pdf);
  CHECK(parsed->basics.name == "Alan Lai");
  CHECK(has_work(*parsed, "Chevron", "DevOps Lead"));
  CHECK(parsed->education.size() == 2);
  CHECK_FALSE(parsed->skills.empty());
}

TEST_CASE("a PDF with a right sidebar keeps its work entries together", "[resume][pdf]") {
  auto parsed = parse_resume(read("05.kendall.pdf"), options());
  REQUIRE(parsed);
  CHECK(parsed->basics.email == "adamkiss.cloud@gmail.com");
  CHECK(has_work(*parsed, "Contino", "Senior Cloud Engineer"));
  CHECK(parsed->work.size() >= 10);
}

TEST_CASE("DOCX and HTML and layout text resumes are read", "[resume]") {
  auto docx = parse_resume(read("03.kendall.docx"), options());
  REQUIRE(docx);
  CHECK(docx->format == Format::docx);
  CHECK(docx->basics.name == "Juan Camilo Camacho Beltrán");
  CHECK(has_work(*docx, "TV Azteca", "Gerente de Desarrollo"));

  auto html = parse_resume(read("11.even.html"), options());
  REQUIRE(html);
  CHECK(html->format == Format::html);
  CHECK(html->basics.name == "Stijn Koopal");
  CHECK(has_work(*html, "Xebia", "Consultant"));

  auto text = parse_resume(read("09.class.txt"), options());
  REQUIRE(text);
  CHECK(text->basics.name == "Tiger Oakes");
  CHECK(text->work.size() >= 4);
}

TEST_CASE("bad files are refused with a reason and invalid_input", "[resume]") {
  auto reason = [](const std::string& bytes) {
    auto parsed = parse_resume(bytes, options());
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().code == Errc::invalid_input);
    return parsed.error().message;
  };
  CHECK(reason("") == "empty file");
  CHECK_THAT(reason(read("corrupt.pdf")), Catch::Contains("not a readable PDF"));
  CHECK_THAT(reason(read("encrypted.pdf")), Catch::Contains("encrypted"));
  CHECK_THAT(reason(read("image-only.pdf")), Catch::Contains("image-only"));
  CHECK_THAT(reason(read("not-docx.docx")), Catch::Contains("not a DOCX"));
  CHECK_THAT(reason(read("bomb.docx")), Catch::Contains("size limit"));
  CHECK_THAT(reason(read("not-a-resume.txt")), Catch::Contains("does not look like a resume"));
  CHECK_THAT(reason(std::string(1024, '\xff')), Catch::Contains("binary data"));
}

TEST_CASE("limits bound size and pages and time", "[resume]") {
  ParseOptions small = options();
  small.limits.max_bytes = 1000;
  auto big = parse_resume(read("12.macchiato.pdf"), small);
  REQUIRE_FALSE(big);
  CHECK_THAT(big.error().message, Catch::Contains("over the 0 MiB limit"));

  ParseOptions one_page = options();
  one_page.limits.max_pages = 1;
  auto pages = parse_resume(read("12.macchiato.pdf"), one_page);
  REQUIRE_FALSE(pages);
  CHECK_THAT(pages.error().message, Catch::Contains("pages"));

  ParseOptions late = options();
  late.limits.deadline = std::chrono::steady_clock::now() - std::chrono::seconds(1);
  auto timed_out = parse_resume(read("12.macchiato.pdf"), late);
  REQUIRE_FALSE(timed_out);
  CHECK_THAT(timed_out.error().message, Catch::Contains("time limit"));
}

TEST_CASE("hostile text does not crash the parser", "[resume]") {
  std::string deep = "<html><body>" + std::string(100000, '<') + "div>" + std::string(50000, '(');
  auto parsed = parse_resume(deep, options());
  (void)parsed;
  std::string lines;
  for (int i = 0; i < 20000; ++i) lines += "Jan 2020 - Present 2019 2018 @ @@ +1 (555) \n";
  auto many = parse_resume(lines, options());
  (void)many;
  SUCCEED();
}

TEST_CASE("to_json_resume writes JSON Resume fields and the meta object", "[resume]") {
  auto parsed = parse_resume(kText, options());
  REQUIRE(parsed);
  const auto doc = nlohmann::json::parse(to_json_resume(*parsed, true));
  CHECK(doc["basics"]["name"] == "Jane Doe");
  CHECK(doc["basics"]["location"]["city"] == "Berlin");
  CHECK(doc["work"][0]["name"] == "Acme GmbH");
  CHECK(doc["work"][0]["startDate"] == "2020-01");
  CHECK(doc["work"][0]["current"] == true);
  CHECK(doc["education"][0]["institution"] == "Technical University of Munich");
  CHECK(doc["meta"]["format"] == "text");
  CHECK(doc["meta"]["confidence"]["basics.email"].get<double>() > 0.9);
  CHECK_FALSE(nlohmann::json::parse(to_json_resume(*parsed, false)).contains("meta"));
}

}  // namespace hg::resume
