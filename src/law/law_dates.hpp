#pragma once
// Checked date steps for the law rules. Private to src/law.

#include <arrears/core/calendar.hpp>
#include <arrears/core/date.hpp>
#include <arrears/core/error.hpp>

#include <string>

namespace arrears::detail {

/// `day` + `count` days (count may be negative). Throws error{errc::date_out_of_range} when
/// the result leaves 1400-01-01..9999-12-31, error{errc::invalid_argument} for a special
/// date; `function` names the caller in the message.
[[nodiscard]] inline date plus_days(date day, long count, const char* function) {
  require_real_date(day, function);
  // On day numbers: boost's date arithmetic checks for special values at every step.
  const long from = static_cast<long>(day.day_number());
  if (count > last_supported_day_number - from || count < first_supported_day_number - from)
    throw error(errc::date_out_of_range, std::string(function) + ": " + to_iso(day) + " + " +
                                             std::to_string(count) +
                                             " days leaves the supported range (1400..9999)");
  return date(static_cast<date::date_int_type>(from + count));
}

/// "2025-04-05 (Saturday)".
[[nodiscard]] inline std::string dated(date day) {
  return to_iso(day) + " (" + day.day_of_week().as_long_string() + ")";
}

}  // namespace arrears::detail
