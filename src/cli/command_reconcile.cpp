// `arrears reconcile --ledger FILE --today YYYY-MM-DD [--debtors FILE]
// [--events FILE | --store FILE] [--skip-bad] [--out FILE]`: what the books imply. Reads the
// ledger (and the debtors file), takes the cases already known from --events or the store,
// and produces the events that bring them in line with the books: appended to the store in
// one transaction with --store, else printed as the stream `arrears decide --events` and
// `arrears replay` read (or written to --out). Notices (invoices gone from the books,
// refused events) and skipped rows go to stderr.

#include "commands.hpp"
#include "options.hpp"
#include "output_sink.hpp"

#include <arrears/core/error.hpp>
#include <arrears/io/event_stream.hpp>
#include <arrears/io/ledger_csv.hpp>
#include <arrears/model/reconciliation.hpp>
#include <arrears/store/event_store.hpp>

#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace arrears::cli {
namespace {

struct reconcile_options {
  std::string ledger;
  std::string debtors;
  std::string events;
  std::string today;
  std::string out;
  std::string store;
  bool skip_bad = false;
};

void run_reconcile(const reconcile_options& options) {
  const date today = parse_date_option("--today", options.today);
  const ledger_options read_options{.skip_bad = options.skip_bad};
  ledger books = read_ledger_file(options.ledger, read_options);
  if (!options.debtors.empty()) read_debtors_file(options.debtors, books, read_options);
  for (const ledger_problem& p : books.problems) fmt::print(stderr, "skipped {}\n", p.to_string());

  // The cases the events already tell of; a debtor's latest is its last in the stream.
  std::vector<collection_case> known;
  std::optional<event_store> store;
  if (!options.store.empty()) {
    store = event_store::open(options.store);
    known = store->cases(history_policy::discard);
  } else if (!options.events.empty()) {
    known = replay_event_file(options.events);
  }
  const reconciliation result = reconcile(books, today, known);

  std::size_t events = 0;
  for (const case_reconciliation& c : result.cases) events += c.events.size();
  if (store) {
    store->begin();
    for (const case_reconciliation& c : result.cases)
      for (const event& e : c.events) store->append(c.case_id, e);
    store->commit();
  }
  // Without a store the events are the output; with one, only when --out asks for them.
  if (!store || !options.out.empty()) {
    output_sink out(options.out);
    for (const case_reconciliation& c : result.cases)
      for (const event& e : c.events) {
        out.buffer() += to_json_line(c.case_id, e);
        out.buffer() += '\n';
        out.flush_if_full();
      }
    out.finish();
  }
  for (const reconciliation_notice& n : result.notices)
    fmt::print(stderr, "notice {}{}{}: {}\n", n.case_id, n.document.empty() ? "" : " ", n.document,
               n.message);
  std::size_t opened = 0;
  for (const case_reconciliation& c : result.cases) opened += c.opens_case ? 1 : 0;
  fmt::print(stderr,
             "{} items of {} debtors: {} events for {} cases ({} new), {} notices, {} rows "
             "skipped\n",
             books.items.size(), books.debtors.size(), events, result.cases.size(), opened,
             result.notices.size(), books.problems.size());
}

}  // namespace

void register_reconcile_command(CLI::App& app) {
  auto options = std::make_shared<reconcile_options>();
  CLI::App* command = app.add_subcommand(
      "reconcile",
      "Turn a ledger CSV (the books' open items) into the events that bring the cases in line");
  command->add_option("--ledger", options->ledger, "The ledger CSV (docs/ledger.md)")->required();
  command->add_option("--today", options->today, "The day of the reconciliation (YYYY-MM-DD)")
      ->required();
  command->add_option("--debtors", options->debtors,
                      "A debtors CSV with payment terms and relationship values");
  command->add_option("--events", options->events,
                      "The event stream of the cases arrears already holds");
  command
      ->add_option("--store", options->store,
                   "The store (SQLite, created when absent): its cases are reconciled and "
                   "the events appended to it, all or nothing")
      ->excludes("--events");
  command->add_option("--out", options->out, "Write the events to this file instead of stdout");
  command->add_flag("--skip-bad", options->skip_bad,
                    "Leave bad rows out (listed on stderr) instead of refusing the ledger");
  command->callback([options] { run_reconcile(*options); });
}

}  // namespace arrears::cli
