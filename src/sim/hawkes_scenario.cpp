#include <arrears/sim/hawkes_scenario.hpp>

#include "parameter_checks.hpp"

namespace arrears::sim {

std::optional<parameter_problem> find_problem(const hawkes_scenario& scenario) {
  if (auto model_problem = find_problem(scenario.model)) return model_problem;
  return detail::first_problem({detail::at_least_zero("lambda0", scenario.lambda0),
                                detail::at_least_zero("discount_rate", scenario.discount_rate),
                                detail::greater_than_zero("horizon_days", scenario.horizon_days)});
}

}  // namespace arrears::sim
