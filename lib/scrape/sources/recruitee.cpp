// Recruitee careers API ({company}.recruitee.com/api/offers/): a company's whole list in one
// response. Endpoint, field map and quirks: shared/data/sources/README.md §4c.
#include <nlohmann/json.hpp>

#include "normalize/fields.hpp"
#include "scrape/adapters.hpp"
#include "scrape/map.hpp"

namespace hg::scrape {
namespace {

constexpr std::string_view kKind = "recruitee";
constexpr std::string_view kCompanySlot = "{company}";

bool is_true(const nlohmann::json& object, std::string_view key) {
  auto it = object.find(key);
  return it != object.end() && it->is_boolean() && it->get<bool>();
}

// employment_type_code: "fulltime", "parttime", "contract", "internship", "freelance" ..., and
// compound codes such as "fulltime_fixed_term" that name the hours first.
std::string employment_of(std::string_view code) {
  if (code.starts_with("fulltime")) return "full_time";
  if (code.starts_with("parttime")) return "part_time";
  return employment_type_of(code);
}

// Three booleans; at most one is meant to be true.
std::string remote_of(const nlohmann::json& record) {
  if (is_true(record, "remote")) return "remote";
  if (is_true(record, "hybrid")) return "hybrid";
  if (is_true(record, "on_site")) return "onsite";
  return {};
}

// salary {min, max, period, currency}: numbers as strings ("52000"), or all null.
void read_salary(const nlohmann::json& record, model::Job& job) {
  auto salary = record.find("salary");
  if (salary == record.end() || !salary->is_object()) return;
  job.salary_min = number_at(*salary, "min");
  job.salary_max = number_at(*salary, "max");
  if (!job.salary_min && !job.salary_max) return;
  job.salary_currency = text_at(*salary, "currency");
  job.salary_period = normalize::salary_period(text_at(*salary, "period"));
}

Result<model::Job> map_job(const Context& context, const nlohmann::json& record,
                           std::size_t index) {
  if (!record.is_object()) {
    return fail(Errc::invalid_input, "recruitee: record {}: not an object", index + 1);
  }
  const std::string id = text_at(record, "id");
  if (id.empty()) return fail(Errc::invalid_input, "recruitee: record {}: no id", index + 1);
  std::string title = text_at(record, "title");
  if (title.empty()) return fail(Errc::invalid_input, "recruitee: job {}: no title", id);

  model::Job job = new_job(context, id, record);
  job.title = std::move(title);
  job.company = text_at(record, "company_name");
  if (job.company.empty()) job.company = context.spec.target;
  job.url = text_at(record, "careers_url");
  if (job.url.empty()) job.url = text_at(record, "careers_apply_url");
  job.location = text_at(record, "location");  // display text, e.g. "Remote job"
  job.city = text_at(record, "city");
  job.region = text_at(record, "state_name");
  job.country = country_code(text_at(record, "country_code"));
  job.remote = remote_of(record);
  job.employment_type = employment_of(text_at(record, "employment_type_code"));
  read_salary(record, job);
  // The posting page shows the requirements under the description.
  Described described = describe(text_at(record, "description") + text_at(record, "requirements"));
  job.description = std::move(described.text);
  job.description_html = std::move(described.html);
  if (auto published = record.find("published_at"); published != record.end()) {
    job.date_posted = date_of(*published, context.fetched_at);  // "2023-07-25 17:53:46 UTC"
  }
  if (auto close = record.find("close_at"); close != record.end()) {
    job.valid_through = date_of(*close, context.fetched_at);
  }
  return job;
}

class Recruitee final : public Adapter {
 public:
  std::string_view kind() const override { return kKind; }
  std::string_view default_base_url() const override { return "https://{company}.recruitee.com"; }
  std::string_view usage() const override {
    return "recruitee COMPANY: a Recruitee careers site (COMPANY.recruitee.com)";
  }

  Result<net::Request> first_request(const Context& context) const override {
    if (context.spec.target.empty()) {
      return fail(Errc::invalid_argument, "recruitee: no company subdomain (recruitee COMPANY)");
    }
    // The default host is per company; an override (a custom careers domain, a test server) is used
    // as it is.
    std::string base = context.base_url;
    if (const std::size_t slot = base.find(kCompanySlot); slot != std::string::npos) {
      base.replace(slot, kCompanySlot.size(), url_encode(context.spec.target));
    }
    return net::Request{.url = url_with(base, "/api/offers/"),
                        .headers = {{"Accept", "application/json"}}};
  }

  Result<Page> parse(const Context& context, const net::Request&,
                     std::string_view body) const override {
    auto json = parse_json(body, kKind);
    if (!json) return json.error();
    auto offers = json->find("offers");  // end() for a non-object too
    if (offers == json->end() || !offers->is_array()) {
      return fail(Errc::invalid_input, "recruitee: expected {{\"offers\": [...]}}");
    }
    Page page;
    for (std::size_t i = 0; i < offers->size(); ++i) {
      add_record(page, map_job(context, (*offers)[i], i));
    }
    return page;
  }
};

}  // namespace

const Adapter& recruitee_adapter() {
  static const Recruitee adapter;
  return adapter;
}

}  // namespace hg::scrape
