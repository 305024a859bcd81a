#include "checks.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>

#include <fmt/format.h>

namespace hg::cli {
namespace {

// The number `text` spells out whole (no trailing characters), if any.
std::optional<double> number_of(const std::string& text) {
  if (text.empty()) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || errno == ERANGE || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

// What a numeric option takes.
struct Rule {
  std::string description;           // shown after the type in --help ("N:POSITIVE")
  std::string expected;              // "a whole number above 0", for the error
  bool whole = false;                // no fractions
  double low = 0;                    // the smallest value...
  bool low_included = true;          // ...itself allowed, or only values above it
  std::optional<double> high = {};   // the largest value allowed; none: no limit
};

CLI::Validator check(Rule rule) {
  return CLI::Validator(
      [rule](std::string& text) -> std::string {
        const auto value = number_of(text);
        const bool ok = value && (!rule.whole || std::floor(*value) == *value) &&
                        (rule.low_included ? *value >= rule.low : *value > rule.low) &&
                        (!rule.high || *value <= *rule.high);
        return ok ? std::string() : fmt::format("expected {}, got \"{}\"", rule.expected, text);
      },
      rule.description);
}

}  // namespace

CLI::Validator positive_int() {
  return check({.description = "POSITIVE", .expected = "a whole number above 0", .whole = true,
                .low = 0, .low_included = false});
}

CLI::Validator non_negative_int() {
  return check({.description = "NONNEGATIVE", .expected = "a whole number, 0 or more",
                .whole = true, .low = 0, .low_included = true});
}

CLI::Validator positive() {
  return check({.description = "POSITIVE", .expected = "a number above 0", .whole = false,
                .low = 0, .low_included = false});
}

CLI::Validator non_negative() {
  return check({.description = "NONNEGATIVE", .expected = "a number, 0 or more", .whole = false,
                .low = 0, .low_included = true});
}

CLI::Validator between(double low, double high) {
  return check({.description = fmt::format("{}-{}", low, high),
                .expected = fmt::format("a number from {} to {}", low, high),
                .whole = false,
                .low = low,
                .low_included = true,
                .high = high});
}

CLI::Validator country_code() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
        if (text.size() != 2 || !letter(text[0]) || !letter(text[1])) {
          return fmt::format("expected a two-letter ISO 3166 country code such as DE or US, got \"{}\"",
                             text);
        }
        for (char& c : text) c = c >= 'a' ? static_cast<char>(c - 'a' + 'A') : c;
        return {};
      },
      "");
}

}  // namespace hg::cli
