// hg track import FILE: applications in bulk from CSV (with a header) or JSON Lines.
#include <filesystem>
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "../output.hpp"
#include "../session.hpp"
#include "../when.hpp"
#include "ingest/records.hpp"
#include "track/import.hpp"
#include "util/strings.hpp"

namespace hg::cli {
namespace {

constexpr std::size_t kBatch = 2000;

struct TrackImportArgs {
  std::string file;
  std::string format;
  std::string profile;
  std::string status = "applied";
  std::string tz;
};

// The first of `names` the record has as a non-empty string (or number), trimmed.
std::string field(const nlohmann::json& record, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    auto it = record.find(name);
    if (it == record.end()) continue;
    if (it->is_string()) {
      std::string text(util::trim(it->get<std::string>()));
      if (!text.empty()) return text;
    } else if (it->is_number_integer()) {
      return std::to_string(it->get<std::int64_t>());
    }
  }
  return {};
}

// One record as a row, or why it cannot be one.
Result<track::ImportRow> row_of(const Session& session, const TrackImportArgs& args,
                                const std::string& zone, const ingest::Record& record) {
  const nlohmann::json& value = *record.value;
  track::ImportRow row;
  row.record = record.number;
  row.line = record.line;
  if (const std::string id = field(value, {"job_id", "job"}); !id.empty()) {
    auto number = util::parse_int(id);
    if (!number || *number <= 0) return fail(Errc::invalid_input, "job_id: \"{}\" is not a job id", id);
    row.job_id = *number;
  }
  row.url = field(value, {"url", "job_url", "link"});
  row.title = field(value, {"title", "job_title", "position", "role"});
  row.company = field(value, {"company", "company_name", "employer"});
  row.location = field(value, {"location", "city"});
  row.profile = field(value, {"profile", "candidate"});
  if (row.profile.empty()) row.profile = args.profile;
  row.status = util::to_lower(field(value, {"status", "stage"}));
  if (row.status.empty()) row.status = args.status;
  row.note = field(value, {"note", "notes", "comment"});
  const std::string when = field(value, {"applied_at", "date", "at", "applied", "updated_at"});
  if (when.empty()) {
    row.at = session.now_iso();
  } else {
    auto at = parse_when(when, zone, session.clock(), "date");
    if (!at) return fail(Errc::invalid_input, "date: cannot read \"{}\"", when);
    if (*at > session.clock().now()) return fail(Errc::invalid_input, "date: {} is in the future", when);
    row.at = util::format_iso(*at);
  }
  return row;
}

std::string where(std::size_t record, std::size_t line) {
  return line == 0 ? fmt::format("record {}: ", record)
                   : fmt::format("record {} (line {}): ", record, line);
}

Result<void> run_track_import(Session& session, const TrackImportArgs& args) {
  std::optional<ingest::Format> format;
  if (!args.format.empty()) {
    format = ingest::parse_format(args.format);
    if (!format) return fail(Errc::invalid_argument, "--format: expected json, jsonl or csv");
  }
  auto zone = time_zone(session, args.tz);
  if (!zone) return zone.error();
  std::ifstream file;
  if (args.file != "-") {
    std::error_code error;
    if (!std::filesystem::is_regular_file(args.file, error)) {
      return fail(Errc::not_found, "track import: {}: no such file", args.file);
    }
    file.open(args.file, std::ios::binary);
    if (!file) return fail(Errc::failed, "track import: {}: cannot read", args.file);
  }
  std::istream& in = args.file == "-" ? std::cin : file;
  ingest::HeadedInput headed(in, 4096);
  std::istream input(&headed);
  if (!format) {
    auto detected = ingest::detect_format(headed.head());
    if (!detected) return context(detected.error(), "track import: " + args.file);
    format = *detected;
  }
  auto db = session.open_store({.create_if_missing = false});
  if (!db) return db.error();
  const std::string label = args.file == "-" ? "stdin" : args.file;
  auto reader = ingest::make_reader(input, *format);
  std::size_t read = 0, created = 0, existing = 0, jobs_created = 0, rejected = 0;
  std::vector<track::ImportRow> batch;
  auto report = [&](std::size_t record, std::size_t line, const std::string& message) {
    ++rejected;
    fmt::print(stderr, "hg: track import: {}: {}{}\n", label, where(record, line), message);
  };
  auto flush = [&]() -> Result<void> {
    if (batch.empty()) return {};
    auto outcome = track::import_applications(*db, batch, session.now_iso());
    if (!outcome) return outcome.error();
    created += outcome->created;
    existing += outcome->existing;
    jobs_created += outcome->jobs_created;
    for (const track::RowError& error : outcome->rejected) report(error.record, error.line, error.message);
    batch.clear();
    return {};
  };
  while (auto item = reader->next()) {
    ++read;
    if (item->error) {
      report(item->error->number, item->error->line, item->error->error.message);
      continue;
    }
    auto row = row_of(session, args, *zone, *item->record);
    if (!row) {
      report(item->record->number, item->record->line, row.error().message);
      continue;
    }
    batch.push_back(std::move(*row));
    if (batch.size() >= kBatch) {
      if (auto done = flush(); !done) return context(done.error(), "track import: " + label);
    }
  }
  if (auto done = flush(); !done) return context(done.error(), "track import: " + label);
  if (session.output() != OutputFormat::table) {
    if (auto printed = print_json(session, {{"file", args.file}, {"read", read},
                                            {"created", created}, {"existing", existing},
                                            {"jobs_created", jobs_created}, {"rejected", rejected}});
        !printed) {
      return printed;
    }
  } else if (!session.quiet() || rejected > 0) {
    fmt::print("imported {} record{}: {} new applications, {} already there, {} new jobs, {} "
               "rejected\n",
               read, read == 1 ? "" : "s", created, existing, jobs_created, rejected);
  }
  if (rejected > 0) session.set_exit_code(kExitInvalidInput);
  return {};
}

}  // namespace

void add_track_import_command(CLI::App& track, Session& session) {
  auto args = std::make_shared<TrackImportArgs>();
  CLI::App* cmd = track.add_subcommand(
      "import", "Import applications from CSV or JSON Lines (job_id or title+company, status, date)");
  cmd->add_option("file", args->file, "The file, or - for stdin")->required()->type_name("FILE");
  cmd->add_option("--format", args->format, "json, jsonl or csv (default: detected)")
      ->type_name("FORMAT");
  cmd->add_option("--profile", args->profile, "Profile for rows without one (default: the default)")
      ->type_name("NAME");
  cmd->add_option("--status", args->status, "Status for rows without one (default applied)")
      ->type_name("STATUS");
  cmd->add_option("--tz", args->tz, "Time zone of dates without one")->type_name("ZONE");
  cmd->callback([&session, args] { session.finish(run_track_import(session, *args)); });
}

}  // namespace hg::cli
