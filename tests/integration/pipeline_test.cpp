// hg apply and hg track through the real binary: a whole pipeline, refused moves that change
// nothing, the timeline, letters (template, PDF, an LLM on a loopback server), iCalendar,
// reminders, housekeeping and bulk import.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/cli_helpers.hpp"
#include "support/ical_check.hpp"
#include "support/replay_server.hpp"
#include "support/run_hg.hpp"
#include "support/sql.hpp"
#include "support/temp_dir.hpp"

namespace {

using hg::testing::at_now;
using hg::testing::lines_of;
using hg::testing::sql_scalar;
using hg::testing::ReplayServer;
using hg::testing::Run;
using hg::testing::RunOptions;
using hg::testing::Scripted;
using hg::testing::TempDir;
using Json = nlohmann::json;

const std::filesystem::path kFixtures = std::filesystem::path(HG_FIXTURES) / "pipeline";

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The output of a program run through the shell ("" when it fails).
std::string shell(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buffer[4096];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, got);
  pclose(pipe);
  return out;
}

// A store with the three fixture jobs (ids 1..3) and Zoë's profile (the default).
struct Pipeline {
  TempDir dir;
  std::filesystem::path db = dir.file("hg.db");

  Pipeline() {
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"import", "jobs", (kFixtures / "jobs.jsonl").string()},
          std::vector<std::string>{"import", "profiles", (kFixtures / "zoe.resume.json").string(),
                                   "--name", "zoe"}}) {
      const Run run = hg(args);
      INFO(run.err);
      REQUIRE(run.exit_code == 0);
    }
  }

  Run hg(const std::vector<std::string>& args, RunOptions options = at_now()) const {
    options.env["TZ"] = "UTC";
    options.env["HG_CONFIG"] = dir.file("config.toml").string();
    return hg::testing::run_hg(args, db, options);
  }
  Json json(const std::vector<std::string>& args, RunOptions options = at_now()) const {
    std::vector<std::string> with = args;
    with.insert(with.begin(), "--json");
    const Run run = hg(with, std::move(options));
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    return Json::parse(run.out);
  }
};

TEST_CASE("an application walks from saved to accepted, every step on its timeline", "[cli][track]") {
  Pipeline p;
  const Json applied = p.json({"apply", "1", "--at", "2026-11-02T09:00:00Z", "--note", "found on the board"});
  CHECK(applied["id"] == 1);
  CHECK(applied["status"] == "saved");
  CHECK(applied["created"] == true);
  CHECK(applied["title"] == "Senior Data Engineer");
  CHECK(applied["company"] == "Nordlicht GmbH");
  CHECK(applied["profile"] == "zoe");

  for (auto [status, at] : {std::pair{"applied", "2026-11-03T10:00:00Z"},
                            std::pair{"screening", "2026-11-05T10:00:00Z"},
                            std::pair{"interviewing", "2026-11-10T10:00:00Z"},
                            std::pair{"offer", "2026-11-18T10:00:00Z"},
                            std::pair{"accepted", "2026-11-20T10:00:00Z"}}) {
    INFO(status);
    const Json moved = p.json({"track", "move", "1", status, "--at", at, "step", status});
    CHECK(moved["status"] == status);
  }
  const Json shown = p.json({"track", "show", "1"});
  CHECK(shown["status"] == "accepted");
  CHECK(shown["next"].empty());
  REQUIRE(shown["timeline"].size() == 6);
  CHECK(shown["timeline"][0]["to_status"] == "saved");
  CHECK(shown["timeline"][0]["note"] == "found on the board");
  CHECK(shown["timeline"][5]["from_status"] == "offer");
  CHECK(shown["timeline"][5]["to_status"] == "accepted");
  CHECK(shown["timeline"][5]["at"] == "2026-11-20T10:00:00Z");
  CHECK(shown["timeline"][5]["note"] == "step accepted");
  // Every change is an event for reports.
  CHECK(sql_scalar(p.db, "SELECT count(*) FROM events WHERE subject_type = 'application'") == "6");
  CHECK(sql_scalar(p.db, "SELECT count(*) FROM events WHERE kind = 'application.moved'") == "5");

  const Run table = p.hg({"track"});
  CHECK(table.exit_code == 0);
  CHECK_THAT(table.out, Catch::Contains("accepted") && Catch::Contains("Nordlicht GmbH"));

  const Json exported = Json::parse(lines_of(p.hg({"export", "applications"}).out).at(0));
  CHECK(exported["status"] == "accepted");
  CHECK(exported["timeline"].size() == 6);
}

TEST_CASE("a refused move exits 3 and changes nothing", "[cli][track]") {
  Pipeline p;
  REQUIRE(p.hg({"apply", "1", "--status", "applied"}).exit_code == 0);
  const std::string before = p.hg({"--json", "track", "show", "1"}).out;
  const std::string events = sql_scalar(p.db, "SELECT count(*) FROM events");

  SECTION("a move the pipeline does not allow") {
    const Run run = p.hg({"track", "move", "1", "accepted"});
    CHECK(run.exit_code == 3);
    CHECK(lines_of(run.err) ==
          std::vector<std::string>{"hg: application 1: cannot move from applied to accepted",
                                   "hint: from applied it may move to: screening, interviewing, "
                                   "offer, rejected, withdrawn, ghosted"});
  }
  SECTION("a terminal status has no way out") {
    REQUIRE(p.hg({"track", "move", "1", "rejected"}).exit_code == 0);
    const std::string rejected = p.hg({"--json", "track", "show", "1"}).out;
    const Run run = p.hg({"track", "move", "1", "screening"});
    CHECK(run.exit_code == 3);
    CHECK_THAT(run.err, Catch::Contains("rejected is final; nothing was changed"));
    CHECK(p.hg({"--json", "track", "show", "1"}).out == rejected);
    return;
  }
  SECTION("a backdated move before the last step") {
    const Run run = p.hg({"track", "move", "1", "screening", "--at", "2026-01-01"});
    CHECK(run.exit_code == 3);
    CHECK_THAT(run.err, Catch::Contains("is before its last step"));
  }
  SECTION("a status that does not exist is a usage error") {
    const Run run = p.hg({"track", "move", "1", "hired"});
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Catch::Contains("'hired': not a status"));
  }
  SECTION("an application that does not exist") {
    const Run run = p.hg({"track", "move", "99", "screening"});
    CHECK(run.exit_code == 4);
    CHECK_THAT(run.err, Catch::StartsWith("hg: application 99: not found"));
  }
  CHECK(p.hg({"--json", "track", "show", "1"}).out == before);
  CHECK(sql_scalar(p.db, "SELECT count(*) FROM events") == events);
}

TEST_CASE("a second apply says so and changes nothing", "[cli][track]") {
  Pipeline p;
  REQUIRE(p.hg({"apply", "2", "--status", "applied"}).exit_code == 0);
  const Run again = p.hg({"apply", "2", "--cover-letter", "generate"});
  CHECK(again.exit_code == 0);
  CHECK_THAT(again.err, Catch::Contains("has an application for job 2 already: 1 (applied"));
  CHECK_THAT(again.out, Catch::Contains("application 1: applied"));
  CHECK(sql_scalar(p.db, "SELECT count(*) FROM applications") == "1");
  CHECK(sql_scalar(p.db, "SELECT count(*) FROM documents") == "0");
  CHECK(p.hg({"apply", "99"}).exit_code == 4);
  CHECK(p.hg({"apply", "1", "--status", "offer"}).exit_code == 2);
  CHECK(p.hg({"apply", "1", "--profile", "nobody"}).exit_code == 4);
}

TEST_CASE("a template letter is a draft until made final, and its PDF has the accented name",
          "[cli][docs]") {
  Pipeline p;
  const auto pdf = p.dir.file("letter.pdf");
  const Run run = p.hg({"apply", "1", "--cover-letter", "generate", "--pdf", pdf.string()});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Contains("--- cover letter v1 (template:cover_letter, draft) ---"));
  CHECK_THAT(run.out, Catch::Contains("Dear Nordlicht GmbH hiring team,"));
  CHECK_THAT(run.out, Catch::Contains("Your posting asks for Python, SQL and Apache Airflow"));
  CHECK_THAT(run.err, Catch::Contains("hint: when it reads right: hg track letter 1 --final 1"));

  const std::string text = shell("pdftotext -enc UTF-8 '" + pdf.string() + "' -");
  CHECK_THAT(text, Catch::Contains("Zoë Łukasz Ångström"));
  CHECK_THAT(text, Catch::Contains("Nordlicht GmbH"));
  CHECK_THAT(shell("pdffonts '" + pdf.string() + "'"), Catch::Contains("DejaVuSans"));

  const Json letters = p.json({"track", "letter", "1"});
  REQUIRE(letters.size() == 1);
  CHECK(letters[0]["final"] == false);
  CHECK(sql_scalar(p.db, "SELECT count(*) FROM documents WHERE format = 'pdf'") == "1");

  SECTION("a new version shows its diff; --final marks exactly one") {
    const Run second = p.hg({"track", "letter", "1", "--generate", "--template", "short"});
    INFO(second.err);
    REQUIRE(second.exit_code == 0);
    CHECK_THAT(second.out, Catch::Contains("--- changes from v1 ---"));
    CHECK_THAT(second.out, Catch::Contains("+ I would like to apply for the Senior Data Engineer role."));
    REQUIRE(p.hg({"track", "letter", "1", "--final", "2"}).exit_code == 0);
    const Json after = p.json({"track", "letter", "1"});
    REQUIRE(after.size() == 2);
    CHECK(after[0]["final"] == false);
    CHECK(after[1]["final"] == true);
    CHECK(p.hg({"track", "letter", "1", "--final", "7"}).exit_code == 4);
    CHECK_THAT(p.hg({"track", "letter", "1", "--show", "1"}).out,
               Catch::StartsWith("Zoë Łukasz Ångström\n"));
  }
}

TEST_CASE("interviews export as iCalendar a strict parser accepts", "[cli][track]") {
  Pipeline p;
  REQUIRE(p.hg({"apply", "1", "--status", "applied"}).exit_code == 0);
  REQUIRE(p.hg({"apply", "3", "--status", "applied"}).exit_code == 0);
  const Json berlin = p.json({"track", "interview", "1", "--at", "2026-12-01T14:00", "--tz",
                              "Europe/Berlin", "--kind", "phone", "--with", "Jane Doe",
                              "--location", "Friedrichstraße 1; Berlin, 3rd floor"});
  CHECK(berlin["at"] == "2026-12-01T13:00:00Z");
  CHECK(berlin["time_zone"] == "Europe/Berlin");
  REQUIRE(p.hg({"track", "interview", "2", "--at", "2026-12-03T09:30", "--tz",
                "America/New_York", "--duration", "45", "--kind", "video"})
              .exit_code == 0);
  CHECK(p.hg({"track", "interview", "1", "--at", "2026-12-01T14:00", "--tz", "Mars/Olympus"})
            .exit_code == 2);
  const auto file = p.dir.file("interviews.ics");
  const Run run = p.hg({"track", "ics", "-o", file.string()});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const std::string text = read_file(file);
  INFO(text.substr(0, 2000));
  const auto check = hg::testing::check_icalendar(text);
  CHECK(check.problems.empty());
  CHECK(check.events == 2);
  std::vector<std::string> zones = check.time_zones;
  std::sort(zones.begin(), zones.end());
  CHECK(zones == std::vector<std::string>{"America/New_York", "Europe/Berlin"});
  REQUIRE(check.starts.size() == 2);
  CHECK(check.starts[0] == 1796130000);  // 2026-12-01T13:00:00Z
  CHECK(check.starts[1] == 1796308200);  // 2026-12-03T14:30:00Z
  CHECK_THAT(check.summaries[0], Catch::Contains("Interview (phone): Senior Data Engineer at Nordlicht GmbH"));
}

TEST_CASE("reminders, follow-ups and ghosting come due", "[cli][track]") {
  Pipeline p;
  REQUIRE(p.hg({"apply", "1", "--status", "applied", "--at", "2026-11-20T12:00:00Z"}).exit_code == 0);
  REQUIRE(p.hg({"apply", "2", "--status", "applied", "--at", "2026-11-01T12:00:00Z"}).exit_code == 0);
  const Json reminder = p.json({"track", "remind", "1", "--in", "1d", "call", "Jane"});
  CHECK(reminder["due_at"] == "2026-11-22T12:00:00Z");
  CHECK(reminder["text"] == "call Jane");

  const Json today = p.json({"track", "due"});
  REQUIRE(today.size() == 1);  // job 2 is quiet for 20 days: time to follow up
  CHECK(today[0]["kind"] == "follow_up");
  CHECK(today[0]["application_id"] == 2);

  const Json soon = p.json({"track", "due", "--within", "2d"});
  REQUIRE(soon.size() == 2);
  CHECK(soon[1]["kind"] == "reminder");
  CHECK(p.hg({"track", "done", "1"}).exit_code == 0);
  CHECK(p.json({"track", "due", "--within", "2d"}).size() == 1);
  CHECK(p.hg({"track", "done", "1"}).exit_code == 4);

  RunOptions later = at_now();
  later.env["HG_NOW"] = "2026-12-05T12:00:00Z";  // job 2 quiet for 34 days: ghosted
  const Json ghosted = p.json({"track", "due"}, later);
  REQUIRE(ghosted.size() >= 1);
  CHECK(ghosted[0]["kind"] == "ghosted");
  CHECK(ghosted[0]["application_id"] == 2);
  CHECK(p.json({"track", "show", "2"})["status"] == "ghosted");
  CHECK(p.json({"track", "show", "1"})["status"] == "applied");
  // Ghosted is not the end: the employer may still answer.
  CHECK(p.hg({"track", "move", "2", "interviewing"}, later).exit_code == 0);
}

TEST_CASE("track import takes CSV in bulk, reports bad rows and never doubles up", "[cli][track]") {
  Pipeline p;
  const auto csv = p.dir.write(
      "apps.csv",
      "company,title,status,applied_at,note\n"
      "Nordlicht GmbH,Senior Data Engineer,interviewing,2026-10-01,first\n"
      "Zeppelin Labs,Backend Engineer,applied,2026-10-02,\n"
      "Zeppelin Labs,Backend Engineer,rejected,2026-10-03,duplicate pair\n"
      ",Nameless,applied,2026-10-04,\n"
      "Lost Co,Tester,hired,2026-10-05,\n"
      "Later Co,Dev,applied,2030-01-01,\n");
  const Run run = p.hg({"track", "import", csv.string()});
  CHECK(run.exit_code == 3);
  CHECK(run.out == "imported 6 records: 2 new applications, 1 already there, 1 new jobs, 3 rejected\n");
  CHECK_THAT(run.err, Catch::Contains("record 4 (line 5): needs job_id, or title and company"));
  CHECK_THAT(run.err, Catch::Contains("record 5 (line 6): status: \"hired\" is not a status"));
  CHECK_THAT(run.err, Catch::Contains("record 6 (line 7): date: 2030-01-01 is in the future"));
  const Json apps = p.json({"track", "list"});
  REQUIRE(apps.size() == 2);
  CHECK(sql_scalar(p.db, "SELECT status FROM applications WHERE job_id = 1") == "interviewing");
  const Run again = p.hg({"track", "import", csv.string()});
  CHECK_THAT(again.out, Catch::Contains("0 new applications, 3 already there, 0 new jobs"));
  CHECK(sql_scalar(p.db, "SELECT count(*) FROM applications") == "2");
  CHECK(sql_scalar(p.db, "SELECT count(*) FROM jobs") == "4");

  SECTION("the recruiter's board for one job") {
    const Run board = p.hg({"track", "--job", "1"});
    CHECK(board.exit_code == 0);
    CHECK_THAT(board.out, Catch::StartsWith("job 1: Senior Data Engineer at Nordlicht GmbH"));
    CHECK_THAT(board.out, Catch::Contains("interviewing (1)"));
  }
}

// An OpenAI-compatible endpoint on loopback, answering from recorded fixtures.
struct Llm {
  ReplayServer server{kFixtures};
  RunOptions options() const {
    RunOptions run = at_now();
    run.env["HG_LLM_BASE_URL"] = server.url() + "/v1";
    run.env["HG_LLM_MODEL"] = "gpt-4o-mini";
    run.env["HG_LLM_API_KEY"] = "sk-test-123";
    return run;
  }
  void answer(const std::string& fixture, int status = 200, int times = -1,
              std::chrono::milliseconds delay = {}) {
    server.script("/v1/chat/completions",
                  {.status = status, .body = read_file(kFixtures / fixture), .headers = {},
                   .times = times, .delay = delay});
  }
};

TEST_CASE("an LLM letter is checked claim by claim, and failures fall back to the template",
          "[cli][docs]") {
  Pipeline p;
  Llm llm;

  SECTION("a truthful letter is kept, and the request carries facts, model and key") {
    llm.answer("chat_completion_truthful.json");
    const Json applied = p.json({"apply", "1", "--cover-letter", "generate", "--llm"}, llm.options());
    CHECK(applied["cover_letter"]["generator"] == "llm:gpt-4o-mini-2024-07-18");
    CHECK(applied["cover_letter"]["flags"] == Json::array());
    CHECK_THAT(applied["cover_letter"]["text"].get<std::string>(),
               Catch::Contains("cut the nightly batch from 6 hours to 40 minutes"));
    const auto requests = llm.server.requests();
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].method == "POST");
    CHECK(requests[0].header("authorization") == "Bearer sk-test-123");
    const Json body = Json::parse(requests[0].body);
    CHECK(body["model"] == "gpt-4o-mini");
    CHECK(body["messages"][0]["role"] == "system");
    CHECK_THAT(body["messages"][1]["content"].get<std::string>(),
               Catch::Contains("Fjord Analytics") && Catch::Contains("Nordlicht GmbH"));
  }
  SECTION("invented claims are flagged, and --strict refuses the letter") {
    llm.answer("chat_completion_invented.json");
    const Run strict = p.hg({"apply", "1", "--cover-letter", "generate", "--llm", "--strict"},
                            llm.options());
    CHECK(strict.exit_code == 3);
    CHECK_THAT(strict.err, Catch::Contains("llm letter rejected (--strict)"));
    CHECK(sql_scalar(p.db, "SELECT count(*) FROM applications") == "0");

    const Run loose = p.hg({"--json", "apply", "1", "--cover-letter", "generate", "--llm"},
                           llm.options());
    INFO(loose.err);
    REQUIRE(loose.exit_code == 0);
    const Json flags = Json::parse(loose.out)["cover_letter"]["flags"];
    std::vector<std::string> flagged;
    for (const Json& flag : flags) flagged.push_back(flag["kind"].get<std::string>() + ":" + flag["text"].get<std::string>());
    CHECK_THAT(flagged, Catch::VectorContains(std::string("employer:Google")));
    CHECK_THAT(flagged, Catch::VectorContains(std::string("title:Head of Data")));
    CHECK_THAT(flagged, Catch::VectorContains(std::string("figure:300%")));
    CHECK_THAT(flagged, Catch::VectorContains(std::string("skill:Kubernetes")));
    CHECK_THAT(flagged, Catch::VectorContains(std::string("figure:50")));
    for (const char* fine : {"employer:Fjord Analytics", "skill:Python", "skill:SQL",
                             "employer:Python and SQL", "employer:Google I"}) {
      CHECK_THAT(flagged, !Catch::VectorContains(std::string(fine)));
    }
    CHECK_THAT(loose.err, Catch::Contains("unsupported employer claim \"Google\""));
  }
  SECTION("a 500 is retried") {
    llm.answer("error_500.json", 500, 1);
    llm.answer("chat_completion_truthful.json");
    const Json applied = p.json({"apply", "1", "--cover-letter", "generate", "--llm"}, llm.options());
    CHECK(applied["cover_letter"]["generator"] == "llm:gpt-4o-mini-2024-07-18");
    CHECK(llm.server.requests().size() == 2);
  }
  SECTION("a refused key falls back to the template, saying why") {
    llm.answer("error_401.json", 401);
    const Json applied = p.json({"apply", "1", "--cover-letter", "generate", "--llm"}, llm.options());
    CHECK(applied["cover_letter"]["generator"] == "template:cover_letter");
    CHECK(llm.server.requests().size() == 1);  // a 401 is not retried
  }
  SECTION("a timeout falls back to the template") {
    p.dir.write("config.toml", "[llm]\ntimeout = 1\nretries = 0\n");
    llm.answer("chat_completion_truthful.json", 200, -1, std::chrono::milliseconds(2500));
    RunOptions options = llm.options();
    const Run run = p.hg({"--json", "apply", "1", "--cover-letter", "generate", "--llm"}, options);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK_THAT(run.err, Catch::Contains("timeout") && Catch::Contains("using the template instead"));
    CHECK(Json::parse(run.out)["cover_letter"]["generator"] == "template:cover_letter");
  }
  SECTION("no endpoint configured is a usage error, not a silent template") {
    RunOptions options = at_now();
    const Run run = p.hg({"apply", "1", "--cover-letter", "generate", "--llm"}, options);
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Catch::Contains("llm: no endpoint configured"));
    CHECK(sql_scalar(p.db, "SELECT count(*) FROM applications") == "0");
  }
}

}  // namespace

namespace {

TEST_CASE("the LLM key is never printed by config", "[cli][docs]") {
  Pipeline p;
  const Run set = p.hg({"config", "set", "llm.api_key", "sk-secret-42"});
  REQUIRE(set.exit_code == 0);
  CHECK(set.out.find("sk-secret-42") == std::string::npos);
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"config", "get", "llm.api_key"},
        std::vector<std::string>{"config", "list"}, std::vector<std::string>{"--json", "config", "list"}}) {
    const Run run = p.hg(args);
    CHECK(run.exit_code == 0);
    CHECK(run.out.find("sk-secret-42") == std::string::npos);
    CHECK_THAT(run.out, Catch::Contains("(set, not shown)"));
  }
  RunOptions env = at_now();
  env.env["HG_LLM_API_KEY"] = "sk-env-7";
  const Run from_env = p.hg({"config", "get", "llm.api_key"}, env);
  CHECK(from_env.out == "(set, not shown)\n");
}

TEST_CASE("a template of the user's own in the config dir wins over the built-in", "[cli][docs]") {
  Pipeline p;
  std::filesystem::create_directories(p.dir.file("templates"));
  p.dir.write("templates/cover_letter.mustache", "Hello {{company}}, from {{name}} ({{years}} years)\n");
  const Json applied = p.json({"apply", "1", "--cover-letter", "generate"});
  CHECK(applied["cover_letter"]["text"] == "Hello Nordlicht GmbH, from Zoë Łukasz Ångström (9 years)\n");
  CHECK(applied["cover_letter"]["generator"] == "template:cover_letter.mustache");
  const Run missing = p.hg({"apply", "2", "--cover-letter", "generate", "--template", "nope"});
  CHECK(missing.exit_code == 4);
  CHECK_THAT(missing.err, Catch::Contains("template \"nope\": not found"));
  CHECK(sql_scalar(p.db, "SELECT count(*) FROM applications") == "1");
}

}  // namespace
