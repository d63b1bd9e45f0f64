#pragma once
// Deriving facts from a case on a day, under a jurisdiction. Never allocates: it runs for
// every case on every review.

#include <arrears/core/date.hpp>
#include <arrears/law/jurisdiction.hpp>
#include <arrears/model/collection_case.hpp>
#include <arrears/policy/economics.hpp>
#include <arrears/policy/facts.hpp>

namespace arrears {

/// What deriving needs beside the case and the day.
struct facts_context {
  /// The law the case falls under: limitation, default and the consumer costs notice.
  /// Without one, days_to_limitation stays never_days, costs_allowed and
  /// fourteen_day_letter_expired stay false.
  const jurisdiction* law = nullptr;
  economics_parameters economics;
  /// The claims are the price of a consumer sale of goods (NL: 2-year limitation).
  bool consumer_sale_of_goods = false;
};

/// The facts of `c` on `today` (which must not be before the case's last event).
/// Throws error{errc::invalid_argument} for a special date or a day before the last event.
[[nodiscard]] facts derive_facts(const collection_case& c, date today,
                                 const facts_context& context);

}  // namespace arrears
