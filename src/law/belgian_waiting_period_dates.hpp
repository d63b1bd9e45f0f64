#pragma once
// The Belgian consumer waiting period split into its dates and its words, so that the full
// period (belgian_consumer_waiting_period), its date-only form and the BE default rule all
// compute the dates with one function. Private to src/law.

#include <arrears/core/date.hpp>
#include <arrears/law/belgian_waiting_period.hpp>

#include <string>

namespace arrears::detail {

/// The dates of a waiting period (law/belgian_waiting_period.hpp).
struct belgian_waiting_dates {
  date first_day;              ///< the period's first day
  date last_day;               ///< its `period_days`-th day, before any move
  date term_ends;              ///< last_day moved to a working day
  date costs_chargeable_from;  ///< the day after term_ends
};

/// The waiting period after a reminder sent on `sent_on`; throws as
/// belgian_consumer_waiting_period does. Does not allocate unless it throws.
[[nodiscard]] belgian_waiting_dates belgian_waiting_period_dates(date sent_on,
                                                                 reminder_medium medium,
                                                                 int period_days);

/// The basis in words for `dates`, which belgian_waiting_period_dates gave for the same
/// arguments.
[[nodiscard]] std::string belgian_waiting_period_basis(date sent_on, reminder_medium medium,
                                                       int period_days,
                                                       const belgian_waiting_dates& dates);

}  // namespace arrears::detail
