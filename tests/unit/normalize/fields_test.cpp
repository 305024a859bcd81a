#include "normalize/fields.hpp"

#include <catch2/catch.hpp>

namespace hg::normalize {
namespace {

TEST_CASE("remote_mode reads the ways boards say remote, hybrid and on-site", "[normalize]") {
  for (const char* text : {"Remote", "REMOTE", "true", "yes", "TELECOMMUTE", "fully remote",
                           "Remote - US", "Work from home", "WFH", "anywhere"}) {
    INFO(text);
    CHECK(remote_mode(text) == "remote");
  }
  for (const char* text : {"Hybrid", "hybrid (2 days in office)", "Remote/Hybrid"}) {
    INFO(text);
    CHECK(remote_mode(text) == "hybrid");
  }
  for (const char* text : {"On-site", "onsite", "ON_SITE", "office", "In person", "false", "no"}) {
    INFO(text);
    CHECK(remote_mode(text) == "onsite");
  }
  for (const char* text : {"", "  ", "unknown", "N/A", "none", "Berlin", "flexible"}) {
    INFO(text);
    CHECK(remote_mode(text) == "");
  }
}

TEST_CASE("employment_type maps spellings to one code", "[normalize]") {
  CHECK(employment_type("Full-time") == "full_time");
  CHECK(employment_type("FULL_TIME") == "full_time");
  CHECK(employment_type("fulltime") == "full_time");
  CHECK(employment_type("Permanent") == "full_time");
  CHECK(employment_type("Part Time") == "part_time");
  CHECK(employment_type("CONTRACTOR") == "contract");
  CHECK(employment_type("Freelance") == "freelance");  // as employment_type_from_text says
  CHECK(employment_type("Temp") == "temporary");
  CHECK(employment_type("Intern") == "internship");
  CHECK(employment_type("Werkstudent") == "internship");
  CHECK(employment_type("VOLUNTEER") == "volunteer");
  CHECK(employment_type("Per Diem") == "per_diem");
  SECTION("one or two words in another language") {
    CHECK(employment_type("Vollzeit") == "full_time");
    CHECK(employment_type("CDI") == "full_time");
    CHECK(employment_type("Temps partiel") == "part_time");
    CHECK(employment_type("Befristet") == "contract");
    CHECK(employment_type("Praktikum") == "internship");
    CHECK(employment_type("ZZP") == "freelance");
    CHECK(employment_type("Seasonal") == "temporary");
  }
  SECTION("unknown text is lower-cased with _ for separators") {
    CHECK(employment_type("Shift  Work!") == "shift_work");
    CHECK(employment_type("Full-time, Contract") == "full_time_contract");
    CHECK(employment_type("  ") == "");
  }
}

TEST_CASE("salary_period maps pay periods to hour, day, week, month or year", "[normalize]") {
  for (const char* text : {"yearly", "Annual", "annually", "per annum", "YEAR", "pa", "p.a.", "/yr",
                           "per yr", "Jahr"}) {
    INFO(text);
    CHECK(salary_period(text) == "year");
  }
  CHECK(salary_period("HOUR") == "hour");
  CHECK(salary_period("hourly") == "hour");
  CHECK(salary_period("per hour") == "hour");
  CHECK(salary_period("hr") == "hour");
  CHECK(salary_period("Monthly") == "month");
  CHECK(salary_period("per month") == "month");
  CHECK(salary_period("weekly") == "week");
  CHECK(salary_period("DAY") == "day");
  CHECK(salary_period("daily") == "day");
  SECTION("a word that merely starts with an abbreviation is not that period") {
    CHECK(salary_period("paid hourly") == "hour");
    CHECK(salary_period("Paid monthly") == "month");
    CHECK(salary_period("payment") == "");
  }
  for (const char* text : {"", "unknown", "fortnightly", "once"}) {
    INFO(text);
    CHECK(salary_period(text) == "");
  }
}

TEST_CASE("amount reads plain figures with separators, currency and k", "[normalize]") {
  CHECK(amount("120000") == 120000.0);
  CHECK(amount("$120,000") == 120000.0);
  CHECK(amount("120 000") == 120000.0);
  CHECK(amount("120k") == 120000.0);
  CHECK(amount(" 85K ") == 85000.0);
  CHECK(amount("1.5k") == 1500.0);
  CHECK(amount("£45,500.50") == 45500.5);
  CHECK(amount("€ 60000") == 60000.0);
  CHECK(amount("USD 90000") == 90000.0);
  CHECK(amount("0") == 0.0);
  for (const char* text : {"", "k", "abc", "-5", "12-15k", "90000 USD", "1.2.3", "ten", "5%"}) {
    INFO(text);
    CHECK_FALSE(amount(text));
  }
}

TEST_CASE("date keeps ISO 8601 canonical and reads epoch seconds, milliseconds and RFC 2822",
          "[normalize]") {
  CHECK(date("2026-01-05") == "2026-01-05");
  CHECK(date(" 2026-01-05T10:00:00+01:00 ") == "2026-01-05T09:00:00Z");
  CHECK(date("2026-01-05 10:00") == "2026-01-05T10:00:00Z");
  CHECK(date("1767225600") == "2026-01-01T00:00:00Z");     // seconds
  CHECK(date("1767225600000") == "2026-01-01T00:00:00Z");  // milliseconds
  CHECK(date("1767225600999") == "2026-01-01T00:00:00Z");  // milliseconds are dropped
  CHECK(date("946684800") == "2000-01-01T00:00:00Z");
  CHECK(date("Fri, 10 Jul 2026 22:45:30 +0000") == "2026-07-10T22:45:30Z");  // RSS
  CHECK(date("2023-07-25 17:53:46 UTC") == "2023-07-25T17:53:46Z");          // Recruitee
  CHECK(date("July 31, 2023") == "2023-07-31");
  SECTION("nothing else is a date") {
    for (const char* text : {"", "0", "-1767225600", "yesterday", "2026-13-01", "1.7e9",
                             "99999999999999", "32503680001"}) {
      INFO(text);
      CHECK_FALSE(date(text));
    }
  }
  SECTION("a year or a compact date is not read as seconds since 1970") {
    CHECK_FALSE(date("2024"));
    CHECK_FALSE(date("20240115"));
  }
}

TEST_CASE("description keeps plain text and turns HTML into text, keeping the HTML",
          "[normalize]") {
  SECTION("plain text is trimmed and has no HTML") {
    const Description d = description("  Build things. a < b > c \n");
    CHECK(d.text == "Build things. a < b > c");
    CHECK(d.html == "");
  }
  SECTION("HTML") {
    const Description d = description("<p>Build <b>things</b>.</p><ul><li>C++</li></ul>");
    CHECK(d.text == "Build things.\n\n- C++");
    CHECK(d.html == "<p>Build <b>things</b>.</p><ul><li>C++</li></ul>");
  }
  SECTION("entity-escaped HTML, as Greenhouse sends it, is unescaped once") {
    const Description d = description("&lt;p&gt;R&amp;amp;D &lt;b&gt;team&lt;/b&gt;&lt;/p&gt;");
    CHECK(d.text == "R&D team");
    CHECK(d.html == "<p>R&amp;D <b>team</b></p>");
  }
  SECTION("empty") {
    const Description d = description("");
    CHECK(d.text == "");
    CHECK(d.html == "");
  }
}

}  // namespace
}  // namespace hg::normalize

TEST_CASE("amount reads dots that group thousands, European style", "[normalize]") {
  CHECK(hg::normalize::amount("€85.000") == 85000.0);
  CHECK(hg::normalize::amount("1.250.000") == 1250000.0);
  CHECK(hg::normalize::amount("60.000") == 60000.0);
  CHECK(hg::normalize::amount("45.5") == 45.5);
  CHECK(hg::normalize::amount("1234.567") == 1234.567);  // a first group of four digits: a decimal point
}
