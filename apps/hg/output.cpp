#include "output.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>

#include <fmt/color.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "jq_filter.hpp"
#include "model/job.hpp"
#include "util/csv.hpp"

namespace hg::cli {
namespace {

using Json = nlohmann::ordered_json;

// Display width in code points (good enough for the Latin, Greek and Cyrillic text of
// postings; East Asian wide characters count as one).
std::size_t width(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string fit(std::string_view text, std::size_t max) {
  std::string one_line;
  for (char c : text) one_line.push_back(c == '\n' || c == '\t' || c == '\r' ? ' ' : c);
  if (width(one_line) <= max) return one_line;
  std::string out;
  std::size_t seen = 0;
  for (std::size_t i = 0; i < one_line.size(); ++i) {
    const bool starts = (static_cast<unsigned char>(one_line[i]) & 0xC0) != 0x80;
    if (starts && ++seen > max - 1) break;
    out.push_back(one_line[i]);
  }
  return out + "…";
}

std::size_t terminal_width() {
  winsize size{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 0;
}

}  // namespace

std::string cell_text(const Json& value) {
  if (value.is_null()) return {};
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_float()) {
    const double number = value.get<double>();
    if (number == static_cast<double>(static_cast<long long>(number)) && std::abs(number) < 1e15) {
      return fmt::format("{}", static_cast<long long>(number));
    }
    return fmt::format("{}", number);
  }
  return value.dump();
}

RecordWriter::RecordWriter(std::FILE* out, OutputFormat format, std::vector<std::string> fields)
    : out_(out), format_(format), fields_(std::move(fields)) {
  if (format_ == OutputFormat::csv) std::fputs(util::csv_line(fields_).c_str(), out_);
  if (format_ == OutputFormat::json) std::fputs("[", out_);
}

void RecordWriter::write(const Json& record) {
  switch (format_) {
    case OutputFormat::json:
      std::fputs(count_ == 0 ? "\n" : ",\n", out_);
      std::fputs(record.dump(-1, ' ', false, Json::error_handler_t::replace).c_str(), out_);
      break;
    case OutputFormat::table:  // tables are for print_records; a writer falls back to JSONL
    case OutputFormat::jsonl:
      std::fputs(record.dump(-1, ' ', false, Json::error_handler_t::replace).c_str(), out_);
      std::fputc('\n', out_);
      break;
    case OutputFormat::csv: {
      std::vector<std::string> cells;
      cells.reserve(fields_.size());
      for (const std::string& field : fields_) {
        auto it = record.find(field);
        cells.push_back(it == record.end() ? std::string() : cell_text(*it));
      }
      std::fputs(util::csv_line(cells).c_str(), out_);
      break;
    }
  }
  ++count_;
}

void RecordWriter::finish() {
  if (finished_) return;
  finished_ = true;
  if (format_ == OutputFormat::json) std::fputs(count_ == 0 ? "]\n" : "\n]\n", out_);
  std::fflush(out_);
}

Result<void> print_records(const Session& session, const std::vector<Json>& records,
                           std::span<const Column> columns, const std::vector<std::string>& fields) {
  if (!session.jq().empty()) return print_json(session, Json(records));
  if (session.output() != OutputFormat::table) {
    RecordWriter writer(stdout, session.output(), fields);
    for (const Json& record : records) writer.write(record);
    writer.finish();
    return {};
  }
  // Column widths: the widest cell, capped; the last text column gives way on a narrow terminal.
  std::vector<std::vector<std::string>> cells;
  std::vector<std::size_t> widths;
  for (const Column& column : columns) widths.push_back(width(column.header));
  for (const Json& record : records) {
    std::vector<std::string> row;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      auto it = record.find(columns[i].key);
      row.push_back(fit(it == record.end() ? std::string() : cell_text(*it), columns[i].max_width));
      widths[i] = std::max(widths[i], width(row.back()));
    }
    cells.push_back(std::move(row));
  }
  if (const std::size_t terminal = session.stdout_is_tty() ? terminal_width() : 0; terminal > 0) {
    std::size_t total = 0;
    for (std::size_t w : widths) total += w + 2;
    for (std::size_t i = columns.size(); i-- > 0 && total > terminal;) {
      if (columns[i].right || widths[i] <= 12) continue;
      const std::size_t shrink = std::min(total - terminal, widths[i] - 12);
      widths[i] -= shrink;
      total -= shrink;
      for (auto& row : cells) row[i] = fit(row[i], widths[i]);
    }
  }
  auto print_row = [&](const std::vector<std::string>& row, bool header) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      const std::size_t pad = widths[i] - std::min(widths[i], width(row[i]));
      const bool last = i + 1 == row.size();
      if (columns[i].right) line += std::string(pad, ' ') + row[i];
      else line += row[i] + (last ? "" : std::string(pad, ' '));
      if (!last) line += "  ";
    }
    if (header && session.color()) {
      fmt::print("{}\n", fmt::styled(line, fmt::emphasis::bold));
    } else {
      fmt::print("{}\n", line);
    }
  };
  std::vector<std::string> header;
  for (const Column& column : columns) header.emplace_back(column.header);
  print_row(header, true);
  for (const auto& row : cells) print_row(row, false);
  return {};
}

Result<void> print_json(const Session& session, const Json& document) {
  if (session.jq().empty() &&
      (session.output() == OutputFormat::jsonl || session.output() == OutputFormat::csv)) {
    // --jsonl and --csv promise records: the summary object is one, or each object of an
    // array is; the CSV header lists their keys in the order first seen.
    std::vector<Json> rows;
    if (document.is_array()) rows.assign(document.begin(), document.end());
    else rows.push_back(document);
    std::vector<std::string> fields;
    for (const Json& row : rows) {
      if (!row.is_object()) continue;
      for (const auto& item : row.items()) {
        if (std::find(fields.begin(), fields.end(), item.key()) == fields.end()) {
          fields.push_back(item.key());
        }
      }
    }
    RecordWriter writer(stdout, session.output(), fields);
    for (const Json& row : rows) writer.write(row);
    writer.finish();
    return {};
  }
  if (session.jq().empty()) {
    fmt::print("{}\n", document.dump(2, ' ', false, Json::error_handler_t::replace));
    return {};
  }
  auto lines = run_jq(session.jq(), document.dump(-1, ' ', false, Json::error_handler_t::replace));
  if (!lines) return lines.error();
  for (const std::string& line : *lines) fmt::print("{}\n", line);
  return {};
}

std::string salary_cell(const model::Job& job) {
  if (!job.salary_min && !job.salary_max) return job.salary_text;
  auto short_amount = [](double value) {
    return value >= 1000 ? fmt::format("{:.0f}k", value / 1000) : fmt::format("{:.0f}", value);
  };
  std::string range = job.salary_min && job.salary_max && *job.salary_min != *job.salary_max
                          ? short_amount(*job.salary_min) + "–" + short_amount(*job.salary_max)
                          : short_amount(job.salary_min.value_or(job.salary_max.value_or(0)));
  const std::string currency = job.salary_currency.empty() ? "" : job.salary_currency + " ";
  const std::string period = job.salary_period.empty() ? "" : "/" + job.salary_period;
  return currency + range + period;
}

}  // namespace hg::cli
