// How fast facts are derived from a case on a day. Target (DESIGN.md): >= 5 million
// derivations per second on one core.

#include <arrears/law/jurisdiction.hpp>
#include <arrears/model/collection_case.hpp>
#include <arrears/policy/derive_facts.hpp>

#include <benchmark/benchmark.h>

#include "fixtures.hpp"

#include <vector>

namespace {

using namespace arrears;

using arrears::bench::eur;
using arrears::bench::invoice;

/// A busy case in the middle of collection: four invoices (one partly disputed), a reminder, a
/// reached call, a broken promise, interest charged, a 14-day letter.
collection_case busy_case(debtor_kind kind) {
  const date start(2025, 1, 6);
  debtor_profile debtor;
  debtor.id = "D-1";
  debtor.name = "Jansen Installatietechniek";
  debtor.kind = kind;
  debtor.relationship_value = eur(2'500'000);
  collection_case c("C-000123", history_policy::discard);
  c.apply({start, debtor_updated{debtor}});
  c.apply({start, claim_added{invoice("INV-1", start, 30, 121'000)}});
  c.apply({start + days(7), claim_added{invoice("INV-2", start + days(7), 30, 60'500)}});
  c.apply({start + days(14), claim_added{invoice("INV-3", start + days(14), 30, 24'200)}});
  c.apply({start + days(40), claim_added{invoice("INV-4", start + days(40), 30, 9'900)}});
  c.apply({start + days(41), reminder_sent{1, channel::email}});
  c.apply({start + days(44), call_logged{true, reason::dissatisfied}});
  c.apply({start + days(44), dispute_opened{"INV-2", eur(20'000), dispute_category::incomplete}});
  c.apply({start + days(46), promise_made{eur(100'000), start + days(55)}});
  c.apply({start + days(56), promise_broken{}});
  c.apply({start + days(57), interest_charged{eur(1'234), start + days(56), "6:119a BW"}});
  c.apply({start + days(58), letter_sent{letter_kind::fourteen_day_letter, channel::post}});
  return c;
}

/// The common case in a portfolio: one invoice, overdue, one reminder sent.
collection_case typical_case() {
  const date start(2025, 1, 6);
  debtor_profile debtor;
  debtor.id = "D-2";
  debtor.name = "Bakkerij De Vries";
  debtor.relationship_value = eur(500'000);
  collection_case c("C-000124", history_policy::discard);
  c.apply({start, debtor_updated{debtor}});
  c.apply({start, claim_added{invoice("INV-9", start, 30, 48'400)}});
  c.apply({start + days(40), reminder_sent{1, channel::email}});
  return c;
}

void derive_from(benchmark::State& state, const collection_case& c) {
  const auto nl = make_jurisdiction("nl");
  const facts_context context{nl.get(), {}, false};
  date today = date(2025, 3, 30);
  for (auto _ : state) {
    facts f = derive_facts(c, today, context);
    benchmark::DoNotOptimize(f);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_derive_facts_typical(benchmark::State& state) { derive_from(state, typical_case()); }
void BM_derive_facts_busy_business(benchmark::State& state) {
  derive_from(state, busy_case(debtor_kind::business));
}
void BM_derive_facts_busy_consumer(benchmark::State& state) {
  derive_from(state, busy_case(debtor_kind::consumer));
}
BENCHMARK(BM_derive_facts_typical);
BENCHMARK(BM_derive_facts_busy_business);
BENCHMARK(BM_derive_facts_busy_consumer);

}  // namespace

BENCHMARK_MAIN();
