#include <arrears/sim/hawkes_parameters.hpp>
#include <arrears/sim/hawkes_scenario.hpp>
#include <arrears/sim/hawkes_simulation.hpp>

#include <gtest/gtest.h>

#include "support/error_code_of.hpp"

#include <functional>
#include <limits>
#include <string>

namespace {

using namespace arrears::sim;

hawkes_simulation_settings valid_settings() {
  hawkes_simulation_settings settings;
  settings.scenario.model = {
      .lambda_inf = 0.1, .kappa = 0.7, .delta10 = 0.02, .delta11 = 0.5, .r_min = 0.1};
  settings.scenario.lambda0 = 1.0;
  settings.scenario.discount_rate = 0.06;
  return settings;
}

struct bad_setting {
  std::function<void(hawkes_simulation_settings&)> spoil;
  std::string expected;  // "parameter: message"
};

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr double infinity = std::numeric_limits<double>::infinity();

TEST(hawkes_parameters, valid_settings_have_no_problem) {
  EXPECT_FALSE(find_problem(valid_settings()).has_value());
  hawkes_simulation_settings edges = valid_settings();
  edges.scenario.model = {.lambda_inf = 0, .kappa = 1e-9, .delta10 = 0, .delta11 = 0, .r_min = 1};
  edges.scenario.lambda0 = 0;
  edges.scenario.discount_rate = 0;
  edges.cases = 2;
  edges.threads = 1024;
  EXPECT_FALSE(find_problem(edges).has_value());
}

TEST(hawkes_parameters, each_bad_value_is_named_with_what_was_expected) {
  const bad_setting table[] = {
      {[](auto& s) { s.scenario.model.lambda_inf = -0.1; },
       "lambda_inf: must be a finite number at least 0, got -0.1"},
      {[](auto& s) { s.scenario.model.lambda_inf = infinity; },
       "lambda_inf: must be a finite number at least 0, got inf"},
      {[](auto& s) { s.scenario.model.kappa = 0; },
       "kappa: must be a finite number greater than 0, got 0"},
      {[](auto& s) { s.scenario.model.delta10 = nan; },
       "delta10: must be a finite number at least 0, got nan"},
      {[](auto& s) { s.scenario.model.delta11 = -2; },
       "delta11: must be a finite number at least 0, got -2"},
      {[](auto& s) { s.scenario.model.r_min = 1.5; }, "r_min: must be between 0 and 1, got 1.5"},
      {[](auto& s) { s.scenario.model.r_min = nan; }, "r_min: must be between 0 and 1, got nan"},
      {[](auto& s) { s.scenario.lambda0 = -1; },
       "lambda0: must be a finite number at least 0, got -1"},
      {[](auto& s) { s.scenario.discount_rate = -0.06; },
       "discount_rate: must be a finite number at least 0, got -0.06"},
      {[](auto& s) { s.scenario.horizon_days = 0; },
       "horizon_days: must be a finite number greater than 0, got 0"},
      {[](auto& s) { s.balance = arrears::money(0, s.balance.currency()); },
       "balance: must be greater than 0 and at most 2^53 minor units, got 0.00 EUR"},
      {[](auto& s) {
         s.balance = arrears::money((std::int64_t{1} << 53) + 1, s.balance.currency());
       },
       "balance: must be greater than 0 and at most 2^53 minor units, got 90071992547409.93 EUR"},
      {[](auto& s) { s.cases = 1; }, "cases: must be at least 2 for a confidence interval, got 1"},
      {[](auto& s) { s.threads = 1025; },
       "threads: must be at most 1024 (0: one per core), got 1025"},
  };
  for (const auto& [spoil, expected] : table) {
    hawkes_simulation_settings settings = valid_settings();
    spoil(settings);
    const auto problem = find_problem(settings);
    ASSERT_TRUE(problem.has_value()) << expected;
    EXPECT_EQ(problem->parameter + ": " + problem->message, expected);
    EXPECT_EQ(arrears::testing::failure_of([&] { validate(settings); }),
              "invalid_argument: " + expected);
  }
}

TEST(hawkes_parameters, the_model_alone_is_checked_too) {
  hawkes_parameters model{.lambda_inf = 0.1, .kappa = -0.7, .delta10 = 0, .delta11 = 0, .r_min = 0};
  EXPECT_EQ(arrears::testing::failure_of([&] { validate(model); }),
            "invalid_argument: kappa: must be a finite number greater than 0, got -0.7");
}

}  // namespace
