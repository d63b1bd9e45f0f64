// German default (Verzug, § 286 BGB). Germany has no notice that must precede costs.

#include <arrears/law/default_rules.hpp>
#include <arrears/law/germany.hpp>

namespace arrears {

default_result germany::default_starts(const default_request& request) const {
  return german_default_starts(request);
}

std::optional<fourteen_day_letter> germany::consumer_costs_notice(date) const {
  return std::nullopt;
}

std::optional<date> germany::default_first_day(const default_request& request) const {
  return german_default_first_day(request);
}

std::optional<date> germany::consumer_costs_chargeable_from(date) const { return std::nullopt; }

}  // namespace arrears
