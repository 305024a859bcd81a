// RFC 4180 CSV: a bounded streaming reader and a writer that quotes only when it must.
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.hpp"

namespace hg::util {

struct CsvRecord {
  std::vector<std::string> fields;
  std::size_t line = 0;  // 1-based line where the record starts
};

// Reads one record at a time from a stream. Fields are separated by `delimiter` (',' in RFC
// 4180; ';' and tab are common too). Quoted fields may hold delimiters, quotes ("") and
// newlines; CRLF and LF both end a record. A record longer than `max_record_bytes` is an
// invalid_input error for that record; the reader skips to the end of it and can go on.
class CsvReader {
 public:
  CsvReader(std::istream& in, std::size_t max_record_bytes, char delimiter = ',');

  // nullopt at the end of input; an Error for a malformed or oversized record.
  std::optional<Result<CsvRecord>> next();
  // 1-based line where the record last returned by next() started (also after an Error).
  std::size_t record_line() const { return record_line_; }

 private:
  std::istream& in_;
  std::size_t max_record_bytes_;
  char delimiter_;
  std::size_t line_ = 1;
  std::size_t record_line_ = 1;
};

// The delimiter a CSV text uses, judged by its first line: whichever of , ; tab | occurs
// most outside quotes; ',' when none does.
char detect_csv_delimiter(std::string_view head);

// One CSV line (with "\n") for `fields`, quoting fields that hold , " CR or LF.
std::string csv_line(const std::vector<std::string>& fields);

}  // namespace hg::util
