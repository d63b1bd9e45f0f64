// The compliance guards of guard_rules.hpp. Kept out of the guarded<P> template so that
// every instantiation shares one compiled copy, and so that the guards can be applied to a
// decision from anywhere (the C API, the simulator).

#include <arrears/core/dutch_calendar.hpp>
#include <arrears/core/error.hpp>
#include <arrears/core/money.hpp>
#include <arrears/policy/fact_schema.hpp>
#include <arrears/policy/guard_rules.hpp>

#include "fact_ids.hpp"

#include <boost/date_time/date_defs.hpp>

#include <string>

namespace arrears {
namespace {

/// The facts the guards read.
namespace id = detail::fact_id;

const business_calendar& calendar_of(const guard_rules& rules) {
  return rules.calendar ? *rules.calendar : dutch_calendar::instance();
}

void require_today(const facts& f, std::string_view guard) {
  if (f.today.is_special())
    throw error(errc::invalid_argument,
                "case '" + std::string(f.case_id) + "': the " + std::string(guard) +
                    " guard needs the facts' date (today), which is not set");
}

/// Why `day` is quiet, or nullptr when contact is allowed on it.
const char* quiet_because(const guard_rules& rules, date day) {
  const auto weekday = day.day_of_week().as_enum();
  if (weekday == boost::date_time::Sunday) return "a Sunday";
  if (weekday == boost::date_time::Saturday && !rules.contact_on_saturday) return "a Saturday";
  if (calendar_of(rules).is_holiday(day)) return "a public holiday";
  return nullptr;
}

/// The first day from `day` on that is not quiet (when the quiet-day guard is on).
date first_contact_day(const guard_rules& rules, date day) {
  if (!rules.quiet_days) return day;
  while (quiet_because(rules, day) != nullptr) day = detail::next_day(day, "guarded");
  return day;
}

/// "remind of 500.00 EUR (costs 40.00 EUR)": the action as the inner policy decided it, for
/// the note of the guard that replaces it.
std::string original_action(const decision& d) {
  std::string text = action_name(d.kind);
  if (d.parameters.amount) text += " of " + to_string(*d.parameters.amount);
  if (d.parameters.costs) text += " (costs " + to_string(*d.parameters.costs) + ")";
  if (d.parameters.deadline) text += " with deadline " + to_iso(*d.parameters.deadline);
  return text;
}

/// Replaces the decided action; keeps the storage of the parameters for reuse.
void replace_action(decision& d, action replacement, std::optional<date> review) {
  d.kind = replacement;
  d.parameters.channel.reset();
  d.parameters.amount.reset();
  d.parameters.costs.reset();
  d.parameters.deadline.reset();
  d.parameters.letter.reset();
  d.parameters.reminder_level = 0;
  d.parameters.instalments.clear();
  d.next_review = review;
}

decision_reason& add_guard_reason(decision& d, const facts& f, std::string_view rule) {
  d.currency = f.currency;
  return d.add_reason(rule);
}

// --- the guards, in the order apply_guards runs them ---------------------------------------

// A time-barred claim cannot be enforced in court: starting legal action only adds costs the
// creditor will bear. Waiting does not help, so the action becomes `none`; the inner
// policy's next review stays, so the case is looked at again (to write the barred claim off
// or settle it: days_to_limitation is the earliest deadline over the open claims, so one
// barred claim blocks legal action on the others until it is dealt with).
void limitation_guard(const facts& f, decision& d) {
  if (d.kind != action::start_legal || f.days_to_limitation >= 0) return;
  const int days_ago = -f.days_to_limitation;
  std::string note = "vetoed " + original_action(d) +
                     ": a claim is time-barred (limitation ran out " + std::to_string(days_ago) +
                     (days_ago == 1 ? " day" : " days") +
                     " ago); a court will not enforce it, so write the barred claim off or "
                     "settle it first";
  replace_action(d, action::none, d.next_review);
  decision_reason& reason = add_guard_reason(d, f, guard_rule::limitation);
  reason.note = std::move(note);
  record_fact(reason, f, id::days_to_limitation);
}

// Disputed money is on hold until a verdict: dunning may ask the undisputed overdue part
// (plus charged costs and interest), never more.
void disputed_amount_guard(const facts& f, decision& d) {
  if (!is_dunning(d.kind)) return;
  const money dunnable = f.dunnable_amount;
  if (!dunnable.is_positive()) {
    require_today(f, "disputed-amount");
    const date tomorrow = detail::next_day(f.today, "guarded");
    std::string note = "vetoed " + original_action(d) + ": nothing can be dunned (dunnable " +
                       to_string(dunnable) + ", disputed " + to_string(f.disputed_amount) +
                       "); look again on " + to_iso(tomorrow);
    replace_action(d, action::hold, tomorrow);
    decision_reason& reason = add_guard_reason(d, f, guard_rule::disputed_amount);
    reason.note = std::move(note);
    record_fact(reason, f, id::dunnable_amount);
    record_fact(reason, f, id::disputed_amount);
    return;
  }
  if (!d.parameters.amount || *d.parameters.amount <= dunnable) return;
  std::string note = "cut the amount of " + std::string(action_name(d.kind)) + " from " +
                     to_string(*d.parameters.amount) + " to " + to_string(dunnable) +
                     ", what may be dunned today (disputed " + to_string(f.disputed_amount) + ")";
  d.parameters.amount = dunnable;
  decision_reason& reason = add_guard_reason(d, f, guard_rule::disputed_amount);
  reason.note = std::move(note);
  record_fact(reason, f, id::dunnable_amount);
  record_fact(reason, f, id::disputed_amount);
}

// NL art. 6:96 lid 6 BW: a consumer owes collection costs only after the 14-day letter's
// term has run. costs_allowed also lets costs through: derive_facts sets it from the
// jurisdiction's own rule, which for a consumer under NL law is exactly the expired letter
// and for laws without such a letter is the start of default.
void consumer_costs_guard(const facts& f, decision& d) {
  if (!d.parameters.costs || d.parameters.costs->is_zero()) return;
  if (f.debtor_kind != debtor_kind::consumer) return;
  if (f.fourteen_day_letter_expired || f.costs_allowed) return;
  std::string note = "removed costs " + to_string(*d.parameters.costs) + " from " +
                     action_name(d.kind) +
                     ": a consumer may be charged collection costs only after the 14-day "
                     "letter expired";
  d.parameters.costs.reset();
  decision_reason& reason = add_guard_reason(d, f, guard_rule::consumer_costs);
  reason.note = std::move(note);
  record_fact(reason, f, id::debtor_kind);
  record_fact(reason, f, id::fourteen_day_letter_expired);
  record_fact(reason, f, id::costs_allowed);
}

// The facts count the contacts in the window but do not say when the oldest of them was, so
// the day the window frees up cannot be known: the case is looked at again on the next day
// contact is allowed, when the facts will say whether the cap still holds.
void contact_cap_guard(const guard_rules& rules, const facts& f, decision& d) {
  if (!contacts_debtor(d.kind) || f.contacts_last_7_days < rules.contact_cap) return;
  require_today(f, "contact-cap");
  const date review = first_contact_day(rules, detail::next_day(f.today, "guarded"));
  std::string note = "vetoed " + original_action(d) + ": " +
                     std::to_string(f.contacts_last_7_days) + " contacts in the 7 days up to " +
                     to_iso(f.today) + " (cap " + std::to_string(rules.contact_cap) +
                     "); look again on " + to_iso(review);
  replace_action(d, action::hold, review);
  decision_reason& reason = add_guard_reason(d, f, guard_rule::contact_cap);
  reason.note = std::move(note);
  record_fact(reason, f, id::contacts_last_7_days);
}

void quiet_day_guard(const guard_rules& rules, const facts& f, decision& d) {
  if (!contacts_debtor(d.kind)) return;
  require_today(f, "quiet-day");
  const char* why = quiet_because(rules, f.today);
  if (why == nullptr) return;
  const date review = first_contact_day(rules, detail::next_day(f.today, "guarded"));
  std::string note = "postponed " + original_action(d) + ": " + to_iso(f.today) + " is " + why +
                     "; no contact before " + to_iso(review);
  replace_action(d, action::hold, review);
  add_guard_reason(d, f, guard_rule::quiet_day).note = std::move(note);
}

}  // namespace

void validate_guard_rules(const guard_rules& rules) {
  if (rules.cap_contacts && rules.contact_cap < 1)
    throw error(errc::invalid_argument, "guard_rules: contact_cap must be at least 1, got " +
                                            std::to_string(rules.contact_cap) +
                                            "; set cap_contacts = false to switch "
                                            "the contact cap off");
}

void apply_guards(const guard_rules& rules, const facts& f, decision& d) {
  if (rules.respect_limitation) limitation_guard(f, d);
  if (rules.protect_disputed) disputed_amount_guard(f, d);
  if (rules.consumer_costs_notice) consumer_costs_guard(f, d);
  if (rules.cap_contacts) contact_cap_guard(rules, f, d);
  if (rules.quiet_days) quiet_day_guard(rules, f, d);
}

}  // namespace arrears
