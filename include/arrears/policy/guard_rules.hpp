#pragma once
// Compliance guards: the rules that veto or postpone what another policy decided. guarded<P>
// (policy/guarded.hpp) applies them to a policy; apply_guards applies them to any decision.
// docs/decide.md describes each guard, its reason and its switch.

#include <arrears/core/calendar.hpp>
#include <arrears/policy/decision.hpp>
#include <arrears/policy/facts.hpp>

#include <memory>
#include <string_view>

namespace arrears {

/// Which guards run, and their limits. Every guard is on by default; switch one off by
/// setting its flag to false. Cheap to copy: the calendar is shared.
struct guard_rules {
  /// Contact cap: at most `contact_cap` contacts (facts.contacts_last_7_days) in the seven
  /// days up to and including today; a contact action beyond it waits.
  bool cap_contacts = true;
  /// At least 1.
  int contact_cap = 3;

  /// Quiet days: no contact action on a Sunday or a public holiday of `calendar`.
  bool quiet_days = true;
  /// Saturday counts as a day for contact (the Dutch collection code of conduct allows it);
  /// false makes Saturday quiet too.
  bool contact_on_saturday = true;
  /// Whose public holidays are quiet; empty means the Dutch calendar with Good Friday
  /// (dutch_calendar::instance()).
  std::shared_ptr<const business_calendar> calendar;

  /// Disputed money: a dunning action never asks more than facts.dunnable_amount, and is
  /// vetoed when nothing is dunnable.
  bool protect_disputed = true;

  /// Consumer costs: collection costs are stripped from any action for a consumer until the
  /// 14-day letter expired (or facts.costs_allowed says the jurisdiction's notice has run).
  bool consumer_costs_notice = true;

  /// Limitation: no start_legal once a claim is time-barred (facts.days_to_limitation < 0).
  bool respect_limitation = true;
};

/// The reason rule names the guards write ("guard.contact_cap", ...).
namespace guard_rule {
inline constexpr std::string_view limitation = "guard.limitation";
inline constexpr std::string_view disputed_amount = "guard.disputed_amount";
inline constexpr std::string_view consumer_costs = "guard.consumer_costs";
inline constexpr std::string_view contact_cap = "guard.contact_cap";
inline constexpr std::string_view quiet_day = "guard.quiet_day";
}  // namespace guard_rule

/// Throws error{errc::invalid_argument} when `rules` cannot work (a contact cap below 1).
void validate_guard_rules(const guard_rules& rules);

/// Applies the guards of `rules` to `d`, decided for `f`, in this order: limitation,
/// disputed amount, consumer costs, contact cap, quiet day. Each guard that changes the
/// decision appends a reason (rule "guard.<name>", a note saying what it changed and the
/// original action, the facts it read) and sets d.currency to f.currency. A vetoed action
/// becomes `hold` with next_review on the day it may go ahead (tomorrow when that day cannot
/// be known from the facts), or `none` when waiting cannot help (a time-barred claim).
/// Allocates only when a guard fires. Throws error{errc::invalid_argument} when a date
/// guard needs f.today and it is not a date, error{errc::currency_mismatch} when the
/// decision's amount is not in the facts' currency.
void apply_guards(const guard_rules& rules, const facts& f, decision& d);

}  // namespace arrears
