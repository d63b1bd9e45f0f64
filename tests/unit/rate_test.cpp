#include <arrears/core/rate.hpp>
#include <arrears/core/rounding.hpp>

#include <gtest/gtest.h>

#include "support/error_code_of.hpp"

#include <cstdint>
#include <limits>
#include <string>

namespace {

using arrears::currency;
using arrears::errc;
using arrears::money;
using arrears::rate;

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();

const currency eur = currency::from_code("EUR");
const currency jpy = currency::from_code("JPY");
const currency kwd = currency::from_code("KWD");

money euros(std::int64_t cents) { return {cents, eur}; }

using arrears::testing::error_code_of;

// --- rate ---------------------------------------------------------------------------------

TEST(rate, parses_percentages_into_parts_per_million) {
  EXPECT_EQ(rate::parse("12.25").ppm(), 122'500);
  EXPECT_EQ(rate::parse("8").ppm(), 80'000);
  EXPECT_EQ(rate::parse("-0.88").ppm(), -8'800);
  EXPECT_EQ(rate::parse("12.125").ppm(), 121'250);
  EXPECT_EQ(rate::parse("0.0001").ppm(), 1);
  EXPECT_EQ(rate::parse("100").ppm(), 1'000'000);
  EXPECT_EQ(rate::parse("+8").ppm(), 80'000);
  EXPECT_EQ(rate::parse("0").ppm(), 0);
}

TEST(rate, from_percent_is_whole_percentage_points) {
  EXPECT_EQ(rate::from_percent(8), rate::parse("8.00"));
  EXPECT_EQ(rate::from_percent(-1), rate::parse("-1"));
  EXPECT_EQ(rate::from_ppm(122'500), rate::parse("12.25"));
}

TEST(rate, formats_two_to_four_decimals) {
  EXPECT_EQ(arrears::to_string(rate::parse("12.25")), "12.25");
  EXPECT_EQ(arrears::to_string(rate::parse("8")), "8.00");
  EXPECT_EQ(arrears::to_string(rate::parse("-0.88")), "-0.88");
  EXPECT_EQ(arrears::to_string(rate::parse("12.125")), "12.125");
  EXPECT_EQ(arrears::to_string(rate::parse("0.0001")), "0.0001");
  EXPECT_EQ(arrears::to_string(rate::parse("-0.0001")), "-0.0001");
  EXPECT_EQ(arrears::to_string(rate::parse("12.5000")), "12.50");
  EXPECT_EQ(arrears::to_string(rate{}), "0.00");
}

TEST(rate, format_and_parse_round_trip) {
  for (const std::int64_t ppm :
       {0, 1, -1, 99, 100, 8'800, -8'800, 121'250, 122'500, 1'000'000, 9'999'999, -10'000'000}) {
    const rate r = rate::from_ppm(ppm);
    EXPECT_EQ(rate::parse(arrears::to_string(r)), r) << arrears::to_string(r);
  }
}

TEST(rate, reads_at_most_a_thousand_percent) {
  EXPECT_EQ(rate::parse("1000"), rate::from_percent(1000));
  EXPECT_EQ(rate::parse("-1000"), rate::from_percent(-1000));
  rate out;
  EXPECT_FALSE(rate::try_parse("1000.0001", out));
  EXPECT_EQ(error_code_of([] { (void)rate::parse("-1000.0001"); }), errc::invalid_rate);
}

TEST(rate, rejects_more_than_four_decimals_and_non_numbers) {
  for (const char* text : {"12.12345", "abc", "", "1e3", "-", "+", ".5", "5.", "12,25", " 12",
                           "12 ", "12.25%", "--1", "1.2.3", "0x10", "1234567890123"}) {
    SCOPED_TRACE(text);
    rate out = rate::from_percent(3);
    EXPECT_FALSE(rate::try_parse(text, out));
    EXPECT_EQ(out, rate::from_percent(3)) << "left unchanged on failure";
    EXPECT_EQ(error_code_of([&] { (void)rate::parse(text); }), errc::invalid_rate);
  }
}

TEST(rate, parse_error_says_what_was_expected) {
  try {
    (void)rate::parse("12.12345");
    FAIL() << "expected arrears::error";
  } catch (const arrears::error& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("'12.12345'"), std::string::npos) << message;
    EXPECT_NE(message.find("four decimals"), std::string::npos) << message;
  }
}

TEST(rate, adds_subtracts_and_orders) {
  // e.g. the Dutch commercial rate: ECB rate + 8 percentage points.
  EXPECT_EQ(rate::parse("4.15") + rate::from_percent(8), rate::parse("12.15"));
  EXPECT_EQ(rate::parse("4.15") - rate::from_percent(8), rate::parse("-3.85"));
  EXPECT_LT(rate::parse("-0.88"), rate::parse("0"));
  EXPECT_GT(rate::parse("12.25"), rate::parse("12.125"));
}

// --- mul_div_round_half_up ----------------------------------------------------------------

TEST(mul_div_round_half_up, rounds_exact_halves_away_from_zero) {
  EXPECT_EQ(arrears::mul_div_round_half_up(5, 1, 10), 1);     // 0.5
  EXPECT_EQ(arrears::mul_div_round_half_up(15, 1, 10), 2);    // 1.5
  EXPECT_EQ(arrears::mul_div_round_half_up(25, 1, 10), 3);    // 2.5: not banker's 2
  EXPECT_EQ(arrears::mul_div_round_half_up(-5, 1, 10), -1);   // -0.5
  EXPECT_EQ(arrears::mul_div_round_half_up(-25, 1, 10), -3);  // -2.5
  EXPECT_EQ(arrears::mul_div_round_half_up(7, 1, 2), 4);      // 3.5
  EXPECT_EQ(arrears::mul_div_round_half_up(5, -1, 10), -1);   // sign from any factor
}

TEST(mul_div_round_half_up, rounds_other_fractions_to_nearest) {
  EXPECT_EQ(arrears::mul_div_round_half_up(14, 1, 10), 1);
  EXPECT_EQ(arrears::mul_div_round_half_up(16, 1, 10), 2);
  EXPECT_EQ(arrears::mul_div_round_half_up(-14, 1, 10), -1);
  EXPECT_EQ(arrears::mul_div_round_half_up(-16, 1, 10), -2);
  EXPECT_EQ(arrears::mul_div_round_half_up(4, 1, 10), 0);
  EXPECT_EQ(arrears::mul_div_round_half_up(-4, 1, 10), 0);
  EXPECT_EQ(arrears::mul_div_round_half_up(1, 1, 3), 0);
  EXPECT_EQ(arrears::mul_div_round_half_up(2, 1, 3), 1);
  EXPECT_EQ(arrears::mul_div_round_half_up(-2, 1, 3), -1);
}

TEST(mul_div_round_half_up, exact_quotients_are_not_rounded) {
  EXPECT_EQ(arrears::mul_div_round_half_up(120, 5, 3, 4), 450);
  EXPECT_EQ(arrears::mul_div_round_half_up(int64_max, 1, 1), int64_max);
  EXPECT_EQ(arrears::mul_div_round_half_up(-int64_max, 1, 1), -int64_max);
  EXPECT_EQ(arrears::mul_div_round_half_up(0, int64_max, int64_max, 1), 0);
}

TEST(mul_div_round_half_up, the_64_bit_path_agrees_with_exact_rounding) {
  // Products that fit in 64 bits take a faster path; it must round exactly as the 128-bit
  // one. Reference: round half away from zero in 128-bit arithmetic.
  std::uint64_t state = 42;
  auto next = [&] {  // SplitMix64
    state += 0x9e3779b97f4a7c15u;
    std::uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
  };
  for (int i = 0; i < 100'000; ++i) {
    const auto a = static_cast<std::int64_t>(next() % 2'000'000'001) - 1'000'000'000;
    const auto b = static_cast<std::int64_t>(next() % 2'000'001) - 1'000'000;
    const auto d = static_cast<std::int64_t>(next() % 1'000'000) + 1;
    const __int128 product = static_cast<__int128>(a) * b;
    const __int128 magnitude = product < 0 ? -product : product;
    __int128 quotient = magnitude / d;
    if (2 * (magnitude % d) >= d) ++quotient;
    const auto expected = static_cast<std::int64_t>(product < 0 ? -quotient : quotient);
    ASSERT_EQ(arrears::mul_div_round_half_up(a, b, d), expected) << a << " * " << b << " / " << d;
  }
}

TEST(mul_div_round_half_up, uses_a_128_bit_intermediate) {
  // 90 trillion EUR in cents at 12.5 % for 1000 days: the product is ~1.1e24, far beyond
  // int64, but the result (~30.8 trillion EUR) fits. Exact: 3082191780821917.808...
  const std::int64_t cents = 9'000'000'000'000'000;
  EXPECT_EQ(arrears::mul_div_round_half_up(cents, 125'000, 1'000, 365'000'000),
            3'082'191'780'821'918);
  EXPECT_EQ(arrears::mul_div_round_half_up(-cents, 125'000, 1'000, 365'000'000),
            -3'082'191'780'821'918);
  // int64_max squared is just below 2^126: still exact.
  EXPECT_EQ(arrears::mul_div_round_half_up(int64_max, int64_max, int64_max), int64_max);
}

TEST(mul_div_round_half_up, result_beyond_int64_throws_overflow) {
  EXPECT_EQ(error_code_of([] { (void)arrears::mul_div_round_half_up(int64_max, 2, 1); }),
            errc::overflow);
  EXPECT_EQ(error_code_of([] { (void)arrears::mul_div_round_half_up(int64_max, 3, 2); }),
            errc::overflow);
  EXPECT_EQ(error_code_of([] { (void)arrears::mul_div_round_half_up(-int64_max, 2, 1); }),
            errc::overflow);
}

TEST(mul_div_round_half_up, intermediate_beyond_128_bits_throws_overflow) {
  EXPECT_EQ(error_code_of([] {
              (void)arrears::mul_div_round_half_up(int64_max, int64_max, int64_max, int64_max);
            }),
            errc::overflow);
  EXPECT_EQ(error_code_of([] {
              (void)arrears::mul_div_round_half_up(int64_min, int64_min, int64_min, int64_max);
            }),
            errc::overflow);
}

// A result of exactly INT64_MIN fits in int64 and must not be reported as an overflow.
TEST(mul_div_round_half_up, result_of_exactly_int64_min_is_returned) {
  std::int64_t result = 0;
  EXPECT_NO_THROW(result = arrears::mul_div_round_half_up(int64_min, 1, 1));
  EXPECT_EQ(result, int64_min);
  result = 0;
  EXPECT_NO_THROW(result = arrears::mul_div_round_half_up(int64_min, 2, 1, 2));
  EXPECT_EQ(result, int64_min);
  result = 0;
  // -(2^64 - 1) / 2 = -2^63 + 0.5, which rounds away from zero to -2^63.
  EXPECT_NO_THROW(result = arrears::mul_div_round_half_up(-4'294'967'295, 4'294'967'297, 2));
  EXPECT_EQ(result, int64_min);
}

TEST(mul_div_round_half_up, rounding_past_the_int64_range_throws_overflow) {
  // (2^64 - 1) / 2 = 2^63 - 0.5 rounds up to 2^63, one past INT64_MAX.
  EXPECT_EQ(
      error_code_of([] { (void)arrears::mul_div_round_half_up(4'294'967'295, 4'294'967'297, 2); }),
      errc::overflow);
  EXPECT_EQ(error_code_of([] { (void)arrears::mul_div_round_half_up(int64_min, 3, 1, 2); }),
            errc::overflow);
}

TEST(mul_div_round_half_up, rejects_a_zero_or_negative_denominator) {
  EXPECT_EQ(error_code_of([] { (void)arrears::mul_div_round_half_up(1, 1, 0); }),
            errc::invalid_argument);
  EXPECT_EQ(error_code_of([] { (void)arrears::mul_div_round_half_up(1, 1, -10); }),
            errc::invalid_argument);
}

// --- simple_interest and percentage_of ----------------------------------------------------

TEST(simple_interest, a_full_year_at_12_percent_is_12_percent) {
  EXPECT_EQ(arrears::simple_interest(euros(1'000'000), rate::parse("12.00"), 365), euros(120'000));
}

TEST(simple_interest, one_day_rounds_to_the_cent) {
  // 1200.00 / 365 = 3.2876... -> 3.29
  EXPECT_EQ(arrears::simple_interest(euros(1'000'000), rate::parse("12.00"), 1), euros(329));
}

TEST(simple_interest, part_of_a_year) {
  // 10,000.00 at 8.15 % for 47 days = 104.9452... -> 104.95
  EXPECT_EQ(arrears::simple_interest(euros(1'000'000), rate::parse("8.15"), 47), euros(10'495));
  EXPECT_EQ(arrears::simple_interest(euros(1'000'000), rate::parse("8.15"), 0), euros(0));
}

TEST(simple_interest, exact_half_cent_rounds_away_from_zero) {
  // 1,000.05 at 10 % for a year = 100.005 -> 100.01; 0.01 at 50 % = 0.005 -> 0.01.
  EXPECT_EQ(arrears::simple_interest(euros(100'005), rate::parse("10"), 365), euros(10'001));
  EXPECT_EQ(arrears::simple_interest(euros(-100'005), rate::parse("10"), 365), euros(-10'001));
  EXPECT_EQ(arrears::simple_interest(euros(1), rate::parse("50"), 365), euros(1));
  // 0.73 at 50 % for 73 days = 0.073 -> 0.07 (below the half).
  EXPECT_EQ(arrears::simple_interest(euros(73), rate::parse("50"), 73), euros(7));
}

TEST(simple_interest, negative_rate_gives_negative_interest) {
  // 10,000.00 at -0.88 % for a year = -88.00.
  EXPECT_EQ(arrears::simple_interest(euros(1'000'000), rate::parse("-0.88"), 365), euros(-8'800));
}

TEST(simple_interest, other_day_count_basis) {
  EXPECT_EQ(arrears::simple_interest(euros(1'000'000), rate::parse("12"), 366, 366),
            euros(120'000));
  EXPECT_EQ(arrears::simple_interest(euros(1'000'000), rate::parse("12"), 1, 360), euros(333));
}

TEST(simple_interest, keeps_the_currency) {
  EXPECT_EQ(arrears::simple_interest(money(100'000, jpy), rate::parse("12"), 365),
            money(12'000, jpy));
  EXPECT_EQ(arrears::simple_interest(money(1'000'000, kwd), rate::parse("12"), 1), money(329, kwd));
}

TEST(simple_interest, rejects_negative_days) {
  EXPECT_EQ(error_code_of(
                [] { (void)arrears::simple_interest(euros(1'000'000), rate::parse("12"), -1); }),
            errc::invalid_argument);
}

TEST(simple_interest, overflow_of_the_result_throws) {
  EXPECT_EQ(error_code_of(
                [] { (void)arrears::simple_interest(euros(int64_max), rate::parse("200"), 365); }),
            errc::overflow);
}

TEST(percentage_of, rounds_half_away_from_zero_to_the_minor_unit) {
  EXPECT_EQ(arrears::percentage_of(euros(123'456), rate::parse("15")), euros(18'518));  // 185.184
  EXPECT_EQ(arrears::percentage_of(euros(100'005), rate::parse("10")), euros(10'001));  // 100.005
  EXPECT_EQ(arrears::percentage_of(euros(-100'005), rate::parse("10")), euros(-10'001));
  EXPECT_EQ(arrears::percentage_of(money(1'005, jpy), rate::parse("10")), money(101, jpy));
  EXPECT_EQ(arrears::percentage_of(money(1'235, kwd), rate::parse("10")), money(124, kwd));
  EXPECT_EQ(arrears::percentage_of(euros(123'456), rate::parse("100")), euros(123'456));
  EXPECT_EQ(arrears::percentage_of(euros(123'456), rate::parse("0")), euros(0));
}

}  // namespace
