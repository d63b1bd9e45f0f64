#pragma once
// Facts from CSV and decisions to CSV: how an agency scores a whole portfolio export with
// `arrears decide --facts`. docs/decide.md documents both formats.

#include <arrears/core/currency.hpp>
#include <arrears/core/date.hpp>
#include <arrears/io/csv_records.hpp>
#include <arrears/policy/decision.hpp>
#include <arrears/policy/facts.hpp>

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace arrears {

/// What a facts CSV does not say itself.
struct facts_csv_options {
  /// The currency of rows without a `currency` column (or with an empty cell there).
  arrears::currency default_currency = currency::from_code("EUR");
  /// The date of rows without a `today` column (or with an empty cell there); without it
  /// such rows keep facts{}.today, which is no date.
  std::optional<date> today;
};

/// Reads facts from CSV (RFC 4180: comma-separated, fields quoted with '"' when they hold a
/// comma, a quote (doubled) or a line break; LF or CRLF line ends), one row at a time.
///
/// The header names the columns: any facts (fact_schema names), in any order, plus the
/// optional columns `case` (the case id; without it, or when empty, the row's line number),
/// `currency` (ISO 4217 code of the row's amounts) and `today` (YYYY-MM-DD). Facts a row
/// does not give, and empty cells, keep their facts{} defaults. Unquoted cells are trimmed of
/// spaces and tabs; blank lines are skipped; a UTF-8 byte order mark is ignored.
///
/// Every problem throws arrears::error naming `source:line:column`:
/// errc::unknown_field for an unknown column (with "did you mean"), errc::invalid_value for a
/// column named twice or a value that does not fit its fact (saying what was expected),
/// errc::invalid_date, errc::unknown_currency, errc::parse_error for malformed CSV (a row
/// with too few or too many cells, an unterminated quote, an empty header),
/// errc::io_error when the stream fails.
class facts_csv_reader {
 public:
  /// Reads the header. `in` must outlive the reader.
  facts_csv_reader(std::istream& in, std::string source_name, facts_csv_options options = {});

  /// Reads the next row into `out` (overwritten entirely). Returns false at the end.
  /// out.case_id views storage of the reader, valid until the next call.
  bool next(facts& out);

  /// The line the last row read began on (1-based; the header is line 1 or later).
  [[nodiscard]] std::size_t line() const noexcept { return records_.line(); }
  [[nodiscard]] const std::string& source_name() const noexcept { return records_.source_name(); }
  /// The header's column names, in file order.
  [[nodiscard]] std::span<const std::string> columns() const noexcept { return names_; }

 private:
  enum class column_kind : unsigned char { fact, case_id, currency, today };
  struct column_info {
    column_kind kind = column_kind::fact;
    unsigned char fact = 0;  ///< fact_index, for column_kind::fact
  };

  void read_header();

  csv_records records_;
  facts_csv_options options_;
  std::vector<std::string> names_;
  std::vector<column_info> columns_;
  std::string case_id_;
  std::string why_;
};

/// A whole facts CSV in memory: the rows' facts, whose case_id views the batch's own
/// storage, and the line each row came from. Move-only, since a copy's rows would view the
/// original's ids.
class facts_batch {
 public:
  facts_batch() = default;
  facts_batch(facts_batch&&) noexcept = default;
  facts_batch& operator=(facts_batch&&) noexcept = default;
  facts_batch(const facts_batch&) = delete;
  facts_batch& operator=(const facts_batch&) = delete;

  [[nodiscard]] std::span<const facts> rows() const noexcept { return rows_; }
  [[nodiscard]] std::size_t size() const noexcept { return rows_.size(); }
  [[nodiscard]] const facts& operator[](std::size_t row) const noexcept { return rows_[row]; }
  /// The source line row `row` began on.
  [[nodiscard]] std::size_t line(std::size_t row) const noexcept { return lines_[row]; }

 private:
  friend facts_batch read_facts_csv(std::istream&, std::string_view, const facts_csv_options&);
  std::vector<facts> rows_;
  std::vector<std::size_t> lines_;
  std::vector<char> ids_;  ///< every case id, back to back; a vector keeps its buffer on move
};

/// Reads a whole facts CSV (see facts_csv_reader for the format and the errors).
[[nodiscard]] facts_batch read_facts_csv(std::istream& in, std::string_view source_name,
                                         const facts_csv_options& options = {});
/// The same from a file; errc::io_error when it cannot be opened. Errors name the path.
[[nodiscard]] facts_batch read_facts_csv_file(const std::filesystem::path& file,
                                              const facts_csv_options& options = {});

/// The header of a decisions CSV, with its line end:
/// "case,action,amount,costs,deadline,next_review,rule,arm\n".
[[nodiscard]] std::string_view decisions_csv_header() noexcept;
/// Appends one decisions CSV row for case `case_id`: amounts as decimal strings without the
/// currency, dates as YYYY-MM-DD, empty cells for what is not set, `rule` the rules of all
/// reasons in order joined with ';' (the deciding rule first, then guards and experiments).
/// Cells are quoted per RFC 4180 when they need it.
void append_decision_csv(std::string& out, std::string_view case_id, const decision& d);

}  // namespace arrears
