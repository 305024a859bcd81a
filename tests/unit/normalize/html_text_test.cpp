#include "normalize/html_text.hpp"

#include <catch2/catch.hpp>

namespace hg::normalize {
namespace {

TEST_CASE("looks_like_html tells markup from plain text", "[normalize]") {
  CHECK(looks_like_html("<p>Hello</p>"));
  CHECK(looks_like_html("Intro<BR/>more"));
  CHECK(looks_like_html("<div class=\"x\">y</div>"));
  CHECK(looks_like_html("&lt;p&gt;escaped&lt;/p&gt;"));
  CHECK_FALSE(looks_like_html("We use C++ <3 and a < b > c"));
  CHECK_FALSE(looks_like_html("Salary: 5 < x"));
  CHECK_FALSE(looks_like_html(""));
}

TEST_CASE("html_to_text turns blocks into lines and list items into dashes", "[normalize]") {
  CHECK(html_to_text("<h2>About</h2><p>We build <b>tools</b>.</p><ul><li>C++</li>"
                     "<li>SQL</li></ul><p>Apply<br>now</p>") ==
        "About\n\nWe build tools.\n\n- C++\n\n- SQL\n\nApply\nnow");
}

TEST_CASE("html_to_text collapses spaces and keeps one blank line between paragraphs",
          "[normalize]") {
  CHECK(html_to_text("<p>  one\t two \r\n three </p>\n\n\n<p>four</p>") ==
        "one two\nthree\n\nfour");
  CHECK(html_to_text("<div>a</div><div></div><div></div><div>b</div>") == "a\n\nb");
  CHECK(html_to_text("") == "");
}

TEST_CASE("html_to_text drops script and style contents", "[normalize]") {
  CHECK(html_to_text("<p>Before</p><script type=\"text/javascript\">var x = '<p>no</p>';"
                     "</script><style>p { color: red }</style><p>After</p>") == "Before\n\nAfter");
  CHECK(html_to_text("<SCRIPT>track()</SCRIPT >Visible") == "Visible");
  SECTION("a comparison inside a script does not swallow the page") {
    CHECK(html_to_text("<script>if (a < b && c > d) go();</script><p>Hello</p>") == "Hello");
    CHECK(html_to_text("<script>for (i = 0; i<n; i++) {}</script>Text") == "Text");
  }
  SECTION("only the matching end tag ends it") {
    CHECK(html_to_text("<style>a</styles>b</style>c") == "c");
  }
  SECTION("an unclosed script hides the rest, not what came before") {
    CHECK(html_to_text("Intro<script>never closed <p>hidden</p>") == "Intro");
  }
}

TEST_CASE("html_to_text decodes named and numeric entities", "[normalize]") {
  CHECK(html_to_text("R&amp;D &lt;team&gt; &quot;fast&quot; &apos;n&apos; a&nbsp;b") ==
        "R&D <team> \"fast\" 'n' a b");
  CHECK(html_to_text("caf&#233; &#x20AC;5 &#X1F600; &mdash; &hellip;") ==
        "café €5 \xF0\x9F\x98\x80 \xE2\x80\x94 \xE2\x80\xA6");
  SECTION("text that is not an entity stays as it is") {
    CHECK(html_to_text("AT&T & co; &unknown; &#xZZ; &amp") == "AT&T & co; &unknown; &#xZZ; &amp");
    CHECK(html_to_text("&verylongentityname;") == "&verylongentityname;");
  }
  SECTION("code points that are not characters become U+FFFD") {
    CHECK(html_to_text("&#0;&#xD800;") == "\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(html_to_text("&#x110000;") == "&#x110000;");
  }
}

TEST_CASE("html_to_text shows escaped markup as text, not as tags", "[normalize]") {
  CHECK(html_to_text("&lt;p&gt;Hello&lt;/p&gt;") == "<p>Hello</p>");
}

TEST_CASE("html_to_text drops a truncated tag and what follows it", "[normalize]") {
  CHECK(html_to_text("<p>Kept</p><a href=\"cut") == "Kept");
}

TEST_CASE("html_to_text stays linear on hostile input", "[normalize]") {
  // Each of these is quadratic for a scanner that searches to the end of the input at every
  // '&' or '<'; at this size that would take minutes, so a regression shows as a timeout.
  const std::size_t size = 2'000'000;
  CHECK(html_to_text(std::string(size, '&')).size() == size);
  CHECK(html_to_text(std::string(size, '<')).empty());
  std::string tags;
  for (std::size_t i = 0; i < size / 8; ++i) tags += "<script>";
  CHECK(html_to_text(tags).empty());
}

}  // namespace
}  // namespace hg::normalize
