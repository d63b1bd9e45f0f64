#pragma once
// An exact annual rate in parts per million (12.25 % = 122500 ppm). Never floating point.

#include <arrears/core/decimal.hpp>
#include <arrears/core/error.hpp>
#include <arrears/core/money.hpp>
#include <arrears/core/rounding.hpp>

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace arrears {

/// A percentage with up to four decimals, stored exactly as parts per million of one.
/// Rates may be negative (the German base rate was -0.88 % for years).
class rate {
 public:
  constexpr rate() noexcept = default;
  [[nodiscard]] static constexpr rate from_ppm(std::int64_t ppm) noexcept { return rate(ppm); }
  /// Whole percentage points: from_percent(8) == 8.00 %.
  [[nodiscard]] static constexpr rate from_percent(std::int64_t percent) noexcept {
    return rate(percent * 10'000);
  }
  /// The largest rate text is read as: 1000 %. Nothing in collection comes near it, and the
  /// bound keeps rate arithmetic far from overflow.
  static constexpr std::int64_t max_ppm = 1000 * 10'000;

  /// Reads "12.25" (percent, up to four decimals, optional sign, at most 1000 in
  /// magnitude). Returns false on anything else.
  [[nodiscard]] static bool try_parse(std::string_view percent_text, rate& out) noexcept;
  /// As try_parse, but throws error{errc::invalid_rate}.
  [[nodiscard]] static rate parse(std::string_view percent_text);

  [[nodiscard]] constexpr std::int64_t ppm() const noexcept { return ppm_; }

  [[nodiscard]] friend constexpr rate operator+(rate a, rate b) noexcept {
    return rate(a.ppm_ + b.ppm_);
  }
  [[nodiscard]] friend constexpr rate operator-(rate a, rate b) noexcept {
    return rate(a.ppm_ - b.ppm_);
  }
  friend constexpr bool operator==(rate, rate) noexcept = default;
  friend constexpr std::strong_ordering operator<=>(rate, rate) noexcept = default;

 private:
  constexpr explicit rate(std::int64_t ppm) noexcept : ppm_(ppm) {}
  std::int64_t ppm_ = 0;
};

inline bool rate::try_parse(std::string_view text, rate& out) noexcept {
  std::int64_t ppm = 0;
  if (!detail::parse_scaled_decimal(text, 4, ppm)) return false;
  if (ppm > max_ppm || ppm < -max_ppm) return false;
  out = rate(ppm);
  return true;
}

inline rate rate::parse(std::string_view text) {
  rate out;
  if (!try_parse(text, out))
    throw error(errc::invalid_rate,
                "invalid rate '" + std::string(text) +
                    "': expected a percentage such as 12.25 (at most four decimals, at most 1000)");
  return out;
}

/// "12.25", "8.00", "-0.88", "12.125": at least two decimals, at most four.
[[nodiscard]] inline std::string to_string(rate r) {
  const std::int64_t ppm = r.ppm();
  const std::uint64_t magnitude =
      ppm < 0 ? 0u - static_cast<std::uint64_t>(ppm) : static_cast<std::uint64_t>(ppm);
  std::string fraction = std::to_string(magnitude % 10'000);
  fraction.insert(0, 4 - fraction.size(), '0');
  while (fraction.size() > 2 && fraction.back() == '0') fraction.pop_back();
  return (ppm < 0 ? "-" : "") + std::to_string(magnitude / 10'000) + "." + fraction;
}

/// Simple interest on `base` at annual rate `annual` for `days` days, over a year of
/// `days_in_year` days (365 by the convention in docs/law.md), rounded half-up to the
/// minor unit: base x rate x days / days_in_year.
[[nodiscard]] inline money simple_interest(money base, rate annual, long days,
                                           long days_in_year = 365) {
  if (days < 0) throw error(errc::invalid_argument, "simple_interest: negative number of days");
  return money(
      mul_div_round_half_up(base.minor_units(), annual.ppm(), days, 1'000'000 * days_in_year),
      base.currency());
}

/// `base` x `fraction`, rounded half-up to the minor unit (a percentage of an amount).
[[nodiscard]] inline money percentage_of(money base, rate fraction) {
  return money(mul_div_round_half_up(base.minor_units(), fraction.ppm(), 1'000'000),
               base.currency());
}

}  // namespace arrears
