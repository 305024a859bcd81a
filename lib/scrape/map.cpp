#include "scrape/map.hpp"

#include <cctype>
#include <cmath>

#include <nlohmann/json.hpp>

#include "normalize/dates.hpp"
#include "normalize/fields.hpp"
#include "normalize/html_text.hpp"
#include "util/strings.hpp"

namespace hg::scrape {
namespace {

constexpr std::size_t kMaxText = 1u << 20;
constexpr std::size_t kMaxBody = 64u << 20;
constexpr int kMaxDepth = 128;

std::string capped(std::string text) {
  if (text.size() <= kMaxText) return text;
  std::size_t cut = kMaxText;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
  text.resize(cut);
  return text;
}

// One level of entity escaping undone ("&lt;p&gt;" -> "<p>", "&amp;nbsp;" -> "&nbsp;"): the
// named entities escaped markup uses and numeric ones. Far cheaper than an HTML parse, which
// the text gets afterwards anyway.
std::string unescape_once(std::string_view text) {
  static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
      {"lt;", "<"}, {"gt;", ">"}, {"amp;", "&"}, {"quot;", "\""}, {"apos;", "'"}, {"#39;", "'"}};
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    const std::string_view rest = text.substr(i + 1);
    bool done = false;
    for (const auto& [name, value] : kNamed) {
      if (rest.starts_with(name)) {
        out += value;
        i += name.size();
        done = true;
        break;
      }
    }
    if (done) continue;
    // &#NNN; and &#xHH; as UTF-8.
    if (rest.starts_with("#")) {
      const bool hex = rest.size() > 1 && (rest[1] == 'x' || rest[1] == 'X');
      std::size_t k = hex ? 2 : 1;
      std::uint32_t code = 0;
      const std::size_t digits_start = k;
      while (k < rest.size() && k < digits_start + 7 &&
             (hex ? std::isxdigit(static_cast<unsigned char>(rest[k]))
                  : std::isdigit(static_cast<unsigned char>(rest[k])))) {
        code = code * (hex ? 16 : 10) +
               static_cast<std::uint32_t>(std::isdigit(static_cast<unsigned char>(rest[k]))
                                              ? rest[k] - '0'
                                              : (std::tolower(static_cast<unsigned char>(rest[k])) - 'a' + 10));
        ++k;
      }
      if (k > digits_start && k < rest.size() && rest[k] == ';' && code > 0 && code <= 0x10FFFF &&
          !(code >= 0xD800 && code <= 0xDFFF)) {
        util::append_utf8(out, code);
        i += k + 1;
        continue;
      }
    }
    out += '&';  // anything else stays for the HTML pass
  }
  return out;
}

}  // namespace

model::Job new_job(const Context& context, std::string external_id, const nlohmann::json& record) {
  model::Job job;
  job.source = context.spec.name;
  job.external_id = std::move(external_id);
  const std::string now = util::format_iso(context.fetched_at);
  job.first_seen = now;
  job.last_seen = now;
  job.raw = record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return job;
}

void add_record(Page& page, Result<model::Job> job) {
  if (job) {
    page.jobs.push_back(std::move(*job));
  } else {
    page.skipped.push_back(std::move(job.error().message));
  }
}

std::string text_at(const nlohmann::json& object, std::string_view key) {
  if (!object.is_object()) return {};
  auto it = object.find(key);
  if (it == object.end()) return {};
  if (it->is_string()) return capped(std::string(util::trim(it->get<std::string>())));
  if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
  if (it->is_number_unsigned()) return std::to_string(it->get<std::uint64_t>());
  if (it->is_number_float()) {
    const double value = it->get<double>();
    if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
      return std::to_string(static_cast<std::int64_t>(value));
    }
    return it->dump();
  }
  return {};
}

std::optional<double> number_at(const nlohmann::json& object, std::string_view key) {
  if (!object.is_object()) return std::nullopt;
  auto it = object.find(key);
  if (it == object.end()) return std::nullopt;
  if (it->is_number()) {
    const double value = it->get<double>();
    return std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
  }
  if (it->is_string()) return util::parse_double(util::trim(it->get<std::string>()));
  return std::nullopt;
}

Described describe(std::string_view html_or_text) {
  std::string_view input = util::trim(html_or_text);
  if (input.size() > kMaxText * 4) input = input.substr(0, kMaxText * 4);
  std::string html(input);
  // Entity-escaped HTML ("&lt;p&gt;Hello&lt;/p&gt;"): decode once, then it is HTML. Told apart
  // by having no raw '<' at all: looks_like_html() also counts "&lt;p&gt;" as markup.
  if (html.find('<') == std::string::npos && html.find("&lt;") != std::string::npos) {
    std::string once = unescape_once(html);
    if (normalize::looks_like_html(once)) html = std::move(once);
  }
  if (!normalize::looks_like_html(html)) return {capped(std::string(input)), {}};
  return {capped(normalize::html_to_text(html)), capped(std::move(html))};
}

std::string date_of(const nlohmann::json& value, util::TimePoint fetched_at) {
  if (value.is_number()) {
    double seconds = value.get<double>();
    if (!std::isfinite(seconds) || seconds <= 0) return {};
    if (seconds > 1e11) seconds /= 1000;  // epoch milliseconds
    if (seconds > 4e9) return {};
    return util::format_iso(util::TimePoint(std::chrono::seconds(static_cast<std::int64_t>(seconds))));
  }
  if (!value.is_string()) return {};
  return normalize::parse_date(util::trim(value.get<std::string>()), fetched_at).value_or("");
}

std::string join_place(std::initializer_list<std::string_view> parts) {
  std::string out;
  std::string previous;
  for (std::string_view part : parts) {
    const std::string_view trimmed = util::trim(part);
    if (trimmed.empty()) continue;
    std::string folded = util::to_lower(trimmed);
    if (folded == previous) continue;
    if (!out.empty()) out += ", ";
    out += trimmed;
    previous = std::move(folded);
  }
  return out;
}

std::string country_code(std::string_view text) {
  const std::string_view code = util::trim(text);
  if (code.size() != 2) return {};
  std::string out;
  for (char c : code) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return {};
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string url_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

std::string url_with(std::string_view base, std::string_view path,
                     const std::vector<std::pair<std::string, std::string>>& params) {
  std::string url(base);
  while (!url.empty() && url.back() == '/') url.pop_back();
  if (!path.empty() && path.front() != '/') url += '/';
  url += path;
  char separator = url.find('?') == std::string::npos ? '?' : '&';
  for (const auto& [name, value] : params) {
    if (value.empty()) continue;
    url += separator;
    url += url_encode(name) + "=" + url_encode(value);
    separator = '&';
  }
  return url;
}

Result<nlohmann::json> parse_json(std::string_view body, std::string_view kind) {
  if (body.size() > kMaxBody) {
    return fail(Errc::invalid_input, "{}: answer of {} bytes is over the {} MB limit", kind,
                body.size(), kMaxBody >> 20);
  }
  int depth = 0;
  bool too_deep = false;
  auto limit = [&](int, nlohmann::json::parse_event_t event, nlohmann::json&) {
    if (event == nlohmann::json::parse_event_t::object_start ||
        event == nlohmann::json::parse_event_t::array_start) {
      if (++depth > kMaxDepth) too_deep = true;
    } else if (event == nlohmann::json::parse_event_t::object_end ||
               event == nlohmann::json::parse_event_t::array_end) {
      --depth;
    }
    return !too_deep;
  };
  try {
    nlohmann::json value = nlohmann::json::parse(body.begin(), body.end(), limit);
    if (too_deep) return fail(Errc::invalid_input, "{}: JSON nested over {} levels", kind, kMaxDepth);
    return value;
  } catch (const nlohmann::json::exception& e) {
    if (too_deep) return fail(Errc::invalid_input, "{}: JSON nested over {} levels", kind, kMaxDepth);
    std::string what = e.what();
    if (what.size() > 160) what = what.substr(0, 160) + "...";
    return fail(Errc::invalid_input, "{}: not JSON: {}", kind, what);
  }
}

std::string param_of(const Context& context, std::string_view name) {
  auto it = context.spec.params.find(std::string(name));
  if (it == context.spec.params.end()) return {};
  return std::string(util::trim(it->second));
}

std::string employment_type_of(std::string_view text) {
  std::string type = normalize::employment_type(text);
  for (std::string_view known :
       {"full_time", "part_time", "contract", "temporary", "internship", "freelance"}) {
    if (type == known) return type;
  }
  return {};
}

}  // namespace hg::scrape
