// How fast a law pack computes statutory interest. Target (docs/benchmarks.md): >= 1 million
// calculations per second on one core for a 3-year Dutch commercial claim with two partial
// payments: 11 segments (six half-year rate changes, two anniversaries, two payments).

#include <arrears/law/interest_engine.hpp>
#include <arrears/law/jurisdiction.hpp>

#include <benchmark/benchmark.h>

#include <memory>

namespace {

using namespace arrears;

money eur(std::int64_t cents) { return money(cents, currency::from_code("EUR")); }

interest_request three_year_claim() {
  interest_request request;
  request.principal = eur(1'250'000);
  request.kind = interest_kind::commercial;
  request.first_day = date(2022, 10, 1);
  request.until = date(2025, 9, 30);
  request.costs = eur(4'000);
  request.payments = {{date(2023, 11, 15), eur(300'000)}, {date(2025, 2, 3), eur(450'000)}};
  return request;
}

/// Through the jurisdiction interface, as an application calls it: rate look-ups in the
/// nl-commercial table, the schedule, the segments and the allocations.
void BM_nl_commercial_three_years_two_payments(benchmark::State& state) {
  const auto law = make_jurisdiction("nl");
  const interest_request request = three_year_claim();
  for (auto _ : state) {
    interest_result result = law->statutory_interest(request);
    benchmark::DoNotOptimize(result.total);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["segments"] =
      static_cast<double>(law->statutory_interest(request).segments.size());
}

/// The engine alone on a prepared schedule: what is left once the rates are known.
void BM_engine_only(benchmark::State& state) {
  const interest_request request = three_year_claim();
  const rate_schedule schedule = table_schedule(rate_tables::builtin().get("nl-commercial"), rate{},
                                                request.first_day, request.until);
  for (auto _ : state) {
    interest_result result = accrue_interest(request, schedule, {.capitalise_yearly = true});
    benchmark::DoNotOptimize(result.total);
  }
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_nl_commercial_three_years_two_payments);
BENCHMARK(BM_engine_only);

}  // namespace

BENCHMARK_MAIN();
