// `hg parse-resume` on the real binary: output formats, batches with bad files, --save.
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/cli_helpers.hpp"
#include "support/run_hg.hpp"
#include "support/temp_dir.hpp"

namespace {

using hg::testing::at_now;
using hg::testing::fixture;
using hg::testing::lines_of;
using hg::testing::Run;
using hg::testing::run_hg;
using hg::testing::TempDir;

std::string resume(const char* name) { return fixture(std::string("resumes/") + name).string(); }

}  // namespace

TEST_CASE("parse-resume prints one line per file", "[cli]") {
  TempDir dir;
  const Run run = run_hg({"parse-resume", resume("12.macchiato.pdf"), resume("09.class.txt")},
                         dir.file("hg.db"), at_now());
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const auto lines = lines_of(run.out);
  REQUIRE(lines.size() == 2);
  CHECK_THAT(lines[0], Catch::StartsWith(resume("12.macchiato.pdf") + ": Alan Lai"));
  CHECK_THAT(lines[1], Catch::StartsWith(resume("09.class.txt") + ": Tiger Oakes"));
  CHECK(run.err.empty());
}

TEST_CASE("parse-resume --json prints the JSON Resume with its meta", "[cli]") {
  TempDir dir;
  const Run run = run_hg({"parse-resume", resume("03.kendall.docx"), "--json"}, dir.file("hg.db"),
                         at_now());
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const auto doc = nlohmann::json::parse(run.out);
  CHECK(doc["file"] == resume("03.kendall.docx"));
  CHECK(doc["resume"]["basics"]["name"] == "Juan Camilo Camacho Beltrán");
  CHECK(doc["resume"]["basics"]["email"] == "juanccamachob94@gmail.com");
  CHECK(doc["resume"]["work"].size() >= 5);
  CHECK(doc["meta"]["format"] == "docx");
  CHECK(doc["meta"]["completeness"].get<double>() > 0.5);
}

TEST_CASE("parse-resume --yaml and --text print readable results", "[cli]") {
  TempDir dir;
  Run run = run_hg({"parse-resume", resume("11.even.html"), "--yaml"}, dir.file("hg.db"), at_now());
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Contains("\"name\": \"Stijn Koopal\""));
  run = run_hg({"parse-resume", resume("11.even.html"), "--text"}, dir.file("hg.db"), at_now());
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::StartsWith("Stijn Koopal\n"));
  CHECK_THAT(run.out, Catch::Contains("Work\n"));
}

TEST_CASE("parse-resume reports each bad file on one line and goes on", "[cli]") {
  TempDir dir;
  const auto empty = dir.write("empty.pdf", "");
  const auto missing = dir.file("missing.pdf");
  const std::vector<std::string> bad = {resume("corrupt.pdf"), resume("encrypted.pdf"),
                                        resume("image-only.pdf"), resume("not-a-resume.txt"),
                                        empty.string()};
  std::vector<std::string> args = {"parse-resume"};
  args.insert(args.end(), bad.begin(), bad.end());
  args.push_back(resume("09.class.txt"));
  Run run = run_hg(args, dir.file("hg.db"), at_now());
  CHECK(run.exit_code == 3);
  const auto err = lines_of(run.err);
  REQUIRE(err.size() == 7);  // five errors, two hints
  CHECK(err[0] == "hg: " + resume("corrupt.pdf") + ": not a readable PDF (corrupt or truncated)");
  CHECK(err[1] == "hg: " + resume("encrypted.pdf") + ": encrypted PDF: it needs a password");
  CHECK(err[2] == "hint: save an unprotected copy and parse that");
  CHECK(err[3] == "hg: " + resume("image-only.pdf") + ": image-only PDF: no text layer (a scan?)");
  CHECK_THAT(err[5], Catch::StartsWith("hg: " + resume("not-a-resume.txt") + ": does not look"));
  CHECK(err[6] == "hg: " + empty.string() + ": empty file");
  CHECK(lines_of(run.out).size() == 1);

  run = run_hg({"parse-resume", missing.string(), resume("09.class.txt")}, dir.file("hg.db"),
               at_now());
  CHECK(run.exit_code == 4);
  CHECK(run.err == "hg: " + missing.string() + ": no such file\n");
}

TEST_CASE("parse-resume refuses files over 20 MiB", "[cli]") {
  TempDir dir;
  const auto huge = dir.file("huge.pdf");
  {
    std::ofstream out(huge, std::ios::binary);
    out << "%PDF-1.4\n";
    out.seekp(21 << 20);
    out << "x";
  }
  const Run run = run_hg({"parse-resume", huge.string()}, dir.file("hg.db"), at_now());
  CHECK(run.exit_code == 3);
  CHECK(run.err == "hg: " + huge.string() + ": larger than 20 MiB\n");
}

TEST_CASE("parse-resume --jsonl gives one record per file and errors too", "[cli]") {
  TempDir dir;
  const Run run = run_hg({"parse-resume", resume("05.kendall.pdf"), resume("corrupt.pdf"), "--jsonl"},
                         dir.file("hg.db"), at_now());
  CHECK(run.exit_code == 3);
  const auto lines = lines_of(run.out);
  REQUIRE(lines.size() == 2);
  CHECK(nlohmann::json::parse(lines[0])["resume"]["basics"]["name"] == "ADAM KISS");
  CHECK(nlohmann::json::parse(lines[1])["error"] == "not a readable PDF (corrupt or truncated)");
}

TEST_CASE("parse-resume --save creates and then updates a profile", "[cli]") {
  TempDir dir;
  const auto db = dir.file("hg.db");
  Run run = run_hg({"parse-resume", resume("03.kendall.docx"), "--save", "--profile", "juan"}, db,
                   at_now());
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::EndsWith("profile juan created\n"));
  run = run_hg({"parse-resume", resume("03.kendall.docx"), "--save", "--profile", "juan"}, db,
               at_now());
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::EndsWith("profile juan updated\n"));

  run = run_hg({"export", "profiles"}, db, at_now());
  REQUIRE(run.exit_code == 0);
  const auto lines = lines_of(run.out);
  REQUIRE(lines.size() == 1);
  const auto profile = nlohmann::json::parse(lines[0]);
  CHECK(profile["name"] == "juan");
  CHECK(profile["full_name"] == "Juan Camilo Camacho Beltrán");
  CHECK(profile["years_experience"].get<double>() > 5);
  CHECK(profile["country"] == "MX");
  CHECK_FALSE(profile["skills"].empty());
  REQUIRE(profile["resume"]["work"].size() >= 1);
  CHECK(profile["resume"]["work"][0]["position"] == "Gerente de Desarrollo");
  CHECK_FALSE(profile["resume"].contains("meta"));
}

TEST_CASE("parse-resume --profile needs --save and a single file", "[cli]") {
  TempDir dir;
  Run run = run_hg({"parse-resume", resume("09.class.txt"), "--profile", "x"}, dir.file("hg.db"),
                   at_now());
  CHECK(run.exit_code == 2);
  CHECK(run.err == "hg: --profile: only with --save\n");
  run = run_hg({"parse-resume", resume("09.class.txt"), resume("11.even.html"), "--save",
                "--profile", "x"},
               dir.file("hg.db"), at_now());
  CHECK(run.exit_code == 2);
  CHECK(run.err == "hg: --profile: only with one file (2 given)\n");
}
