#pragma once
// Monte Carlo simulation of many cases under the hawkes repayment model with no actions: the
// metrics with 95 % confidence intervals, on all cores, the same figures whatever the number of
// threads.

#include <arrears/core/currency.hpp>
#include <arrears/core/money.hpp>
#include <arrears/sim/hawkes_scenario.hpp>
#include <arrears/sim/parameter_problem.hpp>
#include <arrears/sim/running_statistics.hpp>

#include <cstdint>
#include <optional>

namespace arrears::sim {

/// A scenario and how to simulate it.
struct hawkes_simulation_settings {
  hawkes_scenario scenario;
  /// Every case starts owing this; positive, at most 2^53 minor units. Repayments are whole
  /// minor units of it (hawkes_case.hpp), so it only matters through that rounding.
  money balance{100'000, currency::from_code("EUR")};
  std::uint64_t cases = 100'000;  ///< at least 2, for a confidence interval
  std::uint64_t seed = 1;         ///< with the case index, decides every random number
  std::uint64_t threads = 0;      ///< at most 1024; 0: one per core
};

/// The first parameter outside its domain (the scenario's included), or nothing.
[[nodiscard]] std::optional<parameter_problem> find_problem(
    const hawkes_simulation_settings& settings);

/// Per-case means over the simulated cases.
struct hawkes_simulation_result {
  std::uint64_t cases = 0;
  estimate npv_fraction;         ///< discounted amount repaid / balance
  estimate recovery_rate;        ///< amount repaid up to the horizon / balance
  estimate repayments_per_case;  ///< how many repayments up to the horizon
};

/// Simulates settings.cases cases, case i with the random streams of (seed, i). Cases are
/// summed in blocks of a fixed size and the blocks merged in case order, so the result is
/// bit for bit the same for any number of threads. Throws error{errc::invalid_argument} naming
/// the first bad parameter.
[[nodiscard]] hawkes_simulation_result simulate_hawkes(const hawkes_simulation_settings& settings);

}  // namespace arrears::sim
