// `hg import profiles` and `hg export profiles|applications` on the real binary.
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/cli_helpers.hpp"
#include "support/run_hg.hpp"
#include "support/temp_dir.hpp"

namespace {

using hg::testing::lines_of;
using hg::testing::at_now;

using hg::testing::fixture;
using hg::testing::Run;
using hg::testing::run_hg;
using hg::testing::RunOptions;
using hg::testing::TempDir;

constexpr const char* kNow = hg::testing::kTestNow;

}  // namespace

TEST_CASE("a JSON Resume becomes a profile that export prints", "[cli]") {
  TempDir dir;
  const auto db = dir.file("hg.db");
  const std::string resume = fixture("resumes/03.resume.json").string();
  Run run = run_hg({"import", "profiles", resume}, db, at_now());
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out ==
        "profile juan-camilo-camacho-beltrán: created (63 skills, 9.8 years of experience)\n");

  run = run_hg({"import", "profiles", resume, "--json"}, db, at_now());
  REQUIRE(run.exit_code == 0);
  const auto again = nlohmann::json::parse(run.out);
  REQUIRE(again.size() == 1);
  CHECK(again[0]["profile"] == "juan-camilo-camacho-beltrán");
  CHECK(again[0]["created"] == false);
  CHECK(again[0]["id"] == 1);

  run = run_hg({"export", "profiles"}, db, at_now());
  REQUIRE(run.exit_code == 0);
  const auto lines = lines_of(run.out);
  REQUIRE(lines.size() == 1);
  const auto profile = nlohmann::json::parse(lines[0]);
  CHECK(profile["full_name"] == "Juan Camilo Camacho Beltrán");
  CHECK(profile["country"] == "MX");
  CHECK(profile["skills"].size() == 63);
  CHECK(profile["created_at"] == kNow);
  CHECK(profile["resume"]["basics"]["name"] == "Juan Camilo Camacho Beltrán");

  run = run_hg({"export", "profiles", "--json"}, db, at_now());
  REQUIRE(run.exit_code == 0);
  CHECK(nlohmann::json::parse(run.out) == nlohmann::json::array({profile}));

  SECTION("--name picks the handle") {
    run = run_hg({"import", "profiles", resume, "--name", "jc"}, db, at_now());
    REQUIRE(run.exit_code == 0);
    CHECK_THAT(run.out, Catch::StartsWith("profile jc: created"));
    CHECK(lines_of(run_hg({"export", "profiles"}, db, at_now()).out).size() == 2);
  }
}

TEST_CASE("profile files that are missing or not a JSON Resume are reported one by one", "[cli]") {
  TempDir dir;
  const auto db = dir.file("hg.db");
  const auto not_resume = dir.write("notes.json", "{\"x\": 1}");
  const auto missing = dir.file("missing.json");
  const std::string resume = fixture("resumes/03.resume.json").string();
  const Run run =
      run_hg({"import", "profiles", not_resume.string(), missing.string(), resume, "--json"}, db,
             at_now());
  CHECK(run.exit_code == 3);
  CHECK(lines_of(run.err) ==
        std::vector<std::string>{"hg: import: " + not_resume.string() +
                                     ": not a JSON Resume: basics.name and basics.email are "
                                     "missing",
                                 "hg: import: " + missing.string() + ": no such file"});
  const auto results = nlohmann::json::parse(run.out);
  REQUIRE(results.size() == 3);
  CHECK(results[1] == nlohmann::json{{"file", missing.string()}, {"error", "no such file"}});
  CHECK(results[2]["created"] == true);

  const Run named = run_hg({"import", "profiles", resume, resume, "--name", "x"}, db, at_now());
  CHECK(named.exit_code == 2);
  CHECK(named.err == "hg: --name: only with one file (2 given)\n");
}

TEST_CASE("a store without applications exports empty, well-formed documents", "[cli]") {
  TempDir dir;
  const auto db = dir.file("hg.db");
  REQUIRE(run_hg({"init"}, db, at_now()).exit_code == 0);
  Run run = run_hg({"export", "applications"}, db, at_now());
  CHECK(run.exit_code == 0);
  CHECK(run.out.empty());
  run = run_hg({"export", "applications", "--json"}, db, at_now());
  CHECK(run.exit_code == 0);
  CHECK(nlohmann::json::parse(run.out) == nlohmann::json::array());
  run = run_hg({"export", "applications", "--csv"}, db, at_now());
  CHECK(run.exit_code == 0);
  CHECK(run.out ==
        "id,profile_id,profile,job_id,title,company,location,status,resume_id,match_score,"
        "match_explanation,created_at,updated_at\n");
  run = run_hg({"export", "resumes"}, db, at_now());
  CHECK(run.exit_code == 2);
}
