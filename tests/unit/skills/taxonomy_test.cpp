#include "skills/taxonomy.hpp"

#include <catch2/catch.hpp>

#include "skills/text.hpp"
#include "support/catch_printers.hpp"

namespace hg::skills {
namespace {

constexpr std::string_view kSmall =
    "name\tcategory\taliases\timplies\tstrict\n"
    "JavaScript\tProgramming language\tJS|ecmascript\t\tJS\n"
    "React\tWeb framework\tReactJS|react.js\tJavaScript\tReact\n"
    "Next.js\tWeb framework\t\tReact\t\n"
    "C\tProgramming language\t\t\tC\n"
    "C++\tProgramming language\tcpp\t\t\n"
    "C#\tProgramming language\tcsharp\t\t\n"
    ".NET\tFramework\tdotnet\t\t\n"
    "Node.js\tRuntime\tNodeJS\tJavaScript\t\n";

TEST_CASE("match_key follows the reference rule but keeps C++, C# and .NET apart", "[skills]") {
  CHECK(match_key("Node.js") == "nodejs");
  CHECK(match_key("node js") == "nodejs");
  CHECK(match_key("Ruby-on_Rails") == "rubyonrails");
  CHECK(match_key("C++") == "c++");
  CHECK(match_key("C#") == "c#");
  CHECK(match_key(".NET") == ".net");
  CHECK(match_key("NET") == "net");
  CHECK(match_key("CI/CD") == "ci/cd");
  CHECK(match_key("Kahoot!") == "kahoot");
}

TEST_CASE("Taxonomy::load finds skills by name and alias", "[skills]") {
  auto taxonomy = Taxonomy::load(kSmall);
  REQUIRE(taxonomy);
  CHECK(taxonomy->size() == 8);
  REQUIRE(taxonomy->find("reactjs"));
  CHECK(taxonomy->skill(*taxonomy->find("React.JS")).name == "React");
  CHECK(taxonomy->skill(*taxonomy->find("nodejs")).name == "Node.js");
  CHECK(taxonomy->skill(*taxonomy->find("c++")).name == "C++");
  CHECK(taxonomy->skill(*taxonomy->find("c#")).name == "C#");
  CHECK(taxonomy->skill(*taxonomy->find("c")).name == "C");
  CHECK(taxonomy->skill(*taxonomy->find(".net")).name == ".NET");
  CHECK_FALSE(taxonomy->find("net"));
  CHECK_FALSE(taxonomy->find("Cobol"));
}

TEST_CASE("implied is transitive and implied_by is direct", "[skills]") {
  auto taxonomy = Taxonomy::load(kSmall);
  REQUIRE(taxonomy);
  const SkillId next = *taxonomy->find("Next.js");
  std::vector<std::string> names;
  for (SkillId id : taxonomy->implied(next)) names.push_back(taxonomy->skill(id).name);
  CHECK(names == std::vector<std::string>{"JavaScript", "React"});
  names.clear();
  for (SkillId id : taxonomy->implied_by(*taxonomy->find("JavaScript"))) {
    names.push_back(taxonomy->skill(id).name);
  }
  CHECK(names == std::vector<std::string>{"Node.js", "React"});
}

TEST_CASE("extra lines add aliases, implications and new skills", "[skills]") {
  constexpr std::string_view kExtra =
      "# my own\n"
      "react\t\tReact 19\t\t\n"
      "Hono\tWeb framework\thonojs\tJavaScript\n"
      "Bun\n";
  auto taxonomy = Taxonomy::load(kSmall, kExtra);
  REQUIRE(taxonomy);
  CHECK(taxonomy->size() == 10);
  CHECK(taxonomy->skill(*taxonomy->find("react 19")).name == "React");
  const SkillId hono = *taxonomy->find("HonoJS");
  CHECK(taxonomy->skill(hono).category == "Web framework");
  CHECK(taxonomy->implied(hono).size() == 1);
  CHECK(taxonomy->skill(*taxonomy->find("bun")).category == "User skill");
}

TEST_CASE("load reports the line of a bad entry", "[skills]") {
  auto unknown = Taxonomy::load(kSmall, "Hono\tWeb\t\tElm\n");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().code == Errc::invalid_input);
  CHECK(unknown.error().message == "skills extra file line 1: unknown skill \"Elm\" in implies");
  auto headerless = Taxonomy::load("React\tWeb\n");
  REQUIRE_FALSE(headerless);
  CHECK(headerless.error().code == Errc::invalid_input);
  auto empty_name = Taxonomy::load(kSmall, "\n\tcategory only\n");
  REQUIRE_FALSE(empty_name);
  CHECK(empty_name.error().message == "skills extra file line 2: empty skill name");
}

TEST_CASE("search puts prefix hits first, then substrings, shortest first", "[skills]") {
  auto taxonomy = Taxonomy::load(kSmall);
  REQUIRE(taxonomy);
  std::vector<std::string> names;
  for (SkillId id : taxonomy->search("js", 10)) names.push_back(taxonomy->skill(id).name);
  CHECK(names == std::vector<std::string>{"JavaScript", "React", "Next.js", "Node.js"});  // react.js
  CHECK(taxonomy->search("js", 1).size() == 1);
  CHECK(taxonomy->search("", 10).empty());
}

TEST_CASE("categories counts skills per category", "[skills]") {
  auto taxonomy = Taxonomy::load(kSmall);
  REQUIRE(taxonomy);
  const auto categories = taxonomy->categories();
  REQUIRE(categories.size() == 4);
  CHECK(categories[1] == std::pair<std::string, std::size_t>{"Programming language", 4});
}

TEST_CASE("the built-in taxonomy loads and knows the usual suspects", "[skills]") {
  auto taxonomy = Taxonomy::load_builtin();
  REQUIRE(taxonomy);
  CHECK(taxonomy->size() > 5000);
  for (std::string_view name : {"Python", "k8s", "golang", "C++", "C#", ".NET", "Node.js",
                                "PostgreSQL", "postgres", "Excel", "Power BI", "AWS"}) {
    INFO(name);
    CHECK(taxonomy->find(name));
  }
  const SkillId react = *taxonomy->find("React");
  bool javascript = false;
  for (SkillId id : taxonomy->implied(react)) javascript |= taxonomy->skill(id).name == "JavaScript";
  CHECK(javascript);
  CHECK(taxonomy->skill(*taxonomy->find("k8s")).name == "Kubernetes");
}

}  // namespace
}  // namespace hg::skills
