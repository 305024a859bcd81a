// Every adapter end to end: its recorded (or documented) payload served by a real HTTP server on
// 127.0.0.1 at the path the adapter asks for, fetched by hg scrape with libcurl, stored; then
// the stored postings compared record by record with the payload itself.
#include <fstream>
#include <map>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/cli_helpers.hpp"
#include "support/replay_server.hpp"
#include "support/run_hg.hpp"
#include "support/temp_dir.hpp"

namespace {

using hg::testing::at_now;
using hg::testing::ReplayServer;
using hg::testing::Run;
using hg::testing::RunOptions;
using hg::testing::TempDir;
using Json = nlohmann::json;

const std::filesystem::path kSources = std::filesystem::path(HG_FIXTURES) / "sources";

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string trimmed(std::string text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
  std::size_t start = 0;
  while (start < text.size() && std::isspace(static_cast<unsigned char>(text[start]))) ++start;
  return text.substr(start);
}

std::string as_text(const Json& value) {
  if (value.is_string()) return trimmed(value.get<std::string>());
  if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
  return value.dump();
}

struct Case {
  std::vector<std::string> add;  // kind and target / options
  std::string path;              // where the adapter asks (the query is not part of it)
  std::string fixture;           // under tests/fixtures/sources
  std::string records;           // JSON pointer to the record array ("" for the root)
  std::string id;                // JSON pointer (in a record) to the external id
  std::string title;             // JSON pointer to the title
  std::string url;               // JSON pointer to the posting URL, "" when the adapter builds it
  // Paging fields set so the payload is a whole (small) listing: served for every page
  // request, the recorded first page would otherwise repeat until the page limit.
  std::vector<std::pair<std::string, Json>> last_page = {};
  std::string company = {};  // JSON pointer to the company name, where the record has one
};

// Where each kind's record states its place and its posting date (JSON pointers): a stated one
// must arrive in the store (normalised, so only its presence is compared).
const std::map<std::string, std::pair<std::string, std::string>> kPlaceAndDate = {
    {"greenhouse", {"/location/name", "/updated_at"}},
    {"lever", {"/categories/location", "/createdAt"}},
    {"ashby", {"/location", "/publishedAt"}},
    {"workable", {"/city", "/published_on"}},
    {"smartrecruiters", {"/location/city", "/releasedDate"}},
    {"recruitee", {"/location", "/published_at"}},
    {"arbeitnow", {"/location", "/created_at"}},
    {"remotive", {"/candidate_required_location", "/publication_date"}},
    {"remoteok", {"/location", "/date"}},
    {"himalayas", {"", "/pubDate"}},
    {"jobicy", {"/jobGeo", "/pubDate"}},
    {"themuse", {"/locations/0/name", "/publication_date"}},
    {"adzuna", {"/location/display_name", "/created"}},
    {"jsearch", {"/job_city", "/job_posted_at_datetime_utc"}},
    {"usajobs", {"/MatchedObjectDescriptor/PositionLocationDisplay",
                 "/MatchedObjectDescriptor/PublicationStartDate"}},
    {"hackernews", {"", "/created_at"}},
};

// Whether `record` has a non-empty value at `pointer`.
bool states(const Json& record, const std::string& pointer) {
  if (pointer.empty() || !record.contains(Json::json_pointer(pointer))) return false;
  const Json& value = record.at(Json::json_pointer(pointer));
  return !value.is_null() && !(value.is_string() && trimmed(value.get<std::string>()).empty());
}

const std::vector<Case> kJsonCases = {
    {{"greenhouse", "codepath"}, "/v1/boards/codepath/jobs", "greenhouse/jobs-codepath.json",
     "/jobs", "/id", "/title", "/absolute_url"},
    {{"lever", "gotogroup"}, "/v0/postings/gotogroup", "lever/postings-GoToGroup.json", "", "/id",
     "/text", "/hostedUrl"},
    {{"ashby", "lightdash"}, "/posting-api/job-board/lightdash", "ashby/job-board-lightdash.json",
     "/jobs", "/id", "/title", "/jobUrl"},
    {{"workable", "kroo"}, "/api/v1/widget/accounts/kroo", "workable/widget-account-kroo.json",
     "/jobs", "/shortcode", "/title", "/url"},
    {{"smartrecruiters", "Gousto1"}, "/v1/companies/Gousto1/postings",
     "smartrecruiters/postings-Gousto1.json", "/content", "/id", "/name", "",
     {{"/totalFound", 4}}},
    {{"recruitee", "radishlab"}, "/api/offers/", "recruitee/offers-radishlab.json", "/offers",
     "/id", "/title", "/careers_url", {}, "/company_name"},
    {{"arbeitnow"}, "/api/job-board-api", "arbeitnow/job-board-api.data-only.json", "/data",
     "/slug", "/title", "/url", {}, "/company_name"},
    {{"remotive"}, "/api/remote-jobs", "remotive/remote-jobs.json", "/jobs", "/id", "/title",
     "/url", {}, "/company_name"},
    {{"remoteok"}, "/api", "remoteok/api.json", "", "/id", "/position", "", {}, "/company"},
    {{"himalayas"}, "/jobs/api", "himalayas/jobs-api.json", "/jobs", "/guid", "/title", "",
     {{"/totalCount", 4}}, "/companyName"},
    {{"jobicy"}, "/api/v2/remote-jobs", "jobicy/remote-jobs.json", "/jobs", "/id", "/jobTitle",
     "/url", {}, "/companyName"},
    {{"themuse"}, "/api/public/jobs", "themuse/jobs-page0.json", "/results", "/id", "/name",
     "/refs/landing_page", {{"/page_count", 1}}, "/company/name"},
    {{"adzuna", "gb"}, "/v1/api/jobs/gb/search/1", "adzuna/search-gb-1.json", "/results", "/id",
     "", "/redirect_url", {{"/count", 3}}, "/company/display_name"},
    {{"jsearch", "--query", "python"}, "/search", "jsearch/search.json", "/data", "/job_id",
     "/job_title", "", {}, "/employer_name"},
    {{"usajobs", "--query", "nurse"}, "/api/search", "usajobs/search.json",
     "/SearchResult/SearchResultItems", "/MatchedObjectId",
     "/MatchedObjectDescriptor/PositionTitle", "/MatchedObjectDescriptor/PositionURI",
     {{"/SearchResult/UserArea/NumberOfPages", "1"}}, "/MatchedObjectDescriptor/OrganizationName"},
    {{"hackernews", "48747976"}, "/api/v1/search_by_date",
     "hackernews/algolia-who-is-hiring-comments.trimmed.json", "/hits", "/objectID", "", ""},
};

TEST_CASE("every JSON adapter: payload over loopback, stored record by record", "[cli][scrape]") {
  for (const Case& c : kJsonCases) {
    DYNAMIC_SECTION(c.add[0]) {
      TempDir dir;
      const auto site = dir.file("site");
      const auto file = site / c.path.substr(1);
      std::filesystem::create_directories(file.parent_path());
      std::string body = read_file(kSources / c.fixture);
      if (!c.last_page.empty()) {
        Json whole = Json::parse(body);
        for (const auto& [pointer, value] : c.last_page) whole[Json::json_pointer(pointer)] = value;
        body = whole.dump();
      }
      std::ofstream(c.path.ends_with("/") ? file / "index" : file, std::ios::binary) << body;
      ReplayServer server(site);
      if (c.path.ends_with("/")) server.script(c.path, {.body = body});
      const auto db = dir.file("hg.db");
      RunOptions options = at_now();
      options.env["HG_CONFIG"] = dir.file("none.toml").string();
      for (const char* secret : {"HG_ADZUNA_APP_ID", "HG_ADZUNA_APP_KEY", "HG_JSEARCH_API_KEY",
                                 "HG_USAJOBS_API_KEY"}) {
        options.env[secret] = "test-key";
      }
      options.env["HG_USAJOBS_USER_AGENT_EMAIL"] = "tests@example.org";
      std::vector<std::string> add{"scrape", "add"};
      add.insert(add.end(), c.add.begin(), c.add.end());
      add.insert(add.end(), {"--base-url", server.url(), "--name", "src"});
      REQUIRE(hg::testing::run_hg(add, db, options).exit_code == 0);

      const Run run = hg::testing::run_hg({"--json", "scrape"}, db, options);
      INFO(run.err);
      REQUIRE(run.exit_code == 0);
      const Json report = Json::parse(run.out);
      REQUIRE(report.size() == 1);
      CHECK(report[0]["error"].is_null());
      CHECK(report[0]["fetched"].get<int>() > 0);
      CHECK(report[0]["new"] == report[0]["fetched"]);
      REQUIRE_FALSE(server.requests().empty());
      CHECK(server.requests().front().path == c.path);

      const Run listed =
          hg::testing::run_hg({"--json", "jobs", "list", "--all", "-n", "1000"}, db, options);
      REQUIRE(listed.exit_code == 0);
      std::map<std::string, Json> stored;
      for (const Json& job : Json::parse(listed.out)) {
        CHECK(job["source"] == "src");
        CHECK_FALSE(job["title"].get<std::string>().empty());
        stored[job["external_id"].get<std::string>()] = job;
      }
      CHECK(static_cast<int>(stored.size()) == report[0]["new"].get<int>());
      const Json payload = Json::parse(body);
      const Json& records = payload.at(Json::json_pointer(c.records));
      REQUIRE(records.is_array());
      int compared = 0;
      for (const Json& record : records) {
        if (!record.is_object() || !record.contains(Json::json_pointer(c.id))) continue;
        const std::string id = as_text(record.at(Json::json_pointer(c.id)));
        if (!stored.contains(id)) continue;  // a record the adapter skipped, with a reason
        const Json& job = stored[id];
        INFO(id);
        if (!c.title.empty()) CHECK(job["title"] == as_text(record.at(Json::json_pointer(c.title))));
        if (!c.url.empty()) CHECK(job["url"] == as_text(record.at(Json::json_pointer(c.url))));
        if (!c.company.empty() && record.contains(Json::json_pointer(c.company))) {
          CHECK(job["company"] == as_text(record.at(Json::json_pointer(c.company))));
        }
        const auto& [place, date] = kPlaceAndDate.at(c.add[0]);
        if (states(record, place)) CHECK_FALSE(job["location"].is_null());
        if (states(record, date)) CHECK_FALSE(job["date_posted"].is_null());
        ++compared;
      }
      CHECK(compared == static_cast<int>(stored.size()));
      CHECK(compared >= 2);
    }
  }
}

TEST_CASE("the RSS and JSON-LD adapters over loopback", "[cli][scrape]") {
  TempDir dir;
  const auto site = dir.file("site");
  std::filesystem::create_directories(site);
  const std::string feed = read_file(kSources / "rss" / "weworkremotely.xml");
  std::ofstream(site / "feed.xml", std::ios::binary) << feed;
  std::ofstream(site / "careers.html", std::ios::binary)
      << read_file(kSources / "jsonld" / "careers-single.html");
  ReplayServer server(site);
  const auto db = dir.file("hg.db");
  RunOptions options = at_now();
  options.env["HG_CONFIG"] = dir.file("none.toml").string();
  REQUIRE(hg::testing::run_hg({"scrape", "add", "rss", server.url() + "/feed.xml", "--name", "wwr"},
                              db, options).exit_code == 0);
  REQUIRE(hg::testing::run_hg({"scrape", "add", "jsonld", server.url() + "/careers.html", "--name",
                               "page"}, db, options).exit_code == 0);
  const Run run = hg::testing::run_hg({"--json", "scrape"}, db, options);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const Json report = Json::parse(run.out);
  REQUIRE(report.size() == 2);
  std::size_t items = 0;
  for (std::size_t at = feed.find("<item>"); at != std::string::npos; at = feed.find("<item>", at + 1)) ++items;
  CHECK(report[1]["source"] == "wwr");
  CHECK(report[1]["new"] == items);
  CHECK(report[0]["source"] == "page");
  CHECK(report[0]["new"].get<int>() >= 1);
  // Each RSS item's title reads "Company: Role": both halves are stored.
  const Json jobs = Json::parse(
      hg::testing::run_hg({"--json", "jobs", "list", "--source", "wwr"}, db, options).out);
  REQUIRE(jobs.size() == items);
  for (const Json& job : jobs) {
    CHECK_FALSE(job["company"].get<std::string>().empty());
    CHECK(feed.find(job["company"].get<std::string>() + ": " + job["title"].get<std::string>()) !=
          std::string::npos);
  }
}

TEST_CASE("a career page robots.txt forbids is not read", "[cli][scrape]") {
  TempDir dir;
  const auto site = dir.file("site");
  std::filesystem::create_directories(site / "jobs");
  std::ofstream(site / "robots.txt") << "User-agent: *\nDisallow: /jobs/\n";
  std::ofstream(site / "jobs" / "careers.html") << read_file(kSources / "jsonld" / "careers-single.html");
  ReplayServer server(site);
  const auto db = dir.file("hg.db");
  RunOptions options = at_now();
  options.env["HG_CONFIG"] = dir.file("none.toml").string();
  REQUIRE(hg::testing::run_hg({"scrape", "add", "jsonld", server.url() + "/jobs/careers.html",
                               "--name", "page"}, db, options).exit_code == 0);
  const Run run = hg::testing::run_hg({"scrape"}, db, options);
  CHECK(run.exit_code == 5);
  CHECK_THAT(run.err, Catch::Contains("robots.txt does not allow hg to read it"));
  const auto requests = server.requests();
  REQUIRE(requests.size() == 1);
  CHECK(requests[0].path == "/robots.txt");
}

}  // namespace
