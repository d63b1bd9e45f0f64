// Decisions, and policies behind any_policy.

#include <arrears/policy/any_policy.hpp>
#include <arrears/policy/decision.hpp>

#include <gtest/gtest.h>

#include "support/case_builder.hpp"

#include <string>

namespace arrears {
namespace {

using namespace arrears::testing;

/// A user's own policy: remind everything overdue, nothing else.
struct remind_when_overdue {
  decision decide(const facts& f) const {
    decision d;
    if (f.days_overdue > 0) {
      d.kind = action::remind;
      d.parameters.amount = f.dunnable_amount;
      d.next_review = f.today + boost::gregorian::days(14);
      record_fact(d.add_reason("mine.overdue"), f, *find_fact("days_overdue"));
    }
    return d;
  }
};
static_assert(policy<remind_when_overdue>);
static_assert(!reusing_policy<remind_when_overdue>);
static_assert(reusing_policy<any_policy>);

facts overdue_facts() {
  facts f;
  f.case_id = "C-1";
  f.today = day("2026-03-01");
  f.currency = currency::from_code("EUR");
  f.days_overdue = 5;
  f.dunnable_amount = eur("80.00");
  return f;
}

TEST(any_policy, runs_a_user_policy_without_touching_the_library) {
  const any_policy p(remind_when_overdue{});
  EXPECT_EQ(p.name(), "custom");
  const decision d = p.decide(overdue_facts());
  EXPECT_EQ(d.kind, action::remind);
  EXPECT_EQ(d.parameters.amount, eur("80.00"));
  ASSERT_EQ(d.reasons.size(), 1u);
  EXPECT_EQ(d.reasons[0].rule, "mine.overdue");
  ASSERT_EQ(d.reasons[0].facts.size(), 1u);
  EXPECT_EQ(d.reasons[0].facts[0].value, 5);
  const any_policy named(remind_when_overdue{}, "house rules");
  EXPECT_EQ(named.name(), "house rules");
}

TEST(any_policy, decide_into_gives_the_same_decision_as_decide) {
  const any_policy p(remind_when_overdue{});
  decision reused;
  reused.kind = action::start_legal;  // stale content is cleared
  reused.arm = "old";
  p.decide_into(overdue_facts(), reused);
  EXPECT_EQ(reused, p.decide(overdue_facts()));
  facts paid = overdue_facts();
  paid.days_overdue = 0;
  p.decide_into(paid, reused);
  EXPECT_EQ(reused.kind, action::none);
  EXPECT_TRUE(reused.reasons.empty());
}

TEST(decision, a_cleared_decision_reuses_the_storage_of_its_reasons) {
  decision d;
  d.add_reason("a rule with a name too long for the small string buffer").note = "words";
  record_fact(d.reasons.back(), overdue_facts(), *find_fact("days_overdue"));
  const char* rule_storage = d.reasons.back().rule.data();
  d.clear();
  EXPECT_TRUE(d.reasons.empty());
  EXPECT_EQ(d, decision{});
  decision_reason& again = d.add_reason("a rule with a name too long for the small string buffer");
  EXPECT_EQ(again.rule.data(), rule_storage);
  EXPECT_TRUE(again.note.empty());
  EXPECT_TRUE(again.facts.empty());
}

TEST(action, names_round_trip_and_classify) {
  for (int i = 0; i < action_count; ++i) {
    const auto a = static_cast<action>(i);
    action back = action::none;
    ASSERT_TRUE(action_from_name(action_name(a), back)) << i;
    EXPECT_EQ(back, a);
  }
  action out = action::none;
  EXPECT_FALSE(action_from_name("remnd", out));
  EXPECT_TRUE(contacts_debtor(action::call));
  EXPECT_FALSE(contacts_debtor(action::issue_credit_note));
  EXPECT_TRUE(is_dunning(action::send_formal_notice));
  EXPECT_FALSE(is_dunning(action::propose_arrangement));
}

}  // namespace
}  // namespace arrears
