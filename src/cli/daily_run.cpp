// The daily run (daily_run.hpp, docs/run.md).

#include "daily_run.hpp"

#include "kill_switch.hpp"
#include "output_sink.hpp"
#include "policy_option.hpp"
#include "progress.hpp"

#include <arrears/core/error.hpp>
#include <arrears/io/letters.hpp>
#include <arrears/law/jurisdiction.hpp>
#include <arrears/policy/action_letter.hpp>
#include <arrears/policy/action_value.hpp>
#include <arrears/policy/any_policy.hpp>
#include <arrears/policy/carried_out.hpp>
#include <arrears/policy/derive_facts.hpp>

#include <fmt/core.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <utility>

namespace arrears::cli {
namespace {

/// The actor of everything the run records itself.
constexpr std::string_view run_actor = "arrears run";

/// The ledger and the debtors file; throws for a bad row unless skip_bad.
ledger read_books(const run_settings& s) {
  const ledger_options options{.skip_bad = s.skip_bad};
  ledger books = read_ledger_file(s.ledger, options);
  if (!s.debtors.empty()) read_debtors_file(s.debtors, books, options);
  return books;
}

/// The books' events applied to the cases (new cases added), for deciding on them.
reconciliation reconcile_books(const ledger& books, date today, std::vector<collection_case>& cases,
                               run_report& report) {
  reconciliation result = reconcile(books, today, cases);
  std::unordered_map<std::string, std::size_t> index_of;
  index_of.reserve(cases.size() + result.cases.size());
  for (std::size_t i = 0; i < cases.size(); ++i) index_of.emplace(cases[i].id(), i);
  for (const case_reconciliation& r : result.cases) {
    const auto [at, inserted] = index_of.try_emplace(r.case_id, cases.size());
    if (inserted) cases.emplace_back(r.case_id, history_policy::discard);
    for (const event& e : r.events) cases[at->second].apply(e);  // accepted by reconcile()
    report.reconciled_events += r.events.size();
    report.new_cases += r.opens_case ? 1 : 0;
  }
  report.notices = std::move(result.notices);
  return result;
}

/// Writes `text` to `file` whole or not at all (output_sink: a temporary file renamed over it).
void write_file(const std::filesystem::path& file, std::string_view text) {
  output_sink out(file.string(), "--letters");
  out.buffer() = text;
  out.finish();
}

/// What writing letters needs, loaded once.
struct letter_writer {
  letter_templates templates;
  letter_sender sender;
  std::filesystem::path folder;

  static std::optional<letter_writer> open(const run_settings& s) {
    if (s.letters.empty()) return std::nullopt;
    std::error_code failed;
    std::filesystem::create_directories(s.letters, failed);
    if (failed)
      throw error(errc::io_error, fmt::format("--letters: cannot create '{}': {}",
                                              s.letters.string(), failed.message()));
    letter_sender sender;
    if (!s.sender.empty()) sender = read_letter_sender_file(s.sender);
    return letter_writer{letter_templates::load(s.templates), std::move(sender), s.letters};
  }

  /// Writes the letter as <stem>.md and <stem>.html; returns the Markdown file's name.
  std::string write(const collection_case& c, const decision& d, const action_letter& letter,
                    date today, const jurisdiction& law) const {
    const rendered_letter r = render_letter(templates, c, d, letter, today, law, sender);
    write_file(folder / (r.file_stem + ".md"), r.markdown);
    write_file(folder / (r.file_stem + ".html"), r.html);
    return r.file_stem + ".md";
  }
};

}  // namespace

run_report daily_run(const run_settings& s, const std::filesystem::path& store_file) {
  if (s.auto_confirm_letters && s.letters.empty())
    throw error(errc::invalid_argument,
                "--auto-confirm letters: needs --letters DIR, where the run writes the letters "
                "it then records as sent");
  run_report report;
  // Everything that can be refused is read before the store is opened: bad input leaves
  // the store untouched (not even created).
  std::optional<ledger> ledger_books;
  if (!s.ledger.empty()) {
    ledger_books = read_books(s);
    report.skipped = ledger_books->problems;
    report.ledger_items = ledger_books->items.size();
  }
  const std::unique_ptr<jurisdiction> law = make_jurisdiction(s.jurisdiction);
  const any_policy policy = load_policy(s.policy, s.jurisdiction, s.guards);
  const std::optional<letter_writer> letters = letter_writer::open(s);
  facts_context context;
  context.law = law.get();

  event_store store = event_store::open(store_file);
  // The run needs each case's state, not its history (`explain` reads that).
  std::vector<collection_case> cases = store.cases(history_policy::discard);
  reconciliation books;
  if (ledger_books) books = reconcile_books(*ledger_books, s.today, cases, report);

  // Decide for every open case. Nothing is stored yet: a failure here leaves the store as
  // it was.
  struct pending {
    std::size_t case_index;
    decision d;
    facts f;
  };
  std::vector<pending> decided;
  {
    progress shown("deciding", cases.size(), "cases");
    decision d;
    for (std::size_t i = 0; i < cases.size(); ++i) {
      shown.update(i);
      const collection_case& c = cases[i];
      if (c.is_closed()) continue;
      facts f;
      try {
        f = derive_facts(c, s.today, context);
      } catch (const error& e) {
        throw error(e.code(), fmt::format("case '{}': {}", c.id(), e.what()));
      }
      policy.decide_into(f, d);
      ++report.cases_decided;
      if (d.kind == action::none || d.kind == action::hold) continue;
      if (d.currency == currency{}) d.currency = f.currency;
      decided.push_back({i, d, f});
    }
  }

  kill_switch test_hook;
  store.begin();
  try {
    for (const case_reconciliation& r : books.cases)
      for (const event& e : r.events) {
        store.append(r.case_id, e);
        test_hook.appended();
      }
    progress shown("recording", decided.size(), "actions");
    for (std::size_t n = 0; n < decided.size(); ++n) {
      shown.update(n);
      pending& p = decided[n];
      collection_case& c = cases[p.case_index];
      const event_store::proposed stored = store.propose(c.id(), s.today, p.d);
      if (stored.done) continue;  // carried out earlier today
      report.proposals_recorded += stored.recorded ? 1 : 0;
      worklist_item item;
      item.action_id = stored.id;
      item.case_id = c.id();
      item.debtor_name = c.debtor().profile.name;
      item.amount = amount_at_stake(p.d, p.f);
      item.expected_value = expected_value(p.d, p.f);
      item.proposed_earlier = !stored.recorded;

      const std::optional<action_letter> letter = letters ? letter_for(c, p.d) : std::nullopt;
      std::string file;
      if (letter) {
        // A letter the case cannot carry is reported; the action stays on the worklist.
        try {
          file = letters->write(c, p.d, *letter, s.today, *law);
          ++report.letters_written;
        } catch (const error& e) {
          if (e.code() == errc::io_error) throw;
          report.letter_problems.push_back(
              fmt::format("case '{}': {}: {}", c.id(), letter->template_name(), e.what()));
        }
      }
      if (!file.empty()) {
        if (s.auto_confirm_letters && is_done_by_its_letter(p.d.kind)) {
          for (event_body& body : carried_out(c, p.d)) {
            event e(s.today, std::move(body), std::string(run_actor), "letter " + file);
            c.apply(e);
            store.append(c.id(), e);
            test_hook.appended();
          }
          store.complete(stored.id, {s.today, std::string(run_actor), "letter " + file});
          item.done = true;
        }
      }
      item.proposed = std::move(p.d);
      report.worklist.push_back(std::move(item));
    }
    store.commit();
  } catch (...) {
    store.rollback();
    throw;
  }
  order_by_priority(report.worklist);
  return report;
}

}  // namespace arrears::cli
