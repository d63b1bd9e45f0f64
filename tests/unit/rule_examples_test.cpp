// The shipped example policies (examples/policies) load cleanly and decide the playbook's
// situations as their comments say.

#include <arrears/policy/rule_table.hpp>

#include <gtest/gtest.h>

#include <string>

namespace arrears {
namespace {

const currency eur = currency::from_code("EUR");
money euros(std::int64_t cents) { return money(cents, eur); }

rule_table example(const char* name) {
  const std::string file = std::string(ARREARS_SOURCE_DIR) + "/examples/policies/" + name;
  EXPECT_TRUE(check_rule_table_file(file).empty()) << file << " has diagnostics";
  return rule_table::load(file);
}

/// An overdue case of 300.00 EUR, 20 days late, nothing done yet, business debtor.
facts overdue() {
  facts f;
  f.case_id = "C-42";
  f.today = date(2025, 9, 1);
  f.currency = eur;
  f.state = case_state::overdue;
  f.days_overdue = 20;
  f.days_since_invoice = 50;
  f.open_amount = euros(300'00);
  f.overdue_amount = euros(300'00);
  f.undisputed_amount = euros(300'00);
  f.dunnable_amount = euros(300'00);
  f.relationship_value = euros(1'000'00);
  f.agency_net_recovery = euros(80'00);
  f.legal_net_recovery = euros(-200'00);
  f.debtor_kind = debtor_kind::business;
  return f;
}

/// The same case after two reminders and a call, the last reminder 15 days ago.
facts after_ladder() {
  facts f = overdue();
  f.days_overdue = 60;
  f.reminders_sent = 2;
  f.last_reminder_level = 2;
  f.days_since_reminder = 15;
  f.days_since_contact = 15;
  f.calls_made = 1;
  f.calls_reached = 1;
  f.reason = reason::unwilling;
  f.marketing_suppressed = true;
  return f;
}

std::string rule_of(const decision& d) { return d.reasons.empty() ? "" : d.reasons[0].rule; }

TEST(rule_examples, playbook_reminds_a_forgetful_payer_first) {
  const rule_table playbook = example("playbook.yaml");
  const decision d = playbook.decide(overdue());
  EXPECT_EQ(d.kind, action::remind);
  EXPECT_EQ(rule_of(d), "first_reminder");
  EXPECT_EQ(d.parameters.amount, euros(300'00));
  EXPECT_EQ(d.parameters.deadline, date(2025, 9, 15));
  EXPECT_EQ(d.parameters.reminder_level, 1);
  EXPECT_EQ(d.next_review, date(2025, 9, 15));
}

TEST(rule_examples, playbook_calls_for_the_reason_a_week_after_the_first_reminder) {
  facts f = overdue();
  f.reminders_sent = 1;
  f.days_since_reminder = 8;
  const decision d = example("playbook.yaml").decide(f);
  EXPECT_EQ(d.kind, action::call);
  EXPECT_EQ(d.parameters.channel, channel::phone);
}

TEST(rule_examples, playbook_offers_cannot_pay_an_arrangement_not_the_notice_loop) {
  facts f = after_ladder();
  f.reason = reason::cannot_pay;
  f.debtor_kind = debtor_kind::consumer;
  const decision d = example("playbook.yaml").decide(f);
  EXPECT_EQ(d.kind, action::propose_arrangement);
  ASSERT_EQ(d.parameters.instalments.size(), 3u);
  EXPECT_EQ(d.parameters.instalments[0].amount, euros(100'00));
  EXPECT_EQ(d.parameters.instalments[0].due, date(2025, 9, 15));
  EXPECT_EQ(d.parameters.instalments[2].due, date(2025, 11, 15));
}

TEST(rule_examples, playbook_sends_a_consumer_the_fourteen_day_letter_before_the_agency) {
  facts f = after_ladder();
  f.debtor_kind = debtor_kind::consumer;
  const rule_table playbook = example("playbook.yaml");
  decision d = playbook.decide(f);
  EXPECT_EQ(d.kind, action::send_fourteen_day_letter);
  EXPECT_EQ(d.parameters.letter, letter_kind::fourteen_day_letter);
  f.fourteen_day_letter_sent = true;
  f.fourteen_day_letter_expired = true;
  d = playbook.decide(f);
  EXPECT_EQ(d.kind, action::escalate_agency);
}

TEST(rule_examples, playbook_hands_a_business_to_the_agency_after_a_call_and_two_reminders) {
  const decision d = example("playbook.yaml").decide(after_ladder());
  EXPECT_EQ(d.kind, action::escalate_agency);
  EXPECT_EQ(d.parameters.amount, euros(300'00));
}

TEST(rule_examples, playbook_holds_disputed_money_and_credits_a_valid_complaint) {
  const rule_table playbook = example("playbook.yaml");
  facts f = overdue();
  f.dispute_state = dispute_state::open;
  f.disputed_amount = euros(300'00);
  f.undisputed_amount = euros(0);
  f.dunnable_amount = euros(0);
  EXPECT_EQ(playbook.decide(f).kind, action::investigate_dispute);
  f.dispute_state = dispute_state::resolved;
  f.dispute_verdict = dispute_verdict::valid;
  f.credit_due_amount = euros(300'00);
  const decision d = playbook.decide(f);
  EXPECT_EQ(d.kind, action::issue_credit_note);
  EXPECT_EQ(d.parameters.amount, euros(300'00));
}

TEST(rule_examples, playbook_grants_goodwill_once_for_a_valuable_customer_else_explains) {
  const rule_table playbook = example("playbook.yaml");
  facts f = overdue();
  f.dispute_state = dispute_state::resolved;
  f.dispute_verdict = dispute_verdict::invalid;
  f.invalid_dispute_amount = euros(150'00);
  const decision goodwill = playbook.decide(f);
  EXPECT_EQ(goodwill.kind, action::write_off_goodwill);
  EXPECT_EQ(goodwill.parameters.amount, euros(150'00));
  f.goodwill_granted = true;
  EXPECT_EQ(playbook.decide(f).kind, action::explain_position);
  // Explained and refused: court only when it pays more than the agency route.
  f.days_since_position_explained = 20;
  f.legal_net_recovery = euros(120'00);
  EXPECT_EQ(playbook.decide(f).kind, action::start_legal);
  f.legal_net_recovery = euros(50'00);
  EXPECT_NE(playbook.decide(f).kind, action::start_legal);
}

TEST(rule_examples, playbook_waits_for_a_promise_and_reactivates_marketing_on_resolution) {
  const rule_table playbook = example("playbook.yaml");
  facts f = overdue();
  f.promise_active = true;
  f.days_until_promise = 5;
  decision d = playbook.decide(f);
  EXPECT_EQ(d.kind, action::hold);
  EXPECT_EQ(d.next_review, date(2025, 9, 7));
  facts closed = overdue();
  closed.state = case_state::closed;
  closed.marketing_suppressed = true;
  EXPECT_EQ(playbook.decide(closed).kind, action::reactivate_marketing);
  closed.marketing_suppressed = false;
  d = playbook.decide(closed);
  EXPECT_EQ(d.kind, action::none);
  EXPECT_FALSE(d.next_review.has_value());
}

TEST(rule_examples, strict_sends_a_business_a_formal_notice_a_week_after_one_reminder) {
  facts f = overdue();
  f.reminders_sent = 1;
  f.days_since_reminder = 7;
  const decision d = example("strict.yaml").decide(f);
  EXPECT_EQ(d.kind, action::send_formal_notice);
  EXPECT_EQ(d.parameters.channel, channel::registered_post);
  EXPECT_EQ(d.parameters.deadline, date(2025, 9, 8));
}

TEST(rule_examples, strict_escalates_after_two_reminders_without_waiting_for_a_call) {
  facts f = after_ladder();
  f.calls_made = 0;
  f.calls_reached = 0;
  f.days_since_reminder = 7;
  f.costs_due = euros(40'00);
  const decision d = example("strict.yaml").decide(f);
  EXPECT_EQ(d.kind, action::escalate_agency);
  EXPECT_EQ(d.parameters.amount, euros(340'00));
}

TEST(rule_examples, strict_gives_cannot_pay_two_weekly_instalments) {
  facts f = overdue();
  f.reason = reason::cannot_pay;
  const decision d = example("strict.yaml").decide(f);
  ASSERT_EQ(d.parameters.instalments.size(), 2u);
  EXPECT_EQ(d.parameters.instalments[1].due - d.parameters.instalments[0].due, days(7));
}

TEST(rule_examples, lenient_calls_a_valuable_customer_instead_of_writing) {
  facts f = overdue();
  f.relationship_value = euros(25'000'00);
  f.days_since_contact = 30;
  const decision d = example("lenient.yaml").decide(f);
  EXPECT_EQ(rule_of(d), "call_valuable_customer");
}

TEST(rule_examples, lenient_does_not_dun_while_any_complaint_is_open) {
  facts f = after_ladder();
  f.dispute_state = dispute_state::open;
  f.disputed_amount = euros(100'00);
  f.undisputed_amount = euros(200'00);
  EXPECT_EQ(example("lenient.yaml").decide(f).kind, action::investigate_dispute);
}

TEST(rule_examples, lenient_offers_six_monthly_instalments) {
  facts f = overdue();
  f.reason = reason::dissatisfied;
  f.dunnable_amount = euros(600'00);
  const decision d = example("lenient.yaml").decide(f);
  EXPECT_EQ(d.kind, action::propose_arrangement);
  EXPECT_EQ(d.parameters.instalments.size(), 6u);
}

TEST(rule_examples, lenient_never_sends_a_valuable_customer_to_the_agency) {
  facts f = after_ladder();
  f.reminders_sent = 3;
  f.calls_made = 2;
  f.calls_reached = 2;
  f.days_since_contact = 30;
  f.relationship_value = euros(100'00);  // worth less than the 300.00 owed
  const rule_table lenient = example("lenient.yaml");
  EXPECT_EQ(lenient.decide(f).kind, action::escalate_agency);
  f.relationship_value = euros(5'000'00);
  EXPECT_NE(lenient.decide(f).kind, action::escalate_agency);
}

}  // namespace
}  // namespace arrears
