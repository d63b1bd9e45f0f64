#pragma once
// Calendar dates are boost::gregorian::date; these helpers read and write the one text form
// arrears uses everywhere: ISO 8601 "YYYY-MM-DD".

#include <arrears/core/error.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <string>
#include <string_view>

namespace arrears {

using date = boost::gregorian::date;
using days = boost::gregorian::date_duration;

/// Reads "YYYY-MM-DD" (exactly ten characters, a real calendar date, year 1400-9999).
/// Returns false and leaves `out` unchanged on anything else.
[[nodiscard]] inline bool try_parse_date(std::string_view text, date& out) noexcept {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  auto digits = [&](std::size_t from, std::size_t count, int& value) {
    value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      value = value * 10 + (text[i] - '0');
    }
    return true;
  };
  int year = 0, month = 0, day = 0;
  if (!digits(0, 4, year) || !digits(5, 2, month) || !digits(8, 2, day)) return false;
  if (year < 1400 || month < 1 || month > 12 || day < 1) return false;
  if (day > boost::gregorian::gregorian_calendar::end_of_month_day(
                static_cast<unsigned short>(year), static_cast<unsigned short>(month)))
    return false;
  out = date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
             static_cast<unsigned short>(day));
  return true;
}

/// As try_parse_date, but throws error{errc::invalid_date} naming the text.
[[nodiscard]] inline date parse_date(std::string_view text) {
  date out;
  if (!try_parse_date(text, out))
    throw error(errc::invalid_date, "invalid date '" + std::string(text) +
                                        "': expected YYYY-MM-DD, a real calendar date");
  return out;
}

/// "YYYY-MM-DD". A special value (not_a_date_time) formats as "not-a-date".
[[nodiscard]] inline std::string to_iso(date d) {
  if (d.is_special()) return "not-a-date";
  const auto ymd = d.year_month_day();
  char buffer[11];
  const unsigned year = ymd.year, month = ymd.month, day = ymd.day;
  buffer[0] = static_cast<char>('0' + year / 1000 % 10);
  buffer[1] = static_cast<char>('0' + year / 100 % 10);
  buffer[2] = static_cast<char>('0' + year / 10 % 10);
  buffer[3] = static_cast<char>('0' + year % 10);
  buffer[4] = '-';
  buffer[5] = static_cast<char>('0' + month / 10);
  buffer[6] = static_cast<char>('0' + month % 10);
  buffer[7] = '-';
  buffer[8] = static_cast<char>('0' + day / 10);
  buffer[9] = static_cast<char>('0' + day % 10);
  buffer[10] = '\0';
  return std::string(buffer, 10);
}

/// Days from `from` to `to` (negative when `to` is earlier).
[[nodiscard]] inline long days_between(date from, date to) { return (to - from).days(); }

}  // namespace arrears
