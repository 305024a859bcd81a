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

CLI::Validator check(std::string description, bool whole, double low, bool low_open,
                     std::optional<double> high, std::string expected) {
  return CLI::Validator(
      [=](std::string& text) -> std::string {
        const auto value = number_of(text);
        const bool ok = value && (!whole || std::floor(*value) == *value) &&
                        (low_open ? *value > low : *value >= low) && (!high || *value <= *high);
        return ok ? std::string() : fmt::format("expected {}, got \"{}\"", expected, text);
      },
      std::move(description));
}

}  // namespace

CLI::Validator positive_int() {
  return check("POSITIVE", true, 0, true, std::nullopt, "a whole number above 0");
}

CLI::Validator non_negative_int() {
  return check("NONNEGATIVE", true, 0, false, std::nullopt, "a whole number, 0 or more");
}

CLI::Validator positive() { return check("POSITIVE", false, 0, true, std::nullopt, "a number above 0"); }

CLI::Validator non_negative() {
  return check("NONNEGATIVE", false, 0, false, std::nullopt, "a number, 0 or more");
}

CLI::Validator between(double low, double high) {
  return check(fmt::format("{}-{}", low, high), false, low, false, high,
               fmt::format("a number from {} to {}", low, high));
}

}  // namespace hg::cli
