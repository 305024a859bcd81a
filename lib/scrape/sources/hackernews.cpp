// Hacker News "Ask HN: Who is hiring?" threads through the Algolia HN Search API
// (https://hn.algolia.com/api). Without a target the newest thread is found first (one
// search), then its top-level comments are read page by page; each is one posting whose first
// line usually reads "Company | Role | Location | REMOTE | Salary | URL".
#include <algorithm>

#include <nlohmann/json.hpp>

#include "normalize/employment.hpp"
#include "normalize/fields.hpp"
#include "normalize/html_text.hpp"
#include "scrape/adapters.hpp"
#include "scrape/map.hpp"
#include "util/strings.hpp"

namespace hg::scrape {
namespace {

constexpr std::string_view kKind = "hackernews";
constexpr int kHitsPerPage = 100;
constexpr std::size_t kMaxHeader = 400;  // a longer first line is prose, not a header

net::Request comments_request(const Context& context, std::string_view story_id, int page) {
  net::Request request;
  request.url = url_with(context.base_url, "/api/v1/search_by_date",
                         {{"tags", "comment,story_" + std::string(story_id)},
                          {"hitsPerPage", std::to_string(kHitsPerPage)},
                          {"page", std::to_string(page)}});
  request.headers = {{"Accept", "application/json"}};
  return request;
}

net::Request story_search(const Context& context) {
  net::Request request;
  request.url = url_with(context.base_url, "/api/v1/search_by_date",
                         {{"tags", "story,author_whoishiring"},
                          {"query", "who is hiring"},
                          {"hitsPerPage", "10"}});
  request.headers = {{"Accept", "application/json"}};
  return request;
}

bool is_story_search(const net::Request& request) {
  return request.url.find("author_whoishiring") != std::string::npos;
}

// The monthly thread is titled "Ask HN: Who is hiring? (July 2026)"; the same account also
// posts "Who wants to be hired?" and freelancer threads, which the search can return too.
Result<Page> parse_story_search(const Context& context, const nlohmann::json& json) {
  for (const nlohmann::json& hit : json.at("hits")) {
    if (!util::starts_with_icase(text_at(hit, "title"), "Ask HN: Who is hiring?")) continue;
    const std::string id = text_at(hit, "objectID");
    if (id.empty() || !util::parse_int(id)) continue;
    return Page{.next = comments_request(context, id, 0), .complete = false};
  }
  return fail(Errc::invalid_input, "hackernews: no \"Ask HN: Who is hiring?\" story found");
}

bool looks_like_role(std::string_view field) {
  const std::string lower = util::to_lower(field);
  for (std::string_view word : {"engineer", "developer", "manager", "specialist", "designer",
                                "scientist", "advocate", "analyst", "architect", "researcher",
                                "director", "sre", "devops", "lead", "head of", "recruiter"}) {
    if (lower.find(word) != std::string::npos) return true;
  }
  return false;
}

bool looks_like_salary(std::string_view field) {
  const std::string lower = util::to_lower(field);
  for (std::string_view cue : {"$", "\u20AC", "\u00A3", "salary", "eur ", "usd", "gbp"}) {
    if (lower.find(cue) != std::string::npos) return true;
  }
  return false;
}

// Fills company, title, location, remote, employment type and salary text from the header
// fields. false when the first line is not such a header.
bool map_header(std::string_view first_line, model::Job& job) {
  if (first_line.size() > kMaxHeader || first_line.find('|') == std::string_view::npos) {
    return false;
  }
  std::vector<std::string> fields;
  for (const std::string& piece : util::split(first_line, '|')) {
    std::string field = util::collapse_space(piece);
    if (!field.empty()) fields.push_back(std::move(field));
  }
  if (fields.size() < 2) return false;
  job.company = fields[0];
  job.title = fields[1];
  std::string remote_location;  // "Remote (EMEA)": a place only when no other is named
  for (std::size_t i = 2; i < fields.size(); ++i) {
    const std::string& field = fields[i];
    if (util::starts_with_icase(field, "http") || field.find("www.") != std::string::npos) {
      continue;
    }
    if (const std::string mode = normalize::remote_mode(field); !mode.empty()) {
      if (job.remote.empty()) job.remote = mode;
      if (mode == "remote" && field.find('(') != std::string::npos && remote_location.empty()) {
        remote_location = field;
      }
      continue;
    }
    if (looks_like_salary(field)) {
      if (job.salary_text.empty()) job.salary_text = field;
      continue;
    }
    if (const std::string type = normalize::employment_type_from_text(field); !type.empty()) {
      if (job.employment_type.empty()) job.employment_type = type;
      continue;
    }
    if (job.location.empty() && !looks_like_role(field) && field.size() <= 100) {
      job.location = field;
    }
  }
  if (job.location.empty()) job.location = remote_location;
  return true;
}

// The comment's first line as text: everything before the first paragraph or line break.
std::string first_line_of(std::string_view html) {
  std::size_t end = html.size();
  for (std::string_view stop : {"<p>", "<br", "\n"}) end = std::min(end, html.find(stop));
  return util::collapse_space(normalize::html_to_text(html.substr(0, end)));
}

Result<model::Job> map_comment(const Context& context, const nlohmann::json& hit) {
  const std::string id = text_at(hit, "objectID");
  if (id.empty()) return fail(Errc::invalid_input, "hackernews: a comment without objectID");
  const std::string html = text_at(hit, "comment_text");
  model::Job job = new_job(context, id, hit);
  if (!map_header(first_line_of(html), job) || job.title.empty()) {
    return fail(Errc::invalid_input,
                "hackernews: comment {} has no \"Company | Role | Location\" first line", id);
  }
  job.url = "https://news.ycombinator.com/item?id=" + id;
  if (auto it = hit.find("created_at"); it != hit.end()) {
    job.date_posted = date_of(*it, context.fetched_at);
  }
  if (job.date_posted.empty()) {
    if (auto it = hit.find("created_at_i"); it != hit.end()) {
      job.date_posted = date_of(*it, context.fetched_at);
    }
  }
  Described described = describe(html);
  job.description = std::move(described.text);
  job.description_html = std::move(described.html);
  return job;
}

// A posting is a top-level comment: its parent is the story. Replies are conversation.
bool is_top_level(const nlohmann::json& hit) {
  const std::string parent = text_at(hit, "parent_id");
  return !parent.empty() && parent == text_at(hit, "story_id");
}

std::optional<net::Request> next_comments(const Context& context, const nlohmann::json& json) {
  const auto page = number_at(json, "page");
  const auto pages = number_at(json, "nbPages");
  if (!page || !pages || *page + 1 >= *pages) return std::nullopt;
  std::string story = text_at(json, "story_id");
  for (const nlohmann::json& hit : json.at("hits")) {
    if (story.empty()) story = text_at(hit, "story_id");
  }
  if (story.empty()) return std::nullopt;
  return comments_request(context, story, static_cast<int>(*page) + 1);
}

class HackerNews final : public Adapter {
 public:
  std::string_view kind() const override { return kKind; }
  std::string_view default_base_url() const override { return "https://hn.algolia.com"; }
  std::string_view usage() const override {
    return "hackernews [STORY_ID]: HN \"Who is hiring?\" posts (default: the newest thread)";
  }
  bool needs_target() const override { return false; }

  Result<net::Request> first_request(const Context& context) const override {
    const std::string target(util::trim(context.spec.target));
    if (target.empty()) return story_search(context);
    if (!util::parse_int(target)) {
      return fail(Errc::invalid_argument, "hackernews: target {} is not a story id", target);
    }
    return comments_request(context, target, 0);
  }

  Result<Page> parse(const Context& context, const net::Request& request,
                     std::string_view body) const override {
    auto json = parse_json(body, kKind);
    if (!json) return json.error();
    if (!json->is_object() || !json->contains("hits") || !json->at("hits").is_array()) {
      return fail(Errc::invalid_input, "hackernews: expected an object with a \"hits\" array");
    }
    if (is_story_search(request)) return parse_story_search(context, *json);
    // Algolia returns at most 1,000 hits per query, and the thread changes monthly.
    Page page{.complete = false};
    for (const nlohmann::json& hit : json->at("hits")) {
      if (!is_top_level(hit)) continue;
      add_record(page, map_comment(context, hit));
    }
    page.next = next_comments(context, *json);
    return page;
  }
};

}  // namespace

const Adapter& hackernews_adapter() {
  static const HackerNews adapter;
  return adapter;
}

}  // namespace hg::scrape
