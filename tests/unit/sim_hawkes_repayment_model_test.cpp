#include <arrears/sim/hawkes_repayment_model.hpp>
#include <arrears/sim/random_stream.hpp>
#include <arrears/sim/running_statistics.hpp>

#include <gtest/gtest.h>

#include "support/error_code_of.hpp"

#include <cmath>

namespace {

using namespace arrears::sim;

// Per year; the model works per day.
constexpr hawkes_parameters paper_example{
    .lambda_inf = 0.1, .kappa = 0.7, .delta10 = 0.02, .delta11 = 0.5, .r_min = 0.1};

constexpr double per_day(double per_year) { return per_year / days_per_year; }

TEST(hawkes_repayment_model, converts_per_year_parameters_to_days) {
  const hawkes_repayment_model model(paper_example);
  EXPECT_DOUBLE_EQ(model.lambda_inf_per_day(), 0.1 / 365);
  EXPECT_DOUBLE_EQ(model.kappa_per_day(), 0.7 / 365);
  // e^(-0.7) of the excess over lambda_inf is left after a year.
  EXPECT_DOUBLE_EQ(model.intensity_after(per_day(1.1), 365), per_day(0.1 + std::exp(-0.7)));
  EXPECT_DOUBLE_EQ(model.intensity_after_repayment(per_day(1.0), 0.5),
                   per_day(1.0 + 0.02 + 0.5 * 0.5));
  EXPECT_DOUBLE_EQ(model.repayment_fraction(0.0), 0.1);
  EXPECT_DOUBLE_EQ(model.repayment_fraction(0.5), 0.55);
}

TEST(hawkes_repayment_model, refuses_bad_parameters) {
  hawkes_parameters bad = paper_example;
  bad.r_min = -0.1;
  EXPECT_EQ(arrears::testing::failure_of([&] { hawkes_repayment_model model(bad); }),
            "invalid_argument: r_min: must be between 0 and 1, got -0.1");
}

// The sampled delay is where the compensator reaches the exponential: above, below and at the
// floor, from a standing start, for small and large exponentials.
TEST(hawkes_repayment_model, delay_inverts_the_compensator) {
  const hawkes_repayment_model model(paper_example);
  for (const double intensity_per_year : {0.0, 0.05, 0.1, 1.0, 30.0})
    for (const double exponential : {1e-9, 0.01, 0.7, 3.0, 25.0}) {
      const double intensity = per_day(intensity_per_year);
      const double delay = model.delay_to_next_repayment(intensity, exponential);
      ASSERT_TRUE(std::isfinite(delay));
      EXPECT_NEAR(model.compensator(intensity, delay), exponential, 1e-14 * exponential)
          << "intensity " << intensity_per_year << " per year, E = " << exponential;
    }
}

TEST(hawkes_repayment_model, without_a_floor_the_debtor_may_stop_paying) {
  hawkes_parameters no_floor = paper_example;
  no_floor.lambda_inf = 0;
  const hawkes_repayment_model model(no_floor);
  const double intensity = per_day(1.4);  // total compensator 1.4 / 0.7 = 2
  EXPECT_TRUE(std::isinf(model.delay_to_next_repayment(intensity, 2.0)));
  EXPECT_TRUE(std::isinf(model.delay_to_next_repayment(intensity, 5.0)));
  EXPECT_TRUE(std::isinf(model.delay_to_next_repayment(0.0, 0.1)));
  const double delay = model.delay_to_next_repayment(intensity, 1.0);
  // (2)(1 - e^(-kappa t)) = 1: t = ln 2 / kappa.
  EXPECT_NEAR(delay, std::log(2.0) / per_day(0.7), 1e-9);
}

// P(delay > t) = e^(-compensator(t)): checked at several t against the binomial spread.
TEST(hawkes_repayment_model, delay_has_the_models_survival_function) {
  const hawkes_repayment_model model(paper_example);
  for (const double intensity_per_year : {0.02, 2.0}) {
    const double intensity = per_day(intensity_per_year);
    constexpr int draws = 20000;
    for (const double days : {30.0, 365.0, 3650.0}) {
      random_stream stream(11, 0, random_purpose::repayment_timing);
      int later = 0;
      for (int i = 0; i < draws; ++i)
        later += model.delay_to_next_repayment(intensity, stream.next_unit_exponential()) > days;
      const double expected = std::exp(-model.compensator(intensity, days));
      const double four_standard_errors = 4 * std::sqrt(expected * (1 - expected) / draws);
      EXPECT_NEAR(static_cast<double>(later) / draws, expected, four_standard_errors + 1e-9)
          << "intensity " << intensity_per_year << " per year, " << days << " days";
    }
  }
}

// With no jumps repayments are a Poisson process whose mean count over [0, T] is the
// compensator; chaining the sampler from event to event must reproduce it.
TEST(hawkes_repayment_model, mean_repayment_count_is_the_compensator_without_jumps) {
  hawkes_parameters no_jumps = paper_example;
  no_jumps.delta10 = 0;
  no_jumps.delta11 = 0;
  const hawkes_repayment_model model(no_jumps);
  constexpr double horizon = 3 * 365;
  for (const double start_per_year : {0.0, 3.0}) {
    running_statistics count;
    for (std::uint64_t path = 0; path < 4000; ++path) {
      random_stream stream(5, path, random_purpose::repayment_timing);
      double intensity = per_day(start_per_year);
      double day = 0;
      int events = 0;
      for (;;) {
        const double delay =
            model.delay_to_next_repayment(intensity, stream.next_unit_exponential());
        if (day + delay > horizon) break;
        day += delay;
        intensity = model.intensity_after(intensity, delay);
        ++events;
      }
      count.add(events);
    }
    const double expected = model.compensator(per_day(start_per_year), horizon);
    // Poisson: variance = mean.
    EXPECT_NEAR(count.mean(), expected, 4 * std::sqrt(expected / 4000))
        << "start " << start_per_year << " per year";
    EXPECT_NEAR(count.sample_variance(), expected, 0.15 * expected);
  }
}

}  // namespace
