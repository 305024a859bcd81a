#include "normalize/visa.hpp"

#include <catch2/catch.hpp>

#include "tsv_rows.hpp"
#include "util/embedded.hpp"

namespace hg::normalize {
namespace {

TEST_CASE("visa_from_text reads real sponsorship sentences", "[normalize]") {
  const auto rows = testing::read_cases("visa_cases.tsv");
  REQUIRE(rows.size() >= 40);
  for (const auto& row : rows) {
    REQUIRE(row.fields.size() == 3);
    INFO("visa_cases.tsv:" << row.line << " " << row.fields[0]);
    const VisaSignal signal = visa_from_text(row.fields[0]);
    const std::string got = !signal.sponsors ? "" : (*signal.sponsors ? "yes" : "no");
    CHECK(got == row.fields[1]);
    CHECK(signal.evidence.empty() == !signal.sponsors);
  }
}

TEST_CASE("visa_from_text quotes the sentence that decided", "[normalize]") {
  const VisaSignal signal = visa_from_text(
      "We build tools for U.S. hospitals. Visa sponsorship is available for this role! "
      "Apply today.");
  REQUIRE(signal.sponsors == true);
  CHECK(signal.evidence == "Visa sponsorship is available for this role");
  SECTION("evidence is capped at 300 bytes on a character boundary") {
    std::string sentence = "We do not sponsor visas ";
    for (int i = 0; i < 200; ++i) sentence += "é";
    const VisaSignal capped = visa_from_text(sentence);
    REQUIRE(capped.sponsors == false);
    CHECK(capped.evidence.size() <= 300);
    CHECK(capped.evidence.size() >= 298);
    CHECK((static_cast<unsigned char>(capped.evidence.back()) & 0xC0) != 0xC0);
  }
}

TEST_CASE("visa_from_text says nothing about questions or other sponsors", "[normalize]") {
  CHECK_FALSE(visa_from_text("Will you now or in the future require visa sponsorship?").sponsors);
  CHECK_FALSE(visa_from_text("We are a proud sponsor of the city marathon.").sponsors);
  CHECK_FALSE(visa_from_text("").sponsors);
}

TEST_CASE("sponsor_name_key drops legal forms and punctuation", "[normalize]") {
  CHECK(sponsor_name_key("Acme Widgets (UK) Ltd.") == "acme widgets uk");
  CHECK(sponsor_name_key("ACME WIDGETS (UK) LIMITED") == "acme widgets uk");
  CHECK(sponsor_name_key("The Ramen Bar & Grill LLP") == "ramen bar and grill");
  CHECK(sponsor_name_key("O'Reilly Media, Inc.") == "oreilly media");
  CHECK(sponsor_name_key("O’Reilly Media") == "oreilly media");
  CHECK(sponsor_name_key("Limited") == "limited");
  CHECK(sponsor_name_key("  ") == "");
}

TEST_CASE("SponsorRegister loads names and finds them under any spelling", "[normalize]") {
  auto reg = SponsorRegister::load("# test\nAcme Widgets Ltd\n\nzeta plc\nBeta Labs\n");
  REQUIRE(reg);
  CHECK(reg->size() == 3);
  CHECK(reg->contains("ACME WIDGETS LIMITED"));
  CHECK(reg->contains("Zeta"));
  CHECK(reg->contains("beta labs ltd"));
  CHECK_FALSE(reg->contains("Acme"));
  CHECK_FALSE(reg->contains(""));
  SECTION("a copy is independent of the text it was loaded from") {
    std::string text = "Short Ltd\n";
    auto small = SponsorRegister::load(text);
    REQUIRE(small);
    text.assign(text.size(), 'x');
    const SponsorRegister copy = *small;
    CHECK(copy.contains("short"));
  }
  SECTION("text without a name is invalid input") {
    auto empty = SponsorRegister::load("\n# only a comment\n");
    REQUIRE_FALSE(empty);
    CHECK(empty.error().code == Errc::invalid_input);
  }
}

TEST_CASE("the shipped UK register loads and its lines are already normalised",
          "[normalize]") {
  const auto text = util::embedded_data("visa/uk_sponsors.txt");
  REQUIRE(text);
  auto reg = SponsorRegister::load(*text);
  REQUIRE(reg);
  CHECK(reg->size() > 100'000);
  // "108 RETAIL LIMITED T/A SPAR" in the Home Office list: both names are in.
  CHECK(reg->contains("108 Retail Ltd"));
  CHECK(reg->contains("SPAR"));
  CHECK(reg->contains("Deloitte LLP"));
  CHECK_FALSE(reg->contains("No Such Company Anywhere Ltd"));
  // bench/build_visa_data.py and sponsor_name_key must agree: every line is its own key.
  std::size_t start = 0, mismatches = 0;
  while (start < text->size()) {
    const std::size_t end = text->find('\n', start);
    const std::string_view line = text->substr(start, end - start);
    if (sponsor_name_key(line) != line) ++mismatches;
    start = end == std::string_view::npos ? text->size() : end + 1;
  }
  CHECK(mismatches == 0);
}

}  // namespace
}  // namespace hg::normalize
