// `arrears run`: the daily run. Brings the cases in the store up to date with the books,
// decides today's action for each case, records the proposals, writes the letters and
// prints the worklist, highest priority first (docs/run.md).
//
//   arrears run                          the bundled sample, in a temporary store
//   arrears run --ledger FILE --store FILE [--debtors FILE] [--today YYYY-MM-DD]
//               [--policy playbook|FILE] [--jurisdiction nl] [--letters DIR [--sender FILE]
//               [--auto-confirm letters]] [--csv | --json] [--out FILE] [--skip-bad]
//   arrears run --store FILE ...         decide on what the store holds, without books

#include "bundled_sample.hpp"
#include "commands.hpp"
#include "daily_run.hpp"
#include "data_dir.hpp"
#include "decision_text.hpp"
#include "options.hpp"
#include "output_sink.hpp"

#include <arrears/core/error.hpp>
#include <arrears/core/money.hpp>
#include <arrears/io/csv_records.hpp>
#include <arrears/io/decision_json.hpp>

#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace arrears::cli {
namespace {

struct run_options {
  std::string ledger;
  std::string debtors;
  std::string store;
  std::string today;
  std::string policy = "playbook";
  std::string jurisdiction = "nl";
  std::string letters;
  std::string sender;
  std::string auto_confirm;
  std::string out;
  bool csv = false;
  bool json = false;
  bool skip_bad = false;
  bool no_guards = false;
};

std::string_view status_of(const worklist_item& item) {
  if (item.done) return "done";
  return item.proposed_earlier ? "proposed earlier today" : "new";
}

/// The deciding reason's note, or its rule when it has none.
std::string_view why(const decision& d) {
  if (d.reasons.empty()) return {};
  return d.reasons[0].note.empty() ? std::string_view(d.reasons[0].rule)
                                   : std::string_view(d.reasons[0].note);
}

std::string clipped(std::string_view text, std::size_t width) {
  if (text.size() <= width) return std::string(text);
  return std::string(text.substr(0, width - 1)) + "~";
}

void append_table(std::string& out, const std::vector<worklist_item>& items) {
  out += fmt::format("{:>5}  {:<12} {:<28} {:<26} {:>14} {:>14}  {}\n", "ID", "CASE", "DEBTOR",
                     "ACTION", "AMOUNT", "VALUE", "STATUS");
  for (const worklist_item& item : items) {
    out += fmt::format("{:>5}  {:<12} {:<28} {:<26} {:>14} {:>14}  {}\n", item.action_id,
                       clipped(item.case_id, 12), clipped(item.debtor_name, 28),
                       action_name(item.proposed.kind), to_string(item.amount),
                       to_string(item.expected_value), status_of(item));
    const std::string parameters = parameters_text(item.proposed.parameters);
    if (!parameters.empty()) out += "       " + parameters + '\n';
    const std::string_view reason = why(item.proposed);
    if (!reason.empty()) out += fmt::format("       why: {}\n", reason);
  }
}

void append_csv(std::string& out, const std::vector<worklist_item>& items) {
  out +=
      "id,case,debtor,action,amount,expected_value,currency,parameters,next_review,rules,"
      "status\n";
  for (const worklist_item& item : items) {
    const decision& d = item.proposed;
    std::string rules;
    for (const auto& reason : d.reasons) rules += (rules.empty() ? "" : "; ") + reason.rule;
    out += std::to_string(item.action_id);
    for (const std::string_view cell :
         {std::string_view(item.case_id), std::string_view(item.debtor_name),
          std::string_view(action_name(d.kind))}) {
      out += ',';
      append_csv_cell(out, cell);
    }
    out += ',' + format_amount(item.amount) + ',' + format_amount(item.expected_value) + ',';
    out += to_string(item.amount.currency());
    out += ',';
    append_csv_cell(out, parameters_text(d.parameters));
    out += ',' + (d.next_review ? to_iso(*d.next_review) : std::string()) + ',';
    append_csv_cell(out, rules);
    out += ',';
    append_csv_cell(out, status_of(item));
    out += '\n';
  }
}

void append_json(std::string& out, const std::vector<worklist_item>& items) {
  for (const worklist_item& item : items) {
    boost::json::object line;
    line.emplace("id", item.action_id);
    line.emplace("debtor", item.debtor_name);
    line.emplace("amount", format_amount(item.amount));
    line.emplace("expected_value", format_amount(item.expected_value));
    line.emplace("status", status_of(item));
    for (auto& field : to_json(item.proposed, item.case_id))
      line.emplace(field.key(), field.value());
    out += boost::json::serialize(line);
    out += '\n';
  }
}

void print_summary(const run_report& r, std::string_view store, date today) {
  for (const ledger_problem& p : r.skipped) fmt::print(stderr, "skipped {}\n", p.to_string());
  for (const reconciliation_notice& n : r.notices)
    fmt::print(stderr, "notice {}{}{}: {}\n", n.case_id, n.document.empty() ? "" : " ", n.document,
               n.message);
  for (const std::string& problem : r.letter_problems)
    fmt::print(stderr, "letter not written: {}\n", problem);
  const auto done = std::count_if(r.worklist.begin(), r.worklist.end(),
                                  [](const worklist_item& item) { return item.done; });
  fmt::print(stderr,
             "{}: {} ledger items, {} events for the books ({} new cases); {} cases decided, "
             "{} actions ({} new, {} done by the run), {} letters; store {}\n",
             to_iso(today), r.ledger_items, r.reconciled_events, r.new_cases, r.cases_decided,
             r.worklist.size(), r.proposals_recorded, done, r.letters_written, store);
}

void run(const run_options& options) {
  const bool sample = options.ledger.empty() && options.store.empty();
  if (!options.ledger.empty() && options.store.empty())
    throw error(errc::invalid_argument,
                "--store: required with --ledger: the file that keeps the cases between runs "
                "(created when absent)");
  if (!options.auto_confirm.empty() && options.auto_confirm != "letters")
    throw error(errc::invalid_argument,
                fmt::format("--auto-confirm: unknown value '{}'; expected 'letters'",
                            options.auto_confirm));

  run_settings settings;
  settings.ledger = options.ledger;
  settings.debtors = options.debtors;
  settings.skip_bad = options.skip_bad;
  settings.policy = options.policy;
  settings.guards = !options.no_guards;
  settings.jurisdiction = options.jurisdiction;
  settings.letters = options.letters;
  settings.templates = arrears_data_dir() / "templates";
  settings.sender = options.sender;
  settings.auto_confirm_letters = options.auto_confirm == "letters";
  if (!options.today.empty()) settings.today = parse_date_option("--today", options.today);

  std::optional<temporary_store> scratch;
  std::string store_file = options.store;
  if (sample) {
    scratch.emplace();
    store_file = scratch->file().string();
    use_bundled_sample(settings, *scratch);
  }
  if (settings.today.is_special()) settings.today = boost::gregorian::day_clock::local_day();
  const run_report report = daily_run(settings, store_file);

  output_sink sink(options.out);
  if (options.json)
    append_json(sink.buffer(), report.worklist);
  else if (options.csv)
    append_csv(sink.buffer(), report.worklist);
  else
    append_table(sink.buffer(), report.worklist);
  sink.finish();
  print_summary(report, sample ? std::string("(temporary, the bundled sample)") : store_file,
                settings.today);
}

}  // namespace

void register_run_command(CLI::App& app) {
  auto options = std::make_shared<run_options>();
  CLI::App* command = app.add_subcommand(
      "run",
      "The daily run: reconcile the books, decide today's actions, write letters, print the "
      "worklist (without arguments: the bundled sample; docs/run.md)");
  command->add_option("--ledger", options->ledger, "The ledger CSV: the books' open items");
  command->add_option("--debtors", options->debtors,
                      "A debtors CSV with payment terms and relationship values");
  command->add_option("--store", options->store,
                      "The store (SQLite, created when absent); required with --ledger");
  command->add_option("--today", options->today,
                      "The day of the run, YYYY-MM-DD (default: the current date; the sample's "
                      "day for the sample)");
  command->add_option("--policy", options->policy,
                      "'playbook' (default) or a rule table file (YAML or JSON)");
  command->add_option("--jurisdiction", options->jurisdiction,
                      "nl, de, be, uk or eu: the law of the cases (default: nl)");
  command->add_option("--letters", options->letters,
                      "Write the letters of today's actions to this folder (Markdown and HTML)");
  command->add_option("--sender", options->sender,
                      "The sender of the letters: a YAML file (docs/letters.md)");
  command->add_option("--auto-confirm", options->auto_confirm,
                      "'letters': record the actions whose work is the letter as done once it "
                      "is written (needs --letters)");
  command->add_option("--out", options->out, "Write the worklist to FILE, not standard output");
  CLI::Option* json = command->add_flag("--json", options->json, "The worklist as JSON lines");
  CLI::Option* csv = command->add_flag("--csv", options->csv, "The worklist as CSV");
  json->excludes(csv);
  command->add_flag("--skip-bad", options->skip_bad,
                    "Leave bad ledger rows out (listed on stderr) instead of refusing the ledger");
  command->add_flag("--no-guards", options->no_guards,
                    "Do not wrap the policy in the compliance guards");
  command->callback([options] { run(*options); });
}

}  // namespace arrears::cli
