#include "util/csv.hpp"

#include <iterator>

namespace hg::util {

CsvReader::CsvReader(std::istream& in, std::size_t max_record_bytes, char delimiter)
    : in_(in), max_record_bytes_(max_record_bytes), delimiter_(delimiter) {}

std::optional<Result<CsvRecord>> CsvReader::next() {
  std::streambuf* buf = in_.rdbuf();
  using Traits = std::char_traits<char>;
  if (Traits::eq_int_type(buf->sgetc(), Traits::eof())) return std::nullopt;

  CsvRecord record;
  record.line = line_;
  record_line_ = line_;
  std::string field;
  std::size_t bytes = 0;
  bool quoted = false;      // inside a quoted field
  bool was_quoted = false;  // current field started with a quote
  bool oversized = false;
  std::optional<Error> malformed;

  while (true) {
    const auto got = buf->sbumpc();
    if (Traits::eq_int_type(got, Traits::eof())) {
      if (quoted && !malformed) {
        malformed = fail(Errc::invalid_input, "unterminated quoted field");
      }
      break;
    }
    const char c = Traits::to_char_type(got);
    if (++bytes > max_record_bytes_) oversized = true;
    if (c == '\n') ++line_;
    if (quoted) {
      if (c == '"') {
        if (buf->sgetc() == '"') {
          buf->sbumpc();
          if (!oversized) field.push_back('"');
        } else {
          quoted = false;
        }
      } else if (!oversized) {
        field.push_back(c);
      }
      continue;
    }
    if (c == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
      continue;
    }
    if (c == delimiter_) {
      if (!oversized) record.fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
      continue;
    }
    if (c == '\r' && buf->sgetc() == '\n') continue;
    if (c == '\n') break;
    if (was_quoted && !malformed) {
      malformed = fail(Errc::invalid_input, "text after a closing quote");
    }
    if (!oversized) field.push_back(c);
  }
  if (oversized) {
    return Result<CsvRecord>(
        fail(Errc::invalid_input, "record longer than {} bytes", max_record_bytes_));
  }
  if (malformed) return Result<CsvRecord>(*malformed);
  record.fields.push_back(std::move(field));
  return Result<CsvRecord>(std::move(record));
}

char detect_csv_delimiter(std::string_view head) {
  constexpr char kCandidates[] = {',', ';', '\t', '|'};
  std::size_t counts[std::size(kCandidates)] = {};
  bool quoted = false;
  for (char c : head) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    for (std::size_t i = 0; i < std::size(kCandidates); ++i) counts[i] += c == kCandidates[i];
  }
  std::size_t best = 0;  // ',' wins ties
  for (std::size_t i = 1; i < std::size(kCandidates); ++i) {
    if (counts[i] > counts[best]) best = i;
  }
  return kCandidates[best];
}

std::string csv_line(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out.push_back(',');
    const std::string& field = fields[i];
    if (field.find_first_of(",\"\r\n") == std::string::npos) {
      out += field;
      continue;
    }
    out.push_back('"');
    for (char c : field) {
      if (c == '"') out.push_back('"');
      out.push_back(c);
    }
    out.push_back('"');
  }
  out.push_back('\n');
  return out;
}

}  // namespace hg::util
