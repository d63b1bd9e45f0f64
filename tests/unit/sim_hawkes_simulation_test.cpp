#include <arrears/sim/hawkes_expectation.hpp>
#include <arrears/sim/hawkes_simulation.hpp>

#include <gtest/gtest.h>

#include "support/error_code_of.hpp"

namespace {

using namespace arrears::sim;

hawkes_simulation_settings paper_example(double lambda0, std::uint64_t cases) {
  hawkes_simulation_settings settings;
  settings.scenario.model = {
      .lambda_inf = 0.1, .kappa = 0.7, .delta10 = 0.02, .delta11 = 0.5, .r_min = 0.1};
  settings.scenario.lambda0 = lambda0;
  settings.scenario.discount_rate = 0.06;
  settings.cases = cases;
  return settings;
}

void expect_identical(const estimate& a, const estimate& b) {
  EXPECT_EQ(a.mean, b.mean);
  EXPECT_EQ(a.ci95_low, b.ci95_low);
  EXPECT_EQ(a.ci95_high, b.ci95_high);
}

/// The semi-analytic values lie inside the simulation's 95 % intervals.
void expect_within_intervals(const hawkes_expectation& expected,
                             const hawkes_simulation_result& simulated) {
  EXPECT_GE(expected.npv_fraction, simulated.npv_fraction.ci95_low);
  EXPECT_LE(expected.npv_fraction, simulated.npv_fraction.ci95_high);
  EXPECT_GE(expected.recovery_rate, simulated.recovery_rate.ci95_low);
  EXPECT_LE(expected.recovery_rate, simulated.recovery_rate.ci95_high);
}

// 2500 cases: two full blocks and a partial one, so the threads share unequal work.
TEST(hawkes_simulation, same_seed_gives_the_same_figures_on_any_number_of_threads) {
  hawkes_simulation_settings settings = paper_example(1.0, 2500);
  settings.threads = 1;
  const hawkes_simulation_result one = simulate_hawkes(settings);
  for (const std::uint64_t threads : {2u, 3u, 0u}) {
    settings.threads = threads;
    const hawkes_simulation_result more = simulate_hawkes(settings);
    expect_identical(more.npv_fraction, one.npv_fraction);
    expect_identical(more.recovery_rate, one.recovery_rate);
    expect_identical(more.repayments_per_case, one.repayments_per_case);
  }
  EXPECT_EQ(one.cases, 2500u);
  settings.seed = 2;
  EXPECT_NE(simulate_hawkes(settings).npv_fraction.mean, one.npv_fraction.mean);
}

// The validation the issue asks for: with no actions the simulated npv and recovery agree with
// the semi-analytic values within their 95 % intervals, for several starting intensities. The
// seed is fixed, so each check passes or fails the same way every run.
class hawkes_simulation_agrees : public ::testing::TestWithParam<double> {};

TEST_P(hawkes_simulation_agrees, with_the_semi_analytic_value) {
  hawkes_simulation_settings settings = paper_example(GetParam(), 20000);
  settings.threads = 2;
  const hawkes_simulation_result simulated = simulate_hawkes(settings);
  expect_within_intervals(expected_collection(settings.scenario), simulated);
  // An interval that wide would hold almost anything.
  EXPECT_LT(simulated.npv_fraction.ci95_high - simulated.npv_fraction.ci95_low, 0.02);
}

INSTANTIATE_TEST_SUITE_P(starting_intensities, hawkes_simulation_agrees,
                         ::testing::Values(0.0, 0.3, 1.0, 3.0));

// Without a floor the debtor may stop paying for good: a different regime of the sampler.
TEST(hawkes_simulation, agrees_without_a_floor_and_a_short_horizon) {
  hawkes_simulation_settings settings = paper_example(2.0, 20000);
  settings.scenario.model.lambda_inf = 0;
  settings.scenario.horizon_days = 730;
  settings.threads = 2;
  const hawkes_simulation_result simulated = simulate_hawkes(settings);
  expect_within_intervals(expected_collection(settings.scenario), simulated);
}

TEST(hawkes_simulation, refuses_bad_settings_before_simulating) {
  hawkes_simulation_settings settings = paper_example(1.0, 1);
  EXPECT_EQ(arrears::testing::failure_of([&] { (void)simulate_hawkes(settings); }),
            "invalid_argument: cases: must be at least 2 for a confidence interval, got 1");
}

}  // namespace
