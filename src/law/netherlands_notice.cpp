// Dutch default (verzuim) and the 14-day letter that must precede a consumer's costs.

#include <arrears/law/default_rules.hpp>
#include <arrears/law/fourteen_day_letter.hpp>
#include <arrears/law/netherlands.hpp>

namespace arrears {

default_result netherlands::default_starts(const default_request& request) const {
  return dutch_default_starts(request);
}

std::optional<fourteen_day_letter> netherlands::consumer_costs_notice(date sent_on) const {
  return dutch_fourteen_day_letter(sent_on);
}

std::optional<date> netherlands::default_first_day(const default_request& request) const {
  return dutch_default_first_day(request);
}

std::optional<date> netherlands::consumer_costs_chargeable_from(date sent_on) const {
  return dutch_costs_chargeable_from(sent_on);
}

}  // namespace arrears
