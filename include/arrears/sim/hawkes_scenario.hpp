#pragma once
// A debtor under the hawkes repayment model, valued over a horizon: what both the Monte Carlo
// simulation and the semi-analytic value take.

#include <arrears/sim/hawkes_parameters.hpp>
#include <arrears/sim/parameter_problem.hpp>

#include <optional>

namespace arrears::sim {

/// 100 years. With lambda_inf > 0 a debtor keeps repaying for ever, so a simulated case needs
/// an end; hawkes_expectation::discounted_remaining bounds what a horizon leaves out (for the
/// example in docs/simulation.md, 3e-5 of the balance).
inline constexpr double default_horizon_days = 36'500;

/// One starting intensity of the model, a discount rate and a horizon.
struct hawkes_scenario {
  hawkes_parameters model;
  double lambda0 = 0;                          ///< intensity at the start, per year, at least 0
  double discount_rate = 0;                    ///< continuously compounded, per year, at least 0
  double horizon_days = default_horizon_days;  ///< repayments after this day are not counted
};

/// The first parameter outside its domain (the model's included), or nothing. The horizon must
/// be greater than 0 and finite.
[[nodiscard]] std::optional<parameter_problem> find_problem(const hawkes_scenario& scenario);

}  // namespace arrears::sim
