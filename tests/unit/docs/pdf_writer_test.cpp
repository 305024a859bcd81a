#include "docs/pdf_writer.hpp"

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <regex>
#include <string>
#include <string_view>

#include "support/catch_printers.hpp"
#include "support/temp_dir.hpp"

namespace hg::docs {
namespace {

constexpr const char* kFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

PdfOptions options_with_font(PaperSize paper = PaperSize::a4) {
  return PdfOptions{.paper = paper,
                    .font_file = kFont,
                    .title = "Cover letter for Acme GmbH",
                    .author = "Zoë Łukasz Ångström"};
}

// stdout of a shell command; the paths we pass come from mkdtemp, so single quotes suffice.
std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char chunk[4096];
  std::size_t got = 0;
  while ((got = fread(chunk, 1, sizeof chunk, pipe)) > 0) out.append(chunk, got);
  REQUIRE(pclose(pipe) == 0);
  return out;
}

struct Rendered {
  std::string text;  // pdftotext's UTF-8 output: pages end in form feeds
  std::string info;  // pdfinfo's report
};

Rendered render_and_read(std::string_view text, const PdfOptions& options) {
  auto pdf = render_pdf(text, options);
  REQUIRE(pdf);
  REQUIRE(pdf->starts_with("%PDF-"));
  testing::TempDir dir;
  const std::string path = dir.write("out.pdf", *pdf).string();
  return {run("pdftotext -enc UTF-8 '" + path + "' - 2>&1"), run("pdfinfo '" + path + "' 2>&1")};
}

std::string info_line(const std::string& info, std::string_view key) {
  const auto at = info.find(std::string(key) + ":");
  if (at == std::string::npos) return "";
  const auto end = info.find('\n', at);
  auto line = info.substr(at + key.size() + 1, end - at - key.size() - 1);
  return line.substr(line.find_first_not_of(' '));
}

TEST_CASE("render_pdf embeds a font that gives non-ASCII names back as text", "[docs]") {
  const auto read = render_and_read(
      "Dear hiring team at Acme GmbH,\n\nZoë Łukasz Ångström would like to apply.\n",
      options_with_font());
  CHECK_THAT(read.text, Catch::Contains("Zoë Łukasz Ångström"));
  CHECK_THAT(read.text, Catch::Contains("Acme GmbH"));
  CHECK(info_line(read.info, "Title") == "Cover letter for Acme GmbH");
  CHECK(info_line(read.info, "Author") == "Zoë Łukasz Ångström");
  CHECK(info_line(read.info, "Pages") == "1");

  SECTION("the font is an embedded subset, not a reference to the system's copy") {
    testing::TempDir dir;
    auto pdf = render_pdf("Zoë", options_with_font());
    REQUIRE(pdf);
    const auto fonts = run("pdffonts '" + dir.write("f.pdf", *pdf).string() + "'");
    CHECK_THAT(fonts, Catch::Contains("DejaVuSans") && Catch::Contains("CID TrueType") &&
                          Catch::Contains("Identity-H") && Catch::Contains("yes yes yes"));
  }
}

TEST_CASE("render_pdf wraps long lines inside the margins and breaks pages", "[docs]") {
  std::string paragraph;
  for (int i = 0; i < 40; ++i) paragraph += "Acme builds reliable data pipelines for everyone. ";
  std::string text;
  for (int i = 0; i < 12; ++i) text += paragraph + "\n\n";
  const auto read = render_and_read(text, options_with_font());

  const auto pages = std::stoi(info_line(read.info, "Pages"));
  CHECK(pages >= 2);
  std::size_t form_feeds = 0;
  for (char c : read.text) form_feeds += c == '\f';
  CHECK(form_feeds == static_cast<std::size_t>(pages));
  // Wrapped at spaces: every sentence comes back whole on one line or split between words.
  CHECK_THAT(read.text, Catch::Contains("reliable data pipelines"));
  CHECK_THAT(read.text, !Catch::Contains("reli\nable"));

  SECTION("every word lies inside the 25 mm margins, as pdftotext measures it") {
    auto pdf = render_pdf(text, options_with_font());
    REQUIRE(pdf);
    testing::TempDir dir;
    const auto boxes = run("pdftotext -bbox '" + dir.write("b.pdf", *pdf).string() + "' -");
    const std::regex word(R"re(xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)")re");
    const double margin = 25 * 72 / 25.4;
    const double tolerance = 0.01;
    std::size_t words = 0;
    for (std::sregex_iterator it(boxes.begin(), boxes.end(), word), end; it != end; ++it) {
      ++words;
      CHECK(std::stod((*it)[1]) >= margin - tolerance);
      CHECK(std::stod((*it)[2]) >= margin - tolerance);
      CHECK(std::stod((*it)[3]) <= 595.28 - margin + tolerance);
      CHECK(std::stod((*it)[4]) <= 841.89 - margin + tolerance);
    }
    CHECK(words == 12 * 40 * 7);
  }

  SECTION("a word wider than the line is broken rather than run off the page") {
    const auto wide = render_and_read(std::string(400, 'W'), options_with_font());
    std::size_t ws = 0;
    for (char c : wide.text) ws += c == 'W';
    CHECK(ws == 400);
    CHECK(wide.text.find(std::string(400, 'W')) == std::string::npos);
  }
}

TEST_CASE("render_pdf gives the same bytes for the same input", "[docs]") {
  // No creation date from the wall clock, so output can be compared and cached.
  const auto first = render_pdf("Acme GmbH", options_with_font());
  const auto second = render_pdf("Acme GmbH", options_with_font());
  REQUIRE(first);
  REQUIRE(second);
  CHECK(*first == *second);
}

TEST_CASE("render_pdf uses the paper size it is asked for", "[docs]") {
  SECTION("A4") {
    const auto read = render_and_read("Acme", options_with_font(PaperSize::a4));
    CHECK_THAT(info_line(read.info, "Page size"), Catch::StartsWith("595.28 x 841.89 pts"));
  }
  SECTION("Letter") {
    const auto read = render_and_read("Acme", options_with_font(PaperSize::letter));
    CHECK_THAT(info_line(read.info, "Page size"), Catch::StartsWith("612 x 792 pts"));
  }
  SECTION("empty text is one blank page") {
    const auto read = render_and_read("", options_with_font());
    CHECK(info_line(read.info, "Pages") == "1");
  }
}

TEST_CASE("render_pdf reports bad options and bad text as errors, not exceptions", "[docs]") {
  SECTION("a missing font file") {
    PdfOptions options = options_with_font();
    options.font_file = "/nonexistent/NoSuchFont.ttf";
    Result<std::string> pdf = std::string();
    REQUIRE_NOTHROW(pdf = render_pdf("Acme", options));
    REQUIRE_FALSE(pdf);
    CHECK(pdf.error().code == Errc::invalid_argument);
    CHECK_THAT(pdf.error().message, Catch::Contains("NoSuchFont.ttf"));
  }
  SECTION("a file that is not a font") {
    testing::TempDir dir;
    PdfOptions options = options_with_font();
    options.font_file = dir.write("fake.ttf", "this is not a font").string();
    Result<std::string> pdf = std::string();
    REQUIRE_NOTHROW(pdf = render_pdf("Acme", options));
    REQUIRE_FALSE(pdf);
    CHECK(pdf.error().code == Errc::invalid_argument);
  }
  SECTION("no font at all") {
    auto pdf = render_pdf("Acme", PdfOptions{});
    REQUIRE_FALSE(pdf);
    CHECK(pdf.error().code == Errc::invalid_argument);
  }
  SECTION("margins wider than the page") {
    PdfOptions options = options_with_font();
    options.margin_mm = 120;
    auto pdf = render_pdf("Acme", options);
    REQUIRE_FALSE(pdf);
    CHECK(pdf.error().code == Errc::invalid_argument);
  }
  SECTION("invalid UTF-8") {
    auto pdf = render_pdf("Zo\xC3 \xFF Acme", options_with_font());
    REQUIRE_FALSE(pdf);
    CHECK(pdf.error().code == Errc::invalid_input);
  }
  SECTION("an overlong encoding is not UTF-8 either") {
    auto pdf = render_pdf("\xC0\xAF", options_with_font());
    REQUIRE_FALSE(pdf);
    CHECK(pdf.error().code == Errc::invalid_input);
  }
}

}  // namespace
}  // namespace hg::docs
