// Folding and date reading for resume text. Regexes run through RE2 (linear time on
// hostile input).
#include "resume/text.hpp"

#include <cctype>
#include <cstdint>

#include <re2/re2.h>

namespace hg::resume::detail {
namespace {

std::uint32_t decode(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  const int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (i + static_cast<std::size_t>(n) > s.size()) {
    ++i;
    return '?';
  }
  std::uint32_t code = n == 1 ? c : c & (0x7F >> n);
  for (int k = 1; k < n; ++k) code = (code << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
  i += static_cast<std::size_t>(n);
  return code;
}

// Latin-1 and Latin Extended-A letters to their base letters; "" for anything else.
std::string_view base_of(std::uint32_t c) {
  static constexpr std::string_view kLatin1 =  // U+00C0 .. U+00FF
      "aaaaaaaceeeeiiiidnooooo*ouuuuyts"
      "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
  static constexpr std::string_view kExtA = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";  // U+0100 .. U+017F
  if (c == 0xDF) return "ss";
  if (c == 0xC6 || c == 0xE6) return "ae";
  if (c >= 0xC0 && c <= 0xFF) return kLatin1.substr(c - 0xC0, 1);
  if (c >= 0x100 && c <= 0x17F) return kExtA.substr(c - 0x100, 1);
  return {};
}

}  // namespace

Folded fold_map(std::string_view text) {
  Folded f;
  f.text.reserve(text.size());
  f.map.reserve(text.size() + 1);
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t at = i;
    const std::uint32_t c = decode(text, i);
    auto put = [&](std::string_view s) {
      for (char ch : s) {
        f.text += ch;
        f.map.push_back(at);
      }
    };
    if (c < 0x80) {
      put(std::string(1, static_cast<char>(std::tolower(static_cast<int>(c)))));
    } else if (const std::string_view b = base_of(c); !b.empty()) {
      put(b);
    } else if (c >= 0x2010 && c <= 0x2015) {
      put("-");
    } else if (c == 0x2212) {
      put("-");
    } else {
      put(text.substr(at, i - at));
    }
  }
  f.map.push_back(text.size());
  return f;
}

std::string fold(std::string_view text) { return fold_map(text).text; }

std::string key_of(std::string_view text) {
  const std::string f = fold(text);
  std::vector<std::string> words;
  std::string cur;
  for (std::size_t i = 0; i < f.size(); ++i) {
    const char c = f[i];
    const auto u = static_cast<unsigned char>(c);
    // U+2000..U+2FFF (punctuation, arrows, shapes, bullets, dingbats) separate words.
    if (u == 0xE2 && i + 2 < f.size()) {
      if (!cur.empty()) words.push_back(std::move(cur)), cur.clear();
      i += 2;
      continue;
    }
    if (std::isalnum(u) || u >= 0x80) {
      cur += c;
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  std::size_t singles = 0;
  for (const auto& w : words) singles += w.size() <= 2;
  const bool spaced = words.size() >= 4 && singles * 4 >= words.size() * 3;
  std::string out;
  for (const auto& w : words) {
    if (!out.empty() && !spaced) out += ' ';
    out += w;
  }
  return out;
}

std::size_t count_letters(std::string_view text) {
  std::size_t n = 0, i = 0;
  while (i < text.size()) {
    const std::uint32_t c = decode(text, i);
    n += (c < 0x80 && std::isalpha(static_cast<int>(c))) || (c >= 0xC0 && c != 0xD7 && c != 0xF7 &&
                                                            !(c >= 0x2000 && c <= 0x2BFF));
  }
  return n;
}

std::size_t count_words(std::string_view text) {
  std::size_t n = 0;
  bool in = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

namespace {

constexpr const char* kMonth =
    "(jan(?:uary|vier|eiro|uar)?|ene(?:ro)?|feb(?:ruary|rero|ruar)?|fev(?:rier|ereiro)?|"
    "mar(?:ch|zo|s|z|co)?|maerz|apr(?:il)?|abr(?:il)?|avr(?:il)?|may(?:o)?|mai(?:o)?|mei|"
    "jun(?:e|io|i|ho)?|juin|jul(?:y|io|i|ho)?|juil(?:let)?|aug(?:ust|ustus)?|ago(?:sto)?|aout|"
    "sep(?:t(?:ember|iembre|embre)?)?|set(?:embro)?|oct(?:ober|ubre|obre)?|okt(?:ober)?|"
    "out(?:ubro)?|nov(?:ember|iembre|embre|embro)?|dec(?:ember|embre)?|dez(?:ember|embro)?|"
    "dic(?:iembre)?)";
constexpr const char* kSeason =
    "(spring|summer|fall|autumn|winter|fruhling|fruhjahr|sommer|herbst|printemps|ete|automne|"
    "hiver|primavera|verano|otono|invierno|lente|zomer|herfst|verao|outono|inverno)";
constexpr const char* kPresent =
    "(present|presently|current|currently|now|today|ongoing|heute|aktuell|jetzt|derzeit|"
    "actualidad|actualmente|actual|presente|hoy|aujourd ?hui|en cours|maintenant|heden|nu|"
    "huidig|atual|atualmente|momento)";

int month_number(std::string_view m) {
  static const char* const kStarts[][6] = {
      {"jan", "ene", nullptr}, {"feb", "fev", nullptr}, {"mar", nullptr},
      {"apr", "abr", "avr", nullptr}, {"may", "mai", "mei", nullptr}, {"jun", "juin", nullptr},
      {"jul", "juil", nullptr}, {"aug", "ago", "aout", nullptr}, {"sep", "set", nullptr},
      {"oct", "okt", "out", nullptr}, {"nov", nullptr}, {"dec", "dez", "dic", nullptr}};
  for (int i = 11; i >= 0; --i) {
    for (const char* const* s = kStarts[i]; *s; ++s) {
      if (m.substr(0, std::string_view(*s).size()) == *s) return i + 1;
    }
  }
  return 0;
}

int season_month(std::string_view s) {
  if (s == "spring" || s == "fruhling" || s == "fruhjahr" || s == "printemps" ||
      s == "primavera" || s == "lente") return 3;
  if (s == "summer" || s == "sommer" || s == "ete" || s == "verano" || s == "zomer" || s == "verao") return 6;
  if (s == "fall" || s == "autumn" || s == "herbst" || s == "automne" || s == "otono" ||
      s == "herfst" || s == "outono") return 9;
  return 12;
}

std::string iso(int year, int month) {
  if (month < 1 || month > 12) return std::to_string(year);
  return std::to_string(year) + (month < 10 ? "-0" : "-") + std::to_string(month);
}

struct Tok {
  std::string iso;
  bool present = false;
  std::size_t begin = 0, end = 0;  // in folded text
};

// One date at the start of `s` (folded), if any.
std::optional<Tok> date_at(std::string_view s) {
  static const RE2 kNamed(std::string("^(?:(?:\\d{1,2}\\.?\\s+)?") + kMonth +
                          "\\.?,?\\s+(?:de\\s+|of\\s+)?((?:19|20)\\d\\d)\\b)");
  static const RE2 kSeasonRe(std::string("^") + kSeason + ",?\\s+((?:19|20)\\d\\d)\\b");
  static const RE2 kDmy("^(\\d{1,2})[./](\\d{1,2})[./]((?:19|20)\\d\\d)\\b");
  static const RE2 kMy("^(\\d{1,2})[./-]((?:19|20)\\d\\d)\\b");
  static const RE2 kYm("^((?:19|20)\\d\\d)[./-](\\d{1,2})(?:[./-]\\d{1,2})?\\b");
  static const RE2 kY("^((?:19|20)\\d\\d)\\b");
  static const RE2 kNow(std::string("^") + kPresent + "\\b");
  re2::StringPiece in(s.data(), s.size());
  std::string a, b, c;
  Tok t;
  auto done = [&](std::string value) {
    t.iso = std::move(value);
    t.end = static_cast<std::size_t>(in.data() - s.data());
    return t;
  };
  if (RE2::Consume(&in, kNamed, &a, &b)) return done(iso(std::stoi(b), month_number(a)));
  if (RE2::Consume(&in, kSeasonRe, &a, &b)) return done(iso(std::stoi(b), season_month(a)));
  if (RE2::Consume(&in, kDmy, &a, &b, &c)) return done(iso(std::stoi(c), std::stoi(b)));
  if (RE2::Consume(&in, kMy, &a, &b)) return done(iso(std::stoi(b), std::stoi(a)));
  if (RE2::Consume(&in, kYm, &a, &b)) return done(iso(std::stoi(a), std::stoi(b)));
  if (RE2::Consume(&in, kY, &a)) return done(iso(std::stoi(a), 0));
  if (RE2::Consume(&in, kNow, &a)) {
    t.present = true;
    return done("");
  }
  return std::nullopt;
}

bool word_start(std::string_view s, std::size_t i) {
  return i == 0 || !std::isalnum(static_cast<unsigned char>(s[i - 1]));
}

// Length of a range separator at the start of `s` ("-", " to ", " bis ", "–"), or 0.
std::size_t separator(std::string_view s) {
  static const RE2 kSep(
      "^(\\s*(?:-+|/|to|bis|au|a|hasta|tot|ate|until|till|until|->|~)\\s*)");
  re2::StringPiece in(s.data(), s.size());
  std::string m;
  if (RE2::Consume(&in, kSep, &m)) return m.size();
  return 0;
}

}  // namespace

std::optional<DateRange> find_dates(std::string_view line) {
  if (line.size() > 2000) line = line.substr(0, 2000);
  const Folded f = fold_map(line);
  const std::string_view s = f.text;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!word_start(s, i)) continue;
    const auto first = date_at(s.substr(i));
    if (!first || first->present) continue;
    DateRange r;
    r.start = first->iso;
    std::size_t end = i + first->end;
    // "2011 2017": two bare years side by side (a range set in two cells).
    if (r.start.size() == 4 && end + 5 <= s.size() && s[end] == ' ') {
      if (auto second = date_at(s.substr(end + 1));
          second && !second->present && second->iso.size() == 4 && second->iso >= r.start) {
        r.end = second->iso;
        r.begin = f.map[i];
        r.end_at = f.map[end + 1 + second->end];
        return r;
      }
    }
    if (const std::size_t sep = separator(s.substr(end)); sep > 0) {
      const std::size_t at = end + sep;
      if (auto second = date_at(s.substr(at)); second && (second->present || second->iso >= r.start.substr(0, 4))) {
        r.current = second->present;
        r.end = second->iso;
        end = at + second->end;
      } else if (s.substr(end, sep).find('-') != std::string_view::npos &&
                 s.substr(at).find_first_not_of(" ") == std::string_view::npos) {
        r.current = true;  // "2025-07 —": an open range
        end = at;
      }
    }
    r.begin = f.map[i];
    r.end_at = f.map[end];
    return r;
  }
  return std::nullopt;
}

std::string cut(std::string_view line, std::size_t begin, std::size_t end) {
  std::string left(line.substr(0, begin)), right(line.substr(std::min(end, line.size())));
  auto strip = [](std::string& s, bool back) {
    auto junk = [](char c) { return c == ' ' || c == ',' || c == '|' || c == '-' || c == '(' || c == ')' || c == ':'; };
    // Multi-byte separators: middle dot, en and em dashes, bullet.
    auto wide = [](std::string_view t) {
      for (std::string_view w : {"\xC2\xB7", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\xA2"}) {
        if (t == w) return true;
      }
      return false;
    };
    bool more = true;
    while (more && !s.empty()) {
      more = false;
      if (back) {
        if (junk(s.back())) {
          s.pop_back();
          more = true;
        } else if (s.size() >= 2 && wide(std::string_view(s).substr(s.size() - 2))) {
          s.resize(s.size() - 2);
          more = true;
        } else if (s.size() >= 3 && wide(std::string_view(s).substr(s.size() - 3))) {
          s.resize(s.size() - 3);
          more = true;
        }
      } else {
        if (junk(s.front())) {
          s.erase(0, 1);
          more = true;
        } else if (s.size() >= 2 && wide(std::string_view(s).substr(0, 2))) {
          s.erase(0, 2);
          more = true;
        } else if (s.size() >= 3 && wide(std::string_view(s).substr(0, 3))) {
          s.erase(0, 3);
          more = true;
        }
      }
    }
  };
  strip(left, true);
  strip(right, false);
  if (left.empty()) return right;
  if (right.empty()) return left;
  return left + " " + right;
}

}  // namespace hg::resume::detail
