// basics: name, label, email, phone, URLs and social profiles, city.
#include <algorithm>
#include <cctype>

#include <re2/re2.h>

#include "normalize/location.hpp"
#include "resume/fields.hpp"
#include "resume/text.hpp"

namespace hg::resume::detail {

std::string util_trim(std::string_view s);
bool known_city(const Input& in, std::string_view name);

namespace {

bool in_contact_zone(const Input& in, std::size_t i) {
  for (const Span& s : in.spans) {
    if (i >= s.heading && i < s.end) {
      return s.kind == Section::header || s.kind == Section::contact ||
             s.kind == Section::profiles || s.kind == Section::summary;
    }
  }
  return false;
}

std::optional<std::string> email_in(std::string_view text) {
  static const RE2 kEmail("([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})");
  std::string m;
  if (RE2::PartialMatch(text, kEmail, &m)) return m;
  return std::nullopt;
}

bool fragment(std::string_view s) {
  return !s.empty() && s.size() <= 24 && s.find(' ') == std::string_view::npos;
}

std::string find_email(const Input& in) {
  const auto& lines = in.doc.lines;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& t = lines[i].text;
    if (t.find('@') == std::string::npos) continue;
    // A wrapped address ("jane@gmai" / "l.com") continues on the next line of its column.
    if (auto e = email_in(t)) return *e;
    if (i + 1 < lines.size() && fragment(lines[i + 1].text)) {
      const std::size_t at = t.rfind(' ');
      const std::string tail = t.substr(at == std::string::npos ? 0 : at + 1);
      if (tail.find('@') != std::string::npos) {
        if (auto joined = email_in(tail + lines[i + 1].text);
            joined && joined->size() == tail.size() + lines[i + 1].text.size()) {
          return *joined;
        }
      }
    }
  }
  return "";
}

bool phone_label(std::string_view folded) {
  for (std::string_view w : {"phone", "tel", "mobile", "cell", "telefon", "handy", "movil",
                             "celular", "telephone", "portable", "telefone", "telefoon", "mob"}) {
    if (folded.find(w) != std::string_view::npos) return true;
  }
  return false;
}

std::string phone_in(std::string_view text) {
  // Trailing X's stand for digits withheld ("518-755-XXX").
  static const RE2 kPhone("(\\+?\\(?\\+?\\d[\\d \\-./()]{5,22}(?:\\d|[xX]{2,4}))");
  re2::StringPiece rest(text.data(), text.size());
  std::string m;
  while (RE2::FindAndConsume(&rest, kPhone, &m)) {
    std::size_t digits = 0;
    std::vector<std::string> groups(1);
    for (char c : m) {
      if (std::isdigit(static_cast<unsigned char>(c)) || c == 'x' || c == 'X') {
        ++digits;
        groups.back() += c;
      } else if (!groups.back().empty()) {
        groups.emplace_back();
      }
    }
    if (groups.back().empty()) groups.pop_back();
    if (digits < 7 || digits > 15) continue;
    // Years and ISO dates ("2015 2017", "2006-01-01") are not numbers to call.
    auto year = [](const std::string& g) {
      return g.size() == 4 && (g.rfind("19", 0) == 0 || g.rfind("20", 0) == 0);
    };
    if (std::all_of(groups.begin(), groups.end(), year)) continue;
    if (groups.size() == 3 && year(groups[0]) && groups[1].size() <= 2 && groups[2].size() <= 2) continue;
    // Not a date or a range of years ("2016 - 2018", "03.2019 - 05.2020").
    if (auto d = find_dates(m); d && d->end_at - d->begin + 3 >= m.size()) continue;
    static const RE2 kYears("^\\(?(?:19|20)\\d\\d\\s*[-/.]\\s*(?:19|20)?\\d\\d\\)?$");
    if (RE2::FullMatch(m, kYears)) continue;
    std::string t(util_trim(m));
    return t;
  }
  return "";
}

std::string find_phone(const Input& in) {
  const auto& lines = in.doc.lines;
  std::string labelled, zone;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string p = phone_in(lines[i].text);
    const std::string f = fold(lines[i].text);
    if (p.empty() && phone_label(f) && i + 1 < lines.size() && f.size() < 20) {
      p = phone_in(lines[i + 1].text);
      if (!p.empty()) return p;
    }
    if (p.empty()) continue;
    if (phone_label(f)) return p;
    if (zone.empty() && (in_contact_zone(in, i) || lines[i].text.size() <= p.size() + 4)) zone = p;
  }
  return zone;
}

struct Network {
  std::string_view name, host, prefix;  // prefix: URL for a user name
};
constexpr Network kNetworks[] = {
    {"GitHub", "github.com", "https://github.com/"},
    {"LinkedIn", "linkedin.com", ""},
    {"GitLab", "gitlab.com", "https://gitlab.com/"},
    {"Twitter", "twitter.com", "https://twitter.com/"},
    {"X", "x.com", ""},
    {"Stack Overflow", "stackoverflow.com", ""},
    {"Medium", "medium.com", ""},
    {"Xing", "xing.com", ""},
    {"Bitbucket", "bitbucket.org", "https://bitbucket.org/"},
    {"Dribbble", "dribbble.com", "https://dribbble.com/"},
    {"Behance", "behance.net", "https://www.behance.net/"},
    {"Telegram", "t.me", ""},
    {"Instagram", "instagram.com", ""},
    {"Facebook", "facebook.com", ""},
    {"YouTube", "youtube.com", ""},
    {"Mastodon", "mastodon", ""},
    {"Spotify", "spotify.com", ""},
};

// The host of a URL, folded, without "www." ("https://www.GitHub.com/x" -> "github.com").
std::string host_of(std::string_view url) {
  std::string f = fold(url);
  const std::size_t scheme = f.find("://");
  if (scheme != std::string::npos) f.erase(0, scheme + 3);
  f = f.substr(0, f.find_first_of("/?#"));
  if (f.rfind("www.", 0) == 0) f.erase(0, 4);
  return f;
}

const Network* network_of_url(std::string_view url) {
  const std::string host = host_of(url);
  for (const Network& n : kNetworks) {
    if (host == n.host || (host.size() > n.host.size() &&
                           host.compare(host.size() - n.host.size(), n.host.size(), n.host) == 0 &&
                           host[host.size() - n.host.size() - 1] == '.')) {
      return &n;
    }
  }
  return nullptr;
}

// A link to a person's profile, not to a company page or a repository.
bool profile_link(std::string_view url) {
  const Network* n = network_of_url(url);
  if (!n) return false;
  std::string f = fold(url);
  const std::size_t scheme = f.find("://");
  if (scheme != std::string::npos) f.erase(0, scheme + 3);
  std::string path = f.find('/') == std::string::npos ? "" : f.substr(f.find('/'));
  while (!path.empty() && path.back() == '/') path.pop_back();
  const std::size_t segments = static_cast<std::size_t>(std::count(path.begin(), path.end(), '/'));
  if (n->name == "LinkedIn") return path.rfind("/in/", 0) == 0 || path.rfind("/pub/", 0) == 0;
  if (n->name == "Stack Overflow") return path.rfind("/users/", 0) == 0;
  if (n->name == "Spotify") return path.rfind("/user/", 0) == 0;
  if (n->name == "Medium") return path.rfind("/@", 0) == 0;
  return segments == 1;
}

// "%C3%B3" -> "ó".
std::string percent_decoded(std::string_view url) {
  std::string out;
  for (std::size_t i = 0; i < url.size(); ++i) {
    if (url[i] == '%' && i + 2 < url.size() && std::isxdigit(static_cast<unsigned char>(url[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(url[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(url.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += url[i];
    }
  }
  return out;
}

const Network* network_named(std::string_view text) {
  const std::string k = key_of(text);
  for (const Network& n : kNetworks) {
    if (k == key_of(n.name) && n.name != "X") return &n;
  }
  if (k == "stackoverflow") return &kNetworks[5];
  return nullptr;
}

bool asset_url(std::string_view url) {
  const std::string f = fold(url);
  for (std::string_view h : {"googleapis", "gstatic", "cdnjs", "jsdelivr", "unpkg", "fontawesome",
                             "w3.org", "schema.org", "jsonresume.org", "bootstrapcdn",
                             "github.com/jsonresume", "cloudflare", "fonts.", "/wp-content/"}) {
    if (f.find(h) != std::string::npos) return true;
  }
  return false;
}

void add_url(Basics& b, std::string url) {
  while (!url.empty() && (url.back() == '.' || url.back() == ',' || url.back() == ')' ||
                          url.back() == ';')) {
    url.pop_back();
  }
  if (url.size() < 4 || asset_url(url) || fold(url).rfind("mailto:", 0) == 0) return;
  const std::string key = key_of(url);
  if (key_of(b.url) == key) return;
  for (const auto& p : b.profiles) {
    if (key_of(p.url) == key) return;
  }
  if (const Network* n = network_of_url(url); n && profile_link(url)) {
    std::string user = url.substr(url.find_last_of('/', url.size() - 2) + 1);
    while (!user.empty() && user.back() == '/') user.pop_back();
    b.profiles.push_back({std::string(n->name), user, url});
  } else if (b.url.empty()) {
    b.url = url;
  }
}

void find_urls(const Input& in, Basics& b) {
  static const RE2 kUrl("((?:https?://|www\\.)[^\\s<>\"'()]+)");
  static const RE2 kBare(
      "^((?:[A-Za-z0-9-]{3,}\\.)(?:[A-Za-z0-9-]+\\.)*(?:com|org|net|io|dev|me|co|de|fr|es|nl|pt|br|uk|info|app|blog|"
      "tech|xyz|site|page|pub|lol|eu|ch|at|be|it|ca|us|ai|cc)(?:/[^\\s]*)?)$");
  const auto& lines = in.doc.lines;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!in_contact_zone(in, i)) continue;
    std::string text = lines[i].text;
    // Wrapped URLs ("jane.github" / ".io/") continue on the next line of the column.
    if (i + 1 < lines.size() && fragment(lines[i + 1].text) &&
        (lines[i + 1].text[0] == '.' || lines[i + 1].text[0] == '/')) {
      text += lines[i + 1].text;
    }
    re2::StringPiece rest(text);
    std::string m;
    bool any = false;
    while (RE2::FindAndConsume(&rest, kUrl, &m)) {
      add_url(b, m);
      any = true;
    }
    if (any || text.find('@') != std::string::npos) continue;
    // The tail of a wrapped address or URL ("l.com" under "jane@gmai") is not a site.
    if (i > 0 && fragment(text)) {
      const std::string& prev = lines[i - 1].text;
      const std::string last = prev.substr(prev.rfind(' ') == std::string::npos ? 0 : prev.rfind(' ') + 1);
      if ((last.find('@') != std::string::npos && !email_in(last)) ||
          (last.find("://") != std::string::npos && (text[0] == '.' || text[0] == '/'))) {
        continue;
      }
    }
    // Bare domains ("jane.dev", "linkedin.com/in/jane"): whole tokens of a short line.
    for (const std::string& tok : [&] {
           std::vector<std::string> toks;
           std::size_t s = 0;
           while (s < text.size()) {
             std::size_t e = text.find(' ', s);
             if (e == std::string::npos) e = text.size();
             if (e > s) toks.push_back(text.substr(s, e - s));
             s = e + 1;
           }
           return toks;
         }()) {
      if (RE2::FullMatch(tok, kBare, &m) && count_words(text) <= 4) add_url(b, m);
    }
  }
  for (const std::string& link : in.doc.links) {
    if (!profile_link(link)) continue;
    // One profile per network: the first link is the header's; later ones are employers' or
    // projects' pages.
    const Network* n = network_of_url(link);
    bool known = false;
    for (const auto& p : b.profiles) known = known || p.network == n->name;
    if (!known) add_url(b, percent_decoded(link));
  }
  // "GitHub" / "jane" or "jane (GitHub)": a user name with its network gives the URL.
  static const RE2 kParen("^([A-Za-z0-9_.-]{2,40}) \\(([A-Za-z ]{2,20})\\)$");
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!in_contact_zone(in, i)) continue;
    std::string user, net;
    const Network* n = nullptr;
    if (RE2::FullMatch(lines[i].text, kParen, &user, &net)) {
      n = network_named(net);
    } else if ((n = network_named(lines[i].text)) && i + 1 < lines.size()) {
      user = lines[i + 1].text;
    } else {
      const std::string& t = lines[i].text;
      const std::size_t sp = t.find(' ');
      if (sp != std::string::npos && (n = network_named(t.substr(0, sp)))) user = t.substr(sp + 1);
    }
    if (!n || n->prefix.empty() || user.empty() || user.find(' ') != std::string::npos ||
        user.find('/') != std::string::npos || user.find('@') != std::string::npos ||
        network_named(user)) {
      continue;
    }
    bool known = false;
    for (const auto& p : b.profiles) known = known || p.network == n->name;
    if (!known) b.profiles.push_back({std::string(n->name), user, std::string(n->prefix) + user});
  }
}

bool name_word(std::string_view w) {
  static const char* const kParticles[] = {"de", "da", "do", "dos", "das", "del", "della", "la",
                                           "le", "van", "von", "der", "den", "ter", "ten", "y",
                                           "e", "di", "du", "bin", "al", "el"};
  for (const char* p : kParticles) {
    if (w == p) return true;
  }
  const auto c = static_cast<unsigned char>(w[0]);
  if (c < 0x80) return std::isupper(c) != 0;
  return c >= 0xC3;  // accented capital or other script: accept
}

bool looks_like_name(std::string_view text) {
  if (text.size() < 4 || text.size() > 60 || is_bullet_line(text)) return false;
  if (heading_kind(text)) return false;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '@' || c == '/' || c == ':' ||
        c == '|' || c == ',' || c == '(' || c == '+') {
      return false;
    }
  }
  const std::size_t words = count_words(text);
  if (words < 2 || words > 5) return false;
  if (count_letters(text) * 10 < (text.size() - words) * 8) return false;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start && !name_word(text.substr(start, end - start))) return false;
    if (end - start > 24) return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

bool looks_like_place(const Input& in, std::string_view text, std::string* city,
                      std::string* country) {
  if (!in.options.gazetteer || text.size() > 60 || count_words(text) > 6) return false;
  if (text.find('@') != std::string_view::npos || text.find("://") != std::string_view::npos) {
    return false;
  }
  std::size_t digits = 0;
  for (char c : text) digits += std::isdigit(static_cast<unsigned char>(c)) != 0;
  if (digits > 6) return false;
  const auto c0 = static_cast<unsigned char>(text[0]);
  if (c0 < 0x80 && !std::isupper(c0) && !std::isdigit(c0)) return false;
  const normalize::Location loc = normalize::parse_location(*in.options.gazetteer, text);
  if (loc.places.empty()) return false;
  const normalize::Place& p = loc.places.front();
  if (country) *country = p.country;
  if (city && !p.city.empty()) {
    std::string_view first = text.substr(0, std::min(text.find(','), text.size()));
    const std::size_t paren = first.find(" (");
    if (paren != std::string_view::npos) first = first.substr(0, paren);
    // "Berlin 10115": postal codes are not part of the name.
    std::string out;
    for (std::size_t s = 0; s < first.size();) {
      std::size_t e = std::min(first.find(' ', s), first.size());
      std::string_view w = first.substr(s, e - s);
      if (!w.empty() && !std::isdigit(static_cast<unsigned char>(w[0]))) {
        if (!out.empty()) out += ' ';
        out += w;
      }
      s = e + 1;
    }
    *city = out.empty() ? p.city : out;
    // "Medellin Colombia", "Paris FR": without a comma, the city is the shortest run of
    // leading words the gazetteer places as a city.
    if (text.find(',') == std::string_view::npos && count_words(*city) >= 2) {
      std::vector<std::string_view> words;
      for (std::size_t s = 0; s < city->size();) {
        std::size_t e = std::min(city->find(' ', s), city->size());
        words.emplace_back(std::string_view(*city).substr(s, e - s));
        s = e + 1;
      }
      for (std::size_t k = 1; k < words.size(); ++k) {
        const std::string head(city->data(), static_cast<std::size_t>(words[k - 1].end() - city->data()));
        const normalize::Location sub = normalize::parse_location(*in.options.gazetteer, head);
        if (!sub.places.empty() && !sub.places.front().city.empty()) {
          *city = head;
          break;
        }
      }
    }
  }
  return true;
}

// Whether the gazetteer has a city of this name (as written, folded): "Upon request" is not.
bool known_city(const Input& in, std::string_view name) {
  if (name.empty() || !in.options.gazetteer) return false;
  const auto& g = *in.options.gazetteer;
  for (auto i = g.find(normalize::fold(name)); i != normalize::Gazetteer::kNone; i = g.entry(i).next) {
    if (g.entry(i).kind == normalize::Gazetteer::Kind::city) return true;
  }
  return false;
}

std::string util_trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '(' )) {
    if (s.front() == '(' && s.find(')') != std::string_view::npos) break;
    s.remove_prefix(1);
  }
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

Basics extract_basics(const Input& in, bool& name_from_size) {
  Basics b;
  const auto& lines = in.doc.lines;
  name_from_size = false;
  // The name: the largest type among the first lines, else the first name-like line.
  std::size_t limit = std::min<std::size_t>(lines.size(), 40);
  std::size_t best = lines.size();
  double best_size = 0;
  for (std::size_t i = 0; i < limit; ++i) {
    if (lines[i].page > 0) break;
    if (!looks_like_name(lines[i].text)) continue;
    if (best == lines.size()) best = i;
    if (lines[i].size > best_size + 0.5) {
      best_size = lines[i].size;
      best = i;
    }
  }
  if (best < lines.size()) {
    b.name = lines[best].text;
    name_from_size = best_size > 0;
    // A long name wrapped onto a second row of the same type.
    if (best + 1 < lines.size() && lines[best + 1].continues && best_size > 0 &&
        looks_like_name(b.name + " " + lines[best + 1].text)) {
      b.name += " " + lines[++best].text;
    }
    // The label: the next line, when it is a short headline rather than contact details.
    if (best + 1 < lines.size()) {
      const std::string& next = lines[best + 1].text;
      if (next.size() < 120 && !heading_kind(next) && next.find('@') == std::string::npos &&
          phone_in(next).empty() && next.find("://") == std::string::npos) {
        b.label = next;
      }
    }
  }
  b.email = find_email(in);
  b.phone = find_phone(in);
  find_urls(in, b);
  // The city: the first short line of the header or contact details the gazetteer places.
  for (std::size_t i = 0; i < lines.size() && b.city.empty(); ++i) {
    if (!in_contact_zone(in, i) || i == best) continue;
    const std::string& t = lines[i].text;
    if (t.size() > 60 || t.back() == '.' || heading_kind(t)) continue;
    // Contact rows join items with separators: "Berlin · +49 ... · jane@x.de".
    std::vector<std::string> parts;
    std::string cur;
    for (std::size_t k = 0; k < t.size(); ++k) {
      if (t[k] == '|' || (t.compare(k, 2, "\xC2\xB7") == 0)) {
        parts.push_back(cur);
        cur.clear();
        if (t[k] != '|') ++k;
      } else {
        cur += t[k];
      }
    }
    parts.push_back(cur);
    for (const std::string& part : parts) {
      const std::string p = util_trim(part);
      if (p.empty() || p == b.name || !phone_in(p).empty() || p.find('@') != std::string::npos) continue;
      // A postal address ("Plompstraat 22, 3555 BT, Utrecht (NL)") is read part by part.
      std::vector<std::string> tries{p};
      if (count_words(p) > 6 && p.find(", ") != std::string::npos) {
        tries.clear();
        for (std::size_t s0 = 0; s0 <= p.size();) {
          const std::size_t e0 = std::min(p.find(", ", s0), p.size());
          tries.push_back(util_trim(p.substr(s0, e0 - s0) + (e0 < p.size() ? p.substr(e0) : "")));
          s0 = e0 + 2;
        }
      }
      for (const std::string& attempt : tries) {
        std::string city, country;
        if (looks_like_place(in, attempt, &city, &country) && known_city(in, city)) {
          b.city = city;
          b.country = country;
          break;
        }
      }
      if (!b.city.empty()) break;
    }
  }
  for (const Span& s : in.spans) {
    if (s.kind != Section::summary || !b.summary.empty()) continue;
    for (std::size_t i = s.begin; i < s.end; ++i) {
      if (lines[i].text.size() < 40 && s.end - s.begin > 3) continue;
      if (!b.summary.empty()) b.summary += ' ';
      b.summary += lines[i].text;
      if (b.summary.size() > 2000) break;
    }
  }
  return b;
}

}  // namespace hg::resume::detail
