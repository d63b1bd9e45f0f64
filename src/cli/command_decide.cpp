// `arrears decide`: the next action for each case, and why.
//
//   arrears decide --events case.jsonl --policy playbook|FILE.yaml --today YYYY-MM-DD
//                  [--jurisdiction nl] [--json | --csv] [--out FILE] [--stats] [--no-guards]
//   arrears decide --facts FILE.csv --policy playbook|FILE.yaml [--today YYYY-MM-DD]
//                  [--currency EUR] [--out FILE.csv] [--json] [--stats] [--no-guards]
//
// With --events the cases are replayed from the event stream and their facts derived on
// --today; with --facts each CSV row is the facts of one case (io/facts_csv.hpp). The policy
// is wrapped in guarded<> unless --no-guards. docs/decide.md describes the output formats.

#include "commands.hpp"
#include "decision_text.hpp"
#include "options.hpp"
#include "output_sink.hpp"
#include "policy_option.hpp"

#include <arrears/core/error.hpp>
#include <arrears/core/money.hpp>
#include <arrears/io/decision_json.hpp>
#include <arrears/io/event_stream.hpp>
#include <arrears/io/facts_csv.hpp>
#include <arrears/law/jurisdiction.hpp>
#include <arrears/model/collection_case.hpp>
#include <arrears/policy/any_policy.hpp>
#include <arrears/policy/derive_facts.hpp>
#include <arrears/policy/fact_schema.hpp>

#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/json/serialize.hpp>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace arrears::cli {
namespace {

struct decide_options {
  std::string events;
  std::string facts;
  std::string policy;
  std::string today;
  std::string jurisdiction = "nl";
  std::string currency;
  std::string out;
  bool json = false;
  bool csv = false;
  bool stats = false;
  bool no_guards = false;
};

enum class output_format { text, csv, json };

/// The cases to decide: their facts, and for messages where each came from.
struct decide_input {
  std::string source;
  std::span<const facts> rows;     ///< derived, or batch.rows()
  std::vector<std::size_t> lines;  ///< CSV line per row; empty for an event stream
  // The owners of the rows and of the storage their case_id views point into.
  std::vector<collection_case> cases;
  std::vector<facts> derived;
  facts_batch batch;
};

/// Where a row's failure happened: "portfolio.csv:7: case 'C-9'" or "events.jsonl: case 'C-9'".
std::string where(const decide_input& input, std::size_t row) {
  std::string text = input.source;
  if (!input.lines.empty()) text += ":" + std::to_string(input.lines[row]);
  return text + ": case '" + std::string(input.rows[row].case_id) + "'";
}

// --- the input ------------------------------------------------------------------------------

void read_events(const decide_options& options, decide_input& input) {
  if (options.today.empty())
    throw error(errc::invalid_argument,
                "--today: required with --events: the day to derive the facts on");
  const date today = parse_date_option("--today", options.today);
  input.source = options.events;
  input.cases = replay_event_file(options.events);

  const std::unique_ptr<jurisdiction> law = make_jurisdiction(options.jurisdiction);
  facts_context context;
  context.law = law.get();
  input.derived.reserve(input.cases.size());
  for (const auto& c : input.cases) {
    try {
      input.derived.push_back(derive_facts(c, today, context));
    } catch (const error& e) {
      throw error(e.code(), fmt::format("{}: {}", options.events, e.what()));
    }
  }
  input.rows = input.derived;
}

void read_facts(const decide_options& options, decide_input& input) {
  facts_csv_options csv;
  csv.default_currency = currency_option(options.currency, options.jurisdiction);
  // Rows without a date are decided on --today, else on the day the command runs.
  csv.today = options.today.empty() ? boost::gregorian::day_clock::local_day()
                                    : parse_date_option("--today", options.today);
  input.source = options.facts;
  input.batch = read_facts_csv_file(options.facts, csv);
  input.rows = input.batch.rows();
  input.lines.reserve(input.batch.size());
  for (std::size_t i = 0; i < input.batch.size(); ++i) input.lines.push_back(input.batch.line(i));
}

// --- the output -----------------------------------------------------------------------------

/// "C-1001  remind  amount 120.00 EUR, channel email, deadline 2026-03-16  next review ..."
/// then one "  because <rule>: fact=value, ..." line per reason and its note below it.
void append_text(std::string& out, std::string_view case_id, const decision& d) {
  out += case_id;
  out += "  ";
  out += action_name(d.kind);
  const std::string parameters = parameters_text(d.parameters);
  if (!parameters.empty()) out += "  " + parameters;
  out += "  next review " + (d.next_review ? to_iso(*d.next_review) : std::string("none"));
  if (!d.arm.empty()) out += "  arm " + d.arm;
  out += '\n';
  append_reasons(out, d, "  ");
}

void append(std::string& out, output_format format, std::string_view case_id, const decision& d) {
  switch (format) {
    case output_format::text:
      append_text(out, case_id, d);
      break;
    case output_format::csv:
      append_decision_csv(out, case_id, d);
      break;
    case output_format::json:
      out += boost::json::serialize(to_json(d, case_id));
      out += '\n';
      break;
  }
}

// --- deciding -------------------------------------------------------------------------------

void decide_one(const any_policy& policy, const decide_input& input, std::size_t row,
                decision& out) {
  try {
    policy.decide_into(input.rows[row], out);
  } catch (const error& e) {
    throw error(e.code(), fmt::format("{}: {}", where(input, row), e.what()));
  }
}

/// Decides every row again, into one reused decision, and times only that: the throughput
/// without reading, deriving or writing. Short batches are repeated until the timing covers
/// at least 0.2 s, so that the clock's resolution does not dominate.
void print_stats(const any_policy& policy, const decide_input& input) {
  using clock = std::chrono::steady_clock;
  const std::size_t count = input.rows.size();
  if (count == 0) {
    fmt::print(stderr, "decisions: 0\n");
    return;
  }
  decision reused;
  std::size_t passes = 0;
  std::size_t checksum = 0;  // keeps the deciding observable, so it cannot be optimised out
  const auto start = clock::now();
  auto elapsed = clock::duration::zero();
  do {
    for (std::size_t row = 0; row < count; ++row) {
      decide_one(policy, input, row, reused);
      checksum += static_cast<std::size_t>(reused.kind);
    }
    ++passes;
    elapsed = clock::now() - start;
  } while (elapsed < std::chrono::milliseconds(200));
  const double seconds = std::chrono::duration<double>(elapsed).count();
  const double decided = static_cast<double>(count) * static_cast<double>(passes);
  fmt::print(stderr, "decisions: {}\n", count);
  fmt::print(stderr,
             "throughput: {:.0f} decisions/s on one thread, deciding only (file I/O excluded; "
             "{} {} over the batch in {:.3f} s, checksum {})\n",
             decided / seconds, passes, passes == 1 ? "pass" : "passes", seconds, checksum);
}

void run_decide(const decide_options& options) {
  decide_input input;
  if (!options.events.empty())
    read_events(options, input);
  else
    read_facts(options, input);
  const any_policy policy = load_policy(options.policy, options.jurisdiction, !options.no_guards);

  const output_format format = options.json                            ? output_format::json
                               : options.csv || !options.facts.empty() ? output_format::csv
                                                                       : output_format::text;
  output_sink sink(options.out);
  if (format == output_format::csv) sink.buffer() += decisions_csv_header();
  decision reused;
  for (std::size_t row = 0; row < input.rows.size(); ++row) {
    decide_one(policy, input, row, reused);
    // The money facts in the reasons are in the case's currency, also when a policy did
    // not say so.
    if (reused.currency == currency{}) reused.currency = input.rows[row].currency;
    append(sink.buffer(), format, input.rows[row].case_id, reused);
    sink.flush_if_full();
  }
  sink.finish();
  if (options.stats) print_stats(policy, input);
}

}  // namespace

void register_decide_command(CLI::App& app) {
  auto options = std::make_shared<decide_options>();
  CLI::App* command = app.add_subcommand(
      "decide", "Decide the next action for each case, with its reasons (docs/decide.md)");
  CLI::Option_group* input =
      command->add_option_group("input", "What to decide on: exactly one of these");
  input->add_option("--events", options->events,
                    "An event stream (JSON lines): decide for each case in it on --today");
  input->add_option("--facts", options->facts,
                    "A CSV of facts, one case per row: score a portfolio export");
  input->require_option(1);
  command
      ->add_option("--policy", options->policy,
                   "'playbook' (the built-in playbook) or a rule table file (YAML or JSON)")
      ->required();
  command->add_option("--today", options->today,
                      "The day to decide on, YYYY-MM-DD; required with --events; with --facts "
                      "the date of rows without a 'today' column (default: the current date)");
  command->add_option("--jurisdiction", options->jurisdiction,
                      "nl, de, be, uk or eu: the law for deriving facts, the holidays for the "
                      "quiet-day guard and the default currency (default: nl)");
  command->add_option("--currency", options->currency,
                      "The currency of CSV rows without a 'currency' column (default: the "
                      "jurisdiction's, EUR or GBP)");
  command->add_option("--out", options->out, "Write the decisions to FILE, not standard output");
  CLI::Option* json =
      command->add_flag("--json", options->json, "One JSON object per case and line");
  CLI::Option* csv =
      command->add_flag("--csv", options->csv,
                        "CSV: case,action,amount,costs,deadline,next_review,rule,arm (the default "
                        "with --facts)");
  json->excludes(csv);
  command->add_flag("--stats", options->stats,
                    "Print to standard error the number of decisions and the throughput of "
                    "deciding alone");
  command->add_flag("--no-guards", options->no_guards,
                    "Do not wrap the policy in the compliance guards (contact cap, quiet days, "
                    "disputed money, consumer costs, limitation)");
  command->callback([options] { run_decide(*options); });
}

}  // namespace arrears::cli
