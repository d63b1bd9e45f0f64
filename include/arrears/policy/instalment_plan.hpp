#pragma once
// Instalment proposals for a payment arrangement (playbook §5): the whole debt within the
// configured bounds, in equal parts.

#include <arrears/core/date.hpp>
#include <arrears/core/money.hpp>
#include <arrears/model/events.hpp>

#include <boost/describe/enum.hpp>

#include <cstdint>
#include <vector>

namespace arrears {

enum class instalment_interval : std::uint8_t { weekly, monthly };
BOOST_DESCRIBE_ENUM(instalment_interval, weekly, monthly)

/// How many instalments pay `total` with each at least `minimum_instalment`, never more than
/// `max_count` (at least 1). A zero or negative minimum means "no minimum".
[[nodiscard]] int instalment_count(money total, money minimum_instalment, int max_count);

/// Fills `out` with `count` instalments paying `total`: the first due on `first_due`, the
/// next every week or month after it (a month from the 31st is the month's last day), equal
/// parts with the minor units left over added to the first. `out` is cleared first and its
/// storage reused. Throws error{errc::invalid_argument} for count < 1 or a non-positive total.
void plan_instalments(money total, date first_due, int count, instalment_interval interval,
                      std::vector<instalment>& out);

}  // namespace arrears
