// hg scrape add, list, remove, log and kinds: the sources hg scrape runs, what past runs did,
// and the kinds of source it speaks.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "../checks.hpp"
#include "../commands.hpp"
#include "../output.hpp"
#include "scrape/runner.hpp"
#include "store/sources.hpp"

namespace hg::cli {
namespace {

struct SourceArgs {
  std::string kind;
  std::string target;
  std::string name;
  std::string query;
  std::string location;
  std::string country;
  std::string base_url;
  std::vector<std::string> params;  // KEY=VALUE
  int limit = 20;                   // log
};

Result<void> run_add(Session& session, const SourceArgs& args) {
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
    if (session.env_or_config(args.kind + "." + secret).empty()) {
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

Result<void> run_log(Session& session, const SourceArgs& args) {
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

void add_scrape_source_commands(CLI::App& scrape, Session& session) {
  auto args = std::make_shared<SourceArgs>();
  CLI::App* add = scrape.add_subcommand("add", "Add a source: hg scrape add greenhouse stripe");
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

  CLI::App* list = scrape.add_subcommand("list", "The configured sources");
  list->callback([&session] { session.finish(run_list(session)); });

  CLI::App* remove = scrape.add_subcommand("remove", "Remove a source (its postings stay)");
  remove->add_option("name", args->name, "Source name")->required()->type_name("NAME");
  remove->callback([&session, args] {
    session.finish([&]() -> Result<void> {
      auto db = session.open_store({.create_if_missing = false});
      if (!db) return db.error();
      return store::remove_source(*db, args->name);
    }());
  });

  CLI::App* log = scrape.add_subcommand("log", "Past runs: per source read, new, updated, closed, errors");
  log->add_option("-n,--limit", args->limit, "At most N runs (default 20)")->type_name("N")
      ->check(positive_int());
  log->callback([&session, args] { session.finish(run_log(session, *args)); });

  CLI::App* kinds = scrape.add_subcommand("kinds", "The source kinds hg speaks");
  kinds->callback([&session] { session.finish(run_kinds(session)); });
}

}  // namespace hg::cli
