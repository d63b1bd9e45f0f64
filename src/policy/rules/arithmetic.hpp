#pragma once
// Checked arithmetic on the rule engine's values. Every value is one int64: an integer, a
// decimal in micro-units (fixed point, six decimals), an amount in minor units, 0/1 or an
// enumerator index. Constant folding at load time and the evaluator at decision time share
// these functions, so a literal folds to exactly what evaluation would give.

#include <cstdint>
#include <limits>

namespace arrears::detail::rules {

/// Decimals are int64 counts of millionths: 12.5 is 12'500'000. Never floating point.
inline constexpr std::int64_t decimal_scale = 1'000'000;
inline constexpr int decimal_digits = 6;

/// Why a computation failed.
enum class arithmetic_fault : std::uint8_t { none, overflow, division_by_zero };

[[nodiscard]] inline bool checked_add(std::int64_t a, std::int64_t b, std::int64_t& out) noexcept {
  return !__builtin_add_overflow(a, b, &out);
}
[[nodiscard]] inline bool checked_sub(std::int64_t a, std::int64_t b, std::int64_t& out) noexcept {
  return !__builtin_sub_overflow(a, b, &out);
}
[[nodiscard]] inline bool checked_mul(std::int64_t a, std::int64_t b, std::int64_t& out) noexcept {
  return !__builtin_mul_overflow(a, b, &out);
}
[[nodiscard]] inline bool checked_neg(std::int64_t a, std::int64_t& out) noexcept {
  if (a == std::numeric_limits<std::int64_t>::min()) return false;
  out = -a;
  return true;
}
[[nodiscard]] inline bool checked_abs(std::int64_t a, std::int64_t& out) noexcept {
  if (a == std::numeric_limits<std::int64_t>::min()) return false;
  out = a < 0 ? -a : a;
  return true;
}

/// round(a * factor / divisor), half away from zero, on a 128-bit intermediate (|a| and
/// |factor| below 2^63 and 2^41 cannot overflow it). The one rounding rule of the language:
/// money x decimal, money / integer, integer / integer and every decimal product or quotient.
[[nodiscard]] inline arithmetic_fault scaled_divide(std::int64_t a, std::int64_t factor,
                                                    std::int64_t divisor,
                                                    std::int64_t& out) noexcept {
  if (divisor == 0) return arithmetic_fault::division_by_zero;
  const __int128 numerator = static_cast<__int128>(a) * factor;
  const bool negative = (numerator < 0) != (divisor < 0);
  const unsigned __int128 n = numerator < 0 ? static_cast<unsigned __int128>(-(numerator + 1)) + 1u
                                            : static_cast<unsigned __int128>(numerator);
  const unsigned __int128 d =
      divisor < 0 ? static_cast<unsigned __int128>(-(static_cast<__int128>(divisor)))
                  : static_cast<unsigned __int128>(divisor);
  unsigned __int128 q = n / d;
  if ((n % d) * 2u >= d) ++q;
  constexpr auto max = static_cast<unsigned __int128>(std::numeric_limits<std::int64_t>::max());
  if (q > max + (negative ? 1u : 0u)) return arithmetic_fault::overflow;
  out = negative ? static_cast<std::int64_t>(0u - static_cast<std::uint64_t>(q))
                 : static_cast<std::int64_t>(q);
  return arithmetic_fault::none;
}

/// round(a * b / divisor), half away from zero: decimal x decimal and money x decimal, where
/// the product of two int64 needs the 128 bits before the division brings it back.
[[nodiscard]] inline arithmetic_fault product_divide(std::int64_t a, std::int64_t b,
                                                     std::int64_t divisor,
                                                     std::int64_t& out) noexcept {
  const __int128 product = static_cast<__int128>(a) * b;
  const bool negative = product < 0;
  const unsigned __int128 n = negative ? static_cast<unsigned __int128>(-(product + 1)) + 1u
                                       : static_cast<unsigned __int128>(product);
  const auto d = static_cast<unsigned __int128>(divisor);  // always a positive scale
  unsigned __int128 q = n / d;
  if ((n % d) * 2u >= d) ++q;
  constexpr auto max = static_cast<unsigned __int128>(std::numeric_limits<std::int64_t>::max());
  if (q > max + (negative ? 1u : 0u)) return arithmetic_fault::overflow;
  out = negative ? static_cast<std::int64_t>(0u - static_cast<std::uint64_t>(q))
                 : static_cast<std::int64_t>(q);
  return arithmetic_fault::none;
}

}  // namespace arrears::detail::rules
