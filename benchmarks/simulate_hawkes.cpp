// How fast the hawkes repayment model simulates cases with no actions (arrears simulate
// --behaviour hawkes --policy none), on one thread and on two. Target for the full engine
// (DESIGN.md): 1,000,000 cases over 365 days under a policy in <= 10 s on 2 cores; this is the
// behaviour model's share of it, over the 100-year default horizon (every case runs until it is
// paid off, about 11 repayments).

#include <arrears/sim/hawkes_expectation.hpp>
#include <arrears/sim/hawkes_simulation.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>

namespace {

using namespace arrears::sim;

hawkes_simulation_settings paper_example() {
  hawkes_simulation_settings settings;
  settings.scenario.model = {
      .lambda_inf = 0.1, .kappa = 0.7, .delta10 = 0.02, .delta11 = 0.5, .r_min = 0.1};
  settings.scenario.lambda0 = 1.0;
  settings.scenario.discount_rate = 0.06;
  return settings;
}

/// Arguments: cases per run, threads, horizon in days.
void BM_simulate_hawkes(benchmark::State& state) {
  hawkes_simulation_settings settings = paper_example();
  settings.cases = static_cast<std::uint64_t>(state.range(0));
  settings.threads = static_cast<std::uint64_t>(state.range(1));
  settings.scenario.horizon_days = static_cast<double>(state.range(2));
  double repayments = 0;
  for (auto _ : state) {
    const hawkes_simulation_result result = simulate_hawkes(settings);
    benchmark::DoNotOptimize(result.npv_fraction.mean);
    repayments = result.repayments_per_case.mean;
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["repayments_per_case"] = repayments;
}

/// The semi-analytic value the simulation is checked against: one ODE solve.
void BM_expected_collection(benchmark::State& state) {
  const hawkes_scenario scenario = paper_example().scenario;
  for (auto _ : state) {
    const hawkes_expectation expected = expected_collection(scenario);
    benchmark::DoNotOptimize(expected.npv_fraction);
  }
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_simulate_hawkes)
    ->ArgNames({"cases", "threads", "horizon_days"})
    ->Args({20'000, 1, 36'500})
    ->Args({20'000, 2, 36'500})
    ->Args({20'000, 2, 365})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_expected_collection)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
