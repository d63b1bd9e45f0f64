// Properties over random event sequences: whatever a ledger or a user throws at a case, its
// balances never go negative, settlements are allocated exactly, refusals change nothing,
// and replaying the history reproduces the state.

#include <arrears/io/case_json.hpp>
#include <arrears/io/event_json.hpp>
#include <arrears/model/collection_case.hpp>

#include <gtest/gtest.h>

#include <random>

#include "support/case_builder.hpp"
#include "support/random_events.hpp"

namespace arrears {
namespace {

using namespace arrears::testing;

void expect_invariants(const collection_case& c) {
  const money zero = money::zero(c.currency());
  for (const auto& balance : c.claims()) {
    EXPECT_GE(balance.open, zero) << balance.invoice.id;
    EXPECT_GE(balance.disputed, zero) << balance.invoice.id;
    EXPECT_GE(balance.awaiting_credit, zero) << balance.invoice.id;
    EXPECT_LE(balance.held(), balance.open) << balance.invoice.id;
    EXPECT_EQ(balance.dispute_open, balance.disputed.is_positive()) << balance.invoice.id;
  }
  EXPECT_GE(c.costs_due(), zero);
  EXPECT_GE(c.interest_due(), zero);
  const case_totals& t = c.totals();
  EXPECT_EQ(
      t.invoiced + t.costs_charged + t.interest_charged,
      c.open_principal() + c.costs_due() + c.interest_due() + t.paid + t.credited + t.written_off);
  if (c.is_closed()) {
    EXPECT_TRUE(c.open_total().is_zero());
    EXPECT_NE(c.outcome(), case_outcome::open);
  } else {
    EXPECT_EQ(c.outcome(), case_outcome::open);
    if (c.last_event_on() &&
        (c.state() == case_state::current || c.state() == case_state::overdue ||
         c.state() == case_state::disputed)) {
      EXPECT_EQ(c.state(), c.state_on(*c.last_event_on()))
          << "a ladder state says what the balances say";
    }
  }
  EXPECT_EQ(c.promise().has_value() && c.state() == case_state::promised,
            c.state() == case_state::promised);
  EXPECT_EQ(c.arrangement().has_value(), c.state() == case_state::in_arrangement);
}

/// What a settlement event took off the case, from the totals before and after.
money settled(const case_totals& before, const case_totals& after) {
  return (after.paid - before.paid) + (after.credited - before.credited) +
         (after.written_off - before.written_off);
}

TEST(case_properties, random_histories_keep_every_invariant) {
  int accepted = 0, refused = 0, closed = 0;
  for (std::uint64_t seed = 1; seed <= 400; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937_64 random(seed);
    random_event_source source(random);
    collection_case c("P-" + std::to_string(seed));
    for (int step = 0; step < 80 && !::testing::Test::HasFailure(); ++step) {
      const event e = source.next(c);
      const collection_case before = c;
      const auto rejection = c.try_apply(e);
      if (rejection) {
        ++refused;
        EXPECT_TRUE(c.same_state(before))
            << "refused " << rejection->message << " but changed the case";
        EXPECT_EQ(c.history().size(), before.history().size());
        EXPECT_FALSE(rejection->message.empty());
        continue;
      }
      ++accepted;
      expect_invariants(c);
      const event_type type = e.type();
      if (type == event_type::payment_received || type == event_type::instalment_paid ||
          type == event_type::credit_note_issued || type == event_type::written_off) {
        money allocated = money::zero(c.currency());
        for (const auto& line : c.last_allocation()) {
          EXPECT_TRUE(line.amount.is_positive());
          allocated += line.amount;
        }
        EXPECT_EQ(allocated, settled(before.totals(), c.totals()))
            << "allocations sum to the settlement";
      }
    }
    if (c.is_closed()) ++closed;
    EXPECT_TRUE(collection_case::replay(c.id(), c.history()).same_state(c))
        << "replay equals state";
    for (const event& e : c.history())
      EXPECT_EQ(event_from_json(to_json(e), "property"), e) << "an event survives JSON";
    const boost::json::object snapshot = to_json(c);
    const collection_case restored = case_from_json(snapshot, "property");
    EXPECT_TRUE(restored.same_state(c)) << "a case survives JSON";
    EXPECT_EQ(to_json(restored), snapshot) << "the JSON round trip is the identity";
  }
  // The generator must exercise both paths, and reach the end of the road sometimes.
  EXPECT_GT(accepted, 10'000);
  EXPECT_GT(refused, 1'000);
  EXPECT_GT(closed, 20);
}

}  // namespace
}  // namespace arrears
