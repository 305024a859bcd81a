// hg import jobs|profiles: bring postings (JSON, JSON Lines, CSV) and candidates
// (JSON Resume) into the store as a batch that goes on past bad records.
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "../checks.hpp"
#include "../commands.hpp"
#include "../dedup_run.hpp"
#include "../enrichers.hpp"
#include "../output.hpp"
#include "../progress.hpp"
#include "dedup/features.hpp"
#include "ingest/import.hpp"
#include "model/json.hpp"
#include "util/strings.hpp"

namespace hg::cli {
namespace {

struct ImportArgs {
  std::string file;
  std::string format;
  std::string delimiter;
  std::vector<std::string> maps;
  std::string source;
  bool dry_run = false;
  bool raw = false;
  bool no_dedup = false;
  std::size_t chunk_size = 0;
  std::vector<std::string> profile_files;
  std::string profile_name;
};

// An input file, or stdin for "-". Errors: not_found, invalid_argument for a directory.
// Messages do not repeat the path: callers put it in front.
Result<std::unique_ptr<std::istream>> open_input(const std::string& path) {
  if (path == "-") return std::unique_ptr<std::istream>();  // caller uses std::cin
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return fail(Errc::not_found, "no such file");
  if (std::filesystem::is_directory(path, ec)) {
    return fail(Errc::invalid_argument, "is a directory");
  }
  auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*in) return fail(Errc::failed, "cannot read");
  return std::unique_ptr<std::istream>(std::move(in));
}

Result<ingest::ImportOptions> import_options(const Session& session, const ImportArgs& args) {
  ingest::ImportOptions options;
  auto config = session.config();
  if (!config) return config.error();
  if (!args.format.empty()) {
    options.format = ingest::parse_format(args.format);
    if (!options.format) {
      return fail(Errc::invalid_argument, "--format: expected json, jsonl or csv, got \"{}\"",
                  args.format);
    }
  }
  if (!args.delimiter.empty()) {
    if (args.delimiter == "tab" || args.delimiter == "\\t") {
      options.csv_delimiter = '\t';
    } else if (args.delimiter.size() == 1 && args.delimiter != "\"" && args.delimiter != "\n" &&
               args.delimiter != "\r") {
      options.csv_delimiter = args.delimiter[0];
    } else {
      return fail(Errc::invalid_argument,
                  "--delimiter: expected one character or \"tab\", got \"{}\"", args.delimiter);
    }
  }
  for (const std::string& map : args.maps) {
    const auto equals = map.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == map.size()) {
      return fail(Errc::invalid_argument, "--map: expected FIELD=COLUMN, got \"{}\"", map);
    }
    const std::string field = map.substr(0, equals);
    if (auto ok = ingest::check_mapping(field); !ok) return ok.error();
    options.map.columns[field] = map.substr(equals + 1);
  }
  options.map.default_source =
      !args.source.empty() ? args.source : (*config)->get("import.source").value_or("import");
  options.chunk_size = args.chunk_size > 0
                           ? args.chunk_size
                           : static_cast<std::size_t>(
                                 util::parse_int((*config)->get("import.chunk_size").value_or("5000"))
                                     .value_or(5000));
  if (options.chunk_size == 0) options.chunk_size = 5000;
  options.dry_run = args.dry_run;
  return options;
}

std::string where(const ingest::ItemError& error) {
  if (error.record == 0) return "";
  if (error.line == 0) return fmt::format("record {}: ", error.record);
  return fmt::format("record {} (line {}): ", error.record, error.line);
}

// The import's summary: one JSON document, or a line (and the dedup line) on a terminal.
Result<void> print_import(Session& session, const ImportArgs& args,
                          const ingest::ImportReport& report,
                          const std::optional<dedup::RunReport>& deduped) {
  if (session.output() != OutputFormat::table) {
    nlohmann::ordered_json errors = nlohmann::ordered_json::array();
    for (const auto& error : report.rejected) {
      errors.push_back({{"record", error.record}, {"line", error.line}, {"error", error.message}});
    }
    auto printed = print_json(session, {{"file", args.file},
                {"format", ingest::format_name(report.format)},
                {"dry_run", args.dry_run},
                {"read", report.read},
                {"inserted", report.inserted},
                {"updated", report.updated},
                {"unchanged", report.unchanged},
                {"rejected", report.rejected.size()},
                {"errors", errors},
                {"stopped", report.stopped ? report.stopped->message : ""},
                {"dedup", deduped ? nlohmann::ordered_json{{"merges", deduped->merges.size()},
                                                           {"changed", deduped->changed}}
                                  : nlohmann::ordered_json(nullptr)}});
    return printed;
  }
  if (!session.quiet() || !report.rejected.empty()) {
    fmt::print("{} {} record{} ({}): {} new, {} updated, {} unchanged, {} rejected\n",
               args.dry_run ? "checked" : "imported", report.read, report.read == 1 ? "" : "s",
               ingest::format_name(report.format), report.inserted, report.updated,
               report.unchanged, report.rejected.size());
    if (deduped && !deduped->merges.empty() && !session.quiet()) {
      fmt::print("dedup: {} merge{}, {} posting{} joined or left a cluster\n",
                 deduped->merges.size(), deduped->merges.size() == 1 ? "" : "s", deduped->changed,
                 deduped->changed == 1 ? "" : "s");
    }
  }
  return {};
}

Result<void> run_import_jobs(Session& session, const ImportArgs& args) {
  auto options = import_options(session, args);
  if (!options) return options.error();
  auto file = open_input(args.file);
  if (!file) return context(file.error(), fmt::format("import: {}", args.file));
  // The reference data is loaded only when it will be used.
  std::optional<EnricherSet> enrichers;
  if (!args.raw) {
    auto loaded = EnricherSet::load(session);
    if (!loaded) return loaded.error();
    enrichers.emplace(std::move(*loaded));
    options->enrich = &enrichers->enrichers();
  }
  auto db = session.open_store();
  if (!db) return db.error();
  std::istream& in = *file ? **file : std::cin;
  const std::string label = args.file == "-" ? "stdin" : args.file;
  const std::string now = session.now_iso();
  const bool dedup_after = !args.dry_run && !args.no_dedup;
  if (dedup_after) {
    // Each new posting's dedup features are computed on the reading thread while rows are
    // written, so the dedup pass below need not read every new posting back.
    options->precompute = [&now](const model::Job& job) {
      return dedup::to_blob(dedup::features_of_job(job, now));
    };
  }

  ProgressLine progress(progress_wanted(session.quiet()));
  if (progress.enabled()) {
    options->progress = [&progress, &label](std::size_t read) {
      progress.show(fmt::format("{}: {} records read", label, read));
    };
  }
  auto report = ingest::import_jobs(
      *db, in, *options, now, [&label, &progress](const ingest::ItemError& error) {
        progress.clear();
        fmt::print(stderr, "hg: import: {}: {}{}\n", label, where(error),
                   util::single_line(error.message));
      });
  progress.clear();
  if (!report) return context(report.error(), fmt::format("import: {}", label));

  // New and changed postings join their clusters now (hg dedup, incremental).
  std::optional<dedup::RunReport> deduped;
  if (dedup_after && report->inserted + report->updated > 0) {
    auto pass = run_dedup_pass(session, *db, false, false, &report->precomputed);
    if (!pass) return context(pass.error(), "import: dedup");
    deduped = std::move(*pass);
  }

  if (auto printed = print_import(session, args, *report, deduped); !printed) {
    return printed.error();
  }
  if (report->stopped) {
    Error error = *report->stopped;
    error.message = fmt::format("import: {}: stopped after {} stored records: {}", label,
                                report->inserted + report->updated, error.message);
    return error;
  }
  if (!report->rejected.empty()) session.set_exit_code(kExitInvalidInput);
  return {};
}

// "Jane Q. Doe" -> "jane-q-doe": a profile handle from a name.
std::string handle_from(std::string_view text) {
  std::string handle;
  for (char c : util::to_lower(text)) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      handle.push_back(c);
    } else if (!handle.empty() && handle.back() != '-') {
      handle.push_back('-');
    }
  }
  while (!handle.empty() && handle.back() == '-') handle.pop_back();
  return handle;
}

Result<void> run_import_profiles(Session& session, const ImportArgs& args) {
  if (!args.profile_name.empty() && args.profile_files.size() > 1) {
    return fail(Errc::invalid_argument, "--name: only with one file ({} given)",
                args.profile_files.size());
  }
  auto db = session.open_store();
  if (!db) return db.error();
  nlohmann::ordered_json results = nlohmann::ordered_json::array();
  bool any_bad = false;
  for (const std::string& path : args.profile_files) {
    auto report_error = [&](const Error& error) {
      fmt::print(stderr, "hg: import: {}: {}\n", path, error.message);
      results.push_back({{"file", path}, {"error", error.message}});
      any_bad = true;
      session.set_exit_code(exit_code_for(error.code));  // the first failure's kind decides
    };
    auto file = open_input(path);
    if (!file) {
      report_error(file.error());
      continue;
    }
    std::istream& in = *file ? **file : std::cin;
    std::string text;
    text.resize(8 << 20);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (in.peek() != std::char_traits<char>::eof()) {
      report_error(fail(Errc::invalid_input, "larger than 8 MiB: not a JSON Resume"));
      continue;
    }
    auto parsed = model::profile_from_json_resume(text, "", session.now_iso().substr(0, 10));
    if (!parsed) {
      report_error(parsed.error());
      continue;
    }
    std::string name = args.profile_name;
    if (name.empty()) name = handle_from(parsed->full_name);
    if (name.empty()) name = handle_from(std::filesystem::path(path).stem().string());
    auto saved = ingest::import_profile(*db, text, name, session.now_iso());
    if (!saved) {
      report_error(saved.error());
      continue;
    }
    nlohmann::ordered_json result = {{"file", path},
                                     {"profile", name},
                                     {"id", saved->id},
                                     {"created", saved->created},
                                     {"skills", parsed->skills.size()}};
    result["years_experience"] = parsed->years_experience
                                     ? nlohmann::ordered_json(*parsed->years_experience)
                                     : nlohmann::ordered_json(nullptr);
    results.push_back(std::move(result));
    if (session.output() == OutputFormat::table && !session.quiet()) {
      fmt::print("profile {}: {} ({} skills, {} years of experience)\n", name,
                 saved->created ? "created" : "updated", parsed->skills.size(),
                 parsed->years_experience ? fmt::format("{}", *parsed->years_experience) : "?");
    }
  }
  if (session.output() != OutputFormat::table) {
    if (auto printed = print_json(session, results); !printed) return printed.error();
  }
  (void)any_bad;
  return {};
}

}  // namespace

void add_import_command(CLI::App& root, Session& session) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* cmd = root.add_subcommand("import", "Import jobs (JSON, JSON Lines, CSV) or profiles (JSON Resume)");
  cmd->require_subcommand(1);

  CLI::App* jobs = cmd->add_subcommand("jobs", "Import job postings from FILE, or - for stdin");
  jobs->add_option("file", args->file, "JSON array, JSON Lines or CSV with a header")
      ->required()->type_name("FILE|-");
  jobs->add_option("--format", args->format, "Input format (default: detected from content)")
      ->check(CLI::IsMember({"json", "jsonl", "csv"}))->type_name("json|jsonl|csv");
  jobs->add_option("--delimiter", args->delimiter,
                   "CSV field separator: one character, or tab (default: , ; tab or |, "
                   "whichever the header line uses most)")
      ->type_name("C");
  std::string fields;
  for (std::string_view field : ingest::mappable_fields()) {
    fields += (fields.empty() ? "" : ", ") + std::string(field);
  }
  jobs->add_option("--map", args->maps, "Read hg FIELD from the record's COLUMN (repeatable); fields: " + fields)
      ->type_name("FIELD=COLUMN")->allow_extra_args(false);
  jobs->add_option("--source", args->source,
                   "Source name for records without one (config import.source; default import)")
      ->type_name("NAME");
  jobs->add_flag("--dry-run", args->dry_run, "Read and check every record, store nothing");
  jobs->add_flag("--no-dedup", args->no_dedup,
                 "Do not run hg dedup over the new and changed postings afterwards");
  jobs->add_flag("--no-enrich", args->raw,
                 "Store records as mapped: derive no place, salary, visa or skills facts");
  jobs->add_option("--chunk-size", args->chunk_size,
                   "Records per transaction (config import.chunk_size; default 5000)")
      ->check(positive_int())->type_name("N");
  jobs->callback([&session, args] { session.finish(run_import_jobs(session, *args)); });

  CLI::App* profiles = cmd->add_subcommand("profiles", "Import candidate profiles from JSON Resume files");
  profiles->add_option("files", args->profile_files, "JSON Resume files (- for stdin)")
      ->required()->type_name("FILE...");
  profiles->add_option("--name", args->profile_name,
                       "Profile handle (one file only; default: from basics.name)")
      ->type_name("NAME");
  profiles->callback([&session, args] { session.finish(run_import_profiles(session, *args)); });
}

}  // namespace hg::cli
