// The playbook policy on facts built by hand: one test per situation of the playbook
// (docs/playbook.md), the parameters' validation, and properties over generated facts.

#include <arrears/policy/any_policy.hpp>
#include <arrears/policy/fact_schema.hpp>
#include <arrears/policy/playbook.hpp>
#include <arrears/policy/policy.hpp>

#include <gtest/gtest.h>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "support/case_builder.hpp"

namespace arrears {
namespace {

using namespace arrears::testing;

static_assert(policy<playbook>);
static_assert(reusing_policy<playbook>);

const currency euro = currency::from_code("EUR");

/// A business debtor 10 days past the due date of a 1000.00 invoice, nothing sent yet.
facts overdue_business() {
  facts f;
  f.case_id = "C-1";
  f.today = day("2025-03-10");
  f.currency = euro;
  f.state = case_state::overdue;
  f.days_overdue = 10;
  f.days_since_invoice = 40;
  for (money* m : {&f.open_amount, &f.overdue_amount, &f.disputed_amount, &f.undisputed_amount,
                   &f.dunnable_amount, &f.credit_due_amount, &f.invalid_dispute_amount,
                   &f.instalment_due_amount, &f.relationship_value, &f.interest_due, &f.costs_due,
                   &f.agency_net_recovery, &f.legal_net_recovery})
    *m = eur("0.00");
  f.open_amount = f.overdue_amount = f.undisputed_amount = f.dunnable_amount = eur("1000.00");
  f.relationship_value = eur("1000.00");
  f.agency_net_recovery = eur("300.00");
  f.legal_net_recovery = eur("100.00");
  f.marketing_suppressed = true;  // most tests are not about marketing
  return f;
}

facts overdue_consumer() {
  facts f = overdue_business();
  f.debtor_kind = debtor_kind::consumer;
  return f;
}

date in(const facts& f, int count) { return f.today + days(count); }

/// The value the decision's (first) reason read for fact `name`; fails when it read none.
std::int64_t read_value(const decision& d, std::string_view name) {
  const auto index = find_fact(name);
  EXPECT_TRUE(index) << name;
  EXPECT_FALSE(d.reasons.empty());
  if (!index || d.reasons.empty()) return -1;
  for (const auto& reading : d.reasons.front().facts)
    if (reading.fact == *index) return reading.value;
  ADD_FAILURE() << "the reason " << d.reasons.front().rule << " did not read " << name;
  return -1;
}

std::string rule_of(const decision& d) { return d.reasons.empty() ? "" : d.reasons.front().rule; }

// --- the situations of the playbook ----------------------------------------------------

TEST(playbook, forgetful_payer_gets_a_friendly_reminder_with_a_deadline) {
  facts f = overdue_business();
  f.reason = reason::forgot;
  const decision d = playbook().decide(f);
  EXPECT_EQ(d.kind, action::remind);
  EXPECT_EQ(rule_of(d), "playbook.first_reminder");
  EXPECT_EQ(d.parameters.reminder_level, 1);
  EXPECT_EQ(d.parameters.channel, channel::email);
  EXPECT_EQ(d.parameters.amount, eur("1000.00"));
  EXPECT_EQ(d.parameters.deadline, in(f, 10));
  EXPECT_EQ(d.next_review, in(f, 14));
  EXPECT_EQ(d.currency, euro);
  ASSERT_EQ(d.reasons.size(), 1u);
  EXPECT_EQ(read_value(d, "days_overdue"), 10);
  EXPECT_EQ(read_value(d, "dunnable_amount"), 1000'00);
}

TEST(playbook, waits_a_few_days_after_the_due_date_before_the_first_reminder) {
  facts f = overdue_business();
  f.days_overdue = 1;
  const decision d = playbook().decide(f);
  EXPECT_EQ(d.kind, action::none);
  EXPECT_EQ(rule_of(d), "playbook.await_first_reminder");
  EXPECT_EQ(d.next_review, in(f, 2)) << "the first reminder is due 3 days after the due date";
}

TEST(playbook, climbs_the_ladder_reminder_call_reminder_then_hands_over) {
  const playbook policy;
  facts f = overdue_business();
  f.days_overdue = 30;
  f.reminders_sent = f.last_reminder_level = 1;
  f.days_since_reminder = f.days_since_contact = 14;
  decision d = policy.decide(f);
  EXPECT_EQ(d.kind, action::call) << "a call after the first reminder";
  EXPECT_EQ(d.parameters.channel, channel::phone);
  EXPECT_EQ(rule_of(d), "playbook.call");

  f.calls_made = 1;
  d = policy.decide(f);
  EXPECT_EQ(d.kind, action::remind);
  EXPECT_EQ(d.parameters.reminder_level, 2);
  EXPECT_EQ(rule_of(d), "playbook.next_reminder");

  f.days_since_contact = 5;
  d = policy.decide(f);
  EXPECT_EQ(d.kind, action::none) << "not before the next step is due";
  EXPECT_EQ(rule_of(d), "playbook.await_next_step");
  EXPECT_EQ(d.next_review, in(f, 9));

  f.reminders_sent = f.last_reminder_level = 2;
  f.days_since_contact = f.days_since_reminder = 14;
  d = policy.decide(f);
  EXPECT_EQ(d.kind, action::escalate_agency) << "one call and two reminders without result";
  EXPECT_EQ(rule_of(d), "playbook.escalate_agency");
  EXPECT_EQ(d.parameters.amount, eur("1000.00"));
  EXPECT_EQ(d.next_review, in(f, 30));
}

TEST(playbook, the_ladder_shape_follows_the_parameters) {
  playbook_parameters p;
  p.reminders_before_call = 0;
  p.calls_before_escalation = 2;
  const playbook policy(p);
  facts f = overdue_business();
  f.days_since_contact = 30;
  std::vector<action> steps;
  for (int rung = 0; rung < 5; ++rung) {
    const decision d = policy.decide(f);
    steps.push_back(d.kind);
    if (d.kind == action::remind) f.last_reminder_level = d.parameters.reminder_level;
    if (d.kind == action::call) ++f.calls_made;
  }
  const std::vector<action> want{action::call, action::remind, action::call, action::remind,
                                 action::escalate_agency};
  EXPECT_EQ(steps, want) << "a call first, then calls and reminders in turn";
}

TEST(playbook, hands_over_to_the_route_with_the_best_expected_net_recovery) {
  const playbook policy;
  facts f = overdue_business();
  f.reminders_sent = f.last_reminder_level = 2;
  f.calls_made = 1;
  f.days_since_contact = 20;
  f.legal_net_recovery = eur("800.00");
  f.agency_net_recovery = eur("300.00");
  EXPECT_EQ(policy.decide(f).kind, action::start_legal);
  f.legal_net_recovery = eur("400.00");  // below the 500.00 minimum for legal action
  EXPECT_EQ(policy.decide(f).kind, action::escalate_agency);
  f.agency_net_recovery = eur("-10.00");
  const decision d = policy.decide(f);
  EXPECT_EQ(d.kind, action::write_off_uncollectible) << "both routes would destroy value";
  EXPECT_EQ(d.parameters.amount, eur("1000.00"));
}

TEST(playbook, cannot_pay_gets_an_arrangement_and_never_enters_the_notice_loop) {
  const playbook policy;
  for (const auto kind : {debtor_kind::consumer, debtor_kind::business}) {
    for (int reminders = 0; reminders <= 3; ++reminders) {
      for (const int since_contact : {0, 14, 60, never_days}) {
        facts f = overdue_business();
        f.debtor_kind = kind;
        f.reason = reason::cannot_pay;
        f.days_overdue = 90;
        f.reminders_sent = f.last_reminder_level = reminders;
        f.calls_made = 1;
        f.days_since_contact = since_contact;
        const decision d = policy.decide(f);
        EXPECT_EQ(d.kind, action::propose_arrangement);
        EXPECT_EQ(rule_of(d), "playbook.cannot_pay_arrangement");
      }
    }
  }
  facts f = overdue_business();
  f.reason = reason::cannot_pay;
  const decision d = policy.decide(f);
  EXPECT_EQ(d.parameters.letter, letter_kind::arrangement_proposal);
  EXPECT_EQ(d.parameters.amount, eur("1000.00"));
  EXPECT_EQ(d.parameters.deadline, in(f, 10));
  const std::vector<instalment> want{{in(f, 14), eur("333.34")},
                                     {day("2025-04-24"), eur("333.33")},
                                     {day("2025-05-24"), eur("333.33")}};
  EXPECT_EQ(d.parameters.instalments, want) << "the whole debt within three months";
}

TEST(playbook, an_arrangement_respects_the_minimum_instalment_and_a_weekly_rhythm) {
  playbook_parameters p;
  p.arrangement_interval = instalment_interval::weekly;
  p.arrangement_max_instalments = 12;
  p.arrangement_min_instalment_minor = 100'00;
  facts f = overdue_business();
  f.reason = reason::cannot_pay;
  f.dunnable_amount = eur("450.00");
  const decision d = playbook(p).decide(f);
  ASSERT_EQ(d.parameters.instalments.size(), 4u) << "each at least 100.00";
  EXPECT_EQ(d.parameters.instalments[1].due - d.parameters.instalments[0].due, days(7));
  money sum = eur("0.00");
  for (const auto& part : d.parameters.instalments) sum += part.amount;
  EXPECT_EQ(sum, eur("450.00"));
}

TEST(playbook, cannot_pay_resumes_the_ladder_once_an_arrangement_broke) {
  facts f = overdue_business();
  f.reason = reason::cannot_pay;
  f.arrangements_broken = 1;
  f.days_since_contact = 30;
  const decision d = playbook().decide(f);
  EXPECT_EQ(d.kind, action::call) << "one step further than the first reminder";
}

TEST(playbook, a_valid_dispute_gets_a_credit_note_and_internal_feedback) {
  facts f = overdue_business();
  f.state = case_state::disputed;
  f.dispute_state = dispute_state::resolved;
  f.dispute_verdict = dispute_verdict::valid;
  f.disputed_amount = f.credit_due_amount = eur("1000.00");
  f.dunnable_amount = f.undisputed_amount = eur("0.00");
  const decision d = playbook().decide(f);
  EXPECT_EQ(d.kind, action::issue_credit_note);
  EXPECT_EQ(d.parameters.amount, eur("1000.00"));
  EXPECT_EQ(d.parameters.letter, letter_kind::credit_note_notice);
  EXPECT_EQ(rule_of(d), "playbook.credit_note");
  EXPECT_NE(d.reasons.front().note.find("root cause"), std::string::npos);
  EXPECT_NE(d.reasons.front().note.find("dispute category"), std::string::npos);
  EXPECT_EQ(read_value(d, "credit_due_amount"), 1000'00);
}

TEST(playbook, a_partially_valid_dispute_credits_the_justified_part_only) {
  facts f = overdue_business();
  f.dispute_state = dispute_state::resolved;
  f.dispute_verdict = dispute_verdict::partially_valid;
  f.credit_due_amount = f.disputed_amount = eur("200.00");
  f.dunnable_amount = eur("800.00");
  const decision d = playbook().decide(f);
  EXPECT_EQ(d.kind, action::issue_credit_note);
  EXPECT_EQ(d.parameters.amount, eur("200.00"));
}

/// An invalid complaint about the whole 1000.00, resolved after the first reminder; the
/// position is not explained yet.
facts invalid_dispute() {
  facts f = overdue_business();
  f.dispute_state = dispute_state::resolved;
  f.dispute_verdict = dispute_verdict::invalid;
  f.invalid_dispute_amount = eur("1000.00");
  f.reminders_sent = f.last_reminder_level = 1;
  f.days_since_reminder = f.days_since_contact = 20;
  return f;
}

/// invalid_dispute() once the position_explanation letter went out `since` days ago.
facts explained(int since) {
  facts f = invalid_dispute();
  f.days_since_position_explained = f.days_since_contact = since;
  return f;
}

TEST(playbook, an_invalid_dispute_is_explained_first) {
  const facts f = invalid_dispute();
  const decision d = playbook().decide(f);
  EXPECT_EQ(d.kind, action::explain_position);
  EXPECT_EQ(rule_of(d), "playbook.explain_position");
  EXPECT_EQ(d.parameters.letter, letter_kind::position_explanation);
  EXPECT_EQ(d.parameters.amount, eur("1000.00"));
  EXPECT_EQ(d.parameters.deadline, in(f, 14));
  EXPECT_EQ(d.next_review, in(f, 15));
}

TEST(playbook, an_explained_position_gets_its_deadline_before_anything_else) {
  const facts f = explained(3);  // the explanation went out three days ago
  const decision d = playbook().decide(f);
  EXPECT_EQ(d.kind, action::none);
  EXPECT_EQ(rule_of(d), "playbook.await_explanation");
  EXPECT_EQ(d.next_review, in(f, 12));
  EXPECT_EQ(read_value(d, "days_since_position_explained"), 3);
}

TEST(playbook, a_call_during_the_investigation_does_not_count_as_the_explanation) {
  facts f = invalid_dispute();
  f.days_since_contact = 2;  // a reached call after the last reminder, no letter
  const decision d = playbook().decide(f);
  EXPECT_EQ(d.kind, action::explain_position) << "only the letter explains the position";
  EXPECT_EQ(read_value(d, "days_since_position_explained"), never_days);
}

TEST(playbook, the_explanations_deadline_counts_from_the_letter_not_from_the_last_contact) {
  facts f = explained(10);
  f.days_since_contact = 1;  // the debtor was called yesterday
  decision d = playbook().decide(f);
  EXPECT_EQ(rule_of(d), "playbook.await_explanation");
  EXPECT_EQ(d.next_review, in(f, 5)) << "the day after the letter's 14-day deadline";

  f = explained(15);
  f.days_since_contact = 1;
  f.relationship_value = eur("1000.00");  // no goodwill
  d = playbook().decide(f);
  EXPECT_NE(rule_of(d), "playbook.await_explanation") << "a call does not restart the deadline";
  EXPECT_EQ(d.kind, action::escalate_agency);
}

TEST(playbook, an_invalid_dispute_still_unpaid_gets_goodwill_when_the_relationship_is_worth_it) {
  facts f = explained(15);
  f.dunnable_amount = f.invalid_dispute_amount = eur("80.00");
  f.relationship_value = eur("2000.00");
  const decision d = playbook().decide(f);
  EXPECT_EQ(d.kind, action::write_off_goodwill);
  EXPECT_EQ(rule_of(d), "playbook.goodwill");
  EXPECT_EQ(d.parameters.amount, eur("80.00"));
  EXPECT_EQ(d.parameters.letter, letter_kind::goodwill_notice);
  EXPECT_EQ(read_value(d, "invalid_dispute_amount"), 80'00);
  EXPECT_EQ(read_value(d, "goodwill_count"), 0);
}

TEST(playbook, goodwill_never_waives_other_invoices_costs_or_interest) {
  facts f = explained(15);
  f.invalid_dispute_amount = eur("80.00");
  f.costs_allowed = true;
  f.costs_due = eur("40.00");
  f.dunnable_amount = eur("1120.00");  // 1000.00 of another invoice, 80.00, costs 40.00
  f.relationship_value = eur("2000.00");
  decision d = playbook().decide(f);
  ASSERT_EQ(d.kind, action::write_off_goodwill);
  EXPECT_EQ(d.parameters.amount, eur("80.00")) << "only the invalid complaint's amount";
  EXPECT_FALSE(d.parameters.costs);

  f.relationship_value = eur("399.99");  // the test is on the waived 80.00, not on 1120.00
  EXPECT_NE(playbook().decide(f).kind, action::write_off_goodwill);

  f = explained(15);
  f.relationship_value = eur("100000.00");
  f.invalid_dispute_amount = eur("0.00");  // the complaint's invoice is settled
  d = playbook().decide(f);
  EXPECT_NE(d.kind, action::write_off_goodwill) << "nothing of the complaint left to waive";
  EXPECT_EQ(d.kind, action::escalate_agency) << "the other invoice is collected as usual";
  EXPECT_EQ(d.parameters.amount, eur("1000.00"));
}

TEST(playbook, goodwill_is_granted_at_most_once_per_debtor) {
  facts f = explained(15);
  f.dunnable_amount = f.invalid_dispute_amount = eur("80.00");
  f.relationship_value = eur("2000.00");
  f.goodwill_count = 1;
  f.goodwill_granted = true;
  f.agency_net_recovery = eur("40.00");
  decision d = playbook().decide(f);
  EXPECT_EQ(d.kind, action::escalate_agency);
  EXPECT_EQ(read_value(d, "agency_net_recovery"), 40'00);

  f.goodwill_count = 0;  // a hand-made export that fills only goodwill_granted
  EXPECT_EQ(playbook().decide(f).kind, action::escalate_agency);

  playbook_parameters never;
  never.max_goodwill_per_debtor = 0;
  f.goodwill_granted = false;
  EXPECT_EQ(playbook(never).decide(f).kind, action::escalate_agency);
  EXPECT_EQ(playbook().decide(f).kind, action::write_off_goodwill);
}

TEST(playbook, goodwill_twice_per_debtor_when_the_maximum_is_two) {
  playbook_parameters twice;
  twice.max_goodwill_per_debtor = 2;
  const playbook policy(twice);
  facts f = explained(15);
  f.dunnable_amount = f.invalid_dispute_amount = eur("80.00");
  f.relationship_value = eur("2000.00");
  f.goodwill_granted = true;
  f.goodwill_count = 1;
  decision d = policy.decide(f);
  EXPECT_EQ(d.kind, action::write_off_goodwill) << "the second grant";
  EXPECT_EQ(read_value(d, "goodwill_count"), 1);
  EXPECT_EQ(playbook().decide(f).kind, action::escalate_agency) << "the default: once";
  f.goodwill_count = 2;
  EXPECT_EQ(policy.decide(f).kind, action::escalate_agency) << "no third grant";
}

TEST(playbook, an_invalid_dispute_goes_to_court_when_the_economics_say_so) {
  facts f = explained(15);
  f.relationship_value = eur("1000.00");  // less than 5 x 1000.00: no goodwill
  f.legal_net_recovery = eur("600.00");
  f.agency_net_recovery = eur("300.00");
  decision d = playbook().decide(f);
  EXPECT_EQ(d.kind, action::start_legal);
  EXPECT_EQ(rule_of(d), "playbook.invalid_dispute_legal");
  EXPECT_EQ(read_value(d, "legal_net_recovery"), 600'00);

  f.legal_net_recovery = eur("200.00");
  d = playbook().decide(f);
  EXPECT_EQ(d.kind, action::escalate_agency);
  EXPECT_EQ(rule_of(d), "playbook.invalid_dispute_agency");

  f.agency_net_recovery = eur("0.00");
  d = playbook().decide(f);
  EXPECT_EQ(d.kind, action::write_off_uncollectible);
  EXPECT_EQ(rule_of(d), "playbook.invalid_dispute_uncollectible");
}

TEST(playbook, goodwill_needs_both_the_relationship_factor_and_the_cap) {
  facts f = explained(15);
  f.dunnable_amount = eur("600.00");  // above the 500.00 cap
  f.relationship_value = eur("100000.00");
  EXPECT_NE(playbook().decide(f).kind, action::write_off_goodwill);
  f.dunnable_amount = eur("400.00");
  f.relationship_value = eur("1999.99");  // below 5 x 400.00
  EXPECT_NE(playbook().decide(f).kind, action::write_off_goodwill);
  f.relationship_value = eur("2000.00");
  EXPECT_EQ(playbook().decide(f).kind, action::write_off_goodwill);
}

TEST(playbook, an_invalid_complaint_of_a_debtor_who_cannot_pay_ends_in_an_arrangement) {
  facts f = invalid_dispute();
  f.reason = reason::cannot_pay;
  EXPECT_EQ(playbook().decide(f).kind, action::explain_position);
  f.days_since_position_explained = f.days_since_contact = 15;
  const decision d = playbook().decide(f);
  EXPECT_EQ(d.kind, action::propose_arrangement) << "not the notice route";
  EXPECT_EQ(rule_of(d), "playbook.cannot_pay_arrangement");
}

TEST(playbook, a_running_promise_holds_dunning_until_its_date) {
  facts f = overdue_business();
  f.state = case_state::promised;
  f.promise_active = true;
  f.days_until_promise = 6;
  f.reminders_sent = f.last_reminder_level = 1;
  f.days_since_contact = 30;
  const decision d = playbook().decide(f);
  EXPECT_EQ(d.kind, action::hold);
  EXPECT_EQ(rule_of(d), "playbook.promise_running");
  EXPECT_EQ(d.parameters.deadline, in(f, 6));
  EXPECT_EQ(d.next_review, in(f, 7)) << "the day after the promised date";
}

TEST(playbook, a_broken_promise_resumes_the_ladder_one_step_further) {
  const playbook policy;
  facts f = overdue_business();
  f.reminders_sent = f.last_reminder_level = 1;
  f.days_since_contact = 20;
  EXPECT_EQ(policy.decide(f).kind, action::call) << "where the ladder was: the call";
  f.promises_broken = 1;
  decision d = policy.decide(f);
  EXPECT_EQ(d.kind, action::remind) << "one step further: the second reminder";
  EXPECT_EQ(d.parameters.reminder_level, 2);
  EXPECT_EQ(read_value(d, "promises_broken"), 1);
  // The next step after that is the hand-over, not the skipped call.
  f.reminders_sent = f.last_reminder_level = 2;
  EXPECT_EQ(policy.decide(f).kind, action::escalate_agency);
}

TEST(playbook, a_promise_whose_date_passed_resumes_the_ladder_at_once) {
  facts f = overdue_business();
  f.state = case_state::promised;
  f.promise_active = true;
  f.days_until_promise = -1;
  f.reminders_sent = f.last_reminder_level = 1;
  f.days_since_contact = 2;  // no waiting: the debtor's own date passed
  const decision d = playbook().decide(f);
  EXPECT_EQ(d.kind, action::remind);
  EXPECT_EQ(d.parameters.reminder_level, 2);
  EXPECT_EQ(rule_of(d), "playbook.promise_broken");
}

/// A running, confirmed arrangement of a cannot_pay debtor who had one reminder; the next
/// instalment of 333.34 falls due in 20 days.
facts in_arrangement() {
  facts f = overdue_business();
  f.state = case_state::in_arrangement;
  f.reason = reason::cannot_pay;
  f.arrangement_active = true;
  f.arrangement_confirmed = true;
  f.instalment_due_amount = eur("333.34");
  f.days_until_instalment = 20;
  f.reminders_sent = f.last_reminder_level = 1;
  f.days_since_reminder = f.days_since_contact = 40;
  f.marketing_suppressed = false;
  return f;
}

/// in_arrangement() with the instalment `late` days late.
facts instalment_late(int late) {
  facts f = in_arrangement();
  f.days_instalment_overdue = late;
  f.days_until_instalment = -late;
  return f;
}

TEST(playbook, a_late_instalment_gets_a_friendly_nudge_after_the_tolerance) {
  playbook_parameters p;
  p.suppress_marketing_while_open = false;  // a late instalment would suppress it on quiet days
  const playbook policy(p);
  facts f = instalment_late(2);
  decision d = policy.decide(f);
  EXPECT_EQ(d.kind, action::none) << "two days late is tolerated";
  EXPECT_EQ(d.next_review, in(f, 1));
  f = instalment_late(3);
  d = policy.decide(f);
  EXPECT_EQ(d.kind, action::remind);
  EXPECT_EQ(rule_of(d), "playbook.instalment_nudge");
  EXPECT_EQ(d.parameters.reminder_level, 1) << "a nudge is no step up the ladder";
  f.days_since_reminder = 2;
  EXPECT_EQ(policy.decide(f).kind, action::none) << "one nudge a week";
}

TEST(playbook, a_nudge_asks_for_the_late_instalment_with_a_deadline) {
  facts f = instalment_late(4);
  decision d = playbook().decide(f);
  ASSERT_EQ(rule_of(d), "playbook.instalment_nudge");
  EXPECT_EQ(d.parameters.amount, eur("333.34")) << "the instalment, not the whole debt";
  EXPECT_FALSE(d.parameters.costs);
  EXPECT_EQ(d.parameters.deadline, in(f, 10));
  EXPECT_EQ(read_value(d, "instalment_due_amount"), 333'34);

  f.dunnable_amount = eur("200.00");  // part of the debt is disputed meanwhile
  d = playbook().decide(f);
  EXPECT_EQ(d.parameters.amount, eur("200.00")) << "never more than may be dunned";
}

TEST(playbook, a_running_arrangement_is_reviewed_the_day_after_its_next_instalment) {
  const playbook policy;
  facts f = in_arrangement();
  f.days_until_instalment = 3;
  decision d = policy.decide(f);
  EXPECT_EQ(rule_of(d), "playbook.arrangement_running");
  EXPECT_EQ(d.next_review, in(f, 4)) << "the instalment falls due in 3 days";
  EXPECT_EQ(read_value(d, "days_until_instalment"), 3);
  f.days_until_instalment = 0;
  EXPECT_EQ(policy.decide(f).next_review, in(f, 1)) << "due today: tomorrow";
  f.days_until_instalment = 20;
  EXPECT_EQ(policy.decide(f).next_review, in(f, 7)) << "arrangement_review_days when sooner";
  f.days_until_instalment = never_days;
  EXPECT_EQ(policy.decide(f).next_review, in(f, 7));
}

TEST(playbook, an_agreed_arrangement_is_confirmed_in_writing_before_anything_else) {
  playbook_parameters p;
  p.suppress_marketing_while_open = false;
  const playbook policy(p);
  facts f = instalment_late(5);  // a nudge would be due
  f.arrangement_confirmed = false;
  decision d = policy.decide(f);
  EXPECT_EQ(d.kind, action::confirm_arrangement);
  EXPECT_EQ(rule_of(d), "playbook.confirm_arrangement");
  EXPECT_EQ(d.parameters.letter, letter_kind::arrangement_confirmation);
  EXPECT_EQ(d.parameters.channel, channel::post);
  EXPECT_EQ(d.parameters.amount, eur("1000.00"));
  EXPECT_EQ(d.next_review, in(f, 1));
  EXPECT_EQ(read_value(d, "arrangement_confirmed"), 0);

  f.arrangement_confirmed = true;
  EXPECT_EQ(rule_of(policy.decide(f)), "playbook.instalment_nudge") << "once it is confirmed";

  f = in_arrangement();
  f.arrangement_confirmed = false;
  EXPECT_EQ(policy.decide(f).kind, action::confirm_arrangement) << "also on a quiet day";

  playbook_parameters elsewhere = p;
  elsewhere.confirm_arrangements = false;  // the confirmation goes out with the agreement
  EXPECT_EQ(playbook(elsewhere).decide(f).kind, action::none);
}

TEST(playbook, a_costly_arrangement_is_confirmed_by_registered_post) {
  facts f = in_arrangement();
  f.arrangement_confirmed = false;
  f.dunnable_amount = eur("5000.00");
  EXPECT_EQ(playbook().decide(f).parameters.channel, channel::post) << "at the threshold";
  f.dunnable_amount = eur("5000.01");
  EXPECT_EQ(playbook().decide(f).parameters.channel, channel::registered_post);
  playbook_parameters p;
  p.registered_confirmation_above_minor = 100'00;
  p.letter_channel = channel::email;
  f.dunnable_amount = eur("100.00");
  EXPECT_EQ(playbook(p).decide(f).parameters.channel, channel::email);
  f.dunnable_amount = eur("100.01");
  EXPECT_EQ(playbook(p).decide(f).parameters.channel, channel::registered_post);
}

TEST(playbook, a_broken_arrangement_is_not_confirmed) {
  facts f = instalment_late(20);
  f.arrangement_confirmed = false;
  f.instalments_missed = 2;
  const decision d = playbook().decide(f);
  EXPECT_EQ(rule_of(d), "playbook.arrangement_broken");
}

TEST(playbook, a_broken_arrangement_resumes_the_ladder_one_step_further) {
  const playbook policy;
  facts f = in_arrangement();
  f.instalments_missed = 2;
  f.days_instalment_overdue = 20;
  f.days_since_contact = 1;
  decision d = policy.decide(f);
  EXPECT_EQ(rule_of(d), "playbook.arrangement_broken");
  EXPECT_EQ(d.kind, action::remind) << "after reminder 1 the call is skipped: reminder 2";
  EXPECT_EQ(d.parameters.reminder_level, 2);

  // Once the case records arrangement_broken, the ladder gives the same step.
  f.state = case_state::overdue;
  f.arrangement_active = false;
  f.instalments_missed = 0;
  f.days_instalment_overdue = 0;
  f.arrangements_broken = 1;
  f.days_since_contact = 40;
  d = policy.decide(f);
  EXPECT_EQ(d.kind, action::remind);
  EXPECT_EQ(d.parameters.reminder_level, 2);
  EXPECT_EQ(rule_of(d), "playbook.next_reminder");
}

TEST(playbook, terms_changed_restart_the_clock_from_the_new_due_date) {
  // After terms_changed the facts show the reminders reset and the due date ahead.
  facts f = overdue_business();
  f.state = case_state::current;
  f.days_overdue = 0;
  f.days_until_due = 10;
  f.overdue_amount = f.dunnable_amount = eur("0.00");
  f.reminders_sent = f.last_reminder_level = 0;
  f.days_since_contact = 5;
  f.marketing_suppressed = false;
  const decision d = playbook().decide(f);
  EXPECT_EQ(d.kind, action::none) << "no reminder under the old term";
  EXPECT_EQ(rule_of(d), "playbook.not_yet_due");
  ASSERT_TRUE(d.next_review);
  EXPECT_GE(*d.next_review, in(f, 10)) << "not before the new due date";
  EXPECT_EQ(*d.next_review, in(f, 13)) << "the first reminder's day under the new term";
}

TEST(playbook, marketing_is_reactivated_when_the_case_closes) {
  facts f = overdue_business();
  f.state = case_state::closed;
  f.open_amount = f.dunnable_amount = f.overdue_amount = f.undisputed_amount = eur("0.00");
  f.marketing_suppressed = true;
  decision d = playbook().decide(f);
  EXPECT_EQ(d.kind, action::reactivate_marketing);
  EXPECT_EQ(rule_of(d), "playbook.reactivate_marketing");
  EXPECT_FALSE(d.next_review) << "a closed case needs no review";
  f.marketing_suppressed = false;
  d = playbook().decide(f);
  EXPECT_EQ(d.kind, action::none);
  EXPECT_FALSE(d.next_review);
}

TEST(playbook, marketing_is_reactivated_in_a_healthy_arrangement) {
  facts f = in_arrangement();
  f.marketing_suppressed = true;
  const decision d = playbook().decide(f);
  EXPECT_EQ(d.kind, action::reactivate_marketing);
  EXPECT_EQ(d.next_review, in(f, 1));
  f.instalments_missed = 1;
  EXPECT_NE(playbook().decide(f).kind, action::reactivate_marketing)
      << "not while instalments are being missed";
}

TEST(playbook, marketing_is_suppressed_on_a_quiet_day_while_in_collection) {
  facts f = overdue_business();
  f.marketing_suppressed = false;
  f.days_overdue = 1;  // waiting for the first reminder: a quiet day
  decision d = playbook().decide(f);
  EXPECT_EQ(d.kind, action::suppress_marketing);
  EXPECT_EQ(rule_of(d), "playbook.suppress_marketing");
  EXPECT_EQ(d.next_review, in(f, 1));

  f.days_overdue = 10;  // the first reminder is due: it goes first, marketing tomorrow
  d = playbook().decide(f);
  EXPECT_EQ(d.kind, action::remind);
  EXPECT_EQ(d.next_review, in(f, 1));

  playbook_parameters keep;
  keep.suppress_marketing_while_open = false;
  f.days_overdue = 1;
  EXPECT_EQ(playbook(keep).decide(f).kind, action::none);
}

TEST(playbook, a_consumer_gets_the_fourteen_day_letter_before_any_hand_over_or_costs) {
  const playbook policy;
  facts f = overdue_consumer();
  f.reminders_sent = f.last_reminder_level = 2;
  f.calls_made = 1;
  f.days_since_contact = 20;
  f.costs_due = eur("0.00");
  decision d = policy.decide(f);
  EXPECT_EQ(d.kind, action::send_fourteen_day_letter);
  EXPECT_EQ(rule_of(d), "playbook.fourteen_day_letter");
  EXPECT_EQ(d.parameters.letter, letter_kind::fourteen_day_letter);
  EXPECT_EQ(d.parameters.channel, channel::post);
  EXPECT_FALSE(d.parameters.costs);
  EXPECT_FALSE(d.parameters.deadline) << "the term is the law's, counted from delivery";
  EXPECT_EQ(d.next_review, in(f, 21));

  f.fourteen_day_letter_sent = true;
  f.days_since_contact = 16;
  d = policy.decide(f);
  EXPECT_EQ(d.kind, action::none);
  EXPECT_EQ(rule_of(d), "playbook.await_fourteen_day_letter");
  EXPECT_EQ(d.next_review, in(f, 5));

  f.days_since_contact = 40;  // still not expired (e.g. no jurisdiction): look daily
  d = policy.decide(f);
  EXPECT_EQ(d.kind, action::none);
  EXPECT_EQ(d.next_review, in(f, 1));

  f.fourteen_day_letter_expired = true;
  f.costs_allowed = true;
  f.costs_due = eur("150.00");
  f.dunnable_amount = eur("1150.00");
  d = policy.decide(f);
  EXPECT_EQ(d.kind, action::escalate_agency);
  EXPECT_EQ(d.parameters.amount, eur("1150.00"));
  EXPECT_EQ(d.parameters.costs, eur("150.00")) << "costs only once the letter expired";
}

TEST(playbook, a_consumer_is_never_asked_for_costs_the_law_does_not_allow_yet) {
  facts f = overdue_consumer();
  f.costs_due = eur("150.00");  // charged too early (e.g. a hand-made export)
  f.dunnable_amount = eur("1150.00");
  f.costs_allowed = false;
  const decision d = playbook().decide(f);
  EXPECT_EQ(d.kind, action::remind);
  EXPECT_EQ(d.parameters.amount, eur("1000.00")) << "the costs are left out of the amount";
  EXPECT_FALSE(d.parameters.costs);
}

TEST(playbook, a_business_may_be_asked_for_costs_from_default) {
  facts f = overdue_business();
  f.costs_allowed = true;
  f.costs_due = eur("40.00");
  f.dunnable_amount = eur("1040.00");
  const decision d = playbook().decide(f);
  EXPECT_EQ(d.kind, action::remind);
  EXPECT_EQ(d.parameters.amount, eur("1040.00"));
  EXPECT_EQ(d.parameters.costs, eur("40.00"));
}

TEST(playbook, an_open_dispute_holds_the_disputed_part_and_dunns_only_the_rest) {
  const playbook policy;
  facts f = overdue_business();
  f.dispute_state = dispute_state::open;
  f.disputed_amount = eur("300.00");
  f.undisputed_amount = eur("700.00");
  f.dunnable_amount = eur("700.00");
  decision d = policy.decide(f);
  EXPECT_EQ(d.kind, action::remind);
  EXPECT_EQ(d.parameters.amount, eur("700.00"));
  EXPECT_EQ(read_value(d, "disputed_amount"), 300'00);
  EXPECT_NE(d.reasons.front().note.find("on hold"), std::string::npos);

  f.reminders_sent = f.last_reminder_level = 1;
  f.days_since_contact = 3;  // the undisputed ladder waits: investigate meanwhile
  d = policy.decide(f);
  EXPECT_EQ(d.kind, action::investigate_dispute);
  EXPECT_EQ(rule_of(d), "playbook.investigate_dispute");
  EXPECT_EQ(d.parameters.amount, eur("300.00"));
  EXPECT_EQ(d.next_review, in(f, 7));
}

TEST(playbook, a_fully_disputed_case_is_investigated_and_never_dunned) {
  facts f = overdue_business();
  f.state = case_state::disputed;
  f.dispute_state = dispute_state::open;
  f.days_overdue = 0;
  f.disputed_amount = eur("1000.00");
  f.undisputed_amount = f.dunnable_amount = eur("0.00");
  f.days_to_limitation = 20;
  const decision d = playbook().decide(f);
  EXPECT_EQ(d.kind, action::investigate_dispute);
  EXPECT_NE(d.reasons.front().note.find("limitation is near"), std::string::npos);
}

TEST(playbook, a_complaint_without_a_recorded_dispute_is_investigated_not_dunned) {
  facts f = overdue_business();
  f.reason = reason::dissatisfied;
  const decision d = playbook().decide(f);
  EXPECT_EQ(d.kind, action::investigate_dispute);
  EXPECT_EQ(rule_of(d), "playbook.record_complaint");
}

TEST(playbook, a_claim_near_limitation_gets_a_written_reminder) {
  const playbook policy;
  facts f = overdue_business();
  f.reason = reason::cannot_pay;  // even outside the notice loop: never prescribe silently
  f.reminders_sent = f.last_reminder_level = 2;
  f.days_since_reminder = 200;
  f.days_to_limitation = 60;
  decision d = policy.decide(f);
  EXPECT_EQ(d.kind, action::remind);
  EXPECT_EQ(rule_of(d), "playbook.limitation_reminder");
  EXPECT_EQ(d.parameters.channel, channel::post) << "written";
  EXPECT_EQ(d.parameters.reminder_level, 2) << "repeats the level: no step up the ladder";
  EXPECT_EQ(read_value(d, "days_to_limitation"), 60);

  f.days_since_reminder = 10;
  EXPECT_NE(rule_of(policy.decide(f)), "playbook.limitation_reminder") << "not every day";
  f.days_since_reminder = 200;
  f.days_to_limitation = 91;
  EXPECT_NE(rule_of(policy.decide(f)), "playbook.limitation_reminder");
}

TEST(playbook, a_case_with_the_agency_or_in_court_is_only_reviewed) {
  facts f = overdue_business();
  f.state = case_state::with_agency;
  decision d = playbook().decide(f);
  EXPECT_EQ(d.kind, action::none);
  EXPECT_EQ(rule_of(d), "playbook.with_agency");
  EXPECT_EQ(d.next_review, in(f, 30));
  f.state = case_state::in_legal;
  d = playbook().decide(f);
  EXPECT_EQ(d.kind, action::none);
  EXPECT_EQ(rule_of(d), "playbook.in_legal");
}

TEST(playbook, a_courtesy_call_before_the_due_date_when_switched_on) {
  playbook_parameters p;
  p.courtesy_call = true;
  facts f = overdue_business();
  f.state = case_state::current;
  f.days_overdue = 0;
  f.dunnable_amount = f.overdue_amount = eur("0.00");
  f.days_until_due = 20;
  f.days_since_invoice = 1;
  f.marketing_suppressed = false;
  decision d = playbook(p).decide(f);
  EXPECT_EQ(d.kind, action::none);
  EXPECT_EQ(d.next_review, in(f, 2)) << "a few days after the invoice";
  f.days_since_invoice = 3;
  d = playbook(p).decide(f);
  EXPECT_EQ(d.kind, action::courtesy_call);
  EXPECT_EQ(d.parameters.channel, channel::phone);
  EXPECT_EQ(playbook().decide(f).kind, action::none) << "off by default";
  f.calls_made = 1;
  EXPECT_EQ(playbook(p).decide(f).kind, action::none) << "once";
}

TEST(playbook, a_formal_notice_precedes_escalation_when_asked_for) {
  playbook_parameters p;
  p.formal_notice_before_escalation = true;
  facts f = overdue_business();
  f.reminders_sent = f.last_reminder_level = 2;
  f.calls_made = 1;
  f.days_since_contact = 20;
  decision d = playbook(p).decide(f);
  EXPECT_EQ(d.kind, action::send_formal_notice);
  EXPECT_EQ(d.parameters.channel, channel::registered_post);
  EXPECT_EQ(d.parameters.deadline, in(f, 14));
  f.formal_notice_sent = true;
  f.days_since_contact = 10;
  EXPECT_EQ(playbook(p).decide(f).kind, action::none);
  f.days_since_contact = 15;
  EXPECT_EQ(playbook(p).decide(f).kind, action::escalate_agency);
}

TEST(playbook, reasons_name_the_facts_each_step_read_with_their_values) {
  facts f = explained(15);
  f.legal_net_recovery = eur("600.00");
  const decision d = playbook().decide(f);
  ASSERT_EQ(d.reasons.size(), 1u);
  ASSERT_FALSE(d.reasons.front().facts.empty());
  for (const auto& reading : d.reasons.front().facts)
    EXPECT_EQ(reading.value, read_fact(f, reading.fact)) << fact_schema()[reading.fact].name;
  EXPECT_EQ(read_value(d, "agency_net_recovery"), 300'00);
  EXPECT_EQ(read_value(d, "dunnable_amount"), 1000'00);
}

TEST(playbook, works_behind_any_policy) {
  const any_policy policy(playbook{});
  EXPECT_EQ(policy.name(), "playbook");
  const facts f = overdue_business();
  EXPECT_EQ(policy.decide(f), playbook().decide(f));
}

// --- parameters ---------------------------------------------------------------------------

TEST(playbook_parameters, the_defaults_are_the_playbooks_numbers) {
  const playbook_parameters p;
  EXPECT_EQ(p.reminders_before_escalation, 2);
  EXPECT_EQ(p.calls_before_escalation, 1);
  EXPECT_EQ(p.max_goodwill_per_debtor, 1);
  EXPECT_EQ(p.arrangement_max_months, 3);
  EXPECT_FALSE(p.courtesy_call);
  EXPECT_TRUE(p.suppress_marketing_while_open);
  EXPECT_EQ(playbook().parameters(), p);
  EXPECT_NO_THROW(validate(p));
}

TEST(playbook_parameters, every_parameter_out_of_range_is_refused_by_name) {
  struct bad_value {
    std::string name;
    std::function<void(playbook_parameters&)> set;
  };
  const std::vector<bad_value> cases{
      {"first_reminder_after_days", [](auto& p) { p.first_reminder_after_days = 0; }},
      {"days_between_reminders", [](auto& p) { p.days_between_reminders = 0; }},
      {"reminder_deadline_days", [](auto& p) { p.reminder_deadline_days = 366; }},
      {"reminders_before_call", [](auto& p) { p.reminders_before_call = -1; }},
      {"reminders_before_escalation", [](auto& p) { p.reminders_before_escalation = 21; }},
      {"calls_before_escalation", [](auto& p) { p.calls_before_escalation = -1; }},
      {"reminder_channel", [](auto& p) { p.reminder_channel = channel::phone; }},
      {"letter_channel", [](auto& p) { p.letter_channel = static_cast<channel>(42); }},
      {"courtesy_call_after_invoice_days",
       [](auto& p) { p.courtesy_call_after_invoice_days = -1; }},
      {"courtesy_call_until_days_before_due",
       [](auto& p) { p.courtesy_call_until_days_before_due = 400; }},
      {"fourteen_day_letter_wait_days", [](auto& p) { p.fourteen_day_letter_wait_days = 0; }},
      {"formal_notice_deadline_days", [](auto& p) { p.formal_notice_deadline_days = 0; }},
      {"formal_notice_channel", [](auto& p) { p.formal_notice_channel = channel::phone; }},
      {"min_legal_net_recovery_minor", [](auto& p) { p.min_legal_net_recovery_minor = -1; }},
      {"min_agency_net_recovery_minor", [](auto& p) { p.min_agency_net_recovery_minor = -1; }},
      {"agency_review_days", [](auto& p) { p.agency_review_days = 0; }},
      {"legal_review_days", [](auto& p) { p.legal_review_days = 0; }},
      {"dispute_review_days", [](auto& p) { p.dispute_review_days = 0; }},
      {"explain_position_deadline_days", [](auto& p) { p.explain_position_deadline_days = 0; }},
      {"goodwill_relationship_factor", [](auto& p) { p.goodwill_relationship_factor = -1; }},
      {"goodwill_max_amount_minor", [](auto& p) { p.goodwill_max_amount_minor = -1; }},
      {"max_goodwill_per_debtor", [](auto& p) { p.max_goodwill_per_debtor = 101; }},
      {"max_goodwill_per_debtor", [](auto& p) { p.max_goodwill_per_debtor = -1; }},
      {"arrangement_max_instalments", [](auto& p) { p.arrangement_max_instalments = 0; }},
      {"arrangement_max_months", [](auto& p) { p.arrangement_max_months = 0; }},
      {"arrangement_min_instalment_minor",
       [](auto& p) { p.arrangement_min_instalment_minor = -1; }},
      {"arrangement_interval",
       [](auto& p) { p.arrangement_interval = static_cast<instalment_interval>(7); }},
      {"first_instalment_after_days", [](auto& p) { p.first_instalment_after_days = 0; }},
      {"arrangement_answer_days", [](auto& p) { p.arrangement_answer_days = 0; }},
      {"registered_confirmation_above_minor",
       [](auto& p) { p.registered_confirmation_above_minor = -1; }},
      {"broken_arrangements_before_ladder",
       [](auto& p) { p.broken_arrangements_before_ladder = -1; }},
      {"instalment_nudge_after_days", [](auto& p) { p.instalment_nudge_after_days = 0; }},
      {"days_between_nudges", [](auto& p) { p.days_between_nudges = 0; }},
      {"missed_instalments_to_break", [](auto& p) { p.missed_instalments_to_break = 0; }},
      {"arrangement_review_days", [](auto& p) { p.arrangement_review_days = 0; }},
      {"promise_grace_days", [](auto& p) { p.promise_grace_days = 0; }},
      {"limitation_reminder_days", [](auto& p) { p.limitation_reminder_days = 0; }},
      {"limitation_reminder_repeat_days", [](auto& p) { p.limitation_reminder_repeat_days = 0; }},
      {"idle_review_days", [](auto& p) { p.idle_review_days = 0; }},
  };
  for (const auto& bad : cases) {
    playbook_parameters p;
    bad.set(p);
    try {
      const playbook refused(p);
      ADD_FAILURE() << bad.name << " was accepted";
    } catch (const error& e) {
      EXPECT_EQ(e.code(), errc::invalid_argument) << bad.name;
      EXPECT_NE(std::string(e.what()).find("'" + bad.name + "'"), std::string::npos) << e.what();
    }
  }
}

TEST(playbook_parameters, every_described_parameter_is_documented_in_the_parameter_table) {
  std::ifstream file(std::string(ARREARS_SOURCE_DIR) + "/docs/playbook.md");
  ASSERT_TRUE(file) << "docs/playbook.md";
  std::stringstream text;
  text << file.rdbuf();
  const std::string doc = text.str();
  int described = 0;
  boost::mp11::mp_for_each<
      boost::describe::describe_members<playbook_parameters, boost::describe::mod_public>>(
      [&](auto member) {
        ++described;
        EXPECT_NE(doc.find(std::string("| `") + member.name + "` |"), std::string::npos)
            << member.name << " has no row in docs/playbook.md";
      });
  EXPECT_EQ(described, 44) << "every parameter is described (BOOST_DESCRIBE_STRUCT)";
}

TEST(playbook_parameters, the_edges_of_each_new_range_are_accepted) {
  playbook_parameters p;
  p.max_goodwill_per_debtor = 100;
  p.registered_confirmation_above_minor = 0;
  p.confirm_arrangements = false;
  EXPECT_NO_THROW(validate(p));
  p.max_goodwill_per_debtor = 0;
  EXPECT_NO_THROW(validate(p));
  p.max_goodwill_per_debtor = 101;
  try {
    validate(p);
    ADD_FAILURE() << "101 was accepted";
  } catch (const error& e) {
    EXPECT_NE(std::string(e.what()).find("from 0 to 100"), std::string::npos) << e.what();
  }
}

// --- properties over generated facts --------------------------------------------------------

/// Facts as derive_facts could give them: amounts that add up, the rest anything.
class facts_generator {
 public:
  explicit facts_generator(std::uint64_t seed) : random_(seed) {}

  facts next() {
    facts f;
    f.case_id = "C-G";
    f.today = day("2025-01-01") + days(pick(0, 700));
    f.currency = euro;
    f.state = static_cast<case_state>(pick(0, case_state_count - 1));
    const std::int64_t principal = pick(0, 5) == 0 ? 0 : pick(1, 5'000'00);
    const std::int64_t held = pick(0, 2) == 0 ? pick(0, principal) : 0;
    const std::int64_t undisputed = principal - held;
    const std::int64_t overdue_undisputed = pick(0, 1) == 0 ? undisputed : pick(0, undisputed);
    const std::int64_t costs = pick(0, 3) == 0 ? pick(0, 500'00) : 0;
    const std::int64_t interest = pick(0, 3) == 0 ? pick(0, 200'00) : 0;
    f.open_amount = money(principal + costs + interest, euro);
    f.overdue_amount = money(overdue_undisputed + held, euro);
    f.disputed_amount = money(held, euro);
    f.undisputed_amount = money(undisputed, euro);
    f.dunnable_amount = money(overdue_undisputed + costs + interest, euro);
    f.credit_due_amount = money(pick(0, 3) == 0 ? pick(0, held) : 0, euro);
    f.costs_due = money(costs, euro);
    f.interest_due = money(interest, euro);
    f.relationship_value = money(pick(0, 20'000'00), euro);
    f.agency_net_recovery = money(pick(-3'000'00, 3'000'00), euro);
    f.legal_net_recovery = money(pick(-3'000'00, 3'000'00), euro);
    f.days_overdue = overdue_undisputed > 0 ? static_cast<int>(pick(1, 400)) : 0;
    f.days_until_due = pick(0, 2) == 0 ? never_days : static_cast<int>(pick(0, 60));
    f.days_since_invoice = static_cast<int>(pick(0, 400));
    f.reminders_sent = static_cast<int>(pick(0, 6));
    f.last_reminder_level = static_cast<int>(pick(0, f.reminders_sent));
    f.days_since_reminder = f.reminders_sent ? static_cast<int>(pick(0, 100)) : never_days;
    f.days_since_contact = pick(0, 4) == 0 ? never_days : static_cast<int>(pick(0, 100));
    f.calls_made = static_cast<int>(pick(0, 3));
    f.calls_reached = static_cast<int>(pick(0, f.calls_made));
    f.reason = static_cast<reason>(pick(0, 5));
    f.dispute_state = static_cast<dispute_state>(pick(0, 2));
    f.dispute_verdict = static_cast<dispute_verdict>(pick(0, 3));
    f.invalid_dispute_amount =
        money(f.dispute_verdict == dispute_verdict::invalid ? pick(0, undisputed) : 0, euro);
    f.days_since_position_explained = pick(0, 1) == 0 ? never_days : static_cast<int>(pick(0, 60));
    f.promises_broken = static_cast<int>(pick(0, 2));
    f.promise_active = pick(0, 3) == 0;
    f.days_until_promise = f.promise_active ? static_cast<int>(pick(-10, 30)) : never_days;
    f.arrangement_active = pick(0, 3) == 0;
    f.instalments_missed = f.arrangement_active ? static_cast<int>(pick(0, 3)) : 0;
    f.days_instalment_overdue = f.arrangement_active ? static_cast<int>(pick(0, 20)) : 0;
    f.days_until_instalment = !f.arrangement_active           ? never_days
                              : f.days_instalment_overdue > 0 ? -f.days_instalment_overdue
                                                              : static_cast<int>(pick(0, 40));
    f.instalment_due_amount = money(f.arrangement_active ? pick(0, 1'000'00) : 0, euro);
    f.arrangement_confirmed = f.arrangement_active && pick(0, 2) != 0;
    f.arrangements_broken = static_cast<int>(pick(0, 2));
    f.debtor_kind = static_cast<debtor_kind>(pick(0, 2));
    f.goodwill_count = static_cast<int>(pick(0, 3));
    f.goodwill_granted = f.goodwill_count > 0;
    f.fourteen_day_letter_sent = pick(0, 1) == 0;
    f.fourteen_day_letter_expired = f.fourteen_day_letter_sent && pick(0, 1) == 0;
    f.formal_notice_sent = pick(0, 3) == 0;
    f.costs_allowed =
        f.debtor_kind == debtor_kind::consumer ? f.fourteen_day_letter_expired : pick(0, 1) == 0;
    f.days_to_limitation = pick(0, 2) == 0 ? static_cast<int>(pick(-5, 400)) : never_days;
    f.marketing_suppressed = pick(0, 1) == 0;
    return f;
  }

 private:
  std::int64_t pick(std::int64_t low, std::int64_t high) {
    return std::uniform_int_distribution<std::int64_t>(low, high)(random_);
  }
  std::mt19937_64 random_;
};

/// Whether the action presses the debtor for money (reminders, notices, hand-overs, a plan).
bool asks_for_money(action a) { return is_dunning(a) || a == action::propose_arrangement; }

TEST(playbook_properties, disputed_money_is_never_dunned) {
  facts_generator generate(20250101);
  const playbook policy;
  int dunning = 0;
  for (int i = 0; i < 20'000; ++i) {
    const facts f = generate.next();
    const decision d = policy.decide(f);
    if (!asks_for_money(d.kind) || !d.parameters.amount) continue;
    ++dunning;
    const money asked = *d.parameters.amount;
    EXPECT_LE(asked, f.dunnable_amount) << rule_of(d);
    // Everything asked fits in what is open once the held (disputed) part is taken out.
    EXPECT_LE(asked.minor_units(), f.open_amount.minor_units() - f.disputed_amount.minor_units())
        << rule_of(d);
    EXPECT_TRUE(asked.is_positive()) << rule_of(d);
  }
  EXPECT_GT(dunning, 1000) << "the generator must reach the dunning steps";
}

TEST(playbook_properties, goodwill_waives_only_the_invalid_complaints_money_within_the_caps) {
  facts_generator generate(31337);
  playbook_parameters p;
  p.max_goodwill_per_debtor = 2;
  const playbook policy(p);
  int granted = 0;
  for (int i = 0; i < 20'000; ++i) {
    const facts f = generate.next();
    const decision d = policy.decide(f);
    if (d.kind != action::write_off_goodwill) continue;
    ++granted;
    ASSERT_TRUE(d.parameters.amount);
    EXPECT_TRUE(d.parameters.amount->is_positive());
    EXPECT_LE(*d.parameters.amount, f.invalid_dispute_amount);
    EXPECT_LE(*d.parameters.amount, f.dunnable_amount);
    EXPECT_LE(d.parameters.amount->minor_units(), p.goodwill_max_amount_minor);
    EXPECT_LT(f.goodwill_count, 2);
    EXPECT_EQ(f.dispute_verdict, dispute_verdict::invalid);
    EXPECT_LT(f.days_since_position_explained, never_days) << "explained first";
  }
  EXPECT_GT(granted, 10) << "the generator must reach goodwill";
}

TEST(playbook_properties, only_an_unconfirmed_running_arrangement_is_confirmed) {
  facts_generator generate(2718);
  const playbook policy;
  int confirmed = 0;
  for (int i = 0; i < 20'000; ++i) {
    const facts f = generate.next();
    const decision d = policy.decide(f);
    if (d.kind != action::confirm_arrangement) continue;
    ++confirmed;
    EXPECT_TRUE(f.arrangement_active);
    EXPECT_FALSE(f.arrangement_confirmed);
    EXPECT_LT(f.instalments_missed, policy.parameters().missed_instalments_to_break);
    EXPECT_EQ(d.parameters.letter, letter_kind::arrangement_confirmation);
  }
  EXPECT_GT(confirmed, 100) << "the generator must reach the confirmation";
}

TEST(playbook_properties, costs_are_set_only_when_the_law_allows_them) {
  facts_generator generate(77);
  const playbook policy;
  int with_costs = 0;
  for (int i = 0; i < 20'000; ++i) {
    const facts f = generate.next();
    const decision d = policy.decide(f);
    if (!f.costs_allowed && asks_for_money(d.kind) && d.parameters.amount) {
      EXPECT_LE(d.parameters.amount->minor_units(),
                f.dunnable_amount.minor_units() - f.costs_due.minor_units())
          << rule_of(d) << ": costs the law does not allow yet are left out of the amount";
    }
    if (d.parameters.costs) {
      ++with_costs;
      EXPECT_TRUE(f.costs_allowed) << rule_of(d);
      EXPECT_LE(*d.parameters.costs, f.costs_due);
    }
    if (f.debtor_kind == debtor_kind::consumer && !f.fourteen_day_letter_expired) {
      EXPECT_FALSE(d.parameters.costs) << rule_of(d);
      EXPECT_NE(d.kind, action::escalate_agency) << "a consumer's letter must have expired";
      EXPECT_NE(d.kind, action::start_legal) << "a consumer's letter must have expired";
    }
  }
  EXPECT_GT(with_costs, 100);
}

TEST(playbook_properties, an_open_case_is_always_reviewed_after_today) {
  facts_generator generate(4242);
  const playbook policy;
  for (int i = 0; i < 20'000; ++i) {
    const facts f = generate.next();
    const decision d = policy.decide(f);
    ASSERT_EQ(d.reasons.size(), 1u);
    EXPECT_EQ(d.reasons.front().rule.rfind("playbook.", 0), 0u);
    if (f.state == case_state::closed) {
      EXPECT_FALSE(d.next_review);
      continue;
    }
    ASSERT_TRUE(d.next_review) << rule_of(d);
    EXPECT_GT(*d.next_review, f.today) << rule_of(d);
  }
}

TEST(playbook_properties, cannot_pay_never_gets_reminders_or_letters_before_an_arrangement_broke) {
  facts_generator generate(99);
  const playbook policy;
  for (int i = 0; i < 20'000; ++i) {
    facts f = generate.next();
    f.reason = reason::cannot_pay;
    f.arrangements_broken = 0;
    f.promises_broken = 0;
    f.promise_active = false;
    f.arrangement_active = false;
    f.days_to_limitation = never_days;
    const decision d = policy.decide(f);
    EXPECT_NE(d.kind, action::remind) << rule_of(d);
    EXPECT_NE(d.kind, action::send_fourteen_day_letter) << rule_of(d);
    EXPECT_NE(d.kind, action::send_formal_notice) << rule_of(d);
    EXPECT_NE(d.kind, action::call) << rule_of(d);
  }
}

TEST(playbook_properties, deciding_into_a_warm_decision_gives_what_decide_gives) {
  facts_generator generate(7);
  const playbook policy;
  decision warm;
  for (int i = 0; i < 20'000; ++i) {
    const facts f = generate.next();
    warm.clear();
    policy.decide_into(f, warm);
    ASSERT_EQ(warm, policy.decide(f)) << rule_of(warm);
  }
}

TEST(playbook_properties, a_warm_decision_keeps_its_buffers) {
  const playbook policy;
  facts f = overdue_business();
  f.reason = reason::cannot_pay;  // the largest decision: reason, facts, instalments
  decision d;
  policy.decide_into(f, d);
  const auto* facts_buffer = d.reasons.front().facts.data();
  const auto* instalments_buffer = d.parameters.instalments.data();
  for (int i = 0; i < 3; ++i) {
    d.clear();
    policy.decide_into(f, d);
    EXPECT_EQ(d.reasons.front().facts.data(), facts_buffer) << "no reallocation";
    EXPECT_EQ(d.parameters.instalments.data(), instalments_buffer) << "no reallocation";
  }
}

}  // namespace
}  // namespace arrears
