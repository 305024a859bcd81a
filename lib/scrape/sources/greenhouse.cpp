// Greenhouse Job Board API (boards-api.greenhouse.io): a board's whole list in one response.
// Endpoints, field map and quirks: shared/data/sources/README.md §1.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "normalize/fields.hpp"
#include "scrape/adapters.hpp"
#include "scrape/map.hpp"
#include "util/strings.hpp"

namespace hg::scrape {
namespace {

constexpr std::string_view kKind = "greenhouse";

// A metadata[] custom field's value as text: a string, or the first string of an array.
std::string metadata_value(const nlohmann::json& field) {
  auto value = field.find("value");
  if (value == field.end()) return {};
  if (value->is_string()) return std::string(util::trim(value->get<std::string>()));
  if (value->is_array()) {
    for (const nlohmann::json& item : *value) {
      if (item.is_string()) return std::string(util::trim(item.get<std::string>()));
    }
  }
  return {};
}

// Greenhouse has no employment or workplace field of its own: boards add custom fields ("Employment
// Type", "Location Type", "Workplace Type"). Only names that say so are read.
void read_metadata(const nlohmann::json& record, model::Job& job) {
  auto metadata = record.find("metadata");
  if (metadata == record.end() || !metadata->is_array()) return;
  for (const nlohmann::json& field : *metadata) {
    if (!field.is_object()) continue;
    const std::string name = util::to_lower(text_at(field, "name"));
    const std::string value = metadata_value(field);
    if (value.empty()) continue;
    if (job.employment_type.empty() && (name.find("employment") != std::string::npos ||
                                        name.find("job type") != std::string::npos)) {
      job.employment_type = employment_type_of(value);
    } else if (job.remote.empty() && (name.find("location type") != std::string::npos ||
                                      name.find("workplace") != std::string::npos ||
                                      name.find("remote") != std::string::npos)) {
      job.remote = normalize::remote_mode(value);
    }
  }
}

// pay_input_ranges come only from /jobs/{id}?pay_transparency=true, in cents. A board may list one
// range per location or level: the job gets the span of the ranges in the first range's currency.
// Greenhouse does not say the period.
void read_pay(const nlohmann::json& record, model::Job& job) {
  auto ranges = record.find("pay_input_ranges");
  if (ranges == record.end() || !ranges->is_array()) return;
  for (const nlohmann::json& range : *ranges) {
    const std::string currency = text_at(range, "currency_type");
    const auto min_cents = number_at(range, "min_cents");
    const auto max_cents = number_at(range, "max_cents");
    if (currency.empty() || (!min_cents && !max_cents)) continue;
    if (job.salary_currency.empty()) job.salary_currency = currency;
    if (currency != job.salary_currency) continue;
    if (min_cents) {
      job.salary_min = std::min(job.salary_min.value_or(*min_cents / 100), *min_cents / 100);
    }
    if (max_cents) {
      job.salary_max = std::max(job.salary_max.value_or(*max_cents / 100), *max_cents / 100);
    }
  }
}

Result<model::Job> map_job(const Context& context, const nlohmann::json& record,
                           std::size_t index) {
  if (!record.is_object()) {
    return fail(Errc::invalid_input, "greenhouse: record {}: not an object", index + 1);
  }
  const std::string id = text_at(record, "id");
  if (id.empty()) return fail(Errc::invalid_input, "greenhouse: record {}: no id", index + 1);
  std::string title = text_at(record, "title");
  if (title.empty()) return fail(Errc::invalid_input, "greenhouse: job {}: no title", id);

  model::Job job = new_job(context, id, record);
  job.title = std::move(title);
  job.company = text_at(record, "company_name");
  if (job.company.empty()) job.company = context.spec.target;
  job.url = text_at(record, "absolute_url");
  if (auto location = record.find("location"); location != record.end()) {
    job.location = text_at(*location, "name");
  }
  read_metadata(record, job);
  read_pay(record, job);
  // `content` is entity-escaped HTML ("&lt;p&gt;"); describe() unescapes it once.
  Described described = describe(text_at(record, "content"));
  job.description = std::move(described.text);
  job.description_html = std::move(described.html);
  // first_published is on newer boards only; updated_at is all the older list gives.
  auto posted = record.find("first_published");
  if (posted == record.end() || posted->is_null()) posted = record.find("updated_at");
  if (posted != record.end()) job.date_posted = date_of(*posted, context.fetched_at);
  if (auto deadline = record.find("application_deadline"); deadline != record.end()) {
    job.valid_through = date_of(*deadline, context.fetched_at);
  }
  return job;
}

class Greenhouse final : public Adapter {
 public:
  std::string_view kind() const override { return kKind; }
  std::string_view default_base_url() const override { return "https://boards-api.greenhouse.io"; }
  std::string_view usage() const override {
    return "greenhouse BOARD: a Greenhouse job board (boards-api.greenhouse.io)";
  }

  Result<net::Request> first_request(const Context& context) const override {
    if (context.spec.target.empty()) {
      return fail(Errc::invalid_argument, "greenhouse: no board token (greenhouse BOARD)");
    }
    // content=true brings each description in the list, so one request covers the board.
    return net::Request{
        .url = url_with(context.base_url, "/v1/boards/" + url_encode(context.spec.target) + "/jobs",
                        {{"content", "true"}}),
        .headers = {{"Accept", "application/json"}}};
  }

  Result<Page> parse(const Context& context, const net::Request&,
                     std::string_view body) const override {
    auto json = parse_json(body, kKind);
    if (!json) return json.error();
    if (!json->is_object()) return fail(Errc::invalid_input, "greenhouse: expected a JSON object");
    Page page;
    if (auto jobs = json->find("jobs"); jobs != json->end()) {
      if (!jobs->is_array()) {
        return fail(Errc::invalid_input, "greenhouse: \"jobs\" is not an array");
      }
      for (std::size_t i = 0; i < jobs->size(); ++i) {
        add_record(page, map_job(context, (*jobs)[i], i));
      }
      return page;
    }
    if (json->contains("id")) {
      // One job from /jobs/{id}: the only answer that carries pay ranges. Not the whole board.
      add_record(page, map_job(context, *json, 0));
      page.complete = false;
      return page;
    }
    return fail(Errc::invalid_input, "greenhouse: expected {{\"jobs\": [...]}} or a job object");
  }
};

}  // namespace

const Adapter& greenhouse_adapter() {
  static const Greenhouse adapter;
  return adapter;
}

}  // namespace hg::scrape
