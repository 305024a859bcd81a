// End-to-end speed of hg scrape's ingest: fetch from Greenhouse boards served on loopback,
// parse, enrich (normalisation + skills) and upsert into a fresh store, as `hg scrape` does.
//   scrape_bench POSTINGS.jsonl [BOARDS] [RUNS] [CONFIG]
// Turns every record of POSTINGS.jsonl (bench/gen_postings.py) into a Greenhouse job and deals
// them round-robin into BOARDS boards (default 40), served gzipped, as Greenhouse serves them,
// by an in-process cpp-httplib server on 127.0.0.1. Each configuration runs RUNS times (default
// 3), each run into a fresh store, and every run must store every posting. The configurations:
// 1 bench fetch (8 in flight, 8 per host, no interval) with enrich, 2 the same without enrich,
// 3 hg scrape's polite defaults (2 per host, 250 ms apart) with enrich; CONFIG picks one and
// skips the in-process breakdown (for perf), default all.
#include <sqlite3.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "ingest/enrich.hpp"
#include "normalize/currency.hpp"
#include "normalize/location.hpp"
#include "normalize/visa.hpp"
#include "scrape/runner.hpp"
#include "skills/taxonomy.hpp"
#include "store/sources.hpp"
#include "util/embedded.hpp"

namespace {

using Steady = std::chrono::steady_clock;
using hg::Result;

double seconds_since(Steady::time_point start) {
  return std::chrono::duration<double>(Steady::now() - start).count();
}

// CPU seconds (user + system) of this thread (`who` = RUSAGE_THREAD) or the whole process.
double cpu_seconds(int who) {
  rusage usage{};
  getrusage(who, &usage);
  auto seconds = [](timeval t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// The string at `key`, or "" when it is missing, null or not a string.
std::string text_at(const nlohmann::json& record, const char* key) {
  auto value = record.find(key);
  return value != record.end() && value->is_string() ? value->get<std::string>() : std::string();
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// A plain-text description as Greenhouse's `content`: paragraphs (blank-line separated) in
// <p>, line breaks as <br>, and the whole HTML entity-escaped once more, as the list endpoint
// with content=true sends it (shared/data/sources/README.md §1).
std::string greenhouse_content(std::string_view text) {
  std::string html;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find("\n\n", at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view paragraph = text.substr(at, end - at);
    at = end + 2;
    while (!paragraph.empty() && paragraph.front() == '\n') paragraph.remove_prefix(1);
    if (paragraph.empty()) continue;
    html += "<p>";
    for (std::size_t line = 0; line <= paragraph.size();) {
      std::size_t stop = std::min(paragraph.find('\n', line), paragraph.size());
      if (line > 0) html += "<br>";
      html += html_escape(paragraph.substr(line, stop - line));
      line = stop + 1;
    }
    html += "</p>";
  }
  return html_escape(html);
}

// The posting's own HTML when the corpus kept it, else its text as paragraphs; escaped as
// Greenhouse escapes `content`.
std::string content_of(const nlohmann::json& posting) {
  const std::string html = text_at(posting, "description_html");
  return html.empty() ? greenhouse_content(text_at(posting, "description")) : html_escape(html);
}

// One generated posting as a record of GET /v1/boards/{board}/jobs?content=true.
nlohmann::json greenhouse_job(const nlohmann::json& posting, std::int64_t id,
                              const std::string& board) {
  auto text = [&](const char* key) { return text_at(posting, key); };
  nlohmann::json job = {
      {"id", id},
      {"internal_job_id", id - 150'000'000},
      {"title", text("title")},
      {"company_name", text("company")},
      {"absolute_url", "https://boards.greenhouse.io/" + board + "/jobs/" + std::to_string(id)},
      {"location", {{"name", text("location")}}},
      {"metadata", nullptr},
      {"requisition_id", std::to_string(id % 1000)},
      {"content", content_of(posting)},
      {"departments", nlohmann::json::array()},
      {"offices", nlohmann::json::array()}};
  if (const std::string date = text("date_posted"); !date.empty()) {
    job["first_published"] = date + "T09:00:00-04:00";
    job["updated_at"] = date + "T09:00:00-04:00";
  }
  if (const std::string type = text("employment_type"); !type.empty()) {
    job["metadata"] = {{{"id", 1}, {"name", "Employment Type"}, {"value", type},
                        {"value_type", "single_select"}}};
  }
  return job;
}

struct Board {
  std::string body;  // the JSON answer
  std::string gzip;  // the same, gzipped: what a client that accepts gzip is sent
  std::size_t jobs = 0;
};

std::string gzipped(const std::string& body) {
  std::string out;
  httplib::detail::gzip_compressor compressor;
  compressor.compress(body.data(), body.size(), true, [&](const char* data, std::size_t size) {
    out.append(data, size);
    return true;
  });
  return out;
}

// Deals the postings round-robin into `count` boards named board001, board002 ...
std::map<std::string, Board> make_boards(const std::vector<nlohmann::json>& postings,
                                         std::size_t count) {
  std::vector<nlohmann::json> lists(count, nlohmann::json::array());
  std::vector<std::string> names;
  for (std::size_t b = 0; b < count; ++b) {
    std::string number = std::to_string(b + 1);
    names.push_back("board" + std::string(number.size() < 3 ? 3 - number.size() : 0, '0') + number);
  }
  for (std::size_t i = 0; i < postings.size(); ++i) {
    const std::size_t b = i % count;
    lists[b].push_back(
        greenhouse_job(postings[i], 4'000'000'000 + static_cast<std::int64_t>(i), names[b]));
  }
  std::map<std::string, Board> boards;
  for (std::size_t b = 0; b < count; ++b) {
    const std::size_t jobs = lists[b].size();
    Board board{.body = nlohmann::json{{"jobs", std::move(lists[b])},
                                       {"meta", {{"total", jobs}}}}.dump(),
                .gzip = {},
                .jobs = jobs};
    board.gzip = gzipped(board.body);
    boards.emplace(names[b], std::move(board));
  }
  return boards;
}

// The boards on 127.0.0.1 at a free port, answered from a background thread (cpp-httplib's
// pool). Bodies are prepared up front, so serving costs a copy and the socket writes.
class LoopbackBoards {
 public:
  explicit LoopbackBoards(const std::map<std::string, Board>& boards) : boards_(boards) {
    server_.Get(R"(/v1/boards/([^/]+)/jobs)", [this](const httplib::Request& request,
                                                    httplib::Response& response) {
      auto board = boards_.find(request.matches[1].str());
      if (board == boards_.end()) {
        response.status = 404;
        return;
      }
      // Not the bare "application/json": with it cpp-httplib would compress every answer again.
      constexpr const char* kType = "application/json; charset=utf-8";
      if (request.get_header_value("Accept-Encoding").find("gzip") != std::string::npos) {
        response.set_header("Content-Encoding", "gzip");
        response.set_content(board->second.gzip, kType);
      } else {
        response.set_content(board->second.body, kType);
      }
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) return;
    thread_ = std::thread([this] {
      server_.listen_after_bind();
      stopped_ = true;
    });
    while (!server_.is_running() && !stopped_) std::this_thread::yield();
  }
  ~LoopbackBoards() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  LoopbackBoards(const LoopbackBoards&) = delete;
  LoopbackBoards& operator=(const LoopbackBoards&) = delete;
  bool ok() const { return port_ > 0 && server_.is_running(); }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  const std::map<std::string, Board>& boards_;
  httplib::Server server_;
  int port_ = -1;
  std::atomic<bool> stopped_{false};  // listen_after_bind returned
  std::thread thread_;
};

struct Config {
  const char* name;
  hg::net::FetchOptions fetch;
  const hg::ingest::Enrichers* enrich;  // null: --no-enrich
};

struct Measure {
  double wall = 0;
  double main_cpu = 0;     // the scraping thread: fetch, parse, enrich, store
  double process_cpu = 0;  // plus the server's threads
  std::int64_t stored = 0;
  std::int64_t skills = 0;  // job_skills rows: proof that enrich ran
};

Result<std::int64_t> count_rows(const hg::store::Db& db, const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db.handle(), sql, -1, &stmt, nullptr) != SQLITE_OK) {
    return hg::fail(hg::Errc::failed, "{}: {}", sql, sqlite3_errmsg(db.handle()));
  }
  std::int64_t count = -1;
  if (sqlite3_step(stmt) == SQLITE_ROW) count = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  return count;
}

// The sources as `hg scrape add greenhouse BOARD --base-url URL` stores them, and their targets.
Result<std::vector<hg::scrape::Target>> add_targets(const hg::store::Db& db,
                                                   const std::map<std::string, Board>& boards,
                                                   const std::string& base_url,
                                                   const std::string& now) {
  const hg::scrape::Adapter* adapter = hg::scrape::find_adapter("greenhouse");
  if (adapter == nullptr) return hg::fail(hg::Errc::failed, "no greenhouse adapter");
  std::vector<hg::scrape::Target> targets;
  for (const auto& [board, unused] : boards) {
    const nlohmann::json params = {{"target", board}, {"base_url", base_url}};
    auto source = hg::store::add_source(db, {.name = "greenhouse:" + board, .kind = "greenhouse",
                                             .params = params.dump(), .created_at = now});
    if (!source) return source.error();
    targets.push_back({.source = *source,
                       .spec = {.name = source->name, .kind = "greenhouse", .target = board,
                                .base_url = base_url},
                       .adapter = adapter});
  }
  return targets;
}

Result<Measure> run_into(const std::filesystem::path& file, const Config& config,
                         const std::map<std::string, Board>& boards, const std::string& base_url,
                         hg::util::TimePoint now) {
  auto db = hg::store::Db::open(file);
  if (!db) return db.error();
  auto targets = add_targets(*db, boards, base_url, hg::util::format_iso(now));
  if (!targets) return targets.error();
  hg::scrape::ScrapeOptions options{.fetch = config.fetch};
  if (config.enrich != nullptr) {
    options.enrich = [with = config.enrich](hg::model::Job& job) { hg::ingest::enrich(job, *with); };
  }
  Measure measure;
  const double main_cpu = cpu_seconds(RUSAGE_THREAD);
  const double process_cpu = cpu_seconds(RUSAGE_SELF);
  const auto start = Steady::now();
  auto results = hg::scrape::scrape(*db, *targets, options, now);
  measure.wall = seconds_since(start);
  measure.main_cpu = cpu_seconds(RUSAGE_THREAD) - main_cpu;
  measure.process_cpu = cpu_seconds(RUSAGE_SELF) - process_cpu;
  if (!results) return results.error();
  for (const hg::scrape::SourceResult& result : *results) {
    if (result.error) return hg::fail(hg::Errc::failed, "{}: {}", result.name, result.error->message);
    if (!result.skipped.empty()) {
      return hg::fail(hg::Errc::failed, "{}: skipped {}", result.name, result.skipped.front());
    }
  }
  auto stored = count_rows(*db, "SELECT count(*) FROM jobs");
  if (!stored) return stored.error();
  auto skills = count_rows(*db, "SELECT count(*) FROM job_skills");
  if (!skills) return skills.error();
  measure.stored = *stored;
  measure.skills = *skills;
  return measure;
}

// One run into a fresh store in a new temporary directory, removed afterwards.
Result<Measure> run_once(const Config& config, const std::map<std::string, Board>& boards,
                         const std::string& base_url, hg::util::TimePoint now) {
  std::string pattern = (std::filesystem::temp_directory_path() / "scrape-bench-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) return hg::fail(hg::Errc::failed, "mkdtemp failed");
  const std::filesystem::path dir = pattern;
  auto measure = run_into(dir / "hg.db", config, boards, base_url, now);
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
  return measure;
}

// Parse and enrich alone, in process (no HTTP, no store): how much of a run they are.
void print_breakdown(const std::map<std::string, Board>& boards,
                     const hg::ingest::Enrichers& with, hg::util::TimePoint now) {
  const hg::scrape::Adapter* adapter = hg::scrape::find_adapter("greenhouse");
  std::vector<hg::model::Job> jobs;
  const auto parse_start = Steady::now();
  for (const auto& [board, served] : boards) {
    const hg::scrape::Context context{.spec = {.name = "greenhouse:" + board, .kind = "greenhouse",
                                               .target = board},
                                      .base_url = "http://127.0.0.1",
                                      .fetched_at = now,
                                      .page = 1};
    auto page = adapter->parse(context, {}, served.body);
    if (!page) continue;
    for (hg::model::Job& job : page->jobs) jobs.push_back(std::move(job));
  }
  const double parse = seconds_since(parse_start);
  const auto enrich_start = Steady::now();
  for (hg::model::Job& job : jobs) hg::ingest::enrich(job, with);
  const double enrich = seconds_since(enrich_start);
  std::printf("in process, one pass each: greenhouse parse + map %.3f s, enrich %.3f s (%zu jobs)\n",
              parse, enrich, jobs.size());
}

std::vector<nlohmann::json> read_postings(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<nlohmann::json> postings;
  std::string line;
  while (std::getline(in, line)) {
    auto record = nlohmann::json::parse(line, nullptr, false);
    if (record.is_object() && !text_at(record, "title").empty()) {
      postings.push_back(std::move(record));
    }
  }
  return postings;
}

// Runs `config` `runs` times; prints each run and the median. False when a run failed or
// stored fewer postings than were served.
bool bench(const Config& config, int runs, const std::map<std::string, Board>& boards,
           const std::string& base_url, std::size_t expected, hg::util::TimePoint now) {
  std::vector<Measure> measures;
  for (int run = 0; run < runs; ++run) {
    auto measure = run_once(config, boards, base_url, now);
    if (!measure) {
      std::fprintf(stderr, "scrape_bench: %s: %s\n", config.name, measure.error().message.c_str());
      return false;
    }
    if (measure->stored != static_cast<std::int64_t>(expected) ||
        (config.enrich != nullptr && measure->skills == 0)) {
      std::fprintf(stderr, "scrape_bench: %s: stored %lld of %zu postings, %lld skills rows\n",
                   config.name, static_cast<long long>(measure->stored), expected,
                   static_cast<long long>(measure->skills));
      return false;
    }
    std::printf("  %s run %d: %.3f s wall, CPU %.3f s scraping thread, %.3f s process; "
                "%lld stored, %lld skill rows\n",
                config.name, run + 1, measure->wall, measure->main_cpu, measure->process_cpu,
                static_cast<long long>(measure->stored), static_cast<long long>(measure->skills));
    measures.push_back(*measure);
  }
  std::sort(measures.begin(), measures.end(),
            [](const Measure& a, const Measure& b) { return a.wall < b.wall; });
  const Measure& median = measures[measures.size() / 2];
  std::printf("%s: %zu postings, median %.3f s of %d (min %.3f, max %.3f): %.0f postings/s; "
              "CPU of the median run %.3f s scraping thread, %.3f s process\n",
              config.name, expected, median.wall, runs, measures.front().wall,
              measures.back().wall, static_cast<double>(expected) / median.wall, median.main_cpu,
              median.process_cpu);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: scrape_bench POSTINGS.jsonl [BOARDS] [RUNS] [CONFIG]\n");
    return 2;
  }
  const std::size_t board_count = argc > 2 ? static_cast<std::size_t>(std::max(1, std::atoi(argv[2]))) : 40;
  const int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 3;
  const int only = argc > 4 ? std::atoi(argv[4]) : 0;  // 1, 2 or 3: that configuration alone
  const std::vector<nlohmann::json> postings = read_postings(argv[1]);
  if (postings.empty()) {
    std::fprintf(stderr, "scrape_bench: no postings in %s\n", argv[1]);
    return 1;
  }
  const auto boards = make_boards(postings, std::min(board_count, postings.size()));
  std::size_t body_bytes = 0, gzip_bytes = 0;
  for (const auto& [name, board] : boards) {
    body_bytes += board.body.size();
    gzip_bytes += board.gzip.size();
  }
  std::printf("%zu postings in %zu boards: %.1f MB of JSON, %.1f MB gzipped\n", postings.size(),
              boards.size(), body_bytes / 1e6, gzip_bytes / 1e6);

  auto places = hg::normalize::Gazetteer::embedded();
  auto rates = hg::normalize::Rates::load(hg::normalize::builtin_rates_tsv());
  auto sponsors = hg::normalize::SponsorRegister::load(
      hg::util::embedded_data("visa/uk_sponsors.txt").value_or(std::string_view{}));
  auto skills = hg::skills::Taxonomy::load_builtin();
  if (!places || !rates || !sponsors || !skills) {
    std::fprintf(stderr, "scrape_bench: cannot load the reference data\n");
    return 1;
  }
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const hg::ingest::Enrichers with{.places = &*places, .rates = &*rates, .sponsors = &*sponsors,
                                   .skills = &*skills, .reporting_currency = "USD",
                                   .fetched_at = now};
  LoopbackBoards server(boards);
  if (!server.ok()) {
    std::fprintf(stderr, "scrape_bench: cannot listen on 127.0.0.1\n");
    return 1;
  }
  // hg scrape's defaults (config scrape.*), and the same without the per-host politeness that
  // would otherwise serialise 40 boards on one host.
  hg::net::FetchOptions polite;
  polite.client.total_timeout = std::chrono::seconds(30);
  polite.client.connect_timeout = std::chrono::seconds(10);
  polite.client.retries = 3;
  polite.client.max_body_bytes = std::size_t{32} << 20;
  hg::net::FetchOptions fast = polite;
  fast.max_per_host = 8;
  fast.host_interval = std::chrono::milliseconds(0);
  const Config configs[] = {{"bench fetch, enrich", fast, &with},
                            {"bench fetch, no enrich", fast, nullptr},
                            {"polite fetch (2 per host, 250 ms), enrich", polite, &with}};
  for (int i = 0; i < 3; ++i) {
    if (only != 0 && only != i + 1) continue;
    if (!bench(configs[i], runs, boards, server.url(), postings.size(), now)) return 1;
  }
  if (only == 0) print_breakdown(boards, with, now);
  return 0;
}
