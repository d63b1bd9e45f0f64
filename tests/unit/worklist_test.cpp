// The worklist: what an action is worth, the order of the list, and the events that record
// an action as carried out.

#include <arrears/policy/action_value.hpp>
#include <arrears/policy/carried_out.hpp>
#include <arrears/policy/worklist.hpp>

#include <gtest/gtest.h>

#include "support/case_builder.hpp"
#include "support/decision_builder.hpp"

#include <string>
#include <variant>
#include <vector>

namespace arrears {
namespace {

using namespace arrears::testing;

facts overdue_facts() {
  facts f;
  f.currency = currency::from_code("EUR");
  f.open_amount = eur("1200.00");
  f.dunnable_amount = eur("1000.00");
  f.disputed_amount = eur("200.00");
  f.undisputed_amount = eur("1000.00");
  f.agency_net_recovery = eur("310.00");
  f.legal_net_recovery = eur("-150.00");
  return f;
}

TEST(action_value, weighs_the_money_an_action_acts_on_by_its_response_share) {
  const facts f = overdue_facts();
  EXPECT_EQ(amount_at_stake(deciding(action::remind), f), eur("1000.00"));
  EXPECT_EQ(expected_value(deciding(action::remind), f), eur("500.00"));  // 50 %
  EXPECT_EQ(expected_value(deciding(action::call), f), eur("400.00"));    // 40 %
  EXPECT_EQ(amount_at_stake(deciding(action::investigate_dispute), f), eur("200.00"));
  EXPECT_EQ(expected_value(deciding(action::investigate_dispute), f), eur("100.00"));
  EXPECT_EQ(amount_at_stake(deciding(action::propose_arrangement), f), eur("1200.00"));

  decision named = deciding(action::remind);
  named.parameters.amount = eur("80.00");
  EXPECT_EQ(amount_at_stake(named, f), eur("80.00"));
  EXPECT_EQ(expected_value(named, f), eur("40.00"));

  action_value_parameters lower;
  lower.response_share[static_cast<std::size_t>(action::remind)] = rate::from_percent(10);
  EXPECT_EQ(expected_value(deciding(action::remind), f, lower), eur("100.00"));
}

TEST(action_value, escalations_are_worth_their_net_recovery_and_write_offs_nothing) {
  const facts f = overdue_facts();
  EXPECT_EQ(expected_value(deciding(action::escalate_agency), f), eur("310.00"));
  EXPECT_EQ(expected_value(deciding(action::start_legal), f), eur("-150.00"));
  EXPECT_TRUE(expected_value(deciding(action::write_off_goodwill), f).is_zero());
  EXPECT_TRUE(expected_value(deciding(action::suppress_marketing), f).is_zero());
}

worklist_item item(const char* case_id, const char* value, const char* amount) {
  worklist_item i;
  i.case_id = case_id;
  i.expected_value = eur(value);
  i.amount = eur(amount);
  return i;
}

TEST(worklist, puts_the_highest_expected_value_first_then_the_larger_amount) {
  std::vector<worklist_item> items{item("C-3", "50.00", "100.00"), item("C-1", "400.00", "800.00"),
                                   item("C-4", "50.00", "900.00"), item("C-2", "-20.00", "5000.00"),
                                   item("C-0", "50.00", "100.00")};
  order_by_priority(items);
  std::vector<std::string> order;
  for (const auto& i : items) order.push_back(i.case_id);
  EXPECT_EQ(order, (std::vector<std::string>{"C-1", "C-4", "C-0", "C-3", "C-2"}));
}

/// A business case with two invoices, one of which (INV-2) had a complaint found invalid.
collection_case case_with_invalid_complaint() {
  collection_case c("C-1");
  c.apply({day("2025-01-06"), debtor_updated{business_debtor()}});
  c.apply({day("2025-01-06"), claim_added{invoice("INV-1", "2025-01-06", "2025-02-05", "300.00")}});
  c.apply({day("2025-01-07"), claim_added{invoice("INV-2", "2025-01-07", "2025-02-06", "500.00")}});
  c.apply({day("2025-02-10"), dispute_opened{"INV-2", eur("500.00"), dispute_category::quality}});
  c.apply({day("2025-02-20"), dispute_resolved{"INV-2", verdict::invalid, eur("0.00")}});
  return c;
}

TEST(carried_out, a_reminder_is_recorded_as_sent_at_its_level_and_channel) {
  const collection_case c = case_with_invalid_complaint();
  decision d = deciding(action::remind);
  d.parameters.reminder_level = 2;
  d.parameters.channel = channel::post;
  const std::vector<event_body> events = carried_out(c, d);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0], event_body(reminder_sent{2, channel::post}));
}

TEST(carried_out, goodwill_waives_the_invalid_complaint_and_sends_the_notice) {
  const collection_case c = case_with_invalid_complaint();
  decision d = deciding(action::write_off_goodwill);
  d.parameters.amount = eur("500.00");
  d.parameters.letter = letter_kind::goodwill_notice;
  const std::vector<event_body> events = carried_out(c, d);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0], event_body(written_off{write_off_reason::goodwill, "INV-2", eur("500.00")}));
  ASSERT_TRUE(std::holds_alternative<letter_sent>(events[1]));
  EXPECT_EQ(std::get<letter_sent>(events[1]).kind, letter_kind::goodwill_notice);

  // The case accepts them, and only the complaint's invoice is waived.
  collection_case after = c;
  for (const auto& body : events) after.apply({day("2025-03-01"), body});
  EXPECT_EQ(after.open_principal(), eur("300.00"));
}

TEST(carried_out, a_call_records_whether_the_debtor_was_reached_and_the_reason) {
  const collection_case c = case_with_invalid_complaint();
  carried_out_details details;
  details.reached = true;
  details.reason = reason::cannot_pay;
  const auto events = carried_out(c, deciding(action::call), details);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0], event_body(call_logged{true, reason::cannot_pay}));
  EXPECT_EQ(carried_out(c, deciding(action::call))[0],
            event_body(call_logged{false, std::nullopt}));
  EXPECT_EQ(carried_out(c, deciding(action::escalate_agency))[0],
            event_body(handed_to_agency{"collection agency"}));
  EXPECT_TRUE(carried_out(c, deciding(action::hold)).empty());
}

TEST(carried_out, only_letters_that_are_the_whole_work_are_done_by_writing_them) {
  EXPECT_TRUE(is_done_by_its_letter(action::remind));
  EXPECT_TRUE(is_done_by_its_letter(action::send_fourteen_day_letter));
  EXPECT_TRUE(is_done_by_its_letter(action::confirm_arrangement));
  EXPECT_FALSE(is_done_by_its_letter(action::issue_credit_note));   // the books issue it
  EXPECT_FALSE(is_done_by_its_letter(action::write_off_goodwill));  // a person grants it
  EXPECT_FALSE(is_done_by_its_letter(action::investigate_dispute));
  EXPECT_FALSE(is_done_by_its_letter(action::call));
}

}  // namespace
}  // namespace arrears
