#include "ingest/map_job.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "normalize/fields.hpp"
#include "normalize/url.hpp"
#include "util/strings.hpp"

namespace hg::ingest {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxShortField = 2000;          // titles, names, places
constexpr std::size_t kMaxDescription = 1024 * 1024;  // one description

// Built-in names for each hg field, tried in order after any --map entry.
struct Aliases {
  std::string_view field;
  std::vector<std::string_view> keys;
};
const std::vector<Aliases>& aliases() {
  static const std::vector<Aliases> table = {
      {"external_id", {"external_id", "externalId", "job_id", "jobId", "requisition_id",
                       "identifier", "id"}},
      {"source", {"source", "board", "site"}},
      {"title", {"title", "job_title", "jobTitle", "position", "role"}},
      {"company", {"company", "company_name", "companyName", "hiringOrganization", "employer",
                   "organization"}},
      {"location", {"location", "jobLocation", "job_location", "candidate_required_location",
                    "locations"}},
      {"description", {"description", "job_description", "descriptionText", "content", "body",
                       "text"}},
      {"description_html", {"description_html", "descriptionHtml"}},
      {"url", {"url", "apply_url", "applyUrl", "job_url", "absolute_url", "hostedUrl", "link"}},
      {"date_posted", {"date_posted", "datePosted", "posted_at", "postedAt", "posted_date",
                       "published_at", "publication_date", "created_at", "date"}},
      {"valid_through", {"valid_through", "validThrough", "expires_at"}},
      {"salary_text", {"salary_text", "salary", "salary_raw", "compensation", "baseSalary"}},
      {"salary_min", {"salary_min", "salaryMin", "min_salary", "minSalary"}},
      {"salary_max", {"salary_max", "salaryMax", "max_salary", "maxSalary"}},
      {"salary_currency", {"salary_currency", "salaryCurrency", "currency"}},
      {"salary_period", {"salary_period", "salaryPeriod", "pay_period", "period"}},
      {"employment_type", {"employment_type", "employmentType", "job_type", "jobType", "type"}},
      {"remote", {"remote", "remote_mode", "workplace_type", "workplaceType", "jobLocationType"}},
      {"seniority", {"seniority", "seniority_level", "experience_level", "experienceLevel"}},
      {"city", {"city", "addressLocality"}},
      {"region", {"region", "state", "addressRegion"}},
      {"country", {"country", "country_code", "addressCountry"}},
      {"latitude", {"latitude", "lat"}},
      {"longitude", {"longitude", "lon", "lng"}},
      {"visa_sponsorship", {"visa_sponsorship", "visaSponsorship", "sponsorship"}},
      {"visa_evidence", {"visa_evidence"}},
      {"canonical_url", {"canonical_url"}},
      {"first_seen", {"first_seen"}},
      {"last_seen", {"last_seen"}},
      {"closed_at", {"closed_at"}},
      {"fingerprint", {"fingerprint"}},
      {"title_family", {"title_family"}},
      {"remote_regions", {"remote_regions"}},
      {"salary_reporting", {"salary_reporting"}},
      {"reporting_currency", {"reporting_currency"}},
      {"skills", {"skills"}},
  };
  return table;
}

const Aliases& aliases_of(std::string_view field) {
  for (const Aliases& entry : aliases()) {
    if (entry.field == field) return entry;
  }
  assert(false && "unknown hg field");
  return aliases().front();
}

class RecordView {
 public:
  RecordView(const json& record, const MapOptions& options) : record_(record), options_(options) {}

  // The record's value for an hg field, or nullptr. The first of the field's names that the
  // record has decides, even when its value is null or blank: hg's own export writes
  // "external_id": null next to its "id", which must not stand in for it.
  const json* find(std::string_view field) const {
    if (auto mapped = options_.columns.find(std::string(field)); mapped != options_.columns.end()) {
      return value_of(record_.find(mapped->second));
    }
    for (std::string_view key : aliases_of(field).keys) {
      auto it = record_.find(key);
      if (it != record_.end()) return value_of(it);
    }
    return nullptr;
  }

 private:
  const json* value_of(json::const_iterator it) const {
    if (it == record_.end() || it->is_null()) return nullptr;
    if (it->is_string() && util::trim(it->get_ref<const std::string&>()).empty()) return nullptr;
    return &*it;
  }
  const json& record_;
  const MapOptions& options_;
};

// A scalar as text: strings trimmed, numbers printed, booleans "true"/"false".
Result<std::string> scalar_text(const json& value, std::string_view field, std::size_t limit) {
  std::string text;
  if (value.is_string()) text = std::string(util::trim(value.get_ref<const std::string&>()));
  else if (value.is_number_integer()) text = std::to_string(value.get<std::int64_t>());
  else if (value.is_number()) text = fmt::format("{}", value.get<double>());
  else if (value.is_boolean()) text = value.get<bool>() ? "true" : "false";
  else return fail(Errc::invalid_input, "{}: expected text, got a JSON {}", field, value.type_name());
  if (text.size() > limit) {
    return fail(Errc::invalid_input, "{}: longer than {} bytes", field, limit);
  }
  return text;
}

Result<std::string> text_field(const RecordView& view, std::string_view field,
                               std::size_t limit = kMaxShortField) {
  const json* value = view.find(field);
  if (value == nullptr) return std::string();
  return scalar_text(*value, field, limit);
}

// hiringOrganization: "Acme" or {"name": "Acme", "sameAs": ...}.
Result<std::string> organization(const json& value) {
  if (value.is_object()) {
    auto name = value.find("name");
    if (name == value.end() || name->is_null()) return std::string();
    return scalar_text(*name, "company", kMaxShortField);
  }
  return scalar_text(value, "company", kMaxShortField);
}

// jobLocation: text, a schema.org Place ({address: {addressLocality, addressRegion,
// addressCountry}}), or an array of either (joined with "; ").
struct Place {
  std::string text, city, region, country;
};
Result<Place> place(const json& value, int depth = 0) {
  if (value.is_array()) {
    if (depth > 0) return fail(Errc::invalid_input, "location: nested arrays");
    Place joined;
    for (const json& item : value) {
      auto one = place(item, depth + 1);
      if (!one) return one.error();
      if (one->text.empty()) continue;
      if (joined.text.empty()) joined = *one;
      else joined.text += "; " + one->text;
    }
    return joined;
  }
  if (value.is_object()) {
    const json& address = value.contains("address") ? value["address"] : value;
    Place result;
    auto part = [&address](const char* key) -> std::string {
      auto it = address.find(key);
      if (it == address.end()) return {};
      if (it->is_string()) return std::string(util::trim(it->get<std::string>()));
      if (it->is_object() && it->contains("name") && (*it)["name"].is_string()) {
        return (*it)["name"].get<std::string>();
      }
      return {};
    };
    result.city = part("addressLocality");
    result.region = part("addressRegion");
    result.country = part("addressCountry");
    for (const std::string* piece : {&result.city, &result.region, &result.country}) {
      if (piece->empty()) continue;
      if (!result.text.empty()) result.text += ", ";
      result.text += *piece;
    }
    if (result.text.size() > kMaxShortField) {
      return fail(Errc::invalid_input, "location: longer than {} bytes", kMaxShortField);
    }
    return result;
  }
  auto text = scalar_text(value, "location", kMaxShortField);
  if (!text) return text.error();
  return Place{*text, {}, {}, {}};
}

Result<std::optional<double>> number_field(const RecordView& view, std::string_view field) {
  const json* value = view.find(field);
  if (value == nullptr) return std::optional<double>();
  if (value->is_number()) return std::optional<double>(value->get<double>());
  if (value->is_string()) {
    // A plain number first (CSV cells, negative longitudes), then amounts ("$120,000").
    if (auto plain = util::parse_double(value->get_ref<const std::string&>())) {
      return std::optional<double>(*plain);
    }
    if (auto parsed = normalize::amount(value->get_ref<const std::string&>())) {
      return std::optional<double>(*parsed);
    }
  }
  return fail(Errc::invalid_input, "{}: not a number: {}", field,
              value->dump().substr(0, 60));
}

Result<std::string> date_field(const RecordView& view, std::string_view field) {
  const json* value = view.find(field);
  if (value == nullptr) return std::string();
  auto text = scalar_text(*value, field, 64);
  if (!text) return text.error();
  auto parsed = normalize::date(*text);
  if (!parsed) return fail(Errc::invalid_input, "{}: not a date: \"{}\"", field, *text);
  return *parsed;
}

// baseSalary as schema.org MonetaryAmount: {currency, value: {minValue, maxValue, value,
// unitText}}. Fills what the flat fields left empty.
void read_monetary_amount(const json& salary, model::Job& job) {
  if (!salary.is_object()) return;
  if (job.salary_currency.empty() && salary.contains("currency") && salary["currency"].is_string()) {
    job.salary_currency = salary["currency"].get<std::string>();
  }
  const json& value = salary.contains("value") ? salary["value"] : salary;
  auto number = [&value](const char* key) -> std::optional<double> {
    auto it = value.find(key);
    if (it != value.end() && it->is_number()) return it->get<double>();
    if (it != value.end() && it->is_string()) return normalize::amount(it->get<std::string>());
    return std::nullopt;
  };
  if (!job.salary_min) job.salary_min = number("minValue");
  if (!job.salary_max) job.salary_max = number("maxValue");
  if (!job.salary_min && !job.salary_max) {
    if (auto single = number("value")) job.salary_min = job.salary_max = single;
  }
  if (job.salary_period.empty() && value.is_object() && value.contains("unitText") &&
      value["unitText"].is_string()) {
    job.salary_period = normalize::salary_period(value["unitText"].get<std::string>());
  }
}

Result<void> read_salary(const RecordView& view, model::Job& job) {
  auto min = number_field(view, "salary_min");
  if (!min) return min.error();
  auto max = number_field(view, "salary_max");
  if (!max) return max.error();
  job.salary_min = *min;
  job.salary_max = *max;
  auto currency = text_field(view, "salary_currency", 8);
  if (!currency) return currency.error();
  job.salary_currency = *currency;
  std::transform(job.salary_currency.begin(), job.salary_currency.end(),
                 job.salary_currency.begin(), [](char c) { return static_cast<char>(std::toupper(c)); });
  auto period = text_field(view, "salary_period", 64);
  if (!period) return period.error();
  job.salary_period = normalize::salary_period(*period);
  if (const json* salary = view.find("salary_text")) {
    if (salary->is_object()) {
      read_monetary_amount(*salary, job);
    } else {
      auto text = scalar_text(*salary, "salary_text", kMaxShortField);
      if (!text) return text.error();
      job.salary_text = *text;
    }
  }
  if (job.salary_min && job.salary_max && *job.salary_min > *job.salary_max) {
    return fail(Errc::invalid_input, "salary_min: {} is above salary_max {}", *job.salary_min,
                *job.salary_max);
  }
  if (job.salary_min || job.salary_max) {
    const double low = job.salary_min.value_or(*job.salary_max);
    const double high = job.salary_max.value_or(*job.salary_min);
    if (auto yearly = model::annualise((low + high) / 2, job.salary_period)) {
      job.salary_annual = std::round(*yearly);
    }
  }
  return {};
}

Result<void> read_identity(const RecordView& view, const MapOptions& options, model::Job& job) {
  auto source = text_field(view, "source", 200);
  if (!source) return source.error();
  // Source names compare without case: "Indeed" from a file and `--source indeed` agree.
  job.source = util::to_lower(source->empty() ? options.default_source : *source);
  const json* id = view.find("external_id");
  if (id != nullptr && id->is_object() && id->contains("value")) id = &(*id)["value"];
  if (id != nullptr) {
    auto text = scalar_text(*id, "external_id", 500);
    if (!text) return text.error();
    job.external_id = *text;
  }
  auto url = text_field(view, "url", 8192);
  if (!url) return url.error();
  job.url = *url;
  auto canonical = text_field(view, "canonical_url", 8192);
  if (!canonical) return canonical.error();
  job.canonical_url = canonical->empty() ? normalize::canonical_url(job.url) : *canonical;
  return {};
}

Result<void> read_place(const RecordView& view, model::Job& job) {
  if (const json* location = view.find("location")) {
    auto where = place(*location);
    if (!where) return where.error();
    job.location = where->text;
    job.city = where->city;
    job.region = where->region;
    job.country = where->country;
  }
  for (auto [field, target] : {std::pair{"city", &job.city}, std::pair{"region", &job.region},
                               std::pair{"country", &job.country}}) {
    auto text = text_field(view, field);
    if (!text) return text.error();
    if (!text->empty()) *target = *text;
  }
  if (job.country.size() == 2) {
    std::transform(job.country.begin(), job.country.end(), job.country.begin(),
                   [](char c) { return static_cast<char>(std::toupper(c)); });
  }
  auto latitude = number_field(view, "latitude");
  if (!latitude) return latitude.error();
  auto longitude = number_field(view, "longitude");
  if (!longitude) return longitude.error();
  if ((*latitude && std::abs(**latitude) > 90) || (*longitude && std::abs(**longitude) > 180)) {
    return fail(Errc::invalid_input, "latitude: coordinates out of range");
  }
  job.latitude = *latitude;
  job.longitude = *longitude;
  auto remote = text_field(view, "remote", 200);
  if (!remote) return remote.error();
  job.remote = normalize::remote_mode(*remote);
  return {};
}

Result<void> read_text(const RecordView& view, model::Job& job) {
  auto title = text_field(view, "title");
  if (!title) return title.error();
  if (title->empty()) return fail(Errc::invalid_input, "title: missing");
  job.title = util::collapse_space(*title);
  const json* company = view.find("company");
  if (company == nullptr) return fail(Errc::invalid_input, "company: missing");
  auto name = organization(*company);
  if (!name) return name.error();
  if (name->empty()) return fail(Errc::invalid_input, "company: missing");
  job.company = util::collapse_space(*name);

  auto description = text_field(view, "description", kMaxDescription);
  if (!description) return description.error();
  auto html = text_field(view, "description_html", kMaxDescription);
  if (!html) return html.error();
  normalize::Description plain = normalize::description(*description);
  job.description = plain.text;
  job.description_html = html->empty() ? plain.html : *html;
  if (job.description.empty() && !job.description_html.empty()) {
    job.description = normalize::description(job.description_html).text;
  }
  for (auto [field, target] :
       {std::pair{"seniority", &job.seniority}, std::pair{"visa_evidence", &job.visa_evidence},
        std::pair{"fingerprint", &job.fingerprint}}) {
    auto value = text_field(view, field);
    if (!value) return value.error();
    *target = *value;
  }
  auto type = text_field(view, "employment_type", 200);
  if (!type) return type.error();
  job.employment_type = normalize::employment_type(*type);
  if (const json* visa = view.find("visa_sponsorship")) {
    auto text = scalar_text(*visa, "visa_sponsorship", 20);
    if (!text) return text.error();
    const std::string lower = util::to_lower(*text);
    if (lower == "true" || lower == "yes" || lower == "1") job.visa_sponsorship = true;
    else if (lower == "false" || lower == "no" || lower == "0") job.visa_sponsorship = false;
    else return fail(Errc::invalid_input, "visa_sponsorship: expected true or false, got \"{}\"", *text);
  }
  return {};
}

Result<void> read_dates(const RecordView& view, model::Job& job) {
  for (auto [field, target] :
       {std::pair{"date_posted", &job.date_posted}, std::pair{"valid_through", &job.valid_through},
        std::pair{"first_seen", &job.first_seen}, std::pair{"last_seen", &job.last_seen},
        std::pair{"closed_at", &job.closed_at}}) {
    auto value = date_field(view, field);
    if (!value) return value.error();
    *target = *value;
  }
  return {};
}

void read_derived_regions(const json& regions, model::Job& job) {
  for (const json& region : regions) {
    if (region.is_string() && job.remote_regions.size() < 32) {
      job.remote_regions.push_back(region.get<std::string>());
    }
  }
}

// The facts hg derives itself (title family, remote regions, reporting salary, skills), when
// the record already carries them: hg's own export read back, or a curated file. Anything
// else (LinkedIn's "A/B/C" skill labels, say) is ignored and the facts are derived anew.
Result<void> read_derived(const RecordView& view, model::Job& job) {
  auto family = text_field(view, "title_family", 200);
  if (!family) return family.error();
  job.title_family = *family;
  if (const json* regions = view.find("remote_regions")) {
    if (regions->is_array()) {
      read_derived_regions(*regions, job);
    } else if (regions->is_string()) {  // CSV: the JSON array as text, or "US|EU"
      const std::string& text = regions->get_ref<const std::string&>();
      json parsed = json::parse(text, nullptr, false);
      if (parsed.is_array()) {
        read_derived_regions(parsed, job);
      } else {
        for (std::string& region : util::split(text, '|')) {
          if (!util::trim(region).empty()) job.remote_regions.emplace_back(util::trim(region));
        }
      }
    }
  }
  auto reporting = number_field(view, "salary_reporting");
  if (!reporting) return reporting.error();
  job.salary_reporting = *reporting;
  auto currency = text_field(view, "reporting_currency", 8);
  if (!currency) return currency.error();
  job.reporting_currency = *currency;
  if (const json* skills = view.find("skills")) {
    json parsed = skills->is_string() ? json::parse(skills->get_ref<const std::string&>(),
                                                    nullptr, false)
                                      : *skills;
    if (parsed.is_array()) {
      for (const json& skill : parsed) {
        if (!skill.is_object() || !skill.contains("name") || !skill["name"].is_string()) continue;
        model::JobSkill found{skill["name"].get<std::string>(), std::nullopt};
        if (skill.contains("required") && skill["required"].is_boolean()) {
          found.required = skill["required"].get<bool>();
        }
        job.skills.push_back(std::move(found));
      }
    }
  }
  return {};
}

}  // namespace

const std::vector<std::string_view>& mappable_fields() {
  static const std::vector<std::string_view> fields = [] {
    std::vector<std::string_view> names;
    for (const Aliases& entry : aliases()) names.push_back(entry.field);
    return names;
  }();
  return fields;
}

Result<void> check_mapping(std::string_view field) {
  const auto& fields = mappable_fields();
  if (std::find(fields.begin(), fields.end(), field) != fields.end()) return {};
  Error error = fail(Errc::invalid_argument, "--map: unknown field \"{}\"", field);
  error.hint = "fields: title, company, location, description, url, date_posted, salary_min ... "
               "(see `hg import --help`)";
  return error;
}

Result<model::Job> map_job(const json& record, const MapOptions& options,
                           std::string_view raw_text) {
  RecordView view(record, options);
  model::Job job;
  for (auto step : {read_text, read_dates, read_place, read_salary, read_derived}) {
    if (auto done = step(view, job); !done) return done.error();
  }
  if (auto done = read_identity(view, options, job); !done) return done.error();
  job.raw = raw_text.empty() ? record.dump() : std::string(raw_text);
  return job;
}

}  // namespace hg::ingest
