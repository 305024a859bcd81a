// Adzuna's job search API (https://developer.adzuna.com/docs/search): a keyed search in one
// country, the page number in the path (/v1/api/jobs/{country}/search/{page}).
#include <cctype>

#include <nlohmann/json.hpp>

#include "normalize/html_text.hpp"
#include "scrape/adapters.hpp"
#include "scrape/map.hpp"
#include "util/strings.hpp"

namespace hg::scrape {
namespace {

constexpr std::string_view kKind = "adzuna";
constexpr int kPerPage = 50;  // Adzuna's largest page

// The currency Adzuna reports salaries in for each country it covers.
std::string_view currency_of(std::string_view country) {
  static constexpr std::pair<std::string_view, std::string_view> kCurrencies[] = {
      {"at", "EUR"}, {"au", "AUD"}, {"be", "EUR"}, {"br", "BRL"}, {"ca", "CAD"}, {"ch", "CHF"},
      {"de", "EUR"}, {"es", "EUR"}, {"fr", "EUR"}, {"gb", "GBP"}, {"in", "INR"}, {"it", "EUR"},
      {"mx", "MXN"}, {"nl", "EUR"}, {"nz", "NZD"}, {"pl", "PLN"}, {"sg", "SGD"}, {"us", "USD"},
      {"za", "ZAR"}};
  for (const auto& [code, currency] : kCurrencies) {
    if (code == country) return currency;
  }
  return {};
}

Result<std::string> country_of(const Context& context) {
  std::string country = util::to_lower(util::trim(context.spec.target));
  if (country.empty()) country = util::to_lower(param_of(context, "country"));
  if (country.empty()) {
    return fail(Errc::invalid_argument, "adzuna: needs a country code as target (e.g. gb)");
  }
  if (country.size() != 2 || !std::isalpha(static_cast<unsigned char>(country[0])) ||
      !std::isalpha(static_cast<unsigned char>(country[1]))) {
    return fail(Errc::invalid_argument, "adzuna: country {} is not a two-letter code", country);
  }
  return country;
}

Result<net::Request> page_request(const Context& context, int page) {
  auto country = country_of(context);
  if (!country) return country.error();
  std::string keys[2];
  const char* names[2] = {"app_id", "app_key"};
  for (int i = 0; i < 2; ++i) {
    auto it = context.spec.secrets.find(names[i]);
    if (it == context.spec.secrets.end() || util::trim(it->second).empty()) {
      return fail(Errc::invalid_argument, "adzuna: missing secret {}", names[i]);
    }
    keys[i] = std::string(util::trim(it->second));
  }
  net::Request request;
  // Adzuna takes its keys as query parameters, not headers.
  request.url = url_with(context.base_url,
                         "/v1/api/jobs/" + *country + "/search/" + std::to_string(page),
                         {{"app_id", keys[0]},
                          {"app_key", keys[1]},
                          {"results_per_page", std::to_string(kPerPage)},
                          {"what", param_of(context, "query")},
                          {"where", param_of(context, "location")},
                          {"content-type", "application/json"}});
  request.headers = {{"Accept", "application/json"}};
  return request;
}

// Adzuna marks the search words in titles with <strong>.
std::string plain(std::string text) {
  if (text.find('<') == std::string::npos && text.find('&') == std::string::npos) return text;
  return util::collapse_space(normalize::html_to_text(text));
}

void map_salary(const nlohmann::json& record, std::string_view country, model::Job& job) {
  // A predicted salary ("1") is Adzuna's estimate, not the employer's statement.
  if (text_at(record, "salary_is_predicted") == "1") return;
  job.salary_min = number_at(record, "salary_min");
  job.salary_max = number_at(record, "salary_max");
  if (!job.salary_min && !job.salary_max) return;
  job.salary_currency = std::string(currency_of(country));
  job.salary_period = "year";  // Adzuna states annual salaries
}

Result<model::Job> map_job(const Context& context, std::string_view country,
                           const nlohmann::json& record) {
  const std::string id = text_at(record, "id");
  if (id.empty()) return fail(Errc::invalid_input, "adzuna: a job without id");
  model::Job job = new_job(context, id, record);
  job.title = plain(text_at(record, "title"));
  if (job.title.empty()) return fail(Errc::invalid_input, "adzuna: job {} has no title", id);
  if (auto company = record.find("company"); company != record.end()) {
    job.company = text_at(*company, "display_name");
  }
  if (auto location = record.find("location"); location != record.end()) {
    job.location = text_at(*location, "display_name");
  }
  // The searched country: Adzuna's index is per country, so every result is in it.
  job.country = country_code(country);
  job.latitude = number_at(record, "latitude");
  job.longitude = number_at(record, "longitude");
  job.url = text_at(record, "redirect_url");
  // contract_time says full or part time; contract_type only "permanent" or "contract".
  job.employment_type = employment_type_of(text_at(record, "contract_time"));
  if (text_at(record, "contract_type") == "contract") job.employment_type = "contract";
  map_salary(record, country, job);
  if (auto it = record.find("created"); it != record.end()) {
    job.date_posted = date_of(*it, context.fetched_at);
  }
  // A truncated plain-text snippet; the full text is only on the redirect page.
  Described described = describe(text_at(record, "description"));
  job.description = std::move(described.text);
  job.description_html = std::move(described.html);
  return job;
}

class Adzuna final : public Adapter {
 public:
  std::string_view kind() const override { return kKind; }
  std::string_view default_base_url() const override { return "https://api.adzuna.com"; }
  std::string_view usage() const override {
    return "adzuna COUNTRY [--query Q] [--location L]: Adzuna job search (app_id, app_key)";
  }
  std::vector<std::string> required_secrets() const override { return {"app_id", "app_key"}; }

  Result<net::Request> first_request(const Context& context) const override {
    return page_request(context, 1);
  }

  Result<Page> parse(const Context& context, const net::Request&,
                     std::string_view body) const override {
    auto country = country_of(context);
    if (!country) return country.error();
    auto json = parse_json(body, kKind);
    if (!json) return json.error();
    auto results = json->find("results");
    if (!json->is_object() || results == json->end() || !results->is_array()) {
      return fail(Errc::invalid_input, "adzuna: expected an object with a \"results\" array");
    }
    Page page{.complete = false};  // a search
    for (const nlohmann::json& record : *results) {
      add_record(page, map_job(context, *country, record));
    }
    // `count` is the whole search; this was page context.page of kPerPage.
    const auto count = number_at(*json, "count");
    if (count && !results->empty() && static_cast<double>(context.page) * kPerPage < *count) {
      auto next = page_request(context, context.page + 1);
      if (next) page.next = std::move(*next);
    }
    return page;
  }
};

}  // namespace

const Adapter& adzuna_adapter() {
  static const Adzuna adapter;
  return adapter;
}

}  // namespace hg::scrape
