// USAJOBS search API (https://developer.usajobs.gov/api-reference/get-api-search): US federal
// jobs, keyed by an Authorization-Key plus the registered e-mail as User-Agent; numbered pages.
#include <nlohmann/json.hpp>

#include "scrape/adapters.hpp"
#include "scrape/map.hpp"
#include "util/strings.hpp"

namespace hg::scrape {
namespace {

constexpr std::string_view kKind = "usajobs";
constexpr int kPerPage = 250;  // the API allows up to 500; 250 keeps answers a few MB

Result<std::string> secret(const Context& context, const std::string& name) {
  auto it = context.spec.secrets.find(name);
  if (it == context.spec.secrets.end() || util::trim(it->second).empty()) {
    return fail(Errc::invalid_argument, "usajobs: missing secret {}", name);
  }
  return std::string(util::trim(it->second));
}

Result<net::Request> page_request(const Context& context, int page) {
  auto key = secret(context, "api_key");
  if (!key) return key.error();
  auto email = secret(context, "user_agent_email");
  if (!email) return email.error();
  net::Request request;
  request.url = url_with(context.base_url, "/api/search",
                         {{"Keyword", param_of(context, "query")},
                          {"LocationName", param_of(context, "location")},
                          {"ResultsPerPage", std::to_string(kPerPage)},
                          {"Page", std::to_string(page)},
                          {"Fields", "Full"}});
  // No Host header: libcurl derives it from the URL, which keeps a base-URL override working.
  request.headers = {{"Accept", "application/json"},
                     {"Authorization-Key", *key},
                     {"User-Agent", *email}};
  return request;
}

// The first element of the array at `key`, or null.
const nlohmann::json& first_of(const nlohmann::json& object, std::string_view key) {
  static const nlohmann::json kNull;
  auto it = object.find(key);
  if (it == object.end() || !it->is_array() || it->empty()) return kNull;
  return it->front();
}

void map_salary(const nlohmann::json& descriptor, model::Job& job) {
  static constexpr std::pair<std::string_view, std::string_view> kPeriods[] = {
      {"PA", "year"}, {"PH", "hour"}, {"PD", "day"}, {"PW", "week"}, {"PM", "month"}};
  const nlohmann::json& pay = first_of(descriptor, "PositionRemuneration");
  const std::string code = text_at(pay, "RateIntervalCode");
  std::string period;
  for (const auto& [rate, name] : kPeriods) {
    if (code == rate) period = std::string(name);
  }
  // Other codes (bi-weekly "BW", "WC" without compensation ...) name no period Job can hold.
  if (period.empty()) return;
  job.salary_min = number_at(pay, "MinimumRange");  // numbers as strings: "85000.0"
  job.salary_max = number_at(pay, "MaximumRange");
  if (!job.salary_min && !job.salary_max) return;
  job.salary_currency = "USD";
  job.salary_period = std::move(period);
}

void map_details(const nlohmann::json& descriptor, model::Job& job) {
  auto area = descriptor.find("UserArea");
  if (area == descriptor.end() || !area->is_object()) return;
  auto details = area->find("Details");
  if (details == area->end() || !details->is_object()) return;
  Described described = describe(text_at(*details, "JobSummary"));
  job.description = std::move(described.text);
  job.description_html = std::move(described.html);
  // RemoteIndicator is the posting's own "remote job" flag; telework eligibility is not remote.
  if (auto remote = details->find("RemoteIndicator");
      remote != details->end() && remote->is_boolean() && remote->get<bool>()) {
    job.remote = "remote";
  }
}

Result<model::Job> map_item(const Context& context, const nlohmann::json& item) {
  const std::string id = text_at(item, "MatchedObjectId");
  if (id.empty()) return fail(Errc::invalid_input, "usajobs: an item without MatchedObjectId");
  auto descriptor = item.find("MatchedObjectDescriptor");
  if (descriptor == item.end() || !descriptor->is_object()) {
    return fail(Errc::invalid_input, "usajobs: item {} has no MatchedObjectDescriptor", id);
  }
  const nlohmann::json& d = *descriptor;
  model::Job job = new_job(context, id, item);
  job.title = text_at(d, "PositionTitle");
  if (job.title.empty()) {
    return fail(Errc::invalid_input, "usajobs: item {} has no PositionTitle", id);
  }
  job.company = text_at(d, "OrganizationName");
  job.url = text_at(d, "PositionURI");
  job.location = text_at(d, "PositionLocationDisplay");
  if (auto places = d.find("PositionLocation");
      places != d.end() && places->is_array() && places->size() == 1) {
    job.latitude = number_at(places->front(), "Latitude");
    job.longitude = number_at(places->front(), "Longitude");
  }
  job.employment_type = employment_type_of(text_at(first_of(d, "PositionSchedule"), "Name"));
  map_salary(d, job);
  if (auto it = d.find("PublicationStartDate"); it != d.end()) {
    job.date_posted = date_of(*it, context.fetched_at);
  }
  if (auto it = d.find("ApplicationCloseDate"); it != d.end()) {
    job.valid_through = date_of(*it, context.fetched_at);
  }
  map_details(d, job);
  return job;
}

std::optional<int> page_count(const nlohmann::json& result) {
  auto area = result.find("UserArea");
  if (area == result.end()) return std::nullopt;
  auto pages = number_at(*area, "NumberOfPages");  // a string: "4"
  if (!pages) return std::nullopt;
  return static_cast<int>(*pages);
}

class UsaJobs final : public Adapter {
 public:
  std::string_view kind() const override { return kKind; }
  std::string_view default_base_url() const override { return "https://data.usajobs.gov"; }
  std::string_view usage() const override {
    return "usajobs [--query Q] [--location L]: USAJOBS federal jobs (api_key, user_agent_email)";
  }
  bool needs_target() const override { return false; }
  std::vector<std::string> required_secrets() const override {
    return {"api_key", "user_agent_email"};
  }

  Result<net::Request> first_request(const Context& context) const override {
    return page_request(context, 1);
  }

  Result<Page> parse(const Context& context, const net::Request&,
                     std::string_view body) const override {
    auto json = parse_json(body, kKind);
    if (!json) return json.error();
    auto result = json->is_object() ? json->find("SearchResult") : json->end();
    if (result == json->end() || !result->is_object() ||
        !result->contains("SearchResultItems") || !result->at("SearchResultItems").is_array()) {
      return fail(Errc::invalid_input,
                  "usajobs: expected an object with SearchResult.SearchResultItems");
    }
    Page page{.complete = false};  // a search
    for (const nlohmann::json& item : result->at("SearchResultItems")) {
      add_record(page, map_item(context, item));
    }
    if (auto pages = page_count(*result); pages && context.page < *pages) {
      auto next = page_request(context, context.page + 1);
      if (next) page.next = std::move(*next);
    }
    return page;
  }
};

}  // namespace

const Adapter& usajobs_adapter() {
  static const UsaJobs adapter;
  return adapter;
}

}  // namespace hg::scrape
