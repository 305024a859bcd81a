#include "ingest/records.hpp"

#include <limits>
#include <memory>

#include <nlohmann/json.hpp>

#include "util/csv.hpp"
#include "util/strings.hpp"

namespace hg::ingest {
namespace {

using Traits = std::char_traits<char>;

// Deepest nesting of arrays and objects in a JSON text, outside strings.
int json_depth(std::string_view text) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '[' || c == '{') deepest = std::max(deepest, ++depth);
    else if (c == ']' || c == '}') --depth;
  }
  return deepest;
}

// Parses one JSON record's text with the limits; errors name the reason in one line.
Result<std::unique_ptr<nlohmann::json>> parse_record(std::string_view text,
                                                     const ReaderLimits& limits) {
  if (auto bad = util::first_invalid_utf8(text)) {
    return fail(Errc::invalid_input, "not UTF-8 text (bad byte at offset {})", *bad);
  }
  if (json_depth(text) > limits.max_depth) {
    return fail(Errc::invalid_input, "JSON nested deeper than {} levels", limits.max_depth);
  }
  auto value = std::make_unique<nlohmann::json>();
  // nlohmann reports the position of a syntax error only through its exception; it is
  // caught here, so nothing leaves lib/.
  try {
    *value = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    if (auto at = what.find("parse error"); at != std::string::npos) what = what.substr(at);
    return fail(Errc::invalid_input, "invalid JSON: {}", util::to_lower(what.substr(0, 160)));
  }
  if (!value->is_object()) return fail(Errc::invalid_input, "record is not a JSON object");
  return value;
}

class JsonLinesReader final : public RecordReader {
 public:
  JsonLinesReader(std::istream& in, const ReaderLimits& limits) : in_(in), limits_(limits) {}

  std::optional<Item> next() override {
    while (true) {
      if (Traits::eq_int_type(in_.rdbuf()->sgetc(), Traits::eof())) return std::nullopt;
      const std::size_t start_line = ++line_;
      // istream::getline copies from the stream's buffer in bulk (a character at a time was
      // the import's hottest loop). Uninitialised: only the bytes a line uses are touched.
      if (!line_buffer_) line_buffer_.reset(new char[limits_.max_record_bytes + 1]);
      in_.getline(line_buffer_.get(), static_cast<std::streamsize>(limits_.max_record_bytes + 1));
      if (in_.fail()) {
        // More than max_record_bytes before the '\n' (the input is not at its end, so nothing
        // else sets failbit here): skip the rest of the line unread, keep nothing.
        in_.clear();
        in_.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
        ++number_;
        return Item{std::nullopt,
                    RecordError{number_, start_line,
                                fail(Errc::invalid_input, "line longer than {} bytes",
                                     limits_.max_record_bytes)}};
      }
      // gcount() counts the '\n' when there was one, that is unless the input ended first.
      auto length = static_cast<std::size_t>(in_.gcount());
      if (!in_.eof() && length > 0) --length;
      const std::string_view line(line_buffer_.get(), length);
      if (util::trim(line).empty()) continue;
      ++number_;
      auto value = parse_record(line, limits_);
      if (!value) return Item{std::nullopt, RecordError{number_, start_line, value.error()}};
      return Item{Record{number_, start_line, std::move(*value), std::string(util::trim(line))},
                  std::nullopt};
    }
  }

 private:
  std::istream& in_;
  ReaderLimits limits_;
  std::unique_ptr<char[]> line_buffer_;  // max_record_bytes + 1, allocated on first use
  std::size_t line_ = 0;
  std::size_t number_ = 0;
};

// Splits a top-level JSON array into element texts without parsing the whole document.
class JsonArrayReader final : public RecordReader {
 public:
  JsonArrayReader(std::istream& in, const ReaderLimits& limits) : in_(in), limits_(limits) {}

  std::optional<Item> next() override {
    if (done_) return std::nullopt;
    std::streambuf* buf = in_.rdbuf();
    if (!started_) {
      skip_space();
      if (bump() != '[') return fatal("expected '[' at the start of a JSON array");
      started_ = true;
      skip_space();
      if (buf->sgetc() == ']') {
        done_ = true;
        return std::nullopt;
      }
    } else {
      skip_space();
      const int separator = bump();
      if (separator == ']') {
        done_ = true;
        return std::nullopt;
      }
      if (separator != ',') return fatal("expected ',' or ']' between array elements");
    }
    skip_space();
    const std::size_t start_line = line_;
    ++number_;
    std::string text;
    bool oversized = false;
    int depth = 0;
    bool in_string = false;
    bool escaped = false;
    while (true) {
      const int c = buf->sgetc();
      if (c == Traits::eof()) {
        return fatal_in_element("the JSON array ends before it is closed", start_line);
      }
      if (!in_string && depth == 0 && (c == ',' || c == ']') && !text.empty()) break;
      buf->sbumpc();
      if (c == '\n') ++line_;
      if (text.size() >= limits_.max_record_bytes) oversized = true;
      else text.push_back(static_cast<char>(c));
      if (in_string) {
        if (escaped) escaped = false;
        else if (c == '\\') escaped = true;
        else if (c == '"') in_string = false;
        continue;
      }
      if (c == '"') in_string = true;
      else if (c == '{' || c == '[') ++depth;
      else if (c == '}' || c == ']') --depth;
      if (depth < 0) return fatal_in_element("unbalanced brackets in the JSON array", start_line);
    }
    if (oversized) {
      return Item{std::nullopt,
                  RecordError{number_, start_line,
                              fail(Errc::invalid_input, "element longer than {} bytes",
                                   limits_.max_record_bytes)}};
    }
    auto value = parse_record(text, limits_);
    if (!value) return Item{std::nullopt, RecordError{number_, start_line, value.error()}};
    return Item{Record{number_, start_line, std::move(*value), std::move(text)}, std::nullopt};
  }

 private:
  int bump() {
    const int c = in_.rdbuf()->sbumpc();
    if (c == '\n') ++line_;
    return c;
  }
  void skip_space() {
    while (true) {
      const int c = in_.rdbuf()->sgetc();
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return;
      bump();
    }
  }
  // Between elements: the error belongs to the next record.
  std::optional<Item> fatal(std::string_view why) {
    ++number_;
    return fatal_in_element(why, line_);
  }
  // Inside an element, which next() has already counted: the error is that record's.
  std::optional<Item> fatal_in_element(std::string_view why, std::size_t line) {
    done_ = true;
    return Item{std::nullopt, RecordError{number_, line, fail(Errc::invalid_input, "{}", why)}};
  }

  std::istream& in_;
  ReaderLimits limits_;
  bool started_ = false;
  bool done_ = false;
  std::size_t line_ = 1;
  std::size_t number_ = 0;
};

class CsvRecordReader final : public RecordReader {
 public:
  CsvRecordReader(std::istream& in, const ReaderLimits& limits, char delimiter)
      : csv_(in, limits.max_record_bytes, delimiter) {}

  std::optional<Item> next() override {
    if (!header_read_) {
      header_read_ = true;
      auto header = csv_.next();
      if (!header) return std::nullopt;
      if (!*header) return fatal(header->error());
      header_ = std::move((*header)->fields);
      if (!header_.empty() && header_[0].starts_with("\xEF\xBB\xBF")) header_[0].erase(0, 3);
      for (std::string& name : header_) name = std::string(util::trim(name));
    }
    if (done_) return std::nullopt;
    while (true) {
      auto row = csv_.next();
      if (!row) return std::nullopt;
      ++number_;
      if (!*row) return Item{std::nullopt, RecordError{number_, csv_.record_line(), row->error()}};
      util::CsvRecord& record = **row;
      if (record.fields.size() == 1 && util::trim(record.fields[0]).empty()) {
        --number_;  // blank line
        continue;
      }
      if (auto bad = first_bad_field(record)) {
        return Item{std::nullopt, RecordError{number_, record.line, *bad}};
      }
      if (record.fields.size() != header_.size()) {
        return Item{std::nullopt,
                    RecordError{number_, record.line,
                                fail(Errc::invalid_input, "{} fields where the header has {}",
                                     record.fields.size(), header_.size())}};
      }
      auto object = std::make_unique<nlohmann::json>(nlohmann::json::object());
      for (std::size_t i = 0; i < header_.size(); ++i) {
        if (!header_[i].empty()) {
          (*object)[header_[i]] = std::move(record.fields[i]);
        }
      }
      return Item{Record{number_, record.line, std::move(object), {}}, std::nullopt};
    }
  }

 private:
  static std::optional<Error> first_bad_field(const util::CsvRecord& record) {
    for (const std::string& field : record.fields) {
      if (auto bad = util::first_invalid_utf8(field)) {
        return fail(Errc::invalid_input, "not UTF-8 text (bad byte at offset {} of a field)",
                    *bad);
      }
    }
    return std::nullopt;
  }
  std::optional<Item> fatal(const Error& error) {
    done_ = true;
    return Item{std::nullopt, RecordError{0, 1, context(error, "header")}};
  }

  util::CsvReader csv_;
  std::vector<std::string> header_;
  bool header_read_ = false;
  bool done_ = false;
  std::size_t number_ = 0;
};

}  // namespace

std::optional<Format> parse_format(std::string_view name) {
  if (name == "json") return Format::json;
  if (name == "jsonl" || name == "ndjson") return Format::jsonl;
  if (name == "csv") return Format::csv;
  return std::nullopt;
}

std::string_view format_name(Format format) {
  switch (format) {
    case Format::json: return "json";
    case Format::jsonl: return "jsonl";
    case Format::csv: return "csv";
  }
  return "json";
}

Result<Format> detect_format(std::string_view head) {
  const std::string_view text = util::trim(head);
  if (text.empty()) return fail(Errc::invalid_input, "input is empty");
  auto bad = util::first_invalid_utf8(head);
  // A multi-byte character cut at the end of the head is fine; anything else is not text.
  if (bad && (head[*bad] == '\0' || *bad + 4 < head.size())) {
    return fail(Errc::invalid_input,
                "input is binary or not UTF-8 (byte {}); expected JSON, JSON Lines or CSV", *bad);
  }
  if (text.front() == '[') return Format::json;
  if (text.front() == '{') return Format::jsonl;
  return Format::csv;
}

HeadedInput::HeadedInput(std::istream& in, std::size_t head_bytes) : rest_(in.rdbuf()) {
  head_.resize(head_bytes);
  head_.resize(static_cast<std::size_t>(rest_->sgetn(head_.data(),
                                                     static_cast<std::streamsize>(head_bytes))));
  setg(head_.data(), head_.data(), head_.data() + head_.size());
}

HeadedInput::int_type HeadedInput::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  buffer_.resize(64 * 1024);
  const auto got = rest_->sgetn(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  if (got <= 0) return traits_type::eof();
  setg(buffer_.data(), buffer_.data(), buffer_.data() + got);
  return traits_type::to_int_type(*gptr());
}

std::unique_ptr<RecordReader> make_reader(std::istream& in, Format format,
                                          const ReaderLimits& limits, char csv_delimiter) {
  switch (format) {
    case Format::json: return std::make_unique<JsonArrayReader>(in, limits);
    case Format::jsonl: return std::make_unique<JsonLinesReader>(in, limits);
    case Format::csv:
      return std::make_unique<CsvRecordReader>(in, limits, csv_delimiter != 0 ? csv_delimiter : ',');
  }
  return nullptr;
}

}  // namespace hg::ingest
