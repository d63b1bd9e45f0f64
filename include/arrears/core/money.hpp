#pragma once
// Money: an exact count of minor units (cents) in one ISO 4217 currency. Never floating point.

#include <arrears/core/currency.hpp>
#include <arrears/core/decimal.hpp>
#include <arrears/core/error.hpp>
#include <arrears/core/rounding.hpp>

#include <bit>
#include <compare>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace arrears {

/// An amount of money. Arithmetic is checked: overflow and mixing currencies throw
/// arrears::error (errc::overflow, errc::currency_mismatch) and never wrap or convert.
class money {
 public:
  /// Zero in "XXX" (no currency).
  constexpr money() noexcept = default;
  constexpr money(std::int64_t minor_units, arrears::currency in) noexcept
      : minor_units_(minor_units), currency_(std::bit_cast<std::uint32_t>(in)) {}
  [[nodiscard]] static constexpr money zero(arrears::currency in) noexcept { return {0, in}; }

  [[nodiscard]] constexpr std::int64_t minor_units() const noexcept { return minor_units_; }
  [[nodiscard]] constexpr arrears::currency currency() const noexcept {
    return std::bit_cast<arrears::currency>(static_cast<std::uint32_t>(currency_));
  }
  [[nodiscard]] constexpr bool is_zero() const noexcept { return minor_units_ == 0; }
  [[nodiscard]] constexpr bool is_positive() const noexcept { return minor_units_ > 0; }
  [[nodiscard]] constexpr bool is_negative() const noexcept { return minor_units_ < 0; }

  money& operator+=(money other) { return *this = *this + other; }
  money& operator-=(money other) { return *this = *this - other; }

  [[nodiscard]] money operator-() const {
    if (minor_units_ == std::numeric_limits<std::int64_t>::min())
      fail_overflow(*this, *this, "unary -");
    return {-minor_units_, currency()};
  }

  [[nodiscard]] friend money operator+(money a, money b) {
    if (a.currency_ != b.currency_) fail_mismatch(a, b, "+");
    std::int64_t sum = 0;
    if (__builtin_add_overflow(a.minor_units_, b.minor_units_, &sum)) fail_overflow(a, b, "+");
    return {sum, a.currency()};
  }
  [[nodiscard]] friend money operator-(money a, money b) {
    if (a.currency_ != b.currency_) fail_mismatch(a, b, "-");
    std::int64_t difference = 0;
    if (__builtin_sub_overflow(a.minor_units_, b.minor_units_, &difference))
      fail_overflow(a, b, "-");
    return {difference, a.currency()};
  }
  [[nodiscard]] friend money operator*(money a, std::int64_t factor) {
    std::int64_t product = 0;
    if (__builtin_mul_overflow(a.minor_units_, factor, &product))
      fail_overflow(a, money(factor, a.currency()), "*");
    return {product, a.currency()};
  }
  [[nodiscard]] friend money operator*(std::int64_t factor, money a) { return a * factor; }

  /// Equal when both the amount and the currency are equal.
  [[nodiscard]] friend constexpr bool operator==(money, money) noexcept = default;
  /// Ordering is only defined within one currency; comparing across currencies throws.
  [[nodiscard]] friend std::strong_ordering operator<=>(money a, money b) {
    if (a.currency_ != b.currency_) fail_mismatch(a, b, "<=>");
    return a.minor_units_ <=> b.minor_units_;
  }

 private:
  // The throwing paths stay out of line so that the arithmetic above inlines to a compare
  // and an add: amounts are summed in every hot loop of the library.
  // Defined in src/core/money.cpp.
  [[noreturn, gnu::cold]] static void fail_mismatch(money a, money b, const char* operation);
  [[noreturn, gnu::cold]] static void fail_overflow(money a, money b, const char* operation);

  std::int64_t minor_units_ = 0;
  /// The currency's four bytes, zero-extended: a money is two 8-byte integers without
  /// padding, so it is passed and returned in two registers and never rebuilt through memory
  /// (GCC otherwise stores the 4-byte currency and reloads 8 bytes, stalling every call
  /// that returns a money).
  std::uint64_t currency_ = std::bit_cast<std::uint32_t>(arrears::currency{});
};

[[nodiscard]] inline money min(money a, money b) { return b < a ? b : a; }
[[nodiscard]] inline money max(money a, money b) { return a < b ? b : a; }

/// Reads a plain decimal amount ("1234.56", "-0.5", "12") in `in`'s precision. No
/// thousands separators, no exponent, and never more decimals than the currency has (the
/// text is rejected rather than rounded). Returns false on anything else.
[[nodiscard]] inline bool try_parse_amount(std::string_view text, arrears::currency in,
                                           money& out) noexcept {
  std::int64_t units = 0;
  if (!detail::parse_scaled_decimal(text, in.minor_digits(), units)) return false;
  out = money(units, in);
  return true;
}

/// As try_parse_amount, but throws error{errc::invalid_amount} saying what was expected.
[[nodiscard]] inline money parse_amount(std::string_view text, arrears::currency in) {
  money out;
  if (!try_parse_amount(text, in, out))
    throw error(errc::invalid_amount, "invalid amount '" + std::string(text) +
                                          "': expected a decimal number with at most " +
                                          std::to_string(in.minor_digits()) + " decimals for " +
                                          std::string(in.code()));
  return out;
}

/// Reads "1234.56 EUR": an amount, one space, an ISO 4217 code.
[[nodiscard]] inline money parse_money(std::string_view text) {
  const auto space = text.rfind(' ');
  if (space == std::string_view::npos)
    throw error(errc::invalid_amount,
                "invalid money '" + std::string(text) +
                    "': expected an amount and a currency, e.g. '1234.56 EUR'");
  return parse_amount(text.substr(0, space), currency::from_code(text.substr(space + 1)));
}

/// "1234.56", "-0.05", "12" (JPY): exactly the currency's number of decimals.
[[nodiscard]] inline std::string format_amount(money m) {
  const std::int64_t units = m.minor_units();
  // Work on the magnitude as unsigned so that INT64_MIN formats correctly.
  std::uint64_t magnitude =
      units < 0 ? 0u - static_cast<std::uint64_t>(units) : static_cast<std::uint64_t>(units);
  const int digits = m.currency().minor_digits();
  char buffer[32];
  char* end = buffer + sizeof buffer;
  char* cursor = end;
  for (int i = 0; i < digits; ++i) {
    *--cursor = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  }
  if (digits > 0) *--cursor = '.';
  do {
    *--cursor = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  if (units < 0) *--cursor = '-';
  return std::string(cursor, end);
}

/// "1234.56 EUR".
[[nodiscard]] inline std::string to_string(money m) {
  return format_amount(m) + ' ' + to_string(m.currency());
}

}  // namespace arrears
