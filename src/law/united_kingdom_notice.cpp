// UK default: late from the day after the due date. No notice must precede the fixed sums.

#include <arrears/law/default_rules.hpp>
#include <arrears/law/united_kingdom.hpp>

namespace arrears {

default_result united_kingdom::default_starts(const default_request& request) const {
  return default_after_due_date(request,
                                "Late Payment of Commercial Debts (Interest) Act 1998 s. 4");
}

std::optional<fourteen_day_letter> united_kingdom::consumer_costs_notice(date) const {
  return std::nullopt;
}

std::optional<date> united_kingdom::default_first_day(const default_request& request) const {
  return default_after_due_date_first_day(request);
}

std::optional<date> united_kingdom::consumer_costs_chargeable_from(date) const {
  return std::nullopt;
}

}  // namespace arrears
