#include <arrears/sim/hawkes_expectation.hpp>

#include <gtest/gtest.h>

#include "support/error_code_of.hpp"

#include <cmath>
#include <functional>

namespace {

using namespace arrears::sim;

constexpr hawkes_parameters paper_example{
    .lambda_inf = 0.1, .kappa = 0.7, .delta10 = 0.02, .delta11 = 0.5, .r_min = 0.1};

hawkes_scenario scenario_of(hawkes_parameters model, double lambda0, double discount_rate,
                            double horizon_years) {
  return {.model = model,
          .lambda0 = lambda0,
          .discount_rate = discount_rate,
          .horizon_days = horizon_years * days_per_year};
}

/// Composite Simpson's rule with `intervals` (even) intervals.
double simpson(const std::function<double(double)>& f, double from, double to, int intervals) {
  const double width = (to - from) / intervals;
  double sum = f(from) + f(to);
  for (int i = 1; i < intervals; ++i) sum += (i % 2 == 1 ? 4 : 2) * f(from + i * width);
  return sum * width / 3;
}

// Without jumps the count of repayments is Poisson with mean Lambda(t), each leaves a fraction
// 1 - r, so E[W_t] = E[1 - r]^N averaged = exp(-mean_r Lambda(t)), mean_r = (1 + r_min) / 2; at a
// constant intensity lambda everything is in closed form.
TEST(hawkes_expectation, constant_intensity_without_jumps_is_in_closed_form) {
  const hawkes_parameters no_jumps{
      .lambda_inf = 0.8, .kappa = 0.7, .delta10 = 0, .delta11 = 0, .r_min = 0.2};
  const double rate = 0.6 * 0.8;  // mean_r x lambda
  const double discount = 0.06;
  for (const double years : {0.5, 10.0, 100.0}) {
    const hawkes_expectation got = expected_collection(scenario_of(no_jumps, 0.8, discount, years));
    EXPECT_NEAR(got.npv_fraction,
                rate / (discount + rate) * (1 - std::exp(-(discount + rate) * years)), 1e-10);
    EXPECT_NEAR(got.recovery_rate, 1 - std::exp(-rate * years), 1e-10);
    EXPECT_NEAR(got.discounted_remaining, std::exp(-(discount + rate) * years), 1e-10);
  }
  EXPECT_NEAR(expected_npv_fraction_without_horizon(scenario_of(no_jumps, 0.8, discount, 1)),
              rate / (discount + rate), 1e-10);
}

TEST(hawkes_expectation, reverting_intensity_without_jumps_matches_the_poisson_formula) {
  const hawkes_parameters no_jumps{
      .lambda_inf = 0.1, .kappa = 0.7, .delta10 = 0, .delta11 = 0, .r_min = 0.1};
  const double discount = 0.06;
  const double years = 10;
  for (const double lambda0 : {0.0, 2.5}) {
    auto compensator = [&](double t) {
      return 0.1 * t + (lambda0 - 0.1) * (1 - std::exp(-0.7 * t)) / 0.7;
    };
    auto remaining = [&](double t) { return std::exp(-0.55 * compensator(t)); };
    const hawkes_expectation got =
        expected_collection(scenario_of(no_jumps, lambda0, discount, years));
    EXPECT_NEAR(got.recovery_rate, 1 - remaining(years), 1e-10);
    const double npv =
        1 - std::exp(-discount * years) * remaining(years) -
        simpson([&](double t) { return discount * std::exp(-discount * t) * remaining(t); }, 0,
                years, 2000);
    EXPECT_NEAR(got.npv_fraction, npv, 1e-10);
  }
}

// With r_min = 1 the first repayment pays everything, whatever the jumps: the value is that of
// the first event of the reverting intensity.
TEST(hawkes_expectation, full_repayment_is_the_first_event) {
  hawkes_parameters pay_all = paper_example;
  pay_all.r_min = 1;
  const double lambda0 = 1.5;
  const double discount = 0.06;
  const double years = 8;
  auto intensity = [&](double t) { return 0.1 + (lambda0 - 0.1) * std::exp(-0.7 * t); };
  auto no_event_yet = [&](double t) {
    return std::exp(-(0.1 * t + (lambda0 - 0.1) * (1 - std::exp(-0.7 * t)) / 0.7));
  };
  const hawkes_expectation got =
      expected_collection(scenario_of(pay_all, lambda0, discount, years));
  EXPECT_NEAR(got.recovery_rate, 1 - no_event_yet(years), 1e-10);
  EXPECT_NEAR(
      got.npv_fraction,
      simpson([&](double t) { return std::exp(-discount * t) * intensity(t) * no_event_yet(t); }, 0,
              years, 2000),
      1e-10);
}

// u(lambda) must solve the equation the generator gives (docs/simulation.md, step 2):
//   (rho + lambda) u(lambda) - kappa (lambda_inf - lambda) u'(lambda)
//     = lambda (E[r] + E[(1 - r) u(lambda + delta10 + delta11 r)]).
// The affine solution is derived differently (step 3), so this checks the derivation.
TEST(hawkes_expectation, value_solves_the_generator_equation_with_jumps) {
  const double discount = 0.06;
  auto u = [&](double lambda) {
    return expected_npv_fraction_without_horizon(scenario_of(paper_example, lambda, discount, 1));
  };
  const double r_min = paper_example.r_min;
  for (const double lambda : {0.2, 1.0, 4.0}) {
    const double step = 1e-4;
    const double slope = (u(lambda + step) - u(lambda - step)) / (2 * step);
    const double continuation =
        simpson(
            [&](double r) {
              return (1 - r) * u(lambda + paper_example.delta10 + paper_example.delta11 * r);
            },
            r_min, 1, 20) /
        (1 - r_min);
    const double left = (discount + lambda) * u(lambda) -
                        paper_example.kappa * (paper_example.lambda_inf - lambda) * slope;
    const double right = lambda * ((1 + r_min) / 2 + continuation);
    EXPECT_NEAR(left, right, 1e-8 * right) << "lambda " << lambda;
  }
}

TEST(hawkes_expectation, horizon_leaves_out_at_most_the_discounted_remainder) {
  for (const double lambda0 : {0.0, 1.0}) {
    const hawkes_expectation ten_years =
        expected_collection(scenario_of(paper_example, lambda0, 0.06, 10));
    const double without_horizon =
        expected_npv_fraction_without_horizon(scenario_of(paper_example, lambda0, 0.06, 10));
    EXPECT_GT(without_horizon, ten_years.npv_fraction);
    EXPECT_LE(without_horizon, ten_years.npv_fraction + ten_years.discounted_remaining);
  }
}

// The figure docs/simulation.md quotes for the command line example.
TEST(hawkes_expectation, paper_example_value) {
  const hawkes_expectation got = expected_collection(scenario_of(paper_example, 1.0, 0.06, 100));
  EXPECT_NEAR(got.npv_fraction, 0.7430762841, 1e-9);
  EXPECT_NEAR(got.recovery_rate, 0.9991645249, 1e-9);
  EXPECT_NEAR(got.discounted_remaining, 2.07e-6, 0.01e-6);
}

TEST(hawkes_expectation, value_without_horizon_needs_a_discount_or_a_floor) {
  hawkes_parameters no_floor = paper_example;
  no_floor.lambda_inf = 0;
  EXPECT_EQ(arrears::testing::failure_of([&] {
              (void)expected_npv_fraction_without_horizon(scenario_of(no_floor, 1.0, 0, 1));
            }),
            "invalid_argument: discount_rate: with lambda_inf = 0 the value without a horizon "
            "needs a discount rate greater than 0, got 0");
  EXPECT_EQ(arrears::testing::failure_of(
                [&] { (void)expected_collection(scenario_of(no_floor, -1.0, 0.06, 1)); }),
            "invalid_argument: lambda0: must be a finite number at least 0, got -1");
}

}  // namespace
