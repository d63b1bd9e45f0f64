// Facts from CSV, decisions to CSV.

#include <arrears/io/facts_csv.hpp>
#include <arrears/policy/fact_schema.hpp>

#include <gtest/gtest.h>

#include "support/case_builder.hpp"
#include "support/error_code_of.hpp"

#include <sstream>
#include <string>
#include <utility>

namespace arrears {
namespace {

using namespace arrears::testing;

facts_batch read(const std::string& text, facts_csv_options options = {}) {
  std::istringstream in(text);
  return read_facts_csv(in, "portfolio.csv", options);
}

/// The message of the error reading `text` throws, prefixed by its code's name.
std::string failure(const std::string& text) {
  return failure_of([&] { (void)read(text); });
}

TEST(facts_csv, reads_facts_named_by_the_header_in_any_order) {
  const facts_batch batch = read(
      "case,open_amount,days_overdue,debtor_kind,promise_active\n"
      "C-1,120.00,12,consumer,true\n"
      "C-2,5000.50,40,business,0\n");
  ASSERT_EQ(batch.size(), 2u);
  const facts& first = batch[0];
  EXPECT_EQ(first.case_id, "C-1");
  EXPECT_EQ(first.currency, currency::from_code("EUR"));
  EXPECT_EQ(first.open_amount, eur("120.00"));
  EXPECT_EQ(first.days_overdue, 12);
  EXPECT_EQ(first.debtor_kind, debtor_kind::consumer);
  EXPECT_TRUE(first.promise_active);
  EXPECT_EQ(batch[1].case_id, "C-2");
  EXPECT_EQ(batch[1].open_amount, eur("5000.50"));
  EXPECT_FALSE(batch[1].promise_active);
  EXPECT_EQ(batch.line(0), 2u);
  EXPECT_EQ(batch.line(1), 3u);
}

TEST(facts_csv, facts_a_row_does_not_give_keep_their_defaults) {
  const facts_batch batch = read("days_overdue,reminders_sent\n30,\n");
  ASSERT_EQ(batch.size(), 1u);
  const facts defaults;
  EXPECT_EQ(batch[0].days_overdue, 30);
  EXPECT_EQ(batch[0].reminders_sent, defaults.reminders_sent);
  EXPECT_EQ(batch[0].days_to_limitation, never_days);
  EXPECT_EQ(batch[0].days_since_contact, never_days);
  EXPECT_EQ(batch[0].reason, defaults.reason);
  EXPECT_TRUE(batch[0].today.is_special());
}

TEST(facts_csv, rows_without_a_case_column_are_named_by_their_line) {
  const facts_batch batch = read("days_overdue\n1\n\n3\n");
  ASSERT_EQ(batch.size(), 2u);
  EXPECT_EQ(batch[0].case_id, "2");
  EXPECT_EQ(batch[1].case_id, "4");
}

TEST(facts_csv, reads_the_rows_currency_and_date_whatever_the_column_order) {
  const facts_batch batch = read(
      "open_amount,currency,today\n"
      "1500,JPY,2026-03-02\n"
      "12.345,KWD,\n",
      {currency::from_code("EUR"), day("2026-01-01")});
  ASSERT_EQ(batch.size(), 2u);
  EXPECT_EQ(batch[0].open_amount, money(1500, currency::from_code("JPY")));
  EXPECT_EQ(batch[0].today, day("2026-03-02"));
  EXPECT_EQ(batch[1].open_amount, money(12345, currency::from_code("KWD")));
  EXPECT_EQ(batch[1].today, day("2026-01-01"));  // empty cell: the option's date
}

TEST(facts_csv, default_currency_and_date_come_from_the_options) {
  const facts_batch batch =
      read("open_amount\n10.00\n", {currency::from_code("GBP"), day("2026-03-02")});
  EXPECT_EQ(batch[0].open_amount, money(1000, currency::from_code("GBP")));
  EXPECT_EQ(batch[0].today, day("2026-03-02"));
}

TEST(facts_csv, reads_quoted_cells_per_rfc_4180) {
  const facts_batch batch = read(
      "\xEF\xBB\xBF\"case\",days_overdue\r\n"
      "\"Smith, J.\",1\r\n"
      "\"say \"\"hi\"\"\", 2 \r\n"
      "\"two\nlines\",3\r\n"
      "  \"padded\"  ,4\r\n");
  ASSERT_EQ(batch.size(), 4u);
  EXPECT_EQ(batch[0].case_id, "Smith, J.");
  EXPECT_EQ(batch[1].case_id, "say \"hi\"");
  EXPECT_EQ(batch[1].days_overdue, 2);
  EXPECT_EQ(batch[2].case_id, "two\nlines");
  EXPECT_EQ(batch[3].case_id, "padded");
  EXPECT_EQ(batch.line(3), 6u);  // the quoted line break counts
}

TEST(facts_csv, case_ids_survive_moving_the_batch) {
  facts_batch batch = read("case\nshort\nan-id-far-too-long-for-any-small-string-buffer\n");
  const facts_batch moved = std::move(batch);
  EXPECT_EQ(moved[0].case_id, "short");
  EXPECT_EQ(moved[1].case_id, "an-id-far-too-long-for-any-small-string-buffer");
}

TEST(facts_csv, streams_rows_one_at_a_time) {
  std::istringstream in("case,calls_made\nA,1\nB,2\n");
  facts_csv_reader reader(in, "stream.csv");
  ASSERT_EQ(reader.columns().size(), 2u);
  EXPECT_EQ(reader.columns()[1], "calls_made");
  facts row;
  ASSERT_TRUE(reader.next(row));
  EXPECT_EQ(row.case_id, "A");
  EXPECT_EQ(reader.line(), 2u);
  ASSERT_TRUE(reader.next(row));
  EXPECT_EQ(row.case_id, "B");
  EXPECT_EQ(row.calls_made, 2);
  EXPECT_FALSE(reader.next(row));
}

TEST(facts_csv, names_an_unknown_column_with_a_suggestion) {
  EXPECT_EQ(failure("case,days_overdu\n"),
            "unknown_field: portfolio.csv:1:6: unknown column 'days_overdu'; did you mean "
            "'days_overdue'?");
  EXPECT_EQ(failure("cse\n"),
            "unknown_field: portfolio.csv:1:1: unknown column 'cse'; did you mean 'case'?");
  EXPECT_EQ(failure("days_overdue,colour\n"),
            "unknown_field: portfolio.csv:1:14: unknown column 'colour'; expected a fact name "
            "(docs/policy-language.md lists them) or case, currency, today");
}

TEST(facts_csv, names_the_cell_and_what_was_expected_for_a_bad_value) {
  EXPECT_EQ(failure("case,days_overdue\nC-1,12\nC-2,twelve\n"),
            "invalid_value: portfolio.csv:3:5: column 'days_overdue': invalid value 'twelve'; "
            "expected a whole number");
  EXPECT_EQ(failure("case,open_amount\nC-1,12.345\n"),
            "invalid_value: portfolio.csv:2:5: column 'open_amount': invalid value '12.345'; "
            "expected an amount with at most 2 decimals, such as \"120.00\"");
  EXPECT_EQ(failure("reason\ncanot_pay\n"),
            "invalid_value: portfolio.csv:2:1: column 'reason': invalid value 'canot_pay'; "
            "expected one of unknown, forgot, cannot_pay, dissatisfied, administrative, "
            "unwilling; did you mean 'cannot_pay'?");
  EXPECT_EQ(failure("days_overdue\n99999999999\n"),
            "invalid_value: portfolio.csv:2:1: column 'days_overdue': 99999999999 is out of "
            "range; expected a whole number from -2147483648 to 2147483647");
  EXPECT_EQ(failure("case,today\nC-1,2026-02-30\n"),
            "invalid_date: portfolio.csv:2:5: column 'today': invalid date '2026-02-30'; "
            "expected YYYY-MM-DD");
  EXPECT_EQ(failure("currency,open_amount\nEURO,1.00\n"),
            "unknown_currency: portfolio.csv:2:1: column 'currency': unknown currency 'EURO'; "
            "expected an ISO 4217 code such as EUR");
}

TEST(facts_csv, refuses_malformed_csv) {
  EXPECT_EQ(failure(""),
            "parse_error: portfolio.csv:1: empty; expected a header line naming the facts in "
            "each column");
  EXPECT_EQ(failure("case,days_overdue\nC-1\n"),
            "parse_error: portfolio.csv:2: 1 cell, expected 2 as in the header");
  EXPECT_EQ(failure("case,days_overdue\nC-1,1,\n"),
            "parse_error: portfolio.csv:2: 3 cells, expected 2 as in the header");
  EXPECT_EQ(failure("case\n\"open\n"),
            "parse_error: portfolio.csv:2:1: the quoted cell starting here is not closed before "
            "the end of the file");
  EXPECT_EQ(failure("case\n\"a\"b\n"),
            "parse_error: portfolio.csv:2:4: expected ',' or the end of the line after a quoted "
            "cell");
  EXPECT_EQ(failure("case\nab\"c\n"),
            "parse_error: portfolio.csv:2:3: a quote inside an unquoted cell; quote the whole "
            "cell and double the quote (\"\")");
  EXPECT_EQ(failure("case,,days_overdue\n"),
            "parse_error: portfolio.csv:1:6: column 2 has no name in the header");
  EXPECT_EQ(failure("days_overdue,case,days_overdue\n"),
            "invalid_value: portfolio.csv:1:19: column 'days_overdue' appears twice (first as "
            "column 1)");
}

TEST(facts_csv, names_the_file_it_cannot_open) {
  EXPECT_EQ(error_code_of([] { (void)read_facts_csv_file("/no/such/dir/facts.csv"); }),
            errc::io_error);
}

TEST(facts_csv, reads_the_shipped_test_portfolio) {
  const facts_batch batch = read_facts_csv_file(ARREARS_TEST_DATA_DIR "/facts/portfolio.csv");
  ASSERT_GE(batch.size(), 5u);
  for (const facts& row : batch.rows()) EXPECT_FALSE(row.case_id.empty());
}

// --- writing --------------------------------------------------------------------------------

TEST(decisions_csv, writes_one_row_per_decision_with_all_rules) {
  decision d;
  d.kind = action::send_formal_notice;
  d.parameters.amount = eur("500.00");
  d.parameters.costs = eur("75.00");
  d.parameters.deadline = day("2026-03-16");
  d.next_review = day("2026-03-17");
  d.add_reason("strict.notice");
  d.add_reason("guard.consumer_costs");
  d.arm = "challenger";
  std::string out(decisions_csv_header());
  append_decision_csv(out, "C-1", d);
  append_decision_csv(out, "Smith, \"J\"", decision{});
  EXPECT_EQ(out,
            "case,action,amount,costs,deadline,next_review,rule,arm\n"
            "C-1,send_formal_notice,500.00,75.00,2026-03-16,2026-03-17,"
            "strict.notice;guard.consumer_costs,challenger\n"
            "\"Smith, \"\"J\"\"\",none,,,,,,\n");
}

TEST(decisions_csv, output_reads_back_as_csv) {
  // The writer's quoting is the reader's: a case id survives the round trip.
  decision d;
  std::string out = "case\n";
  std::string row;
  append_decision_csv(row, " two\nlines, \"quoted\" ", d);
  out += row.substr(0, row.find(",none"));
  out += "\n";
  const facts_batch batch = read(out);
  ASSERT_EQ(batch.size(), 1u);
  EXPECT_EQ(batch[0].case_id, " two\nlines, \"quoted\" ");
}

}  // namespace
}  // namespace arrears
