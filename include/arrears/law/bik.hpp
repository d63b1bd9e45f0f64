#pragma once
// The Dutch scale of extrajudicial collection costs (BIK staffel, "WIK-staffel"): Besluit
// vergoeding voor buitengerechtelijke incassokosten, Stb. 2012, 141, art. 2, in force since
// 1 July 2012; and the NL collection costs built on it (art. 6:96 BW).

#include <arrears/core/money.hpp>
#include <arrears/core/rate.hpp>
#include <arrears/law/collection_costs.hpp>

#include <cstdint>
#include <vector>

namespace arrears {

/// The part of the principal that falls in one slice of the staffel, and what it costs.
struct bik_slice {
  money portion;  ///< the part of the principal inside this slice
  rate percent;   ///< 15, 10, 5, 1 or 0.5 %
  /// percent x portion, exactly, in thousandths of a cent (every staffel rate is a whole
  /// number of tenths of a percent, so nothing is lost).
  std::int64_t exact_thousandths = 0;
  friend bool operator==(const bik_slice&, const bik_slice&) = default;
};

/// The staffel applied to one principal.
struct bik_calculation {
  money principal;
  std::vector<bik_slice> slices;       ///< only the slices the principal reaches, lowest first
  std::int64_t exact_thousandths = 0;  ///< the sum of the slices, exact
  money staffel;  ///< the exact sum rounded half-up to the cent, once, at the end
  money amount;   ///< `staffel` raised to the minimum or limited to the maximum
  bool minimum_applied = false;
  bool maximum_applied = false;
};

/// Art. 2 lid 2: at least EUR 40.00, in cents.
inline constexpr std::int64_t bik_minimum_cents = 4'000;
/// Art. 2 lid 1: at most EUR 6,775.00, in cents. The staffel reaches it exactly at a
/// principal of EUR 1,000,000.00 (2,775.00 over the first 200,000.00, then 0.5 % of
/// 800,000.00 = 4,000.00).
inline constexpr std::int64_t bik_maximum_cents = 677'500;

/// The staffel over `principal`: 15 % of the first 2,500, 10 % of the next 2,500, 5 % of the
/// next 5,000, 1 % of the next 190,000 and 0.5 % of the rest; the slices are added exactly
/// (in thousandths of a cent) and the sum is rounded half-up to the cent once, then kept
/// within EUR 40 and EUR 6,775. So 266.67 gives 40.0005 -> 40.00 and 266.70 gives
/// 40.005 -> 40.01.
/// Throws error{errc::invalid_argument} unless `principal` is in EUR (the Besluit's amounts
/// are euros) and not negative.
[[nodiscard]] bik_calculation bik_staffel(money principal);

/// NL collection costs (art. 6:96 BW with the Besluit): the staffel over the SUM of the
/// claims' principals (art. 6:96 lid 7), for consumers (a hard maximum, lid 5, due only
/// after a 14-day letter, lid 6) and businesses and public bodies alike (the usual amount,
/// and at least EUR 40, lid 4). VAT at `vat_rate` is added only when the creditor cannot
/// deduct it (art. 2 lid 3), rounded half-up to the cent. The basis shows every slice.
/// A total principal of zero costs nothing.
/// Throws error{errc::invalid_argument} when there are no claims, a claim is negative or not
/// in EUR, or the VAT rate is negative.
[[nodiscard]] costs_result dutch_collection_costs(const costs_request& request);

}  // namespace arrears
