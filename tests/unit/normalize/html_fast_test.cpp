// The fast path of html_to_text must write exactly what the gumbo path writes, on every input
// it accepts: real descriptions from the recorded payloads, and generated markup that mixes
// the constructs the fast path models with ones it must give up on.
#include "normalize/html_fast.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/temp_dir.hpp"

namespace hg::normalize {
namespace {

void collect_strings(const nlohmann::json& value, std::vector<std::string>& out) {
  if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    if (text.find('<') != std::string::npos || text.find('&') != std::string::npos) {
      out.push_back(text);
    }
  } else if (value.is_structured()) {
    for (const auto& item : value) collect_strings(item, out);
  }
}

// Every string with markup or a reference in the recorded job-board payloads.
std::vector<std::string> recorded_inputs() {
  std::vector<std::string> inputs;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(testing::fixture("sources"))) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream file(entry.path(), std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(file), {}};
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (!json.is_discarded()) collect_strings(json, inputs);
  }
  return inputs;
}

// Random sequences of pieces: modelled tags, entities, text, and some the fast path must
// refuse (tables, misnested formatting, odd comments, bad UTF-8), so both outcomes occur.
std::vector<std::string> generated_inputs(std::size_t count) {
  static const char* const kPieces[] = {
      "<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<strong>", "</strong>", "<em>", "</em>",
      "<ul>", "</ul>", "<ol>", "</ol>", "<li>", "</li>", "<br>", "<br/>", "<BR>", "<hr>",
      "<div>", "</div>", "<h2>", "</h2>", "<span>", "</span>", "<dl>", "<dt>", "<dd>", "</dl>",
      "<a href=\"https://x.test/?a=1&b=2\">", "</a>", "<p class='x>y'>", "<img src=x>",
      "<script>if (a < b) x();</script>", "<style>p{}</style>", "<!-- note -->", "<!DOCTYPE html>",
      "&amp;", "&nbsp;", "&lt;", "&gt;", "&quot;", "&#39;", "&#x2014;", "&copy", "&copy;",
      "&unknown;", "R&D", " & ", "Senior C++ engineer", " remote ", "\n", "  \t", "\r\n",
      "é", "—", "<table><tr><td>", "</td></tr></table>", "<pre>", "</pre>", "<!-->", "\x80",
      "<address>", "</address>", "<section>", "</section>", "<u>", "</u>", "</br>", "<p", "&#0;",
  };
  std::mt19937 random(20261121);
  std::uniform_int_distribution<std::size_t> piece(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> length(1, 40);
  std::vector<std::string> inputs;
  for (std::size_t i = 0; i < count; ++i) {
    std::string input;
    for (int n = length(random); n > 0; --n) input += kPieces[piece(random)];
    inputs.push_back(std::move(input));
  }
  return inputs;
}

std::size_t check_same(const std::vector<std::string>& inputs) {
  std::size_t fast = 0;
  for (const std::string& input : inputs) {
    const auto text = fast_html_to_text(input);
    if (!text) continue;
    ++fast;
    INFO(input);
    REQUIRE(*text == gumbo_to_text(input));
  }
  return fast;
}

TEST_CASE("the fast path writes what gumbo writes for recorded descriptions", "[normalize]") {
  const auto inputs = recorded_inputs();
  REQUIRE(inputs.size() > 100);
  // Most real descriptions are in the modelled subset; the rest go to gumbo.
  CHECK(check_same(inputs) * 2 > inputs.size());
}

TEST_CASE("the fast path writes what gumbo writes for generated markup, or gives up",
          "[normalize]") {
  const auto inputs = generated_inputs(5000);
  const std::size_t fast = check_same(inputs);
  CHECK(fast > 500);                 // many are in the subset...
  CHECK(fast < inputs.size() - 500);  // ...and many are not
}

}  // namespace
}  // namespace hg::normalize
