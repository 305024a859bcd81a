// Gazetteer: loading data/places/*.tsv into string_views and one hash map of folded names.
#include <array>
#include <charconv>

#include "normalize/location.hpp"
#include "util/embedded.hpp"

namespace hg::normalize {
namespace {

constexpr std::string_view kCitiesHeader =
    "name\tascii\tcountry\tadmin1\tpopulation\tlat\tlon\tkeys\taliases";
constexpr std::string_view kAdmin1Header = "code\tname\tkeys";
constexpr std::string_view kCountriesHeader = "iso2\tiso3\tname\tcontinent\tpopulation\tkeys";

// Calls `row(fields, line_number)` for each data line of a TSV with exactly N columns.
template <std::size_t N, class Row>
Result<void> for_each_row(std::string_view tsv, std::string_view header, std::string_view what,
                          Row row) {
  std::size_t line_number = 0;
  while (!tsv.empty()) {
    const std::size_t end = tsv.find('\n');
    std::string_view line = tsv.substr(0, end);
    tsv.remove_prefix(end == std::string_view::npos ? tsv.size() : end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++line_number;
    if (line_number == 1) {
      if (line != header) return fail(Errc::invalid_input, "{}: unexpected header", what);
      continue;
    }
    if (line.empty()) continue;
    std::array<std::string_view, N> fields;
    std::size_t count = 0;
    for (std::size_t start = 0;;) {
      const std::size_t tab = line.find('\t', start);
      if (count < N) fields[count] = line.substr(start, tab - start);
      ++count;
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (count != N) {
      return fail(Errc::invalid_input, "{} line {}: {} columns, expected {}", what, line_number,
                  count, N);
    }
    row(fields);
  }
  if (line_number == 0) return fail(Errc::invalid_input, "{}: empty", what);
  return {};
}

template <class F>
void for_each_key(std::string_view keys, F f) {
  while (!keys.empty()) {
    const std::size_t bar = keys.find('|');
    if (bar != 0) f(keys.substr(0, bar));
    if (bar == std::string_view::npos) break;
    keys.remove_prefix(bar + 1);
  }
}

template <class T>
T number(std::string_view text) {
  T value{};
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

}  // namespace

void Gazetteer::add_key(std::string_view key, Kind kind, bool alias, std::uint32_t index) {
  // Two- and three-letter codes ("CA", "UK", "NYC") are ordinary words in lower case.
  const bool needs_upper = key.size() <= 3 && (kind != Kind::city || alias);
  const auto next = static_cast<std::uint32_t>(entries_.size());
  auto [it, inserted] = keys_.try_emplace(key, next);
  entries_.push_back({kind, alias, needs_upper, index, inserted ? kNone : it->second});
  it->second = next;
}

Result<Gazetteer> Gazetteer::load(std::string_view cities_tsv, std::string_view admin1_tsv,
                                  std::string_view countries_tsv) {
  Gazetteer g;
  g.cities_.reserve(cities_tsv.size() / 48);
  g.entries_.reserve(cities_tsv.size() / 12);
  g.keys_.reserve(cities_tsv.size() / 12);
  auto cities = for_each_row<9>(cities_tsv, kCitiesHeader, "places/cities.tsv", [&](auto& f) {
    const auto index = static_cast<std::uint32_t>(g.cities_.size());
    g.cities_.push_back(
        {f[0], f[2], f[3], number<std::uint32_t>(f[4]), number<float>(f[5]), number<float>(f[6])});
    for_each_key(f[7], [&](std::string_view key) { g.add_key(key, Kind::city, false, index); });
    for_each_key(f[8], [&](std::string_view key) { g.add_key(key, Kind::city, true, index); });
  });
  if (!cities) return cities.error();
  auto admin1 = for_each_row<3>(admin1_tsv, kAdmin1Header, "places/admin1.tsv", [&](auto& f) {
    const std::size_t dot = f[0].find('.');
    if (dot == std::string_view::npos) return;
    const auto index = static_cast<std::uint32_t>(g.regions_.size());
    g.regions_.push_back({f[0].substr(0, dot), f[0].substr(dot + 1), f[1]});
    g.region_codes_.emplace(f[0], index);
    for_each_key(f[2], [&](std::string_view key) { g.add_key(key, Kind::region, false, index); });
  });
  if (!admin1) return admin1.error();
  auto countries =
      for_each_row<6>(countries_tsv, kCountriesHeader, "places/countries.tsv", [&](auto& f) {
        const auto index = static_cast<std::uint32_t>(g.countries_.size());
        g.countries_.push_back({f[0], f[2], number<std::uint64_t>(f[4])});
        g.country_codes_.emplace(f[0], index);
        for_each_key(f[5],
                     [&](std::string_view key) { g.add_key(key, Kind::country, false, index); });
      });
  if (!countries) return countries.error();
  return g;
}

Result<Gazetteer> Gazetteer::embedded() {
  auto cities = util::embedded_data("places/cities.tsv");
  auto admin1 = util::embedded_data("places/admin1.tsv");
  auto countries = util::embedded_data("places/countries.tsv");
  if (!cities || !admin1 || !countries) {
    return fail(Errc::not_found, "gazetteer: data/places is not embedded in this build");
  }
  return load(*cities, *admin1, *countries);
}

std::uint32_t Gazetteer::find(std::string_view folded_key) const {
  auto it = keys_.find(folded_key);
  return it == keys_.end() ? kNone : it->second;
}

const Gazetteer::Country* Gazetteer::country(std::string_view iso2) const {
  auto it = country_codes_.find(iso2);
  return it == country_codes_.end() ? nullptr : &countries_[it->second];
}

const Gazetteer::Region* Gazetteer::region(std::string_view country, std::string_view code) const {
  std::array<char, 32> buffer{};
  if (country.size() + code.size() + 1 > buffer.size()) return nullptr;
  std::size_t n = country.copy(buffer.data(), country.size());
  buffer[n++] = '.';
  n += code.copy(buffer.data() + n, code.size());
  auto it = region_codes_.find(std::string_view(buffer.data(), n));
  return it == region_codes_.end() ? nullptr : &regions_[it->second];
}

}  // namespace hg::normalize
