// Reconciling the books with the cases: what each ledger change becomes, and that doing it
// twice adds nothing.

#include <arrears/io/ledger_csv.hpp>
#include <arrears/model/reconciliation.hpp>

#include <gtest/gtest.h>

#include "support/case_builder.hpp"

#include <map>
#include <sstream>
#include <string>

namespace arrears {
namespace {

using testing::eur;

const std::string header =
    "debtor_id,debtor_name,debtor_kind,invoice_id,issue_date,due_date,amount,currency,"
    "paid_amount,against\n";

ledger books(const std::string& rows) {
  std::istringstream in(header + rows);
  return read_ledger(in, "books.csv");
}

/// Cases by id, with each debtor's latest case: what a store keeps.
struct case_store {
  std::map<std::string, collection_case> cases;
  std::map<std::string, std::string> latest;  // debtor id -> case id

  reconciliation run(const ledger& l, date today) {
    reconciliation r = reconcile(l, today, [&](std::string_view debtor) -> const collection_case* {
      const auto at = latest.find(std::string(debtor));
      return at == latest.end() ? nullptr : &cases.at(at->second);
    });
    for (const case_reconciliation& c : r.cases) {
      auto [at, inserted] = cases.try_emplace(c.case_id, c.case_id);
      EXPECT_EQ(inserted, c.opens_case) << c.case_id;
      for (const event& e : c.events) at->second.apply(e);
      latest[c.debtor_id] = c.case_id;
    }
    return r;
  }
  const collection_case& at(const std::string& id) const { return cases.at(id); }
};

std::vector<event_type> types(const case_reconciliation& c) {
  std::vector<event_type> out;
  for (const event& e : c.events) out.push_back(e.type());
  return out;
}

const date day1(2025, 3, 3);
const date day2(2025, 3, 10);

const std::string two_invoices =
    "D-1,Bakkerij De Vries,business,INV-1,2025-01-06,2025-02-05,1210.00,EUR,,\n"
    "D-1,Bakkerij De Vries,business,INV-2,2025-02-01,2025-03-03,484.00,EUR,,\n";

TEST(reconciliation, a_debtor_with_open_invoices_gets_a_case_with_them) {
  case_store store;
  const reconciliation r = store.run(books(two_invoices), day1);
  ASSERT_EQ(r.cases.size(), 1u);
  EXPECT_EQ(r.cases[0].case_id, "D-1");
  EXPECT_TRUE(r.cases[0].opens_case);
  EXPECT_EQ(types(r.cases[0]),
            (std::vector<event_type>{event_type::debtor_updated, event_type::claim_added,
                                     event_type::claim_added}));
  for (const event& e : r.cases[0].events) {
    EXPECT_EQ(e.meta.on, day1);
    EXPECT_EQ(e.meta.actor, "ledger");
  }
  const collection_case& c = store.at("D-1");
  EXPECT_EQ(c.debtor().profile.name, "Bakkerij De Vries");
  EXPECT_EQ(c.open_principal(), eur("1694.00"));
  EXPECT_EQ(c.overdue_on(day1), eur("1210.00"));
  EXPECT_TRUE(r.notices.empty());
}

TEST(reconciliation, the_same_ledger_twice_adds_nothing) {
  case_store store;
  const ledger l =
      books(two_invoices +
            "D-2,Jan Jansen,consumer,INV-3,2025-01-10,2025-01-24,99.95,EUR,40.00,\n"
            "D-2,Jan Jansen,consumer,CN-1,2025-02-01,,-9.95,EUR,,INV-3\n"
            "D-3,Paid Up B.V.,business,INV-4,2025-01-10,2025-01-24,50.00,EUR,50.00,\n");
  const reconciliation first = store.run(l, day1);
  EXPECT_EQ(first.cases.size(), 2u) << "nothing open for D-3, so no case";
  EXPECT_EQ(store.at("D-2").open_principal(), eur("50.00")) << "99.95 - 40.00 paid - 9.95 credited";
  const reconciliation second = store.run(l, day2);
  EXPECT_TRUE(second.cases.empty());
  EXPECT_TRUE(second.notices.empty());
}

TEST(reconciliation, a_lower_open_amount_is_a_payment_on_that_invoice) {
  case_store store;
  (void)store.run(books(two_invoices), day1);
  const reconciliation r = store.run(
      books("D-1,Bakkerij De Vries,business,INV-1,2025-01-06,2025-02-05,1210.00,EUR,1000.00,\n"
            "D-1,Bakkerij De Vries,business,INV-2,2025-02-01,2025-03-03,484.00,EUR,,\n"),
      day2);
  ASSERT_EQ(r.cases.size(), 1u);
  ASSERT_EQ(r.cases[0].events.size(), 1u);
  const auto& paid = std::get<payment_received>(r.cases[0].events[0].body);
  EXPECT_EQ(paid.amount, eur("1000.00"));
  EXPECT_EQ(paid.designation, std::vector<std::string>{"INV-1"});
  EXPECT_EQ(store.at("D-1").find_claim("INV-1")->open, eur("210.00"));
}

TEST(reconciliation, a_new_credit_line_is_a_credit_note_against_its_invoice) {
  case_store store;
  (void)store.run(books(two_invoices), day1);
  const reconciliation r = store.run(
      books(two_invoices + "D-1,Bakkerij De Vries,business,CN-7,2025-03-05,,-84.00,EUR,,INV-2\n"),
      day2);
  ASSERT_EQ(r.cases.size(), 1u);
  EXPECT_EQ(types(r.cases[0]), std::vector<event_type>{event_type::credit_note_issued});
  EXPECT_EQ(store.at("D-1").find_claim("INV-2")->open, eur("400.00"));
}

TEST(reconciliation, a_moved_due_date_changes_the_terms_of_that_invoice) {
  case_store store;
  (void)store.run(books(two_invoices), day1);
  const reconciliation r =
      store.run(books("D-1,Bakkerij De Vries,business,INV-1,2025-01-06,2025-03-07,1210.00,EUR,,\n"
                      "D-1,Bakkerij De Vries,business,INV-2,2025-02-01,2025-03-03,484.00,EUR,,\n"),
                day2);
  ASSERT_EQ(r.cases.size(), 1u);
  ASSERT_EQ(types(r.cases[0]), std::vector<event_type>{event_type::terms_changed});
  const auto& changed = std::get<terms_changed>(r.cases[0].events[0].body);
  EXPECT_EQ(changed.terms, (payment_terms{terms_basis::net, 60}));
  EXPECT_EQ(store.at("D-1").find_claim("INV-1")->invoice.due_date, date(2025, 3, 7));
}

TEST(reconciliation, a_vanished_invoice_is_reported_not_closed) {
  case_store store;
  (void)store.run(books(two_invoices), day1);
  const reconciliation r = store.run(
      books("D-1,Bakkerij De Vries,business,INV-2,2025-02-01,2025-03-03,484.00,EUR,,\n"), day2);
  EXPECT_TRUE(r.cases.empty());
  ASSERT_EQ(r.notices.size(), 1u);
  EXPECT_EQ(r.notices[0].case_id, "D-1");
  EXPECT_EQ(r.notices[0].document, "INV-1");
  EXPECT_NE(r.notices[0].message.find("not in the books"), std::string::npos);
  EXPECT_EQ(store.at("D-1").find_claim("INV-1")->open, eur("1210.00"));
  EXPECT_FALSE(store.at("D-1").is_closed());
}

TEST(reconciliation, paying_everything_closes_the_case_and_new_invoices_open_the_next) {
  case_store store;
  (void)store.run(books(two_invoices), day1);
  (void)store.run(
      books("D-1,Bakkerij De Vries,business,INV-1,2025-01-06,2025-02-05,1210.00,EUR,1210.00,\n"
            "D-1,Bakkerij De Vries,business,INV-2,2025-02-01,2025-03-03,484.00,EUR,484.00,\n"),
      day2);
  EXPECT_TRUE(store.at("D-1").is_closed());
  const reconciliation r = store.run(
      books("D-1,Bakkerij De Vries,business,INV-1,2025-01-06,2025-02-05,1210.00,EUR,1210.00,\n"
            "D-1,Bakkerij De Vries,business,INV-5,2025-03-01,2025-03-31,60.50,EUR,,\n"),
      date(2025, 4, 2));
  ASSERT_EQ(r.cases.size(), 1u);
  EXPECT_EQ(r.cases[0].case_id, "D-1/2");
  EXPECT_TRUE(r.cases[0].opens_case);
  EXPECT_EQ(store.at("D-1/2").open_principal(), eur("60.50"));
  EXPECT_EQ(store.at("D-1/2").find_claim("INV-1"), nullptr) << "settled invoices stay settled";
}

TEST(reconciliation, books_showing_more_open_than_arrears_are_reported) {
  case_store store;
  (void)store.run(books(two_invoices), day1);
  (void)store.run(
      books("D-1,Bakkerij De Vries,business,INV-1,2025-01-06,2025-02-05,1210.00,EUR,1000.00,\n"
            "D-1,Bakkerij De Vries,business,INV-2,2025-02-01,2025-03-03,484.00,EUR,,\n"),
      day2);
  const reconciliation r = store.run(books(two_invoices), date(2025, 3, 11));
  EXPECT_TRUE(r.cases.empty());
  ASSERT_EQ(r.notices.size(), 1u);
  EXPECT_EQ(r.notices[0].document, "INV-1");
  EXPECT_NE(r.notices[0].message.find("the books show 1210.00 open, arrears 210.00"),
            std::string::npos)
      << r.notices[0].message;
}

TEST(reconciliation, a_changed_debtor_is_updated_keeping_what_only_arrears_knows) {
  case_store store;
  ledger first = books(two_invoices);
  std::istringstream debtors("debtor_id,relationship_value\nD-1,8000.00\n");
  read_debtors(debtors, "debtors.csv", first);
  (void)store.run(first, day1);
  EXPECT_EQ(store.at("D-1").debtor().profile.relationship_value, eur("8000.00"));
  const reconciliation r = store.run(
      books("D-1,Bakkerij De Vries B.V.,business,INV-1,2025-01-06,2025-02-05,1210.00,EUR,,\n"
            "D-1,Bakkerij De Vries B.V.,business,INV-2,2025-02-01,2025-03-03,484.00,EUR,,\n"),
      day2);
  ASSERT_EQ(r.cases.size(), 1u);
  EXPECT_EQ(types(r.cases[0]), std::vector<event_type>{event_type::debtor_updated});
  EXPECT_EQ(store.at("D-1").debtor().profile.name, "Bakkerij De Vries B.V.");
  EXPECT_EQ(store.at("D-1").debtor().profile.relationship_value, eur("8000.00"))
      << "a ledger without a debtors file keeps the relationship value";
}

}  // namespace
}  // namespace arrears
