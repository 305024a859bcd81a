#include "util/strings.hpp"

#include <catch2/catch.hpp>

namespace hg::util {
namespace {

TEST_CASE("decode_utf8 reads one well-formed character and refuses the rest", "[util]") {
  CHECK(decode_utf8("a", 0)->code == 'a');
  CHECK(decode_utf8("\xC3\xA9", 0)->code == 0xE9);  // é
  CHECK(decode_utf8("\xC3\xA9", 0)->length == 2);
  CHECK(decode_utf8("x\xF0\x9F\x98\x80", 1)->code == 0x1F600);
  CHECK(decode_utf8("x\xF0\x9F\x98\x80", 1)->length == 4);
  CHECK_FALSE(decode_utf8("\xC3", 0));              // cut short
  CHECK_FALSE(decode_utf8("\xC0\xAF", 0));          // overlong '/'
  CHECK_FALSE(decode_utf8("\xED\xA0\x80", 0));      // a surrogate
  CHECK_FALSE(decode_utf8("\xF4\x90\x80\x80", 0));  // past U+10FFFF
  CHECK_FALSE(decode_utf8("\x80", 0));              // a continuation byte first
}

TEST_CASE("first_invalid_utf8 finds NUL bytes and broken sequences", "[util]") {
  CHECK_FALSE(first_invalid_utf8("Zoë Łukasz Ångström"));
  CHECK_FALSE(first_invalid_utf8("emoji \xF0\x9F\x98\x80 ok"));
  CHECK(first_invalid_utf8(std::string_view("ab\0c", 4)) == 2u);
  CHECK(first_invalid_utf8("ok \xC3") == 3u);           // cut short
  CHECK(first_invalid_utf8("\xC0\xAF") == 0u);          // overlong
  CHECK(first_invalid_utf8("\xED\xA0\x80") == 0u);      // surrogate
  CHECK(first_invalid_utf8("ab\xFF") == 2u);            // never valid in UTF-8
  CHECK(first_invalid_utf8("a\xC3(") == 1u);            // lead byte without continuation
  CHECK(first_invalid_utf8("\xF4\x90\x80\x80") == 0u);  // above U+10FFFF
}

TEST_CASE("trim drops ASCII whitespace at both ends only", "[util]") {
  CHECK(trim("  a b\t\r\n") == "a b");
  CHECK(trim("") == "");
  CHECK(trim(" \t\n ") == "");
  CHECK(trim("\xC2\xA0x") == "\xC2\xA0x");  // a no-break space is not ASCII whitespace
}

TEST_CASE("to_lower lowers ASCII letters and leaves other bytes alone", "[util]") {
  CHECK(to_lower("Senior C++ ENGINEER") == "senior c++ engineer");
  CHECK(to_lower("ÉCOLE") ==
        "\xC3\x89"
        "cole");
}

TEST_CASE("starts_with_icase compares a prefix without case", "[util]") {
  CHECK(starts_with_icase("HTTPS://example.com", "https://"));
  CHECK_FALSE(starts_with_icase("http", "https"));
  CHECK(starts_with_icase("anything", ""));
}

TEST_CASE("split keeps empty pieces", "[util]") {
  CHECK(split("a,,b,", ',') == std::vector<std::string>{"a", "", "b", ""});
  CHECK(split("", ',') == std::vector<std::string>{""});
  CHECK(split("abc", ',') == std::vector<std::string>{"abc"});
}

TEST_CASE("single_line joins lines with one space and keeps other spacing", "[util]") {
  CHECK(single_line("syntax error at line 1:\n.[ ; 1 error\n") == "syntax error at line 1: .[ ; 1 error");
  CHECK(single_line("a \r\n\t b") == "a b");
  CHECK(single_line("got \"a  b\"") == "got \"a  b\"");  // no break: as it was
  CHECK(single_line("\nlead") == "lead");
  CHECK(single_line("") == "");
}

TEST_CASE("collapse_space turns whitespace runs into one space and trims", "[util]") {
  CHECK(collapse_space("  Data \t\n engineer  ") == "Data engineer");
  CHECK(collapse_space("\n\n") == "");
  CHECK(collapse_space("a") == "a");
}

TEST_CASE("parse_int reads a whole number and nothing else", "[util]") {
  CHECK(parse_int("42") == 42);
  CHECK(parse_int(" -7 ") == -7);
  CHECK(parse_int("1700000000000") == 1700000000000);
  CHECK_FALSE(parse_int(""));
  CHECK_FALSE(parse_int("12abc"));
  CHECK_FALSE(parse_int("1.5"));
  CHECK_FALSE(parse_int("99999999999999999999"));  // out of range
}

TEST_CASE("parse_double reads a whole number with a fraction and nothing else", "[util]") {
  CHECK(parse_double("1.25") == 1.25);
  CHECK(parse_double(" 120000 ") == 120000.0);
  CHECK_FALSE(parse_double(""));
  CHECK_FALSE(parse_double("1.2.3"));
  CHECK_FALSE(parse_double("12 k"));
}

TEST_CASE("fnv1a64 gives the published FNV-1a values and hex64 pads to 16 digits", "[util]") {
  CHECK(fnv1a64("") == 0xcbf29ce484222325ull);
  CHECK(fnv1a64("a") == 0xaf63dc4c8601ec8cull);
  CHECK(hex64(fnv1a64("a")) == "af63dc4c8601ec8c");
  CHECK(hex64(0x1f) == "000000000000001f");
  // Chaining with a seed equals hashing the concatenation.
  CHECK(fnv1a64("bc", fnv1a64("a")) == fnv1a64("abc"));
}

}  // namespace
}  // namespace hg::util

TEST_CASE("append_utf8 writes each code point as UTF-8", "[util]") {
  std::string out;
  for (std::uint32_t code : {0x41u, 0xE9u, 0x141u, 0x20ACu, 0x1F600u}) hg::util::append_utf8(out, code);
  CHECK(out == "Aé\u0141€\U0001F600");
  CHECK_FALSE(hg::util::first_invalid_utf8(out));
}
