// `arrears ingest FILE.jsonl --store FILE`: appends an event stream to the store. Every
// event is first applied to its case as the store holds it; one the case refuses stops the
// ingest with its line, and nothing is written. The events are written in one transaction:
// killed at any point, the store holds all of them or none.

#include "commands.hpp"
#include "kill_switch.hpp"

#include <arrears/core/error.hpp>
#include <arrears/io/event_stream.hpp>
#include <arrears/store/event_store.hpp>

#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

namespace arrears::cli {
namespace {

struct ingest_options {
  std::string file;
  std::string store;
};

void run_ingest(const ingest_options& options) {
  const std::vector<case_event> events = read_event_file(options.file);

  event_store store = event_store::open(options.store);
  // Checking needs each case's state, not its history.
  std::vector<collection_case> cases = store.cases(history_policy::discard);
  try {
    apply_stream(cases, events, options.file, history_policy::discard);
  } catch (const transition_error& refused) {
    rejection why = refused.why();
    why.message += " (nothing was written)";
    throw transition_error(std::move(why));
  }

  kill_switch test_hook;
  store.begin();
  for (const case_event& entry : events) {
    store.append(entry.case_id, entry.e);
    test_hook.appended();
  }
  store.commit();
  fmt::print(stderr, "{} events appended to {}; it holds {} events of {} cases\n", events.size(),
             options.store, store.event_count(), cases.size());
}

}  // namespace

void register_ingest_command(CLI::App& app) {
  auto options = std::make_shared<ingest_options>();
  CLI::App* command = app.add_subcommand(
      "ingest", "Append an event stream (JSON lines) to the store, all or nothing");
  command->add_option("FILE", options->file, "The event stream (docs/events.md)")->required();
  command->add_option("--store", options->store, "The store (SQLite), created when absent")
      ->required();
  command->callback([options] { run_ingest(*options); });
}

}  // namespace arrears::cli
