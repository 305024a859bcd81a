#include "config.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "util/strings.hpp"

namespace hg::cli {
namespace {

constexpr ConfigKey kKeys[] = {
    {"store.path", ConfigType::text, "",
     "Store file (HG_DB and --db win over it; default $XDG_DATA_HOME/hg/hg.db)"},
    {"output.color", ConfigType::boolean, "true", "Colour on a terminal (NO_COLOR and --no-color win)"},
    {"import.source", ConfigType::text, "import",
     "Source name for imported records that carry none (--source wins)"},
    {"import.chunk_size", ConfigType::integer, "5000", "Records per transaction during import"},
    {"jobs.limit", ConfigType::integer, "20", "Rows `hg jobs list` and `hg jobs search` show"},
    {"match.weight.skills", ConfigType::integer, "35", "hg match: weight of the skills factor"},
    {"match.weight.title", ConfigType::integer, "20", "hg match: weight of title family and title words"},
    {"match.weight.text", ConfigType::integer, "10", "hg match: weight of description relevance (BM25)"},
    {"match.weight.seniority", ConfigType::integer, "10", "hg match: weight of seniority vs years"},
    {"match.weight.location", ConfigType::integer, "10", "hg match: weight of distance and remote fit"},
    {"match.weight.salary", ConfigType::integer, "5", "hg match: weight of salary overlap"},
    {"match.weight.visa", ConfigType::integer, "5", "hg match: weight of visa sponsorship fit"},
    {"match.weight.recency", ConfigType::integer, "5", "hg match: weight of posting age"},
    {"match.limit", ConfigType::integer, "20", "Results `hg match` shows"},
    {"match.per_company", ConfigType::integer, "3", "hg match: at most this many jobs per company (0: no cap)"},
    {"match.gap_threshold", ConfigType::integer, "70", "hg match --gaps: score (in %) a match must reach"},
    {"salary.reporting_currency", ConfigType::text, "USD",
     "ISO 4217 code salaries are converted to for comparing and reporting"},
    {"salary.rates_file", ConfigType::text, "",
     "TSV of exchange rates (date, currency, per_eur) over the built-in ECB ones"},
    {"skills.extra_file", ConfigType::text, "",
     "TSV of your own skills and aliases for `hg skills` (name, category, aliases, implies)"},
    {"track.time_zone", ConfigType::text, "",
     "IANA time zone for times typed without one (default: TZ, then the system's)"},
    {"track.ghost_days", ConfigType::integer, "30",
     "Days without an answer after which `hg track due` marks an application ghosted"},
    {"track.follow_up_days", ConfigType::integer, "7",
     "Days after applying without an answer before `hg track due` suggests a follow-up"},
    {"letter.template", ConfigType::text, "cover_letter",
     "Cover-letter template: a built-in name, a name in the config dir's templates/, or a file"},
    {"letter.paper", ConfigType::text, "a4", "Paper size of letter PDFs: a4 or letter"},
    {"letter.font", ConfigType::text, "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
     "TrueType font embedded in letter PDFs"},
    {"llm.base_url", ConfigType::text, "",
     "OpenAI-compatible API for --llm letters, e.g. http://127.0.0.1:8080/v1 (HG_LLM_BASE_URL)"},
    {"llm.model", ConfigType::text, "", "Model name for --llm letters (HG_LLM_MODEL)"},
    {"llm.api_key", ConfigType::text, "",
     "API key for the LLM endpoint (HG_LLM_API_KEY wins); never printed"},
    {"llm.timeout", ConfigType::integer, "60", "Seconds one LLM request may take"},
    {"llm.retries", ConfigType::integer, "2", "Extra LLM attempts after a timeout, 429 or 5xx"},
    {"scrape.parallel", ConfigType::integer, "8", "Requests `hg scrape` runs at once"},
    {"scrape.per_host", ConfigType::integer, "2", "Requests at once to one host"},
    {"scrape.host_delay_ms", ConfigType::integer, "250",
     "Milliseconds between two requests to one host"},
    {"scrape.timeout", ConfigType::integer, "30", "Seconds one request may take"},
    {"scrape.retries", ConfigType::integer, "3", "Extra attempts after a timeout, 429 or 5xx"},
    {"scrape.max_mb", ConfigType::integer, "32", "Largest answer read, in MB"},
    {"adzuna.app_id", ConfigType::text, "", "Adzuna API app id (HG_ADZUNA_APP_ID wins); never printed"},
    {"adzuna.app_key", ConfigType::text, "", "Adzuna API key (HG_ADZUNA_APP_KEY wins); never printed"},
    {"jsearch.api_key", ConfigType::text, "", "JSearch (RapidAPI) key (HG_JSEARCH_API_KEY wins); never printed"},
    {"usajobs.api_key", ConfigType::text, "", "USAJobs Authorization-Key (HG_USAJOBS_API_KEY wins); never printed"},
    {"adzuna.base_url", ConfigType::text, "", "Base URL of adzuna sources added without --base-url (HG_ADZUNA_BASE_URL)"},
    {"arbeitnow.base_url", ConfigType::text, "", "Base URL of arbeitnow sources added without --base-url (HG_ARBEITNOW_BASE_URL)"},
    {"ashby.base_url", ConfigType::text, "", "Base URL of ashby sources added without --base-url (HG_ASHBY_BASE_URL)"},
    {"greenhouse.base_url", ConfigType::text, "", "Base URL of greenhouse sources added without --base-url (HG_GREENHOUSE_BASE_URL)"},
    {"hackernews.base_url", ConfigType::text, "", "Base URL of hackernews sources added without --base-url (HG_HACKERNEWS_BASE_URL)"},
    {"himalayas.base_url", ConfigType::text, "", "Base URL of himalayas sources added without --base-url (HG_HIMALAYAS_BASE_URL)"},
    {"jobicy.base_url", ConfigType::text, "", "Base URL of jobicy sources added without --base-url (HG_JOBICY_BASE_URL)"},
    {"jsearch.base_url", ConfigType::text, "", "Base URL of jsearch sources added without --base-url (HG_JSEARCH_BASE_URL)"},
    {"jsonld.base_url", ConfigType::text, "", "Base URL of jsonld sources added without --base-url (HG_JSONLD_BASE_URL)"},
    {"lever.base_url", ConfigType::text, "", "Base URL of lever sources added without --base-url (HG_LEVER_BASE_URL)"},
    {"recruitee.base_url", ConfigType::text, "", "Base URL of recruitee sources added without --base-url (HG_RECRUITEE_BASE_URL)"},
    {"remoteok.base_url", ConfigType::text, "", "Base URL of remoteok sources added without --base-url (HG_REMOTEOK_BASE_URL)"},
    {"remotive.base_url", ConfigType::text, "", "Base URL of remotive sources added without --base-url (HG_REMOTIVE_BASE_URL)"},
    {"rss.base_url", ConfigType::text, "", "Base URL of rss sources added without --base-url (HG_RSS_BASE_URL)"},
    {"smartrecruiters.base_url", ConfigType::text, "", "Base URL of smartrecruiters sources added without --base-url (HG_SMARTRECRUITERS_BASE_URL)"},
    {"themuse.base_url", ConfigType::text, "", "Base URL of themuse sources added without --base-url (HG_THEMUSE_BASE_URL)"},
    {"usajobs.base_url", ConfigType::text, "", "Base URL of usajobs sources added without --base-url (HG_USAJOBS_BASE_URL)"},
    {"workable.base_url", ConfigType::text, "", "Base URL of workable sources added without --base-url (HG_WORKABLE_BASE_URL)"},
    {"dedup.score", ConfigType::number, "0.8",
     "Weighted score (title, company, text, place, date) at which two postings merge"},
    {"dedup.title", ConfigType::number, "0.8",
     "Title word similarity two postings need, unless their text is the same"},
    {"dedup.company", ConfigType::number, "0.85", "Company name similarity two postings need"},
    {"dedup.description", ConfigType::number, "0.3",
     "Share of the shorter description that must be in the longer"},
    {"dedup.window_days", ConfigType::integer, "90",
     "Postings further apart are a re-opened requisition, not a duplicate"},
    {"dedup.distance_km", ConfigType::integer, "50",
     "A place named without a city this far from a posting's city is elsewhere"},
    {"usajobs.user_agent_email", ConfigType::text, "",
     "The e-mail USAJobs asks for in User-Agent (HG_USAJOBS_USER_AGENT_EMAIL wins)"},
};

std::string expand_home(const std::string& path) {
  if (!path.starts_with("~/")) return path;
  const char* home = std::getenv("HOME");
  return std::string(home == nullptr ? "" : home) + path.substr(1);
}

Result<std::string> read_value(const toml::node& node, const ConfigKey& key) {
  switch (key.type) {
    case ConfigType::text:
      if (auto text = node.value<std::string>()) return *text;
      break;
    case ConfigType::integer:
      if (auto number = node.value<std::int64_t>()) return std::to_string(*number);
      break;
    case ConfigType::number:
      if (auto number = node.value<double>()) return fmt::format("{}", *number);
      break;
    case ConfigType::boolean:
      if (auto flag = node.value<bool>()) return std::string(*flag ? "true" : "false");
      break;
  }
  const auto& where = node.source().begin;
  return fail(Errc::invalid_input, "line {}: {} has the wrong type (expected {})", where.line,
              key.name,
              key.type == ConfigType::text      ? "a string"
              : key.type == ConfigType::integer ? "an integer"
              : key.type == ConfigType::number  ? "a number"
                                                : "true or false");
}

Result<toml::table> parse_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (text.str().size() > 1024 * 1024) {
    return fail(Errc::invalid_input, "{}: config file over 1 MiB", path.string());
  }
  // Debian's toml++ is built with exceptions: a syntax error throws toml::parse_error.
  try {
    return toml::parse(text.str(), path.string());
  } catch (const toml::parse_error& error) {
    return fail(Errc::invalid_input, "{}:{}:{}: {}", path.string(), error.source().begin.line,
                error.source().begin.column, error.description());
  }
}

// The dotted names of the values in `table` ("import.source"), tables walked into.
void leaf_keys(const toml::table& table, const std::string& prefix, std::vector<std::string>& out) {
  for (const auto& [key, node] : table) {
    const std::string name = prefix + std::string(key.str());
    if (const toml::table* inner = node.as_table()) {
      leaf_keys(*inner, name + ".", out);
    } else {
      out.push_back(name);
    }
  }
}

}  // namespace

std::span<const ConfigKey> config_keys() { return kKeys; }

const ConfigKey* find_config_key(std::string_view name) {
  for (const ConfigKey& key : kKeys) {
    if (key.name == name) return &key;
  }
  return nullptr;
}

bool is_secret_key(std::string_view name) {
  return name.ends_with("api_key") || name.ends_with("app_key") || name.ends_with("app_id");
}

std::optional<std::string> Config::get(std::string_view key) const {
  if (auto it = values.find(std::string(key)); it != values.end()) return it->second;
  if (const ConfigKey* known = find_config_key(key); known && !known->default_value.empty()) {
    return std::string(known->default_value);
  }
  return std::nullopt;
}

std::optional<std::string> Config::get_path(std::string_view key) const {
  auto value = get(key);
  if (value) *value = expand_home(*value);
  return value;
}

Result<Config> load_config(const std::filesystem::path& path, bool must_exist) {
  Config config;
  config.path = path;
  std::error_code ec;
  config.exists = std::filesystem::is_regular_file(path, ec);
  if (!config.exists) {
    if (must_exist) return fail(Errc::not_found, "{}: no such config file", path.string());
    return config;
  }
  auto table = parse_file(path);
  if (!table) return table.error();
  for (const ConfigKey& key : kKeys) {
    const toml::node* node = table->at_path(key.name).node();
    if (node == nullptr) continue;
    auto value = read_value(*node, key);
    if (!value) return context(value.error(), path.string());
    config.values.emplace(std::string(key.name), *value);
  }
  std::vector<std::string> present;
  leaf_keys(*table, "", present);
  for (std::string& name : present) {
    if (find_config_key(name) == nullptr) config.unknown_keys.push_back(std::move(name));
  }
  if (auto store = config.values.find("store.path"); store != config.values.end()) {
    config.store_path = expand_home(store->second);
  }
  return config;
}

Result<void> set_config(const std::filesystem::path& path, std::string_view name,
                        std::string_view value) {
  const ConfigKey* key = find_config_key(name);
  if (key == nullptr) {
    Error error = fail(Errc::invalid_argument, "config: unknown key \"{}\"", name);
    error.hint = "`hg config list` shows the keys";
    return error;
  }
  std::error_code ec;
  toml::table table;
  if (std::filesystem::is_regular_file(path, ec)) {
    auto parsed = parse_file(path);
    if (!parsed) return parsed.error();
    table = std::move(*parsed);
  }
  const auto dot = name.find('.');
  const std::string section(name.substr(0, dot));
  const std::string leaf(name.substr(dot + 1));
  if (!table.contains(section)) table.insert(section, toml::table{});
  toml::table* target = table[section].as_table();
  if (target == nullptr) {
    return fail(Errc::invalid_input, "{}: {} is not a table", path.string(), section);
  }
  switch (key->type) {
    case ConfigType::text: target->insert_or_assign(leaf, std::string(value)); break;
    case ConfigType::integer: {
      auto number = util::parse_int(value);
      if (!number) return fail(Errc::invalid_argument, "config: {} needs an integer, got \"{}\"", name, value);
      target->insert_or_assign(leaf, *number);
      break;
    }
    case ConfigType::number: {
      auto number = util::parse_double(value);
      if (!number) return fail(Errc::invalid_argument, "config: {} needs a number, got \"{}\"", name, value);
      target->insert_or_assign(leaf, *number);
      break;
    }
    case ConfigType::boolean:
      if (value != "true" && value != "false") {
        return fail(Errc::invalid_argument, "config: {} needs true or false, got \"{}\"", name, value);
      }
      target->insert_or_assign(leaf, value == "true");
      break;
  }
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  // Write a sibling file and rename it over the old one: a crash never leaves half a config.
  const std::filesystem::path temp = path.string() + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << table << "\n";
    if (!out) return fail(Errc::failed, "{}: cannot write", temp.string());
  }
  std::filesystem::rename(temp, path, ec);
  if (ec) return fail(Errc::failed, "{}: cannot write: {}", path.string(), ec.message());
  return {};
}

}  // namespace hg::cli
