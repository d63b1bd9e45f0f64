#include <arrears/sim/hawkes_parameters.hpp>

#include "parameter_checks.hpp"

namespace arrears::sim {

std::optional<parameter_problem> find_problem(const hawkes_parameters& model) {
  return detail::first_problem({detail::at_least_zero("lambda_inf", model.lambda_inf),
                                detail::greater_than_zero("kappa", model.kappa),
                                detail::at_least_zero("delta10", model.delta10),
                                detail::at_least_zero("delta11", model.delta11),
                                detail::between_zero_and_one("r_min", model.r_min)});
}

}  // namespace arrears::sim
