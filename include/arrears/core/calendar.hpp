#pragma once
// Business-day calendars: weekends plus pluggable public holidays, and day counting over them.

#include <arrears/core/date.hpp>
#include <arrears/core/error.hpp>

#include <boost/date_time/date_defs.hpp>

#include <string>

namespace arrears {

namespace detail {
// The range boost::gregorian::date can hold. Stepping past it does not throw in boost (the
// result only fails later, on year()), so calendar arithmetic checks the bounds itself.
// Function-local statics rather than globals: safe to use from other static initialisers.
[[nodiscard]] inline date first_supported_date() noexcept {
  return date(static_cast<date::date_int_type>(detail::first_supported_day_number));
}
[[nodiscard]] inline date last_supported_date() noexcept {
  return date(static_cast<date::date_int_type>(detail::last_supported_day_number));
}

inline void require_real_date(date day, const char* function) {
  if (day.is_special())
    throw error(errc::invalid_argument,
                std::string(function) + ": got " + to_iso(day) + ", expected a real calendar date");
}

[[nodiscard]] inline date next_day(date day, const char* function) {
  if (day >= last_supported_date())
    throw error(errc::date_out_of_range, std::string(function) + ": stepping past " + to_iso(day) +
                                             " leaves the supported range (up to 9999-12-31)");
  return day + days(1);
}

[[nodiscard]] inline date previous_day(date day, const char* function) {
  if (day <= first_supported_date())
    throw error(errc::date_out_of_range, std::string(function) + ": stepping before " +
                                             to_iso(day) +
                                             " leaves the supported range (from 1400-01-01)");
  return day - days(1);
}
}  // namespace detail

/// A business-day calendar: Saturdays and Sundays are never business days, and a derived
/// calendar names its public holidays by overriding is_holiday. Calendars hold no per-query
/// state and never allocate while counting, so one instance can serve many threads.
/// Every member throws error{errc::invalid_argument} for a special date (not_a_date_time,
/// infinities) and error{errc::date_out_of_range} if counting would leave 1400..9999.
class business_calendar {
 public:
  virtual ~business_calendar() = default;

  /// True when `day` is a public holiday in this calendar, whatever weekday it falls on.
  /// Overrides must be pure functions of `day` and must not allocate.
  [[nodiscard]] virtual bool is_holiday(date day) const = 0;

  /// True on Saturday and Sunday.
  [[nodiscard]] bool is_weekend(date day) const {
    detail::require_real_date(day, "is_weekend");
    const auto weekday = day.day_of_week().as_enum();
    return weekday == boost::date_time::Saturday || weekday == boost::date_time::Sunday;
  }

  /// True when `day` is neither a weekend day nor a holiday.
  [[nodiscard]] bool is_business_day(date day) const {
    return !is_weekend(day) && !is_holiday(day);
  }

  /// `day` itself when it is a business day, else the first business day after it.
  [[nodiscard]] date next_business_day_on_or_after(date day) const {
    while (!is_business_day(day)) day = detail::next_day(day, "next_business_day_on_or_after");
    return day;
  }

  /// The `count`-th business day strictly after `day` (count > 0) or strictly before it
  /// (count < 0); `day` itself never counts, so Saturday + 1 is Monday and Friday + 1 is
  /// Monday. count == 0 means "due on `day`": `day` if it is a business day, else the next
  /// one (as next_business_day_on_or_after). For count >= 0,
  /// business_days_between(day, add_business_days(day, count)) == count.
  [[nodiscard]] date add_business_days(date day, int count) const {
    detail::require_real_date(day, "add_business_days");
    if (count == 0) return next_business_day_on_or_after(day);
    long remaining = count < 0 ? -static_cast<long>(count) : count;
    while (remaining > 0) {
      day = count > 0 ? detail::next_day(day, "add_business_days")
                      : detail::previous_day(day, "add_business_days");
      if (is_business_day(day)) --remaining;
    }
    return day;
  }

  /// The number of business days in the half-open interval (from, to]: `from` does not
  /// count, `to` does. When `to` is before `from` the result is minus the count over
  /// (to, from], so swapping the arguments negates the result.
  [[nodiscard]] long business_days_between(date from, date to) const {
    detail::require_real_date(from, "business_days_between");
    detail::require_real_date(to, "business_days_between");
    if (to < from) return -business_days_between(to, from);
    long count = 0;
    for (date day = from; day < to;) {
      day += days(1);  // day < to <= 9999-12-31, so the step stays in range
      if (is_business_day(day)) ++count;
    }
    return count;
  }

 protected:
  business_calendar() = default;
  business_calendar(const business_calendar&) = default;
  business_calendar(business_calendar&&) = default;
  business_calendar& operator=(const business_calendar&) = default;
  business_calendar& operator=(business_calendar&&) = default;
};

/// Weekends only, no holidays: Monday to Friday are business days.
class weekend_calendar final : public business_calendar {
 public:
  weekend_calendar() = default;

  /// Always false, but still rejects a special date like every calendar member.
  [[nodiscard]] bool is_holiday(date day) const override {
    detail::require_real_date(day, "is_holiday");
    return false;
  }

  /// A shared instance, for callers that need a calendar reference.
  [[nodiscard]] static const weekend_calendar& instance() noexcept {
    static const weekend_calendar calendar;
    return calendar;
  }
};

}  // namespace arrears
