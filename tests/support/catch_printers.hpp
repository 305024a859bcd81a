// Catch2 printers for hg types: a failed REQUIRE(result) shows the Error, not "{?}".
#pragma once

#include <catch2/catch.hpp>

#include "util/result.hpp"

namespace Catch {

template <class T>
struct StringMaker<hg::Result<T>> {
  static std::string convert(const hg::Result<T>& result) {
    if (result.has_value()) return "Result{value}";
    return "Result{error: " + result.error().message + "}";
  }
};

}  // namespace Catch
