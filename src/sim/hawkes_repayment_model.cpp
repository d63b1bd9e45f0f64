#include <arrears/sim/hawkes_repayment_model.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>

namespace arrears::sim {

hawkes_repayment_model::hawkes_repayment_model(const hawkes_parameters& per_year) {
  validate(per_year);
  lambda_inf_ = per_year.lambda_inf / days_per_year;
  kappa_ = per_year.kappa / days_per_year;
  delta10_ = per_year.delta10 / days_per_year;
  delta11_ = per_year.delta11 / days_per_year;
  r_min_ = per_year.r_min;
}

namespace {

/// 1 / (j + 2)! for j = 0..15: the Taylor coefficients of (x + e^(-x) - 1) / x^2 in -x.
constexpr std::array<double, 16> series_coefficients = [] {
  std::array<double, 16> out{};
  double factorial = 2;
  for (std::size_t j = 0; j < out.size(); ++j) {
    out[j] = 1 / factorial;
    factorial *= static_cast<double>(j + 3);
  }
  return out;
}();

/// How the intensity has moved `x = kappa t` after it was set: e^(-x) - 1 and x + e^(-x) - 1,
/// both without cancellation. Below 0.5 the second comes from its Taylor series (16 terms,
/// exact to the last place) and the first is it minus x; from 0.5 on, from exp. Neither needs
/// expm1, which costs several times exp in glibc and was most of the sampler's time.
struct decay {
  double minus_one;         ///< e^(-x) - 1, in (-1, 0]
  double x_plus_minus_one;  ///< x + e^(-x) - 1, >= 0

  explicit decay(double x) noexcept {
    if (x >= 0.5) {
      minus_one = std::exp(-x) - 1;
      x_plus_minus_one = x + minus_one;
      return;
    }
    double sum = series_coefficients.back();
    for (std::size_t j = series_coefficients.size() - 1; j-- > 0;)
      sum = sum * -x + series_coefficients[j];
    x_plus_minus_one = x * x * sum;
    minus_one = x_plus_minus_one - x;
  }
};

// Each quantity is a sum of non-negative terms, lambda carried by e^(-x) and lambda_inf by
// 1 - e^(-x), so that no subtraction cancels when lambda is below lambda_inf or kappa t is
// small: the sampled delays are accurate to a few units in the last place.

/// lambda_inf + (intensity - lambda_inf) e^(-x).
double intensity_with(double intensity, double lambda_inf, const decay& after) noexcept {
  return intensity * (1 + after.minus_one) - lambda_inf * after.minus_one;
}

/// (intensity (1 - e^(-x)) + lambda_inf (x - 1 + e^(-x))) / kappa.
double compensator_with(double intensity, double lambda_inf, double kappa,
                        const decay& after) noexcept {
  return (-intensity * after.minus_one + lambda_inf * after.x_plus_minus_one) / kappa;
}

}  // namespace

double hawkes_repayment_model::intensity_after(double intensity, double days) const noexcept {
  return intensity_with(intensity, lambda_inf_, decay(kappa_ * days));
}

double hawkes_repayment_model::compensator(double intensity, double days) const noexcept {
  return compensator_with(intensity, lambda_inf_, kappa_, decay(kappa_ * days));
}

double hawkes_repayment_model::delay_to_next_repayment(double intensity,
                                                       double unit_exponential) const noexcept {
  if (lambda_inf_ == 0) {
    // The compensator is (intensity / kappa) (1 - e^(-kappa t)): inverted in closed form, and
    // bounded, so with probability e^(-intensity / kappa) there is no further repayment.
    const double total = intensity / kappa_;
    if (!(unit_exponential < total)) return std::numeric_limits<double>::infinity();
    return -std::log1p(-unit_exponential / total) / kappa_;
  }
  if (!(unit_exponential > 0)) return 0;
  // Newton's method on f(t) = compensator(t) - E. f' = intensity_after(t) > 0 for t > 0, and f
  // is concave when the intensity starts above lambda_inf and convex when below, so from
  // t0 = E / max(intensity, lambda_inf), which is never past the root, the iterates approach
  // the root monotonically (from the first step on, in the convex case) and quadratically:
  // about 4 iterations on average for the example in docs/simulation.md.
  double delay = unit_exponential / std::max(intensity, lambda_inf_);
  for (int iteration = 0; iteration < 100; ++iteration) {
    const decay after(kappa_ * delay);
    const double step =
        (compensator_with(intensity, lambda_inf_, kappa_, after) - unit_exponential) /
        intensity_with(intensity, lambda_inf_, after);
    delay -= step;
    if (std::abs(step) <= 1e-14 * delay) break;
  }
  return delay;
}

double hawkes_repayment_model::repayment_fraction(double uniform) const noexcept {
  return r_min_ + (1 - r_min_) * uniform;
}

double hawkes_repayment_model::intensity_after_repayment(double intensity,
                                                         double fraction) const noexcept {
  return intensity + delta10_ + delta11_ * fraction;
}

}  // namespace arrears::sim
