#include <arrears/sim/running_statistics.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace {

using arrears::sim::estimate_mean;
using arrears::sim::running_statistics;

TEST(running_statistics, gives_the_two_pass_mean_and_sample_variance) {
  const std::vector<double> values{2, 4, 4, 4, 5, 5, 7, 9};
  running_statistics sample;
  for (const double value : values) sample.add(value);
  EXPECT_EQ(sample.count(), 8u);
  EXPECT_DOUBLE_EQ(sample.mean(), 5.0);
  EXPECT_DOUBLE_EQ(sample.sample_variance(), 32.0 / 7);
}

TEST(running_statistics, merging_parts_equals_adding_everything) {
  running_statistics whole;
  running_statistics first;
  running_statistics second;
  running_statistics empty;
  for (int i = 0; i < 100; ++i) {
    const double value = std::sin(i) * 10 + i * 0.01;
    whole.add(value);
    (i < 37 ? first : second).add(value);
  }
  first.merge(empty);
  empty.merge(first);
  empty.merge(second);
  EXPECT_EQ(empty.count(), whole.count());
  EXPECT_NEAR(empty.mean(), whole.mean(), 1e-12);
  EXPECT_NEAR(empty.sample_variance(), whole.sample_variance(), 1e-12);
}

TEST(running_statistics, interval_is_the_mean_plus_minus_1_96_standard_errors) {
  running_statistics sample;
  for (const double value : {1.0, 2.0, 3.0, 4.0}) sample.add(value);
  const auto estimate = estimate_mean(sample);
  const double standard_error = std::sqrt((5.0 / 3) / 4);
  EXPECT_DOUBLE_EQ(estimate.mean, 2.5);
  EXPECT_DOUBLE_EQ(estimate.standard_error, standard_error);
  EXPECT_DOUBLE_EQ(estimate.ci95_low, 2.5 - 1.959963984540054 * standard_error);
  EXPECT_DOUBLE_EQ(estimate.ci95_high, 2.5 + 1.959963984540054 * standard_error);
}

}  // namespace
