// `arrears simulate`: Monte Carlo simulation of a portfolio of cases under a debtor behaviour
// model and a policy, with each metric's 95 % confidence interval and, where the model has
// one, its semi-analytic expectation; a table by default, JSON with --json. See
// docs/simulation.md.
//
//   arrears simulate --behaviour hawkes --lambda0 1.0 --lambda-inf 0.1 --kappa 0.7
//       --delta10 0.02 --delta11 0.5 --r-min 0.1 --discount 0.06 [--policy none]
//       [--cases 100000] [--seed 1] [--threads N] [--horizon-days 36500]
//       [--balance 1000.00] [--currency EUR] [--json]
//
// So far: --behaviour hawkes with --policy none (the debtor left alone).

#include "commands.hpp"
#include "options.hpp"

#include <arrears/core/currency.hpp>
#include <arrears/core/error.hpp>
#include <arrears/core/money.hpp>
#include <arrears/sim/hawkes_expectation.hpp>
#include <arrears/sim/hawkes_simulation.hpp>
#include <arrears/sim/parameter_problem.hpp>

#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace arrears::cli {
namespace {

struct simulate_options {
  std::string behaviour;
  std::string policy = "none";
  std::string lambda0;
  std::string lambda_inf;
  std::string kappa;
  std::string delta10;
  std::string delta11;
  std::string r_min;
  std::string discount;
  std::string horizon_days;
  std::string cases = "100000";
  std::string seed = "1";
  std::string threads = "0";
  std::string balance = "1000.00";
  std::string currency_code = "EUR";
  bool json = false;
};

/// The option that sets each parameter the library may find a problem with.
constexpr std::pair<std::string_view, const char*> option_of_parameter[] = {
    {"lambda0", "--lambda0"},
    {"lambda_inf", "--lambda-inf"},
    {"kappa", "--kappa"},
    {"delta10", "--delta10"},
    {"delta11", "--delta11"},
    {"r_min", "--r-min"},
    {"discount_rate", "--discount"},
    {"horizon_days", "--horizon-days"},
    {"balance", "--balance"},
    {"cases", "--cases"},
    {"threads", "--threads"},
};

[[noreturn]] void fail_with_option(const sim::parameter_problem& problem) {
  std::string option = problem.parameter;
  for (const auto& [parameter, name] : option_of_parameter)
    if (parameter == problem.parameter) option = name;
  throw error(errc::invalid_argument, fmt::format("{}: {}", option, problem.message));
}

/// A number the model needs: required with --behaviour hawkes.
double required_number(const char* option, const std::string& text) {
  if (text.empty())
    throw error(errc::invalid_argument,
                fmt::format("{} is required with --behaviour hawkes", option));
  return parse_number_option(option, text);
}

sim::hawkes_simulation_settings hawkes_settings(const simulate_options& options) {
  sim::hawkes_simulation_settings settings;
  sim::hawkes_scenario& scenario = settings.scenario;
  scenario.lambda0 = required_number("--lambda0", options.lambda0);
  scenario.model.lambda_inf = required_number("--lambda-inf", options.lambda_inf);
  scenario.model.kappa = required_number("--kappa", options.kappa);
  scenario.model.delta10 = required_number("--delta10", options.delta10);
  scenario.model.delta11 = required_number("--delta11", options.delta11);
  scenario.model.r_min = required_number("--r-min", options.r_min);
  scenario.discount_rate = required_number("--discount", options.discount);
  if (!options.horizon_days.empty())
    scenario.horizon_days = parse_number_option("--horizon-days", options.horizon_days);
  settings.balance =
      parse_amount_option("--balance", options.balance, currency::from_code(options.currency_code));
  settings.cases = parse_count_option("--cases", options.cases);
  settings.seed = parse_count_option("--seed", options.seed);
  settings.threads = parse_count_option("--threads", options.threads);
  if (const std::optional<sim::parameter_problem> problem = sim::find_problem(settings))
    fail_with_option(*problem);
  return settings;
}

void print_table(const sim::hawkes_simulation_settings& settings,
                 const sim::hawkes_simulation_result& result,
                 const sim::hawkes_expectation& expected) {
  const sim::hawkes_scenario& scenario = settings.scenario;
  const sim::hawkes_parameters& model = scenario.model;
  fmt::print("hawkes repayment model, policy none: {} cases, seed {}\n", result.cases,
             settings.seed);
  fmt::print(
      "per year: lambda0 {}, lambda_inf {}, kappa {}, delta10 {}, delta11 {}, r_min {}, "
      "discount {}\n",
      scenario.lambda0, model.lambda_inf, model.kappa, model.delta10, model.delta11, model.r_min,
      scenario.discount_rate);
  fmt::print("each case owes {} at the start; horizon {} days\n\n", to_string(settings.balance),
             scenario.horizon_days);
  fmt::print("{:<20}  {:>9}  {:>22}  {:>9}\n", "metric", "estimate", "95 % interval", "expected");
  auto row = [](const char* metric, const sim::estimate& estimate,
                const std::string& expected_text) {
    std::string line = fmt::format("{:<20}  {:>9.6f}  [{:>9.6f}, {:>9.6f}]", metric, estimate.mean,
                                   estimate.ci95_low, estimate.ci95_high);
    if (!expected_text.empty()) line += fmt::format("  {:>9}", expected_text);
    fmt::print("{}\n", line);
  };
  row("npv_fraction", result.npv_fraction, fmt::format("{:.6f}", expected.npv_fraction));
  row("recovery_rate", result.recovery_rate, fmt::format("{:.6f}", expected.recovery_rate));
  row("repayments_per_case", result.repayments_per_case, "");
  fmt::print(
      "\nexpected: the model's semi-analytic value (docs/simulation.md); repayments after the "
      "horizon would add at most {:.2g} to npv_fraction\n",
      expected.discounted_remaining);
}

/// One JSON object. Written directly rather than through Boost.JSON, which serialises
/// doubles in exponent form (7.4E-1); fmt writes the shortest text that reads back exactly.
void print_json(const sim::hawkes_simulation_settings& settings,
                const sim::hawkes_simulation_result& result,
                const sim::hawkes_expectation& expected) {
  auto interval = [](const sim::estimate& estimate) {
    return fmt::format("[{},{}]", estimate.ci95_low, estimate.ci95_high);
  };
  fmt::print(
      "{{\"npv_fraction\":{},\"npv_fraction_ci95\":{},\"npv_fraction_expected\":{},"
      "\"recovery_rate\":{},\"recovery_rate_ci95\":{},\"recovery_rate_expected\":{},"
      "\"repayments_per_case\":{},\"repayments_per_case_ci95\":{},"
      "\"npv_fraction_beyond_horizon_max\":{},"
      "\"behaviour\":\"hawkes\",\"policy\":\"none\",\"cases\":{},\"seed\":{},"
      "\"horizon_days\":{},\"balance\":\"{}\",\"currency\":\"{}\"}}\n",
      result.npv_fraction.mean, interval(result.npv_fraction), expected.npv_fraction,
      result.recovery_rate.mean, interval(result.recovery_rate), expected.recovery_rate,
      result.repayments_per_case.mean, interval(result.repayments_per_case),
      expected.discounted_remaining, result.cases, settings.seed, settings.scenario.horizon_days,
      format_amount(settings.balance), to_string(settings.balance.currency()));
}

void run_simulate(const simulate_options& options) {
  if (options.behaviour != "hawkes")
    throw error(errc::invalid_argument,
                fmt::format("--behaviour: only 'hawkes' can be simulated so far (the archetypes "
                            "come with the simulation engine; docs/simulation.md), got '{}'",
                            options.behaviour));
  if (options.policy != "none")
    throw error(errc::invalid_argument,
                fmt::format("--policy: only 'none' can be simulated so far (policies come with "
                            "the simulation engine; docs/simulation.md), got '{}'",
                            options.policy));
  const sim::hawkes_simulation_settings settings = hawkes_settings(options);
  const sim::hawkes_expectation expected = sim::expected_collection(settings.scenario);
  const sim::hawkes_simulation_result result = sim::simulate_hawkes(settings);
  if (options.json)
    print_json(settings, result, expected);
  else
    print_table(settings, result, expected);
}

}  // namespace

void register_simulate_command(CLI::App& app) {
  auto options = std::make_shared<simulate_options>();
  CLI::App* command = app.add_subcommand(
      "simulate",
      "Simulate many cases under a debtor behaviour model: recovery and net present value with "
      "95 % confidence intervals (docs/simulation.md)");
  command->add_option("--behaviour", options->behaviour, "hawkes (self-exciting repayments)")
      ->required();
  command->add_option("--policy", options->policy, "none (default): no actions");
  command->add_option("--lambda0", options->lambda0,
                      "hawkes: repayment intensity at the start, per year");
  command->add_option("--lambda-inf", options->lambda_inf, "hawkes: long-run intensity, per year");
  command->add_option("--kappa", options->kappa,
                      "hawkes: speed of reversion to lambda-inf, per year");
  command->add_option("--delta10", options->delta10, "hawkes: intensity jump after a repayment");
  command->add_option("--delta11", options->delta11,
                      "hawkes: further jump per unit of repaid fraction");
  command->add_option("--r-min", options->r_min,
                      "hawkes: smallest repaid fraction of the balance, in [0, 1]");
  command->add_option("--discount", options->discount,
                      "Continuously compounded discount rate per year, e.g. 0.06");
  command->add_option("--horizon-days", options->horizon_days,
                      "Repayments after this many days are not counted (default 36500)");
  command->add_option("--cases", options->cases, "How many cases (default 100000)");
  command->add_option("--seed", options->seed,
                      "Decides every random number, with the case index (default 1)");
  command->add_option("--threads", options->threads,
                      "Threads, at most 1024; the figures do not depend on it (default: one per "
                      "core)");
  command->add_option("--balance", options->balance,
                      "What each case owes at the start (default 1000.00)");
  command->add_option("--currency", options->currency_code, "ISO 4217 code (default EUR)");
  command->add_flag("--json", options->json, "Print one JSON object instead of a table");
  command->callback([options] { run_simulate(*options); });
}

}  // namespace arrears::cli
