// rule_table::decide_into does not allocate once the decision is warm: the evaluator runs on
// a fixed stack, parameters and reasons reuse the decision's storage, instalment plans reuse
// its vector. Checked on every example policy, over cases that reach every rule.

#include <arrears/policy/rule_table.hpp>

#include "alloc/allocation_counter.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace arrears {
namespace {

using arrears::testing::allocations_during;

/// Varied cases: every rule of the examples decides for some of them.
std::vector<facts> varied_cases() {
  std::mt19937 random(99);
  auto between = [&](int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(random);
  };
  const currency eur = currency::from_code("EUR");
  std::vector<facts> out;
  for (int i = 0; i < 3000; ++i) {
    facts f;
    f.case_id = "C-alloc";
    f.today = date(2025, 5, 5);
    f.currency = eur;
    f.state = static_cast<case_state>(between(0, 7));
    f.days_overdue = between(0, 90);
    f.days_until_due = between(-5, 30);
    f.days_since_invoice = between(0, 60);
    f.dunnable_amount = money(between(0, 3) == 0 ? 0 : between(100, 900'000), eur);
    f.undisputed_amount = f.dunnable_amount;
    f.open_amount = f.dunnable_amount;
    f.disputed_amount = money(between(0, 50'000), eur);
    f.credit_due_amount = money(between(0, 10) == 0 ? between(1, 9'000) : 0, eur);
    f.reminders_sent = between(0, 3);
    f.days_since_reminder = between(0, 30);
    f.days_since_contact = between(0, 30);
    f.calls_made = between(0, 3);
    f.calls_reached = between(0, f.calls_made);
    f.reason = static_cast<reason>(between(0, 5));
    f.dispute_state = static_cast<dispute_state>(between(0, 2));
    f.dispute_verdict = static_cast<dispute_verdict>(between(0, 3));
    f.promise_active = between(0, 8) == 0;
    f.days_until_promise = between(0, 20);
    f.arrangement_active = between(0, 8) == 0;
    f.instalments_missed = between(0, 2);
    f.debtor_kind = static_cast<debtor_kind>(between(0, 2));
    f.relationship_value = money(between(0, 3'000'000), eur);
    f.goodwill_granted = between(0, 1) == 1;
    f.fourteen_day_letter_sent = between(0, 1) == 1;
    f.fourteen_day_letter_expired = f.fourteen_day_letter_sent && between(0, 1) == 1;
    f.formal_notice_sent = between(0, 1) == 1;
    f.costs_due = money(between(0, 5'000), eur);
    f.interest_due = money(between(0, 5'000), eur);
    f.agency_net_recovery = money(between(-10'000, 90'000), eur);
    f.legal_net_recovery = money(between(-90'000, 90'000), eur);
    f.marketing_suppressed = between(0, 1) == 1;
    out.push_back(f);
  }
  return out;
}

TEST(rule_table_alloc, decide_into_a_warm_decision_allocates_nothing) {
  const std::vector<facts> cases = varied_cases();
  for (const char* name : {"playbook.yaml", "strict.yaml", "lenient.yaml"}) {
    SCOPED_TRACE(name);
    const rule_table table =
        rule_table::load(std::string(ARREARS_SOURCE_DIR) + "/examples/policies/" + name);
    decision out;
    // Warm up: the decision grows to the largest reason, note and plan it will hold.
    std::vector<std::string> rules_seen;
    for (const facts& f : cases) {
      out.clear();
      table.decide_into(f, out);
      if (std::find(rules_seen.begin(), rules_seen.end(), out.reasons[0].rule) == rules_seen.end())
        rules_seen.push_back(out.reasons[0].rule);
    }
    EXPECT_GE(rules_seen.size(), table.rule_count() / 2) << "the cases reach too few rules";
    const std::size_t allocated = allocations_during([&] {
      for (const facts& f : cases) {
        out.clear();
        table.decide_into(f, out);
      }
    });
    EXPECT_EQ(allocated, 0u);
  }
}

}  // namespace
}  // namespace arrears
