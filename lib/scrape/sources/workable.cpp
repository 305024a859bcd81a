// Workable public widget API (apply.workable.com): an account's whole list in one response.
// Endpoints, field map and quirks: shared/data/sources/README.md §4a.
#include <nlohmann/json.hpp>

#include "scrape/adapters.hpp"
#include "scrape/map.hpp"

namespace hg::scrape {
namespace {

constexpr std::string_view kKind = "workable";

bool is_true(const nlohmann::json& object, std::string_view key) {
  auto it = object.find(key);
  return it != object.end() && it->is_boolean() && it->get<bool>();
}

// Workable states places only in parts: the visible locations[] entries, joined with "; ", else the
// job's own city/state/country. The first place gives city, region and country.
void read_places(const nlohmann::json& record, model::Job& job) {
  std::string text;
  bool first = true;
  if (auto locations = record.find("locations");
      locations != record.end() && locations->is_array()) {
    for (const nlohmann::json& place : *locations) {
      if (!place.is_object() || is_true(place, "hidden")) continue;
      const std::string line =
          join_place({text_at(place, "city"), text_at(place, "region"), text_at(place, "country")});
      if (line.empty()) continue;
      if (first) {
        job.city = text_at(place, "city");
        job.region = text_at(place, "region");
        job.country = country_code(text_at(place, "countryCode"));
        first = false;
      }
      text += (text.empty() ? "" : "; ") + line;
    }
  }
  if (text.empty()) {
    job.city = text_at(record, "city");
    job.region = text_at(record, "state");
    text = join_place({job.city, job.region, text_at(record, "country")});
  }
  job.location = std::move(text);
}

Result<model::Job> map_job(const Context& context, const nlohmann::json& record,
                           const std::string& company, std::size_t index) {
  if (!record.is_object()) {
    return fail(Errc::invalid_input, "workable: record {}: not an object", index + 1);
  }
  const std::string id = text_at(record, "shortcode");
  if (id.empty()) return fail(Errc::invalid_input, "workable: record {}: no shortcode", index + 1);
  std::string title = text_at(record, "title");
  if (title.empty()) return fail(Errc::invalid_input, "workable: job {}: no title", id);

  model::Job job = new_job(context, id, record);
  job.title = std::move(title);
  job.company = company;
  job.url = text_at(record, "url");
  if (job.url.empty()) job.url = text_at(record, "application_url");
  read_places(record, job);
  // telecommuting false may still be hybrid, so only true is a statement.
  if (is_true(record, "telecommuting")) job.remote = "remote";
  job.employment_type = employment_type_of(text_at(record, "employment_type"));  // "Full-time"
  Described described = describe(text_at(record, "description"));  // with details=true
  job.description = std::move(described.text);
  job.description_html = std::move(described.html);
  if (auto published = record.find("published_on"); published != record.end()) {
    job.date_posted = date_of(*published, context.fetched_at);  // a date, no time
  }
  return job;
}

class Workable final : public Adapter {
 public:
  std::string_view kind() const override { return kKind; }
  std::string_view default_base_url() const override { return "https://apply.workable.com"; }
  std::string_view usage() const override {
    return "workable ACCOUNT: a Workable careers page (apply.workable.com)";
  }

  Result<net::Request> first_request(const Context& context) const override {
    if (context.spec.target.empty()) {
      return fail(Errc::invalid_argument, "workable: no account subdomain (workable ACCOUNT)");
    }
    // details=true adds each job's description; the widget endpoint has no pages.
    return net::Request{
        .url =
            url_with(context.base_url, "/api/v1/widget/accounts/" + url_encode(context.spec.target),
                     {{"details", "true"}}),
        .headers = {{"Accept", "application/json"}}};
  }

  Result<Page> parse(const Context& context, const net::Request&,
                     std::string_view body) const override {
    auto json = parse_json(body, kKind);
    if (!json) return json.error();
    auto jobs = json->find("jobs");  // end() for a non-object too
    if (jobs == json->end() || !jobs->is_array()) {
      return fail(Errc::invalid_input, "workable: expected {{\"name\": ..., \"jobs\": [...]}}");
    }
    std::string company = text_at(*json, "name");
    if (company.empty()) company = context.spec.target;
    Page page;
    for (std::size_t i = 0; i < jobs->size(); ++i) {
      add_record(page, map_job(context, (*jobs)[i], company, i));
    }
    return page;
  }
};

}  // namespace

const Adapter& workable_adapter() {
  static const Workable adapter;
  return adapter;
}

}  // namespace hg::scrape
