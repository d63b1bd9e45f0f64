#pragma once
// The self-exciting repayment model after Chehrazi & Weber (Management Science, 2015): the
// debtor repays at a random intensity that reverts to a floor and jumps after each repayment.
// See docs/simulation.md.

#include <arrears/sim/parameter_problem.hpp>

#include <optional>

namespace arrears::sim {

/// The year the per-year parameters are converted to days with.
inline constexpr double days_per_year = 365;

/// The model's parameters. Rates and intensities are per year; the engine works in days and
/// converts with a 365-day year (hawkes_repayment_model).
///
/// Between repayments the intensity lambda(t) reverts exponentially to `lambda_inf`:
/// dlambda = kappa (lambda_inf - lambda) dt. A repayment pays a fraction r of the balance, r
/// uniform on [r_min, 1], and raises the intensity by delta10 + delta11 * r.
struct hawkes_parameters {
  double lambda_inf = 0;  ///< long-run intensity (repayments per year), at least 0
  double kappa = 0;       ///< speed of reversion to lambda_inf, per year, greater than 0
  double delta10 = 0;     ///< jump of the intensity after any repayment, at least 0
  double delta11 = 0;     ///< further jump per unit of repaid fraction, at least 0
  double r_min = 0;       ///< the smallest fraction of the balance one repayment pays, in [0, 1]
};

/// The first parameter outside its domain (all must be finite), or nothing.
[[nodiscard]] std::optional<parameter_problem> find_problem(const hawkes_parameters& model);

}  // namespace arrears::sim
