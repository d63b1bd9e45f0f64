#include <arrears/core/calendar.hpp>
#include <arrears/core/dutch_calendar.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace {

using arrears::date;
using arrears::dutch_calendar;
using arrears::weekend_calendar;

date d(const char* iso) { return arrears::parse_date(iso); }

// --- weekend_calendar -------------------------------------------------------------------

TEST(weekend_calendar, saturday_and_sunday_are_the_only_non_business_days) {
  const weekend_calendar calendar;
  // 2025-04-14 is a Monday.
  for (int offset = 0; offset < 7; ++offset) {
    const date day = d("2025-04-14") + arrears::days(offset);
    SCOPED_TRACE(arrears::to_iso(day));
    EXPECT_EQ(calendar.is_weekend(day), offset >= 5);
    EXPECT_EQ(calendar.is_business_day(day), offset < 5);
    EXPECT_FALSE(calendar.is_holiday(day));
  }
}

TEST(weekend_calendar, christmas_is_a_business_day) {
  EXPECT_TRUE(weekend_calendar::instance().is_business_day(d("2025-12-25")));
}

TEST(weekend_calendar, friday_plus_one_business_day_is_monday) {
  EXPECT_EQ(weekend_calendar::instance().add_business_days(d("2025-04-18"), 1), d("2025-04-21"));
}

TEST(weekend_calendar, weekend_plus_one_business_day_is_monday) {
  const auto& calendar = weekend_calendar::instance();
  EXPECT_EQ(calendar.add_business_days(d("2025-04-19"), 1), d("2025-04-21"));
  EXPECT_EQ(calendar.add_business_days(d("2025-04-20"), 1), d("2025-04-21"));
}

TEST(weekend_calendar, plus_zero_business_days_is_the_day_itself_or_the_next_business_day) {
  const auto& calendar = weekend_calendar::instance();
  EXPECT_EQ(calendar.add_business_days(d("2025-04-16"), 0), d("2025-04-16"));
  EXPECT_EQ(calendar.add_business_days(d("2025-04-19"), 0), d("2025-04-21"));
}

TEST(weekend_calendar, ten_business_days_span_two_weeks) {
  EXPECT_EQ(weekend_calendar::instance().add_business_days(d("2025-04-14"), 10), d("2025-04-28"));
}

TEST(weekend_calendar, negative_count_moves_back) {
  const auto& calendar = weekend_calendar::instance();
  EXPECT_EQ(calendar.add_business_days(d("2025-04-21"), -1), d("2025-04-18"));
  EXPECT_EQ(calendar.add_business_days(d("2025-04-20"), -1), d("2025-04-18"));
  EXPECT_EQ(calendar.add_business_days(d("2025-04-28"), -10), d("2025-04-14"));
}

TEST(weekend_calendar, next_business_day_on_or_after) {
  const auto& calendar = weekend_calendar::instance();
  EXPECT_EQ(calendar.next_business_day_on_or_after(d("2025-04-18")), d("2025-04-18"));
  EXPECT_EQ(calendar.next_business_day_on_or_after(d("2025-04-19")), d("2025-04-21"));
}

TEST(weekend_calendar, business_days_between_counts_the_end_but_not_the_start) {
  const auto& calendar = weekend_calendar::instance();
  EXPECT_EQ(calendar.business_days_between(d("2025-04-14"), d("2025-04-14")), 0);
  EXPECT_EQ(calendar.business_days_between(d("2025-04-14"), d("2025-04-15")), 1);
  EXPECT_EQ(calendar.business_days_between(d("2025-04-18"), d("2025-04-21")), 1);  // Fri -> Mon
  EXPECT_EQ(calendar.business_days_between(d("2025-04-14"), d("2025-04-28")), 10);
  EXPECT_EQ(calendar.business_days_between(d("2025-01-01"), d("2026-01-01")), 261);
}

TEST(weekend_calendar, business_days_between_reversed_is_negated) {
  const auto& calendar = weekend_calendar::instance();
  EXPECT_EQ(calendar.business_days_between(d("2025-04-28"), d("2025-04-14")), -10);
}

TEST(supported_dates, are_1400_01_01_to_9999_12_31_as_boost_numbers_them) {
  EXPECT_EQ(arrears::detail::first_supported_date(), date(1400, 1, 1));
  EXPECT_EQ(arrears::detail::last_supported_date(), date(9999, 12, 31));
}

TEST(weekend_calendar, counting_past_9999_throws_date_out_of_range) {
  const auto& calendar = weekend_calendar::instance();
  try {
    (void)calendar.add_business_days(d("9999-12-30"), 5);
    FAIL() << "expected arrears::error";
  } catch (const arrears::error& e) {
    EXPECT_EQ(e.code(), arrears::errc::date_out_of_range);
  }
  try {
    (void)calendar.add_business_days(d("1400-01-03"), -5);
    FAIL() << "expected arrears::error";
  } catch (const arrears::error& e) {
    EXPECT_EQ(e.code(), arrears::errc::date_out_of_range);
  }
}

TEST(weekend_calendar, special_dates_are_rejected) {
  const auto& calendar = weekend_calendar::instance();
  const date not_a_date(boost::date_time::not_a_date_time);
  try {
    (void)calendar.is_business_day(not_a_date);
    FAIL() << "expected arrears::error";
  } catch (const arrears::error& e) {
    EXPECT_EQ(e.code(), arrears::errc::invalid_argument);
  }
  try {
    (void)calendar.business_days_between(d("2025-01-01"), not_a_date);
    FAIL() << "expected arrears::error";
  } catch (const arrears::error& e) {
    EXPECT_EQ(e.code(), arrears::errc::invalid_argument);
  }
}

// --- dutch_calendar ---------------------------------------------------------------------

TEST(dutch_calendar, kings_day_2025_is_on_26_april) {
  // 27 April 2025 is a Sunday, so King's Day moves back to Saturday 26 April.
  const auto& calendar = dutch_calendar::instance();
  EXPECT_TRUE(calendar.is_holiday(d("2025-04-26")));
  EXPECT_FALSE(calendar.is_holiday(d("2025-04-27")));
}

TEST(dutch_calendar, kings_day_2024_is_on_27_april) {
  const auto& calendar = dutch_calendar::instance();
  EXPECT_TRUE(calendar.is_holiday(d("2024-04-27")));
  EXPECT_FALSE(calendar.is_holiday(d("2024-04-26")));
}

TEST(dutch_calendar, first_kings_day_2014_is_on_26_april) {
  // 2014 is the first year of King's Day; 27 April 2014 was a Sunday.
  const auto& calendar = dutch_calendar::instance();
  EXPECT_TRUE(calendar.is_holiday(d("2014-04-26")));
  EXPECT_FALSE(calendar.is_holiday(d("2014-04-27")));
  EXPECT_FALSE(calendar.is_holiday(d("2014-04-30")));
}

TEST(dutch_calendar, kings_day_2026_on_a_monday_is_not_a_business_day) {
  const auto& calendar = dutch_calendar::instance();
  EXPECT_TRUE(calendar.is_holiday(d("2026-04-27")));
  EXPECT_FALSE(calendar.is_business_day(d("2026-04-27")));
}

TEST(dutch_calendar, queens_day_2006_is_on_29_april) {
  // 30 April 2006 is a Sunday, so Queen's Day moved back to Saturday 29 April.
  const auto& calendar = dutch_calendar::instance();
  EXPECT_TRUE(calendar.is_holiday(d("2006-04-29")));
  EXPECT_FALSE(calendar.is_holiday(d("2006-04-30")));
}

TEST(dutch_calendar, queens_day_before_2014_is_30_april_not_27_april) {
  const auto& calendar = dutch_calendar::instance();
  EXPECT_TRUE(calendar.is_holiday(d("2013-04-30")));
  EXPECT_FALSE(calendar.is_holiday(d("2013-04-27")));
}

TEST(dutch_calendar, liberation_day_is_a_holiday_every_year) {
  const auto& calendar = dutch_calendar::instance();
  for (const char* day : {"2024-05-05", "2025-05-05", "2026-05-05", "2030-05-05"}) {
    SCOPED_TRACE(day);
    EXPECT_TRUE(calendar.is_holiday(d(day)));
  }
  EXPECT_FALSE(calendar.is_business_day(d("2025-05-05")));  // a Monday
}

TEST(dutch_calendar, ascension_2025_is_29_may) {
  const auto& calendar = dutch_calendar::instance();
  EXPECT_TRUE(calendar.is_holiday(d("2025-05-29")));
  EXPECT_FALSE(calendar.is_holiday(d("2025-05-28")));
  EXPECT_FALSE(calendar.is_holiday(d("2025-05-30")));
}

TEST(dutch_calendar, whit_monday_2025_is_9_june) {
  const auto& calendar = dutch_calendar::instance();
  EXPECT_TRUE(calendar.is_holiday(d("2025-06-08")));  // Whit Sunday
  EXPECT_TRUE(calendar.is_holiday(d("2025-06-09")));
  EXPECT_FALSE(calendar.is_holiday(d("2025-06-10")));
}

TEST(dutch_calendar, easter_2025_holidays) {
  const auto& calendar = dutch_calendar::instance();
  EXPECT_FALSE(calendar.is_holiday(d("2025-04-17")));  // Maundy Thursday
  EXPECT_TRUE(calendar.is_holiday(d("2025-04-18")));   // Good Friday
  EXPECT_FALSE(calendar.is_holiday(d("2025-04-19")));
  EXPECT_TRUE(calendar.is_holiday(d("2025-04-20")));  // Easter Sunday
  EXPECT_TRUE(calendar.is_holiday(d("2025-04-21")));  // Easter Monday
  EXPECT_FALSE(calendar.is_holiday(d("2025-04-22")));
}

TEST(dutch_calendar, new_year_and_christmas) {
  const auto& calendar = dutch_calendar::instance();
  EXPECT_TRUE(calendar.is_holiday(d("2026-01-01")));
  EXPECT_TRUE(calendar.is_holiday(d("2025-12-25")));
  EXPECT_TRUE(calendar.is_holiday(d("2025-12-26")));
  EXPECT_FALSE(calendar.is_holiday(d("2025-12-24")));
  EXPECT_FALSE(calendar.is_holiday(d("2025-12-31")));
}

TEST(dutch_calendar, good_friday_is_a_holiday_only_with_the_flag) {
  const dutch_calendar with_good_friday;
  const dutch_calendar atw_only(false);
  EXPECT_TRUE(with_good_friday.includes_good_friday());
  EXPECT_FALSE(atw_only.includes_good_friday());
  EXPECT_TRUE(with_good_friday.is_holiday(d("2025-04-18")));
  EXPECT_FALSE(atw_only.is_holiday(d("2025-04-18")));
  EXPECT_TRUE(atw_only.is_business_day(d("2025-04-18")));
  // The flag changes nothing else.
  EXPECT_TRUE(atw_only.is_holiday(d("2025-04-21")));
  EXPECT_EQ(atw_only.holidays(2025).size() + 1, with_good_friday.holidays(2025).size());
}

TEST(dutch_calendar, holidays_2025_in_date_order) {
  const std::vector<date> expected = {
      d("2025-01-01"),  // New Year's Day
      d("2025-04-18"),  // Good Friday
      d("2025-04-20"),  // Easter Sunday
      d("2025-04-21"),  // Easter Monday
      d("2025-04-26"),  // King's Day (27 April is a Sunday)
      d("2025-05-05"),  // Liberation Day
      d("2025-05-29"),  // Ascension Day
      d("2025-06-08"),  // Whit Sunday
      d("2025-06-09"),  // Whit Monday
      d("2025-12-25"),  // Christmas Day
      d("2025-12-26"),  // Boxing Day
  };
  EXPECT_EQ(dutch_calendar::instance().holidays(2025), expected);
}

TEST(dutch_calendar, holidays_2016_lists_ascension_on_liberation_day_once) {
  // Easter 2016 was 27 March, so Ascension Day fell on 5 May.
  const auto holidays = dutch_calendar::instance().holidays(2016);
  EXPECT_EQ(holidays.size(), 10u);
  EXPECT_EQ(std::count(holidays.begin(), holidays.end(), d("2016-05-05")), 1);
  EXPECT_TRUE(std::is_sorted(holidays.begin(), holidays.end()));
}

TEST(dutch_calendar, holidays_agree_with_is_holiday_for_every_day) {
  for (const bool good_friday : {true, false}) {
    const dutch_calendar calendar(good_friday);
    for (const int year : {1999, 2006, 2013, 2014, 2016, 2025, 2026, 2038, 2285}) {
      SCOPED_TRACE(year);
      const auto holidays = calendar.holidays(year);
      const auto y = static_cast<unsigned short>(year);
      for (date day(y, 1, 1); day <= date(y, 12, 31); day += arrears::days(1)) {
        const bool listed = std::find(holidays.begin(), holidays.end(), day) != holidays.end();
        ASSERT_EQ(calendar.is_holiday(day), listed) << arrears::to_iso(day);
      }
    }
  }
}

TEST(dutch_calendar, holidays_rejects_years_outside_the_date_range) {
  try {
    (void)dutch_calendar::instance().holidays(10000);
    FAIL() << "expected arrears::error";
  } catch (const arrears::error& e) {
    EXPECT_EQ(e.code(), arrears::errc::invalid_argument);
  }
}

TEST(dutch_calendar, add_business_days_skips_the_easter_weekend_2025) {
  // Thursday 17 April + 1: Good Friday, the weekend and Easter Monday are skipped.
  EXPECT_EQ(dutch_calendar::instance().add_business_days(d("2025-04-17"), 1), d("2025-04-22"));
  EXPECT_EQ(dutch_calendar(false).add_business_days(d("2025-04-17"), 1), d("2025-04-18"));
  EXPECT_EQ(dutch_calendar::instance().add_business_days(d("2025-04-22"), -1), d("2025-04-17"));
}

TEST(dutch_calendar, add_business_days_skips_christmas_and_new_year) {
  const auto& calendar = dutch_calendar::instance();
  // Wednesday 24 December 2025: 25, 26 (holidays), 27, 28 (weekend) are skipped.
  EXPECT_EQ(calendar.add_business_days(d("2025-12-24"), 1), d("2025-12-29"));
  // 29, 30, 31 December, then 1 January (holiday) is skipped: Friday 2 January 2026.
  EXPECT_EQ(calendar.add_business_days(d("2025-12-24"), 4), d("2026-01-02"));
  EXPECT_EQ(calendar.add_business_days(d("2026-01-02"), -4), d("2025-12-24"));
}

TEST(dutch_calendar, next_business_day_after_christmas) {
  EXPECT_EQ(dutch_calendar::instance().next_business_day_on_or_after(d("2025-12-25")),
            d("2025-12-29"));
}

TEST(dutch_calendar, business_days_between_skips_holidays) {
  const auto& calendar = dutch_calendar::instance();
  EXPECT_EQ(calendar.business_days_between(d("2025-04-17"), d("2025-04-22")), 1);
  EXPECT_EQ(weekend_calendar::instance().business_days_between(d("2025-04-17"), d("2025-04-22")),
            3);
  EXPECT_EQ(calendar.business_days_between(d("2025-12-24"), d("2026-01-02")), 4);
  // 2025: 261 weekdays, minus the holidays on weekdays: 1 Jan, Good Friday, Easter Monday,
  // Liberation Day, Ascension, Whit Monday, 25 and 26 Dec (King's Day is a Saturday).
  EXPECT_EQ(calendar.business_days_between(d("2024-12-31"), d("2025-12-31")), 253);
}

TEST(dutch_calendar, add_then_count_round_trips) {
  const auto& calendar = dutch_calendar::instance();
  for (int count = 0; count <= 40; ++count) {
    const date start = d("2025-04-10");
    EXPECT_EQ(calendar.business_days_between(start, calendar.add_business_days(start, count)),
              count)
        << count;
  }
}

TEST(dutch_calendar, works_through_a_base_class_reference) {
  const arrears::business_calendar& calendar = dutch_calendar::instance();
  EXPECT_FALSE(calendar.is_business_day(d("2025-05-29")));
  EXPECT_EQ(calendar.add_business_days(d("2025-05-28"), 1), d("2025-05-30"));
}

}  // namespace

namespace arrears {
namespace {

TEST(civil_date, agrees_with_boost_on_every_day_from_1400_to_9999) {
  for (date d(1400, 1, 1); d <= date(9999, 12, 31); d += days(1)) {
    const auto ymd = d.year_month_day();
    const civil_date fast = civil_of(d);
    ASSERT_EQ(fast.year, static_cast<int>(ymd.year)) << to_iso(d);
    ASSERT_EQ(fast.month, static_cast<unsigned>(ymd.month)) << to_iso(d);
    ASSERT_EQ(fast.day, static_cast<unsigned>(ymd.day)) << to_iso(d);
    ASSERT_EQ(date_of_civil(fast.year, fast.month, fast.day), d) << to_iso(d);
  }
}

}  // namespace
}  // namespace arrears
