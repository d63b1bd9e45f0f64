#include <arrears/core/easter.hpp>

#include <gtest/gtest.h>

#include <string>

namespace {

using arrears::date;

struct known_easter {
  int year;
  int month;
  int day;
};

// Published Easter Sundays (Western churches). 1954 and 1981 are the years where Gauss's
// original formula needs its special cases; 1818 and 2285 have the earliest date (22
// March), 1943 and 2038 the latest (25 April).
constexpr known_easter known_easters[] = {
    {1818, 3, 22}, {1943, 4, 25}, {1954, 4, 18}, {1961, 4, 2},  {1981, 4, 19},
    {2000, 4, 23}, {2008, 3, 23}, {2011, 4, 24}, {2019, 4, 21}, {2024, 3, 31},
    {2025, 4, 20}, {2026, 4, 5},  {2038, 4, 25}, {2285, 3, 22},
};

// Knuth's Gregorian Easter algorithm (TAOCP vol. 1, 1.3.2, exercise 14), which goes
// through the golden number and the epact: independent of the Meeus/Jones/Butcher form.
date knuth_easter(int year) {
  const int golden = year % 19 + 1;
  const int century = year / 100 + 1;
  const int skipped_leap_years = 3 * century / 4 - 12;
  const int moon_correction = (8 * century + 5) / 25 - 5;
  const int sunday = 5 * year / 4 - skipped_leap_years - 10;
  int epact = (11 * golden + 20 + moon_correction - skipped_leap_years) % 30;
  if (epact < 0) epact += 30;
  if ((epact == 25 && golden > 11) || epact == 24) ++epact;
  int full_moon = 44 - epact;
  if (full_moon < 21) full_moon += 30;
  const int day = full_moon + 7 - (sunday + full_moon) % 7;
  const auto y = static_cast<unsigned short>(year);
  return day > 31 ? date(y, 4, static_cast<unsigned short>(day - 31))
                  : date(y, 3, static_cast<unsigned short>(day));
}

TEST(easter, matches_published_dates) {
  for (const auto& known : known_easters) {
    SCOPED_TRACE(known.year);
    EXPECT_EQ(arrears::easter_sunday(known.year), date(static_cast<unsigned short>(known.year),
                                                       static_cast<unsigned short>(known.month),
                                                       static_cast<unsigned short>(known.day)));
  }
}

TEST(easter, agrees_with_knuths_algorithm_for_every_supported_year) {
  for (int year = arrears::first_easter_year; year <= arrears::last_easter_year; ++year) {
    ASSERT_EQ(arrears::easter_sunday(year), knuth_easter(year)) << "year " << year;
  }
}

TEST(easter, is_a_sunday_between_22_march_and_25_april) {
  for (int year = arrears::first_easter_year; year <= arrears::last_easter_year; ++year) {
    const date easter = arrears::easter_sunday(year);
    const auto y = static_cast<unsigned short>(year);
    ASSERT_EQ(easter.day_of_week().as_enum(), boost::date_time::Sunday) << "year " << year;
    ASSERT_GE(easter, date(y, 3, 22)) << "year " << year;
    ASSERT_LE(easter, date(y, 4, 25)) << "year " << year;
  }
}

TEST(easter, accepts_the_first_and_last_gregorian_years) {
  EXPECT_EQ(arrears::easter_sunday(1583), date(1583, 4, 10));
  EXPECT_EQ(arrears::easter_sunday(9999), knuth_easter(9999));
}

TEST(easter, rejects_years_outside_1583_to_9999) {
  for (const int year : {1582, 0, -1, 10000}) {
    SCOPED_TRACE(year);
    try {
      (void)arrears::easter_sunday(year);
      FAIL() << "expected arrears::error";
    } catch (const arrears::error& e) {
      EXPECT_EQ(e.code(), arrears::errc::invalid_argument);
      EXPECT_NE(std::string(e.what()).find("1583..9999"), std::string::npos) << e.what();
    }
  }
}

}  // namespace
