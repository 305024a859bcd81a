#include "util/csv.hpp"

#include <sstream>

#include <catch2/catch.hpp>

#include "support/catch_printers.hpp"

namespace hg::util {
namespace {

using Fields = std::vector<std::string>;

// Every record of `text`, errors as "!<message>" in place of the first field.
std::vector<Fields> read_all(const std::string& text, std::size_t max_record_bytes = 1 << 20) {
  std::istringstream in(text);
  CsvReader reader(in, max_record_bytes);
  std::vector<Fields> records;
  while (auto record = reader.next()) {
    if (*record)
      records.push_back((*record)->fields);
    else
      records.push_back({"!" + record->error().message});
  }
  return records;
}

TEST_CASE("CsvReader splits plain records on commas and newlines", "[util]") {
  CHECK(read_all("a,b,c\n1,2,3\n") == std::vector<Fields>{{"a", "b", "c"}, {"1", "2", "3"}});
  CHECK(read_all("a,b\n1,2") == std::vector<Fields>{{"a", "b"}, {"1", "2"}});  // no final LF
  CHECK(read_all(",\n") == std::vector<Fields>{{"", ""}});
  CHECK(read_all("").empty());
}

TEST_CASE("CsvReader reads quoted commas, newlines and doubled quotes", "[util]") {
  const auto records = read_all(
      "title,notes\n\"Engineer, Senior\",\"line one\nline two\"\n"
      "\"say \"\"hi\"\"\",\"\"\n");
  REQUIRE(records.size() == 3);
  CHECK(records[1] == Fields{"Engineer, Senior", "line one\nline two"});
  CHECK(records[2] == Fields{"say \"hi\"", ""});
}

TEST_CASE("CsvReader splits on another delimiter and detect_csv_delimiter finds it", "[util]") {
  std::istringstream in("title;company;notes\nWelder;Acme;\"a;b, c\"\n");
  CsvReader reader(in, 1 << 20, ';');
  auto header = reader.next();
  REQUIRE(header);
  REQUIRE(*header);
  CHECK((*header)->fields == Fields{"title", "company", "notes"});
  auto row = reader.next();
  REQUIRE(row);
  REQUIRE(*row);
  CHECK((*row)->fields == Fields{"Welder", "Acme", "a;b, c"});

  CHECK(detect_csv_delimiter("title,company\nx;y;z;w\n") == ',');  // the first line decides
  CHECK(detect_csv_delimiter("title;company;salary\n") == ';');
  CHECK(detect_csv_delimiter("title\tcompany\n") == '\t');
  CHECK(detect_csv_delimiter("a|b|c") == '|');
  CHECK(detect_csv_delimiter("\"x;y;z\",b\n") == ',');  // quoted separators do not count
  CHECK(detect_csv_delimiter("title\n") == ',');
  CHECK(detect_csv_delimiter("a;b,c\n") == ',');  // a tie goes to the comma
  CHECK(detect_csv_delimiter("") == ',');
}

TEST_CASE("CsvReader ends records at CRLF and keeps the CR out of fields", "[util]") {
  CHECK(read_all("a,b\r\n1,\"2\"\r\n") == std::vector<Fields>{{"a", "b"}, {"1", "2"}});
  CHECK(read_all("a,\"x\r\ny\"\r\n") == std::vector<Fields>{{"a", "x\r\ny"}});  // inside quotes
}

TEST_CASE("CsvReader gives each record the line it starts on", "[util]") {
  std::istringstream in("h1,h2\n\"multi\nline\",x\nlast,y\n");
  CsvReader reader(in, 1024);
  std::vector<std::size_t> lines;
  while (auto record = reader.next()) {
    REQUIRE(*record);
    lines.push_back((*record)->line);
  }
  CHECK(lines == std::vector<std::size_t>{1, 2, 4});
}

TEST_CASE("CsvReader reports an oversized record and goes on with the next one", "[util]") {
  const std::string big(100, 'x');
  const auto records = read_all("a,b\n" + big + ",\"" + big + "\n" + big + "\"\nc,d\n", 64);
  REQUIRE(records.size() == 3);
  CHECK(records[0] == Fields{"a", "b"});
  CHECK(records[1] == Fields{"!record longer than 64 bytes"});
  CHECK(records[2] == Fields{"c", "d"});
}

TEST_CASE("CsvReader reports malformed quoting as invalid_input", "[util]") {
  SECTION("text after a closing quote, then the next record reads normally") {
    std::istringstream in("\"a\"b,c\nd,e\n");
    CsvReader reader(in, 1024);
    auto bad = reader.next();
    REQUIRE(bad);
    REQUIRE_FALSE(*bad);
    CHECK(bad->error().code == Errc::invalid_input);
    CHECK(bad->error().message == "text after a closing quote");
    CHECK(reader.record_line() == 1);
    auto good = reader.next();
    REQUIRE((good && *good));
    CHECK((*good)->fields == Fields{"d", "e"});
  }
  SECTION("a quoted field that never ends") {
    CHECK(read_all("a,\"open\nstill open") ==
          std::vector<Fields>{{"!unterminated quoted field"}});
  }
}

TEST_CASE("csv_line quotes only fields that need it and reads back the same", "[util]") {
  CHECK(csv_line({"a", "b"}) == "a,b\n");
  CHECK(csv_line({}) == "\n");
  CHECK(csv_line({"x,y", "say \"hi\"", "two\nlines", "cr\r"}) ==
        "\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\"\n");
  const Fields fields{"Acme, Inc.", "", "\"quoted\"", "multi\r\nline", "plain"};
  CHECK(read_all(csv_line(fields)) == std::vector<Fields>{fields});
}

}  // namespace
}  // namespace hg::util
