#include "normalize/salary.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"
#include "util/strings.hpp"

namespace hg::normalize {
namespace {

// "min|max|currency|period" with "" for a missing figure, or "none" for nullopt.
std::string describe(const std::optional<Salary>& salary) {
  if (!salary) return "none";
  auto number = [](const std::optional<double>& v) {
    if (!v) return std::string();
    return *v == std::floor(*v) ? fmt::format("{:.0f}", *v) : fmt::format("{}", *v);
  };
  return number(salary->min) + "|" + number(salary->max) + "|" + salary->currency + "|" +
         salary->period;
}

std::string parse(std::string_view text, std::string_view country = {}) {
  return describe(parse_salary(text, {.country = std::string(country)}));
}

TEST_CASE("parse_salary reads ranges and single figures in the shapes boards write",
          "[normalize][salary]") {
  CHECK(parse("$120k–150k") == "120000|150000|USD|year");
  CHECK(parse("€60.000 - €75.000 brutto/Jahr") == "60000|75000|EUR|year");
  CHECK(parse("£45,000 pa") == "45000|45000|GBP|year");
  CHECK(parse("70-90K EUR") == "70000|90000|EUR|year");
  CHECK(parse("$50/hr") == "50|50|USD|hour");
  CHECK(parse("CHF 120'000") == "120000|120000|CHF|year");
  CHECK(parse("CHF 120’000 p.a.") == "120000|120000|CHF|year");
  CHECK(parse("$127,500 - $170,000") == "127500|170000|USD|year");
  CHECK(parse("$212K-$331K (Glassdoor est.)") == "212000|331000|USD|year");
  CHECK(parse("$45 - $55 an hour") == "45|55|USD|hour");
  CHECK(parse("₹ 12,00,000 per annum") == "1200000|1200000|INR|year");
  CHECK(parse("60 000 – 70 000 € brut par an") == "60000|70000|EUR|year");
  CHECK(parse("USD 100-120k") == "100000|120000|USD|year");
  CHECK(parse("45k-60k") == "45000|60000||year");
  CHECK(parse("$20.50/hour") == "20.5|20.5|USD|hour");
  CHECK(parse("between $250 and $2,500 per week") == "250|2500|USD|week");
  CHECK(parse("$1.2M") == "1200000|1200000|USD|year");
  CHECK(parse("12 LPA", "IN") == "1200000|1200000|INR|year");
  CHECK(parse("60.000,- bis 70.000,- € brutto") == "60000|70000|EUR|year");
  CHECK(parse("Gehalt: 1.234,56 € pro Monat") == "1234.56|1234.56|EUR|month");
}

TEST_CASE("parse_salary keeps only the minimum after from and only the maximum after up to",
          "[normalize][salary]") {
  CHECK(parse("From $80,000 a year") == "80000||USD|year");
  CHECK(parse("Up to $150,000") == "|150000|USD|year");
  CHECK(parse("up to 90000") == "|90000||year");
  CHECK(parse("Starting at $16.00 an hour.") == "16||USD|hour");
  CHECK(parse("$250,000+") == "250000||USD|year");
  CHECK(parse("$18.00/hr or more") == "18||USD|hour");
  CHECK(parse("ab 55.000 € im Jahr") == "55000||EUR|year");
  CHECK(parse("jusqu'à 45 000 € par an") == "|45000|EUR|year");
  CHECK(parse("hasta 30.000 € al año") == "|30000|EUR|year");
  CHECK(parse("Minimum Starting Salary: $43,735 - $63,677") == "43735|63677|USD|year");
}

TEST_CASE("parse_salary reads period words in English German French Spanish and Dutch",
          "[normalize][salary]") {
  CHECK(parse("$25 per hour") == "25|25|USD|hour");
  CHECK(parse("$25 hourly") == "25|25|USD|hour");
  CHECK(parse("€25 pro Stunde") == "25|25|EUR|hour");
  CHECK(parse("Stundenlohn: 15,50 €") == "15.5|15.5|EUR|hour");
  CHECK(parse("€450 per day") == "450|450|EUR|day");
  CHECK(parse("600 € par jour") == "600|600|EUR|day");
  CHECK(parse("$1,200 weekly") == "1200|1200|USD|week");
  CHECK(parse("€3.500 par mois") == "3500|3500|EUR|month");
  CHECK(parse("€ 3.000 per maand") == "3000|3000|EUR|month");
  CHECK(parse("$9,000 monthly") == "9000|9000|USD|month");
  CHECK(parse("£2,500 pcm") == "2500|2500|GBP|month");
  CHECK(parse("30.000 a 40.000 € al año") == "30000|40000|EUR|year");
  CHECK(parse("€ 50.000 per jaar") == "50000|50000|EUR|year");
  CHECK(parse("70.000 € jährlich") == "70000|70000|EUR|year");
  CHECK(parse("Jahresgehalt 70.000 €") == "70000|70000|EUR|year");
}

TEST_CASE("parse_salary infers a missing period from the amount and says so",
          "[normalize][salary]") {
  auto hourly = parse_salary("$24.50");
  REQUIRE(hourly);
  CHECK(hourly->period == "hour");
  CHECK(hourly->period_inferred);
  CHECK(parse("$4,000 - $5,000") == "4000|5000|USD|month");
  CHECK(parse("$95,000") == "95000|95000|USD|year");
  auto hinted = parse_salary("$4,000 - $5,000", {.default_period = "week"});
  REQUIRE(hinted);
  CHECK(hinted->period == "week");
  CHECK(hinted->period_inferred);
  auto said = parse_salary("$4,000 per month");
  REQUIRE(said);
  CHECK_FALSE(said->period_inferred);
}

TEST_CASE("parse_salary resolves dollar signs and other shared symbols by country",
          "[normalize][salary]") {
  CHECK(parse("$100,000") == "100000|100000|USD|year");
  CHECK(parse("$100,000", "CA") == "100000|100000|CAD|year");
  CHECK(parse("$100,000", "AU") == "100000|100000|AUD|year");
  CHECK(parse("$100,000", "SG") == "100000|100000|SGD|year");
  CHECK(parse("$100,000", "DE") == "100000|100000|USD|year");  // no euro "$": the usual one
  CHECK(parse("C$90,000") == "90000|90000|CAD|year");
  CHECK(parse("US$ 17.00 to 27.00 an hour.", "CA") == "17|27|USD|hour");
  CHECK(parse("USD $140250.00 - $189750.00 / Year", "CA") == "140250|189750|USD|year");
  CHECK(parse("kr 45.000 per month", "DK") == "45000|45000|DKK|month");
  CHECK(parse("kr 45.000 per month") == "45000|45000|SEK|month");
  CHECK(parse("¥6,000,000") == "6000000|6000000|JPY|year");
  CHECK(parse("¥300,000 per month", "CN") == "300000|300000|CNY|month");
  CHECK(parse("R$ 8.000", "BR") == "8000|8000|BRL|month");
  CHECK(parse("Rs. 50,000 per month") == "50000|50000|INR|month");
  CHECK(parse("60-70k", "DE") == "60000|70000|EUR|year");
  CHECK(parse("Salary (USD): 100-120k") == "100000|120000|USD|year");
}

TEST_CASE("parse_salary ignores figures that are not pay", "[normalize][salary]") {
  for (const char* text : {"competitive", "Competitive salary + benefits", "DOE", "", "   ",
                           "25 days holiday", "401(k) with match", "$0", "Negotiable",
                           "5+ years of experience", "3-5 years", "3D CAD models"}) {
    INFO(text);
    CHECK(parse(text) == "none");
  }
  CHECK(parse("Pay Grade 7 (Hiring Range $54,413.00 to $72,093.00 annually)") ==
        "54413|72093|USD|year");
  CHECK(parse("Mon-Fri 5:00am to 5:30pm; Starting pay $22.46 per hour.") == "22.46||USD|hour");
  CHECK(parse("£60K – £110K • 0.1% – 0.3%") == "60000|110000|GBP|year");
  CHECK(parse("$160k–$180k ($210k for senior band) + Equity") == "160000|180000|USD|year");
  CHECK(parse("Posted 2024-01-15: $50/hr") == "50|50|USD|hour");
  CHECK(parse("AutoCAD drafter, 3 years, $28/hr") == "28|28|USD|hour");
  CHECK(parse("45000EUR") == "45000|45000|EUR|year");
  CHECK(parse("£45,000pa") == "45000|45000|GBP|year");
}

TEST_CASE("parse_salary annualises the midpoint in the posting's currency", "[normalize][salary]") {
  auto yearly = parse_salary("€60.000 - €80.000");
  REQUIRE(yearly);
  CHECK(yearly->annual == Approx(70000));
  auto hourly = parse_salary("$20 - $30 per hour");
  REQUIRE(hourly);
  CHECK(hourly->annual == Approx(25 * 2080));
  auto monthly = parse_salary("Up to €5.000 pro Monat");
  REQUIRE(monthly);
  CHECK(monthly->annual == Approx(60000));
}

TEST_CASE("parse_salary stays bounded on long and hostile input", "[normalize][salary]") {
  std::string long_text(100000, '9');
  CHECK(parse_salary(long_text) == std::nullopt);  // a 100,000-digit "number" is no amount
  std::string noise;
  for (int i = 0; i < 5000; ++i) noise += "$-/.,k\xE2\x82\xAC\xC3 ";
  CHECK_NOTHROW(parse_salary(noise));
  std::string late = std::string(kMaxSalaryText, ' ') + "$100,000";
  CHECK(parse_salary(late) == std::nullopt);  // only the first kMaxSalaryText bytes count
  CHECK(parse("$100,000 " + std::string(5000, 'x')) == "100000|100000|USD|year");
}

// tests/fixtures/normalize/salary_cases.tsv: real salary strings from the posting corpus and
// the recorded source payloads with their expected parse (see SOURCE.md there).
TEST_CASE("parse_salary reads the real salary strings in the fixture table",
          "[normalize][salary]") {
  const std::string table = testing::read_file(testing::fixture("normalize/salary_cases.tsv"));
  REQUIRE_FALSE(table.empty());
  std::size_t rows = 0;
  for (const std::string& line : util::split(table, '\n')) {
    if (line.empty() || line.starts_with("text\t")) continue;
    const std::vector<std::string> f = util::split(line, '\t');
    REQUIRE(f.size() == 6);
    INFO(line);
    auto salary = parse_salary(f[0], {.country = f[1]});
    REQUIRE(salary);
    CHECK(salary->min.has_value() == !f[2].empty());
    if (salary->min && !f[2].empty()) CHECK(*salary->min == Approx(std::stod(f[2])));
    CHECK(salary->max.has_value() == !f[3].empty());
    if (salary->max && !f[3].empty()) CHECK(*salary->max == Approx(std::stod(f[3])));
    CHECK(salary->currency == f[4]);
    CHECK(salary->period == f[5]);
    ++rows;
  }
  CHECK(rows >= 100);
}

}  // namespace
}  // namespace hg::normalize
