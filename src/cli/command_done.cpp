// `arrears done ACTION_ID --store FILE [--note TEXT] [--on YYYY-MM-DD] [--actor NAME]
// [--reached [--reason R]] [--agency NAME] [--reference REF]`: confirms that an action of
// the worklist was carried out. Records the events that say so on the case (the letter
// sent, the call made, the hand-over; policy/carried_out.hpp) and marks the action done,
// in one transaction.

#include "commands.hpp"
#include "options.hpp"

#include <arrears/core/error.hpp>
#include <arrears/policy/carried_out.hpp>
#include <arrears/store/event_store.hpp>

#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/describe/enum_from_string.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace arrears::cli {
namespace {

struct done_options {
  std::int64_t id = 0;
  std::string store;
  std::string note;
  std::string on;
  std::string actor;
  bool reached = false;
  std::string reason;
  std::string agency;
  std::string reference;
};

std::string default_actor() {
  const char* user = std::getenv("USER");
  return user != nullptr && *user != '\0' ? std::string(user) : std::string("user");
}

reason parse_reason(const std::string& text) {
  reason out{};
  if (!boost::describe::enum_from_string(text.c_str(), out))
    throw error(errc::invalid_argument,
                fmt::format("--reason: unknown reason '{}'; expected forgot, cannot_pay, "
                            "dissatisfied, administrative, unwilling or unknown",
                            text));
  return out;
}

void run_done(const done_options& options) {
  event_store store = event_store::open(options.store);
  const std::optional<proposal> found = store.find_proposal(options.id);
  if (!found)
    throw error(errc::invalid_argument,
                fmt::format("store '{}': no action {} was proposed", options.store, options.id));
  if (found->done)
    throw error(errc::invalid_argument,
                fmt::format("action {} ({} for case '{}') was already done on {} by {}", options.id,
                            action_name(found->proposed.kind), found->case_id,
                            to_iso(found->done->on), found->done->actor));

  std::optional<collection_case> c = store.find_case(found->case_id, history_policy::discard);
  if (!c)
    throw error(errc::io_error, fmt::format("store '{}': action {} names case '{}', which it "
                                            "does not hold",
                                            options.store, options.id, found->case_id));

  const date on = options.on.empty()
                      ? std::max(found->day, boost::gregorian::day_clock::local_day())
                      : parse_date_option("--on", options.on);
  carried_out_details details;
  details.reached = options.reached;
  if (!options.reason.empty()) {
    if (!options.reached)
      throw error(errc::invalid_argument,
                  "--reason: only with --reached: the reason the debtor gave on the call");
    details.reason = parse_reason(options.reason);
  }
  details.agency = options.agency;
  details.reference = options.reference;
  const std::string actor = options.actor.empty() ? default_actor() : options.actor;

  // Checked on the case before anything is written.
  std::vector<event> events;
  for (event_body& body : carried_out(*c, found->proposed, details)) {
    event e(on, std::move(body), actor, options.note);
    if (auto refused = c->try_apply(e))
      throw error(errc::invalid_argument,
                  fmt::format("action {}: case '{}' refuses {}: {} (nothing was written)",
                              options.id, c->id(), event_type_name(e.type()), refused->message));
    events.push_back(std::move(e));
  }
  store.begin();
  for (const event& e : events) store.append(c->id(), e);
  store.complete(options.id, {on, actor, options.note});
  store.commit();

  std::string recorded;
  for (const event& e : events)
    recorded += (recorded.empty() ? "" : ", ") + std::string(event_type_name(e.type()));
  fmt::print("action {} done: {} for case '{}' on {}{}\n", options.id,
             action_name(found->proposed.kind), c->id(), to_iso(on),
             recorded.empty() ? std::string() : "; recorded " + recorded);
}

}  // namespace

void register_done_command(CLI::App& app) {
  auto options = std::make_shared<done_options>();
  CLI::App* command = app.add_subcommand(
      "done", "Confirm that an action of the worklist was carried out (docs/run.md)");
  command->add_option("ACTION_ID", options->id, "The action's id, as the worklist shows it")
      ->required();
  command->add_option("--store", options->store, "The store the run recorded the action in")
      ->required();
  command->add_option("--note", options->note, "What to note with it (kept in the history)");
  command->add_option("--on", options->on,
                      "The day it was done, YYYY-MM-DD (default: today, or the day it was "
                      "proposed when that is later)");
  command->add_option("--actor", options->actor, "Who did it (default: $USER)");
  command->add_flag("--reached", options->reached, "call: the debtor was reached");
  command->add_option("--reason", options->reason,
                      "call: the reason the debtor gave (forgot, cannot_pay, dissatisfied, "
                      "administrative, unwilling)");
  command->add_option("--agency", options->agency, "escalate_agency: the agency");
  command->add_option("--reference", options->reference, "start_legal: the court's reference");
  command->callback([options] { run_done(*options); });
}

}  // namespace arrears::cli
