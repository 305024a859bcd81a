// hg scrape: pull the configured sources' postings (concurrent, polite, incremental,
// cron-safe), or ingest saved payloads offline with --from. Adding, listing and removing
// sources, the run log and the kinds are in scrape_sources.cpp.
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "../commands.hpp"
#include "../dedup_run.hpp"
#include "../enrichers.hpp"
#include "../files.hpp"
#include "../output.hpp"
#include "../progress.hpp"
#include "scrape/runner.hpp"
#include "store/sources.hpp"
#include "util/strings.hpp"

namespace hg::cli {
namespace {

constexpr std::uintmax_t kMaxSavedFile = 64u << 20;

struct ScrapeArgs {
  std::vector<std::string> names;
  std::string from;
  std::string kind;  // for --from FILE
  std::string name;
  bool no_enrich = false;
  bool no_dedup = false;
};

// A lock next to the store: two scrapes never overlap (cron). Held until the process ends.
class RunLock {
 public:
  static Result<RunLock> take(const std::filesystem::path& store) {
    const std::string path = store.string() + ".scrape-lock";
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return fail(Errc::failed, "{}: cannot open the scrape lock", path);
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      ::close(fd);
      Error error = fail(Errc::busy, "scrape: another hg scrape is running on {}", store.string());
      error.hint = "wait for it to finish; nothing was fetched";
      return error;
    }
    return RunLock(fd);
  }
  RunLock(RunLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  RunLock& operator=(RunLock&&) = delete;
  ~RunLock() {
    if (fd_ >= 0) ::close(fd_);
  }

 private:
  explicit RunLock(int fd) : fd_(fd) {}
  int fd_;
};

int config_int(const Session& session, const char* key, int fallback) {
  auto config = session.config();
  if (!config) return fallback;
  return static_cast<int>(util::parse_int((*config)->get(key).value_or("")).value_or(fallback));
}

// The spec a stored source runs with: its params, and its secrets from env or config.
Result<scrape::Target> target_of(const Session& session, const model::Source& source) {
  const scrape::Adapter* adapter = scrape::find_adapter(source.kind);
  if (adapter == nullptr) {
    return fail(Errc::invalid_input, "source {}: unknown kind {}", source.name, source.kind);
  }
  scrape::Target target{.source = source, .spec = {}, .adapter = adapter};
  target.spec.name = source.name;
  target.spec.kind = source.kind;
  const auto params = nlohmann::json::parse(source.params, nullptr, false);
  if (params.is_object()) {
    for (const auto& [key, value] : params.items()) {
      if (!value.is_string()) continue;
      if (key == "target") target.spec.target = value.get<std::string>();
      else if (key == "base_url") target.spec.base_url = value.get<std::string>();
      else target.spec.params[key] = value.get<std::string>();
    }
  }
  // A source added without --base-url takes its kind's from env or config (a proxy, a
  // mirror, a test server), else the adapter's own.
  if (target.spec.base_url.empty()) {
    std::string base = session.env_or_config(source.kind + ".base_url");
    if (!base.empty() && !base.starts_with("http://") && !base.starts_with("https://")) {
      return fail(Errc::invalid_argument, "source {}: {}.base_url must start with http:// or https://",
                  source.name, source.kind);
    }
    target.spec.base_url = std::move(base);
  }
  for (const std::string& secret : adapter->required_secrets()) {
    const std::string value = session.env_or_config(source.kind + "." + secret);
    if (!value.empty()) target.spec.secrets[secret] = value;
  }
  return target;
}

scrape::ScrapeOptions scrape_options(const Session& session, const EnricherSet* enrichers,
                                     ProgressLine& progress) {
  scrape::ScrapeOptions options;
  options.fetch.max_in_flight = static_cast<std::size_t>(std::max(1, config_int(session, "scrape.parallel", 8)));
  options.fetch.max_per_host = static_cast<std::size_t>(std::max(1, config_int(session, "scrape.per_host", 2)));
  options.fetch.host_interval = std::chrono::milliseconds(std::max(0, config_int(session, "scrape.host_delay_ms", 250)));
  options.fetch.client.total_timeout = std::chrono::seconds(std::max(1, config_int(session, "scrape.timeout", 30)));
  options.fetch.client.stall_timeout = options.fetch.client.total_timeout / 3;
  options.fetch.client.connect_timeout = std::min(options.fetch.client.total_timeout,
                                                  std::chrono::milliseconds(10'000));
  options.fetch.client.retries = std::max(0, config_int(session, "scrape.retries", 3));
  options.fetch.client.max_body_bytes =
      static_cast<std::size_t>(std::max(1, config_int(session, "scrape.max_mb", 32))) << 20;
  if (enrichers != nullptr) {
    const ingest::Enrichers* with = &enrichers->enrichers();
    options.enrich = [with](model::Job& job) { ingest::enrich(job, *with); };
  }
  if (progress.enabled()) {
    options.progress = [&progress](const std::string& name, int pages, std::size_t jobs) {
      progress.show(fmt::format("{}: page {}, {} postings", name, pages, jobs));
    };
  }
  return options;
}

Result<void> report(Session& session, const std::vector<scrape::SourceResult>& results,
                    ProgressLine& progress) {
  progress.clear();
  std::vector<nlohmann::ordered_json> records;
  bool failed = false;
  for (const scrape::SourceResult& r : results) {
    if (r.error) {
      failed = true;
      fmt::print(stderr, "hg: scrape: {}: {}\n", r.name, r.error->message);
    }
    for (std::size_t i = 0; i < r.skipped.size() && i < 3; ++i) {
      session.warn(fmt::format("scrape: {}: skipped {}", r.name, r.skipped[i]));
    }
    records.push_back({{"source", r.name}, {"pages", r.pages}, {"fetched", r.fetched},
                       {"new", r.inserted}, {"updated", r.updated}, {"unchanged", r.unchanged},
                       {"closed", r.closed}, {"skipped", r.skipped.size()},
                       {"not_modified", r.not_modified},
                       {"error", r.error ? nlohmann::ordered_json(r.error->message) : nullptr},
                       {"duration_ms", r.duration_ms}});
  }
  static constexpr Column kColumns[] = {
      {"SOURCE", "source", 30},  {"PAGES", "pages", 5, true},     {"READ", "fetched", 6, true},
      {"NEW", "new", 6, true},   {"UPDATED", "updated", 7, true}, {"CLOSED", "closed", 6, true},
      {"SKIPPED", "skipped", 7, true}, {"ERROR", "error", 50}};
  if (!(session.quiet() && !failed) || session.output() != OutputFormat::table) {
    if (auto printed = print_records(session, records, kColumns,
                                     {"source", "pages", "fetched", "new", "updated", "unchanged",
                                      "closed", "skipped", "not_modified", "error", "duration_ms"});
        !printed) {
      return printed;
    }
  }
  if (failed) session.set_exit_code(kExitNetwork);
  return {};
}

// New and changed postings join their dedup clusters (unless --no-dedup), after the table.
Result<void> dedup_after(Session& session, const ScrapeArgs& args, const store::Db& db,
                         const std::vector<scrape::SourceResult>& results) {
  std::size_t changed = 0;
  for (const scrape::SourceResult& r : results) changed += r.inserted + r.updated;
  if (args.no_dedup || changed == 0) return {};
  auto pass = run_dedup_pass(session, db, false, false);
  if (!pass) return context(pass.error(), "scrape: dedup");
  if (!pass->merges.empty() && !session.quiet() && session.output() == OutputFormat::table) {
    fmt::print("dedup: {} merge{}, {} posting{} joined or left a cluster\n", pass->merges.size(),
               pass->merges.size() == 1 ? "" : "s", pass->changed, pass->changed == 1 ? "" : "s");
  }
  return {};
}

// --from DIR (subfolders named by adapter kind, one payload per file) or --from FILE --kind K.
Result<void> run_from(Session& session, const ScrapeArgs& args, const store::Db& db,
                      const scrape::ScrapeOptions& options, ProgressLine& progress) {
  std::vector<std::pair<std::string, std::filesystem::path>> files;  // kind, file
  std::error_code error;
  if (std::filesystem::is_directory(args.from, error)) {
    for (const auto& kind_dir : std::filesystem::directory_iterator(args.from, error)) {
      if (!kind_dir.is_directory()) continue;
      const std::string kind = kind_dir.path().filename().string();
      if (scrape::find_adapter(kind) == nullptr) continue;
      for (const auto& entry : std::filesystem::directory_iterator(kind_dir.path(), error)) {
        const std::string ext = entry.path().extension().string();
        if (entry.is_regular_file() && (ext == ".json" || ext == ".xml" || ext == ".html")) {
          files.emplace_back(kind, entry.path());
        }
      }
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
      return fail(Errc::not_found, "--from {}: no payloads (expected KIND/FILE.json|xml|html)", args.from);
    }
  } else {
    if (args.kind.empty()) {
      return fail(Errc::invalid_argument, "--from FILE needs --kind (one of the adapters)");
    }
    if (scrape::find_adapter(args.kind) == nullptr) {
      return fail(Errc::invalid_argument, "--kind: unknown source kind \"{}\"", args.kind);
    }
    files.emplace_back(args.kind, args.from);
  }
  std::vector<scrape::SourceResult> results;
  for (const auto& [kind, file] : files) {
    scrape::Target target;
    target.adapter = scrape::find_adapter(kind);
    target.source.name = !args.name.empty() ? args.name : kind + ":" + file.stem().string();
    target.source.kind = kind;
    target.spec.name = target.source.name;
    target.spec.kind = kind;
    target.spec.target = file.stem().string();
    auto body = read_small_file(file, kMaxSavedFile, "--from");
    if (!body) {
      scrape::SourceResult failed{.name = target.source.name};
      failed.error = body.error();
      results.push_back(std::move(failed));
      continue;
    }
    auto result = scrape::ingest_saved(db, target, *body, options, session.clock().now());
    if (!result) return result.error();
    results.push_back(std::move(*result));
  }
  if (auto r = report(session, results, progress); !r) return r;
  return dedup_after(session, args, db, results);
}

Result<void> run_scrape(Session& session, const ScrapeArgs& args) {
  std::optional<EnricherSet> enrichers;
  if (!args.no_enrich) {
    auto loaded = EnricherSet::load(session);
    if (!loaded) return loaded.error();
    enrichers.emplace(std::move(*loaded));
  }
  auto db = session.open_store();
  if (!db) return db.error();
  auto lock = RunLock::take(session.store_path());
  if (!lock) return lock.error();
  // The table goes to stdout after it: a progress line only when both are a terminal.
  ProgressLine progress(session.stdout_is_tty() && progress_wanted(session.quiet()));
  const scrape::ScrapeOptions options =
      scrape_options(session, enrichers ? &*enrichers : nullptr, progress);
  if (!args.from.empty()) return run_from(session, args, *db, options, progress);
  auto sources = store::list_sources(*db);
  if (!sources) return sources.error();
  std::vector<scrape::Target> targets;
  for (const std::string& name : args.names) {
    if (std::none_of(sources->begin(), sources->end(), [&](const auto& s) { return s.name == name; })) {
      Error error = fail(Errc::not_found, "scrape: no source named {}", name);
      error.hint = "`hg scrape list` shows them; `hg scrape add` adds one";
      return error;
    }
  }
  for (const model::Source& source : *sources) {
    if (!args.names.empty() &&
        std::find(args.names.begin(), args.names.end(), source.name) == args.names.end()) {
      continue;
    }
    if (args.names.empty() && !source.enabled) continue;
    auto target = target_of(session, source);
    if (!target) return target.error();
    targets.push_back(std::move(*target));
  }
  if (targets.empty()) {
    Error error = fail(Errc::not_found, "scrape: no sources configured");
    error.hint = "add one: hg scrape add remotive --query python  (hg scrape kinds lists them)";
    return error;
  }
  auto results = scrape::scrape(*db, targets, options, session.clock().now());
  if (!results) return results.error();
  if (auto r = report(session, *results, progress); !r) return r;
  return dedup_after(session, args, *db, *results);
}

}  // namespace

void add_scrape_source_commands(CLI::App& scrape, Session& session);

void add_scrape_command(CLI::App& root, Session& session) {
  auto args = std::make_shared<ScrapeArgs>();
  CLI::App* cmd = root.add_subcommand(
      "scrape", "Pull postings from job boards and feeds (concurrent, polite, incremental)");
  cmd->require_subcommand(0, 1);
  cmd->add_option("names", args->names, "Only these sources (default: every enabled one)")
      ->type_name("NAME...");
  cmd->add_option("--from", args->from, "Ingest saved payloads: DIR/KIND/FILE, or FILE with --kind")
      ->type_name("DIR|FILE");
  cmd->add_option("--kind", args->kind, "The adapter for --from FILE")->type_name("KIND");
  cmd->add_option("--name", args->name, "Source name for --from FILE (default KIND:FILE)")
      ->type_name("NAME");
  cmd->add_flag("--no-enrich", args->no_enrich, "Store postings as read, without derived facts");
  cmd->add_flag("--no-dedup", args->no_dedup,
                "Do not run hg dedup over the new and changed postings afterwards");
  cmd->callback([&session, args, cmd] {
    if (cmd->get_subcommands().empty()) session.finish(run_scrape(session, *args));
  });

  add_scrape_source_commands(*cmd, session);
}

}  // namespace hg::cli
