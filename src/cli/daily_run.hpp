#pragma once
// The daily run behind `arrears run` (and `arrears explain` on the bundled sample): bring the
// cases in the store up to date with the books, decide today's action for each, record the
// proposals, write the letters, and hand back the worklist. Everything it stores is one
// transaction. Private to src/cli; docs/run.md describes it.

#include <arrears/core/date.hpp>
#include <arrears/io/ledger_csv.hpp>
#include <arrears/model/reconciliation.hpp>
#include <arrears/policy/worklist.hpp>
#include <arrears/store/event_store.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace arrears::cli {

struct run_settings {
  /// The day of the run (a special date until set: the sample sets its own day).
  date today;
  /// The books: empty to decide on what the store holds without reconciling.
  std::string ledger;
  std::string debtors;
  bool skip_bad = false;
  /// 'playbook' or a rule table file; in the compliance guards unless `guards` is false.
  std::string policy = "playbook";
  bool guards = true;
  std::string jurisdiction = "nl";
  /// Where to write letters (Markdown and HTML); empty: no letters.
  std::filesystem::path letters;
  std::filesystem::path templates;
  std::filesystem::path sender;
  /// Record the actions whose whole work is the letter as done once it is written.
  bool auto_confirm_letters = false;
};

struct run_report {
  std::vector<worklist_item> worklist;  ///< in priority order
  std::vector<ledger_problem> skipped;  ///< bad rows left out with --skip-bad
  std::vector<reconciliation_notice> notices;
  /// Letters the run could not write ("case 'D-7': goodwill_notice: ..."); their actions
  /// stay on the worklist, not confirmed.
  std::vector<std::string> letter_problems;
  std::size_t ledger_items = 0;
  std::size_t reconciled_events = 0;
  std::size_t new_cases = 0;
  std::size_t cases_decided = 0;
  std::size_t proposals_recorded = 0;
  std::size_t letters_written = 0;
};

/// Runs on the store in `store_file` (created when absent, after the books, the policy and
/// the letter templates were read without fault).
[[nodiscard]] run_report daily_run(const run_settings& settings,
                                   const std::filesystem::path& store_file);

}  // namespace arrears::cli
