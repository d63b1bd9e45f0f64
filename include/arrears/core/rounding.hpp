#pragma once
// Exact integer arithmetic for amounts: a * b * c / d rounded half away from zero, with a
// 128-bit intermediate so that rate x amount x days never overflows before the division.

#include <arrears/core/error.hpp>

#include <cstdint>
#include <limits>

namespace arrears {

/// a * b * c / denominator, rounded half away from zero, without throwing: false when the
/// denominator is zero, an intermediate would exceed 128 bits or the result leaves int64.
/// Any sign of the denominator.
[[nodiscard]] inline bool try_mul_div_round_half_up(std::int64_t a, std::int64_t b, std::int64_t c,
                                                    std::int64_t denominator,
                                                    std::int64_t& out) noexcept {
  if (denominator == 0) return false;
  // Most products fit in 64 bits; a 64-bit division is several times faster than the
  // 128-bit one below, and gives the same result.
  std::int64_t small = 0;
  if (denominator > 0 && !__builtin_mul_overflow(a, b, &small) &&
      !__builtin_mul_overflow(small, c, &small) &&
      small != std::numeric_limits<std::int64_t>::min()) {
    const std::uint64_t magnitude =
        small < 0 ? static_cast<std::uint64_t>(-small) : static_cast<std::uint64_t>(small);
    const auto divisor = static_cast<std::uint64_t>(denominator);
    std::uint64_t quotient = magnitude / divisor;
    if ((magnitude % divisor) >= divisor - magnitude % divisor) ++quotient;
    out = small < 0 ? -static_cast<std::int64_t>(quotient) : static_cast<std::int64_t>(quotient);
    return true;
  }
  __int128 product = 0;
  if (__builtin_mul_overflow(static_cast<__int128>(a), static_cast<__int128>(b), &product) ||
      __builtin_mul_overflow(product, static_cast<__int128>(c), &product))
    return false;
  const bool negative = (product < 0) != (denominator < 0);
  // Magnitudes in unsigned arithmetic: -INT128_MIN and -INT64_MIN would overflow.
  const unsigned __int128 magnitude = product < 0
                                          ? static_cast<unsigned __int128>(-(product + 1)) + 1u
                                          : static_cast<unsigned __int128>(product);
  const unsigned __int128 divisor =
      denominator < 0 ? static_cast<unsigned __int128>(-(static_cast<__int128>(denominator)))
                      : static_cast<unsigned __int128>(denominator);
  unsigned __int128 quotient = magnitude / divisor;
  if ((magnitude % divisor) * 2u >= divisor) ++quotient;
  constexpr auto max = static_cast<unsigned __int128>(std::numeric_limits<std::int64_t>::max());
  // A negative result may reach INT64_MIN, one further than INT64_MAX.
  if (quotient > max + (negative ? 1u : 0u)) return false;
  // Negate in unsigned arithmetic: -INT64_MIN would overflow in int64.
  out = negative ? static_cast<std::int64_t>(0u - static_cast<std::uint64_t>(quotient))
                 : static_cast<std::int64_t>(quotient);
  return true;
}

/// a * b * c / denominator, rounded half away from zero ("half-up" on magnitudes, the
/// convention of Dutch and German interest calculators), with a 128-bit intermediate. Throws
/// error{errc::overflow} when the result does not fit in int64 or an intermediate would
/// exceed 128 bits, and error{errc::invalid_argument} for a zero or negative denominator.
[[nodiscard]] inline std::int64_t mul_div_round_half_up(std::int64_t a, std::int64_t b,
                                                        std::int64_t c, std::int64_t denominator) {
  if (denominator <= 0)
    throw error(errc::invalid_argument, "rounding: denominator must be positive");
  std::int64_t out = 0;
  if (!try_mul_div_round_half_up(a, b, c, denominator, out))
    throw error(errc::overflow, "rounding: the result exceeds the int64 range");
  return out;
}

/// a * b / denominator with the same rounding and checks.
[[nodiscard]] inline std::int64_t mul_div_round_half_up(std::int64_t a, std::int64_t b,
                                                        std::int64_t denominator) {
  return mul_div_round_half_up(a, b, 1, denominator);
}

}  // namespace arrears
