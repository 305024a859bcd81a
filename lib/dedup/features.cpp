#include "dedup/features.hpp"

#include <algorithm>
#include <cstring>
#include <string>
#include <type_traits>
#include <unordered_map>

#include "model/job.hpp"
#include "normalize/location.hpp"
#include "normalize/title.hpp"
#include "store/dedup.hpp"
#include "util/strings.hpp"

namespace hg::dedup {
namespace {

static_assert(std::is_trivially_copyable_v<Features>);

constexpr std::size_t kMaxDescriptionBytes = 64 * 1024;

std::uint64_t mix(std::uint64_t x) {  // splitmix64's finaliser: every input bit moves every output bit
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

std::uint64_t hash_text(std::string_view text) { return mix(util::fnv1a64(text)); }

// "&" between two letters belongs to the word ("R&D", "F&I"); alone it is "and".
std::string read_ampersands(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out.push_back(text[i]);
      continue;
    }
    const bool glued = i > 0 && i + 1 < text.size() && text[i - 1] != ' ' && text[i + 1] != ' ';
    if (!glued) out += " and ";
  }
  return out;
}

std::vector<std::string> words_of(std::string_view text) {
  return util::split(normalize::fold(read_ampersands(text)), ' ');
}

const std::unordered_map<std::string_view, std::string_view>& abbreviations() {
  static const std::unordered_map<std::string_view, std::string_view> table = {
      {"sr", "senior"},        {"snr", "senior"},      {"jr", "junior"},
      {"jnr", "junior"},       {"eng", "engineer"},    {"engr", "engineer"},
      {"mgr", "manager"},      {"mngr", "manager"},    {"dev", "developer"},
      {"admin", "administrator"}, {"asst", "assistant"}, {"assoc", "associate"},
      {"dir", "director"},     {"rep", "representative"}, {"coord", "coordinator"},
      {"spec", "specialist"},  {"sw", "software"},     {"ops", "operations"},
      {"mgmt", "management"},  {"mktg", "marketing"},  {"mkt", "marketing"},
      {"svcs", "services"},    {"svc", "service"},     {"intl", "international"},
      {"natl", "national"},    {"dept", "department"}, {"univ", "university"},
      {"sci", "scientist"},    {"tech", "technician"}, {"techn", "technician"},
      {"acct", "accountant"},  {"exec", "executive"},  {"prog", "program"},
      {"internship", "intern"}, {"entry", "junior"},   {"ii", "2"},
      {"iii", "3"},            {"iv", "4"},            {"i", "1"},
      {"v", "5"},              {"vp", "vp"},           {"svp", "vp"},
      {"evp", "vp"},           {"avp", "vp"},
  };
  return table;
}

const std::unordered_map<std::string_view, std::uint32_t>& levels_table() {
  static const std::unordered_map<std::string_view, std::uint32_t> table = {
      {"intern", level_intern},       {"junior", level_junior},   {"associate", level_associate},
      {"senior", level_senior},       {"staff", level_staff},     {"principal", level_principal},
      {"lead", level_lead},           {"head", level_head},       {"manager", level_manager},
      {"director", level_director},   {"vp", level_vp},           {"chief", level_chief},
      {"1", level_1},                 {"2", level_2},             {"3", level_3},
      {"4", level_4},                 {"5", level_5},
  };
  return table;
}

bool is_stop_word(std::string_view word) {
  static constexpr std::string_view kStop[] = {"and", "of", "the", "for", "in", "at", "to",
                                               "a",   "an", "with", "on",  "or", "job",
                                               "id",  "req", "requisition", "ref", "no"};
  return std::find(std::begin(kStop), std::end(kStop), word) != std::end(kStop);
}

bool is_remote_word(std::string_view word) {
  static constexpr std::string_view kRemote[] = {"remote", "hybrid", "onsite", "wfh", "telecommute",
                                                 "anywhere", "virtual", "home", "work", "from"};
  return std::find(std::begin(kRemote), std::end(kRemote), word) != std::end(kRemote);
}

// Reference numbers left after normalize::parse_title: "698911", "r359742", "2024-0012".
bool is_reference(std::string_view word) {
  const auto digits = std::count_if(word.begin(), word.end(),
                                    [](char c) { return c >= '0' && c <= '9'; });
  return digits >= 4 || (digits >= 3 && digits + 2 >= static_cast<long>(word.size()) &&
                         word.size() > 3);
}

// Words that only say where or how the job is ("Greater", "Area", "Metropolitan").
bool is_place_filler(std::string_view word) {
  static constexpr std::string_view kFiller[] = {"greater", "area", "metropolitan", "metro", "bay",
                                                 "region", "county"};
  return std::find(std::begin(kFiller), std::end(kFiller), word) != std::end(kFiller);
}

bool is_legal_suffix(std::string_view word) {
  static constexpr std::string_view kSuffix[] = {
      "inc", "incorporated", "llc", "ltd", "limited", "gmbh", "corp", "corporation", "co",
      "company", "plc", "ag", "sa", "bv", "nv", "llp", "lp", "pty", "srl", "sarl", "sas",
      "spa", "oy", "ab", "kg", "se", "pllc", "pc", "lc", "pvt", "private", "group", "holding",
      "holdings", "ug", "kft", "sp", "zoo", "bhd", "sdn", "pte", "dac", "ulc", "kgaa", "mbh"};
  return std::find(std::begin(kSuffix), std::end(kSuffix), word) != std::end(kSuffix);
}

// The city a location names when lib/normalize found none: "US-CA-San Diego" (ATS style),
// "Greater Oakland Area", else the first comma group.
std::string city_of_location(std::string_view location) {
  std::string_view text = util::trim(location);
  for (const std::string& word : words_of(text)) {
    if (word == "remote" || word == "anywhere" || word == "worldwide") return {};  // no city
  }
  if (text.size() > 6 && text[2] == '-' && std::isupper(static_cast<unsigned char>(text[0])) &&
      std::isupper(static_cast<unsigned char>(text[1]))) {
    const std::size_t dash = text.find('-', 3);
    text = dash == std::string_view::npos ? text.substr(3) : text.substr(dash + 1);
  }
  const std::size_t comma = text.find(',');
  if (comma != std::string_view::npos) text = text.substr(0, comma);
  std::string city;
  for (const std::string& word : words_of(text)) {
    if (word.empty() || is_place_filler(word) || is_remote_word(word)) continue;
    if (!city.empty()) city.push_back(' ');
    city += word;
  }
  return city;
}

std::string fold_city(std::string_view city) {
  std::string out;
  for (const std::string& word : words_of(city)) {
    if (word.empty() || is_place_filler(word)) continue;
    if (!out.empty()) out.push_back(' ');
    out += word;
  }
  return out;
}

bool is_employer_source(std::string_view source, std::string_view url) {
  static constexpr std::string_view kAts[] = {"greenhouse", "lever", "ashby", "smartrecruiters",
                                              "workable", "recruitee", "workday", "jsonld",
                                              "employer", "career"};
  for (std::string_view ats : kAts) {
    if (source.find(ats) != std::string_view::npos) return true;
  }
  static constexpr std::string_view kHosts[] = {
      "greenhouse.io/", "lever.co/", "ashbyhq.com/", "smartrecruiters.com/", "workable.com/",
      "recruitee.com/", "myworkdayjobs.com/"};
  for (std::string_view host : kHosts) {
    if (url.find(host) != std::string_view::npos) return true;
  }
  return false;
}

// Bytes of a word, lower-cased; 0 for the bytes between words. Bytes of UTF-8 sequences are
// word bytes, so "Köln" and "München" stay one word each.
constexpr std::array<unsigned char, 256> kWordByte = [] {
  std::array<unsigned char, 256> table{};
  for (int c = 0; c < 256; ++c) {
    if (c >= 'a' && c <= 'z') table[c] = static_cast<unsigned char>(c);
    else if (c >= 'A' && c <= 'Z') table[c] = static_cast<unsigned char>(c + 32);
    else if (c >= '0' && c <= '9') table[c] = static_cast<unsigned char>(c);
    else if (c >= 0x80) table[c] = static_cast<unsigned char>(c);
  }
  return table;
}();

// One-permutation MinHash over word 3-shingles: each shingle's 64-bit hash picks a bin with its
// top bits and competes for that bin's minimum with its low bits. One hash per shingle, where
// k-permutation MinHash needs k. Words hash with a cheap multiply-add loop and one finalising
// mix per word; a shingle combines its three word hashes with odd multipliers.
void sketch_description(std::string_view text, Features& out) {
  out.sketch.fill(kEmptyBin);
  text = text.substr(0, std::min(text.size(), kMaxDescriptionBytes));
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  std::uint64_t w1 = 0, w2 = 0;  // the two words before this one
  int words = 0;
  std::uint32_t shingles = 0;
  while (p < end) {
    while (p < end && kWordByte[*p] == 0) ++p;
    if (p >= end) break;
    std::uint64_t h = 0;
    while (p < end) {
      const unsigned char c = kWordByte[*p];
      if (c == 0) break;
      h = h * 0x100000001b3ull + c;
      ++p;
    }
    h = mix(h);
    if (++words >= 3) {
      const std::uint64_t shingle =
          (w1 * 0x9e3779b97f4a7c15ull) ^ (w2 * 0xc2b2ae3d27d4eb4full) ^ h;
      const std::uint64_t spread = shingle * 0xff51afd7ed558ccdull;
      const std::size_t bin = spread >> 58;
      const auto value = static_cast<std::uint16_t>(spread >> 40);
      if (value < out.sketch[bin]) out.sketch[bin] = value;
      if (shingles < kLeadShingles) out.lead[shingles] = static_cast<std::uint16_t>(value | 1u);
      ++shingles;
    }
    w1 = w2;
    w2 = h;
  }
  out.shingles = shingles;
  out.lead_count = static_cast<std::uint8_t>(std::min<std::uint32_t>(shingles, kLeadShingles));
  std::sort(out.lead.begin(), out.lead.begin() + out.lead_count);
}

}  // namespace

std::int32_t day_of(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return 0;
  auto number = [&](std::size_t at, std::size_t n) {
    int value = 0;
    for (std::size_t k = at; k < at + n; ++k) {
      if (iso[k] < '0' || iso[k] > '9') return -1;
      value = value * 10 + (iso[k] - '0');
    }
    return value;
  };
  int y = number(0, 4);
  const int m = number(5, 2), d = number(8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) return 0;
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string normalise_company(std::string_view company) {
  std::vector<std::string> words = words_of(company);
  std::erase(words, std::string());
  if (words.size() > 1 && words.front() == "the") words.erase(words.begin());
  // "GmbH & Co. KG", "Pvt. Ltd.", "Smith & Co": suffixes and the "and" between them.
  while (words.size() > 1 && (is_legal_suffix(words.back()) || words.back() == "and")) {
    words.pop_back();
  }
  std::string key;
  for (const std::string& word : words) key += word;  // "Auto Mall" == "AutoMall"
  return key;
}

std::vector<std::string> title_words(std::string_view title, std::string_view city) {
  const normalize::TitleInfo info = normalize::parse_title(title.substr(0, 1000));
  std::vector<std::string> place;  // "Data Scientist - Austin" in Austin is a Data Scientist
  for (std::string& word : words_of(city.substr(0, 300))) {
    if (!word.empty()) place.push_back(std::move(word));
  }
  std::vector<std::string> words;
  const auto& abbreviations_ = abbreviations();
  std::vector<std::string> raw = words_of(info.clean);
  for (std::size_t i = 0; i < raw.size(); ++i) {
    std::string word = std::move(raw[i]);
    if (word.empty()) continue;
    if (word == "vice" && i + 1 < raw.size() && raw[i + 1] == "president") {
      ++i;
      word = "vp";
    } else if (auto it = abbreviations_.find(word); it != abbreviations_.end()) {
      word = std::string(it->second);
    }
    if (is_stop_word(word) || is_remote_word(word) || is_reference(word)) continue;
    if (std::find(place.begin(), place.end(), word) != place.end()) continue;
    if (word.size() == 1 && !(word[0] >= '1' && word[0] <= '5')) continue;  // "C" of "C#"
    words.push_back(std::move(word));
  }
  if (words.empty()) words = words_of(info.clean);  // a title that is only a place: keep it
  return words;
}

std::string city_of(const Posting& posting) {
  return posting.city.empty() ? city_of_location(posting.location) : fold_city(posting.city);
}

Features features_of(const Posting& posting) {
  Features out;
  const std::string company = normalise_company(posting.company);
  out.company_key = company.empty() ? 0 : hash_text(company);
  std::copy_n(company.begin(), std::min(company.size(), out.company.size()), out.company.begin());
  out.url_key = posting.canonical_url.empty() ? 0 : hash_text(posting.canonical_url);

  const std::string city = city_of(posting);
  const auto& levels = levels_table();
  std::vector<std::uint32_t> hashes;
  for (const std::string& word : title_words(posting.title, city)) {
    if (auto it = levels.find(word); it != levels.end()) {
      out.levels |= it->second;
      continue;
    }
    if (hashes.size() < kTitleTokens) hashes.push_back(static_cast<std::uint32_t>(hash_text(word)) | 1u);
  }
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  std::uint64_t key = 0x51ed270b27a1c3d5ull;
  for (std::size_t i = 0; i < hashes.size(); ++i) {
    out.title_words[i] = hashes[i];
    key = mix(key ^ hashes[i]);
  }
  out.title_count = static_cast<std::uint8_t>(hashes.size());
  out.title_key = key;

  out.city_key = city.empty() ? 0 : hash_text(city);
  if (posting.latitude && posting.longitude) {
    out.has_place = 1;
    out.latitude = static_cast<float>(*posting.latitude);
    out.longitude = static_cast<float>(*posting.longitude);
  }
  if (posting.country.size() == 2) {
    out.country[0] = posting.country[0];
    out.country[1] = posting.country[1];
  }
  const std::string location = util::to_lower(posting.location.substr(0, 300));
  out.remote = posting.remote == "remote" || location.find("remote") != std::string::npos ||
               location.find("anywhere") != std::string::npos;
  bool other_words = false, remote_words = false;
  for (const std::string& word : words_of(posting.location.substr(0, 300))) {
    if (word.empty()) continue;
    const bool remote = word == "remote" || word == "anywhere" || word == "worldwide";
    if (word == "europe" || word == "eu" || word == "emea" || word == "european") out.europe = 1;
    remote_words = remote_words || remote;
    other_words = other_words || !remote;
  }
  static constexpr std::string_view kEurope[] = {
      "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
      "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "GB", "CH", "NO",
      "IS", "UA", "RS", "AL", "BA", "ME", "MK", "MD"};
  if (posting.country.size() == 2 &&
      std::find(std::begin(kEurope), std::end(kEurope), posting.country) != std::end(kEurope)) {
    out.europe = 1;
  }
  out.place_kind = remote_words    ? (other_words ? place_remote_region : place_remote)
                   : !city.empty() || out.has_place ? place_city
                   : other_words   ? place_region
                                   : place_none;
  out.day = day_of(posting.date);
  out.employer = is_employer_source(posting.source, posting.canonical_url);
  sketch_description(posting.description, out);

  const std::size_t richness = std::min<std::size_t>(posting.description.size() / 64, 1000) +
                               (posting.has_salary ? 200 : 0) + (city.empty() ? 0 : 100) +
                               (out.has_place ? 50 : 0);
  out.richness = static_cast<std::uint16_t>(std::min<std::size_t>(richness, 65535));
  return out;
}

std::string to_blob(const Features& features) {
  std::string blob(sizeof(Features), '\0');
  std::memcpy(blob.data(), &features, sizeof(Features));
  return blob;
}

std::optional<Features> from_blob(std::string_view blob) {
  if (blob.size() != sizeof(Features)) return std::nullopt;
  Features features;
  std::memcpy(&features, blob.data(), sizeof(Features));
  return features;
}

Features features_of_job(const model::Job& job, std::string_view now) {
  // SQLite's substr() counts characters: the store hands a run this much of the text.
  std::string_view description = job.description;
  std::size_t characters = 0;
  for (std::size_t i = 0; i < description.size(); ++i) {
    if ((static_cast<unsigned char>(description[i]) & 0xC0) == 0x80) continue;
    if (characters++ == static_cast<std::size_t>(store::kDedupDescriptionBytes)) {
      description = description.substr(0, i);
      break;
    }
  }
  Posting posting;
  posting.source = job.source;
  posting.canonical_url = job.canonical_url;
  posting.title = job.title;
  posting.company = job.company;
  posting.location = job.location;
  posting.city = job.city;
  posting.country = job.country;
  posting.latitude = job.latitude;
  posting.longitude = job.longitude;
  posting.remote = job.remote;
  posting.description = description;
  posting.date = !job.date_posted.empty() ? std::string_view(job.date_posted)
                 : !job.first_seen.empty() ? std::string_view(job.first_seen)
                                           : now;
  posting.has_salary = job.salary_min.has_value() || job.salary_max.has_value();
  return features_of(posting);
}

}  // namespace hg::dedup
