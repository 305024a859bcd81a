// Accuracy of every normaliser (salary, location, dates, titles, employment, visa) on the held-out labelled samples in bench/labels/, and the
// load time of the shipped UK sponsor register.
//   normalize_eval bench/labels        # prints one line per file, then every miss
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "normalize/dates.hpp"
#include "normalize/employment.hpp"
#include "normalize/location.hpp"
#include "normalize/salary.hpp"
#include "normalize/title.hpp"
#include "normalize/visa.hpp"
#include "util/embedded.hpp"
#include "util/strings.hpp"

namespace {

using Row = std::vector<std::string>;

std::vector<Row> read_rows(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<Row> rows;
  std::string line;
  for (bool header = true; std::getline(in, line); header = false) {
    if (!header && !line.empty()) rows.push_back(hg::util::split(line, '\t'));
  }
  return rows;
}

struct Score {
  int right = 0, total = 0;
  std::vector<std::string> misses;
  void add(bool ok, const std::string& what) {
    ++total;
    right += ok ? 1 : 0;
    if (!ok) misses.push_back(what);
  }
  void print(const char* name) const {
    std::printf("%-22s %3d/%3d  %5.1f%%\n", name, right, total, total ? 100.0 * right / total : 0.0);
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: normalize_eval LABELS_DIR\n");
    return 2;
  }
  const std::string dir = argv[1];
  Score dates, clean, seniority, family, employment, visa, salary, location;
  auto number = [](const std::optional<double>& got, const std::string& want) {
    if (want.empty()) return !got.has_value();
    return got && std::abs(*got - std::stod(want)) < 0.01;
  };
  for (Row r : read_rows(dir + "/salary.tsv")) {
    r.resize(6);
    const auto got = hg::normalize::parse_salary(r[0], {.country = r[1], .default_period = {}});
    const bool ok = got ? number(got->min, r[2]) && number(got->max, r[3]) &&
                              got->currency == r[4] && got->period == r[5]
                        : r[2].empty() && r[3].empty();
    salary.add(ok, "salary: " + r[0].substr(0, 90));
  }
  auto gazetteer = hg::normalize::Gazetteer::embedded();
  if (!gazetteer) {
    std::fprintf(stderr, "normalize_eval: %s\n", gazetteer.error().message.c_str());
    return 1;
  }
  for (Row r : read_rows(dir + "/location.tsv")) {
    r.resize(6);
    const auto got = hg::normalize::parse_location(*gazetteer, r[0]);
    const hg::normalize::Place first = got.places.empty() ? hg::normalize::Place{} : got.places[0];
    std::string regions;
    for (const std::string& region : got.remote_regions) regions += (regions.empty() ? "" : "|") + region;
    const bool ok = first.city == r[1] && first.region == r[2] && first.country == r[3] &&
                    got.remote == r[4] && regions == r[5];
    location.add(ok, "location: " + r[0] + " -> '" + first.city + "', '" + first.region + "', '" +
                         first.country + "', '" + got.remote + "', '" + regions + "'");
  }
  for (const Row& r : read_rows(dir + "/dates.tsv")) {
    const auto got = hg::normalize::parse_date(r[0], *hg::util::parse_iso(r[1])).value_or("");
    dates.add(got == r[2], "dates: " + r[0] + " -> '" + got + "', want '" + r[2] + "'");
  }
  for (const Row& r : read_rows(dir + "/titles.tsv")) {
    const auto info = hg::normalize::parse_title(r[0]);
    clean.add(info.clean == r[1], "clean: " + r[0] + " -> '" + info.clean + "'");
    seniority.add(info.seniority == r[2],
                  "seniority: " + r[0] + " -> '" + info.seniority + "', want '" + r[2] + "'");
    family.add(info.family == r[3],
               "family: " + r[0] + " -> '" + info.family + "', want '" + r[3] + "'");
  }
  for (const Row& r : read_rows(dir + "/employment.tsv")) {
    const auto got = hg::normalize::employment_type_from_text(r[0]);
    employment.add(got == r[1], "employment: " + r[0].substr(0, 90) + " -> '" + got +
                                    "', want '" + r[1] + "'");
  }
  for (const Row& r : read_rows(dir + "/visa.tsv")) {
    const auto signal = hg::normalize::visa_from_text(r[0]);
    const std::string got = !signal.sponsors ? "" : (*signal.sponsors ? "yes" : "no");
    visa.add(got == r[1], "visa: " + r[0].substr(0, 90) + " -> '" + got + "', want '" + r[1] + "'");
  }
  salary.print("salary");
  location.print("location");
  dates.print("dates");
  clean.print("titles: clean");
  seniority.print("titles: seniority");
  family.print("titles: family");
  employment.print("employment");
  visa.print("visa");
  const auto text = hg::util::embedded_data("visa/uk_sponsors.txt");
  if (text) {
    const auto start = std::chrono::steady_clock::now();
    auto reg = hg::normalize::SponsorRegister::load(*text);
    const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start);
    std::printf("uk sponsor register: %zu names loaded in %.1f ms\n", reg ? reg->size() : 0,
                ms.count());
  }
  for (const Score* s : {&salary, &location, &dates, &clean, &seniority, &family, &employment, &visa}) {
    for (const std::string& miss : s->misses) std::printf("  miss %s\n", miss.c_str());
  }
  return 0;
}
