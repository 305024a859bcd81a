// hg parse-resume: read PDF, DOCX, HTML, Markdown or text resumes into JSON Resume, and with
// --save store the result as a profile.
#include <chrono>
#include <filesystem>
#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "../checks.hpp"
#include "../commands.hpp"
#include "../enrichers.hpp"
#include "../files.hpp"
#include "../output.hpp"
#include "../session.hpp"
#include "ingest/import.hpp"
#include "model/json.hpp"
#include "normalize/location.hpp"
#include "resume/parse.hpp"
#include "skills/taxonomy.hpp"

namespace hg::cli {
namespace {

struct ParseArgs {
  std::vector<std::string> files;
  bool yaml = false;
  bool text = false;
  bool save = false;
  bool lines = false;
  std::string profile;
  double timeout = 10;  // seconds per file
};

// Quoted scalars are JSON strings, which YAML reads as they are.
void yaml_of(const nlohmann::ordered_json& v, int indent, std::string& out) {
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  if (v.is_object()) {
    for (const auto& [key, value] : v.items()) {
      out += pad + nlohmann::json(key).dump() + ":";
      if ((value.is_object() || value.is_array()) && !value.empty()) {
        out += "\n";
        yaml_of(value, indent + 2, out);
      } else {
        out += " " + (value.is_object() ? "{}" : value.is_array() ? "[]" : value.dump()) + "\n";
      }
    }
  } else if (v.is_array()) {
    for (const auto& item : v) {
      if ((item.is_object() || item.is_array()) && !item.empty()) {
        std::string inner;
        yaml_of(item, indent + 2, inner);
        out += pad + "- " + inner.substr(static_cast<std::size_t>(indent) + 2);
      } else {
        out += pad + "- " + item.dump() + "\n";
      }
    }
  }
}

std::string text_of(const resume::ParsedResume& r) {
  std::string out;
  const resume::Basics& b = r.basics;
  out += fmt::format("{}\n", b.name.empty() ? "(no name)" : b.name);
  for (const std::string* s : {&b.label, &b.email, &b.phone, &b.city, &b.url}) {
    if (!s->empty()) out += fmt::format("  {}\n", *s);
  }
  for (const auto& p : b.profiles) out += fmt::format("  {}: {}\n", p.network, p.url);
  if (!r.work.empty()) out += "Work\n";
  for (const auto& w : r.work) {
    out += fmt::format("  {} — {} ({} – {})\n", w.position, w.name, w.start,
                       w.current ? "present" : w.end);
  }
  if (!r.education.empty()) out += "Education\n";
  for (const auto& e : r.education) {
    out += fmt::format("  {} — {} {} ({} – {})\n", e.institution, e.study_type, e.area, e.start, e.end);
  }
  std::vector<std::string> skills;
  for (const auto& s : r.skills) {
    skills.push_back(s.name);
    skills.insert(skills.end(), s.keywords.begin(), s.keywords.end());
  }
  if (!skills.empty()) out += fmt::format("Skills\n  {}\n", fmt::join(skills, ", "));
  std::vector<std::string> langs;
  for (const auto& l : r.languages) langs.push_back(l.language);
  if (!langs.empty()) out += fmt::format("Languages\n  {}\n", fmt::join(langs, ", "));
  for (const auto& w : r.warnings) out += fmt::format("warning: {}\n", w);
  return out;
}

std::string handle_from(std::string_view full_name) {
  std::string handle;
  for (char c : full_name) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      handle += static_cast<char>(u < 0x80 ? std::tolower(u) : u);
    } else if (!handle.empty() && handle.back() != '-') {
      handle += '-';
    }
  }
  while (!handle.empty() && handle.back() == '-') handle.pop_back();
  return handle;
}

struct Outcome {
  nlohmann::ordered_json record;
  std::string line;  // the table line (or the --lines listing)
  std::string text;  // --text rendering
};

Result<Outcome> parse_one(Session& session, const ParseArgs& args, const std::string& path,
                          const resume::ParseOptions& base, std::optional<store::Db>& db) {
  auto bytes = read_small_file(path, base.limits.max_bytes, "parse-resume");
  if (!bytes) {
    Error e = bytes.error();
    // read_small_file says "parse-resume: PATH: why"; the caller prints "hg: PATH: why".
    const std::string prefix = "parse-resume: " + path + ": ";
    if (e.message.rfind(prefix, 0) == 0) e.message.erase(0, prefix.size());
    return e;
  }
  resume::ParseOptions options = base;
  options.limits.deadline = std::chrono::steady_clock::now() +
                            std::chrono::milliseconds(static_cast<long>(args.timeout * 1000));
  if (args.lines) {
    auto lines = resume::read_lines(*bytes, options);
    if (!lines) return lines.error();
    Outcome out;
    for (const auto& l : *lines) {
      out.line += fmt::format("{:>2} {:<12} {:>6.1f} {:>5.1f}{}{}{} {}\n", l.line.page, l.section,
                              l.line.x, l.line.size, l.line.bold ? "b" : " ",
                              l.line.gap_before ? "^" : " ", l.line.continues ? "+" : " ",
                              l.line.text);
    }
    return out;
  }
  auto parsed = resume::parse_resume(*bytes, options);
  if (!parsed) return parsed.error();
  const std::string json_text = resume::to_json_resume(*parsed, true);
  Outcome out;
  out.record = {{"file", path}, {"resume", nlohmann::ordered_json::parse(json_text)}};
  out.record["resume"].erase("meta");
  out.record["meta"] = nlohmann::ordered_json::parse(json_text)["meta"];
  out.text = text_of(*parsed);
  std::size_t skills = 0;
  for (const auto& s : parsed->skills) skills += 1 + s.keywords.size();
  out.line = fmt::format("{}: {} · {} jobs · {} schools · {} skills · {:.0f}% complete", path,
                         parsed->basics.name.empty() ? "(no name)" : parsed->basics.name,
                         parsed->work.size(), parsed->education.size(), skills,
                         parsed->completeness * 100);
  if (args.save) {
    if (!db) {
      auto opened = session.open_store();
      if (!opened) return opened.error();
      db.emplace(std::move(*opened));
    }
    std::string name = args.profile.empty() ? handle_from(parsed->basics.name) : args.profile;
    if (name.empty()) name = handle_from(std::filesystem::path(path).stem().string());
    nlohmann::ordered_json resume_doc = nlohmann::ordered_json::parse(json_text);
    resume_doc.erase("meta");
    auto saved = ingest::import_profile(*db, resume_doc.dump(), name, session.now_iso());
    if (!saved) return saved.error();
    out.record["profile"] = {{"name", name}, {"id", saved->id}, {"created", saved->created}};
    out.line += fmt::format(" · profile {} {}", name, saved->created ? "created" : "updated");
  }
  return out;
}

Result<void> run_parse_resume(Session& session, const ParseArgs& args) {
  if (args.save && !args.profile.empty() && args.files.size() > 1) {
    return fail(Errc::invalid_argument, "--profile: only with one file ({} given)", args.files.size());
  }
  if (!args.save && !args.profile.empty()) {
    return fail(Errc::invalid_argument, "--profile: only with --save");
  }
  auto places = normalize::Gazetteer::embedded();
  if (!places) return places.error();
  auto taxonomy = load_taxonomy(session);
  if (!taxonomy) return context(taxonomy.error(), "skills");
  resume::ParseOptions options;
  options.gazetteer = &*places;
  options.taxonomy = &*taxonomy;
  std::optional<store::Db> db;
  int worst = kExitOk;
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  const bool machine = session.output() != OutputFormat::table;
  for (const std::string& path : args.files) {
    auto outcome = parse_one(session, args, path, options, db);
    if (!outcome) {
      fmt::print(stderr, "hg: {}: {}\n", path, outcome.error().message);
      if (!outcome.error().hint.empty()) fmt::print(stderr, "hint: {}\n", outcome.error().hint);
      worst = std::max(worst, exit_code_for(outcome.error().code));
      if (session.output() == OutputFormat::jsonl) {
        fmt::print("{}\n", nlohmann::ordered_json({{"file", path}, {"error", outcome.error().message}}).dump());
      } else if (machine) {
        all.push_back({{"file", path}, {"error", outcome.error().message}});
      }
      continue;
    }
    if (args.lines) {
      fmt::print("{}", outcome->line);
    } else if (session.output() == OutputFormat::jsonl) {
      fmt::print("{}\n", outcome->record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    } else if (machine) {
      all.push_back(std::move(outcome->record));
    } else if (args.yaml || args.text) {
      if (args.files.size() > 1) fmt::print("# {}\n", path);
      std::string out;
      if (args.yaml) {
        yaml_of(outcome->record, 0, out);
      } else {
        out = outcome->text;
      }
      fmt::print("{}", out);
    } else if (!session.quiet()) {
      fmt::print("{}\n", outcome->line);
    }
    std::fflush(stdout);
  }
  if (machine && session.output() != OutputFormat::jsonl) {
    const nlohmann::ordered_json doc = args.files.size() == 1 && !all.empty() && all[0].contains("resume")
                                           ? all[0]
                                           : all;
    if (auto printed = print_json(session, doc); !printed) return printed.error();
  }
  if (worst != kExitOk) session.set_exit_code(worst);
  return {};
}

}  // namespace

void add_parse_resume_command(CLI::App& root, Session& session) {
  auto args = std::make_shared<ParseArgs>();
  CLI::App* cmd = root.add_subcommand(
      "parse-resume", "Read PDF, DOCX, HTML, Markdown or text resumes into JSON Resume");
  cmd->add_option("files", args->files, "Resume files (format detected from content)")
      ->required()->type_name("FILE...");
  cmd->add_flag("--yaml", args->yaml, "Print each result as YAML");
  cmd->add_flag("--text", args->text, "Print each result as readable text");
  cmd->add_flag("--lines", args->lines,
                "Print the text lines as read (page, section, x, size, bold, gap, wrap), not fields");
  cmd->add_flag("--save", args->save, "Create or update a profile from each resume");
  cmd->add_option("--profile", args->profile, "Profile handle for --save (one file only; default: from the name)")
      ->type_name("NAME");
  cmd->add_option("--timeout", args->timeout, "Time limit per file in seconds (default 10)")
      ->check(positive())->type_name("SECONDS");
  cmd->callback([&session, args] { session.finish(run_parse_resume(session, *args)); });
}

}  // namespace hg::cli
