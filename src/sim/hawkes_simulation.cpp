#include <arrears/sim/hawkes_case.hpp>
#include <arrears/sim/hawkes_repayment_model.hpp>
#include <arrears/sim/hawkes_simulation.hpp>

#include "case_blocks.hpp"

#include <cmath>
#include <string>

namespace arrears::sim {
namespace {

/// Balances up to 2^53 minor units are exact in a double, which repayment_minor_units needs.
constexpr std::int64_t max_balance_minor_units = std::int64_t{1} << 53;
constexpr std::uint64_t max_threads = 1024;

/// The per-case figures of one block of cases.
struct block_tally {
  running_statistics npv_fraction;
  running_statistics recovery_rate;
  running_statistics repayments;

  void merge(const block_tally& later) noexcept {
    npv_fraction.merge(later.npv_fraction);
    recovery_rate.merge(later.recovery_rate);
    repayments.merge(later.repayments);
  }
};

}  // namespace

std::optional<parameter_problem> find_problem(const hawkes_simulation_settings& settings) {
  if (auto scenario_problem = find_problem(settings.scenario)) return scenario_problem;
  const std::int64_t balance = settings.balance.minor_units();
  if (balance <= 0 || balance > max_balance_minor_units)
    return parameter_problem{
        "balance",
        "must be greater than 0 and at most 2^53 minor units, got " + to_string(settings.balance)};
  if (settings.cases < 2)
    return parameter_problem{"cases", "must be at least 2 for a confidence interval, got " +
                                          std::to_string(settings.cases)};
  if (settings.threads > max_threads)
    return parameter_problem{"threads", "must be at most " + std::to_string(max_threads) +
                                            " (0: one per core), got " +
                                            std::to_string(settings.threads)};
  return std::nullopt;
}

hawkes_simulation_result simulate_hawkes(const hawkes_simulation_settings& settings) {
  validate(settings);
  const hawkes_scenario& scenario = settings.scenario;
  const hawkes_repayment_model model(scenario.model);
  const double lambda0_per_day = scenario.lambda0 / days_per_year;
  const double discount_per_day = scenario.discount_rate / days_per_year;
  const std::int64_t balance = settings.balance.minor_units();
  const auto starting_balance = static_cast<double>(balance);

  auto simulate_block = [&](std::uint64_t first_case, std::uint64_t end_case) {
    block_tally tally;
    for (std::uint64_t case_index = first_case; case_index < end_case; ++case_index) {
      hawkes_case debtor{.day = 0,
                         .intensity_per_day = lambda0_per_day,
                         .balance_minor_units = balance,
                         .repayments = 0};
      double discounted_minor_units = 0;
      while (const auto repayment =
                 next_repayment(debtor, model, scenario.horizon_days, settings.seed, case_index))
        discounted_minor_units += std::exp(-discount_per_day * repayment->day) *
                                  static_cast<double>(repayment->amount_minor_units);
      tally.npv_fraction.add(discounted_minor_units / starting_balance);
      tally.recovery_rate.add(static_cast<double>(balance - debtor.balance_minor_units) /
                              starting_balance);
      tally.repayments.add(debtor.repayments);
    }
    return tally;
  };
  block_tally total;
  for (const block_tally& block :
       detail::simulate_in_blocks<block_tally>(settings.cases, settings.threads, simulate_block))
    total.merge(block);
  return {.cases = settings.cases,
          .npv_fraction = estimate_mean(total.npv_fraction),
          .recovery_rate = estimate_mean(total.recovery_rate),
          .repayments_per_case = estimate_mean(total.repayments)};
}

}  // namespace arrears::sim
