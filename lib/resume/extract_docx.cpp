// DOCX through libzip + pugixml: paragraphs (body, tables, text boxes, headers) in document
// order, with heading styles, bold and size; hyperlink targets from the relationships.
#include <cstdlib>
#include <memory>

#include <pugixml.hpp>
#include <zip.h>

#include "resume/extract.hpp"

namespace hg::resume::detail {
namespace {

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using Zip = std::unique_ptr<zip_t, ZipCloser>;

// One member's bytes, refusing members that unpack past `budget` (zip bombs).
Result<std::string> read_member(zip_t* zip, const char* name, std::size_t& budget) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(zip, name, 0, &st) != 0) return fail(Errc::not_found, "no {}", name);
  if (!(st.valid & ZIP_STAT_SIZE) || st.size > budget) {
    return fail(Errc::invalid_input, "DOCX part {} unpacks past the size limit", name);
  }
  zip_file_t* file = zip_fopen(zip, name, 0);
  if (!file) return fail(Errc::invalid_input, "DOCX part {} cannot be read", name);
  std::string out(static_cast<std::size_t>(st.size), '\0');
  const zip_int64_t got = zip_fread(file, out.data(), out.size());
  zip_fclose(file);
  if (got < 0 || static_cast<std::size_t>(got) != out.size()) {
    return fail(Errc::invalid_input, "DOCX part {} is corrupt", name);
  }
  budget -= out.size();
  return out;
}

struct Para {
  std::string text;
  bool bold = true;
  bool any = false;
  double size = 0;
};

int heading_level(const pugi::xml_node& p) {
  std::string_view style = p.child("w:pPr").child("w:pStyle").attribute("w:val").as_string();
  if (style == "Title") return 1;
  for (std::string_view prefix : {"Heading", "heading", "berschrift", "Titre", "Ttulo"}) {
    const auto at = style.find(prefix);
    if (at == std::string_view::npos) continue;
    const char c = at + prefix.size() < style.size() ? style[at + prefix.size()] : '1';
    return c >= '1' && c <= '6' ? c - '0' : 2;
  }
  return 0;
}

void add_run(const pugi::xml_node& run, Para& para) {
  const pugi::xml_node rpr = run.child("w:rPr");
  const pugi::xml_node b = rpr.child("w:b");
  const bool bold = b && std::string_view(b.attribute("w:val").as_string("1")) != "0";
  if (const auto sz = rpr.child("w:sz")) para.size = std::max(para.size, sz.attribute("w:val").as_double() / 2);
  for (const pugi::xml_node& c : run.children()) {
    std::string_view n = c.name();
    if (n == "w:t") {
      std::string_view t = c.text().get();
      if (!t.empty()) para.any = true, para.bold = para.bold && bold;
      para.text += t;
    } else if (n == "w:tab") {
      para.text += "   ";
    } else if (n == "w:br" || n == "w:cr") {
      para.text += '\n';
    }
  }
}

// Walks the part without recursion; mc:Fallback repeats the text of mc:Choice (text boxes).
Result<void> read_part(const std::string& xml, const Limits& limits, Document& doc) {
  pugi::xml_document tree;
  if (!tree.load_buffer(xml.data(), xml.size(), pugi::parse_default)) {
    return fail(Errc::invalid_input, "DOCX XML is not well-formed");
  }
  std::vector<std::pair<pugi::xml_node, std::size_t>> stack{{tree.document_element(), 0}};
  double y = static_cast<double>(doc.lines.size());
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    if (depth > limits.max_xml_depth) return fail(Errc::invalid_input, "DOCX XML nests too deep");
    std::string_view name = node.name();
    if (name == "mc:Fallback") continue;
    if (name == "w:p") {
      Para para;
      std::vector<pugi::xml_node> runs;
      for (const pugi::xpath_node& r : node.select_nodes(".//w:r")) runs.push_back(r.node());
      for (const auto& r : runs) {
        // Runs inside a nested text box belong to that box's own paragraphs.
        bool nested = false;
        for (auto up = r.parent(); up && up != node; up = up.parent()) {
          if (std::string_view(up.name()) == "w:p" || std::string_view(up.name()) == "mc:Fallback") {
            nested = true;
            break;
          }
        }
        if (!nested) add_run(r, para);
      }
      const int heading = heading_level(node);
      // A list paragraph (numbering other than id 0, which switches it off) is a bullet.
      const pugi::xml_node num = node.child("w:pPr").child("w:numPr");
      if (num && num.child("w:numId").attribute("w:val").as_int() != 0 && !para.text.empty()) {
        para.text = "\xE2\x80\xA2 " + para.text;
      }
      std::size_t start = 0;
      while (start <= para.text.size()) {
        std::size_t end = para.text.find('\n', start);
        if (end == std::string::npos) end = para.text.size();
        Line line;
        line.text = para.text.substr(start, end - start);
        line.y = y++;
        line.height = 1;
        line.size = para.size;
        line.bold = para.any && para.bold;
        line.heading = heading;
        line.gap_before = false;  // paragraphs are blocks; empty ones mark gaps (tidy)
        doc.lines.push_back(std::move(line));
        start = end + 1;
      }
    }
    // Children in reverse so the stack pops them in document order; paragraphs' own runs
    // were read above, but text boxes inside them are paragraphs of their own.
    std::vector<pugi::xml_node> kids;
    for (pugi::xml_node c : node.children()) {
      if (c.type() == pugi::node_element) kids.push_back(c);
    }
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back({*it, depth + 1});
  }
  return {};
}

}  // namespace

Result<Document> read_docx(std::string_view bytes, const Limits& limits) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!src) return fail(Errc::invalid_input, "not a readable DOCX (zip)");
  Zip zip(zip_open_from_source(src, ZIP_RDONLY, &err));
  if (!zip) {
    zip_source_free(src);
    zip_error_fini(&err);
    return fail(Errc::invalid_input, "not a readable DOCX (corrupt zip)");
  }
  zip_error_fini(&err);
  std::size_t budget = limits.max_unpacked_bytes;
  Document doc;
  doc.format = Format::docx;
  doc.pages = 1;
  // Headers first: names and contact details often sit there.
  for (int i = 1; i <= 3; ++i) {
    const std::string name = "word/header" + std::to_string(i) + ".xml";
    auto part = read_member(zip.get(), name.c_str(), budget);
    if (!part) {
      if (part.error().code == Errc::not_found) continue;
      return part.error();
    }
    if (auto r = read_part(*part, limits, doc); !r) return r.error();
  }
  auto body = read_member(zip.get(), "word/document.xml", budget);
  if (!body) {
    if (body.error().code == Errc::not_found) {
      return fail(Errc::invalid_input, "a zip without word/document.xml: not a DOCX");
    }
    return body.error();
  }
  if (auto r = read_part(*body, limits, doc); !r) return r.error();
  if (auto rels = read_member(zip.get(), "word/_rels/document.xml.rels", budget)) {
    pugi::xml_document tree;
    if (tree.load_buffer(rels->data(), rels->size())) {
      for (pugi::xml_node rel : tree.document_element().children("Relationship")) {
        std::string_view target = rel.attribute("Target").as_string();
        if (target.substr(0, 4) == "http") doc.links.emplace_back(target);
      }
    }
  }
  return doc;
}

}  // namespace hg::resume::detail
