#pragma once
// Limitation periods (verjaring, Verjährung): when a claim can no longer be enforced.

#include <arrears/core/date.hpp>

#include <boost/describe/enum.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace arrears {

/// What may interrupt (NL stuiting, DE Neubeginn) a running period. Which of them does is
/// the jurisdiction's call: NL counts a written reminder (3:317) and an acknowledgement
/// (3:318); DE and UK only an acknowledgement or a part payment (DE § 212, UK s. 29-30
/// Limitation Act 1980).
enum class interruption_kind : std::uint8_t { written_reminder, acknowledgement, part_payment, legal_action };
BOOST_DESCRIBE_ENUM(interruption_kind, written_reminder, acknowledgement, part_payment, legal_action)

struct interruption {
  date on;
  interruption_kind kind = interruption_kind::written_reminder;
  friend bool operator==(const interruption&, const interruption&) = default;
};

struct limitation_request {
  date due_date;  ///< the last day to pay; the claim is enforceable from the next day
  /// NL art. 7:28 BW: a consumer sale of goods prescribes in two years.
  bool consumer_sale_of_goods = false;
  std::vector<interruption> interruptions;  ///< in date order
};

/// The same question as limitation_request, for the deadline alone: the interruptions are
/// viewed, not copied, so asking does not allocate.
struct limitation_query {
  date due_date;
  bool consumer_sale_of_goods = false;
  std::span<const interruption> interruptions;  ///< in date order
};

struct limitation_result {
  date deadline;  ///< the last day the claim can still be enforced
  std::string basis;  ///< e.g. "5 years (art. 3:307 BW), interrupted 2024-03-01 by written reminder (3:317)"
  [[nodiscard]] long days_left(date today) const { return (deadline - today).days(); }
};

}  // namespace arrears
