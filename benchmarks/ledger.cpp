// How fast the books are read and reconciled: the first half of the daily run. The run's
// target (DESIGN.md): a 1,000,000-invoice ledger over 200,000 debtors end to end in <= 10 s.
// Here a ledger of the same shape (five invoices per debtor, about a third partly paid),
// scaled down so a run takes seconds; figures in docs/benchmarks.md.

#include <arrears/io/ledger_csv.hpp>
#include <arrears/model/reconciliation.hpp>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace arrears;

/// A ledger of `debtors` debtors with five invoices each, as CSV text.
std::string ledger_text(int debtors) {
  std::mt19937 random(7);
  std::uniform_int_distribution<int> month(1, 12);
  std::uniform_int_distribution<int> day(1, 28);
  std::uniform_int_distribution<int> cents(1'000, 500'000);
  std::uniform_int_distribution<int> percent(0, 99);
  std::string text =
      "debtor_id,debtor_name,debtor_kind,email,invoice_id,issue_date,term_days,amount,currency,"
      "paid_amount\n";
  char row[256];
  int invoice = 0;
  for (int d = 0; d < debtors; ++d) {
    const char* kind = d % 3 == 0 ? "consumer" : "business";
    for (int i = 0; i < 5; ++i) {
      const int amount = cents(random);
      const int paid = percent(random) < 30 ? amount * percent(random) / 100 : 0;
      std::snprintf(row, sizeof row,
                    "D-%06d,Debtor %d,%s,d%d@example.nl,INV-%07d,2025-%02d-%02d,30,%d.%02d,EUR,"
                    "%d.%02d\n",
                    d, d, kind, d, ++invoice, month(random), day(random), amount / 100,
                    amount % 100, paid / 100, paid % 100);
      text += row;
    }
  }
  return text;
}

ledger read(const std::string& text) {
  std::istringstream in(text);
  return read_ledger(in, "bench.csv");
}

const date today(2025, 12, 31);

void BM_read_ledger(benchmark::State& state) {
  const std::string text = ledger_text(static_cast<int>(state.range(0)));
  std::size_t rows = 0;
  for (auto _ : state) {
    const ledger books = read(text);
    rows = books.items.size();
    benchmark::DoNotOptimize(books);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * rows));
  state.SetLabel("rows are invoices");
}
BENCHMARK(BM_read_ledger)->Arg(2'000)->Unit(benchmark::kMillisecond);

/// The first day: every debtor gets a new case with its invoices and payments.
void BM_reconcile_new_cases(benchmark::State& state) {
  const ledger books = read(ledger_text(static_cast<int>(state.range(0))));
  for (auto _ : state) {
    const reconciliation r =
        reconcile(books, today, [](std::string_view) -> const collection_case* { return nullptr; });
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * books.items.size()));
}
BENCHMARK(BM_reconcile_new_cases)->Arg(2'000)->Unit(benchmark::kMillisecond);

/// Every later day: the cases hold what the books say, and nothing is to be added.
void BM_reconcile_unchanged(benchmark::State& state) {
  const ledger books = read(ledger_text(static_cast<int>(state.range(0))));
  std::map<std::string, collection_case, std::less<>> cases;
  for (const case_reconciliation& c :
       reconcile(books, today, [](std::string_view) -> const collection_case* {
         return nullptr;
       }).cases) {
    collection_case& built = cases.try_emplace(c.case_id, c.case_id).first->second;
    for (const event& e : c.events) built.apply(e);
  }
  auto lookup = [&](std::string_view debtor) -> const collection_case* {
    const auto at = cases.find(debtor);
    return at == cases.end() ? nullptr : &at->second;
  };
  for (auto _ : state) {
    const reconciliation r = reconcile(books, today + days(1), lookup);
    if (!r.cases.empty()) state.SkipWithError("an unchanged ledger produced events");
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * books.items.size()));
}
BENCHMARK(BM_reconcile_unchanged)->Arg(2'000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
