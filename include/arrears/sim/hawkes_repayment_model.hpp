#pragma once
// The hawkes repayment model in the engine's unit of time, the day: the intensity between
// repayments, exact sampling of the next repayment, the repaid fraction and the jump.

#include <arrears/sim/hawkes_parameters.hpp>

namespace arrears::sim {

/// hawkes_parameters with every rate divided by days_per_year. Immutable; share it between
/// threads. All functions take and return intensities in repayments per day.
class hawkes_repayment_model {
 public:
  /// Throws error{errc::invalid_argument} naming the first bad parameter.
  explicit hawkes_repayment_model(const hawkes_parameters& per_year);

  /// The intensity `days` after it was `intensity`, with no repayment in between:
  /// lambda_inf + (intensity - lambda_inf) e^(-kappa days).
  [[nodiscard]] double intensity_after(double intensity, double days) const noexcept;

  /// The compensator: the expected number of repayments in the next `days` if the intensity
  /// did not jump, i.e. the integral of intensity_after(intensity, s) over s in [0, days].
  [[nodiscard]] double compensator(double intensity, double days) const noexcept;

  /// The delay until the next repayment, given a unit exponential E: the t with
  /// compensator(intensity, t) = E, which makes the delay exactly distributed as the model's
  /// (P(delay > t) = e^-compensator(intensity, t)). Infinity when the compensator never reaches
  /// E: with lambda_inf = 0 it is bounded by intensity / kappa, and the debtor may stop paying.
  [[nodiscard]] double delay_to_next_repayment(double intensity,
                                               double unit_exponential) const noexcept;

  /// The repaid fraction of the balance for a uniform u in [0, 1): r_min + (1 - r_min) u.
  [[nodiscard]] double repayment_fraction(double uniform) const noexcept;

  /// The intensity just after a repayment of `fraction` of the balance:
  /// intensity + delta10 + delta11 fraction.
  [[nodiscard]] double intensity_after_repayment(double intensity, double fraction) const noexcept;

  [[nodiscard]] double lambda_inf_per_day() const noexcept { return lambda_inf_; }
  [[nodiscard]] double kappa_per_day() const noexcept { return kappa_; }

 private:
  double lambda_inf_ = 0;
  double kappa_ = 0;
  double delta10_ = 0;
  double delta11_ = 0;
  double r_min_ = 0;
};

}  // namespace arrears::sim
