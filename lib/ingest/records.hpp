// Records from a stream: a JSON array, JSON Lines or CSV with a header, read one at a time
// and bounded in size and nesting, so a hostile or broken file costs one error per record.
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <optional>
#include <streambuf>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "util/result.hpp"

namespace hg::ingest {

enum class Format { json, jsonl, csv };

// "json" | "jsonl" | "csv"; nullopt for anything else.
std::optional<Format> parse_format(std::string_view name);
std::string_view format_name(Format format);

struct ReaderLimits {
  std::size_t max_record_bytes = 8 << 20;  // one record (JSON value or CSV row), in bytes
  int max_depth = 64;                      // JSON nesting
};

// One record: a JSON object (CSV rows become objects of strings keyed by the header).
struct Record {
  std::size_t number = 0;  // 1-based position in the input
  std::size_t line = 0;    // 1-based line where it starts
  std::unique_ptr<nlohmann::json> value;
  std::string text;  // the record as it was written (JSON); "" for CSV rows
};

// A record that could not be read: its number and why.
struct RecordError {
  std::size_t number = 0;
  std::size_t line = 0;
  Error error;
};

class RecordReader {
 public:
  virtual ~RecordReader() = default;
  // The next record, a RecordError for one that could not be read (the reader goes on past
  // it when it can), or nullopt at the end. After a fatal error (a JSON array cut short)
  // the next call returns nullopt.
  struct Item {
    std::optional<Record> record;
    std::optional<RecordError> error;
  };
  virtual std::optional<Item> next() = 0;
};

// Picks the format from the first bytes of the input: '[' JSON array, '{' JSON Lines, else
// CSV. Errors: invalid_input for binary data, non-UTF-8 text or an empty input.
Result<Format> detect_format(std::string_view head);

// A stream buffer over another one that reads its first `head_bytes` up front, so the
// format can be detected from head() even when the input is a pipe that cannot seek.
class HeadedInput : public std::streambuf {
 public:
  HeadedInput(std::istream& in, std::size_t head_bytes);
  std::string_view head() const { return head_; }

 protected:
  int_type underflow() override;

 private:
  std::streambuf* rest_;
  std::string head_;
  std::string buffer_;
};

// A reader for `format` over `in`, which must outlive it. `csv_delimiter` separates CSV
// fields (0: ',').
std::unique_ptr<RecordReader> make_reader(std::istream& in, Format format,
                                          const ReaderLimits& limits = {},
                                          char csv_delimiter = ',');

}  // namespace hg::ingest
