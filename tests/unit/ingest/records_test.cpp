#include "ingest/records.hpp"

#include <iterator>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/catch_printers.hpp"

namespace hg::ingest {
namespace {

// One item a reader gave, flattened for comparison: a record as its JSON text, an error as
// "!<message>".
struct Seen {
  std::size_t number = 0;
  std::size_t line = 0;
  std::string text;
  bool operator==(const Seen&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Seen& seen) {
  return out << "{#" << seen.number << " line " << seen.line << " " << seen.text << "}";
}

std::vector<Seen> read_all(const std::string& input, Format format,
                           const ReaderLimits& limits = {}) {
  std::istringstream in(input);
  auto reader = make_reader(in, format, limits);
  REQUIRE(reader);
  std::vector<Seen> seen;
  while (auto item = reader->next()) {
    REQUIRE(item->record.has_value() != item->error.has_value());
    if (item->record) {
      seen.push_back({item->record->number, item->record->line, item->record->value->dump()});
    } else {
      CHECK(item->error->error.code == Errc::invalid_input);
      seen.push_back({item->error->number, item->error->line, "!" + item->error->error.message});
    }
    REQUIRE(seen.size() < 1000);  // a reader that never ends is a bug
  }
  CHECK_FALSE(reader->next());  // the end stays the end
  return seen;
}

using Items = std::vector<Seen>;

TEST_CASE("detect_format reads the first bytes", "[ingest]") {
  CHECK(detect_format("[{\"title\": \"x\"}]").value() == Format::json);
  CHECK(detect_format("\n  [\n").value() == Format::json);
  CHECK(detect_format("{\"title\": \"x\"}\n{").value() == Format::jsonl);
  CHECK(detect_format("title,company\nEngineer,Acme\n").value() == Format::csv);
  CHECK(detect_format("title,company\n\xC3").value() == Format::csv);  // a character cut short

  SECTION("empty input is invalid_input") {
    for (std::string_view head : {std::string_view(""), std::string_view(" \r\n\t ")}) {
      auto format = detect_format(head);
      REQUIRE_FALSE(format);
      CHECK(format.error().code == Errc::invalid_input);
      CHECK(format.error().message == "input is empty");
    }
  }
  SECTION("binary or non-UTF-8 input is invalid_input") {
    for (std::string_view head :
         {std::string_view("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), std::string_view("\0\0\0", 3),
          std::string_view("PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0", 14),
          std::string_view("caf\xE9 au lait,cr\xE8me,br\xFB"
                           "l\xE9"
                           "e\n")}) {
      auto format = detect_format(head);
      REQUIRE_FALSE(format);
      CHECK(format.error().code == Errc::invalid_input);
      CHECK(format.error().message.starts_with("input is binary or not UTF-8"));
    }
  }
}

TEST_CASE("parse_format and format_name agree", "[ingest]") {
  for (Format format : {Format::json, Format::jsonl, Format::csv}) {
    CHECK(parse_format(format_name(format)) == format);
  }
  CHECK(parse_format("ndjson") == Format::jsonl);
  CHECK_FALSE(parse_format("xml"));
}

TEST_CASE("the JSON Lines reader gives each object with its number and line", "[ingest]") {
  CHECK(read_all("{\"a\":1}\n\n  \n{\"a\":2}\r\n{\"a\":3}", Format::jsonl) ==
        Items{{1, 1, R"({"a":1})"}, {2, 4, R"({"a":2})"}, {3, 5, R"({"a":3})"}});
  CHECK(read_all("", Format::jsonl).empty());
}

TEST_CASE("the JSON Lines reader reports a bad line and goes on", "[ingest]") {
  SECTION("a truncated last line is one error after the good records") {
    const auto seen = read_all("{\"a\":1}\n{\"a\":2}\n{\"a\":", Format::jsonl);
    REQUIRE(seen.size() == 3);
    CHECK(seen[0] == Seen{1, 1, R"({"a":1})"});
    CHECK(seen[1] == Seen{2, 2, R"({"a":2})"});
    CHECK(seen[2].number == 3);
    CHECK(seen[2].line == 3);
    CHECK(seen[2].text.starts_with("!invalid JSON: parse error"));
  }
  SECTION("a line over max_record_bytes is an error and the next line still reads") {
    const std::string big = "{\"b\":\"" + std::string(100, 'x') + "\"}";
    CHECK(
        read_all("{\"a\":1}\n" + big + "\n{\"c\":3}\n", Format::jsonl, {.max_record_bytes = 32}) ==
        Items{{1, 1, R"({"a":1})"}, {2, 2, "!line longer than 32 bytes"}, {3, 3, R"({"c":3})"}});
  }
  SECTION("nesting deeper than max_depth is rejected; brackets in strings do not count") {
    CHECK(read_all("{\"a\":{\"b\":{\"c\":{}}}}\n{\"a\":{\"b\":{}}}\n{\"s\":\"[[[[{{{{\"}\n",
                   Format::jsonl,
                   {.max_depth = 3}) == Items{{1, 1, "!JSON nested deeper than 3 levels"},
                                              {2, 2, R"({"a":{"b":{}}})"},
                                              {3, 3, R"({"s":"[[[[{{{{"})"}});
  }
  SECTION("values that are not objects, and bytes that are not UTF-8, are errors") {
    CHECK(read_all("[1]\n42\n{\"a\":\"\xFF\"}\n{\"ok\":true}", Format::jsonl) ==
          Items{{1, 1, "!record is not a JSON object"},
                {2, 2, "!record is not a JSON object"},
                {3, 3, "!not UTF-8 text (bad byte at offset 6)"},
                {4, 4, R"({"ok":true})"}});
  }
}

TEST_CASE("the JSON array reader gives each element without reading the whole array", "[ingest]") {
  CHECK(read_all("[ {\"a\":1}, {\"a\":\"x,]\\\"}\"} ,\n{\"a\":[1,2]} ]", Format::json) ==
        Items{{1, 1, R"({"a":1})"}, {2, 1, R"({"a":"x,]\"}"})"}, {3, 2, R"({"a":[1,2]})"}});
  CHECK(read_all("[]", Format::json).empty());
  CHECK(read_all(" \n[ \n ]\n", Format::json).empty());
}

TEST_CASE("the JSON array reader reports bad elements and stops at a broken array", "[ingest]") {
  SECTION("an array cut short ends with one error after the good elements") {
    CHECK(read_all("[{\"a\":1},\n{\"a\":", Format::json) ==
          Items{{1, 1, R"({"a":1})"}, {2, 2, "!the JSON array ends before it is closed"}});
    CHECK(read_all("[{\"a\":1},", Format::json) ==
          Items{{1, 1, R"({"a":1})"}, {2, 1, "!the JSON array ends before it is closed"}});
    // Without the ',' or ']' the element's end is unknown: it is the one that is cut.
    CHECK(read_all("[{\"a\":1}", Format::json) ==
          Items{{1, 1, "!the JSON array ends before it is closed"}});
    CHECK(read_all("[{\"a\":1} ,", Format::json) ==
          Items{{1, 1, R"({"a":1})"}, {2, 1, "!the JSON array ends before it is closed"}});
  }
  SECTION("a bad element is skipped, the rest still read") {
    CHECK(read_all("[{\"a\":{\"b\":{}}}, 7, {\"ok\":1}]", Format::json, {.max_depth = 2}) ==
          Items{{1, 1, "!JSON nested deeper than 2 levels"},
                {2, 1, "!record is not a JSON object"},
                {3, 1, R"({"ok":1})"}});
    const std::string big = "{\"b\":\"" + std::string(100, 'x') + "\"}";
    CHECK(read_all("[" + big + ",{\"c\":3}]", Format::json, {.max_record_bytes = 32}) ==
          Items{{1, 1, "!element longer than 32 bytes"}, {2, 1, R"({"c":3})"}});
  }
  SECTION("text that is not an array, or not separated, is one error") {
    CHECK(read_all("{\"a\":1}", Format::json) ==
          Items{{1, 1, "!expected '[' at the start of a JSON array"}});
    const auto run_together = read_all("[{\"a\":1} {\"a\":2}]", Format::json);
    REQUIRE(run_together.size() == 1);
    CHECK(run_together[0].number == 1);
    CHECK(run_together[0].text.starts_with("!invalid JSON: parse error"));
    CHECK(read_all("[{\"a\":1}]]", Format::json) == Items{{1, 1, R"({"a":1})"}});
  }
}

TEST_CASE("the CSV reader keys each row by the header", "[ingest]") {
  SECTION("quoted commas, newlines and doubled quotes, CRLF line ends") {
    CHECK(read_all("title,company,notes\r\n\"Engineer, Senior\",Acme,\"line1\nline2\"\r\n"
                   "\"Say \"\"hi\"\"\",Initech,\r\n",
                   Format::csv) ==
          Items{{1, 2, R"({"company":"Acme","notes":"line1\nline2","title":"Engineer, Senior"})"},
                {2, 4, R"({"company":"Initech","notes":"","title":"Say \"hi\""})"}});
  }
  SECTION("a byte order mark and spaces around header names are dropped") {
    CHECK(read_all("\xEF\xBB\xBFtitle, company \nDev, Acme\n", Format::csv) ==
          Items{{1, 2, R"({"company":" Acme","title":"Dev"})"}});
  }
  SECTION("blank lines are skipped and unnamed columns ignored") {
    CHECK(read_all("a,,b\n\n1,2,3\n", Format::csv) == Items{{1, 3, R"({"a":"1","b":"3"})"}});
  }
  SECTION("a header alone has no records") {
    CHECK(read_all("a,b\n", Format::csv).empty());
    CHECK(read_all("", Format::csv).empty());
  }
}

TEST_CASE("the CSV reader reports a bad row and goes on", "[ingest]") {
  SECTION("a row with the wrong number of fields") {
    CHECK(read_all("a,b\n1,2,3\n4\n5,6\n", Format::csv) ==
          Items{{1, 2, "!3 fields where the header has 2"},
                {2, 3, "!1 fields where the header has 2"},
                {3, 4, R"({"a":"5","b":"6"})"}});
  }
  SECTION("an oversized row") {
    CHECK(read_all("a,b\n" + std::string(100, 'x') + ",y\n1,2\n", Format::csv,
                   {.max_record_bytes = 32}) ==
          Items{{1, 2, "!record longer than 32 bytes"}, {2, 3, R"({"a":"1","b":"2"})"}});
  }
  SECTION("a field that is not UTF-8") {
    CHECK(read_all("a,b\nok,caf\xE9\n1,2\n", Format::csv) ==
          Items{{1, 2, "!not UTF-8 text (bad byte at offset 3 of a field)"},
                {2, 3, R"({"a":"1","b":"2"})"}});
  }
  SECTION("a broken header is one error and the end") {
    CHECK(read_all("\"a,b\n1,2\n", Format::csv) ==
          Items{{0, 1, "!header: unterminated quoted field"}});
  }
}

TEST_CASE("HeadedInput gives back every byte of its input, head first", "[ingest]") {
  std::string data;
  for (int i = 0; i < 200'000; ++i) data.push_back(static_cast<char>(i % 251));
  for (std::size_t head_bytes : {std::size_t{0}, std::size_t{1}, std::size_t{1000},
                                 std::size_t{65536}, std::size_t{300'000}}) {
    INFO(head_bytes);
    std::istringstream in(data);
    HeadedInput headed(in, head_bytes);
    CHECK((headed.head() == std::string_view(data).substr(0, head_bytes)));
    std::istream body(&headed);
    const std::string all{std::istreambuf_iterator<char>(body), std::istreambuf_iterator<char>()};
    CHECK(all.size() == data.size());
    CHECK((all == data));
  }
}

TEST_CASE("a reader over HeadedInput reads records that cross the head", "[ingest]") {
  std::istringstream in("{\"a\":1}\n{\"a\":2}\n");
  HeadedInput headed(in, 10);
  REQUIRE(detect_format(headed.head()).value() == Format::jsonl);
  std::istream body(&headed);
  auto reader = make_reader(body, Format::jsonl);
  std::vector<std::string> texts;
  while (auto item = reader->next()) {
    REQUIRE(item->record);
    texts.push_back(item->record->value->dump());
  }
  CHECK(texts == std::vector<std::string>{R"({"a":1})", R"({"a":2})"});
}

}  // namespace
}  // namespace hg::ingest
