#include "normalize/dates.hpp"

#include <catch2/catch.hpp>

#include "tsv_rows.hpp"

namespace hg::normalize {
namespace {

util::TimePoint at(std::string_view iso) { return *util::parse_iso(iso); }

const util::TimePoint kFetched = at("2026-08-04T09:30:00Z");

TEST_CASE("parse_date reads every dated string in the recorded board payloads", "[normalize]") {
  const auto rows = testing::read_cases("dates_cases.tsv");
  REQUIRE(rows.size() >= 40);
  for (const auto& row : rows) {
    REQUIRE(row.fields.size() == 4);
    INFO("dates_cases.tsv:" << row.line << " " << row.fields[0]);
    const auto parsed = parse_date(row.fields[0], at(row.fields[1]));
    CHECK(parsed.value_or("") == row.fields[2]);
  }
}

TEST_CASE("parse_date reads RFC 2822 dates with numeric and named zones", "[normalize]") {
  CHECK(parse_date("Tue, 03 Jun 2025 14:02:00 +0000", kFetched) == "2025-06-03T14:02:00Z");
  CHECK(parse_date("Mon, 2 Jun 2025 09:00:00 GMT", kFetched) == "2025-06-02T09:00:00Z");
  CHECK(parse_date("Mon, 02 Jun 2025 09:00:00 -0500", kFetched) == "2025-06-02T14:00:00Z");
  CHECK(parse_date("Mon, 02 Jun 2025 09:00:00 PDT", kFetched) == "2025-06-02T16:00:00Z");
  CHECK(parse_date("2 Jun 2025 23:30 +0200", kFetched) == "2025-06-02T21:30:00Z");
}

TEST_CASE("parse_date reads month names in five languages", "[normalize]") {
  CHECK(parse_date("June 3, 2025", kFetched) == "2025-06-03");
  CHECK(parse_date("3rd June 2025", kFetched) == "2025-06-03");
  CHECK(parse_date("3. März 2025", kFetched) == "2025-03-03");
  CHECK(parse_date("1er février 2025", kFetched) == "2025-02-01");
  CHECK(parse_date("15 de agosto de 2024", kFetched) == "2024-08-15");
  CHECK(parse_date("12 mei 2025", kFetched) == "2025-05-12");
  CHECK(parse_date("Posted on Sept. 9, 2024 at 3:15 pm", kFetched) == "2024-09-09T15:15:00Z");
  SECTION("an impossible day is not a date") {
    CHECK_FALSE(parse_date("February 30, 2025", kFetched));
    CHECK_FALSE(parse_date("31.04.2025", kFetched));
  }
}

TEST_CASE("parse_date resolves relative dates against the fetch time", "[normalize]") {
  CHECK(parse_date("3 days ago", kFetched) == "2026-08-01");
  CHECK(parse_date("Posted 30+ days ago", kFetched) == "2026-07-05");
  CHECK(parse_date("an hour ago", kFetched) == "2026-08-04T08:30:00Z");
  CHECK(parse_date("45 minutes ago", kFetched) == "2026-08-04T08:45:00Z");
  CHECK(parse_date("Today", kFetched) == "2026-08-04");
  CHECK(parse_date("hier", kFetched) == "2026-08-03");
  CHECK(parse_date("vorgestern", kFetched) == "2026-08-02");
  CHECK(parse_date("vor 3 Wochen", kFetched) == "2026-07-14");
  CHECK(parse_date("il y a un mois", kFetched) == "2026-07-04");
  CHECK(parse_date("hace 1 año", kFetched) == "2025-08-04");
  CHECK(parse_date("ayer", kFetched) == "2026-08-03");
  SECTION("a month back from the 31st lands on the month's last day") {
    CHECK(parse_date("1 month ago", at("2026-03-31T12:00:00Z")) == "2026-02-28");
  }
  SECTION("a number and a unit without a word like 'ago' is not a date") {
    CHECK_FALSE(parse_date("3 days", kFetched));
    CHECK_FALSE(parse_date("5 hours per week", kFetched));
  }
}

TEST_CASE("parse_absolute_date never guesses relative dates or ambiguous ones", "[normalize]") {
  CHECK_FALSE(parse_absolute_date("yesterday"));
  CHECK_FALSE(parse_absolute_date("3 days ago"));
  CHECK_FALSE(parse_absolute_date("04/05/2025"));  // April 5th or 4 May
  CHECK(parse_absolute_date("13/05/2025") == "2025-05-13");
  CHECK(parse_absolute_date("05/13/2025") == "2025-05-13");
  CHECK(parse_absolute_date("2025/05/13") == "2025-05-13");
  CHECK(parse_absolute_date("2023-07-25 17:53:46 UTC") == "2023-07-25T17:53:46Z");
}

TEST_CASE("parse_date gives up on long or odd text without reading all of it", "[normalize]") {
  CHECK_FALSE(parse_date(std::string(100'000, '9'), kFetched));
  CHECK_FALSE(parse_date("one two three four five six seven eight nine ten eleven twelve "
                         "thirteen fourteen fifteen sixteen seventeen June 3 2025",
                         kFetched));
  CHECK_FALSE(parse_date("", kFetched));
  CHECK_FALSE(parse_date("   ", kFetched));
  CHECK_FALSE(parse_date("\xFF\xFE", kFetched));
  CHECK_FALSE(parse_date("99999 days ago", kFetched));
}

}  // namespace
}  // namespace hg::normalize
