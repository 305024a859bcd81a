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
    CHECK(html_to_text("AT&T & co; &unknown; &#xZZ;") == "AT&T & co; &unknown; &#xZZ;");
    // HTML5 decodes a few legacy names without ';' (&amp, &lt, &copy ...), as browsers do.
    CHECK(html_to_text("&amp") == "&");
    CHECK(html_to_text("&verylongentityname;") == "&verylongentityname;");
  }
  SECTION("code points that are not characters become U+FFFD") {
    CHECK(html_to_text("&#0;&#xD800;") == "\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(html_to_text("&#x110000;") == "\xEF\xBF\xBD");  // HTML5: out of range is U+FFFD
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
  // HTML5: a '<' that starts no tag is text.
  CHECK(html_to_text(std::string(size, '<')).size() == size);
  std::string tags;
  for (std::size_t i = 0; i < size / 8; ++i) tags += "<script>";
  CHECK(html_to_text(tags).empty());
}

TEST_CASE("html_to_text caps nesting depth and input size", "[normalize]") {
  SECTION("deep nesting is capped before gumbo sees it") {
    std::string deep;
    for (std::size_t i = 0; i < 200'000; ++i) deep += "<div>";
    deep += "bottom";
    CHECK(html_to_text(deep) == "bottom");
    std::string spans;
    for (std::size_t i = 0; i < 100'000; ++i) spans += "<b><i>x";
    CHECK(html_to_text(spans).size() == 100'000);
  }
  SECTION("input past 2 MiB is not read") {
    const std::string big = "<p>" + std::string(3 * 1024 * 1024, 'a') + "</p><p>tail</p>";
    const std::string text = html_to_text(big);
    CHECK(text.size() <= 2 * 1024 * 1024);
    CHECK(text.find("tail") == std::string::npos);
  }
}

TEST_CASE("html_to_text reads what real boards send", "[normalize]") {
  SECTION("Greenhouse sends entity-escaped HTML: decoding once shows the markup") {
    CHECK(html_to_text("&lt;h2&gt;About&lt;/h2&gt;&lt;p&gt;R&amp;amp;D&lt;/p&gt;") ==
          "<h2>About</h2><p>R&amp;D</p>");
    CHECK(html_to_text(html_to_text("&lt;h2&gt;About&lt;/h2&gt;&lt;p&gt;R&amp;amp;D&lt;/p&gt;")) ==
          "About\n\nR&D");
  }
  SECTION("unclosed paragraphs and list items end where HTML5 says") {
    CHECK(html_to_text("<p>one<p>two<ul><li>a<li>b</ul>") == "one\n\ntwo\n\n- a\n\n- b");
  }
  SECTION("headings stand on their own lines") {
    CHECK(html_to_text("Intro<h3>Requirements</h3>C++") == "Intro\nRequirements\nC++");
  }
  SECTION("comments, head and noscript are not text") {
    CHECK(html_to_text("<html><head><title>Job</title></head><body><!-- x --><noscript>js"
                       "</noscript><p>Body</p></body></html>") == "Body");
  }
  SECTION("table cells are separated") {
    CHECK(html_to_text("<table><tr><td>Salary</td><td>90k</td></tr></table>") == "Salary 90k");
  }
}

}  // namespace
}  // namespace hg::normalize
