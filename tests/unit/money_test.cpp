#include <arrears/core/money.hpp>

#include <gtest/gtest.h>

#include <utility>

#include "support/error_code_of.hpp"

#include <cstdint>
#include <limits>
#include <string>

namespace {

using arrears::currency;
using arrears::errc;
using arrears::money;

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();

const currency eur = currency::from_code("EUR");
const currency usd = currency::from_code("USD");
const currency jpy = currency::from_code("JPY");
const currency kwd = currency::from_code("KWD");

money euros(std::int64_t cents) { return {cents, eur}; }

using arrears::testing::error_code_of;

// --- currency -----------------------------------------------------------------------------

/// Whether a currency of this value category gives a view of its code.
template <class C>
concept gives_code_view = requires(C&& c) {
  std::forward<C>(c).code();
};
// A temporary currency gives none: the view would dangle.
static_assert(!gives_code_view<currency>);
static_assert(gives_code_view<const currency&>);

TEST(currency, knows_minor_digits_of_eur_jpy_and_kwd) {
  EXPECT_EQ(eur.code(), "EUR");
  EXPECT_EQ(eur.minor_digits(), 2);
  EXPECT_EQ(jpy.minor_digits(), 0);
  EXPECT_EQ(kwd.minor_digits(), 3);
}

TEST(currency, rejects_unknown_and_lower_case_codes) {
  currency out = eur;
  EXPECT_FALSE(currency::try_from_code("eur", out));
  EXPECT_FALSE(currency::try_from_code("EURO", out));
  EXPECT_FALSE(currency::try_from_code("", out));
  EXPECT_FALSE(currency::try_from_code("ABC", out));
  EXPECT_EQ(out, eur) << "left unchanged on failure";
  EXPECT_EQ(error_code_of([] { (void)currency::from_code("ABC"); }), errc::unknown_currency);
}

// --- parsing ------------------------------------------------------------------------------

TEST(money, parses_amounts_in_the_currency_precision) {
  EXPECT_EQ(arrears::parse_amount("1234.56", eur), euros(123456));
  EXPECT_EQ(arrears::parse_amount("12", eur), euros(1200));
  EXPECT_EQ(arrears::parse_amount("0.5", eur), euros(50));
  EXPECT_EQ(arrears::parse_amount("-0.05", eur), euros(-5));
  EXPECT_EQ(arrears::parse_amount("0", eur), euros(0));
  EXPECT_EQ(arrears::parse_amount("1234", jpy), money(1234, jpy));
  EXPECT_EQ(arrears::parse_amount("1.234", kwd), money(1234, kwd));
  EXPECT_EQ(arrears::parse_amount("0.005", kwd), money(5, kwd));
}

TEST(money, parses_the_largest_amount) {
  EXPECT_EQ(arrears::parse_amount("92233720368547758.07", eur), euros(int64_max));
  EXPECT_EQ(arrears::parse_amount("-92233720368547758.07", eur), euros(-int64_max));
  EXPECT_EQ(arrears::parse_amount("9223372036854775807", jpy), money(int64_max, jpy));
}

TEST(money, rejects_more_decimals_than_the_currency_has) {
  money out = euros(42);
  EXPECT_FALSE(arrears::try_parse_amount("1.234", eur, out));
  EXPECT_FALSE(arrears::try_parse_amount("1.5", jpy, out));
  EXPECT_FALSE(arrears::try_parse_amount("1.2345", kwd, out));
  EXPECT_FALSE(arrears::try_parse_amount("1.00", jpy, out)) << "rejected, not rounded";
  EXPECT_EQ(out, euros(42)) << "left unchanged on failure";
}

TEST(money, rejects_text_that_is_not_a_plain_decimal) {
  for (const char* text : {"", "-", "+", ".5", "-.5", "5.", "1,000.00", "1.000,00", "1e3", " 5",
                           "5 ", "--5", "-+5", "5-", "1.2.3", "abc", "12a", "0x10", "€5"}) {
    SCOPED_TRACE(text);
    money out = euros(42);
    EXPECT_FALSE(arrears::try_parse_amount(text, eur, out));
    EXPECT_EQ(out, euros(42));
    EXPECT_EQ(error_code_of([&] { (void)arrears::parse_amount(text, eur); }), errc::invalid_amount);
  }
}

TEST(money, rejects_amounts_beyond_int64_minor_units) {
  money out;
  EXPECT_FALSE(arrears::try_parse_amount("92233720368547758.08", eur, out));
  EXPECT_FALSE(arrears::try_parse_amount("9223372036854775808", jpy, out));
  EXPECT_FALSE(arrears::try_parse_amount("100000000000000000", eur, out));
  EXPECT_FALSE(arrears::try_parse_amount("99999999999999999999999", jpy, out));
  EXPECT_FALSE(arrears::try_parse_amount("-99999999999999999999999", jpy, out));
}

TEST(money, parse_error_names_the_text_and_the_precision) {
  try {
    (void)arrears::parse_amount("1.234", eur);
    FAIL() << "expected arrears::error";
  } catch (const arrears::error& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("'1.234'"), std::string::npos) << message;
    EXPECT_NE(message.find("2 decimals"), std::string::npos) << message;
    EXPECT_NE(message.find("EUR"), std::string::npos) << message;
  }
}

TEST(money, parse_money_reads_amount_and_currency) {
  EXPECT_EQ(arrears::parse_money("1234.56 EUR"), euros(123456));
  EXPECT_EQ(arrears::parse_money("-3 JPY"), money(-3, jpy));
  EXPECT_EQ(error_code_of([] { (void)arrears::parse_money("1234.56EUR"); }), errc::invalid_amount);
  EXPECT_EQ(error_code_of([] { (void)arrears::parse_money("1234.56"); }), errc::invalid_amount);
  EXPECT_EQ(error_code_of([] { (void)arrears::parse_money("1234.56 eur"); }),
            errc::unknown_currency);
  EXPECT_EQ(error_code_of([] { (void)arrears::parse_money("1234.5678 EUR"); }),
            errc::invalid_amount);
}

// --- formatting ---------------------------------------------------------------------------

TEST(money, formats_exactly_the_currency_decimals) {
  EXPECT_EQ(arrears::format_amount(euros(123456)), "1234.56");
  EXPECT_EQ(arrears::format_amount(euros(-5)), "-0.05");
  EXPECT_EQ(arrears::format_amount(euros(0)), "0.00");
  EXPECT_EQ(arrears::format_amount(euros(1200)), "12.00");
  EXPECT_EQ(arrears::format_amount(money(1234, jpy)), "1234");
  EXPECT_EQ(arrears::format_amount(money(-7, jpy)), "-7");
  EXPECT_EQ(arrears::format_amount(money(1234, kwd)), "1.234");
  EXPECT_EQ(arrears::format_amount(money(5, kwd)), "0.005");
}

TEST(money, formats_the_int64_extremes) {
  EXPECT_EQ(arrears::format_amount(euros(int64_max)), "92233720368547758.07");
  EXPECT_EQ(arrears::format_amount(euros(int64_min)), "-92233720368547758.08");
}

TEST(money, the_int64_extremes_read_back_from_their_text) {
  EXPECT_EQ(arrears::parse_amount("92233720368547758.07", eur), euros(int64_max));
  EXPECT_EQ(arrears::parse_amount("-92233720368547758.08", eur), euros(int64_min));
  money out;
  EXPECT_FALSE(arrears::try_parse_amount("-92233720368547758.09", eur, out));
}

TEST(money, to_string_appends_the_currency_code) {
  EXPECT_EQ(arrears::to_string(euros(123456)), "1234.56 EUR");
  EXPECT_EQ(arrears::to_string(money(-1500, jpy)), "-1500 JPY");
}

TEST(money, format_and_parse_round_trip) {
  for (const std::int64_t units :
       {std::int64_t{0}, std::int64_t{1}, std::int64_t{-1}, std::int64_t{99}, std::int64_t{-100},
        std::int64_t{123456789}, int64_max, -int64_max}) {
    for (const currency in : {eur, jpy, kwd}) {
      const money m(units, in);
      EXPECT_EQ(arrears::parse_money(arrears::to_string(m)), m) << arrears::to_string(m);
    }
  }
}

// --- arithmetic ---------------------------------------------------------------------------

TEST(money, adds_and_subtracts_within_one_currency) {
  EXPECT_EQ(euros(150) + euros(275), euros(425));
  EXPECT_EQ(euros(150) - euros(275), euros(-125));
  money total = euros(100);
  total += euros(50);
  total -= euros(30);
  EXPECT_EQ(total, euros(120));
  EXPECT_EQ(-euros(120), euros(-120));
  EXPECT_EQ(euros(250) * 3, euros(750));
  EXPECT_EQ(3 * euros(250), euros(750));
  EXPECT_EQ(euros(250) * -2, euros(-500));
}

TEST(money, addition_overflow_throws) {
  EXPECT_EQ(error_code_of([] { (void)(euros(int64_max) + euros(1)); }), errc::overflow);
  EXPECT_EQ(error_code_of([] { (void)(euros(int64_min) + euros(-1)); }), errc::overflow);
}

TEST(money, subtraction_overflow_throws) {
  EXPECT_EQ(error_code_of([] { (void)(euros(int64_min) - euros(1)); }), errc::overflow);
  EXPECT_EQ(error_code_of([] { (void)(euros(int64_max) - euros(-1)); }), errc::overflow);
  EXPECT_EQ(euros(0) - euros(int64_max), euros(-int64_max));
}

TEST(money, multiplication_overflow_throws) {
  EXPECT_EQ(error_code_of([] { (void)(euros(int64_max / 2 + 1) * 2); }), errc::overflow);
  EXPECT_EQ(error_code_of([] { (void)(euros(int64_min) * -1); }), errc::overflow);
  EXPECT_EQ(error_code_of([] { (void)((std::int64_t{1} << 40) * euros(std::int64_t{1} << 30)); }),
            errc::overflow);
  EXPECT_EQ(euros(int64_max / 2) * 2, euros(int64_max - 1));
}

TEST(money, negating_int64_min_throws) {
  EXPECT_EQ(error_code_of([] { (void)-euros(int64_min); }), errc::overflow);
  EXPECT_EQ(-euros(int64_max), euros(-int64_max));
}

TEST(money, failed_compound_assignment_leaves_the_amount_unchanged) {
  money total = euros(int64_max);
  EXPECT_EQ(error_code_of([&] { total += euros(1); }), errc::overflow);
  EXPECT_EQ(total, euros(int64_max));
  EXPECT_EQ(error_code_of([&] { total -= money(1, usd); }), errc::currency_mismatch);
  EXPECT_EQ(total, euros(int64_max));
}

TEST(money, overflow_message_names_the_operands) {
  try {
    (void)(euros(int64_max) + euros(1));
    FAIL() << "expected arrears::error";
  } catch (const arrears::error& e) {
    EXPECT_NE(std::string(e.what()).find("92233720368547758.07 EUR"), std::string::npos)
        << e.what();
  }
}

TEST(money, mixing_currencies_throws_currency_mismatch) {
  const money dollars(100, usd);
  EXPECT_EQ(error_code_of([&] { (void)(euros(100) + dollars); }), errc::currency_mismatch);
  EXPECT_EQ(error_code_of([&] { (void)(euros(100) - dollars); }), errc::currency_mismatch);
  EXPECT_EQ(error_code_of([&] { (void)(euros(100) < dollars); }), errc::currency_mismatch);
  EXPECT_EQ(error_code_of([&] { (void)(euros(100) <=> dollars); }), errc::currency_mismatch);
  EXPECT_EQ(error_code_of([&] { (void)arrears::max(euros(100), dollars); }),
            errc::currency_mismatch);
}

TEST(money, mismatch_message_names_both_currencies) {
  try {
    (void)(euros(100) + money(100, usd));
    FAIL() << "expected arrears::error";
  } catch (const arrears::error& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("EUR"), std::string::npos) << message;
    EXPECT_NE(message.find("USD"), std::string::npos) << message;
  }
}

TEST(money, equality_across_currencies_is_false_not_an_error) {
  EXPECT_NE(euros(100), money(100, usd));
  EXPECT_EQ(euros(100), euros(100));
}

TEST(money, default_value_is_zero_without_currency_and_mixes_with_nothing) {
  const money nothing;
  EXPECT_TRUE(nothing.is_zero());
  EXPECT_EQ(to_string(nothing.currency()), "XXX");
  EXPECT_EQ(error_code_of([&] { (void)(nothing + euros(1)); }), errc::currency_mismatch);
}

TEST(money, orders_within_one_currency) {
  EXPECT_LT(euros(-1), euros(0));
  EXPECT_GT(euros(101), euros(100));
  EXPECT_EQ(arrears::min(euros(5), euros(3)), euros(3));
  EXPECT_EQ(arrears::max(euros(5), euros(3)), euros(5));
  EXPECT_TRUE(euros(-1).is_negative());
  EXPECT_TRUE(euros(1).is_positive());
  EXPECT_EQ(money::zero(eur), euros(0));
}

}  // namespace
