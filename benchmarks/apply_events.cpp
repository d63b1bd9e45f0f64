// How fast a case folds its events. Target (docs/benchmarks.md): >= 10 million events per
// second on one core.

#include <arrears/model/collection_case.hpp>

#include <benchmark/benchmark.h>

#include "fixtures.hpp"

#include <vector>

namespace {

using namespace arrears;

using arrears::bench::eur;
using arrears::bench::invoice;

/// A whole case life as the ledger and the collectors record it: three invoices, a
/// reminder, a call that finds a complaint, a partial dispute with evidence and a partly
/// valid verdict, a credit note, costs, a promise, and payments until it closes.
std::vector<event> lifecycle() {
  const date start(2025, 1, 6);
  debtor_profile debtor;
  debtor.id = "D-1";
  debtor.name = "Jansen Installatietechniek";
  debtor.relationship_value = eur(2'500'000);
  return {
      {start, debtor_updated{debtor}, "ledger"},
      {start, claim_added{invoice("INV-1", start, 30, 121'000)}, "ledger"},
      {start + days(7), claim_added{invoice("INV-2", start + days(7), 30, 60'500)}, "ledger"},
      {start + days(14), claim_added{invoice("INV-3", start + days(14), 30, 24'200)}, "ledger"},
      {start + days(37), reminder_sent{1, channel::email}, "policy"},
      {start + days(41), call_logged{true, reason::dissatisfied}, "collector"},
      {start + days(41), dispute_opened{"INV-2", eur(20'000), dispute_category::incomplete},
       "collector"},
      {start + days(42), evidence_added{"INV-2", "packing list", "PL-9"}, "collector"},
      {start + days(45), dispute_resolved{"INV-2", verdict::partially_valid, eur(10'000)},
       "manager"},
      {start + days(46),
       credit_note_issued{[] {
                            claim note = invoice("CN-1", date(2025, 2, 21), 0, 10'000);
                            note.kind = claim_kind::credit_note;
                            return note;
                          }(),
                          "INV-2"},
       "ledger"},
      {start + days(50), costs_charged{eur(4'000), "EUR 40 per invoice"}, "policy"},
      {start + days(51), promise_made{eur(100'000), start + days(60)}, "collector"},
      {start + days(58), payment_received{eur(100'000), {}, "bank"}, "ledger"},
      {start + days(70), payment_received{eur(99'700), {}, "bank"}, "ledger"},
  };
}

void apply_lifecycle(benchmark::State& state, history_policy history) {
  const std::vector<event> events = lifecycle();
  for (auto _ : state) {
    collection_case c("C-1", history);
    for (const auto& e : events) {
      if (c.try_apply(e)) state.SkipWithError("an event was refused");
    }
    benchmark::DoNotOptimize(c.state());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(events.size()));
}

void BM_apply_lifecycle_keep_history(benchmark::State& state) {
  apply_lifecycle(state, history_policy::keep);
}
void BM_apply_lifecycle_discard_history(benchmark::State& state) {
  apply_lifecycle(state, history_policy::discard);
}

/// Steady state on an open case with five claims: a reminder, a call, costs charged and the
/// same amount paid, so the case neither grows nor closes.
void BM_apply_steady_state(benchmark::State& state) {
  collection_case c("C-2", history_policy::discard);
  const date start(2025, 1, 6);
  for (int i = 0; i < 5; ++i)
    c.apply({start, claim_added{invoice("INV-" + std::to_string(i), start, 14, 50'000)}});
  const date today = start + days(30);
  const std::vector<event> round{{today, reminder_sent{1, channel::email}},
                                 {today, call_logged{false, std::nullopt}},
                                 {today, costs_charged{eur(1'500), "fee"}},
                                 {today, payment_received{eur(1'500), {}, ""}}};
  for (auto _ : state) {
    for (const auto& e : round) {
      if (c.try_apply(e)) state.SkipWithError("an event was refused");
    }
  }
  benchmark::DoNotOptimize(c.open_total());
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(round.size()));
}

BENCHMARK(BM_apply_lifecycle_keep_history);
BENCHMARK(BM_apply_lifecycle_discard_history);
BENCHMARK(BM_apply_steady_state);

}  // namespace

BENCHMARK_MAIN();
