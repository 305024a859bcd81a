// Lever Postings API (api.lever.co): a site's postings, paged with skip + limit. Endpoints, field
// map and quirks: shared/data/sources/README.md §2.
#include <nlohmann/json.hpp>

#include "normalize/fields.hpp"
#include "scrape/adapters.hpp"
#include "scrape/map.hpp"
#include "util/strings.hpp"

namespace hg::scrape {
namespace {

constexpr std::string_view kKind = "lever";
// Lever returns everything when asked for no limit (1.4 MB for 168 postings); pages of 100 keep
// each answer small.
constexpr int kPageSize = 100;

// The integer value of query parameter `name` in `url`, or nullopt.
std::optional<std::int64_t> query_int(std::string_view url, std::string_view name) {
  const std::size_t query = url.find('?');
  if (query == std::string_view::npos) return std::nullopt;
  for (const std::string& pair : util::split(url.substr(query + 1), '&')) {
    const std::size_t equals = pair.find('=');
    if (equals != std::string::npos && std::string_view(pair).substr(0, equals) == name) {
      return util::parse_int(std::string_view(pair).substr(equals + 1));
    }
  }
  return std::nullopt;
}

// The request for `limit` postings from the `skip`-th on.
net::Request next_request(const Context& context, std::int64_t skip, std::int64_t limit) {
  return net::Request{
      .url = url_with(
          context.base_url, "/v0/postings/" + url_encode(context.spec.target),
          {{"mode", "json"}, {"skip", std::to_string(skip)}, {"limit", std::to_string(limit)}}),
      .headers = {{"Accept", "application/json"}}};
}

// "per-year-salary", "per-hour-wage" -> "year", "hour"; "one-time" and others -> "".
std::string interval_period(std::string_view interval) {
  for (std::string_view period : {"year", "month", "week", "day", "hour"}) {
    if (interval.find(period) != std::string_view::npos) return std::string(period);
  }
  return {};
}

// The posting's full text: description (opening + body), then each list under its heading (Lever
// sends list content as bare <li> elements), then the closing `additional` block.
std::string full_html(const nlohmann::json& record) {
  std::string html = text_at(record, "description");
  if (auto lists = record.find("lists"); lists != record.end() && lists->is_array()) {
    for (const nlohmann::json& list : *lists) {
      const std::string heading = text_at(list, "text");
      const std::string items = text_at(list, "content");
      if (!heading.empty()) html += "<h3>" + heading + "</h3>";
      if (!items.empty()) html += "<ul>" + items + "</ul>";
    }
  }
  html += text_at(record, "additional");
  return html;
}

void read_salary(const nlohmann::json& record, model::Job& job) {
  if (auto range = record.find("salaryRange"); range != record.end() && range->is_object()) {
    job.salary_min = number_at(*range, "min");
    job.salary_max = number_at(*range, "max");
    job.salary_currency = text_at(*range, "currency");
    job.salary_period = interval_period(text_at(*range, "interval"));
    if (job.salary_min || job.salary_max) return;
  }
  // salaryDescriptionPlain is sometimes just "\n": text_at trims it to nothing.
  job.salary_text = util::collapse_space(text_at(record, "salaryDescriptionPlain"));
}

Result<model::Job> map_job(const Context& context, const nlohmann::json& record,
                           std::size_t index) {
  if (!record.is_object()) {
    return fail(Errc::invalid_input, "lever: record {}: not an object", index + 1);
  }
  const std::string id = text_at(record, "id");
  if (id.empty()) return fail(Errc::invalid_input, "lever: record {}: no id", index + 1);
  std::string title = text_at(record, "text");
  if (title.empty()) return fail(Errc::invalid_input, "lever: job {}: no title", id);

  model::Job job = new_job(context, id, record);
  job.title = std::move(title);
  job.company = context.spec.target;  // the site slug: postings do not name the company
  job.url = text_at(record, "hostedUrl");
  if (job.url.empty()) job.url = text_at(record, "applyUrl");
  const nlohmann::json empty = nlohmann::json::object();
  auto categories = record.find("categories");
  const nlohmann::json& category = categories != record.end() ? *categories : empty;
  job.location = text_at(category, "location");
  job.country = country_code(text_at(record, "country"));
  job.remote = normalize::remote_mode(text_at(record, "workplaceType"));  // "unspecified" -> ""
  job.employment_type = employment_type_of(text_at(category, "commitment"));
  read_salary(record, job);
  Described described = describe(full_html(record));
  job.description = std::move(described.text);
  job.description_html = std::move(described.html);
  if (auto created = record.find("createdAt"); created != record.end()) {
    job.date_posted = date_of(*created, context.fetched_at);  // epoch milliseconds
  }
  return job;
}

class Lever final : public Adapter {
 public:
  std::string_view kind() const override { return kKind; }
  std::string_view default_base_url() const override { return "https://api.lever.co"; }
  std::string_view usage() const override {
    return "lever SITE: a Lever job site (api.lever.co; EU sites: api.eu.lever.co)";
  }

  Result<net::Request> first_request(const Context& context) const override {
    if (context.spec.target.empty()) {
      return fail(Errc::invalid_argument, "lever: no site name (lever SITE)");
    }
    return next_request(context, 0, kPageSize);
  }

  Result<Page> parse(const Context& context, const net::Request& request,
                     std::string_view body) const override {
    auto json = parse_json(body, kKind);
    if (!json) return json.error();
    // With group=... Lever answers grouped lists; hg never asks for that.
    if (!json->is_array()) {
      return fail(Errc::invalid_input, "lever: expected a JSON array of postings");
    }
    Page page;
    for (std::size_t i = 0; i < json->size(); ++i) {
      add_record(page, map_job(context, (*json)[i], i));
    }
    // A full page means there may be more; a short one is the last.
    const auto limit = query_int(request.url, "limit");
    if (limit && *limit > 0 && json->size() >= static_cast<std::size_t>(*limit)) {
      page.next =
          next_request(context, query_int(request.url, "skip").value_or(0) + *limit, *limit);
    }
    return page;
  }
};

}  // namespace

const Adapter& lever_adapter() {
  static const Lever adapter;
  return adapter;
}

}  // namespace hg::scrape
