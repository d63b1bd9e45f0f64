// The statement of account a letter prints: open principal per claim, statutory interest
// from the first day of default, the collection costs the law allows (NL BIK staffel, VAT
// only for a creditor that cannot deduct it) and the 14-day letter's term.

#include <arrears/law/fourteen_day_letter.hpp>
#include <arrears/law/jurisdiction.hpp>
#include <arrears/model/statement.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/case_builder.hpp"
#include "support/error_code_of.hpp"

namespace arrears {
namespace {

using namespace arrears::testing;
using ::testing::HasSubstr;

const jurisdiction& dutch_law() {
  static const auto law = make_jurisdiction("nl");
  return *law;
}

debtor_profile consumer_debtor() {
  debtor_profile d = business_debtor("D-7");
  d.name = "Jan Jansen";
  d.kind = debtor_kind::consumer;
  return d;
}

/// One debtor, one invoice of `amount` issued 2025-03-01 and due 2025-03-31.
collection_case one_invoice(const debtor_profile& debtor, std::string_view amount = "1000.00") {
  collection_case c("C-1");
  c.apply({day("2025-03-01"), debtor_updated{debtor}, "ledger"});
  c.apply({day("2025-03-01"), claim_added{invoice("INV-1", "2025-03-01", "2025-03-31", amount)},
           "ledger"});
  return c;
}

statement_options cannot_deduct_vat() {
  statement_options options;
  options.creditor_can_deduct_vat = false;
  return options;
}

TEST(statement,
     consumer_costs_on_1000_are_the_staffel_150_with_vat_31_50_when_vat_is_not_deductible) {
  const collection_case c = one_invoice(consumer_debtor());
  const statement s = statement_of(c, day("2025-06-02"), dutch_law(), cannot_deduct_vat());
  EXPECT_EQ(s.overdue_principal, eur("1000.00"));
  EXPECT_EQ(s.collection_costs.costs, eur("150.00")) << "15 % of the first 2,500";
  EXPECT_EQ(s.collection_costs.vat, eur("31.50")) << "21 % of 150.00";
  EXPECT_EQ(s.collection_costs.total, eur("181.50"));
  EXPECT_EQ(s.collection_costs.vat_rate, rate::from_percent(21));
  EXPECT_THAT(s.collection_costs.basis, HasSubstr("cannot deduct VAT"));
}

TEST(statement, a_creditor_that_deducts_vat_adds_no_vat_to_the_costs) {
  const collection_case c = one_invoice(consumer_debtor());
  const statement s = statement_of(c, day("2025-06-02"), dutch_law());
  EXPECT_EQ(s.collection_costs.costs, eur("150.00"));
  EXPECT_EQ(s.collection_costs.vat, eur("0.00"));
  EXPECT_EQ(s.collection_costs.total, eur("150.00"));
}

TEST(statement, small_principals_cost_the_minimum_of_40) {
  const collection_case c = one_invoice(consumer_debtor(), "100.00");
  EXPECT_EQ(statement_of(c, day("2025-06-02"), dutch_law()).collection_costs.costs, eur("40.00"));
}

TEST(statement, claims_dunned_together_are_summed_for_the_staffel) {
  collection_case c = one_invoice(consumer_debtor(), "2000.00");
  c.apply({day("2025-03-05"), claim_added{invoice("INV-2", "2025-03-05", "2025-04-04", "1000.00")},
           "ledger"});
  const statement s = statement_of(c, day("2025-06-02"), dutch_law());
  ASSERT_EQ(s.overdue_lines().size(), 2u);
  EXPECT_EQ(s.overdue_principal, eur("3000.00"));
  // 15 % of 2,500 + 10 % of 500, not 40 + 150 over the claims one by one.
  EXPECT_EQ(s.collection_costs.costs, eur("425.00"));
}

TEST(statement, business_interest_is_the_commercial_rate_from_the_day_after_the_due_date) {
  const collection_case c = one_invoice(business_debtor());
  const date today = day("2025-06-02");
  const statement s = statement_of(c, today, dutch_law());
  ASSERT_EQ(s.lines.size(), 1u);
  const statement_line& line = s.lines[0];
  EXPECT_EQ(s.interest_rule, interest_kind::commercial);
  EXPECT_EQ(line.default_from, day("2025-04-01"));
  EXPECT_EQ(line.interest_from, day("2025-04-01"));
  // 11.15 % (handelsrente 2025 H1) over 1,000.00 for 63 days (1 April through 2 June,
  // both inclusive): 1000 x 0.1115 x 63 / 365 = 19.245... -> 19.25.
  EXPECT_EQ(line.interest, eur("19.25"));

  interest_request request;
  request.principal = eur("1000.00");
  request.kind = interest_kind::commercial;
  request.first_day = day("2025-04-01");
  request.until = today;
  EXPECT_EQ(line.interest, dutch_law().statutory_interest(request).total);
  EXPECT_EQ(s.interest, line.interest);
  EXPECT_EQ(s.total_due, eur("1019.25"));
}

TEST(statement, a_consumer_owes_no_interest_before_default) {
  const collection_case c = one_invoice(consumer_debtor());
  const statement s = statement_of(c, day("2025-06-02"), dutch_law());
  EXPECT_EQ(s.interest_rule, interest_kind::consumer);
  ASSERT_EQ(s.lines.size(), 1u);
  EXPECT_FALSE(s.lines[0].default_from) << "no fatal term and no notice of default (6:82 BW)";
  EXPECT_EQ(s.lines[0].interest, eur("0.00"));
  EXPECT_EQ(s.interest, eur("0.00"));
}

TEST(statement, a_consumer_owes_the_consumer_rate_after_a_notice_of_default) {
  collection_case c = one_invoice(consumer_debtor());
  c.apply({day("2025-04-07"), letter_sent{letter_kind::formal_notice, channel::post}, "policy"});
  const date today = day("2025-06-02");
  const statement s = statement_of(c, today, dutch_law());
  ASSERT_EQ(s.lines.size(), 1u);
  // Posted Monday 7 April, assumed delivered Wednesday 9 April; the 14-day term ends
  // 23 April, so default starts 24 April.
  EXPECT_EQ(s.lines[0].default_from, day("2025-04-24"));
  interest_request request;
  request.principal = eur("1000.00");
  request.kind = interest_kind::consumer;
  request.first_day = day("2025-04-24");
  request.until = today;
  const money expected = dutch_law().statutory_interest(request).total;
  EXPECT_TRUE(expected.is_positive());
  EXPECT_EQ(s.lines[0].interest, expected);
  // 6 % (wettelijke rente 2025) for 40 days: 1000 x 0.06 x 40 / 365 = 6.575... -> 6.58.
  EXPECT_EQ(s.lines[0].interest, eur("6.58"));
}

TEST(statement, interest_already_charged_is_not_counted_twice) {
  collection_case c = one_invoice(business_debtor());
  c.apply({day("2025-05-01"), interest_charged{eur("9.47"), day("2025-04-30"), "6:119a"}});
  const statement s = statement_of(c, day("2025-06-02"), dutch_law());
  ASSERT_EQ(s.lines.size(), 1u);
  EXPECT_EQ(s.lines[0].interest_from, day("2025-05-01"));
  EXPECT_EQ(s.interest_charged, eur("9.47"));
  // 11.15 % over 1,000.00 for 33 days (1 May through 2 June): 10.08...
  EXPECT_EQ(s.interest, eur("10.08"));
  EXPECT_EQ(s.total_due, eur("1000.00") + eur("10.08") + eur("9.47"));
}

TEST(statement, disputed_money_is_held_and_left_out_of_costs_and_interest) {
  collection_case c = one_invoice(business_debtor());
  c.apply({day("2025-04-10"), dispute_opened{"INV-1", eur("400.00"), dispute_category::quality}});
  const statement s = statement_of(c, day("2025-06-02"), dutch_law());
  ASSERT_EQ(s.lines.size(), 1u);
  EXPECT_EQ(s.lines[0].open, eur("1000.00"));
  EXPECT_EQ(s.lines[0].held, eur("400.00"));
  EXPECT_EQ(s.lines[0].undisputed, eur("600.00"));
  EXPECT_EQ(s.held, eur("400.00"));
  EXPECT_EQ(s.open_principal, eur("1000.00"));
  EXPECT_EQ(s.overdue_principal, eur("600.00"));
  EXPECT_EQ(s.collection_costs.costs, eur("90.00")) << "15 % of the undisputed 600.00";
  // 11.15 % over 600.00 for 63 days: 11.547... -> 11.55.
  EXPECT_EQ(s.interest, eur("11.55"));
}

TEST(statement, a_claim_not_yet_due_is_listed_but_neither_dunned_nor_charged_interest) {
  collection_case c = one_invoice(business_debtor());
  c.apply({day("2025-05-20"), claim_added{invoice("INV-2", "2025-05-20", "2025-06-19", "500.00")},
           "ledger"});
  const statement s = statement_of(c, day("2025-06-02"), dutch_law());
  ASSERT_EQ(s.lines.size(), 2u);
  EXPECT_EQ(s.overdue_lines().size(), 1u);
  EXPECT_EQ(s.overdue_lines().front()->claim_id, "INV-1");
  const statement_line& later = s.lines[1];
  EXPECT_EQ(later.claim_id, "INV-2");
  EXPECT_FALSE(later.overdue);
  EXPECT_EQ(later.interest, eur("0.00"));
  EXPECT_EQ(s.open_principal, eur("1500.00"));
  EXPECT_EQ(s.overdue_principal, eur("1000.00"));
}

TEST(statement, nothing_overdue_costs_nothing) {
  const collection_case c = one_invoice(consumer_debtor());
  const statement s = statement_of(c, day("2025-03-20"), dutch_law());
  EXPECT_TRUE(s.overdue_lines().empty());
  EXPECT_EQ(s.collection_costs.total, eur("0.00"));
  EXPECT_TRUE(s.collection_costs.basis.empty());
}

TEST(statement, gives_the_term_of_a_fourteen_day_letter_posted_that_day) {
  const collection_case c = one_invoice(consumer_debtor());
  const date today = day("2025-06-02");
  const statement s = statement_of(c, today, dutch_law());
  ASSERT_TRUE(s.fourteen_day_term);
  EXPECT_EQ(s.fourteen_day_term->term_ends, dutch_fourteen_day_letter(today).term_ends);
  // Posted Monday 2 June: delivered Wednesday 4 June, term ends Wednesday 18 June.
  EXPECT_EQ(s.fourteen_day_term->assumed_delivery, day("2025-06-04"));
  EXPECT_EQ(s.fourteen_day_term->term_ends, day("2025-06-18"));

  const auto eu = make_jurisdiction("eu");
  EXPECT_FALSE(statement_of(c, today, *eu).fourteen_day_term) << "the directive has no such letter";
}

TEST(statement, refuses_a_day_before_the_last_event) {
  const collection_case c = one_invoice(consumer_debtor());
  EXPECT_EQ(error_code_of([&] { (void)statement_of(c, day("2025-02-01"), dutch_law()); }),
            errc::invalid_argument);
  EXPECT_EQ(error_code_of([&] { (void)statement_of(c, date(), dutch_law()); }),
            errc::invalid_argument);
}

TEST(statement, names_the_case_and_claim_when_the_law_cannot_compute_interest) {
  const collection_case c = one_invoice(business_debtor());
  try {
    // The shipped nl-commercial table is covered until 2026-06-30.
    (void)statement_of(c, day("2026-08-03"), dutch_law());
    FAIL() << "expected an error: no rate is known for August 2026";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::date_out_of_range) << "the law's code is kept";
    EXPECT_THAT(e.what(), HasSubstr("statement of case C-1, claim 'INV-1': "));
  }
}

}  // namespace
}  // namespace arrears
