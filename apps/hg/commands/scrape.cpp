// hg scrape: configure job sources and pull their postings (concurrent, polite, incremental,
// cron-safe), or ingest saved payloads offline with --from.
#include <sys/file.h>
#include <unistd.h>

#include <cctype>
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
  std::string kind;  // for --from FILE, and `add`
  std::string target;
  std::string name;
  std::string query;
  std::string location;
  std::string country;
  std::string base_url;
  std::vector<std::string> params;  // KEY=VALUE
  int limit = 20;
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

std::string env_or_config(const Session& session, const std::string& key) {
  std::string env = "HG_";
  for (char c : key) env += c == '.' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (const char* value = std::getenv(env.c_str()); value != nullptr && *value != '\0') return value;
  auto config = session.config();
  if (!config) return {};
  return (*config)->get(key).value_or("");
}

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
    std::string base = env_or_config(session, source.kind + ".base_url");
    if (!base.empty() && !base.starts_with("http://") && !base.starts_with("https://")) {
      return fail(Errc::invalid_argument, "source {}: {}.base_url must start with http:// or https://",
                  source.name, source.kind);
    }
    target.spec.base_url = std::move(base);
  }
  for (const std::string& secret : adapter->required_secrets()) {
    const std::string value = env_or_config(session, source.kind + "." + secret);
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
  options.progress = [&progress](const std::string& name, int pages, std::size_t jobs) {
    progress.show(fmt::format("{}: page {}, {} postings", name, pages, jobs));
  };
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
    target.spec.target = args.target.empty() ? file.stem().string() : args.target;
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

Result<void> run_add(Session& session, const ScrapeArgs& args) {
  const scrape::Adapter* adapter = scrape::find_adapter(args.kind);
  if (adapter == nullptr) {
    Error error = fail(Errc::invalid_argument, "scrape add: unknown source kind \"{}\"", args.kind);
    error.hint = "`hg scrape kinds` lists them";
    return error;
  }
  if (adapter->needs_target() && args.target.empty()) {
    return fail(Errc::invalid_argument, "scrape add {}: needs a target ({})", args.kind, adapter->usage());
  }
  nlohmann::json params = nlohmann::json::object();
  if (!args.target.empty()) params["target"] = args.target;
  if (!args.base_url.empty()) {
    if (!args.base_url.starts_with("http://") && !args.base_url.starts_with("https://")) {
      return fail(Errc::invalid_argument, "--base-url: expected an http:// or https:// URL");
    }
    params["base_url"] = args.base_url;
  }
  for (const std::string& pair : args.params) {
    const auto equals = pair.find('=');
    if (equals == std::string::npos || equals == 0) {
      return fail(Errc::invalid_argument, "--param: expected KEY=VALUE, got \"{}\"", pair);
    }
    const std::string key = pair.substr(0, equals);
    if (key == "target" || key == "base_url") {
      return fail(Errc::invalid_argument, "--param: use the {} argument instead", key);
    }
    params[key] = pair.substr(equals + 1);
  }
  if (!args.query.empty()) params["query"] = args.query;
  if (!args.location.empty()) params["location"] = args.location;
  if (!args.country.empty()) params["country"] = args.country;
  std::string name = args.name;
  if (name.empty()) name = args.target.empty() ? args.kind : args.kind + ":" + args.target;
  auto db = session.open_store();
  if (!db) return db.error();
  auto added = store::add_source(*db, {.name = name, .kind = args.kind, .params = params.dump(),
                                       .created_at = session.now_iso()});
  if (!added) return added.error();
  if (session.output() != OutputFormat::table) {
    return print_json(session, {{"name", added->name}, {"kind", added->kind},
                                {"params", nlohmann::ordered_json::parse(added->params)}});
  }
  if (!session.quiet()) fmt::print("added source {} ({})\n", added->name, added->kind);
  for (const std::string& secret : adapter->required_secrets()) {
    if (env_or_config(session, args.kind + "." + secret).empty()) {
      session.warn(fmt::format("{} needs {}.{} in config (or its HG_ variable) before it can run",
                               args.kind, args.kind, secret));
    }
  }
  return {};
}

Result<void> run_list(Session& session) {
  auto db = session.open_store({.create_if_missing = false});
  if (!db) return db.error();
  auto sources = store::list_sources(*db);
  if (!sources) return sources.error();
  std::vector<nlohmann::ordered_json> records;
  for (const model::Source& source : *sources) {
    records.push_back({{"name", source.name}, {"kind", source.kind},
                       {"params", nlohmann::ordered_json::parse(source.params, nullptr, false)},
                       {"enabled", source.enabled}, {"etag", source.etag},
                       {"created_at", source.created_at}});
    if (session.output() == OutputFormat::table) records.back()["params"] = source.params;
  }
  static constexpr Column kColumns[] = {{"NAME", "name", 30}, {"KIND", "kind", 16},
                                        {"PARAMS", "params", 60}};
  return print_records(session, records, kColumns,
                       {"name", "kind", "params", "enabled", "etag", "created_at"});
}

Result<void> run_log(Session& session, const ScrapeArgs& args) {
  auto db = session.open_store({.create_if_missing = false});
  if (!db) return db.error();
  auto runs = store::list_scrape_runs(*db, static_cast<std::size_t>(std::max(args.limit, 0)));
  if (!runs) return runs.error();
  std::vector<nlohmann::ordered_json> records;
  for (const model::ScrapeRun& run : *runs) {
    records.push_back({{"id", run.id}, {"source", run.source}, {"started_at", run.started_at},
                       {"fetched", run.fetched}, {"new", run.inserted}, {"updated", run.updated},
                       {"closed", run.closed}, {"errors", run.errors},
                       {"error", run.error_text}, {"duration_ms", run.duration_ms}});
  }
  static constexpr Column kColumns[] = {
      {"ID", "id", 6, true},          {"SOURCE", "source", 28},      {"STARTED", "started_at", 20},
      {"READ", "fetched", 6, true},   {"NEW", "new", 6, true},       {"UPDATED", "updated", 7, true},
      {"CLOSED", "closed", 6, true},  {"ERRORS", "errors", 6, true}, {"MS", "duration_ms", 7, true},
      {"ERROR", "error", 50}};
  return print_records(session, records, kColumns,
                       {"id", "source", "started_at", "fetched", "new", "updated", "closed",
                        "errors", "error", "duration_ms"});
}

Result<void> run_kinds(Session& session) {
  std::vector<nlohmann::ordered_json> records;
  for (const scrape::Adapter* adapter : scrape::all_adapters()) {
    records.push_back({{"kind", adapter->kind()}, {"usage", adapter->usage()},
                       {"base_url", adapter->default_base_url()},
                       {"secrets", adapter->required_secrets()}});
  }
  static constexpr Column kColumns[] = {{"KIND", "kind", 16}, {"USAGE", "usage", 70}};
  return print_records(session, records, kColumns, {"kind", "usage", "base_url", "secrets"});
}

}  // namespace

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

  CLI::App* add = cmd->add_subcommand("add", "Add a source: hg scrape add greenhouse stripe");
  add->add_option("kind", args->kind, "The adapter (hg scrape kinds)")->required()->type_name("KIND");
  add->add_option("target", args->target, "Board token, company, or feed/page URL")->type_name("TARGET");
  add->add_option("--name", args->name, "Its name (default KIND:TARGET)")->type_name("NAME");
  add->add_option("--query", args->query, "Search words, where the API searches")->type_name("TEXT");
  add->add_option("--location", args->location, "Location filter, where the API has one")->type_name("TEXT");
  add->add_option("--country", args->country, "Country code, where the API has one")->type_name("CC");
  add->add_option("--param", args->params, "Another API parameter (repeatable): limit=50, category=dev")
      ->type_name("KEY=VALUE");
  add->add_option("--base-url", args->base_url, "Another base URL (a proxy, a test server)")->type_name("URL");
  add->callback([&session, args] { session.finish(run_add(session, *args)); });

  CLI::App* list = cmd->add_subcommand("list", "The configured sources");
  list->callback([&session] { session.finish(run_list(session)); });

  CLI::App* remove = cmd->add_subcommand("remove", "Remove a source (its postings stay)");
  remove->add_option("name", args->name, "Source name")->required()->type_name("NAME");
  remove->callback([&session, args] {
    session.finish([&]() -> Result<void> {
      auto db = session.open_store({.create_if_missing = false});
      if (!db) return db.error();
      return store::remove_source(*db, args->name);
    }());
  });

  CLI::App* log = cmd->add_subcommand("log", "Past runs: per source read, new, updated, closed, errors");
  log->add_option("-n,--limit", args->limit, "At most N runs (default 20)")->type_name("N");
  log->callback([&session, args] { session.finish(run_log(session, *args)); });

  CLI::App* kinds = cmd->add_subcommand("kinds", "The source kinds hg speaks");
  kinds->callback([&session] { session.finish(run_kinds(session)); });
}

}  // namespace hg::cli
