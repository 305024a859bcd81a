#include "normalize/title.hpp"

#include <catch2/catch.hpp>

#include "tsv_rows.hpp"

namespace hg::normalize {
namespace {

TEST_CASE("parse_title cleans, ranks and groups real titles", "[normalize]") {
  const auto rows = testing::read_cases("titles_cases.tsv");
  REQUIRE(rows.size() >= 40);
  for (const auto& row : rows) {
    REQUIRE(row.fields.size() == 5);
    INFO("titles_cases.tsv:" << row.line << " " << row.fields[0]);
    const TitleInfo info = parse_title(row.fields[0]);
    CHECK(info.clean == row.fields[1]);
    CHECK(info.seniority == row.fields[2]);
    CHECK(info.family == row.fields[3]);
  }
}

TEST_CASE("parse_title strips gender tags in their common spellings", "[normalize]") {
  for (const char* title : {"Entwickler (m/w/d)", "Entwickler (w/m/d)", "Entwickler (f/m/x)",
                            "Entwickler (m/f/d)", "Entwickler (M/W/D)", "Entwickler (all genders)",
                            "Entwickler H/F", "Entwickler (h/f)", "Entwickler m/w/d",
                            "Entwickler (m/w/divers)", "Entwickler (gn)", "Entwickler [m/w/d]",
                            "Entwickler (m / w / d)", "Entwickler - (m/w/d)"}) {
    INFO(title);
    CHECK(parse_title(title).clean == "Entwickler");
  }
}

TEST_CASE("parse_title keeps brackets that are part of the title", "[normalize]") {
  CHECK(parse_title("Nurse (RN)").clean == "Nurse (RN)");
  CHECK(parse_title("Contact Tracer (COVID-19)").clean == "Contact Tracer (COVID-19)");
  CHECK(parse_title("Summer Intern (2024)").clean == "Summer Intern (2024)");
  CHECK(parse_title("Teacher (2023-2024 School Year)").clean == "Teacher (2023-2024 School Year)");
  CHECK(parse_title("B2B Sales (Remote, US)").clean == "B2B Sales (Remote, US)");
}

TEST_CASE("parse_title takes the highest rung a title names", "[normalize]") {
  CHECK(parse_title("Senior Manager, Data Engineering").seniority == "manager");
  CHECK(parse_title("Senior Vice President, Finance").seniority == "executive");
  CHECK(parse_title("Senior Staff Software Engineer").seniority == "staff");
  CHECK(parse_title("Sr. Software Engineer").seniority == "senior");
  CHECK(parse_title("Software Engineer III").seniority == "senior");
  CHECK(parse_title("Software Engineer II").seniority == "mid");
  CHECK(parse_title("Head of Engineering").seniority == "director");
  CHECK(parse_title("Engineering Manager").seniority == "manager");
  CHECK(parse_title("Senior Product Manager").seniority == "senior");
  CHECK(parse_title("Staff Accountant").seniority == "");
  CHECK(parse_title("International Sales Representative").seniority == "");
  CHECK(parse_title("Internal Auditor").seniority == "");
}

TEST_CASE("parse_title is bounded and total", "[normalize]") {
  CHECK(parse_title("").clean == "");
  CHECK(parse_title("(m/w/d)").clean == "");
  CHECK(parse_title(" - ").clean == "");
  const TitleInfo huge = parse_title(std::string(1'000'000, '('));
  CHECK(huge.clean.size() <= 1000);
}

}  // namespace
}  // namespace hg::normalize
