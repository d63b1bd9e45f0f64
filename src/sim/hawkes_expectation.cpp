// The expected collection from the exponential-affine transform of the remaining balance; the
// derivation is in docs/simulation.md ("The semi-analytic value").

#include <arrears/core/error.hpp>
#include <arrears/sim/hawkes_expectation.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <utility>

namespace arrears::sim {
namespace {

/// theta(b) = E[(1 - r) e^(b (delta10 + delta11 r))], r uniform on [r_min, 1], in closed form:
/// with L = 1 - r_min, c = b delta11 and x = c L,
///   theta(b) = e^(b delta10) L e^c phi(x),   phi(x) = integral of v e^(-x v) over v in [0, 1]
///            = e^(b delta10) L (e^c - e^(c r_min) (1 + x)) / x^2,
/// and by phi's Taylor series sum (-x)^k / (k! (k + 2)) where that difference cancels.
double jump_transform(const hawkes_parameters& model, double b) {
  const double width = 1 - model.r_min;
  if (width == 0) return 0;  // r = 1: nothing is left after a repayment
  const double c = b * model.delta11;
  const double x = c * width;
  double scaled_phi = 0;  // e^c phi(x)
  if (std::abs(x) < 0.5) {
    double phi = 0;
    double power_over_factorial = 1;  // (-x)^k / k!
    for (int k = 0; k < 24; ++k) {
      phi += power_over_factorial / (k + 2);
      power_over_factorial *= -x / (k + 1);
    }
    scaled_phi = std::exp(c) * phi;
  } else {
    scaled_phi = (std::exp(c) - std::exp(c * model.r_min) * (1 + x)) / (x * x);
  }
  return std::exp(b * model.delta10) * width * scaled_phi;
}

/// (beta, alpha, I): E[W_t] = exp(alpha(t) + beta(t) lambda0) and
/// I(t) = integral of rho e^(-rho s) E[W_s] over s in [0, t]; t in years.
using affine_state = std::array<double, 3>;

struct affine_solution {
  double years = 0;
  affine_state state{};
  /// E[W_t]
  [[nodiscard]] double remaining(double lambda0) const {
    return std::exp(state[1] + state[0] * lambda0);
  }
};

affine_state derivative(const hawkes_scenario& scenario, double years, const affine_state& y) {
  const hawkes_parameters& model = scenario.model;
  const double beta = y[0];
  const double alpha = y[1];
  return {-model.kappa * beta + jump_transform(model, beta) - 1,
          model.kappa * model.lambda_inf * beta,
          scenario.discount_rate *
              std::exp(-scenario.discount_rate * years + alpha + beta * scenario.lambda0)};
}

constexpr double tolerance = 1e-12;
constexpr long max_steps = 10'000'000;

/// Integrates from t = 0, y = 0 with the Dormand-Prince 5(4) pair (local extrapolation: the
/// fifth-order solution is kept, the embedded fourth-order one estimates the error) until
/// `end_years` or, if `stop_when_negligible`, until e^(-rho t) E[W_t] <= 1e-14.
affine_solution integrate(const hawkes_scenario& scenario, double end_years,
                          bool stop_when_negligible) {
  static constexpr double c2 = 1.0 / 5, c3 = 3.0 / 10, c4 = 4.0 / 5, c5 = 8.0 / 9;
  static constexpr double a21 = 1.0 / 5;
  static constexpr double a31 = 3.0 / 40, a32 = 9.0 / 40;
  static constexpr double a41 = 44.0 / 45, a42 = -56.0 / 15, a43 = 32.0 / 9;
  static constexpr double a51 = 19372.0 / 6561, a52 = -25360.0 / 2187, a53 = 64448.0 / 6561,
                          a54 = -212.0 / 729;
  static constexpr double a61 = 9017.0 / 3168, a62 = -355.0 / 33, a63 = 46732.0 / 5247,
                          a64 = 49.0 / 176, a65 = -5103.0 / 18656;
  static constexpr double b1 = 35.0 / 384, b3 = 500.0 / 1113, b4 = 125.0 / 192, b5 = -2187.0 / 6784,
                          b6 = 11.0 / 84;
  // fifth-order weights minus the embedded fourth-order ones
  static constexpr double e1 = 71.0 / 57600, e3 = -71.0 / 16695, e4 = 71.0 / 1920,
                          e5 = -17253.0 / 339200, e6 = 22.0 / 525, e7 = -1.0 / 40;

  affine_solution at;
  double step = std::min(1e-3, end_years);
  const double lambda0 = scenario.lambda0;
  for (long steps = 0; at.years < end_years; ++steps) {
    if (stop_when_negligible &&
        std::exp(-scenario.discount_rate * at.years) * at.remaining(lambda0) <= 1e-14)
      break;
    if (steps == max_steps)
      throw error(errc::invalid_argument,
                  "kappa: the expected value needs more than 10,000,000 integration steps over "
                  "the horizon; kappa x horizon is too large");
    const bool last_step = step >= end_years - at.years;
    if (last_step) step = end_years - at.years;
    const double t = at.years;
    const affine_state& y = at.state;
    auto combine = [&](std::initializer_list<std::pair<double, const affine_state*>> terms) {
      affine_state out = y;
      for (const auto& [weight, k] : terms)
        for (std::size_t i = 0; i < out.size(); ++i) out[i] += step * weight * (*k)[i];
      return out;
    };
    const affine_state k1 = derivative(scenario, t, y);
    const affine_state k2 = derivative(scenario, t + c2 * step, combine({{a21, &k1}}));
    const affine_state k3 = derivative(scenario, t + c3 * step, combine({{a31, &k1}, {a32, &k2}}));
    const affine_state k4 =
        derivative(scenario, t + c4 * step, combine({{a41, &k1}, {a42, &k2}, {a43, &k3}}));
    const affine_state k5 = derivative(scenario, t + c5 * step,
                                       combine({{a51, &k1}, {a52, &k2}, {a53, &k3}, {a54, &k4}}));
    const affine_state k6 = derivative(
        scenario, t + step, combine({{a61, &k1}, {a62, &k2}, {a63, &k3}, {a64, &k4}, {a65, &k5}}));
    const affine_state next = combine({{b1, &k1}, {b3, &k3}, {b4, &k4}, {b5, &k5}, {b6, &k6}});
    const affine_state k7 = derivative(scenario, t + step, next);

    double error_ratio = 0;  // the largest local error over its allowance
    for (std::size_t i = 0; i < next.size(); ++i) {
      const double local_error =
          step * (e1 * k1[i] + e3 * k3[i] + e4 * k4[i] + e5 * k5[i] + e6 * k6[i] + e7 * k7[i]);
      const double allowance = tolerance * (1 + std::max(std::abs(y[i]), std::abs(next[i])));
      error_ratio = std::max(error_ratio, std::abs(local_error) / allowance);
    }
    // The usual controller: aim at 0.9 of the allowance, grow at most 5x, shrink at most 5x.
    const double factor =
        error_ratio == 0 ? 5.0 : std::clamp(0.9 * std::pow(error_ratio, -0.2), 0.2, 5.0);
    if (error_ratio <= 1) {
      at.years = last_step ? end_years : t + step;  // land on the end exactly
      at.state = next;
    }
    step *= factor;
  }
  return at;
}

}  // namespace

hawkes_expectation expected_collection(const hawkes_scenario& scenario) {
  validate(scenario);
  const double horizon_years = scenario.horizon_days / days_per_year;
  const affine_solution end = integrate(scenario, horizon_years, false);
  const double remaining = end.remaining(scenario.lambda0);
  const double discounted_remaining = std::exp(-scenario.discount_rate * horizon_years) * remaining;
  // The integral of e^(-rho t) dC over [0, T] is 1 - e^(-rho T) W_T - rho * integral of
  // e^(-rho t) W_t (by parts, C = 1 - W); its expectation follows from E[W_t].
  return {.npv_fraction = 1 - discounted_remaining - end.state[2],
          .recovery_rate = 1 - remaining,
          .discounted_remaining = discounted_remaining};
}

double expected_npv_fraction_without_horizon(const hawkes_scenario& scenario) {
  validate(scenario);
  if (scenario.discount_rate == 0 && scenario.model.lambda_inf == 0)
    throw error(errc::invalid_argument,
                "discount_rate: with lambda_inf = 0 the value without a horizon needs a discount "
                "rate greater than 0, got 0");
  const affine_solution end = integrate(scenario, std::numeric_limits<double>::infinity(), true);
  const double discounted_remaining =
      std::exp(-scenario.discount_rate * end.years) * end.remaining(scenario.lambda0);
  return 1 - discounted_remaining - end.state[2];
}

}  // namespace arrears::sim
