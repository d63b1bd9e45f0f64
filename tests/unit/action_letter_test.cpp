// Which letter carrying out a decision sends: the run writes it and records it as sent.

#include <arrears/policy/action_letter.hpp>

#include <gtest/gtest.h>

#include <optional>
#include <variant>

#include "support/case_builder.hpp"
#include "support/decision_builder.hpp"

namespace arrears {
namespace {

using namespace arrears::testing;

/// A business owing one overdue invoice (due 2025-03-31) and a second one due later.
collection_case overdue_case(history_policy history = history_policy::keep) {
  collection_case c("C-1", history);
  c.apply({day("2025-03-01"), debtor_updated{business_debtor()}, "ledger"});
  c.apply({day("2025-03-01"), claim_added{invoice("INV-1", "2025-03-01", "2025-03-31", "1000.00")},
           "ledger"});
  c.apply({day("2025-03-10"), claim_added{invoice("INV-2", "2025-03-10", "2025-04-09", "500.00")},
           "ledger"});
  return c;
}

TEST(letter_for, a_reminder_defaults_to_level_1_by_email) {
  const auto letter = letter_for(overdue_case(), deciding(action::remind));
  ASSERT_TRUE(letter);
  EXPECT_TRUE(letter->reminder);
  EXPECT_EQ(letter->reminder_level, 1);
  EXPECT_EQ(letter->channel, channel::email);
  EXPECT_EQ(letter->template_name(), "reminder");
}

TEST(letter_for, a_reminder_takes_level_and_channel_from_the_parameters) {
  decision d = deciding(action::remind);
  d.parameters.reminder_level = 3;
  d.parameters.channel = channel::post;
  const auto letter = letter_for(overdue_case(), d);
  ASSERT_TRUE(letter);
  EXPECT_EQ(letter->reminder_level, 3);
  EXPECT_EQ(letter->channel, channel::post);
  EXPECT_EQ(letter->sent_event(), event_body(reminder_sent{3, channel::post}));
}

TEST(letter_for, each_letter_action_sends_its_letter_by_post_unless_told_otherwise) {
  const struct {
    action kind;
    letter_kind letter;
    const char* template_name;
  } table[] = {
      {action::send_fourteen_day_letter, letter_kind::fourteen_day_letter, "fourteen_day_letter"},
      {action::send_formal_notice, letter_kind::formal_notice, "formal_notice"},
      {action::propose_arrangement, letter_kind::arrangement_proposal, "arrangement_proposal"},
      {action::confirm_arrangement, letter_kind::arrangement_confirmation,
       "arrangement_confirmation"},
      {action::explain_position, letter_kind::position_explanation, "position_explanation"},
      {action::issue_credit_note, letter_kind::credit_note_notice, "credit_note_notice"},
      {action::write_off_goodwill, letter_kind::goodwill_notice, "goodwill_notice"},
  };
  const collection_case c = overdue_case();
  for (const auto& row : table) {
    SCOPED_TRACE(action_name(row.kind));
    const auto letter = letter_for(c, deciding(row.kind));
    ASSERT_TRUE(letter);
    EXPECT_FALSE(letter->reminder);
    EXPECT_EQ(letter->kind, row.letter);
    EXPECT_EQ(letter->channel, channel::post);
    EXPECT_EQ(letter->template_name(), row.template_name);
    EXPECT_EQ(letter->sent_event(), event_body(letter_sent{row.letter, channel::post}));

    decision registered = deciding(row.kind);
    registered.parameters.channel = channel::registered_post;
    EXPECT_EQ(letter_for(c, registered)->channel, channel::registered_post);
  }
}

TEST(letter_for, actions_that_write_no_letter_send_none) {
  const collection_case c = overdue_case();
  for (const action kind :
       {action::none, action::courtesy_call, action::call, action::hold, action::escalate_agency,
        action::start_legal, action::write_off_uncollectible, action::suppress_marketing,
        action::reactivate_marketing}) {
    SCOPED_TRACE(action_name(kind));
    decision d = deciding(kind);
    d.parameters.letter = letter_kind::formal_notice;  // a letter kind never adds a letter
    EXPECT_FALSE(letter_for(c, d));
  }
}

TEST(letter_for, a_letter_kind_in_the_parameters_wins_over_the_actions_own) {
  const collection_case c = overdue_case();
  decision d = deciding(action::send_formal_notice);
  d.parameters.letter = letter_kind::fourteen_day_letter;
  EXPECT_EQ(letter_for(c, d)->kind, letter_kind::fourteen_day_letter);

  decision remind = deciding(action::remind);
  remind.parameters.letter = letter_kind::formal_notice;
  const auto letter = letter_for(c, remind);
  ASSERT_TRUE(letter);
  EXPECT_FALSE(letter->reminder) << "the rule asked for a formal notice, not a reminder";
  EXPECT_EQ(letter->kind, letter_kind::formal_notice);
  EXPECT_EQ(letter->channel, channel::post);
  EXPECT_EQ(letter->template_name(), "formal_notice");
}

TEST(claim_balance, remembers_the_day_its_dispute_was_opened) {
  collection_case c = overdue_case();
  EXPECT_FALSE(c.find_claim("INV-1")->dispute_opened_on);
  c.apply({day("2025-04-15"), dispute_opened{"INV-1", eur("300.00"), dispute_category::quality}});
  EXPECT_EQ(c.find_claim("INV-1")->dispute_opened_on, day("2025-04-15"));
  c.apply({day("2025-04-20"), dispute_resolved{"INV-1", verdict::invalid, eur("0.00")}});
  EXPECT_EQ(c.find_claim("INV-1")->dispute_opened_on, day("2025-04-15"))
      << "kept after the verdict: it dates the latest dispute";
}

class dispute_acknowledgement_test : public ::testing::TestWithParam<history_policy> {};

TEST_P(dispute_acknowledgement_test, is_sent_once_per_dispute_whatever_the_history_policy) {
  collection_case c = overdue_case(GetParam());
  const decision investigate = deciding(action::investigate_dispute);
  EXPECT_FALSE(letter_for(c, investigate)) << "no dispute is open: nothing to acknowledge";

  c.apply({day("2025-04-15"), dispute_opened{"INV-1", eur("300.00"), dispute_category::quality}});
  auto letter = letter_for(c, investigate);
  ASSERT_TRUE(letter);
  EXPECT_EQ(letter->kind, letter_kind::dispute_acknowledgement);
  EXPECT_EQ(letter->channel, channel::post);

  c.apply({day("2025-04-16"), letter->sent_event(), "policy"});
  EXPECT_FALSE(letter_for(c, investigate)) << "acknowledged the day after it was opened";

  // A second dispute, on the other claim, opened after the acknowledgement: acknowledge it too.
  c.apply({day("2025-04-20"), dispute_opened{"INV-2", eur("100.00"), dispute_category::damaged}});
  letter = letter_for(c, investigate);
  ASSERT_TRUE(letter);
  EXPECT_EQ(letter->kind, letter_kind::dispute_acknowledgement);
  c.apply({day("2025-04-20"), letter->sent_event(), "policy"});
  EXPECT_FALSE(letter_for(c, investigate)) << "a letter on the opening day acknowledges it";
}

INSTANTIATE_TEST_SUITE_P(letter_for, dispute_acknowledgement_test,
                         ::testing::Values(history_policy::keep, history_policy::discard));

TEST(letter_for, a_dispute_reopened_after_its_acknowledgement_is_acknowledged_again) {
  collection_case c = overdue_case();
  const decision investigate = deciding(action::investigate_dispute);
  c.apply({day("2025-04-15"), dispute_opened{"INV-1", eur("300.00"), dispute_category::quality}});
  c.apply({day("2025-04-16"), letter_sent{letter_kind::dispute_acknowledgement, channel::email}});
  c.apply({day("2025-04-25"), dispute_resolved{"INV-1", verdict::invalid, eur("0.00")}});
  EXPECT_FALSE(letter_for(c, investigate)) << "no dispute is open any more";
  c.apply({day("2025-05-02"), dispute_opened{"INV-1", eur("200.00"), dispute_category::other}});
  EXPECT_TRUE(letter_for(c, investigate));
}

}  // namespace
}  // namespace arrears
