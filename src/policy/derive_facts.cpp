// Facts from a case on a day. Two passes over the claims (balances, the rest); no allocation.

#include <arrears/core/error.hpp>
#include <arrears/model/case_limitation.hpp>
#include <arrears/policy/derive_facts.hpp>

#include <algorithm>
#include <limits>
#include <string>

namespace arrears {
namespace {

/// Whole days from `from` to `to`, clamped to what a fact holds.
int fact_days(date from, date to) {
  // On day numbers (both are real dates): boost's subtraction checks for special values.
  const long days = static_cast<long>(to.day_number()) - static_cast<long>(from.day_number());
  return static_cast<int>(std::clamp<long>(days, -never_days, never_days));
}

int days_since(const std::optional<date>& day, date today) {
  return day ? fact_days(*day, today) : never_days;
}

/// Which verdict asks for action first: invalid, then partially valid, then valid.
int verdict_priority(dispute_verdict v) {
  switch (v) {
    case dispute_verdict::invalid:
      return 3;
    case dispute_verdict::partially_valid:
      return 2;
    case dispute_verdict::valid:
      return 1;
    case dispute_verdict::none:
      return 0;
  }
  return 0;
}

dispute_verdict as_fact(verdict v) {
  switch (v) {
    case verdict::valid:
      return dispute_verdict::valid;
    case verdict::partially_valid:
      return dispute_verdict::partially_valid;
    case verdict::invalid:
      return dispute_verdict::invalid;
  }
  return dispute_verdict::none;
}

/// Whether the law lets collection costs be charged today. Consumers under a law with a
/// costs notice (NL 14-day letter): only once that notice expired. Everyone else: once in
/// default on the oldest undisputed overdue claim.
bool costs_allowed_on(const collection_case& c, date today, const jurisdiction& law, const facts& f,
                      std::optional<date> oldest_overdue_due) {
  if (!oldest_overdue_due) return false;
  if (f.debtor_kind == debtor_kind::consumer && law.has_consumer_costs_notice())
    return f.fourteen_day_letter_expired;
  default_request request;
  request.debtor = f.debtor_kind;
  request.due_date = *oldest_overdue_due;
  request.formal_notice_sent_on = c.dunning().formal_notice_sent_on;
  const auto first_day = law.default_first_day(request);
  return first_day && *first_day <= today;
}

}  // namespace

facts derive_facts(const collection_case& c, date today, const facts_context& context) {
  if (today.is_special())
    throw error(errc::invalid_argument,
                "derive_facts: case " + c.id() + ": 'today' must be a date");
  if (c.last_event_on() && today < *c.last_event_on())
    throw error(errc::invalid_argument, "derive_facts: case " + c.id() + ": " + to_iso(today) +
                                            " is before the case's last event on " +
                                            to_iso(*c.last_event_on()));
  facts f;
  f.case_id = c.id();
  f.today = today;
  f.currency = c.currency();
  f.state = c.state_on(today);

  // One pass over the claims for what is not a balance.
  const money zero = money::zero(c.currency());
  money credit_due = zero;
  money invalid_dispute = zero;
  std::optional<date> oldest_overdue_due;
  bool ever_disputed = false;
  bool dispute_open = false;
  dispute_verdict verdict_fact = dispute_verdict::none;
  for (const claim_balance& balance : c.claims()) {
    if (balance.last_verdict || balance.dispute_open) ever_disputed = true;
    if (!balance.open.is_positive()) continue;
    const date due = balance.invoice.due_date;
    if (balance.undisputed().is_positive() && today > due)
      oldest_overdue_due = oldest_overdue_due ? std::min(*oldest_overdue_due, due) : due;
    if (due >= today) f.days_until_due = std::min(f.days_until_due, fact_days(today, due));
    f.days_since_invoice =
        std::min(f.days_since_invoice, fact_days(balance.invoice.issue_date, today));
    if (balance.dispute_open) dispute_open = true;
    if (balance.last_verdict) {
      const dispute_verdict v = as_fact(*balance.last_verdict);
      if (verdict_priority(v) > verdict_priority(verdict_fact)) verdict_fact = v;
    }
    credit_due += balance.awaiting_credit;
    if (balance.last_verdict == verdict::invalid && !balance.dispute_open)
      invalid_dispute += balance.open;
  }
  f.days_overdue = oldest_overdue_due ? fact_days(*oldest_overdue_due, today) : 0;
  f.dispute_state = dispute_open    ? dispute_state::open
                    : ever_disputed ? dispute_state::resolved
                                    : dispute_state::none;
  f.dispute_verdict = verdict_fact;
  f.credit_due_amount = credit_due;
  f.invalid_dispute_amount = invalid_dispute;
  f.instalment_due_amount = zero;

  const case_balances balances = c.balances_on(today);
  f.open_amount = balances.open_total;
  f.overdue_amount = balances.overdue;
  f.disputed_amount = balances.held;
  f.undisputed_amount = balances.open_principal - balances.held;
  f.dunnable_amount = balances.dunnable;

  const dunning_record& dunning = c.dunning();
  f.reminders_sent = dunning.reminders_sent;
  f.last_reminder_level = dunning.last_reminder_level;
  f.days_since_reminder = days_since(dunning.last_reminder_on, today);
  f.days_since_contact = days_since(dunning.last_contact_on, today);
  f.contacts_last_7_days = c.contacts().count_between(today - boost::gregorian::days(6), today);
  f.calls_made = dunning.calls_made;
  f.calls_reached = dunning.calls_reached;
  f.reason = c.reason();
  f.days_since_position_explained =
      days_since(c.last_letter_on(letter_kind::position_explanation), today);

  const case_counters& counters = c.counters();
  f.promises_made = counters.promises_made;
  f.promises_broken = counters.promises_broken;
  f.arrangements_broken = counters.arrangements_broken;
  if (const auto& promise = c.promise()) {
    f.promise_active = true;
    f.days_until_promise = fact_days(today, promise->due);
  }
  if (const auto& arrangement = c.arrangement()) {
    f.arrangement_active = true;
    f.instalments_missed = arrangement->missed;
    for (std::size_t i = 0; i < arrangement->schedule.size(); ++i) {
      if (arrangement->paid[i]) continue;
      const instalment& next = arrangement->schedule[i];
      if (next.due < today) f.days_instalment_overdue = fact_days(next.due, today);
      f.days_until_instalment = fact_days(today, next.due);
      f.instalment_due_amount = next.amount;
      break;  // the earliest unpaid instalment decides
    }
    const auto confirmed_on = c.last_letter_on(letter_kind::arrangement_confirmation);
    f.arrangement_confirmed = confirmed_on && *confirmed_on >= arrangement->agreed_on;
  }

  const debtor& debtor = c.debtor();
  f.debtor_kind = debtor.profile.kind;
  const money relationship = debtor.profile.relationship_value;
  if (!relationship.is_zero() && relationship.currency() != c.currency())
    throw error(errc::currency_mismatch, "derive_facts: case " + c.id() +
                                             ": the debtor's relationship value is in " +
                                             to_string(relationship.currency()) + ", the case in " +
                                             to_string(c.currency()));
  f.relationship_value = money(relationship.minor_units(), c.currency());
  f.goodwill_granted = !debtor.goodwill_history.empty();
  f.goodwill_count = static_cast<int>(debtor.goodwill_history.size());
  f.marketing_suppressed = debtor.marketing == marketing_status::suppressed;

  f.fourteen_day_letter_sent = dunning.fourteen_day_letter_sent_on.has_value();
  f.formal_notice_sent = dunning.formal_notice_sent_on.has_value();
  f.interest_due = c.interest_due();
  f.costs_due = c.costs_due();

  if (context.law != nullptr) {
    const jurisdiction& law = *context.law;
    if (dunning.fourteen_day_letter_sent_on) {
      const auto chargeable =
          law.consumer_costs_chargeable_from(*dunning.fourteen_day_letter_sent_on);
      f.fourteen_day_letter_expired = chargeable && *chargeable <= today;
    }
    f.costs_allowed = costs_allowed_on(c, today, law, f, oldest_overdue_due);
    // Without a limitation rule (the EU default pack) the fact stays never_days: the
    // jurisdiction cannot say, and guessing a date could cost the creditor the claim.
    if (law.has_limitation_rule()) {
      if (const auto deadline =
              earliest_limitation_deadline(c, law, context.consumer_sale_of_goods))
        f.days_to_limitation = fact_days(today, *deadline);
    }
  }

  f.agency_net_recovery =
      agency_net_recovery(f.dunnable_amount, f.relationship_value, context.economics);
  f.legal_net_recovery =
      legal_net_recovery(f.dunnable_amount, f.relationship_value, context.economics);
  return f;
}

}  // namespace arrears
