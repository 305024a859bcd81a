// SmartRecruiters Posting API (api.smartrecruiters.com): a company's postings, paged with offset +
// limit. Endpoints, field map and quirks: shared/data/sources/README.md §4b.
#include <nlohmann/json.hpp>

#include "scrape/adapters.hpp"
#include "scrape/map.hpp"

namespace hg::scrape {
namespace {

constexpr std::string_view kKind = "smartrecruiters";
constexpr int kPageSize = 100;  // the API's maximum

net::Request page_request(const Context& context, std::int64_t offset, std::int64_t limit) {
  return net::Request{
      .url = url_with(context.base_url,
                      "/v1/companies/" + url_encode(context.spec.target) + "/postings",
                      {{"offset", std::to_string(offset)}, {"limit", std::to_string(limit)}}),
      .headers = {{"Accept", "application/json"}}};
}

const nlohmann::json& member(const nlohmann::json& object, std::string_view key) {
  static const nlohmann::json kNull;
  if (!object.is_object()) return kNull;
  auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

std::optional<bool> flag(const nlohmann::json& object, std::string_view key) {
  const nlohmann::json& value = member(object, key);
  if (!value.is_boolean()) return std::nullopt;
  return value.get<bool>();
}

void read_location(const nlohmann::json& record, model::Job& job) {
  const nlohmann::json& location = member(record, "location");
  job.city = text_at(location, "city");
  job.region = text_at(location, "region");
  job.country = country_code(text_at(location, "country"));  // lower-case ISO-2 in the API
  job.location = text_at(location, "fullLocation");
  if (job.location.empty()) job.location = join_place({job.city, job.region, job.country});
  job.latitude = number_at(location, "latitude");
  job.longitude = number_at(location, "longitude");
  // remote:false alone may still be hybrid on older payloads, which have no hybrid flag.
  const auto remote = flag(location, "remote");
  const auto hybrid = flag(location, "hybrid");
  if (remote.value_or(false)) {
    job.remote = "remote";
  } else if (hybrid.value_or(false)) {
    job.remote = "hybrid";
  } else if (remote && hybrid) {
    job.remote = "onsite";
  }
}

// Only the detail endpoint has jobAd: its sections, in the order the posting page shows them.
std::string ad_html(const nlohmann::json& record) {
  const nlohmann::json& sections = member(member(record, "jobAd"), "sections");
  std::string html;
  for (std::string_view key :
       {"companyDescription", "jobDescription", "qualifications", "additionalInformation"}) {
    const nlohmann::json& section = member(sections, key);
    const std::string text = text_at(section, "text");
    if (text.empty()) continue;
    if (const std::string heading = text_at(section, "title"); !heading.empty()) {
      html += "<h3>" + heading + "</h3>";
    }
    html += text;
  }
  return html;
}

Result<model::Job> map_job(const Context& context, const nlohmann::json& record,
                           std::size_t index) {
  if (!record.is_object()) {
    return fail(Errc::invalid_input, "smartrecruiters: record {}: not an object", index + 1);
  }
  const std::string id = text_at(record, "id");
  if (id.empty()) return fail(Errc::invalid_input, "smartrecruiters: record {}: no id", index + 1);
  std::string title = text_at(record, "name");
  if (title.empty()) return fail(Errc::invalid_input, "smartrecruiters: job {}: no title", id);

  model::Job job = new_job(context, id, record);
  job.title = std::move(title);
  const nlohmann::json& company = member(record, "company");
  job.company = text_at(company, "name");
  if (job.company.empty()) job.company = context.spec.target;
  job.url = text_at(record, "postingUrl");  // detail only
  if (job.url.empty()) {
    // The list has no page URL; jobs.smartrecruiters.com/{company}/{id} is the posting page (the
    // detail's postingUrl is the same with a title slug after the id).
    std::string identifier = text_at(company, "identifier");
    if (identifier.empty()) identifier = context.spec.target;
    job.url = "https://jobs.smartrecruiters.com/" + url_encode(identifier) + "/" + url_encode(id);
  }
  read_location(record, job);
  job.employment_type = employment_type_of(text_at(member(record, "typeOfEmployment"), "label"));
  Described described = describe(ad_html(record));
  job.description = std::move(described.text);
  job.description_html = std::move(described.html);
  job.date_posted = date_of(member(record, "releasedDate"), context.fetched_at);
  return job;
}

class SmartRecruiters final : public Adapter {
 public:
  std::string_view kind() const override { return kKind; }
  std::string_view default_base_url() const override { return "https://api.smartrecruiters.com"; }
  std::string_view usage() const override {
    return "smartrecruiters COMPANY: a SmartRecruiters company (api.smartrecruiters.com)";
  }

  Result<net::Request> first_request(const Context& context) const override {
    if (context.spec.target.empty()) {
      return fail(Errc::invalid_argument,
                  "smartrecruiters: no company identifier (smartrecruiters COMPANY)");
    }
    return page_request(context, 0, kPageSize);
  }

  Result<Page> parse(const Context& context, const net::Request&,
                     std::string_view body) const override {
    auto json = parse_json(body, kKind);
    if (!json) return json.error();
    Page page;
    auto content = json->find("content");  // end() for a non-object too
    if (content == json->end()) {
      if (!json->contains("id")) {
        return fail(Errc::invalid_input,
                    "smartrecruiters: expected {{\"content\": [...]}} or a posting object");
      }
      // One posting from /postings/{id}: the only answer with the description.
      add_record(page, map_job(context, *json, 0));
      page.complete = false;
      return page;
    }
    if (!content->is_array()) {
      return fail(Errc::invalid_input, "smartrecruiters: \"content\" is not an array");
    }
    for (std::size_t i = 0; i < content->size(); ++i) {
      add_record(page, map_job(context, (*content)[i], i));
    }
    // Move on by what came back rather than by limit: the server may cap limit lower.
    const auto offset = number_at(*json, "offset").value_or(0);
    const auto limit = number_at(*json, "limit").value_or(kPageSize);
    const auto total = number_at(*json, "totalFound").value_or(0);
    const double after = offset + static_cast<double>(content->size());
    if (!content->empty() && after < total && limit > 0) {
      page.next =
          page_request(context, static_cast<std::int64_t>(after), static_cast<std::int64_t>(limit));
    }
    return page;
  }
};

}  // namespace

const Adapter& smartrecruiters_adapter() {
  static const SmartRecruiters adapter;
  return adapter;
}

}  // namespace hg::scrape
