// hg skills list|search|show|extract: browse the skills taxonomy and find skills in a text.
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "../checks.hpp"
#include "../commands.hpp"
#include "../enrichers.hpp"
#include "../output.hpp"
#include "skills/extract.hpp"
#include "skills/taxonomy.hpp"
#include "util/strings.hpp"

namespace hg::cli {
namespace {

constexpr std::size_t kMaxTextBytes = 256 * 1024 * 1024;  // bigger input is an error

struct SkillsArgs {
  std::string category;
  int limit = 0;  // 0: 50 in a table, all otherwise (search: 20)
  std::string text;
  std::string name;
  std::string file;
  std::string field;  // JSON Lines input: extract from this field of each record
  bool implied = false;
};

// The whole of `path` (or stdin for "-"), at most kMaxTextBytes.
Result<std::string> read_text(const std::string& path) {
  std::ifstream file;
  if (path != "-") {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
      return fail(Errc::not_found, "{}: no such file", path);
    }
    file.open(path, std::ios::binary);
    if (!file) return fail(Errc::failed, "{}: cannot read", path);
  }
  std::istream& in = path == "-" ? std::cin : file;
  std::string text;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxTextBytes) {
      return fail(Errc::invalid_input, "{}: over {} MiB", path == "-" ? "stdin" : path,
                  kMaxTextBytes >> 20);
    }
  }
  return text;
}

nlohmann::ordered_json names_of(const skills::Taxonomy& taxonomy, const std::vector<skills::SkillId>& ids) {
  nlohmann::ordered_json names = nlohmann::ordered_json::array();
  for (skills::SkillId id : ids) names.push_back(taxonomy.skill(id).name);
  return names;
}

nlohmann::ordered_json skill_record(const skills::Taxonomy& taxonomy, skills::SkillId id, bool table) {
  const skills::Skill& skill = taxonomy.skill(id);
  nlohmann::ordered_json record;
  record["name"] = skill.name;
  record["category"] = skill.category;
  record["aliases"] = skill.aliases;
  record["implies"] = names_of(taxonomy, taxonomy.implied(id));
  if (table) {
    record["aliases"] = fmt::format("{}", fmt::join(skill.aliases, ", "));
    record["implies"] = fmt::format("{}", fmt::join(record["implies"].get<std::vector<std::string>>(), ", "));
  }
  return record;
}

const std::vector<std::string> kSkillFields = {"name", "category", "aliases", "implies"};
constexpr Column kSkillColumns[] = {
    {"NAME", "name", 36}, {"CATEGORY", "category", 36}, {"ALIASES", "aliases", 40}};

Result<void> print_skills(Session& session, const skills::Taxonomy& taxonomy,
                          const std::vector<skills::SkillId>& ids) {
  std::vector<nlohmann::ordered_json> records;
  const bool table = session.output() == OutputFormat::table;
  for (skills::SkillId id : ids) records.push_back(skill_record(taxonomy, id, table));
  return print_records(session, records, kSkillColumns, kSkillFields);
}

Result<void> run_list(Session& session, const SkillsArgs& args) {
  auto taxonomy = load_taxonomy(session);
  if (!taxonomy) return taxonomy.error();
  const std::string wanted = util::to_lower(args.category);
  std::size_t limit = args.limit > 0 ? static_cast<std::size_t>(args.limit)
                      : session.output() == OutputFormat::table ? 50 : taxonomy->size();
  std::vector<skills::SkillId> ids;
  for (skills::SkillId id = 0; id < taxonomy->size() && ids.size() < limit; ++id) {
    if (wanted.empty() || util::to_lower(taxonomy->skill(id).category).find(wanted) != std::string::npos) {
      ids.push_back(id);
    }
  }
  return print_skills(session, *taxonomy, ids);
}

Result<void> run_search(Session& session, const SkillsArgs& args) {
  auto taxonomy = load_taxonomy(session);
  if (!taxonomy) return taxonomy.error();
  const auto limit = static_cast<std::size_t>(args.limit > 0 ? args.limit : 20);
  return print_skills(session, *taxonomy, taxonomy->search(args.text, limit));
}

Result<void> run_show(Session& session, const SkillsArgs& args) {
  auto taxonomy = load_taxonomy(session);
  if (!taxonomy) return taxonomy.error();
  auto id = taxonomy->find(args.name);
  if (!id) {
    Error error = fail(Errc::not_found, "skill \"{}\" not found", args.name);
    error.hint = "`hg skills search TEXT` finds skills by part of a name";
    return error;
  }
  nlohmann::ordered_json record = skill_record(*taxonomy, *id, false);
  record["implied_by"] = names_of(*taxonomy, taxonomy->implied_by(*id));
  if (session.output() != OutputFormat::table) return print_json(session, record);
  for (const auto& item : record.items()) {
    std::string value = item.value().is_array()
                            ? fmt::format("{}", fmt::join(item.value().get<std::vector<std::string>>(), ", "))
                            : item.value().get<std::string>();
    fmt::print("{:<11} {}\n", item.key(), value);
  }
  return {};
}

const std::vector<std::string> kFoundFields = {"name", "category", "required", "count",
                                               "offset", "length", "text", "implied"};
constexpr Column kFoundColumns[] = {{"SKILL", "name", 32},      {"CATEGORY", "category", 30},
                                    {"REQUIRED", "required", 8}, {"COUNT", "count", 5, true},
                                    {"MENTION", "text", 30}};

void add_found(std::vector<nlohmann::ordered_json>& records, const skills::Taxonomy& taxonomy,
               std::string_view text, const std::vector<skills::FoundSkill>& found,
               const nlohmann::ordered_json& record_id, bool table) {
  for (const skills::FoundSkill& skill : found) {
    nlohmann::ordered_json record;
    if (!record_id.is_null()) record["record"] = record_id;
    record["name"] = skill.name;
    record["category"] = taxonomy.skill(skill.id).category;
    if (table) {
      record["required"] = skill.required ? (*skill.required ? "yes" : "no") : "";
    } else {
      record["required"] = skill.required ? nlohmann::ordered_json(*skill.required) : nullptr;
    }
    record["count"] = skill.count;
    record["offset"] = skill.offset;
    record["length"] = skill.length;
    record["text"] = std::string(text.substr(skill.offset, skill.length));
    record["implied"] = skill.implied;
    records.push_back(std::move(record));
  }
}

// --field: one JSON object a line; its `field` is the text, its "id" (else the line number)
// names the record. Lines that are not objects or lack the field are skipped with a warning.
Result<void> extract_lines(Session& session, const skills::Taxonomy& taxonomy, const SkillsArgs& args,
                           std::string_view input, std::vector<nlohmann::ordered_json>& records) {
  const bool table = session.output() == OutputFormat::table;
  std::size_t line_number = 0, texts = 0, bytes = 0, skipped = 0;
  std::chrono::steady_clock::duration spent{};
  for (const std::string& line : util::split(input, '\n')) {
    ++line_number;
    if (util::trim(line).empty()) continue;
    auto record = nlohmann::json::parse(line, nullptr, false);
    if (!record.is_object() || !record.contains(args.field) || !record[args.field].is_string()) {
      ++skipped;
      continue;
    }
    const std::string& text = record[args.field].get_ref<const std::string&>();
    const auto start = std::chrono::steady_clock::now();
    auto found = skills::extract_skills(taxonomy, text, {.include_implied = args.implied});
    spent += std::chrono::steady_clock::now() - start;
    ++texts;
    bytes += text.size();
    nlohmann::ordered_json id = record.contains("id") ? nlohmann::ordered_json(record["id"])
                                                      : nlohmann::ordered_json(line_number);
    add_found(records, taxonomy, text, found, id, table);
  }
  if (skipped > 0) session.warn(fmt::format("{} lines without a text field \"{}\" skipped", skipped, args.field));
  if (session.verbosity() > 0) {
    const double seconds = std::chrono::duration<double>(spent).count();
    fmt::print(stderr, "hg: extracted from {} texts, {:.1f} MB in {:.3f} s: {:.1f} MB/s, {:.0f} texts/s\n",
               texts, static_cast<double>(bytes) / 1e6, seconds,
               seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0.0,
               seconds > 0 ? static_cast<double>(texts) / seconds : 0.0);
  }
  return {};
}

Result<void> run_extract(Session& session, const SkillsArgs& args) {
  auto taxonomy = load_taxonomy(session);
  if (!taxonomy) return taxonomy.error();
  auto text = read_text(args.file);
  if (!text) return text.error();
  std::vector<nlohmann::ordered_json> records;
  std::vector<std::string> fields = kFoundFields;
  if (!args.field.empty()) {
    if (auto done = extract_lines(session, *taxonomy, args, *text, records); !done) return done.error();
    fields.insert(fields.begin(), "record");
  } else {
    add_found(records, *taxonomy, *text,
              skills::extract_skills(*taxonomy, *text, {.include_implied = args.implied}), nullptr,
              session.output() == OutputFormat::table);
  }
  return print_records(session, records, kFoundColumns, fields);
}

}  // namespace

void add_skills_command(CLI::App& root, Session& session) {
  auto args = std::make_shared<SkillsArgs>();
  CLI::App* cmd = root.add_subcommand("skills", "Browse the skills taxonomy; find skills in a text");
  cmd->require_subcommand(1);

  CLI::App* list = cmd->add_subcommand("list", "List skills, by name");
  list->add_option("--category", args->category, "Only skills whose category contains TEXT")
      ->type_name("TEXT");
  list->add_option("-n,--limit", args->limit, "Show at most N skills (default 50 in a table)")
      ->check(positive_int())->type_name("N");
  list->callback([&session, args] { session.finish(run_list(session, *args)); });

  CLI::App* search = cmd->add_subcommand("search", "Find skills by part of a name or alias");
  search->add_option("text", args->text, "Part of a name or alias, e.g. \"postgres\"")
      ->required()->type_name("TEXT");
  search->add_option("-n,--limit", args->limit, "Show at most N skills (default 20)")
      ->check(positive_int())->type_name("N");
  search->callback([&session, args] { session.finish(run_search(session, *args)); });

  CLI::App* show = cmd->add_subcommand("show", "Show a skill: aliases, category, implications");
  show->add_option("name", args->name, "Skill name or alias, e.g. k8s")->required()->type_name("NAME");
  show->callback([&session, args] { session.finish(run_show(session, *args)); });

  CLI::App* extract = cmd->add_subcommand("extract", "Find the skills a text names, and if required");
  extract->add_option("file", args->file, "Text file, or - for stdin")->required()->type_name("FILE|-");
  extract->add_option("--field", args->field,
                      "Input is JSON Lines: find skills in this field of each record")
      ->type_name("NAME");
  extract->add_flag("--implied", args->implied, "Also list skills implied by the ones found");
  extract->callback([&session, args] { session.finish(run_extract(session, *args)); });
}

}  // namespace hg::cli
