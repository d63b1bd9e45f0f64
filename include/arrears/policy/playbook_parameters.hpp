#pragma once
// The numbers of the collection playbook (docs/playbook.md), each a named parameter with the
// default the playbook suggests. The `playbook` policy validates them once, on construction.

#include <arrears/core/channel.hpp>
#include <arrears/policy/instalment_plan.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>

namespace arrears {

/// Every number the `playbook` policy uses. Day counts are calendar days; amounts are minor
/// units of the case's currency (the defaults suit EUR), as in economics_parameters.
/// docs/playbook.md has the table with each parameter's step and valid range.
struct playbook_parameters {
  // --- the dunning ladder (playbook §4) ----------------------------------------------
  /// Days past the due date before the first reminder (a claim is overdue from the day
  /// after its due date, so 1 is the earliest).
  int first_reminder_after_days = 3;
  /// Days from the last contact (reminder, letter, reached call) to the next rung of the
  /// ladder: the next reminder, the call, the hand-over.
  int days_between_reminders = 14;
  /// The deadline a reminder gives, counted from the day it is sent.
  int reminder_deadline_days = 10;
  /// Reminders before the first call ("phone call: often after the first reminder").
  int reminders_before_call = 1;
  /// Reminders and calls without result before the case is escalated ("after roughly one
  /// call and two reminders, hand over to a collection agency").
  int reminders_before_escalation = 2;
  int calls_before_escalation = 1;
  /// How reminders go out. Never `phone` (a reminder is written).
  arrears::channel reminder_channel = arrears::channel::email;
  /// How letters go out (14-day letter, position explanation, arrangement proposal and
  /// confirmation, credit note and goodwill notices, the limitation reminder). Never `phone`.
  arrears::channel letter_channel = arrears::channel::post;

  // --- before the due date (playbook §1) ---------------------------------------------
  /// Call a few days after the invoice to ask whether the customer is satisfied and the
  /// invoice arrived. Off by default.
  bool courtesy_call = false;
  /// Days after the invoice date before the courtesy call.
  int courtesy_call_after_invoice_days = 3;
  /// The courtesy call happens only while the due date is at least this many days ahead.
  int courtesy_call_until_days_before_due = 1;

  // --- notices before escalation (playbook §4, law-facts §2.5) -----------------------
  /// Consumers get the NL 14-day letter before any hand-over or legal action (and before
  /// collection costs).
  bool fourteen_day_letter_for_consumers = true;
  /// Days after the 14-day letter when the policy first looks whether its term has ended
  /// (delivery is assumed on the second day, the term is 14 days, weekends may extend it).
  int fourteen_day_letter_wait_days = 21;
  /// Send a formal notice of default (ingebrekestelling, Mahnung) before escalating. Off by
  /// default: with an agreed due date default starts without one (NL 6:83, 6:119a).
  bool formal_notice_before_escalation = false;
  /// The deadline a formal notice gives.
  int formal_notice_deadline_days = 14;
  arrears::channel formal_notice_channel = arrears::channel::registered_post;

  // --- escalation economics (playbook §3, §4) ----------------------------------------
  /// Legal action when its expected net recovery is at least this and beats the agency's.
  std::int64_t min_legal_net_recovery_minor = 500'00;
  /// Otherwise an agency when its expected net recovery is above this; otherwise the debt is
  /// written off as uncollectible.
  std::int64_t min_agency_net_recovery_minor = 0;
  /// How often a case with the agency or in court is looked at again.
  int agency_review_days = 30;
  int legal_review_days = 30;

  // --- disputes (playbook §3) --------------------------------------------------------
  /// How often an open dispute is looked at ("fix a justified error within a reasonable
  /// term, e.g. five working days").
  int dispute_review_days = 7;
  /// The deadline given when explaining why an invalid complaint does not stand.
  int explain_position_deadline_days = 14;
  /// Goodwill waives an invalid-dispute amount when the relationship is worth at least this
  /// many times the amount ...
  std::int64_t goodwill_relationship_factor = 5;
  /// ... and the amount is at most this.
  std::int64_t goodwill_max_amount_minor = 500'00;
  /// Goodwill grants per debtor, compared with how often the debtor had goodwill before
  /// (goodwill_count): 0 never, 1 once (the default, "at most once per debtor"), up to 100.
  int max_goodwill_per_debtor = 1;

  // --- arrangements and promises (playbook §5) ---------------------------------------
  /// Bounds of a proposed instalment plan: at most this many instalments, within this many
  /// months, each at least the minimum (the last may be the remainder), weekly or monthly.
  int arrangement_max_instalments = 3;
  int arrangement_max_months = 3;
  std::int64_t arrangement_min_instalment_minor = 25'00;
  instalment_interval arrangement_interval = instalment_interval::monthly;
  /// The first proposed instalment falls due this many days after the proposal.
  int first_instalment_after_days = 14;
  /// The debtor has this many days to accept a proposal.
  int arrangement_answer_days = 10;
  /// Confirm every agreed arrangement in writing ("confirm every arrangement in writing"):
  /// `confirm_arrangement` until an arrangement_confirmation letter is recorded. Off only
  /// where the confirmation goes out elsewhere (e.g. when the arrangement is recorded).
  bool confirm_arrangements = true;
  /// The confirmation goes by `letter_channel`, or by registered post when the amount under
  /// the arrangement is above this ("for costly disputes: registered mail").
  std::int64_t registered_confirmation_above_minor = 5'000'00;
  /// A `cannot_pay` debtor is offered a new arrangement until this many arrangements broke;
  /// then the ladder resumes.
  int broken_arrangements_before_ladder = 1;
  /// Days an unpaid instalment is tolerated before a friendly nudge, and the days between
  /// nudges.
  int instalment_nudge_after_days = 3;
  int days_between_nudges = 7;
  /// Missed instalments that break an arrangement (the ladder resumes one step further).
  int missed_instalments_to_break = 2;
  /// How often a running arrangement is looked at.
  int arrangement_review_days = 7;
  /// A promise is looked at this many days after its date (1: the day after, when it is
  /// known whether it was kept).
  int promise_grace_days = 1;

  // --- limitation (playbook §4) ------------------------------------------------------
  /// A written reminder goes out when a claim would prescribe within this many days (it
  /// interrupts limitation, NL art. 3:317 BW) ...
  int limitation_reminder_days = 90;
  /// ... at most once per this many days (where a reminder does not interrupt, e.g. DE).
  int limitation_reminder_repeat_days = 30;

  // --- marketing (playbook §6) -------------------------------------------------------
  /// Suppress sales and marketing while a case is in collection.
  bool suppress_marketing_while_open = true;
  /// Re-activate the customer once the case is resolved (closed, nothing overdue any more,
  /// or a healthy arrangement).
  bool reactivate_marketing_on_resolution = true;

  /// How often a case with nothing overdue and nothing falling due is looked at.
  int idle_review_days = 30;

  friend bool operator==(const playbook_parameters&, const playbook_parameters&) = default;
};

BOOST_DESCRIBE_STRUCT(
    playbook_parameters, (),
    (first_reminder_after_days, days_between_reminders, reminder_deadline_days,
     reminders_before_call, reminders_before_escalation, calls_before_escalation, reminder_channel,
     letter_channel, courtesy_call, courtesy_call_after_invoice_days,
     courtesy_call_until_days_before_due, fourteen_day_letter_for_consumers,
     fourteen_day_letter_wait_days, formal_notice_before_escalation, formal_notice_deadline_days,
     formal_notice_channel, min_legal_net_recovery_minor, min_agency_net_recovery_minor,
     agency_review_days, legal_review_days, dispute_review_days, explain_position_deadline_days,
     goodwill_relationship_factor, goodwill_max_amount_minor, max_goodwill_per_debtor,
     arrangement_max_instalments, arrangement_max_months, arrangement_min_instalment_minor,
     arrangement_interval, first_instalment_after_days, arrangement_answer_days,
     confirm_arrangements, registered_confirmation_above_minor, broken_arrangements_before_ladder,
     instalment_nudge_after_days, days_between_nudges, missed_instalments_to_break,
     arrangement_review_days, promise_grace_days, limitation_reminder_days,
     limitation_reminder_repeat_days, suppress_marketing_while_open,
     reactivate_marketing_on_resolution, idle_review_days))

/// Checks every parameter against its range (docs/playbook.md). Throws
/// error{errc::invalid_argument} naming the first bad parameter, its value and the range.
void validate(const playbook_parameters& parameters);

}  // namespace arrears
