// hg scrape through the real binary against a real HTTP server on 127.0.0.1 that replays the
// recorded payloads: conditional requests, closing, retries, timeouts, one bad source among
// good ones, pagination, faults and their bounds, the cron lock, kill -9 half way.
#include <csignal>
#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/cli_helpers.hpp"
#include "support/replay_server.hpp"
#include "support/run_hg.hpp"
#include "support/sql.hpp"
#include "support/temp_dir.hpp"

namespace {

using hg::testing::at_now;
using hg::testing::Fault;
using hg::testing::ReplayServer;
using hg::testing::Run;
using hg::testing::RunOptions;
using hg::testing::Scripted;
using hg::testing::sql_scalar;
using hg::testing::TempDir;
using Json = nlohmann::json;

const std::filesystem::path kSources = std::filesystem::path(HG_FIXTURES) / "sources";

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A store, a config and a loopback server whose files live under `site`.
struct Scraping {
  TempDir dir;
  std::filesystem::path db = dir.file("hg.db");
  std::filesystem::path site = dir.file("site");
  std::unique_ptr<ReplayServer> server;

  explicit Scraping(const std::string& config = "[scrape]\nretries = 1\nhost_delay_ms = 0\n") {
    std::filesystem::create_directories(site);
    dir.write("config.toml", config);
    server = std::make_unique<ReplayServer>(site);
  }
  void serve(const std::string& path, const std::string& body) const {
    const auto file = site / path.substr(1);
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << body;
  }
  RunOptions options() const {
    RunOptions run = at_now();
    run.env["HG_CONFIG"] = dir.file("config.toml").string();
    return run;
  }
  Run hg(const std::vector<std::string>& args) const { return hg::testing::run_hg(args, db, options()); }
  Json json(const std::vector<std::string>& args, int expect = 0) const {
    std::vector<std::string> with = args;
    with.insert(with.begin(), "--json");
    const Run run = hg(with);
    INFO(run.err);
    REQUIRE(run.exit_code == expect);
    return Json::parse(run.out);
  }
  void add(const std::vector<std::string>& args) const {
    std::vector<std::string> with{"scrape", "add"};
    with.insert(with.end(), args.begin(), args.end());
    with.insert(with.end(), {"--base-url", server->url()});
    const Run run = hg(with);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
  }
};

const std::string kGreenhousePath = "/v1/boards/codepath/jobs";

TEST_CASE("a scrape stores a board, unchanged it costs one 304, and a vanished posting closes",
          "[cli][scrape]") {
  Scraping s;
  const Json board = Json::parse(read_file(kSources / "greenhouse" / "jobs-codepath.json"));
  REQUIRE(board["jobs"].size() >= 3);
  s.serve(kGreenhousePath, board.dump());
  s.add({"greenhouse", "codepath"});

  const Json first = s.json({"scrape"});
  REQUIRE(first.size() == 1);
  CHECK(first[0]["source"] == "greenhouse:codepath");
  CHECK(first[0]["new"] == board["jobs"].size());
  CHECK(first[0]["error"].is_null());
  const Json stored = s.json({"jobs", "list", "--source", "greenhouse:codepath"});
  CHECK(stored.size() == board["jobs"].size());

  const Json second = s.json({"scrape"});
  CHECK(second[0]["not_modified"] == true);
  CHECK(second[0]["fetched"] == 0);
  const auto requests = s.server->requests();
  REQUIRE(requests.size() == 2);
  CHECK_FALSE(requests[1].header("if-none-match").empty());
  CHECK(requests[0].header("user-agent") == "hg/0.1.0");

  // The board without its first posting: that one closes, the others are only seen again.
  Json smaller = board;
  const std::string gone = smaller["jobs"][0]["title"].get<std::string>();
  smaller["jobs"].erase(0);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // a new Last-Modified second
  s.serve(kGreenhousePath, smaller.dump());
  const Json third = s.json({"scrape"});
  CHECK(third[0]["closed"] == 1);
  CHECK(third[0]["new"] == 0);
  CHECK(third[0]["updated"] == 0);
  CHECK(sql_scalar(s.db, "SELECT count(*) FROM jobs WHERE closed_at IS NOT NULL") == "1");
  CHECK(s.json({"jobs", "list"}).size() == board["jobs"].size() - 1);
  CHECK(s.json({"jobs", "list", "--all"}).size() == board["jobs"].size());

  const Json log = s.json({"scrape", "log"});
  REQUIRE(log.size() == 3);
  CHECK(log[0]["closed"] == 1);
  CHECK(log[2]["new"] == board["jobs"].size());
  CHECK(log[0]["source"] == "greenhouse:codepath");
}

TEST_CASE("a source added without --base-url takes its kind's base URL from env or config",
          "[cli][scrape]") {
  Scraping s;
  const Json board = Json::parse(read_file(kSources / "greenhouse" / "jobs-codepath.json"));
  s.serve(kGreenhousePath, board.dump());
  REQUIRE(s.hg({"scrape", "add", "greenhouse", "codepath"}).exit_code == 0);
  const std::string settings = "[scrape]\nretries = 0\nhost_delay_ms = 0\ntimeout = 5\n";

  s.dir.write("config.toml", settings + "[greenhouse]\nbase_url = \"" + s.server->url() + "\"\n");
  const Json first = s.json({"scrape", "--no-dedup"});
  REQUIRE(first.size() == 1);
  CHECK(first[0]["new"] == board["jobs"].size());
  CHECK(s.server->requests().size() == 1);

  // The environment wins over the config file.
  s.dir.write("config.toml", settings + "[greenhouse]\nbase_url = \"http://127.0.0.1:9\"\n");
  RunOptions with_env = s.options();
  with_env.env["HG_GREENHOUSE_BASE_URL"] = s.server->url();
  const Run second = hg::testing::run_hg({"--json", "scrape", "--no-dedup"}, s.db, with_env);
  INFO(second.err);
  CHECK(second.exit_code == 0);
  CHECK(s.server->requests().size() == 2);

  // Not a web address: a usage error before anything is fetched.
  s.dir.write("config.toml", settings + "[greenhouse]\nbase_url = \"ftp://example.com\"\n");
  const Run bad = s.hg({"scrape"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("greenhouse.base_url must start with http:// or https://") != std::string::npos);
  CHECK(s.server->requests().size() == 2);
}

TEST_CASE("pagination follows the next page and stops at the last", "[cli][scrape]") {
  Scraping s;
  Json page1 = Json::parse(read_file(kSources / "himalayas" / "jobs-api.json"));
  REQUIRE(page1["jobs"].is_array());
  const std::size_t count = page1["jobs"].size();
  page1["offset"] = 0;
  page1["totalCount"] = 2 * count;
  Json page2 = page1;
  page2["offset"] = count;
  for (Json& job : page2["jobs"]) {
    job["guid"] = job["guid"].get<std::string>() + "-page2";
    job["title"] = job["title"].get<std::string>() + " (page 2)";
  }
  s.server->script("/jobs/api", {.body = page1.dump()}, "limit=20&offset=0");
  s.server->script("/jobs/api", {.body = page2.dump()}, "limit=20&offset=" + std::to_string(count));
  s.add({"himalayas"});
  const Json run = s.json({"scrape"});
  CHECK(run[0]["pages"] == 2);
  CHECK(run[0]["new"] == 2 * count);
  CHECK(s.server->requests().size() == 2);
}

TEST_CASE("429 with Retry-After is waited out and retried", "[cli][scrape]") {
  Scraping s;
  s.server->script(kGreenhousePath, {.status = 429, .body = "slow down",
                                     .headers = {{"Retry-After", "1"}}, .times = 1});
  s.serve(kGreenhousePath, read_file(kSources / "greenhouse" / "jobs-codepath.json"));
  s.add({"greenhouse", "codepath"});
  const auto start = std::chrono::steady_clock::now();
  const Json run = s.json({"scrape"});
  CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(950));
  CHECK(run[0]["error"].is_null());
  CHECK(run[0]["new"].get<int>() > 0);
  CHECK(s.server->requests().size() == 2);
}

TEST_CASE("one source failing never stops the others: exit 5 with a line per failure",
          "[cli][scrape]") {
  Scraping s("[scrape]\nretries = 0\ntimeout = 1\nhost_delay_ms = 0\n");
  s.serve(kGreenhousePath, read_file(kSources / "greenhouse" / "jobs-codepath.json"));
  s.add({"greenhouse", "codepath"});
  s.add({"remotive", "--name", "garbage"});
  s.add({"lever", "slowco", "--name", "slow"});
  s.server->script("/api/remote-jobs", {.body = "<html><body>maintenance</body></html>",
                                        .headers = {{"Content-Type", "text/html"}}});
  s.server->script("/v0/postings/slowco", {.body = "[]", .delay = std::chrono::milliseconds(2500)});
  const Run run = s.hg({"scrape"});
  CHECK(run.exit_code == 5);
  CHECK_THAT(run.err, Catch::Contains("hg: scrape: garbage: remotive: not JSON"));
  CHECK_THAT(run.err, Catch::Contains("hg: scrape: slow: ") && Catch::Contains("timeout"));
  CHECK(sql_scalar(s.db, "SELECT count(*) FROM jobs WHERE source = 'greenhouse:codepath'") != "0");
  CHECK(sql_scalar(s.db, "SELECT count(*) FROM jobs WHERE source <> 'greenhouse:codepath'") == "0");
  CHECK(sql_scalar(s.db, "SELECT count(*) FROM scrape_runs WHERE errors > 0") == "2");
}

TEST_CASE("faults are bounded: drip, truncation, 500, wrong type, 50 MB, redirect loop",
          "[cli][scrape]") {
  Scraping s("[scrape]\nretries = 0\ntimeout = 3\nhost_delay_ms = 0\nmax_mb = 32\n");
  const std::string body = read_file(kSources / "greenhouse" / "jobs-codepath.json");
  struct Case {
    const char* name;
    Scripted answer;
    const char* says;
  };
  const std::vector<Case> cases = {
      {"drip", {.body = body, .delay = std::chrono::milliseconds(300), .fault = Fault::drip},
       "timeout"},
      {"truncated", {.body = body, .fault = Fault::truncated}, "transferred a partial file"},
      {"error500", {.status = 500, .body = "{\"error\":\"boom\"}"}, "HTTP 500"},
      {"wrongtype", {.body = "<!doctype html><p>login</p>", .headers = {{"Content-Type", "text/html"}}},
       "not JSON"},
      {"huge", {.body = std::string(50u << 20, ' ')}, "answer larger than"},
      {"loop", {.fault = Fault::redirect_loop}, "too many redirects"},
  };
  for (const Case& c : cases) {
    s.server->script("/v1/boards/" + std::string(c.name) + "/jobs", c.answer);
    s.add({"greenhouse", c.name});
  }
  const auto start = std::chrono::steady_clock::now();
  const Run run = s.hg({"scrape"});
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(20));
  CHECK(run.exit_code == 5);
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK_THAT(run.err, Catch::Contains(std::string("hg: scrape: greenhouse:") + c.name + ": ") &&
                            Catch::Contains(c.says));
  }
  CHECK(sql_scalar(s.db, "SELECT count(*) FROM jobs") == "0");
  CHECK(sql_scalar(s.db, "PRAGMA integrity_check") == "ok");
}

TEST_CASE("two scrapes never overlap, and kill -9 half way leaves the store consistent",
          "[cli][scrape]") {
  Scraping s("[scrape]\nretries = 0\ntimeout = 20\nhost_delay_ms = 0\n");
  s.serve(kGreenhousePath, read_file(kSources / "greenhouse" / "jobs-codepath.json"));
  s.add({"greenhouse", "codepath"});
  s.add({"lever", "slowco", "--name", "slow"});
  s.server->script("/v0/postings/slowco",
                   {.body = read_file(kSources / "lever" / "postings-GoToGroup.json"),
                    .times = 1, .delay = std::chrono::milliseconds(10'000)});
  s.server->script("/v0/postings/slowco",
                   {.body = read_file(kSources / "lever" / "postings-GoToGroup.json")});

  RunOptions background = s.options();
  background.env["HG_DB"] = s.db.string();
  hg::testing::BackgroundHg first({"scrape"}, background);
  first.close_stdin();
  // Wait until the fast source is stored and the slow one is still being fetched.
  for (int i = 0; i < 160 && sql_scalar(s.db, "SELECT count(*) FROM scrape_runs") != "1"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  const Run second = s.hg({"scrape"});
  INFO("first run's stderr: " << first.err());
  CHECK(second.exit_code == 6);
  CHECK_THAT(second.err, Catch::Contains("another hg scrape is running"));

  CHECK(first.kill_and_wait(SIGKILL) == SIGKILL);
  CHECK(sql_scalar(s.db, "PRAGMA integrity_check") == "ok");
  const std::string kept = sql_scalar(s.db, "SELECT count(*) FROM jobs");
  CHECK(kept != "0");  // the finished source was committed
  CHECK(sql_scalar(s.db, "SELECT count(*) FROM jobs WHERE source = 'slow'") == "0");

  const Json next = s.json({"scrape"});  // the lock died with the process
  REQUIRE(next.size() == 2);
  CHECK(next[0]["error"].is_null());
  CHECK(next[1]["error"].is_null());
  CHECK(sql_scalar(s.db, "SELECT count(*) FROM jobs WHERE source = 'slow'") != "0");
}

TEST_CASE("sources are added, listed and removed, and keys are never printed", "[cli][scrape]") {
  Scraping s;
  CHECK(s.hg({"scrape", "add", "nosuch", "x"}).exit_code == 2);
  CHECK(s.hg({"scrape", "add", "greenhouse"}).exit_code == 2);  // needs a board
  CHECK(s.hg({"scrape", "add", "greenhouse", "acme", "--base-url", "ftp://x"}).exit_code == 2);
  REQUIRE(s.hg({"scrape", "add", "greenhouse", "acme"}).exit_code == 0);
  CHECK(s.hg({"scrape", "add", "greenhouse", "acme"}).exit_code == 3);  // exists
  s.add({"adzuna", "gb", "--query", "rust"});
  const Json sources = s.json({"scrape", "list"});
  REQUIRE(sources.size() == 2);
  CHECK(sources[0]["name"] == "adzuna:gb");
  CHECK(sources[0]["params"]["query"] == "rust");
  const Run unkeyed = s.hg({"scrape", "adzuna:gb"});
  CHECK(unkeyed.exit_code == 5);
  CHECK_THAT(unkeyed.err, Catch::Contains("app_id"));
  RunOptions keyed = s.options();
  keyed.env["HG_ADZUNA_APP_ID"] = "id-123";
  keyed.env["HG_ADZUNA_APP_KEY"] = "secret-456";
  const Run run = hg::testing::run_hg({"scrape", "adzuna:gb", "-v"}, s.db, keyed);
  CHECK(run.exit_code == 5);  // the loopback server has no such page: the URL is in the error
  CHECK_THAT(run.err, Catch::Contains("HTTP 404") && Catch::Contains("***"));
  CHECK(s.server->requests().back().query.find("secret-456") != std::string::npos);
  CHECK(run.out.find("secret-456") == std::string::npos);
  CHECK(run.err.find("secret-456") == std::string::npos);
  CHECK(s.hg({"scrape", "remove", "acme"}).exit_code == 4);
  CHECK(s.hg({"scrape", "remove", "greenhouse:acme"}).exit_code == 0);
  CHECK(s.json({"scrape", "list"}).size() == 1);
  CHECK(s.hg({"scrape", "nosuch"}).exit_code == 4);
}

}  // namespace

namespace {

TEST_CASE("saved payloads are read offline with --from: KIND/FILE, or one FILE with --kind", "[cli][scrape]") {
  Scraping s;
  const auto saved = s.dir.file("saved");
  std::filesystem::create_directories(saved / "remotive");
  std::filesystem::create_directories(saved / "rss");
  std::filesystem::create_directories(saved / "notakind");
  std::filesystem::copy_file(kSources / "remotive" / "remote-jobs.json", saved / "remotive" / "feed.json");
  std::filesystem::copy_file(kSources / "rss" / "weworkremotely.xml", saved / "rss" / "wwr.xml");
  std::ofstream(saved / "notakind" / "x.json") << "{}";
  const Json run = s.json({"scrape", "--from", saved.string()});
  REQUIRE(run.size() == 2);
  CHECK(run[0]["source"] == "remotive:feed");
  CHECK(run[1]["source"] == "rss:wwr");
  CHECK(run[0]["new"].get<int>() > 0);
  CHECK(run[1]["new"].get<int>() > 0);
  CHECK(s.server->requests().empty());  // nothing fetched
  // Again: the same postings, unchanged; a saved file closes nothing.
  const Json again = s.json({"scrape", "--from", saved.string()});
  CHECK(again[0]["unchanged"] == run[0]["new"]);
  CHECK(again[0]["closed"] == 0);

  const Json one = s.json({"scrape", "--from", (saved / "rss" / "wwr.xml").string(), "--kind",
                           "rss", "--name", "feed"});
  CHECK(one[0]["source"] == "feed");
  CHECK(s.hg({"scrape", "--from", (saved / "rss" / "wwr.xml").string()}).exit_code == 2);
  CHECK(s.hg({"scrape", "--from", (saved / "rss" / "wwr.xml").string(), "--kind", "nosuch"})
            .exit_code == 2);
  CHECK(s.hg({"scrape", "--from", s.dir.file("empty").string(), "--kind", "rss"}).exit_code == 5);
  const Run garbage = s.hg({"scrape", "--from", (saved / "notakind" / "x.json").string(), "--kind",
                            "remotive"});
  CHECK(garbage.exit_code == 5);
  CHECK_THAT(garbage.err, Catch::Contains("hg: scrape: remotive:x: remotive: expected"));
}

TEST_CASE("scrape add --param passes API parameters, and a bad one is a usage error", "[cli][scrape]") {
  Scraping s;
  s.add({"remotive", "--param", "category=software-dev", "--query", "rust"});
  s.server->script("/api/remote-jobs", {.body = read_file(kSources / "remotive" / "remote-jobs.json")});
  REQUIRE(s.hg({"scrape"}).exit_code == 0);
  const auto requests = s.server->requests();
  REQUIRE(requests.size() == 1);
  CHECK_THAT(requests[0].query, Catch::Contains("category=software-dev") &&
                                    Catch::Contains("search=rust"));
  CHECK(s.hg({"scrape", "add", "remotive", "--param", "novalue"}).exit_code == 2);
  CHECK(s.hg({"scrape", "add", "remotive", "--param", "base_url=http://x"}).exit_code == 2);
}

TEST_CASE("scrape runs dedup over what it stored, unless --no-dedup", "[cli][scrape]") {
  const auto feed = (kSources / "remotive" / "remote-jobs.json").string();
  auto listed = [](const Scraping& s) { return s.json({"jobs", "list", "-n", "100000"}).size(); };
  // The same feed under two source names: every posting arrives twice, with the same URL.
  Scraping merged;
  REQUIRE(merged.hg({"scrape", "--from", feed, "--kind", "remotive", "--name", "a"}).exit_code == 0);
  const std::size_t jobs = listed(merged);
  REQUIRE(jobs > 0);
  const Run second = merged.hg({"scrape", "--from", feed, "--kind", "remotive", "--name", "b"});
  REQUIRE(second.exit_code == 0);
  CHECK_THAT(second.out, Catch::Contains("dedup: "));
  CHECK(listed(merged) == jobs);  // one row per job: each of b's postings joined a's

  Scraping apart;
  REQUIRE(apart.hg({"scrape", "--from", feed, "--kind", "remotive", "--name", "a"}).exit_code == 0);
  const Json kept =
      apart.json({"scrape", "--from", feed, "--kind", "remotive", "--name", "b", "--no-dedup"});
  CHECK(listed(apart) == jobs + kept[0]["new"].get<std::size_t>());
}

}  // namespace
