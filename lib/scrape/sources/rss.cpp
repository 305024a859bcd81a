// Job feeds in RSS 2.0, RSS 1.0 (RDF) or Atom, such as We Work Remotely's
// (https://weworkremotely.com/remote-jobs.rss). The target is the feed's URL.
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "scrape/adapters.hpp"
#include "scrape/map.hpp"
#include "util/strings.hpp"

namespace hg::scrape {
namespace {

constexpr std::string_view kKind = "rss";
constexpr std::size_t kMaxFeed = 32u << 20;  // a feed is the newest few hundred items at most

std::string text_of(const pugi::xml_node& node, const char* name) {
  return std::string(util::trim(node.child(name).text().get()));
}

// The item's child elements as {name: text}, for Job::raw (a feed has no JSON record).
nlohmann::json record_of(const pugi::xml_node& item) {
  nlohmann::json record = nlohmann::json::object();
  for (const pugi::xml_node& child : item.children()) {
    if (child.type() != pugi::node_element) continue;
    std::string value(util::trim(child.text().get()));
    if (value.empty() && child.attribute("href")) value = child.attribute("href").value();
    if (value.empty() && child.attribute("url")) value = child.attribute("url").value();
    if (!record.contains(child.name())) record[child.name()] = std::move(value);
  }
  return record;
}

// Atom's <link href=...>: the rel="alternate" one, else the first without a rel.
std::string atom_link(const pugi::xml_node& entry) {
  std::string first;
  for (const pugi::xml_node& link : entry.children("link")) {
    const std::string rel = link.attribute("rel").value();
    if (rel == "alternate") return link.attribute("href").value();
    if (rel.empty() && first.empty()) first = link.attribute("href").value();
  }
  return first;
}

struct Fields {
  std::string id, title, url, date, html, location, type, expires;
};

Fields rss_fields(const pugi::xml_node& item) {
  Fields fields{.id = text_of(item, "guid"),
                .title = text_of(item, "title"),
                .url = text_of(item, "link"),
                .date = text_of(item, "pubDate"),
                .html = text_of(item, "description"),
                .location = text_of(item, "region"),
                .type = text_of(item, "type"),
                .expires = text_of(item, "expires_at")};
  if (fields.date.empty()) fields.date = text_of(item, "dc:date");
  if (fields.html.empty()) fields.html = text_of(item, "content:encoded");
  if (fields.id.empty()) fields.id = fields.url;
  return fields;
}

Fields atom_fields(const pugi::xml_node& entry) {
  Fields fields{.id = text_of(entry, "id"),
                .title = text_of(entry, "title"),
                .url = atom_link(entry),
                .date = text_of(entry, "published"),
                .html = text_of(entry, "content"),
                .location = {},
                .type = {},
                .expires = {}};
  if (fields.date.empty()) fields.date = text_of(entry, "updated");
  if (fields.html.empty()) fields.html = text_of(entry, "summary");
  if (fields.id.empty()) fields.id = fields.url;
  return fields;
}

Result<model::Job> map_item(const Context& context, const pugi::xml_node& item, bool atom) {
  Fields fields = atom ? atom_fields(item) : rss_fields(item);
  if (fields.id.empty()) return fail(Errc::invalid_input, "rss: an item without guid or link");
  if (fields.title.empty()) {
    return fail(Errc::invalid_input, "rss: item {} has no title", fields.id);
  }
  model::Job job = new_job(context, fields.id, record_of(item));
  // Job boards' feeds title items "Company: Role"; a title without ": " is all role.
  if (auto colon = fields.title.find(": "); colon != std::string::npos && colon > 0) {
    job.company = std::string(util::trim(std::string_view(fields.title).substr(0, colon)));
    job.title = std::string(util::trim(std::string_view(fields.title).substr(colon + 2)));
  }
  if (job.title.empty()) job.title = fields.title;
  job.url = fields.url.empty() ? fields.id : fields.url;
  job.location = fields.location;  // WWR's <region>: where applicants may be
  job.employment_type = employment_type_of(fields.type);
  job.date_posted = date_of(nlohmann::json(fields.date), context.fetched_at);
  if (!fields.expires.empty()) {
    job.valid_through = date_of(nlohmann::json(fields.expires), context.fetched_at);
  }
  // XML already decoded one level of entities, so this is the HTML the board wrote.
  Described described = describe(fields.html);
  job.description = std::move(described.text);
  job.description_html = std::move(described.html);
  return job;
}

// We Work Remotely lists only remote jobs; other feeds do not say.
bool remote_only(std::string_view feed_url) {
  return feed_url.find("://weworkremotely.com/") != std::string_view::npos ||
         feed_url.find("://www.weworkremotely.com/") != std::string_view::npos;
}

Result<net::Request> feed_request(const Context& context) {
  const std::string url(util::trim(context.spec.target));
  if (url.empty()) return fail(Errc::invalid_argument, "rss: needs the feed's URL as target");
  if (!util::starts_with_icase(url, "http://") && !util::starts_with_icase(url, "https://")) {
    return fail(Errc::invalid_argument, "rss: target {} is not an http(s) URL", url);
  }
  net::Request request;
  request.url = url;
  request.headers = {{"Accept",
                      "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
                      "text/xml;q=0.9, */*;q=0.5"}};
  return request;
}

class Rss final : public Adapter {
 public:
  std::string_view kind() const override { return kKind; }
  // Unused: the target is the whole feed URL.
  std::string_view default_base_url() const override { return ""; }
  std::string_view usage() const override {
    return "rss FEED_URL: a job feed in RSS or Atom (e.g. We Work Remotely)";
  }

  Result<net::Request> first_request(const Context& context) const override {
    return feed_request(context);
  }

  Result<Page> parse(const Context& context, const net::Request&,
                     std::string_view body) const override {
    if (body.size() > kMaxFeed) {
      return fail(Errc::invalid_input, "rss: feed of {} bytes is over the {} MB limit",
                  body.size(), kMaxFeed >> 20);
    }
    pugi::xml_document document;
    const pugi::xml_parse_result parsed =
        document.load_buffer(body.data(), body.size(), pugi::parse_default);
    if (!parsed) {
      return fail(Errc::invalid_input, "rss: not XML: {} at byte {}", parsed.description(),
                  parsed.offset);
    }
    const pugi::xml_node root = document.document_element();
    const std::string root_name = root.name();
    const bool atom = root_name == "feed";
    pugi::xml_node items = root;  // Atom entries and RSS 1.0 items sit under the root
    if (root_name == "rss") {
      items = root.child("channel");
    } else if (!atom && root_name != "rdf:RDF") {
      return fail(Errc::invalid_input, "rss: expected an RSS or Atom feed, got <{}>", root_name);
    }
    // A feed shows only the newest postings.
    Page page{.complete = false};
    const bool remote = remote_only(context.spec.target);
    for (const pugi::xml_node& item : items.children(atom ? "entry" : "item")) {
      auto job = map_item(context, item, atom);
      if (!job) {
        page.skipped.push_back(job.error().message);
        continue;
      }
      if (remote) job->remote = "remote";
      page.jobs.push_back(std::move(*job));
    }
    return page;
  }
};

}  // namespace

const Adapter& rss_adapter() {
  static const Rss adapter;
  return adapter;
}

}  // namespace hg::scrape
