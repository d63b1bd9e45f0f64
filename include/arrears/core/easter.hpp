#pragma once
// Easter Sunday by the Gregorian computus: the anchor of the moveable Christian holidays.

#include <arrears/core/date.hpp>
#include <arrears/core/error.hpp>

#include <string>

namespace arrears {

/// The first and last years easter_sunday accepts: the Gregorian calendar took effect in
/// October 1582, and boost::gregorian::date ends at 9999.
inline constexpr int first_easter_year = 1583;
inline constexpr int last_easter_year = 9999;

namespace detail {
// The anonymous Gregorian algorithm (Meeus, "Astronomical Algorithms"; Jones 1876; Butcher
// 1876) without the 1583 check, for calendars that apply it proleptically. `year` must be in
// 1400..9999, the range of boost::gregorian::date (which throws otherwise).
[[nodiscard]] inline date easter_sunday_unchecked(int year) {
  const int golden = year % 19;
  const int century = year / 100;
  const int year_of_century = year % 100;
  const int leap_centuries = century / 4;
  const int century_remainder = century % 4;
  const int lunar_correction = (century + 8) / 25;
  const int solar_correction = (century - lunar_correction + 1) / 3;
  const int epact = (19 * golden + century - leap_centuries - solar_correction + 15) % 30;
  const int leap_years = year_of_century / 4;
  const int year_remainder = year_of_century % 4;
  const int weekday_offset =
      (32 + 2 * century_remainder + 2 * leap_years - epact - year_remainder) % 7;
  const int correction = (golden + 11 * epact + 22 * weekday_offset) / 451;
  const int month = (epact + weekday_offset - 7 * correction + 114) / 31;
  const int day = (epact + weekday_offset - 7 * correction + 114) % 31 + 1;
  return date_of_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}
}  // namespace detail

/// Easter Sunday of `year` in the Gregorian calendar (between 22 March and 25 April).
/// Throws error{errc::invalid_argument} for a year outside 1583..9999.
[[nodiscard]] inline date easter_sunday(int year) {
  if (year < first_easter_year || year > last_easter_year)
    throw error(errc::invalid_argument,
                "easter_sunday: year " + std::to_string(year) +
                    " is out of range: expected a Gregorian year 1583..9999");
  return detail::easter_sunday_unchecked(year);
}

}  // namespace arrears
