#pragma once
// Checked arithmetic on the rule engine's values. Every value is one int64: an integer, a
// decimal in micro-units (fixed point, six decimals), an amount in minor units, 0/1 or an
// enumerator index. Constant folding at load time and the evaluator at decision time share
// these functions, so a literal folds to exactly what evaluation would give.

#include <arrears/core/rounding.hpp>

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
/// |factor| below 2^63 cannot overflow it). The one rounding rule of the language:
/// money x decimal, money / integer, integer / integer and every decimal product or quotient;
/// the same rule as the rest of arrears (core/rounding.hpp).
[[nodiscard]] inline arithmetic_fault scaled_divide(std::int64_t a, std::int64_t factor,
                                                    std::int64_t divisor,
                                                    std::int64_t& out) noexcept {
  if (divisor == 0) return arithmetic_fault::division_by_zero;
  return try_mul_div_round_half_up(a, factor, 1, divisor, out) ? arithmetic_fault::none
                                                               : arithmetic_fault::overflow;
}

}  // namespace arrears::detail::rules
