// `hg skills list|search|show|extract` on the real binary: the built-in taxonomy, the user's
// skills.extra_file, every output format and the exit codes of the failure cases.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/run_hg.hpp"
#include "support/temp_dir.hpp"

namespace {

using hg::testing::Run;
using hg::testing::run_hg;
using hg::testing::RunOptions;
using hg::testing::TempDir;

// A config in `dir` (HG_CONFIG), with skills.extra_file when `extra` is given; `input` on stdin.
RunOptions with_config(const TempDir& dir, const std::string& extra = "", std::string input = "") {
  std::string toml;
  if (!extra.empty()) {
    toml = "[skills]\nextra_file = \"" + dir.write("skills.tsv", extra).string() + "\"\n";
  }
  RunOptions options;
  options.env["HG_CONFIG"] = dir.write("config.toml", toml).string();
  options.stdin_text = std::move(input);
  return options;
}

TEST_CASE("hg skills show finds a skill by alias and prints its relations", "[cli]") {
  TempDir dir;
  Run run = run_hg({"skills", "show", "k8s", "--json"}, with_config(dir));
  REQUIRE(run.exit_code == 0);
  auto skill = nlohmann::json::parse(run.out);
  CHECK(skill["name"] == "Kubernetes");
  CHECK(skill["aliases"] == nlohmann::json::array({"k8s"}));
  Run react = run_hg({"skills", "show", "reactjs", "--json"}, with_config(dir));
  REQUIRE(react.exit_code == 0);
  auto implies = nlohmann::json::parse(react.out)["implies"];
  CHECK(std::find(implies.begin(), implies.end(), "JavaScript") != implies.end());
  Run table = run_hg({"skills", "show", "Node.js"}, with_config(dir));
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.find("name        Node.js\n") != std::string::npos);
}

TEST_CASE("hg skills search and list", "[cli]") {
  TempDir dir;
  Run search = run_hg({"skills", "search", "postgres", "--jsonl", "-n", "3"}, with_config(dir));
  REQUIRE(search.exit_code == 0);
  CHECK(nlohmann::json::parse(search.out.substr(0, search.out.find('\n')))["name"] == "PostgreSQL");
  Run list = run_hg({"skills", "list", "--category", "programming language", "-n", "5", "--csv"},
                    with_config(dir));
  REQUIRE(list.exit_code == 0);
  CHECK(list.out.starts_with("name,category,aliases,implies\n"));
  CHECK(std::count(list.out.begin(), list.out.end(), '\n') == 6);
  CHECK(list.out.find("Programming language") != std::string::npos);
}

TEST_CASE("hg skills extract reads stdin and says what is required", "[cli]") {
  TempDir dir;
  const std::string posting =
      "We go to market with great people.\nRequirements:\n- Python, SQL and C++\n"
      "Nice to have:\n- Kubernetes (k8s)\n";
  Run run = run_hg({"skills", "extract", "-", "--json"}, with_config(dir, "", posting));
  REQUIRE(run.exit_code == 0);
  auto found = nlohmann::json::parse(run.out);
  REQUIRE(found.size() == 4);
  CHECK(found[0]["name"] == "Python");
  CHECK(found[0]["required"] == true);
  CHECK(found[2]["name"] == "C++");
  CHECK(found[3]["name"] == "Kubernetes");
  CHECK(found[3]["required"] == false);
  CHECK(found[3]["count"] == 2);
  CHECK(posting.substr(found[3]["offset"], found[3]["length"]) == "Kubernetes");
}

TEST_CASE("hg skills extract --field reads JSON Lines", "[cli]") {
  TempDir dir;
  const std::string lines =
      R"({"id":"a","description":"Django and React"})" "\n"
      R"({"id":"b","title":"no description"})" "\n"
      R"({"description":"Go and Rust developer"})" "\n";
  Run run = run_hg({"skills", "extract", "--field", "description", "--jsonl", "--implied", "-"},
                   with_config(dir, "", lines));
  REQUIRE(run.exit_code == 0);
  std::vector<std::string> got;
  for (std::size_t at = 0; at < run.out.size();) {
    const std::size_t end = run.out.find('\n', at);
    auto record = nlohmann::json::parse(run.out.substr(at, end - at));
    if (!record["implied"].get<bool>()) got.push_back(record["record"].dump() + " " + record["name"].get<std::string>());
    at = end + 1;
  }
  CHECK(got == std::vector<std::string>{R"("a" Django)", R"("a" React)", "3 Go", "3 Rust"});
  CHECK(run.err == "hg: warning: 1 lines without a text field \"description\" skipped\n");
}

TEST_CASE("skills.extra_file adds the user's skills and aliases", "[cli]") {
  TempDir dir;
  const std::string extra = "# mine\nAcme DSL\tProgramming language\tacmescript\tPython\nReact\t\tReact 19\n";
  Run show = run_hg({"skills", "show", "AcmeScript", "--json"}, with_config(dir, extra));
  REQUIRE(show.exit_code == 0);
  CHECK(nlohmann::json::parse(show.out)["name"] == "Acme DSL");
  Run extract = run_hg({"skills", "extract", "-", "--csv"},
                       with_config(dir, extra, "We write acmescript and React 19."));
  REQUIRE(extract.exit_code == 0);
  CHECK(extract.out.find("Acme DSL,Programming language,,1,9,10,acmescript,false") != std::string::npos);
  CHECK(extract.out.find("React,") != std::string::npos);

  Run bad = run_hg({"skills", "show", "React"}, with_config(dir, "Acme\t\t\tNoSuchSkill\n"));
  CHECK(bad.exit_code == 3);
  CHECK(bad.err.starts_with(
      "hg: skills extra file line 1: unknown skill \"NoSuchSkill\" in implies\n"));
}

TEST_CASE("hg skills fails clearly", "[cli]") {
  TempDir dir;
  Run unknown = run_hg({"skills", "show", "no such skill"}, with_config(dir));
  CHECK(unknown.exit_code == 4);
  CHECK(unknown.err ==
        "hg: skill \"no such skill\" not found\nhint: `hg skills search TEXT` finds skills by part of a name\n");
  Run missing = run_hg({"skills", "extract", dir.file("none.txt").string()}, with_config(dir));
  CHECK(missing.exit_code == 4);
  CHECK(missing.err == "hg: " + dir.file("none.txt").string() + ": no such file\n");
  Run extra = run_hg({"skills", "list"}, with_config(dir, "x"));
  std::filesystem::remove(dir.file("skills.tsv"));
  Run gone = run_hg({"skills", "list"}, [&] {
    RunOptions options;
    options.env["HG_CONFIG"] = dir.file("config.toml").string();
    return options;
  }());
  CHECK(gone.exit_code == 4);
  CHECK(gone.err.starts_with("hg: config skills.extra_file: "));
  Run usage = run_hg({"skills", "list", "-n", "0"}, with_config(dir));
  CHECK(usage.exit_code == 2);
}

}  // namespace
