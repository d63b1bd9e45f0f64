#pragma once
// The expected collection of a case under the hawkes repayment model with no actions, from the
// model's affine structure (docs/simulation.md derives it): the figures the Monte Carlo
// simulation must agree with.

#include <arrears/sim/hawkes_parameters.hpp>
#include <arrears/sim/hawkes_scenario.hpp>

namespace arrears::sim {

/// Fractions of the starting balance, each an expectation over the model.
struct hawkes_expectation {
  /// E[sum over repayments up to the horizon of e^(-discount t) x amount] / balance.
  double npv_fraction = 0;
  /// E[amount repaid up to the horizon] / balance.
  double recovery_rate = 0;
  /// e^(-discount T) x E[balance left at the horizon T] / balance: an upper bound on what the
  /// repayments after the horizon add to npv_fraction.
  double discounted_remaining = 0;
};

/// The expectations over [0, scenario.horizon_days]. The model's exponential-affine transform
/// E[W_t] = exp(alpha(t) + beta(t) lambda0) is integrated with an adaptive Dormand-Prince 5(4)
/// method (relative and absolute tolerance 1e-12); the results are accurate to about 1e-10.
/// Throws error{errc::invalid_argument} naming the first bad parameter.
[[nodiscard]] hawkes_expectation expected_collection(const hawkes_scenario& scenario);

/// u(lambda0): the expected discounted fraction collected with no horizon at all, the value of
/// the account in Chehrazi & Weber's sense; integrates until what is left is below 1e-14.
/// Needs discount_rate > 0 or model.lambda_inf > 0 (otherwise throws
/// error{errc::invalid_argument}); the horizon_days of the scenario is ignored.
[[nodiscard]] double expected_npv_fraction_without_horizon(const hawkes_scenario& scenario);

}  // namespace arrears::sim
