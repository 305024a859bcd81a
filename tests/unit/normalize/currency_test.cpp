#include "normalize/currency.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "support/catch_printers.hpp"

namespace hg::normalize {
namespace {

TEST_CASE("the built-in currency tables know codes minor units symbols and countries",
          "[normalize][currency]") {
  const Currencies& table = Currencies::builtin();
  const CurrencyInfo* euro = table.find("EUR");
  REQUIRE(euro != nullptr);
  CHECK(euro->minor_units == 2);
  CHECK(euro->name == "Euro");
  REQUIRE(table.find("JPY") != nullptr);
  CHECK(table.find("JPY")->minor_units == 0);
  CHECK(table.find("BHD")->minor_units == 3);
  CHECK(table.find("XAU")->minor_units == std::nullopt);
  CHECK(table.find("eur") == nullptr);
  CHECK(table.find("ZZZ") == nullptr);

  CHECK(table.currency_of("DE") == "EUR");
  CHECK(table.currency_of("us") == "USD");
  CHECK(table.currency_of("IN") == "INR");
  CHECK(table.currency_of("CH") == "CHF");
  CHECK(table.currency_of("XX") == "");
  CHECK(table.currency_of("") == "");

  REQUIRE_FALSE(table.codes_for_symbol("$").empty());
  CHECK(table.codes_for_symbol("$").front() == "USD");
  CHECK(table.codes_for_symbol("£").front() == "GBP");
  CHECK(table.codes_for_symbol("€").front() == "EUR");
  CHECK(table.codes_for_symbol("EURO").front() == "EUR");  // lower-case symbols match any case
  CHECK(table.codes_for_symbol("Rs").front() == "INR");
  CHECK(table.codes_for_symbol("RS").empty());  // "Rs" is written with a capital
  CHECK(table.codes_for_symbol("K").empty());   // lone letters are multipliers
  CHECK(table.codes_for_symbol("nonsense").empty());
}

TEST_CASE("resolve picks the country's own currency when the symbol can mean it",
          "[normalize][currency]") {
  const Currencies& table = Currencies::builtin();
  CHECK(table.resolve("$", "") == "USD");
  CHECK(table.resolve("$", "CA") == "CAD");
  CHECK(table.resolve("$", "AU") == "AUD");
  CHECK(table.resolve("$", "NZ") == "NZD");
  CHECK(table.resolve("$", "HK") == "HKD");
  CHECK(table.resolve("$", "MX") == "MXN");
  CHECK(table.resolve("$", "FR") == "USD");
  CHECK(table.resolve("kr", "NO") == "NOK");
  CHECK(table.resolve("¥", "CN") == "CNY");
  CHECK(table.resolve("¥", "") == "JPY");
  CHECK(table.resolve("£", "EG") == "EGP");
  CHECK(table.resolve("C$", "") == "CAD");
  CHECK(table.resolve("C$", "NI") == "NIO");
  CHECK(table.resolve("?", "US") == "");
}

TEST_CASE("match_prefix finds the longest symbol and respects word ends", "[normalize][currency]") {
  const Currencies& table = Currencies::builtin();
  CHECK(table.match_prefix("US$100").length == 3);
  CHECK(table.match_prefix("$100").length == 1);
  CHECK(table.match_prefix("€100").length == 3);  // three UTF-8 bytes
  CHECK(table.match_prefix("kr 500").length == 2);
  CHECK(table.match_prefix("kroner").length == 0);
  CHECK(table.match_prefix("$USD").length == 1);  // not "$U" (Uruguay) inside a word
  CHECK(table.match_prefix("").length == 0);
}

TEST_CASE("Currencies::load rejects tables without the columns it needs", "[normalize][currency]") {
  auto missing =
      Currencies::load("code\tname\nEUR\tEuro\n", "symbol\tcodes\n", "country\tcurrency\n");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == Errc::invalid_input);
  CHECK(missing.error().message == "currencies: no \"minor_units\" column in the header");
  auto bad_code = Currencies::load("code\tminor_units\tname\neuro\t2\tEuro\n", "symbol\tcodes\n",
                                   "country\tcurrency\n");
  REQUIRE_FALSE(bad_code);
  CHECK(bad_code.error().message == "currencies line 2: \"euro\" is not an ISO 4217 code");
}

constexpr std::string_view kRates =
    "date\tcurrency\tper_eur\n"
    "2024-01-02\tUSD\t1.0956\n"
    "2024-01-02\tGBP\t0.86518\n"
    "2024-06-03\tUSD\t1.0842\n"
    "# a comment\n"
    "\n"
    "2024-06-03\tGBP\t0.85030\n";

TEST_CASE("Rates picks the latest rate on or before a date and else the earliest",
          "[normalize][currency]") {
  auto rates = Rates::load(kRates);
  REQUIRE(rates);
  CHECK(rates->size() == 4);
  CHECK(rates->per_eur("USD", "2024-01-02") == 1.0956);
  CHECK(rates->per_eur("USD", "2024-03-15") == 1.0956);
  CHECK(rates->per_eur("USD", "2024-06-03") == 1.0842);
  CHECK(rates->per_eur("USD", "2030-01-01") == 1.0842);
  CHECK(rates->per_eur("USD", "2019-01-01") == 1.0956);  // before the table: its earliest
  CHECK(rates->per_eur("USD", "") == 1.0842);            // no date: the latest
  CHECK(rates->per_eur("USD", "2024-06-03T10:00:00Z") == 1.0842);
  CHECK(rates->per_eur("EUR", "2024-06-03") == 1.0);
  CHECK(rates->per_eur("JPY", "2024-06-03") == std::nullopt);
  CHECK(rates->per_eur("USD", "June 2024") == std::nullopt);
}

TEST_CASE("Rates::convert goes through the euro and leaves equal codes alone",
          "[normalize][currency]") {
  auto rates = Rates::load(kRates);
  REQUIRE(rates);
  CHECK(*rates->convert(100, "EUR", "USD", "2024-06-03") == Approx(108.42));
  CHECK(*rates->convert(108.42, "USD", "EUR", "2024-06-03") == Approx(100));
  CHECK(*rates->convert(100000, "GBP", "USD", "2024-01-31") == Approx(100000 / 0.86518 * 1.0956));
  CHECK(rates->convert(5, "JPY", "JPY", "2024-01-02") == 5);
  CHECK(rates->convert(5, "JPY", "USD", "2024-01-02") == std::nullopt);
  CHECK(rates->convert(5, "usd", "USD", "2024-01-02") == std::nullopt);
}

TEST_CASE("Rates overrides replace rows of the same day and add new ones",
          "[normalize][currency]") {
  auto rates = Rates::load(kRates,
                           "currency\tdate\tper_eur\n"  // columns in any order
                           "USD\t2024-06-03\t1.1\n"
                           "CHF\t2024-06-03\t0.97\n");
  REQUIRE(rates);
  CHECK(rates->per_eur("USD", "2024-06-03") == 1.1);
  CHECK(rates->per_eur("USD", "2024-01-02") == 1.0956);
  CHECK(rates->per_eur("CHF", "2024-06-03") == 0.97);
}

TEST_CASE("Rates::load names the table and line of a bad row", "[normalize][currency]") {
  auto bad_rate = Rates::load("date\tcurrency\tper_eur\n2024-01-02\tUSD\t-1\n");
  REQUIRE_FALSE(bad_rate);
  CHECK(bad_rate.error().code == Errc::invalid_input);
  CHECK(bad_rate.error().message == "rates line 2: bad per_eur \"-1\"");
  auto bad_date = Rates::load(kRates, "date\tcurrency\tper_eur\n02.01.2024\tUSD\t1.1\n");
  REQUIRE_FALSE(bad_date);
  CHECK(bad_date.error().message ==
        "rate overrides line 2: bad date \"02.01.2024\" (want YYYY-MM-DD)");
  auto no_header = Rates::load("2024-01-02\tUSD\t1.1\n");
  REQUIRE_FALSE(no_header);
  CHECK(no_header.error().message == "rates: no \"date\" column in the header");
  auto short_row = Rates::load("date\tcurrency\tper_eur\n2024-01-02\tUSD\n");
  REQUIRE_FALSE(short_row);
  CHECK(short_row.error().message == "rates line 2: 2 fields, expected 3");
}

TEST_CASE("the built-in rates are real ECB reference rates for a few dates",
          "[normalize][currency]") {
  auto rates = Rates::load(builtin_rates_tsv());
  REQUIRE(rates);
  REQUIRE_FALSE(rates->empty());
  // Spot checks against the ECB's published euro reference rates (data/currency/README.md).
  CHECK(rates->per_eur("USD", "2025-05-09") == 1.1252);
  CHECK(rates->per_eur("GBP", "2023-12-01") == 0.86045);
  CHECK(rates->per_eur("JPY", "2019-07-01") == 122.93);
  CHECK(rates->per_eur("INR", "2024-10-01") == 92.931);
  CHECK(rates->per_eur("RUB", "2019-08-01") == 70.577);  // suspended by the ECB since 2022
  CHECK(rates->per_eur("RUB", "2024-10-01") == 70.577);  // so its last rate carries on
  const auto usd = rates->convert(100000, "USD", "EUR", "2024-12-02");
  REQUIRE(usd);
  CHECK(*usd == Approx(100000 / 1.0507));
}

}  // namespace
}  // namespace hg::normalize
