// hg export jobs|profiles|applications: everything in the store, in a stable field contract,
// as JSON Lines (default), JSON or CSV. Export -> import -> export is byte-identical.
#include <cstdio>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "../commands.hpp"
#include "../output.hpp"
#include "model/json.hpp"
#include "store/applications.hpp"
#include "store/jobs.hpp"
#include "store/profiles.hpp"

namespace hg::cli {
namespace {

struct ExportArgs {
  std::string what;
  std::string output = "-";
};

// stdout, or a temporary file renamed over OUTPUT when complete (never half a file).
class Output {
 public:
  static Result<Output> open(const std::string& path) {
    if (path == "-") return Output(stdout, "");
    const std::string temp = path + ".tmp";
    std::FILE* file = std::fopen(temp.c_str(), "wb");
    if (file == nullptr) return fail(Errc::failed, "{}: cannot write: {}", path, std::strerror(errno));
    return Output(file, path);
  }
  Output(Output&& other) noexcept : file_(other.file_), path_(std::move(other.path_)) {
    other.file_ = nullptr;
  }
  ~Output() {
    if (file_ != nullptr && file_ != stdout) {
      std::fclose(file_);
      std::remove((path_ + ".tmp").c_str());
    }
  }
  std::FILE* file() const { return file_; }
  Result<void> commit() {
    if (file_ == stdout) {
      std::fflush(stdout);
      return {};
    }
    const bool ok = std::fflush(file_) == 0 && std::ferror(file_) == 0;
    std::fclose(file_);
    file_ = nullptr;
    if (!ok || std::rename((path_ + ".tmp").c_str(), path_.c_str()) != 0) {
      std::remove((path_ + ".tmp").c_str());
      return fail(Errc::failed, "{}: cannot write", path_);
    }
    return {};
  }

 private:
  Output(std::FILE* file, std::string path) : file_(file), path_(std::move(path)) {}
  std::FILE* file_;
  std::string path_;
};

OutputFormat export_format(const Session& session) {
  return session.output() == OutputFormat::table ? OutputFormat::jsonl : session.output();
}

Result<void> export_jobs(const store::Db& db, RecordWriter& writer) {
  return store::for_each_job(db, [&writer](const model::Job& job) -> Result<void> {
    nlohmann::ordered_json record = job;
    writer.write(record);
    return {};
  });
}

Result<void> export_profiles(const store::Db& db, RecordWriter& writer) {
  auto profiles = store::list_profiles(db);
  if (!profiles) return profiles.error();
  for (const model::Profile& profile : *profiles) writer.write(nlohmann::ordered_json(profile));
  return {};
}

// Applications with their timeline, oldest first (the order they were created in).
Result<void> export_applications(const store::Db& db, RecordWriter& writer, bool nested) {
  auto apps = store::list_applications(db, {});
  if (!apps) return apps.error();
  for (auto it = apps->rbegin(); it != apps->rend(); ++it) {
    nlohmann::ordered_json record = *it;
    if (nested) {
      auto timeline = store::application_events(db, it->id);
      if (!timeline) return timeline.error();
      record["timeline"] = *timeline;
    }
    writer.write(record);
  }
  return {};
}

std::vector<std::string> fields_of(const std::string& what) {
  if (what == "jobs") return model::job_field_names();
  if (what == "profiles") return model::profile_field_names();
  return model::application_field_names();
}

Result<void> run_export(Session& session, const ExportArgs& args) {
  if (!session.jq().empty()) {
    Error error = fail(Errc::invalid_argument, "--jq: not available for export");
    error.hint = "pipe the output to jq instead: hg export jobs | jq ...";
    return error;
  }
  auto db = session.open_store({.create_if_missing = false});
  if (!db) return db.error();
  auto out = Output::open(args.output);
  if (!out) return out.error();
  RecordWriter writer(out->file(), export_format(session), fields_of(args.what));
  Result<void> done;
  if (args.what == "jobs") done = export_jobs(*db, writer);
  else if (args.what == "profiles") done = export_profiles(*db, writer);
  else done = export_applications(*db, writer, export_format(session) != OutputFormat::csv);
  if (!done) return done.error();
  writer.finish();
  return out->commit();
}

}  // namespace

void add_export_command(CLI::App& root, Session& session) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* cmd = root.add_subcommand(
      "export", "Export jobs, profiles or applications as JSON Lines (default), --json or --csv");
  cmd->add_option("what", args->what, "What to export")
      ->required()->check(CLI::IsMember({"jobs", "profiles", "applications"}))
      ->type_name("jobs|profiles|applications");
  cmd->add_option("-o,--output", args->output, "Write to FILE instead of stdout (- for stdout)")
      ->type_name("FILE");
  cmd->callback([&session, args] { session.finish(run_export(session, *args)); });
}

}  // namespace hg::cli
