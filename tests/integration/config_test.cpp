// `hg config` and the precedence flag > environment > config file > default, on the real binary.
#include <map>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/cli_helpers.hpp"
#include "support/run_hg.hpp"
#include "support/temp_dir.hpp"

namespace {

using hg::testing::lines_of;

using hg::testing::fixture;
using hg::testing::read_file;
using hg::testing::Run;
using hg::testing::run_hg;
using hg::testing::RunOptions;
using hg::testing::TempDir;

constexpr const char* kNow = hg::testing::kTestNow;

// Runs with HG_CONFIG at `config` (and HG_NOW); `db` is HG_DB unless empty.
Run run_with(const std::vector<std::string>& args, const std::filesystem::path& config,
             const std::filesystem::path& db = {}, std::map<std::string, std::string> env = {}) {
  env["HG_NOW"] = kNow;
  env["HG_CONFIG"] = config.string();
  if (!db.empty()) env["HG_DB"] = db.string();
  RunOptions options;
  options.env = std::move(env);
  return run_hg(args, options);
}

}  // namespace

TEST_CASE("jobs.limit in the config sets the rows a table shows and -n wins over it", "[cli]") {
  TempDir dir;
  const auto config = dir.file("conf/config.toml");
  const auto db = dir.file("hg.db");
  REQUIRE(run_with({"import", "jobs", fixture("jobs/postings-sample.jsonl").string()}, config, db)
              .exit_code == 0);
  CHECK(lines_of(run_with({"jobs", "list"}, config, db).out).size() == 1 + 20);  // the default

  Run run = run_with({"config", "set", "jobs.limit", "5"}, config, db);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out == "jobs.limit = 5 (" + config.string() + ")\n");
  CHECK(read_file(config) == "[jobs]\nlimit = 5\n");

  run = run_with({"jobs", "list"}, config, db);
  REQUIRE(run.exit_code == 0);
  CHECK(lines_of(run.out).size() == 1 + 5);
  run = run_with({"jobs", "search", "data"}, config, db);
  REQUIRE(run.exit_code == 0);
  CHECK(lines_of(run.out).size() == 1 + 5);
  run = run_with({"jobs", "list", "-n", "3"}, config, db);
  REQUIRE(run.exit_code == 0);
  CHECK(lines_of(run.out).size() == 1 + 3);

  run = run_with({"config", "get", "jobs.limit"}, config, db);
  CHECK(run.out == "5\n");
  run = run_with({"config", "get", "jobs.limit", "--json"}, config, db);
  CHECK(nlohmann::json::parse(run.out) ==
        nlohmann::json{{"key", "jobs.limit"}, {"value", "5"}, {"origin", "config"}});

  SECTION("setting another key keeps the first") {
    REQUIRE(run_with({"config", "set", "import.source", "feed"}, config, db).exit_code == 0);
    const std::string text = read_file(config);
    CHECK_THAT(text, Catch::Contains("[jobs]\nlimit = 5\n"));
    CHECK_THAT(text, Catch::Contains("[import]\nsource = 'feed'\n"));
    CHECK(run_with({"config", "get", "jobs.limit"}, config, db).out == "5\n");
  }
}

TEST_CASE("import.source in the config names sources and --source wins over it", "[cli]") {
  TempDir dir;
  const auto config = dir.write("config.toml", "[import]\nsource = \"weekly-feed\"\n");
  const auto db = dir.file("hg.db");
  RunOptions options;
  options.env = {{"HG_NOW", kNow}, {"HG_CONFIG", config.string()}};
  options.stdin_text = "title,company\nRigger,Acme\n";
  REQUIRE(run_hg({"import", "jobs", "-"}, db, options).exit_code == 0);
  options.stdin_text = "title,company\nPlumber,Acme\n";
  REQUIRE(run_hg({"import", "jobs", "-", "--source", "by-hand"}, db, options).exit_code == 0);
  const Run run = run_hg({"export", "jobs", "--csv"}, db, options);
  const auto rows = lines_of(run.out);
  REQUIRE(rows.size() == 3);
  CHECK_THAT(rows[1], Catch::StartsWith("1,weekly-feed,"));
  CHECK_THAT(rows[2], Catch::StartsWith("2,by-hand,"));
}

TEST_CASE("setting an unknown key or a bad value is a usage error that writes nothing", "[cli]") {
  TempDir dir;
  const auto config = dir.file("config.toml");
  Run run = run_with({"config", "set", "nope.key", "1"}, config);
  CHECK(run.exit_code == 2);
  CHECK(run.err == "hg: config: unknown key \"nope.key\"\nhint: `hg config list` shows the keys\n");
  CHECK_FALSE(std::filesystem::exists(config));

  run = run_with({"config", "set", "jobs.limit", "many"}, config);
  CHECK(run.exit_code == 2);
  CHECK(run.err == "hg: config: jobs.limit needs an integer, got \"many\"\n");
  run = run_with({"config", "set", "dedup.score", "high"}, config);
  CHECK(run.exit_code == 2);
  CHECK(run.err == "hg: config: dedup.score needs a number, got \"high\"\n");
  run = run_with({"config", "set", "output.color", "maybe"}, config);
  CHECK(run.exit_code == 2);
  CHECK(run.err == "hg: config: output.color needs true or false, got \"maybe\"\n");
  CHECK_FALSE(std::filesystem::exists(config));

  run = run_with({"config", "get", "nope.key"}, config);
  CHECK(run.exit_code == 2);
  CHECK(lines_of(run.err).at(0) == "hg: config: unknown key \"nope.key\"");
}

TEST_CASE("a broken config file is an error naming file, line and column", "[cli]") {
  TempDir dir;
  const std::string broken = "[jobs]\nlimit = \n";
  const auto config = dir.write("config.toml", broken);
  const auto db = dir.file("hg.db");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"jobs", "list"}, std::vector<std::string>{"config", "list"},
        std::vector<std::string>{"config", "get", "jobs.limit"},
        std::vector<std::string>{"config", "set", "jobs.limit", "3"},
        std::vector<std::string>{"import", "jobs", "-"}}) {
    INFO(args[0] << " " << args[1]);
    const Run run = run_with(args, config, db);
    CHECK(run.exit_code == 3);
    const auto errors = lines_of(run.err);
    REQUIRE(errors.size() == 1);
    CHECK_THAT(errors[0], Catch::StartsWith("hg: " + config.string() + ":2:9: "));
  }
  CHECK(read_file(config) == broken);  // `config set` never overwrites a file it cannot read
  CHECK_FALSE(std::filesystem::exists(db));

  SECTION("and so is a value of the wrong type, with its line") {
    dir.write("config.toml", "# hg\n[jobs]\nlimit = \"five\"\n");
    const Run run = run_with({"jobs", "list"}, config, db);
    CHECK(run.exit_code == 3);
    CHECK(run.err == "hg: " + config.string() +
                         ": line 3: jobs.limit has the wrong type (expected an integer)\n");
  }
}

TEST_CASE("an unknown key in the config file is named in a warning and the rest still applies",
          "[cli]") {
  TempDir dir;
  const auto config = dir.write("config.toml", "[jobs]\nlimt = 1\nlimit = 7\n[nosuch]\nx = 1\n");
  Run run = run_with({"config", "get", "jobs.limit"}, config);
  CHECK(run.exit_code == 0);
  CHECK(run.out == "7\n");
  CHECK(lines_of(run.err) ==
        std::vector<std::string>{
            "hg: warning: " + config.string() +
                ": unknown key \"jobs.limt\" ignored (hg config list shows the keys)",
            "hg: warning: " + config.string() +
                ": unknown key \"nosuch.x\" ignored (hg config list shows the keys)"});
  run = run_with({"-q", "config", "get", "jobs.limit"}, config);
  CHECK(run.err.empty());
}

TEST_CASE("a file named by --config must exist but HG_CONFIG may name a missing one", "[cli]") {
  TempDir dir;
  const auto missing = dir.file("none.toml");
  Run run = run_hg({"--config", missing.string(), "config", "list"}, dir.file("hg.db"));
  CHECK(run.exit_code == 4);
  CHECK(run.err == "hg: " + missing.string() + ": no such config file\n");
  run = run_with({"config", "list"}, missing, dir.file("hg.db"));
  CHECK(run.exit_code == 0);

  run = run_with({"config", "path"}, missing);
  CHECK(run.out == missing.string() + "\n");
  const auto other = dir.write("other.toml", "");
  run = run_with({"config", "path", "--config", other.string()}, missing);
  CHECK(run.out == other.string() + "\n");
}

TEST_CASE("the store path comes from --db, then HG_DB, then the config file, then the default",
          "[cli]") {
  TempDir dir;
  const auto from_config = dir.file("from-config.db");
  const auto from_env = dir.file("from-env.db");
  const auto from_flag = dir.file("from-flag.db");
  const auto config =
      dir.write("config.toml", "[store]\npath = \"" + from_config.string() + "\"\n");

  auto store_path = [&](const std::vector<std::string>& args, const std::filesystem::path& db) {
    const Run get = run_with(args, config, db);
    INFO(get.err);
    REQUIRE(get.exit_code == 0);
    return nlohmann::json::parse(get.out);
  };
  auto init_path = [&](std::vector<std::string> args, const std::filesystem::path& db) {
    args.insert(args.begin(), {"init", "--json"});
    const Run init = run_with(args, config, db);
    INFO(init.err);
    REQUIRE(init.exit_code == 0);
    return nlohmann::json::parse(init.out)["path"].get<std::string>();
  };
  const std::vector<std::string> get = {"config", "get", "store.path", "--json"};

  SECTION("the config file") {
    auto value = store_path(get, {});
    CHECK(value["value"] == from_config.string());
    CHECK(value["origin"] == "config");
    CHECK(init_path({}, {}) == from_config.string());
    CHECK(std::filesystem::exists(from_config));
  }
  SECTION("HG_DB over the config file") {
    auto value = store_path(get, from_env);
    CHECK(value["value"] == from_env.string());
    CHECK(value["origin"] == "env HG_DB");
    CHECK(init_path({}, from_env) == from_env.string());
    CHECK_FALSE(std::filesystem::exists(from_config));
  }
  SECTION("--db over HG_DB, before or after the subcommand") {
    auto args = get;
    args.insert(args.end(), {"--db", from_flag.string()});
    auto value = store_path(args, from_env);
    CHECK(value["value"] == from_flag.string());
    CHECK(value["origin"] == "flag --db");
    args = get;
    args.insert(args.begin(), {"--db", from_flag.string()});
    CHECK(store_path(args, from_env)["value"] == from_flag.string());
    CHECK(init_path({"--db", from_flag.string()}, from_env) == from_flag.string());
    CHECK_FALSE(std::filesystem::exists(from_env));
  }
  SECTION("the default under XDG_DATA_HOME") {
    RunOptions options;
    options.env["XDG_DATA_HOME"] = dir.file("xdg").string();
    const Run run = run_hg(get, options);
    REQUIRE(run.exit_code == 0);
    const auto value = nlohmann::json::parse(run.out);
    CHECK(value["value"] == dir.file("xdg").string() + "/hg/hg.db");
    CHECK(value["origin"] == "default");
  }
  SECTION("a leading ~/ in the config file is the home directory") {
    dir.write("config.toml", "[store]\npath = \"~/stores/hg.db\"\n");
    const Run run = run_with(get, config, {}, {{"HOME", dir.path().string()}});
    REQUIRE(run.exit_code == 0);
    CHECK(nlohmann::json::parse(run.out)["value"] == dir.file("stores/hg.db").string());
  }
}
