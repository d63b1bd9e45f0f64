#pragma once
// The one statutory-interest calculation every law pack uses. A pack decides which rate is in
// force on which day (a rate_schedule) and whether interest capitalises yearly; this engine
// applies the conventions of docs/law.md: days counted inclusively, actual/365 by
// default, segments split at every rate step, capitalisation date and payment, interest per
// segment rounded half-up to the cent, payments allocated costs -> interest -> principal.

#include <arrears/core/date.hpp>
#include <arrears/core/rate.hpp>
#include <arrears/law/interest.hpp>
#include <arrears/law/rate_table.hpp>

#include <span>
#include <vector>

namespace arrears {

/// One step of a rate schedule: `annual` applies from `from` until the next step's date.
struct rate_step {
  date from;
  rate annual;
  /// false when the rate rests on a table row marked unverified; copied to each segment.
  bool verified = true;
  friend bool operator==(const rate_step&, const rate_step&) = default;
};

/// The rates in force over an interest period, in date order, the first step on or before
/// the first interest day. A step whose rate equals the previous one still splits a segment:
/// Dutch and German rates are fixed anew every half-year and calculators show each half-year.
using rate_schedule = std::vector<rate_step>;

/// What a pack adds to the common conventions.
struct interest_rules {
  /// Add the interest accrued and unpaid over each year to the base at each anniversary of
  /// the first interest day (NL art. 6:119 lid 2, 6:119a lid 3 BW). A 29 February first day
  /// has its anniversary on 28 February in other years.
  bool capitalise_yearly = false;
};

/// Throws error{errc::invalid_argument} for an impossible request: a missing date, `until`
/// before `first_day`, a negative principal or negative costs, a payment that is not
/// positive, outside [first_day, until] or earlier than the one before it; and
/// error{errc::currency_mismatch} for a payment or costs in another currency than the
/// principal (zero costs in any currency count as none).
void validate_interest_request(const interest_request& request);

/// Interest on `request` at the rates of `schedule`. Segments with a zero base (after the
/// principal was paid off) are left out. A payment larger than everything outstanding on its
/// day throws error{errc::invalid_argument}; so does a schedule that is empty, out of date
/// order or starts after the first interest day.
/// Complexity: linear in the number of segments; no allocation besides the result.
[[nodiscard]] interest_result accrue_interest(const interest_request& request,
                                              std::span<const rate_step> schedule,
                                              const interest_rules& rules);

/// The rows of `table` in force on any day of [first_day, until], each plus `margin`: the
/// row in force on `first_day` (as a step from that day) and every row that starts later
/// within the period. Throws error{errc::date_out_of_range} naming the table and the range it
/// covers when it does not cover both days.
[[nodiscard]] rate_schedule table_schedule(const rate_table& table, rate margin, date first_day,
                                           date until);

/// The anniversary of `anchor` in `year`: the same month and day, except that 29 February
/// becomes 28 February in a year without it. Past year 9999 (the last calendar year arrears
/// reads), positive infinity: an anniversary that never comes.
[[nodiscard]] date anniversary_in(date anchor, int year);

/// 1 January or 1 July: the first day of the half-year `on` falls in.
[[nodiscard]] date half_year_start(date on);

}  // namespace arrears
