#pragma once
// The one grammar arrears reads decimal numbers with: amounts and percentages alike.

#include <cstdint>
#include <limits>
#include <string_view>

namespace arrears::detail {

/// Reads a plain decimal ("-12.5", "+3", "0.0001") as an integer scaled by 10^scale
/// ("-12.5" at scale 2 is -1250). An optional sign, digits, and optionally a point followed
/// by one to `scale` digits; no separators, no exponent. Returns false on anything else and
/// on values outside the int64 range (INT64_MIN itself is readable).
[[nodiscard]] constexpr bool parse_scaled_decimal(std::string_view text, int scale,
                                                  std::int64_t& out) noexcept {
  if (text.empty() || scale < 0 || scale > 18) return false;
  const bool negative = text.front() == '-';
  if (negative || text.front() == '+') text.remove_prefix(1);
  const auto point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
  if (whole.empty()) return false;
  if (point != std::string_view::npos &&
      (fraction.empty() || fraction.size() > static_cast<std::size_t>(scale)))
    return false;
  const std::uint64_t limit =
      negative ? std::uint64_t{1} << 63
               : static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  std::uint64_t magnitude = 0;
  auto push_digit = [&](char c) {
    if (c < '0' || c > '9') return false;
    const auto digit = static_cast<std::uint64_t>(c - '0');
    if (magnitude > (limit - digit) / 10) return false;
    magnitude = magnitude * 10 + digit;
    return true;
  };
  for (const char c : whole)
    if (!push_digit(c)) return false;
  for (std::size_t i = 0; i < static_cast<std::size_t>(scale); ++i)
    if (!push_digit(i < fraction.size() ? fraction[i] : '0')) return false;
  out = negative ? static_cast<std::int64_t>(0u - magnitude) : static_cast<std::int64_t>(magnitude);
  return true;
}

}  // namespace arrears::detail
