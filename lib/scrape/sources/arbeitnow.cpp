// Arbeitnow's job-board API (https://www.arbeitnow.com/api/job-board-api): the newest jobs,
// mostly in Germany, in Laravel-style pages (`links.next` until null, `meta.current_page`).
#include <nlohmann/json.hpp>

#include "normalize/html_text.hpp"
#include "scrape/adapters.hpp"
#include "scrape/map.hpp"

namespace hg::scrape {
namespace {

constexpr std::string_view kKind = "arbeitnow";
constexpr std::string_view kPath = "/api/job-board-api";

net::Request page_request(const Context& context, int number) {
  net::Request request;
  request.url = url_with(context.base_url, kPath,
                         {{"page", number > 1 ? std::to_string(number) : std::string()}});
  request.headers = {{"Accept", "application/json"}};
  return request;
}

// Some bodies arrive entity-escaped ("&lt;p&gt;...") with Arbeitnow's footer appended as real
// HTML ("<p>Find more ... on Arbeitnow</p>"). describe() reads any text with a real tag as HTML
// already, so such a body is unescaped once here (the footer keeps its text, not its tags).
std::string unescaped(std::string text) {
  if (!text.starts_with("&lt;")) return text;
  return normalize::html_to_text(text);
}

Result<model::Job> map_job(const Context& context, const nlohmann::json& record) {
  const std::string slug = text_at(record, "slug");
  if (slug.empty()) return fail(Errc::invalid_input, "arbeitnow: a job without slug");
  model::Job job = new_job(context, slug, record);
  job.title = text_at(record, "title");
  if (job.title.empty()) return fail(Errc::invalid_input, "arbeitnow: job {} has no title", slug);
  job.company = text_at(record, "company_name");
  job.url = text_at(record, "url");
  job.location = text_at(record, "location");
  // true is remote; false covers both on-site and hybrid ("Hamburg, Berlin, Hybrid" in the
  // text), so it says nothing we can store.
  if (auto it = record.find("remote"); it != record.end() && it->is_boolean() && it->get<bool>()) {
    job.remote = "remote";
  }
  // Free labels ("professional / experienced", "berufserfahren", "full time"): the first one
  // that names a type.
  if (auto it = record.find("job_types"); it != record.end() && it->is_array()) {
    for (const nlohmann::json& label : *it) {
      if (!label.is_string()) continue;
      job.employment_type = employment_type_of(label.get<std::string>());
      if (!job.employment_type.empty()) break;
    }
  }
  if (auto it = record.find("created_at"); it != record.end()) {
    job.date_posted = date_of(*it, context.fetched_at);  // epoch seconds
  }
  Described described = describe(unescaped(text_at(record, "description")));
  job.description = std::move(described.text);
  job.description_html = std::move(described.html);
  return job;
}

// The page after this one, when `links.next` says there is one. The next link names the live
// host, so the request is rebuilt on context.base_url (a mirror or a replay server stays used).
std::optional<net::Request> next_request(const Context& context, const nlohmann::json& json) {
  auto links = json.find("links");
  if (links == json.end() || !links->is_object()) return std::nullopt;
  auto next = links->find("next");
  if (next == links->end() || !next->is_string() || next->get<std::string>().empty()) {
    return std::nullopt;
  }
  int current = context.page;
  if (auto meta = json.find("meta"); meta != json.end()) {
    if (auto number = number_at(*meta, "current_page"); number && *number >= 1) {
      current = static_cast<int>(*number);
    }
  }
  return page_request(context, current + 1);
}

class Arbeitnow final : public Adapter {
 public:
  std::string_view kind() const override { return kKind; }
  std::string_view default_base_url() const override { return "https://www.arbeitnow.com"; }
  std::string_view usage() const override {
    return "arbeitnow: Arbeitnow job board API (newest jobs, mostly Germany)";
  }
  bool needs_target() const override { return false; }

  Result<net::Request> first_request(const Context& context) const override {
    return page_request(context, 1);
  }

  Result<Page> parse(const Context& context, const net::Request&,
                     std::string_view body) const override {
    auto json = parse_json(body, kKind);
    if (!json) return json.error();
    auto data = json->find("data");
    if (!json->is_object() || data == json->end() || !data->is_array()) {
      return fail(Errc::invalid_input, "arbeitnow: expected an object with a \"data\" array");
    }
    // The board's pages run back only so far: a feed of the newest, not the whole set.
    Page page{.complete = false};
    for (const nlohmann::json& record : *data) {
      add_record(page, map_job(context, record));
    }
    if (!data->empty()) page.next = next_request(context, *json);
    return page;
  }
};

}  // namespace

const Adapter& arbeitnow_adapter() {
  static const Arbeitnow adapter;
  return adapter;
}

}  // namespace hg::scrape
