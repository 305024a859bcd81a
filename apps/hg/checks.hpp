// Checks for numeric options, with messages in hg's voice: CLI11's own print a range as
// "0.000000 to 179769313486231570814527423731704...".
#pragma once

#include <CLI/CLI.hpp>

namespace hg::cli {

// A whole number above 0 ("--limit: expected a whole number above 0, got \"-1\"").
CLI::Validator positive_int();
// A whole number, 0 or more.
CLI::Validator non_negative_int();
// A number above 0 (fractions allowed).
CLI::Validator positive();
// A number, 0 or more (fractions allowed).
CLI::Validator non_negative();
// A number from `low` to `high`, both included.
CLI::Validator between(double low, double high);

// An ISO 3166-1 alpha-2 country code, upper-cased in place ("de" -> "DE").
CLI::Validator country_code();

}  // namespace hg::cli
