#pragma once
// A table of annual rates with the dates they take effect: statutory interest rates, base
// rates, central-bank rates. Rates change every half-year, so tables are data (data/rates/),
// loaded at start and overridable by the user; a date the table does not cover is an error.

#include <arrears/core/date.hpp>
#include <arrears/core/rate.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace arrears {

/// One row: `annual` is in force from `effective_from` until the next row's date.
struct rate_entry {
  date effective_from;
  rate annual;
  std::string source;    ///< where the figure comes from (Staatsblad, Bundesbank, ...)
  bool verified = true;  ///< false for figures law-facts.md marks UNVERIFIED or DERIVED only
  friend bool operator==(const rate_entry&, const rate_entry&) = default;
};

/// A named rate table, rows in date order, valid from the first row's date through
/// `covered_until` (inclusive): past that date the rate is not known yet.
class rate_table {
 public:
  rate_table() = default;
  /// Throws error{errc::invalid_value} for rows out of date order, duplicate dates, or a
  /// `covered_until` before the last row.
  rate_table(std::string name, std::vector<rate_entry> rows, date covered_until);

  /// Reads the CSV form of data/rates/*.csv (docs/law.md): comment lines start with '#', one
  /// of them `# covered_until: YYYY-MM-DD`; a header `effective_from,rate,verified,source`;
  /// then one row per change. `where` prefixes error messages ("nl-commercial.csv").
  /// A comment line `# table: NAME` names the table: with an empty `name` it gives the name
  /// (and is then required), otherwise it must match `name`.
  /// Throws error with errc::parse_error / invalid_date / invalid_rate naming where:line, and
  /// errc::invalid_value (also naming where:line) for rows out of date order.
  [[nodiscard]] static rate_table parse_csv(std::string name, std::string_view csv, std::string_view where);

  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  [[nodiscard]] const std::vector<rate_entry>& rows() const noexcept { return rows_; }
  [[nodiscard]] date covered_until() const noexcept { return covered_until_; }

  /// The row in force on `on`. Throws error{errc::date_out_of_range} naming the table and
  /// the range it covers when `on` is before the first row or after covered_until.
  [[nodiscard]] const rate_entry& in_force_on(date on) const;
  /// The dates in (from, to] on which the rate changes (row dates), in order.
  [[nodiscard]] std::vector<date> changes_within(date from, date to) const;

  /// A copy with `overrides`' rows replacing rows of the same date and added where new, and
  /// the later of the two coverage ends. Used for a user's rate file.
  [[nodiscard]] rate_table overridden_by(const rate_table& overrides) const;

 private:
  std::string name_;
  std::vector<rate_entry> rows_;
  date covered_until_;
};

}  // namespace arrears
