// Facts derived from a case on a day: what policies and rules read.

#include <arrears/core/error.hpp>
#include <arrears/law/jurisdiction.hpp>
#include <arrears/policy/derive_facts.hpp>

#include <gtest/gtest.h>

#include "support/case_builder.hpp"
#include "support/error_code_of.hpp"

namespace arrears {
namespace {

using namespace arrears::testing;

debtor_profile consumer_debtor() {
  debtor_profile d = business_debtor("P-1");
  d.name = "J. Jansen";
  d.kind = debtor_kind::consumer;
  d.relationship_value = eur("300.00");
  return d;
}

/// Two invoices: INV-1 due 31 January, INV-2 due 28 February.
collection_case two_invoices(const debtor_profile& who) {
  collection_case c("C-1");
  c.apply({day("2026-01-01"), debtor_updated{who}});
  c.apply(
      {day("2026-01-01"), claim_added{invoice("INV-1", "2026-01-01", "2026-01-31", "1000.00")}});
  c.apply({day("2026-01-29"), claim_added{invoice("INV-2", "2026-01-29", "2026-02-28", "500.00")}});
  return c;
}

class derive_facts_test : public ::testing::Test {
 protected:
  std::unique_ptr<jurisdiction> nl = make_jurisdiction("nl");
  facts_context context{nl.get(), {}, false};
};

TEST_F(derive_facts_test, days_and_amounts_follow_the_oldest_undisputed_overdue_claim) {
  const collection_case c = two_invoices(business_debtor());
  const facts f = derive_facts(c, day("2026-02-10"), context);
  EXPECT_EQ(f.case_id, "C-1");
  EXPECT_EQ(f.state, case_state::overdue);
  EXPECT_EQ(f.days_overdue, 10);        // INV-1, due 31 January
  EXPECT_EQ(f.days_until_due, 18);      // INV-2, due 28 February
  EXPECT_EQ(f.days_since_invoice, 12);  // INV-2, issued 29 January
  EXPECT_EQ(f.open_amount, eur("1500.00"));
  EXPECT_EQ(f.overdue_amount, eur("1000.00"));
  EXPECT_EQ(f.dunnable_amount, eur("1000.00"));
  EXPECT_EQ(f.undisputed_amount, eur("1500.00"));
  EXPECT_EQ(f.disputed_amount, eur("0.00"));
  EXPECT_EQ(f.reminders_sent, 0);
  EXPECT_EQ(f.days_since_contact, never_days);
  EXPECT_EQ(f.debtor_kind, debtor_kind::business);
  EXPECT_EQ(f.relationship_value, eur("5000.00"));
  // A business is in default the day after the due date (art. 6:96 lid 4, 6:119a BW).
  EXPECT_TRUE(f.costs_allowed);
  // Five years from the due date of INV-1 (art. 3:307 BW): 2031-01-31.
  EXPECT_EQ(f.days_to_limitation, (day("2031-01-31") - day("2026-02-10")).days());
}

TEST_F(derive_facts_test, nothing_overdue_before_the_due_date) {
  const collection_case c = two_invoices(business_debtor());
  const facts f = derive_facts(c, day("2026-01-31"), context);
  EXPECT_EQ(f.state, case_state::current);
  EXPECT_EQ(f.days_overdue, 0);
  EXPECT_EQ(f.days_until_due, 0);  // the due date is the last day to pay
  EXPECT_FALSE(f.costs_allowed);
  EXPECT_EQ(f.dunnable_amount, eur("0.00"));
}

TEST_F(derive_facts_test, disputed_money_is_held_and_the_worst_verdict_shows) {
  collection_case c = two_invoices(business_debtor());
  c.apply({day("2026-02-02"), dispute_opened{"INV-1", eur("400.00"), dispute_category::damaged}});
  facts f = derive_facts(c, day("2026-02-03"), context);
  EXPECT_EQ(f.dispute_state, dispute_state::open);
  EXPECT_EQ(f.dispute_verdict, dispute_verdict::none);
  EXPECT_EQ(f.disputed_amount, eur("400.00"));
  EXPECT_EQ(f.undisputed_amount, eur("1100.00"));
  EXPECT_EQ(f.dunnable_amount, eur("600.00"));
  EXPECT_EQ(f.days_overdue, 3);  // the undisputed 600.00 of INV-1 is still overdue

  c.apply({day("2026-02-10"), dispute_resolved{"INV-1", verdict::partially_valid, eur("100.00")}});
  f = derive_facts(c, day("2026-02-10"), context);
  EXPECT_EQ(f.dispute_state, dispute_state::resolved);
  EXPECT_EQ(f.dispute_verdict, dispute_verdict::partially_valid);
  EXPECT_EQ(f.credit_due_amount, eur("100.00"));
  EXPECT_EQ(f.disputed_amount, eur("100.00"));  // awaiting the credit note
  EXPECT_EQ(f.dunnable_amount, eur("900.00"));
}

TEST_F(derive_facts_test, a_consumer_owes_costs_only_after_the_fourteen_day_letter_expired) {
  collection_case c = two_invoices(consumer_debtor());
  facts f = derive_facts(c, day("2026-02-10"), context);
  EXPECT_EQ(f.debtor_kind, debtor_kind::consumer);
  EXPECT_FALSE(f.fourteen_day_letter_sent);
  EXPECT_FALSE(f.costs_allowed);

  // Posted Tuesday 10 February: assumed delivered Thursday 12 February, the term runs to
  // 26 February, costs may be charged from 27 February.
  c.apply({day("2026-02-10"), letter_sent{letter_kind::fourteen_day_letter, channel::post}});
  f = derive_facts(c, day("2026-02-26"), context);
  EXPECT_TRUE(f.fourteen_day_letter_sent);
  EXPECT_FALSE(f.fourteen_day_letter_expired);
  EXPECT_FALSE(f.costs_allowed);
  f = derive_facts(c, day("2026-02-27"), context);
  EXPECT_TRUE(f.fourteen_day_letter_expired);
  EXPECT_TRUE(f.costs_allowed);
}

TEST_F(derive_facts_test, contacts_count_over_the_last_seven_days_including_today) {
  collection_case c = two_invoices(business_debtor());
  c.apply({day("2026-02-02"), reminder_sent{1, channel::email}});
  c.apply({day("2026-02-05"), call_logged{false, std::nullopt}});
  c.apply({day("2026-02-06"), call_logged{true, reason::forgot}});
  facts f = derive_facts(c, day("2026-02-08"), context);
  EXPECT_EQ(f.contacts_last_7_days, 3);
  EXPECT_EQ(f.days_since_contact, 2);  // the reached call
  EXPECT_EQ(f.days_since_reminder, 6);
  EXPECT_EQ(f.calls_made, 2);
  EXPECT_EQ(f.calls_reached, 1);
  EXPECT_EQ(f.reason, reason::forgot);
  f = derive_facts(c, day("2026-02-09"), context);
  EXPECT_EQ(f.contacts_last_7_days, 2);  // 2 February left the window
}

TEST_F(derive_facts_test, promises_and_arrangements_show_their_progress) {
  collection_case c = two_invoices(business_debtor());
  c.apply({day("2026-02-05"), promise_made{eur("1000.00"), day("2026-02-20")}});
  facts f = derive_facts(c, day("2026-02-10"), context);
  EXPECT_TRUE(f.promise_active);
  EXPECT_EQ(f.days_until_promise, 10);
  EXPECT_EQ(f.promises_made, 1);
  c.apply({day("2026-02-21"), promise_broken{}});
  c.apply({day("2026-03-02"), arrangement_agreed{{{day("2026-03-10"), eur("750.00")},
                                                  {day("2026-04-10"), eur("750.00")}}}});
  f = derive_facts(c, day("2026-03-15"), context);
  EXPECT_FALSE(f.promise_active);
  EXPECT_EQ(f.promises_broken, 1);
  EXPECT_TRUE(f.arrangement_active);
  EXPECT_EQ(f.state, case_state::in_arrangement);
  EXPECT_EQ(f.days_instalment_overdue, 5);
  c.apply({day("2026-03-16"), instalment_missed{1}});
  f = derive_facts(c, day("2026-03-16"), context);
  EXPECT_EQ(f.instalments_missed, 1);
}

TEST_F(derive_facts_test, economics_weigh_recovery_against_the_relationship) {
  debtor_profile small_customer = business_debtor();
  small_customer.relationship_value = eur("0.00");
  const facts f = derive_facts(two_invoices(small_customer), day("2026-03-10"), context);
  EXPECT_EQ(f.dunnable_amount, eur("1500.00"));
  EXPECT_EQ(f.agency_net_recovery,
            agency_net_recovery(f.dunnable_amount, f.relationship_value, {}));
  EXPECT_TRUE(f.agency_net_recovery.is_positive());
  const facts valued = derive_facts(two_invoices(business_debtor()), day("2026-03-10"), context);
  EXPECT_LT(valued.agency_net_recovery, f.agency_net_recovery);
  EXPECT_LT(valued.legal_net_recovery, valued.agency_net_recovery);
}

TEST_F(derive_facts_test, without_a_jurisdiction_the_law_facts_stay_unknown) {
  const facts f = derive_facts(two_invoices(business_debtor()), day("2026-02-10"), {});
  EXPECT_FALSE(f.costs_allowed);
  EXPECT_EQ(f.days_to_limitation, never_days);
  EXPECT_EQ(f.days_overdue, 10);
}

TEST_F(derive_facts_test, refuses_a_day_before_the_last_event) {
  const collection_case c = two_invoices(business_debtor());
  EXPECT_EQ(error_code_of([&] { (void)derive_facts(c, day("2026-01-28"), context); }),
            errc::invalid_argument);
}

TEST_F(derive_facts_test, marketing_and_goodwill_come_from_the_debtor) {
  collection_case c = two_invoices(business_debtor());
  c.apply({day("2026-02-03"), marketing_suppressed{}});
  c.apply({day("2026-02-04"), written_off{write_off_reason::goodwill, "INV-2", eur("50.00")}});
  const facts f = derive_facts(c, day("2026-02-04"), context);
  EXPECT_TRUE(f.marketing_suppressed);
  EXPECT_TRUE(f.goodwill_granted);
}

}  // namespace
}  // namespace arrears
