// schema.org JobPosting JSON-LD on a career page (any site): every JobPosting in the page's <script
// type="application/ld+json"> blocks. Field map: shared/data/sources/README.md §7a,
// https://schema.org/JobPosting and Google's JobPosting structured-data guide.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "normalize/fields.hpp"
#include "normalize/html_text.hpp"
#include "scrape/adapters.hpp"
#include "scrape/map.hpp"
#include "util/strings.hpp"

namespace hg::scrape {
namespace {

constexpr std::string_view kKind = "jsonld";
constexpr std::size_t kMaxBlocks = 256;  // a page with more is not a career page
constexpr int kMaxNesting = 6;           // arrays, @graph, ItemList, mainEntity around a posting

std::size_t find_icase(std::string_view text, std::string_view needle, std::size_t from) {
  for (std::size_t at = from; at + needle.size() <= text.size(); ++at) {
    if (util::starts_with_icase(text.substr(at), needle)) return at;
  }
  return std::string_view::npos;
}

// Some pages wrap the JSON in an HTML comment or CDATA markers for old browsers.
std::string_view unwrap(std::string_view block) {
  block = util::trim(block);
  for (std::string_view open : {"<!--", "//<![CDATA[", "<![CDATA["}) {
    if (block.starts_with(open)) block = util::trim(block.substr(open.size()));
  }
  for (std::string_view close : {"-->", "//]]>", "]]>"}) {
    if (block.ends_with(close)) block = util::trim(block.substr(0, block.size() - close.size()));
  }
  return block;
}

// The contents of each <script type="application/ld+json"> element, in page order. A hand scanner,
// linear in the page but for the short needles: no regex over untrusted HTML.
std::vector<std::string_view> ld_json_blocks(std::string_view html) {
  std::vector<std::string_view> blocks;
  std::size_t at = 0;
  while (blocks.size() < kMaxBlocks) {
    at = find_icase(html, "<script", at);
    if (at == std::string_view::npos) break;
    const std::size_t tag_end = html.find('>', at);
    if (tag_end == std::string_view::npos) break;
    const std::string_view attributes = html.substr(at + 7, tag_end - at - 7);
    const std::size_t close = find_icase(html, "</script", tag_end + 1);
    if (close == std::string_view::npos) break;
    const bool is_script = attributes.empty() || attributes.front() == ' ' ||
                           attributes.front() == '\t' || attributes.front() == '\n';
    if (is_script && find_icase(attributes, "application/ld+json", 0) != std::string_view::npos) {
      blocks.push_back(unwrap(html.substr(tag_end + 1, close - tag_end - 1)));
    }
    at = close + 8;
  }
  return blocks;
}

bool is_job_posting(const nlohmann::json& node) {
  auto type = node.find("@type");
  if (type == node.end()) return false;
  auto names = [](const std::string& name) { return name.ends_with("JobPosting"); };
  if (type->is_string()) return names(type->get<std::string>());
  if (!type->is_array()) return false;
  for (const nlohmann::json& item : *type) {
    if (item.is_string() && names(item.get<std::string>())) return true;
  }
  return false;
}

// JobPostings may be top-level, in an array, in "@graph", in an ItemList's elements or a page's
// mainEntity.
void collect(const nlohmann::json& node, int depth, std::vector<const nlohmann::json*>& out) {
  if (depth > kMaxNesting) return;
  if (node.is_array()) {
    for (const nlohmann::json& item : node) collect(item, depth + 1, out);
    return;
  }
  if (!node.is_object()) return;
  if (is_job_posting(node)) {
    out.push_back(&node);
    return;
  }
  for (const char* key : {"@graph", "itemListElement", "item", "mainEntity"}) {
    if (auto inner = node.find(key); inner != node.end()) collect(*inner, depth + 1, out);
  }
}

// Text that pages often leave entity-escaped ("R&amp;D Engineer").
std::string plain(std::string text) {
  if (text.find('&') == std::string::npos && text.find('<') == std::string::npos) return text;
  return util::collapse_space(normalize::html_to_text(text));
}

// The first element of an array, or the value itself.
const nlohmann::json& first_of(const nlohmann::json& value) {
  return value.is_array() && !value.empty() ? value.front() : value;
}

// A name that may be a string or an object with "name" (Organization, Country, Place).
std::string name_of(const nlohmann::json& value) {
  if (value.is_string()) return plain(std::string(util::trim(value.get<std::string>())));
  return plain(text_at(value, "name"));
}

const nlohmann::json& member(const nlohmann::json& object, std::string_view key) {
  static const nlohmann::json kNull;
  if (!object.is_object()) return kNull;
  auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

std::string identifier_of(const nlohmann::json& posting) {
  const nlohmann::json& identifier = first_of(member(posting, "identifier"));
  if (identifier.is_object()) return text_at(identifier, "value");  // PropertyValue
  if (identifier.is_string() || identifier.is_number()) {
    return text_at(nlohmann::json{{"value", identifier}}, "value");
  }
  return {};
}

// jobLocation: one Place or several; each address a PostalAddress or plain text.
void read_places(const nlohmann::json& posting, model::Job& job) {
  const nlohmann::json& places = member(posting, "jobLocation");
  std::string text;
  const auto add_place = [&](const nlohmann::json& place) {
    const nlohmann::json& address = place.is_object() ? member(place, "address") : place;
    std::string line;
    if (address.is_string()) {
      line = plain(std::string(util::trim(address.get<std::string>())));
    } else if (address.is_object()) {
      const std::string country = name_of(member(address, "addressCountry"));
      line = join_place({plain(text_at(address, "addressLocality")),
                         plain(text_at(address, "addressRegion")), country});
      if (text.empty()) {
        job.city = plain(text_at(address, "addressLocality"));
        job.region = plain(text_at(address, "addressRegion"));
        job.country = country_code(country);
      }
    }
    if (!line.empty()) text += (text.empty() ? "" : "; ") + line;
  };
  if (places.is_array()) {
    for (const nlohmann::json& place : places) add_place(place);
  } else {
    add_place(places);
  }
  job.location = std::move(text);
}

// TELECOMMUTE is the one structured remote statement; applicantLocationRequirements then says where
// from (Country or AdministrativeArea objects).
void read_remote(const nlohmann::json& posting, model::Job& job) {
  const nlohmann::json& type = member(posting, "jobLocationType");
  bool telecommute = false;
  for (const nlohmann::json& item : type.is_array() ? type : nlohmann::json::array({type})) {
    if (item.is_string() && util::to_lower(item.get<std::string>()) == "telecommute") {
      telecommute = true;
    }
  }
  if (!telecommute) return;
  job.remote = "remote";
  const nlohmann::json& where = member(posting, "applicantLocationRequirements");
  std::string names;
  for (const nlohmann::json& area : where.is_array() ? where : nlohmann::json::array({where})) {
    const std::string name = name_of(area);
    if (name.empty()) continue;
    if (const std::string code = country_code(name); !code.empty()) {
      job.remote_regions.push_back(code);
    }
    names += (names.empty() ? "" : "; ") + name;
  }
  if (job.location.empty()) job.location = names;
}

// baseSalary: a MonetaryAmount {currency, value: number | QuantitativeValue {value | minValue,
// maxValue, unitText}}, or a bare number with the posting's salaryCurrency.
void read_salary(const nlohmann::json& posting, model::Job& job) {
  const nlohmann::json& salary = first_of(member(posting, "baseSalary"));
  const nlohmann::json& value = salary.is_object() ? member(salary, "value") : salary;
  if (value.is_object()) {
    job.salary_min = number_at(value, "minValue");
    job.salary_max = number_at(value, "maxValue");
    if (!job.salary_min && !job.salary_max) {
      job.salary_min = job.salary_max = number_at(value, "value");
    }
    job.salary_period = normalize::salary_period(text_at(value, "unitText"));
  } else {
    job.salary_min = job.salary_max = number_at(nlohmann::json{{"value", value}}, "value");
  }
  if (!job.salary_min && !job.salary_max) return;
  job.salary_currency = text_at(salary, "currency");
  if (job.salary_currency.empty()) job.salary_currency = text_at(posting, "salaryCurrency");
  if (job.salary_period.empty()) {
    job.salary_period = normalize::salary_period(text_at(salary, "unitText"));
  }
}

Result<model::Job> map_posting(const Context& context, const nlohmann::json& posting,
                               std::size_t index, std::size_t count) {
  std::string title = plain(text_at(posting, "title"));
  if (title.empty()) return fail(Errc::invalid_input, "jsonld: posting {}: no title", index + 1);
  const std::string page_url = context.spec.target;
  std::string url = text_at(posting, "url");
  // A stable id for dedup: the posting's own identifier, else its URL, else the page's (numbered
  // when the page holds several postings).
  std::string id = identifier_of(posting);
  if (id.empty()) id = url;
  if (id.empty()) id = count > 1 ? fmt::format("{}#{}", page_url, index + 1) : page_url;

  model::Job job = new_job(context, id, posting);
  job.title = std::move(title);
  job.company = name_of(first_of(member(posting, "hiringOrganization")));
  job.url = url.empty() ? page_url : std::move(url);
  read_places(posting, job);
  read_remote(posting, job);
  const nlohmann::json& types = member(posting, "employmentType");
  for (const nlohmann::json& type : types.is_array() ? types : nlohmann::json::array({types})) {
    if (type.is_string()) job.employment_type = employment_type_of(type.get<std::string>());
    if (!job.employment_type.empty()) break;
  }
  read_salary(posting, job);
  Described described = describe(text_at(posting, "description"));
  job.description = std::move(described.text);
  job.description_html = std::move(described.html);
  job.date_posted = date_of(member(posting, "datePosted"), context.fetched_at);
  job.valid_through = date_of(member(posting, "validThrough"), context.fetched_at);
  return job;
}

class JsonLd final : public Adapter {
 public:
  std::string_view kind() const override { return kKind; }
  std::string_view default_base_url() const override { return ""; }
  std::string_view usage() const override {
    return "jsonld URL: JobPosting JSON-LD (schema.org) on any career page";
  }
  bool reads_pages() const override { return true; }

  Result<net::Request> first_request(const Context& context) const override {
    const std::string& url = context.spec.target;
    if (!url.starts_with("https://") && !url.starts_with("http://")) {
      return fail(Errc::invalid_argument, "jsonld: the target must be a page URL (http or https)");
    }
    return net::Request{.url = url, .headers = {{"Accept", "text/html,application/xhtml+xml"}}};
  }

  Result<Page> parse(const Context& context, const net::Request&,
                     std::string_view body) const override {
    std::vector<std::string_view> blocks;
    const std::string_view trimmed = util::trim(body);
    if (trimmed.starts_with('{') || trimmed.starts_with('[')) {
      blocks.push_back(trimmed);  // served as a bare JSON-LD document
    } else {
      blocks = ld_json_blocks(body);
    }
    if (blocks.empty()) {
      return fail(Errc::invalid_input,
                  "jsonld: no <script type=\"application/ld+json\"> block in the page");
    }
    Page page;
    std::vector<nlohmann::json> documents;
    documents.reserve(blocks.size());  // `postings` points into these
    std::vector<const nlohmann::json*> postings;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      auto json = parse_json(blocks[i], kKind);
      if (!json) {
        std::string_view why = json.error().message;
        if (why.starts_with("jsonld: ")) why.remove_prefix(8);
        page.skipped.push_back(fmt::format("jsonld: script block {}: {}", i + 1, why));
        continue;
      }
      documents.push_back(std::move(*json));
      collect(documents.back(), 0, postings);
    }
    for (std::size_t i = 0; i < postings.size(); ++i) {
      add_record(page, map_posting(context, *postings[i], i, postings.size()));
    }
    // A page with no JobPosting at all has more likely changed its markup than closed every job, so
    // only a page that lists postings counts as the whole set.
    page.complete = !postings.empty();
    return page;
  }
};

}  // namespace

const Adapter& jsonld_adapter() {
  static const JsonLd adapter;
  return adapter;
}

}  // namespace hg::scrape
