#include "skills/extract.hpp"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/catch_printers.hpp"
#include "util/strings.hpp"

namespace hg::skills {
namespace {

const Taxonomy& builtin() {
  static const Taxonomy taxonomy = [] {
    auto loaded = Taxonomy::load_builtin();
    REQUIRE(loaded);
    return std::move(*loaded);
  }();
  return taxonomy;
}

std::vector<std::string> names(std::string_view text, const ExtractOptions& options = {}) {
  std::vector<std::string> out;
  for (const FoundSkill& found : extract_skills(builtin(), text, options)) out.push_back(found.name);
  return out;
}

using Names = std::vector<std::string>;

TEST_CASE("symbols keep C, C++, C#, .NET and Node.js apart", "[skills]") {
  CHECK(names("C, C++, C# and .NET; Node.js or node js") == Names{"C", "C++", "C#", ".NET", "Node.js"});
  CHECK(names("Experience with k8s and Kubernetes") == Names{"Kubernetes"});
  CHECK(names("net income and internet") == Names{});
  CHECK(names("C/C++ programming") == Names{"C", "C++"});
}

TEST_CASE("context rules stop common false hits", "[skills]") {
  CHECK(names("We go to market fast with a go-to attitude") == Names{});
  CHECK(names("Our R&D team in the rust belt") == Names{});
  CHECK(names("You will excel in a fast-paced team") == Names{});
  CHECK(names("Spring semester internship, swift response") == Names{});
  CHECK(names("React to incidents quickly") == Names{});
  CHECK(names("Experience with Python or R or Go") == Names{"Python", "R", "Go"});
  CHECK(names("Go, Rust and Swift are our languages") == Names{"Go", "Rust", "Swift"});
  CHECK(names("Apply at https://example.com/python-java-jobs") == Names{});
}

TEST_CASE("strict skills need company in their line", "[skills]") {
  CHECK(names("Excel") == Names{});
  CHECK(names("Advanced Excel skills") == Names{"Microsoft Excel"});
  CHECK(names("Excel, Word and PowerPoint") ==
        Names{"Microsoft Excel", "Microsoft Word", "Microsoft PowerPoint"});
  CHECK(names("She drove a Ruby red car in Spring") == Names{});
}

TEST_CASE("required follows headings and sentences, in English and German", "[skills]") {
  const std::string text =
      "About us\nWe use Kotlin.\n"
      "Requirements:\n- Python and SQL\n- Docker (Kubernetes a plus)\n"
      "Nice to have:\n- Terraform\n"
      "Benefits\n- Java coffee bar with Go-karts\n"
      "Dein Profil\n- Sehr gute Kenntnisse in TypeScript\n- Erfahrung mit GraphQL ist von Vorteil\n";
  std::vector<std::pair<std::string, std::optional<bool>>> got;
  for (const FoundSkill& found : extract_skills(builtin(), text)) got.emplace_back(found.name, found.required);
  const std::vector<std::pair<std::string, std::optional<bool>>> want = {
      {"Kotlin", std::nullopt}, {"Python", true}, {"SQL", true},     {"Docker", true},
      {"Kubernetes", false},    {"Terraform", false}, {"TypeScript", true}, {"GraphQL", false}};
  CHECK(got == want);
}

TEST_CASE("spans, counts and implied skills", "[skills]") {
  const std::string text = "Django and more Django; also React.";
  auto found = extract_skills(builtin(), text, {.include_implied = true});
  REQUIRE(found.size() >= 4);
  CHECK(found[0].name == "Django");
  CHECK(found[0].count == 2);
  CHECK(text.substr(found[0].offset, found[0].length) == "Django");
  CHECK(found[1].name == "React");
  CHECK_FALSE(found[1].implied);
  Names implied;
  for (const FoundSkill& skill : found) {
    if (skill.implied) implied.push_back(skill.name);
  }
  CHECK(std::find(implied.begin(), implied.end(), "Python") != implied.end());
  CHECK(std::find(implied.begin(), implied.end(), "JavaScript") != implied.end());
}

TEST_CASE("input is bounded and odd bytes do not break it", "[skills]") {
  std::string big(200000, 'x');
  big += " Python";
  CHECK(names(big, {.max_bytes = 1000}) == Names{});
  CHECK(names(big) == Names{"Python"});
  CHECK(names(std::string("\xff\xfe Python \xc3", 12)) == Names{"Python"});
  CHECK(names("") == Names{});
  CHECK(names("++ ## // .") == Names{});
}

// tests/fixtures/skills/cases.tsv: real sentences and the skills a reader finds (SOURCE.md).
TEST_CASE("real posting sentences give the skills a reader finds", "[skills]") {
  std::ifstream in(std::string(HG_FIXTURES) + "/skills/cases.tsv");
  REQUIRE(in);
  std::string line;
  std::getline(in, line);  // header
  int cases = 0;
  while (std::getline(in, line)) {
    const std::vector<std::string> fields = util::split(line, '\t');
    REQUIRE(fields.size() == 4);
    INFO(fields[0] << ": " << fields[1]);
    std::string found, required;
    for (const FoundSkill& skill : extract_skills(builtin(), fields[1])) {
      found += (found.empty() ? "" : "|") + skill.name;
      if (skill.required) {
        required += (required.empty() ? "" : "|") + skill.name + (*skill.required ? "=yes" : "=no");
      }
    }
    CHECK(found == fields[2]);
    CHECK(required == fields[3]);
    ++cases;
  }
  CHECK(cases >= 80);
}

}  // namespace
}  // namespace hg::skills
