#pragma once
// CSV records (RFC 4180) with where each cell starts, for readers that name the line and
// column of every problem: the facts CSV (facts_csv.hpp) and the ledger (ledger_csv.hpp).

#include <arrears/core/error.hpp>

#include <cstddef>
#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace arrears {

/// One cell: its text (unquoted, doubled quotes undoubled; unquoted cells trimmed of spaces
/// and tabs), the line and column (1-based) where it starts, and whether it was quoted.
struct csv_cell {
  std::string text;
  std::size_t line = 0;
  std::size_t column = 0;
  bool quoted = false;
};

/// Reads records one at a time: comma-separated, cells quoted with '"' when they hold a
/// comma, a quote (doubled) or a line break; LF or CRLF line ends; blank lines skipped; a
/// UTF-8 byte order mark ignored. The cells' storage is reused from record to record.
class csv_records {
 public:
  /// `in` must outlive the reader; `source_name` names it in errors.
  csv_records(std::istream& in, std::string source_name);

  /// Reads the next record. Returns false at the end. Throws error{errc::parse_error}
  /// ("source:line:column: ...") on an unterminated quote or text after a closing quote,
  /// error{errc::io_error} when the stream fails.
  bool next();
  /// The cells of the record last read.
  [[nodiscard]] std::span<const csv_cell> cells() const noexcept { return {cells_.data(), count_}; }
  /// Empty when the record last read has `expected` cells, else what is wrong:
  /// "3 cells, expected 14 as in the header".
  [[nodiscard]] std::string cell_count_problem(std::size_t expected) const;
  /// The line the record last read began on.
  [[nodiscard]] std::size_t line() const noexcept { return record_line_; }
  [[nodiscard]] const std::string& source_name() const noexcept { return source_; }

  /// Throws error{code} with "source:line[:column]: what" (column 0 leaves it out).
  [[noreturn]] void fail(errc code, std::size_t line, std::size_t column,
                         const std::string& what) const;

 private:
  bool read_physical_line();

  std::istream* in_;
  std::string source_;
  std::string physical_;           ///< the current physical line
  std::size_t physical_line_ = 0;  ///< its number
  std::size_t record_line_ = 0;
  std::vector<csv_cell> cells_;  ///< reused: their strings keep their capacity
  std::size_t count_ = 0;
};

/// Appends `text` as one CSV cell, quoted (quotes doubled) when it holds a comma, a quote,
/// a line break, or leading or trailing blanks.
void append_csv_cell(std::string& out, std::string_view text);

}  // namespace arrears
