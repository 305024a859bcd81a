#include "normalize/html_fast.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "normalize/html_fast_chars.hpp"
#include "util/strings.hpp"

namespace hg::normalize {
namespace {

using namespace html_fast;

// ---------------------------------------------------------------------------------------------
// The fast path. Job descriptions are nearly always simple, well-formed fragments, for which
// gumbo's tree is fully determined by a few HTML5 tree-construction rules. FastText runs those
// rules over a stack of open elements in one pass and writes what flatten() would write for the
// tree gumbo would build. It gives up (returns nullopt, and the caller uses gumbo) whenever the
// input leaves the subset it models exactly:
//   - bytes gumbo would rewrite: NUL, control characters, invalid UTF-8, noncharacters;
//   - tags outside kTags (tables, forms, pre, textarea, svg, html/head/body, unknown names...);
//   - anything needing the adoption agency or the reconstruction of formatting elements (a
//     formatting element closed out of order, or popped by another element's end);
//   - entities outside a small table, legacy entities without ';', odd numeric references;
//   - odd comments ("<!-->", "--!>"), "<!--" inside <script>, "</br>";
//   - input on which limit_depth() would drop tags, or nesting deeper than kMaxDepth.
// Every such rule was checked against the gumbo path on real postings and fuzzed markup.

enum class Kind : std::uint8_t {
  void_element,  // no children, no output: img, meta, wbr...
  br,
  hr,
  container,   // closes an open <p>: div, ul, section, p...
  heading,     // h1-h6
  li,
  dd_dt,
  formatting,  // b, i, strong...: in gumbo's list of active formatting elements
  anchor,      // <a>: formatting, and a nested one runs the adoption agency
  ordinary,    // span, sup...: no special rules
  raw_text,    // script, style: contents are text until the matching end tag
};

struct TagInfo {
  std::string_view name;
  Kind kind;
  bool block;    // flatten() writes '\n' at its start and end (is_block)
  bool special;  // in the HTML5 "special" category
};

// Sorted by name for binary search.
constexpr TagInfo kTags[] = {
    {"a", Kind::anchor, false, false},
    {"abbr", Kind::ordinary, false, false},
    {"address", Kind::container, true, true},
    {"area", Kind::void_element, false, true},
    {"article", Kind::container, true, true},
    {"aside", Kind::container, true, true},
    {"b", Kind::formatting, false, false},
    {"base", Kind::void_element, false, true},
    {"bdi", Kind::ordinary, false, false},
    {"bdo", Kind::ordinary, false, false},
    {"big", Kind::formatting, false, false},
    {"blockquote", Kind::container, true, true},
    {"br", Kind::br, false, true},
    {"center", Kind::container, false, true},
    {"cite", Kind::ordinary, false, false},
    {"code", Kind::formatting, false, false},
    {"data", Kind::ordinary, false, false},
    {"dd", Kind::dd_dt, true, true},
    {"del", Kind::ordinary, false, false},
    {"details", Kind::container, true, true},
    {"dfn", Kind::ordinary, false, false},
    {"dir", Kind::container, false, true},
    {"div", Kind::container, true, true},
    {"dl", Kind::container, true, true},
    {"dt", Kind::dd_dt, true, true},
    {"em", Kind::formatting, false, false},
    {"embed", Kind::void_element, false, true},
    {"fieldset", Kind::container, true, true},
    {"figcaption", Kind::container, true, true},
    {"figure", Kind::container, true, true},
    {"font", Kind::formatting, false, false},
    {"footer", Kind::container, true, true},
    {"h1", Kind::heading, true, true},
    {"h2", Kind::heading, true, true},
    {"h3", Kind::heading, true, true},
    {"h4", Kind::heading, true, true},
    {"h5", Kind::heading, true, true},
    {"h6", Kind::heading, true, true},
    {"header", Kind::container, true, true},
    {"hgroup", Kind::container, false, true},
    {"hr", Kind::hr, true, true},
    {"i", Kind::formatting, false, false},
    {"img", Kind::void_element, false, true},
    {"input", Kind::void_element, false, true},
    {"ins", Kind::ordinary, false, false},
    {"kbd", Kind::ordinary, false, false},
    {"label", Kind::ordinary, false, false},
    {"li", Kind::li, true, true},
    {"link", Kind::void_element, false, true},
    {"main", Kind::container, true, false},
    {"mark", Kind::ordinary, false, false},
    {"menu", Kind::container, false, true},
    {"meta", Kind::void_element, false, true},
    {"nav", Kind::container, true, true},
    {"ol", Kind::container, true, true},
    {"p", Kind::container, true, true},
    {"param", Kind::void_element, false, true},
    {"q", Kind::ordinary, false, false},
    {"s", Kind::formatting, false, false},
    {"samp", Kind::ordinary, false, false},
    {"script", Kind::raw_text, false, true},
    {"section", Kind::container, true, true},
    {"small", Kind::formatting, false, false},
    {"source", Kind::void_element, false, false},
    {"span", Kind::ordinary, false, false},
    {"strike", Kind::formatting, false, false},
    {"strong", Kind::formatting, false, false},
    {"style", Kind::raw_text, false, true},
    {"sub", Kind::ordinary, false, false},
    {"summary", Kind::container, true, true},
    {"sup", Kind::ordinary, false, false},
    {"time", Kind::ordinary, false, false},
    {"track", Kind::void_element, false, false},
    {"tt", Kind::formatting, false, false},
    {"u", Kind::formatting, false, false},
    {"ul", Kind::container, true, true},
    {"var", Kind::ordinary, false, false},
    {"wbr", Kind::void_element, false, true},
};
constexpr std::size_t kTagCount = std::size(kTags);

constexpr std::uint8_t tag_id(std::string_view name) {
  for (std::size_t i = 0; i < kTagCount; ++i) {
    if (kTags[i].name == name) return static_cast<std::uint8_t>(i);
  }
  return 0xFF;
}
constexpr std::uint8_t kP = tag_id("p");
constexpr std::uint8_t kLi = tag_id("li");
constexpr std::uint8_t kDd = tag_id("dd");
constexpr std::uint8_t kDt = tag_id("dt");
constexpr std::uint8_t kA = tag_id("a");
constexpr std::uint8_t kUl = tag_id("ul");
constexpr std::uint8_t kOl = tag_id("ol");
constexpr std::uint8_t kDiv = tag_id("div");
constexpr std::uint8_t kAddress = tag_id("address");

// The tag's index in kTags, or -1 when it is not modelled. `name` is as written (any case).
int find_tag(std::string_view name) {
  char lower[16];
  if (name.size() > sizeof(lower)) return -1;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    lower[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  const std::string_view key(lower, name.size());
  const auto* it = std::lower_bound(std::begin(kTags), std::end(kTags), key,
                                    [](const TagInfo& t, std::string_view k) { return t.name < k; });
  return it != std::end(kTags) && it->name == key ? static_cast<int>(it - std::begin(kTags)) : -1;
}

class FastText {
 public:
  explicit FastText(std::string_view html) : html_(html) {}

  // The text, or nullopt when the input is outside the modelled subset.
  std::optional<std::string> run() {
    const auto tag_starts = plain_utf8_tag_starts(html_);
    if (!tag_starts) return std::nullopt;
    // limit_depth() cannot drop a start tag before kMaxDepth of them; past that, ask it.
    if (*tag_starts > static_cast<std::size_t>(kMaxDepth) &&
        limit_depth(html_).size() != html_.size()) {
      return std::nullopt;
    }
    raw_.reserve(html_.size());
    stack_.reserve(32);
    if (!scan()) return std::nullopt;
    while (!stack_.empty()) pop();  // end of input closes every open element
    return tidy_fast(raw_);
  }

 private:
  // Returns false to give up; stops early (true) where gumbo drops the rest of the input.
  bool scan() {
    const std::size_t n = html_.size();
    while (pos_ < n) {
      const char c = html_[pos_];
      if (c == '<') {
        const Step step = markup();
        if (step == Step::give_up) return false;
        if (step == Step::stop) return true;
      } else if (c == '&') {
        if (!reference()) return false;
      } else if (c == '\r') {
        raw_.push_back('\n');
        pos_ += pos_ + 1 < n && html_[pos_ + 1] == '\n' ? 2 : 1;
      } else if (c == '\xC2' && pos_ + 1 < n && html_[pos_ + 1] == '\xA0') {
        raw_.push_back(' ');
        pos_ += 2;
      } else {
        const std::size_t start = pos_++;
        while (pos_ < n) {
          const char d = html_[pos_];
          if (d == '<' || d == '&' || d == '\r' || d == '\xC2') break;
          ++pos_;
        }
        raw_.append(html_.data() + start, pos_ - start);
      }
    }
    return true;
  }

  enum class Step { next, stop, give_up };

  // At '<': a tag, comment, doctype or a literal '<'.
  Step markup() {
    const std::size_t n = html_.size();
    const std::size_t lt = pos_;
    if (lt + 1 >= n) {  // "<" at the end: text
      raw_.push_back('<');
      pos_ = n;
      return Step::next;
    }
    const char c = html_[lt + 1];
    if (c == '!') return declaration();
    if (c == '?') return bogus_comment(lt + 2);
    if (c == '/') {
      if (lt + 2 >= n) {  // "</" at the end: text
        raw_.append("</");
        pos_ = n;
        return Step::next;
      }
      const char d = html_[lt + 2];
      if (d == '>') {  // "</>" is dropped
        pos_ = lt + 3;
        return Step::next;
      }
      if (!is_alpha(d)) return bogus_comment(lt + 2);
      return tag(lt + 2, true);
    }
    if (!is_alpha(c)) {
      raw_.push_back('<');
      pos_ = lt + 1;
      return Step::next;
    }
    return tag(lt + 1, false);
  }

  // Everything to the next '>' is a comment; without one the rest of the input is.
  Step bogus_comment(std::size_t from) {
    const std::size_t gt = html_.find('>', from);
    if (gt == std::string_view::npos) return Step::stop;
    pos_ = gt + 1;
    return Step::next;
  }

  // At "<!": a comment, a doctype (ignored either way) or a bogus comment.
  Step declaration() {
    const std::size_t from = pos_ + 2;
    const std::string_view rest = html_.substr(from);
    if (rest.starts_with("--")) {
      const std::string_view body = rest.substr(2);
      if (body.starts_with(">") || body.starts_with("->")) return Step::give_up;
      const std::size_t end = body.find("-->");
      if (end == std::string_view::npos) return Step::give_up;
      if (body.substr(0, end + 2).find("--!") != std::string_view::npos) return Step::give_up;
      pos_ = from + 2 + end + 3;
      return Step::next;
    }
    if (rest.size() >= 7 && util::starts_with_icase(rest, "doctype")) {
      const std::size_t gt = html_.find('>', from);
      if (gt == std::string_view::npos) return Step::give_up;
      pos_ = gt + 1;
      return Step::next;
    }
    if (rest.starts_with("-") || rest.empty()) return Step::give_up;
    return bogus_comment(from);
  }

  // At a tag name (after "<" or "</").
  Step tag(std::size_t name_start, bool closing) {
    const std::size_t n = html_.size();
    std::size_t j = name_start;
    while (j < n && !is_html_space(html_[j]) && html_[j] != '/' && html_[j] != '>') ++j;
    if (j >= n) return Step::stop;  // a tag cut off by the end of the input is dropped
    const int id = find_tag(html_.substr(name_start, j - name_start));
    if (id < 0) return Step::give_up;
    const std::size_t gt = find_tag_end(html_, j);
    if (gt == std::string_view::npos) return Step::stop;
    pos_ = gt + 1;
    const auto tag = static_cast<std::uint8_t>(id);
    if (closing) return end_tag(tag) ? Step::next : Step::give_up;
    return start_tag(tag);
  }

  Step start_tag(std::uint8_t tag) {
    const TagInfo& info = kTags[tag];
    switch (info.kind) {
      case Kind::void_element:
        return Step::next;
      case Kind::br:
        raw_.push_back('\n');
        return Step::next;
      case Kind::hr:
        if (!close_p()) return Step::give_up;
        raw_.append("\n\n");
        return Step::next;
      case Kind::container:
        if (!close_p()) return Step::give_up;
        break;
      case Kind::heading:
        if (!close_p()) return Step::give_up;
        if (!stack_.empty() && kTags[stack_.back()].kind == Kind::heading) pop();
        break;
      case Kind::li:
      case Kind::dd_dt:
        if (!close_list_item(info.kind) || !close_p()) return Step::give_up;
        break;
      case Kind::anchor:
        if (count_[kA] > 0) return Step::give_up;  // the adoption agency would run
        break;
      case Kind::formatting:
      case Kind::ordinary:
        break;
      case Kind::raw_text:
        return raw_text(info.name);
    }
    if (stack_.size() >= static_cast<std::size_t>(kMaxDepth)) return Step::give_up;
    stack_.push_back(tag);
    ++count_[tag];
    if (info.kind == Kind::li) {
      raw_.append("\n- ");
    } else if (info.block) {
      raw_.push_back('\n');
    }
    return Step::next;
  }

  // Skips the contents and end tag of <script> or <style>: they make no text.
  Step raw_text(std::string_view name) {
    const std::size_t n = html_.size();
    const std::size_t body = pos_;
    for (std::size_t i = html_.find("</", body); i != std::string_view::npos;
         i = html_.find("</", i + 2)) {
      const std::size_t after = i + 2 + name.size();
      if (after >= n) return Step::stop;
      if (!util::starts_with_icase(html_.substr(i + 2), name)) continue;
      const char c = html_[after];
      if (!is_html_space(c) && c != '/' && c != '>') continue;
      // "<!--" in a script starts its escaped states, which this does not model.
      if (name == "script" && html_.substr(body, i - body).find("<!--") != std::string_view::npos) {
        return Step::give_up;
      }
      const std::size_t gt = find_tag_end(html_, after);
      if (gt == std::string_view::npos) return Step::stop;
      pos_ = gt + 1;
      return Step::next;
    }
    return Step::stop;  // the rest of the input is the element's text
  }

  bool end_tag(std::uint8_t tag) {
    const TagInfo& info = kTags[tag];
    switch (info.kind) {
      case Kind::container:
        if (tag == kP && count_[kP] == 0) {
          raw_.append("\n\n");  // gumbo inserts an empty <p> to close
          return true;
        }
        return count_[tag] == 0 || close_to(tag);
      case Kind::li:
        return !in_list_scope() || close_to(tag);
      case Kind::dd_dt:
        return count_[tag] == 0 || close_to(tag);
      case Kind::heading: {
        if (!any_heading_open()) return true;
        generate_implied_end_tags(0xFF);
        while (true) {
          const std::uint8_t top = stack_.back();
          if (is_formatting(top)) return false;
          pop();
          if (kTags[top].kind == Kind::heading) return true;
        }
      }
      case Kind::formatting:
      case Kind::anchor:
        if (count_[tag] == 0) return true;  // gumbo ignores it
        if (stack_.back() != tag) return false;  // the adoption agency would run
        pop();
        return true;
      case Kind::br:
        return false;  // "</br>" is a <br> to gumbo, except before <body>
      case Kind::void_element:
      case Kind::hr:
      case Kind::ordinary:
      case Kind::raw_text:
        // "Any other end tag": close up to the nearest open `tag` unless a special element
        // comes first.
        for (std::size_t i = stack_.size(); i-- > 0;) {
          if (stack_[i] == tag) {
            while (stack_.size() > i + 1) {
              if (is_formatting(stack_.back())) return false;
              pop();
            }
            pop();
            return true;
          }
          if (kTags[stack_[i]].special) return true;
        }
        return true;
    }
    return false;
  }

  static bool is_formatting(std::uint8_t tag) {
    return kTags[tag].kind == Kind::formatting || kTags[tag].kind == Kind::anchor;
  }

  bool any_heading_open() const {
    for (std::uint8_t t : stack_) {
      if (kTags[t].kind == Kind::heading) return true;
    }
    return false;
  }

  // An <li> in list item scope: open, and no <ul> or <ol> above it.
  bool in_list_scope() const {
    for (std::size_t i = stack_.size(); i-- > 0;) {
      if (stack_[i] == kLi) return true;
      if (stack_[i] == kUl || stack_[i] == kOl) return false;
    }
    return false;
  }

  // gumbo's maybe_implicitly_close_p_tag(). Every modelled element is inside button scope.
  bool close_p() { return count_[kP] == 0 || close_to(kP); }

  // gumbo's maybe_implicitly_close_list_tag().
  bool close_list_item(Kind kind) {
    for (std::size_t i = stack_.size(); i-- > 0;) {
      const std::uint8_t t = stack_[i];
      const bool match = kind == Kind::li ? t == kLi : (t == kDd || t == kDt);
      if (match) return close_to(t);
      if (kTags[t].special && t != kAddress && t != kDiv && t != kP) return true;
    }
    return true;
  }

  void generate_implied_end_tags(std::uint8_t except) {
    while (!stack_.empty()) {
      const std::uint8_t top = stack_.back();
      if (top == except || (top != kP && top != kLi && top != kDd && top != kDt)) return;
      pop();
    }
  }

  // gumbo's implicitly_close_tags(): pops up to and including the open `tag`. Gives up when
  // that would pop a formatting element, which gumbo would later reconstruct.
  bool close_to(std::uint8_t tag) {
    generate_implied_end_tags(tag);
    while (stack_.back() != tag) {
      if (is_formatting(stack_.back())) return false;
      pop();
    }
    pop();
    return true;
  }

  void pop() {
    const std::uint8_t top = stack_.back();
    stack_.pop_back();
    --count_[top];
    if (kTags[top].block) raw_.push_back('\n');
  }

  // At '&': a character reference, as gumbo decodes it in text, or a literal '&'.
  bool reference() {
    const Reference ref = read_reference(html_, pos_);
    switch (ref.kind) {
      case Reference::Kind::give_up: return false;
      case Reference::Kind::literal_amp: raw_.push_back('&'); break;
      case Reference::Kind::code_point: append_code_point(raw_, ref.code); break;
    }
    pos_ = ref.end;
    return true;
  }

  std::string_view html_;
  std::size_t pos_ = 0;
  std::string raw_;                 // what flatten() would write
  std::vector<std::uint8_t> stack_;  // open elements below <body>, as kTags indexes
  std::array<std::uint16_t, kTagCount> count_{};  // how many of each are open
};

}  // namespace

std::optional<std::string> fast_html_to_text(std::string_view html) { return FastText(html).run(); }

}  // namespace hg::normalize
