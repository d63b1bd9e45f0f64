// Rate tables: validation, the CSV form of data/rates/*.csv, look-ups and overrides.

#include <arrears/core/error.hpp>
#include <arrears/law/rate_table.hpp>

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <utility>

namespace arrears {
namespace {

constexpr std::string_view covered_until_key = "covered_until:";
constexpr std::string_view table_key = "table:";
constexpr std::string_view header = "effective_from,rate,verified,source";

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
    text.remove_suffix(1);
  return text;
}

std::string describe(const std::string& name) { return "rate table '" + name + "'"; }

/// "covers 2011-07-01 to 2026-06-30".
std::string range_text(const std::vector<rate_entry>& rows, date covered_until) {
  return "covers " + to_iso(rows.front().effective_from) + " to " + to_iso(covered_until);
}

/// Rows in date order without duplicates, and a coverage end not before the last row.
void check_rows(const std::string& name, const std::vector<rate_entry>& rows, date covered_until) {
  if (rows.empty()) throw error(errc::invalid_value, describe(name) + " has no rows");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].effective_from.is_special())
      throw error(errc::invalid_value,
                  describe(name) + ": row " + std::to_string(i + 1) + " has no effective date");
    if (i > 0 && rows[i].effective_from <= rows[i - 1].effective_from)
      throw error(errc::invalid_value, describe(name) + ": row " + std::to_string(i + 1) + " (" +
                                           to_iso(rows[i].effective_from) + ") " +
                                           (rows[i].effective_from == rows[i - 1].effective_from
                                                ? "repeats the date of the row before"
                                                : "is earlier than the row before (" +
                                                      to_iso(rows[i - 1].effective_from) + ")") +
                                           "; rows must be in strictly increasing date order");
  }
  if (covered_until.is_special() || covered_until < rows.back().effective_from)
    throw error(errc::invalid_value, describe(name) + ": covered_until (" + to_iso(covered_until) +
                                         ") is before the last row (" +
                                         to_iso(rows.back().effective_from) + ")");
}

}  // namespace

rate_table::rate_table(std::string name, std::vector<rate_entry> rows, date covered_until)
    : name_(std::move(name)), rows_(std::move(rows)), covered_until_(covered_until) {
  check_rows(name_, rows_, covered_until_);
}

rate_table rate_table::parse_csv(std::string name, std::string_view csv, std::string_view where) {
  const std::string location(where);
  std::vector<rate_entry> rows;
  std::optional<date> covered_until;
  std::optional<std::string> named;
  bool header_seen = false;
  std::size_t line_number = 0;
  std::size_t last_row_line = 0;

  auto fail = [&](errc code, const std::string& message) -> void {
    throw error(code, location + ":" + std::to_string(line_number) + ": " + message);
  };

  while (!csv.empty()) {
    const std::size_t end = csv.find('\n');
    std::string_view line = csv.substr(0, end);
    csv.remove_prefix(end == std::string_view::npos ? csv.size() : end + 1);
    ++line_number;
    line = trim(line);
    if (line.empty()) continue;

    if (line.front() == '#') {
      const std::string_view comment = trim(line.substr(1));
      if (comment.starts_with(covered_until_key)) {
        if (covered_until)
          fail(errc::parse_error, "a second '# covered_until:' line; a table has exactly one");
        const std::string_view text = trim(comment.substr(covered_until_key.size()));
        date parsed;
        if (!try_parse_date(text, parsed))
          fail(errc::invalid_date, "covered_until: invalid date '" + std::string(text) +
                                       "': expected YYYY-MM-DD, a real calendar date");
        covered_until = parsed;
      } else if (comment.starts_with(table_key)) {
        if (named) fail(errc::parse_error, "a second '# table:' line");
        named = std::string(trim(comment.substr(table_key.size())));
        if (named->empty()) fail(errc::parse_error, "'# table:' names no table");
        if (!name.empty() && *named != name)
          fail(errc::parse_error,
               "the file names table '" + *named + "' but is read as '" + name + "'");
      }
      continue;
    }

    if (!header_seen) {
      if (line != header)
        fail(errc::parse_error,
             "expected the header '" + std::string(header) + "', got '" + std::string(line) + "'");
      header_seen = true;
      continue;
    }

    // effective_from,rate,verified,source: the source is the rest of the line and may hold
    // commas ("Stb. 2012, 285").
    std::string_view fields[3];
    std::string_view rest = line;
    for (auto& field : fields) {
      const std::size_t comma = rest.find(',');
      if (comma == std::string_view::npos)
        fail(errc::parse_error,
             "expected 4 fields (" + std::string(header) + "), got '" + std::string(line) + "'");
      field = trim(rest.substr(0, comma));
      rest.remove_prefix(comma + 1);
    }
    rate_entry entry;
    if (!try_parse_date(fields[0], entry.effective_from))
      fail(errc::invalid_date, "effective_from: invalid date '" + std::string(fields[0]) +
                                   "': expected YYYY-MM-DD, a real calendar date");
    if (!rate::try_parse(fields[1], entry.annual))
      fail(errc::invalid_rate, "rate: invalid rate '" + std::string(fields[1]) +
                                   "': expected a percentage such as 12.25 (at most four "
                                   "decimals, at most 1000)");
    if (fields[2] == "true")
      entry.verified = true;
    else if (fields[2] == "false")
      entry.verified = false;
    else
      fail(errc::parse_error,
           "verified: expected 'true' or 'false', got '" + std::string(fields[2]) + "'");
    entry.source = std::string(trim(rest));
    if (entry.source.empty())
      fail(errc::parse_error, "source: empty; every row names where its figure comes from");
    if (!rows.empty() && entry.effective_from <= rows.back().effective_from)
      fail(errc::invalid_value, "effective_from " + to_iso(entry.effective_from) +
                                    (entry.effective_from == rows.back().effective_from
                                         ? " repeats the row before"
                                         : " is earlier than the row before (" +
                                               to_iso(rows.back().effective_from) + ")") +
                                    "; rows must be in strictly increasing date order");
    rows.push_back(std::move(entry));
    last_row_line = line_number;
  }

  if (name.empty()) {
    if (!named)
      throw error(errc::parse_error,
                  location + ": no table name; add a line '# table: NAME' (e.g. nl-commercial)");
    name = *named;
  }
  if (!header_seen)
    throw error(errc::parse_error, location + ": no header line '" + std::string(header) + "'");
  if (rows.empty()) throw error(errc::parse_error, location + ": no rows");
  if (!covered_until)
    throw error(errc::parse_error,
                location +
                    ": no '# covered_until: YYYY-MM-DD' line (the last day the table is "
                    "known for)");
  if (*covered_until < rows.back().effective_from)
    throw error(errc::invalid_value, location + ":" + std::to_string(last_row_line) +
                                         ": covered_until (" + to_iso(*covered_until) +
                                         ") is before this row (" +
                                         to_iso(rows.back().effective_from) + ")");
  return rate_table(std::move(name), std::move(rows), *covered_until);
}

const rate_entry& rate_table::in_force_on(date on) const {
  if (rows_.empty())
    throw error(errc::date_out_of_range, describe(name_) + " is empty; no rate for " + to_iso(on));
  if (on.is_special() || on < rows_.front().effective_from || on > covered_until_)
    throw error(errc::date_out_of_range, describe(name_) + " " + range_text(rows_, covered_until_) +
                                             "; no rate known for " + to_iso(on));
  // The last row that starts on or before `on`.
  const auto after =
      std::upper_bound(rows_.begin(), rows_.end(), on,
                       [](date day, const rate_entry& row) { return day < row.effective_from; });
  return *std::prev(after);
}

std::vector<date> rate_table::changes_within(date from, date to) const {
  std::vector<date> changes;
  for (const auto& row : rows_)
    if (row.effective_from > from && row.effective_from <= to)
      changes.push_back(row.effective_from);
  return changes;
}

rate_table rate_table::overridden_by(const rate_table& overrides) const {
  std::vector<rate_entry> merged;
  merged.reserve(rows_.size() + overrides.rows_.size());
  auto mine = rows_.begin();
  auto theirs = overrides.rows_.begin();
  while (mine != rows_.end() || theirs != overrides.rows_.end()) {
    if (theirs == overrides.rows_.end() ||
        (mine != rows_.end() && mine->effective_from < theirs->effective_from)) {
      merged.push_back(*mine++);
    } else {
      if (mine != rows_.end() && mine->effective_from == theirs->effective_from) ++mine;
      merged.push_back(*theirs++);
    }
  }
  const date until =
      overrides.covered_until_.is_special() ||
              (!covered_until_.is_special() && covered_until_ > overrides.covered_until_)
          ? covered_until_
          : overrides.covered_until_;
  return rate_table(name_, std::move(merged), until);
}

}  // namespace arrears
