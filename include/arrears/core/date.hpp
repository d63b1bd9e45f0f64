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

/// A real date's year, month and day.
struct civil_date {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  friend bool operator==(const civil_date&, const civil_date&) = default;
};

namespace detail {
/// Boost's day number (the Julian Day Number) of 1970-01-01.
inline constexpr long julian_day_of_1970 = 2440588;
/// Day numbers of the first and last supported dates, 1400-01-01 and 9999-12-31.
inline constexpr long first_supported_day_number = 2232400;
inline constexpr long last_supported_day_number = 5373484;
}  // namespace detail

/// The year, month and day of a real (not special) date. Equal to d.year_month_day(), which
/// costs a dozen integer divisions; this is H. Hinnant's civil_from_days, whose divisions
/// are by constants. Holiday checks and limitation years ask it for every case on every
/// review.
[[nodiscard]] inline civil_date civil_of(date d) noexcept {
  const long z = static_cast<long>(d.day_number()) - detail::julian_day_of_1970 + 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const auto day_of_era = static_cast<unsigned>(z - era * 146097);
  const unsigned year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const unsigned day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const unsigned shifted_month = (5 * day_of_year + 2) / 153;  // March = 0
  const unsigned day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
  const unsigned month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
  const long year = static_cast<long>(year_of_era) + era * 400 + (month <= 2 ? 1 : 0);
  return {static_cast<int>(year), month, day};
}

/// The date of a valid year, month and day (the caller checked them), without boost's
/// validation and conversion: H. Hinnant's days_from_civil.
[[nodiscard]] inline date date_of_civil(int year, unsigned month, unsigned day) noexcept {
  const long y = static_cast<long>(year) - (month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(y - era * 400);
  const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  const long days_since_1970 = era * 146097 + static_cast<long>(day_of_era) - 719468;
  return date(static_cast<date::date_int_type>(days_since_1970 + detail::julian_day_of_1970));
}

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
