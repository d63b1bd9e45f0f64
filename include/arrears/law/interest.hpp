#pragma once
// Statutory interest: the request, and the result as segments a letter can show.

#include <arrears/core/date.hpp>
#include <arrears/core/money.hpp>
#include <arrears/core/rate.hpp>

#include <boost/describe/enum.hpp>

#include <cstdint>
#include <vector>

namespace arrears {

/// Which statutory rate applies. NL: consumer = art. 6:119 BW, commercial = 6:119a/b BW.
/// DE: consumer = base + 5 points, commercial = base + 9. UK and EU: the commercial rate for
/// both (the UK Act and the Directive cover only B2B; consumer asks the same rate). BE:
/// commercial = the late-payment rate, consumer capped at it.
enum class interest_kind : std::uint8_t { consumer, commercial };
BOOST_DESCRIBE_ENUM(interest_kind, consumer, commercial)

/// Day count: actual days / 365 also in leap years (the Dutch convention, the default), or
/// actual / actual (366 in leap years, per calendar year of the day).
enum class day_count : std::uint8_t { actual_365, actual_actual };
BOOST_DESCRIBE_ENUM(day_count, actual_365, actual_actual)

/// A payment on a day; it counts after that day's interest.
struct interest_payment {
  date on;
  money amount;
  friend bool operator==(const interest_payment&, const interest_payment&) = default;
};

struct interest_request {
  money principal;
  interest_kind kind = interest_kind::commercial;
  date first_day;  ///< first interest day, inclusive
  date until;      ///< last interest day (the payment day), inclusive
  std::vector<interest_payment> payments;  ///< in date order, within [first_day, until]
  /// Costs outstanding at the start; payments reach them first (art. 6:44 BW).
  money costs;
  day_count basis = day_count::actual_365;
};

/// One stretch of constant rate and base. Interest = base x rate x days / year, rounded
/// half-up to the cent per segment.
struct interest_segment {
  date from;  ///< inclusive
  date to;    ///< inclusive
  long days = 0;
  rate annual;
  money base;
  money interest;
  /// false when the rate rests on a rate-table row marked unverified (docs/law.md).
  bool rate_verified = true;
  friend bool operator==(const interest_segment&, const interest_segment&) = default;
};

/// How a payment was allocated (costs, then interest, then principal).
struct payment_allocation {
  date on;
  money amount;
  money to_costs;
  money to_interest;
  money to_principal;
  friend bool operator==(const payment_allocation&, const payment_allocation&) = default;
};

struct interest_result {
  std::vector<interest_segment> segments;
  std::vector<payment_allocation> allocations;
  money total;                ///< interest accrued over the whole period (sum of the segments)
  money interest_outstanding; ///< accrued, neither paid nor capitalised, at the end
  money capitalised;          ///< interest added to the base at anniversaries (NL only)
  money principal_outstanding;///< principal (with capitalised interest) still open at the end
  money costs_outstanding;
};

}  // namespace arrears
