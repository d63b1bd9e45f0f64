#pragma once
// The Netherlands' business-day calendar: weekends plus the Dutch public holidays.
//
// The holidays are those of the Algemene termijnenwet (Atw, art. 3: New Year's Day, Easter
// Monday, Ascension Day, Whit Monday, both Christmas days, the King's birthday and 5 May),
// plus the Sundays Easter and Whit Sunday, extended with Good Friday, which many businesses
// observe. A policy that must follow the Atw exactly uses dutch_calendar(false).
//
// Today's rules are applied to every year; the rules before 2014 are simplified: Queen's
// Day is taken as 30 April (29 April when that is a Sunday) in every year before 2014,
// although before 1980 the Sunday rule, and before 1949 the date itself, were different.
// Liberation Day counts every year, as in the Atw (collective labour agreements often make
// it a day off only every fifth year). Easter uses the Gregorian computus, applied
// proleptically before 1583.

#include <arrears/core/calendar.hpp>
#include <arrears/core/date.hpp>
#include <arrears/core/easter.hpp>
#include <arrears/core/error.hpp>

#include <boost/date_time/date_defs.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace arrears {

/// Dutch business days: Monday to Friday except the holidays listed in this header's
/// comment. Stateless apart from the Good Friday flag; is_holiday never allocates.
class dutch_calendar final : public business_calendar {
 public:
  /// With include_good_friday == false the holidays are exactly the Atw list.
  explicit dutch_calendar(bool include_good_friday = true) noexcept
      : include_good_friday_(include_good_friday) {}

  /// Whether Good Friday counts as a holiday in this calendar.
  [[nodiscard]] bool includes_good_friday() const noexcept { return include_good_friday_; }

  /// True on a Dutch public holiday (also when it falls on a weekend).
  /// Throws error{errc::invalid_argument} for a special date.
  [[nodiscard]] bool is_holiday(date day) const override {
    detail::require_real_date(day, "dutch_calendar::is_holiday");
    const civil_date ymd = civil_of(day);
    const int year = ymd.year;
    const int month = static_cast<int>(ymd.month);
    const int day_of_month = static_cast<int>(ymd.day);
    if (month == 1 && day_of_month == 1) return true;
    if (month == 5 && day_of_month == 5) return true;
    if (month == 12 && (day_of_month == 25 || day_of_month == 26)) return true;
    if (month == 4 && day == royal_birthday(year)) return true;
    // Good Friday (at the earliest 20 March) to Whit Monday (at the latest 14 June).
    if (month < 3 || month > 6) return false;
    const long offset = (day - detail::easter_sunday_unchecked(year)).days();
    return (offset == -2 && include_good_friday_) || offset == 0 || offset == 1 || offset == 39 ||
           offset == 49 || offset == 50;
  }

  /// Every holiday of `year` in date order, each date once (Ascension Day falls on 5 May
  /// in some years, e.g. 2016). Includes holidays that fall on a weekend.
  /// Throws error{errc::invalid_argument} for a year outside 1400..9999.
  [[nodiscard]] std::vector<date> holidays(int year) const {
    if (year < 1400 || year > 9999)
      throw error(errc::invalid_argument, "dutch_calendar::holidays: year " + std::to_string(year) +
                                              " is out of range: expected 1400..9999");
    const auto y = static_cast<unsigned short>(year);
    const date easter = detail::easter_sunday_unchecked(year);
    std::vector<date> result;
    result.reserve(11);
    result.emplace_back(y, 1, 1);
    if (include_good_friday_) result.push_back(easter - days(2));
    result.push_back(easter);
    result.push_back(easter + days(1));
    result.push_back(royal_birthday(year));
    result.emplace_back(y, 5, 5);
    result.push_back(easter + days(39));
    result.push_back(easter + days(49));
    result.push_back(easter + days(50));
    result.emplace_back(y, 12, 25);
    result.emplace_back(y, 12, 26);
    std::sort(result.begin(), result.end());
    result.erase(std::unique(result.begin(), result.end()), result.end());
    return result;
  }

  /// A shared calendar with Good Friday, for callers that need a calendar reference.
  [[nodiscard]] static const dutch_calendar& instance() noexcept {
    static const dutch_calendar calendar;
    return calendar;
  }

 private:
  // King's Day from 2014: 27 April, or 26 April when the 27th is a Sunday. Before 2014
  // (simplified, see the header comment) Queen's Day: 30 April, or 29 April on a Sunday.
  [[nodiscard]] static date royal_birthday(int year) {
    const auto y = static_cast<unsigned short>(year);
    const date birthday(y, 4, year >= 2014 ? 27 : 30);
    return birthday.day_of_week().as_enum() == boost::date_time::Sunday ? birthday - days(1)
                                                                        : birthday;
  }

  bool include_good_friday_;
};

}  // namespace arrears
