// Deriving facts and deciding run for every case on every review: they must not allocate.

#include <arrears/law/jurisdiction.hpp>
#include <arrears/policy/any_policy.hpp>
#include <arrears/policy/derive_facts.hpp>

#include <gtest/gtest.h>

#include "allocation_counter.hpp"
#include "support/case_builder.hpp"

namespace arrears {
namespace {

using namespace arrears::testing;

collection_case busy_case(debtor_kind kind) {
  debtor_profile who = business_debtor();
  who.kind = kind;
  collection_case c("C-1");
  c.apply({day("2026-01-01"), debtor_updated{who}});
  c.apply(
      {day("2026-01-01"), claim_added{invoice("INV-1", "2026-01-01", "2026-01-31", "1000.00")}});
  c.apply({day("2026-01-05"), claim_added{invoice("INV-2", "2026-01-05", "2026-02-04", "500.00")}});
  c.apply({day("2026-02-03"), reminder_sent{1, channel::email}});
  c.apply({day("2026-02-05"), call_logged{true, reason::dissatisfied}});
  c.apply({day("2026-02-05"), dispute_opened{"INV-2", eur("200.00"), dispute_category::damaged}});
  c.apply({day("2026-02-06"), promise_made{eur("800.00"), day("2026-02-20")}});
  c.apply({day("2026-02-21"), promise_broken{}});
  c.apply({day("2026-02-23"), letter_sent{letter_kind::fourteen_day_letter, channel::post}});
  return c;
}

TEST(policy_allocations, deriving_facts_allocates_nothing) {
  for (const char* code : {"nl", "de", "be", "uk", "eu"}) {
    const auto law = make_jurisdiction(code);
    for (const debtor_kind kind : {debtor_kind::consumer, debtor_kind::business}) {
      const collection_case c = busy_case(kind);
      const facts_context context{law.get(), {}, false};
      facts f = derive_facts(c, day("2026-03-20"), context);  // warm up
      EXPECT_EQ(allocations_during([&] { f = derive_facts(c, day("2026-03-20"), context); }), 0u)
          << code;
      EXPECT_EQ(f.days_overdue, 48) << code;
    }
  }
}

/// A user policy that explains itself through the reusing path.
struct explain_overdue {
  decision decide(const facts& f) const {
    decision d;
    decide_into(f, d);
    return d;
  }
  void decide_into(const facts& f, decision& out) const {
    out.kind = f.days_overdue > 30 ? action::call : action::remind;
    out.parameters.amount = f.dunnable_amount;
    decision_reason& why = out.add_reason("a rule whose id is longer than fifteen characters");
    record_fact(why, f, *find_fact("days_overdue"));
    record_fact(why, f, *find_fact("dunnable_amount"));
  }
};

TEST(policy_allocations, a_warm_decision_is_refilled_without_allocating) {
  const any_policy p(explain_overdue{});
  facts f;
  f.days_overdue = 40;
  decision d;
  p.decide_into(f, d);
  EXPECT_EQ(allocations_during([&] { p.decide_into(f, d); }), 0u);
  EXPECT_EQ(d.kind, action::call);
  ASSERT_EQ(d.reasons.size(), 1u);
  EXPECT_EQ(d.reasons[0].facts.size(), 2u);
}

}  // namespace
}  // namespace arrears
