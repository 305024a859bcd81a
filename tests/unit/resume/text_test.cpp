#include "resume/text.hpp"

#include <catch2/catch.hpp>

namespace hg::resume::detail {
namespace {

std::string start_of(std::string_view line) {
  auto d = find_dates(line);
  return d ? d->start : "none";
}

std::string end_of(std::string_view line) {
  auto d = find_dates(line);
  if (!d) return "none";
  return d->current ? "current" : d->end;
}

}  // namespace

TEST_CASE("find_dates reads the date shapes resumes use", "[resume]") {
  CHECK(start_of("Jan 2020 \xE2\x80\x93 Present") == "2020-01");
  CHECK(end_of("Jan 2020 \xE2\x80\x93 Present") == "current");
  CHECK(start_of("2019/03") == "2019-03");
  CHECK(start_of("03.2019 \xE2\x80\x93 heute") == "2019-03");
  CHECK(end_of("03.2019 \xE2\x80\x93 heute") == "current");
  CHECK(start_of("Spring 2018") == "2018-03");
  CHECK(start_of("2016 - 2018") == "2016");
  CHECK(end_of("2016 - 2018") == "2018");
  CHECK(start_of("Jul, 2025 - Present 1 year") == "2025-07");
  CHECK(end_of("2025-07 \xE2\x80\x94") == "current");
  CHECK(start_of("März 2019 bis Juni 2021") == "2019-03");
  CHECK(end_of("März 2019 bis Juni 2021") == "2021-06");
  CHECK(start_of("septembre 2015 - actuel") == "2015-09");
  CHECK(end_of("enero de 2014 - actualidad") == "current");
  CHECK(start_of("2008-09-01 - 2011-06-01") == "2008-09");
  CHECK(end_of("2008-09-01 - 2011-06-01") == "2011-06");
}

TEST_CASE("find_dates leaves text without dates alone", "[resume]") {
  CHECK(start_of("Senior Engineer at Acme") == "none");
  CHECK(start_of("Managed 300 servers") == "none");
  CHECK(start_of("") == "none");
}

TEST_CASE("cut removes the dates and the separators around them", "[resume]") {
  const std::string line = "Engineer at Acme \xC2\xB7 Jan 2020 - Present";
  auto d = find_dates(line);
  REQUIRE(d);
  CHECK(cut(line, d->begin, d->end_at) == "Engineer at Acme");
}

TEST_CASE("key_of folds accents and case and punctuation and letter spacing", "[resume]") {
  CHECK(key_of("Work-Experience:") == "work experience");
  CHECK(key_of("S U M M A R Y") == "summary");
  CHECK(key_of("Formación Académica") == "formacion academica");
  CHECK(fold("MÜNCHEN") == "munchen");
}

}  // namespace hg::resume::detail
