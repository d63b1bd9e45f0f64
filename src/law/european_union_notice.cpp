// EU default: late from the day after the due date (Directive 2011/7/EU art. 3(3)).

#include <arrears/law/default_rules.hpp>
#include <arrears/law/european_union.hpp>

namespace arrears {

default_result european_union::default_starts(const default_request& request) const {
  return default_after_due_date(request, "Directive 2011/7/EU art. 3(3)");
}

std::optional<fourteen_day_letter> european_union::consumer_costs_notice(date) const {
  return std::nullopt;
}

std::optional<date> european_union::default_first_day(const default_request& request) const {
  return default_after_due_date_first_day(request);
}

std::optional<date> european_union::consumer_costs_chargeable_from(date) const {
  return std::nullopt;
}

}  // namespace arrears
