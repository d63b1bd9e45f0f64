#pragma once
// Belgium's working days for the consumer-debt waiting period (Book XIX WER): Monday to
// Friday except the ten legal holidays (wet van 4 januari 1974 betreffende de feestdagen,
// KB 18 april 1974): New Year's Day, Easter Monday, 1 May, Ascension Day, Whit Monday,
// 21 July, 15 August, 1 November, 11 November and Christmas Day.
//
// Whether Book XIX counts Saturday as a working day is UNVERIFIED; arrears does not, which
// can only make a waiting period end later (the creditor's safe side).
// (Kept in law/ rather than core/ because only the Belgian pack uses it so far.)

#include <arrears/core/calendar.hpp>
#include <arrears/core/date.hpp>
#include <arrears/core/easter.hpp>

namespace arrears {

/// Belgian working days: Monday to Friday except the legal holidays listed above.
class belgian_calendar final : public business_calendar {
 public:
  belgian_calendar() = default;

  /// True on a Belgian legal holiday, whatever weekday it falls on.
  /// Throws error{errc::invalid_argument} for a special date.
  [[nodiscard]] bool is_holiday(date day) const override {
    detail::require_real_date(day, "belgian_calendar::is_holiday");
    const auto ymd = day.year_month_day();
    const int month = ymd.month;
    const int day_of_month = ymd.day;
    if ((month == 1 && day_of_month == 1) || (month == 5 && day_of_month == 1) ||
        (month == 7 && day_of_month == 21) || (month == 8 && day_of_month == 15) ||
        (month == 11 && (day_of_month == 1 || day_of_month == 11)) ||
        (month == 12 && day_of_month == 25))
      return true;
    // Easter Monday (at the earliest 23 March) to Whit Monday (at the latest 14 June).
    if (month < 3 || month > 6) return false;
    const long offset = (day - detail::easter_sunday_unchecked(ymd.year)).days();
    return offset == 1 || offset == 39 || offset == 50;
  }

  /// A shared instance.
  [[nodiscard]] static const belgian_calendar& instance() noexcept {
    static const belgian_calendar calendar;
    return calendar;
  }
};

}  // namespace arrears
