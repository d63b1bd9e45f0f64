#pragma once
// Facts: everything a policy may know about a case on a day, as one flat struct. Rules name
// its fields (docs/policy-language.md lists them); policies decide from facts alone, which is
// what lets an agency score a CSV export of facts without any cases.

#include <arrears/core/currency.hpp>
#include <arrears/core/date.hpp>
#include <arrears/core/debtor.hpp>
#include <arrears/core/money.hpp>
#include <arrears/model/case_state.hpp>
#include <arrears/model/reason.hpp>
#include <arrears/policy/dispute_facts.hpp>

#include <boost/describe/class.hpp>

#include <string_view>

namespace arrears {

/// A day count for something that never happened or never will: no contact yet, nothing
/// open that can prescribe, nothing left to fall due. Large enough that `x > 30` holds and
/// `x < 30` does not.
inline constexpr int never_days = 99'999;

/// The facts of one case on one day. Amounts are in the case's currency. Day counts are
/// whole calendar days. The first three members identify the case and are not facts rules
/// can name; the rest are (each is described below and in docs/policy-language.md).
struct facts {
  /// The case; a view into the case (or the CSV row) the facts were derived from.
  std::string_view case_id;
  date today;
  arrears::currency currency;

  case_state state = case_state::current;
  /// Days since the due date of the oldest undisputed overdue claim; 0 when none.
  int days_overdue = 0;
  /// Days until the earliest due date still ahead of an open claim; never_days when none.
  int days_until_due = never_days;
  /// Days since the issue date of the most recently issued open claim; never_days when none.
  int days_since_invoice = never_days;
  /// Everything still owed: principal, costs and interest.
  money open_amount;
  /// Open principal past its due date, disputed parts included.
  money overdue_amount;
  /// Principal on hold: under an open dispute, or found justified and awaiting a credit note.
  money disputed_amount;
  /// Open principal not on hold.
  money undisputed_amount;
  /// What may be dunned today: undisputed overdue principal plus costs and interest charged.
  money dunnable_amount;
  /// Found justified, waiting for a credit note.
  money credit_due_amount;
  /// Reminders since the dunning clock last (re)started.
  int reminders_sent = 0;
  int last_reminder_level = 0;
  int days_since_reminder = never_days;
  /// Days since the debtor was last reached (reminder, letter, reached call); never_days when
  /// never.
  int days_since_contact = never_days;
  /// Contacts (reminders, letters, calls) in the seven days up to and including today.
  int contacts_last_7_days = 0;
  int calls_made = 0;
  int calls_reached = 0;
  arrears::reason reason = arrears::reason::unknown;
  arrears::dispute_state dispute_state = arrears::dispute_state::none;
  arrears::dispute_verdict dispute_verdict = arrears::dispute_verdict::none;
  /// Open principal of the claims whose latest verdict is `invalid`: what an invalid
  /// complaint held back and is now collected again.
  money invalid_dispute_amount;
  /// Days since a position_explanation letter went out; never_days when none did.
  int days_since_position_explained = never_days;
  int promises_made = 0;
  int promises_broken = 0;
  bool promise_active = false;
  /// Days until the running promise's date (negative once it passed); never_days without one.
  int days_until_promise = never_days;
  bool arrangement_active = false;
  /// Instalments missed in the running arrangement (0 without one).
  int instalments_missed = 0;
  /// Days since the earliest unpaid instalment of the running arrangement fell due; 0 when none.
  int days_instalment_overdue = 0;
  /// The earliest unpaid instalment of the running arrangement: its amount, and the days
  /// until it falls due (negative once late); zero and never_days without one.
  money instalment_due_amount;
  int days_until_instalment = never_days;
  /// An arrangement_confirmation letter went out since the running arrangement was agreed.
  bool arrangement_confirmed = false;
  int arrangements_broken = 0;
  arrears::debtor_kind debtor_kind = arrears::debtor_kind::business;
  money relationship_value;
  /// The debtor has had goodwill before (playbook: at most once per debtor by default).
  bool goodwill_granted = false;
  /// How often the debtor has had goodwill.
  int goodwill_count = 0;
  bool fourteen_day_letter_sent = false;
  /// The 14-day letter's term has ended: a consumer may now be charged collection costs.
  bool fourteen_day_letter_expired = false;
  bool formal_notice_sent = false;
  /// The law lets collection costs be charged today: for a business once in default, for a
  /// consumer only after the jurisdiction's notice (NL: an expired 14-day letter).
  bool costs_allowed = false;
  /// Interest and costs charged and not yet paid.
  money interest_due;
  money costs_due;
  /// Days until the earliest limitation deadline of an open claim; never_days when none.
  int days_to_limitation = never_days;
  /// Expected recovery of each route, net of its costs and delay (policy/economics.hpp).
  money agency_net_recovery;
  money legal_net_recovery;
  bool marketing_suppressed = false;
};

BOOST_DESCRIBE_STRUCT(
    facts, (),
    (state, days_overdue, days_until_due, days_since_invoice, open_amount, overdue_amount,
     disputed_amount, undisputed_amount, dunnable_amount, credit_due_amount, reminders_sent,
     last_reminder_level, days_since_reminder, days_since_contact, contacts_last_7_days, calls_made,
     calls_reached, reason, dispute_state, dispute_verdict, invalid_dispute_amount,
     days_since_position_explained, promises_made, promises_broken, promise_active,
     days_until_promise, arrangement_active, instalments_missed, days_instalment_overdue,
     instalment_due_amount, days_until_instalment, arrangement_confirmed, arrangements_broken,
     debtor_kind, relationship_value, goodwill_granted, goodwill_count, fourteen_day_letter_sent,
     fourteen_day_letter_expired, formal_notice_sent, costs_allowed, interest_due, costs_due,
     days_to_limitation, agency_net_recovery, legal_net_recovery, marketing_suppressed))

}  // namespace arrears
