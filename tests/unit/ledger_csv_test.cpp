// Reading the books: ledger and debtors CSVs, every bad row named as file:line: field.

#include <arrears/io/ledger_csv.hpp>

#include <gtest/gtest.h>

#include "support/case_builder.hpp"
#include "support/error_code_of.hpp"

#include <sstream>
#include <string>

namespace arrears {
namespace {

using testing::eur;

const std::string header =
    "debtor_id,debtor_name,debtor_kind,email,language,invoice_id,issue_date,due_date,"
    "term_days,amount,vat,currency,paid_amount,against\n";

ledger read(const std::string& rows, ledger_options options = {}) {
  std::istringstream in(header + rows);
  return read_ledger(in, "books.csv", options);
}

/// The code and message of the error reading `text` throws.
std::string failure(const std::string& text) {
  return testing::failure_of([&] {
    std::istringstream in(text);
    (void)read_ledger(in, "books.csv");
  });
}

TEST(ledger_csv, reads_invoices_credit_notes_and_debtors) {
  const ledger books = read(
      "D-1,Bakkerij De Vries,business,info@devries.nl,nl,INV-1,2025-01-06,2025-02-05,,1210.00,"
      "210.00,EUR,200.00,\n"
      "D-1,Bakkerij De Vries,business,info@devries.nl,nl,INV-2,2025-01-20,,14,484.00,,EUR,,\n"
      "D-2,Jan Jansen,consumer,,en,CN-1,2025-02-01,,,-121.00,,EUR,,INV-9\n");
  ASSERT_EQ(books.debtors.size(), 2u);
  EXPECT_EQ(books.debtors[0].profile.name, "Bakkerij De Vries");
  EXPECT_EQ(books.debtors[0].profile.contact.email, "info@devries.nl");
  EXPECT_EQ(books.debtors[1].profile.kind, debtor_kind::consumer);
  EXPECT_EQ(books.debtors[1].profile.language, "en");
  EXPECT_EQ(books.debtors[1].line, 4u);
  ASSERT_EQ(books.items.size(), 3u);
  const ledger_item& first = books.items[0];
  EXPECT_EQ(first.document.kind, claim_kind::invoice);
  EXPECT_EQ(first.document.due_date, date(2025, 2, 5));
  EXPECT_EQ(first.document.amount, eur("1210.00"));
  EXPECT_EQ(first.document.vat, eur("210.00"));
  EXPECT_EQ(first.paid, eur("200.00"));
  EXPECT_EQ(first.unpaid(), eur("1010.00"));
  EXPECT_EQ(first.line, 2u);
  EXPECT_EQ(books.items[1].document.due_date, date(2025, 2, 3)) << "term_days from the issue date";
  ASSERT_TRUE(books.items[1].document.terms);
  EXPECT_EQ(books.items[1].document.terms->days, 14);
  EXPECT_EQ(books.items[1].paid, eur("0.00"));
  const ledger_item& credit = books.items[2];
  EXPECT_EQ(credit.document.kind, claim_kind::credit_note) << "a negative amount is a credit note";
  EXPECT_EQ(credit.document.amount, eur("121.00"));
  EXPECT_EQ(credit.against, "INV-9");
  EXPECT_TRUE(books.problems.empty());
}

TEST(ledger_csv, every_bad_row_is_named_with_its_line_and_field_at_once) {
  const std::string message = failure(
      header +
      "D-1,A,business,,nl,INV-1,2025-13-01,2025-02-05,,100.00,,EUR,,\n"      // line 2: date
      "D-1,A,business,,nl,INV-2,2025-01-01,2025-02-05,,12.345,,EUR,,\n"      // line 3: decimals
      "D-1,A,business,,nl,INV-3,2025-01-01,2025-02-05,,10.00,,EUX,,\n"       // line 4: currency
      "D-1,A,business,,nl,INV-4,2025-01-01,,,10.00,,EUR,,\n"                 // line 5: no due date
      "D-1,A,friend,,nl,INV-5,2025-01-01,2025-02-05,,10.00,,EUR,,\n"         // line 6: kind
      "D-1,A,business,,nl,INV-6,2025-01-01,2025-02-05,,10.00,,EUR,20.00,\n"  // line 7: paid
      "D-1,A,business,,nl,INV-7,2025-03-01,2025-02-05,,10.00,,EUR,,\n"       // line 8: due < issue
      ",A,business,,nl,INV-8,2025-01-01,2025-02-05,,10.00,,EUR,,\n"          // line 9: no debtor
      "D-1,A,business,,nl,INV-9,2025-01-01,2025-02-05\n"                     // line 10: short row
      "D-1,A,business,,nl,INV-10,2025-01-01,2025-02-05,,10.00,,EUR,,\n");    // good
  EXPECT_EQ(message.rfind("invalid_ledger: ", 0), 0u) << message;
  for (const char* expected :
       {"books.csv:2: issue_date: invalid date '2025-13-01'; expected YYYY-MM-DD",
        "books.csv:3: amount: invalid amount '12.345'",
        "books.csv:4: currency: unknown currency 'EUX'",
        "books.csv:5: due_date: missing; an invoice needs due_date or term_days",
        "books.csv:6: debtor_kind: unknown kind 'friend'",
        "books.csv:7: paid_amount: 20.00 outside",
        "books.csv:8: due_date: before the issue date 2025-03-01",
        "books.csv:9: debtor_id: missing", "books.csv:10: 8 cells, expected 14"})
    EXPECT_NE(message.find(expected), std::string::npos) << expected << "\n" << message;
  EXPECT_EQ(message.find("books.csv:11"), std::string::npos) << message;
}

TEST(ledger_csv, skip_bad_keeps_the_good_rows_and_lists_the_bad) {
  const ledger books = read(
      "D-1,A,business,,nl,INV-1,2025-01-01,2025-02-05,,abc,,EUR,,\n"
      "D-1,A,business,,nl,INV-2,2025-01-01,2025-02-05,,10.00,,EUR,,\n",
      {.skip_bad = true});
  ASSERT_EQ(books.items.size(), 1u);
  EXPECT_EQ(books.items[0].document.id, "INV-2");
  ASSERT_EQ(books.problems.size(), 1u);
  EXPECT_EQ(books.problems[0].line, 2u);
  EXPECT_EQ(books.problems[0].field, "amount");
  EXPECT_EQ(books.problems[0].to_string().rfind("books.csv:2: amount: invalid amount 'abc'", 0),
            0u);
}

TEST(ledger_csv, a_repeated_row_adds_nothing_but_a_different_one_with_the_same_id_is_refused) {
  const std::string row = "D-1,A,business,,nl,INV-1,2025-01-01,2025-02-05,,10.00,,EUR,,\n";
  EXPECT_EQ(read(row + row).items.size(), 1u);
  const std::string message =
      failure(header + row + "D-1,A,business,,nl,INV-1,2025-01-01,2025-02-05,,11.00,,EUR,,\n");
  EXPECT_NE(message.find("books.csv:3: invoice_id: 'INV-1' appears on line 2 with different data"),
            std::string::npos)
      << message;
}

TEST(ledger_csv, one_debtor_described_two_ways_is_refused) {
  const std::string message =
      failure(header + "D-1,Alpha B.V.,business,,nl,INV-1,2025-01-01,2025-02-05,,10.00,,EUR,,\n" +
              "D-1,Alfa B.V.,business,,nl,INV-2,2025-01-01,2025-02-05,,10.00,,EUR,,\n" +
              "D-1,Alpha B.V.,business,,nl,INV-3,2025-01-01,2025-02-05,,10.00,,USD,,\n");
  EXPECT_NE(message.find("books.csv:3: debtor_name: 'Alfa B.V.' differs from 'Alpha B.V.' on "
                         "line 2 for debtor D-1"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("books.csv:4: currency: 'USD' differs from 'EUR'"), std::string::npos)
      << message;
}

TEST(ledger_csv, the_header_must_name_the_required_columns_and_only_known_ones) {
  const std::string message = failure(
      "debtor_id,debtor_nme,invoice_id,issue_date,amount,#memo\nD-1,A,INV-1,2025-01-01,1,x\n");
  EXPECT_NE(message.find("books.csv:1: debtor_nme: unknown column; did you mean 'debtor_name'?"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("books.csv:1: currency: required column missing"), std::string::npos)
      << message;
  EXPECT_NE(message.find("books.csv:1: due_date: required column missing (or term_days)"),
            std::string::npos)
      << message;
  EXPECT_EQ(message.find("#memo"), std::string::npos) << "columns starting with # are ignored";
  EXPECT_EQ(failure("").rfind("invalid_ledger: books.csv:1: empty", 0), 0u);
}

TEST(ledger_csv, debtors_file_sets_terms_and_relationship_value_of_known_debtors) {
  ledger books = read("D-1,A,business,,nl,INV-1,2025-01-01,2025-02-05,,10.00,,EUR,,\n");
  std::istringstream debtors(
      "debtor_id,terms,relationship_value\nD-1,eom 30,25000.00\nD-404,net 14,1.00\n");
  read_debtors(debtors, "debtors.csv", books);
  const ledger_debtor& d = books.debtors[0];
  ASSERT_TRUE(d.profile.terms);
  EXPECT_EQ(*d.profile.terms, (payment_terms{terms_basis::end_of_month, 30}));
  EXPECT_TRUE(d.has_terms);
  EXPECT_EQ(d.profile.relationship_value, eur("25000.00"));
  EXPECT_TRUE(d.has_relationship_value);

  std::istringstream bad("debtor_id,term_days,relationship_value\nD-1,400,-5.00\n");
  try {
    read_debtors(bad, "debtors.csv", books);
    FAIL() << "expected invalid_ledger";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::invalid_ledger);
    const std::string message = e.what();
    EXPECT_NE(message.find("debtors.csv:2: term_days: invalid term '400'"), std::string::npos)
        << message;
    EXPECT_NE(message.find("debtors.csv:2: relationship_value: negative"), std::string::npos)
        << message;
  }
}

}  // namespace
}  // namespace arrears
