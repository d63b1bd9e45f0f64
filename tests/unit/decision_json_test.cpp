// Decisions as JSON: the shape `arrears decide --json` prints.

#include <arrears/io/decision_json.hpp>

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "support/case_builder.hpp"
#include "support/error_code_of.hpp"

#include <string>

namespace arrears {
namespace {

using namespace arrears::testing;

facts reminder_facts() {
  facts f;
  f.case_id = "C-1001";
  f.today = day("2026-03-02");
  f.currency = currency::from_code("EUR");
  f.days_overdue = 12;
  f.open_amount = eur("120.00");
  f.debtor_kind = debtor_kind::consumer;
  f.promise_active = true;
  return f;
}

decision reminder() {
  const facts f = reminder_facts();
  decision d;
  d.kind = action::remind;
  d.currency = f.currency;
  d.parameters.channel = channel::email;
  d.parameters.amount = eur("120.00");
  d.parameters.deadline = day("2026-03-16");
  d.parameters.reminder_level = 1;
  d.next_review = day("2026-03-16");
  decision_reason& reason = d.add_reason("playbook.first_reminder");
  record_fact(reason, f, *find_fact("days_overdue"));
  record_fact(reason, f, *find_fact("open_amount"));
  record_fact(reason, f, *find_fact("debtor_kind"));
  record_fact(reason, f, *find_fact("promise_active"));
  return d;
}

TEST(decision_json, writes_the_documented_shape) {
  EXPECT_EQ(boost::json::serialize(to_json(reminder(), "C-1001")),
            R"({"case":"C-1001","action":"remind",)"
            R"("parameters":{"channel":"email","amount":"120.00","deadline":"2026-03-16",)"
            R"("reminder_level":1},"next_review":"2026-03-16",)"
            R"("reasons":[{"rule":"playbook.first_reminder","facts":{"days_overdue":12,)"
            R"("open_amount":"120.00","debtor_kind":"consumer","promise_active":true}}],)"
            R"("currency":"EUR"})");
}

TEST(decision_json, writes_notes_arms_costs_letters_and_instalments_when_set) {
  decision d;
  d.kind = action::propose_arrangement;
  d.currency = currency::from_code("EUR");
  d.parameters.letter = letter_kind::arrangement_proposal;
  d.parameters.costs = eur("40.00");
  d.parameters.instalments = {{day("2026-04-01"), eur("60.00")}, {day("2026-05-01"), eur("60.50")}};
  d.add_reason("rules.cannot_pay").note = "offer a plan";
  d.arm = "challenger";
  EXPECT_EQ(boost::json::serialize(to_json(d, "C-7")),
            R"({"case":"C-7","action":"propose_arrangement",)"
            R"("parameters":{"costs":"40.00","letter":"arrangement_proposal",)"
            R"("instalments":[{"due":"2026-04-01","amount":"60.00"},)"
            R"({"due":"2026-05-01","amount":"60.50"}]},"next_review":null,)"
            R"("reasons":[{"rule":"rules.cannot_pay","note":"offer a plan","facts":{}}],)"
            R"("arm":"challenger","currency":"EUR"})");
}

TEST(decision_json, an_empty_decision_has_no_parameters_and_no_review) {
  EXPECT_EQ(boost::json::serialize(to_json(decision{}, "C-0")),
            R"({"case":"C-0","action":"none","parameters":{},"next_review":null,)"
            R"("reasons":[],"currency":"XXX"})");
}

TEST(decision_json, takes_the_currency_from_the_amounts_when_the_decision_has_none) {
  decision d;
  d.kind = action::remind;
  d.parameters.amount = money(123, currency::from_code("JPY"));
  const auto json = to_json(d, "C-1");
  EXPECT_EQ(json.at("currency"), "JPY");
  EXPECT_EQ(json.at("parameters").at("amount"), "123");
}

TEST(decision_json, refuses_amounts_in_two_currencies) {
  decision d = reminder();
  d.parameters.costs = money(4000, currency::from_code("USD"));
  EXPECT_EQ(testing::error_code_of([&] { (void)to_json(d, "C-1"); }), errc::currency_mismatch);
}

TEST(decision_json, appends_the_same_text_without_building_an_object) {
  decision twice_read = reminder();
  twice_read.reasons[0].facts.push_back(twice_read.reasons[0].facts[0]);  // the first stands
  for (const decision& d : {reminder(), decision{}, twice_read}) {
    std::string text = "kept";
    append_json(text, d, "C-\"1\"");
    EXPECT_EQ(text, "kept" + boost::json::serialize(to_json(d, "C-\"1\"")));
  }
  decision mixed = reminder();
  mixed.parameters.costs = money(4000, currency::from_code("USD"));
  std::string text = "kept";
  EXPECT_EQ(testing::error_code_of([&] { append_json(text, mixed, "C-1"); }),
            errc::currency_mismatch);
  EXPECT_EQ(text, "kept") << "nothing half-written";
}

TEST(decision_json, reads_back_what_it_writes) {
  const decision written = reminder();
  EXPECT_EQ(decision_from_json(to_json(written, "C-1001"), "test"), written);

  decision plan;
  plan.kind = action::propose_arrangement;
  plan.currency = currency::from_code("EUR");
  plan.parameters.letter = letter_kind::arrangement_proposal;
  plan.parameters.costs = eur("40.00");
  plan.parameters.instalments = {{day("2026-04-01"), eur("60.00")},
                                 {day("2026-05-01"), eur("60.50")}};
  plan.add_reason("rules.cannot_pay").note = "offer a plan";
  plan.arm = "challenger";
  EXPECT_EQ(decision_from_json(to_json(plan, "C-7"), "test"), plan);
}

TEST(decision_json, names_the_field_it_cannot_read) {
  const auto read = [](const char* text) {
    return failure_of([&] {
      (void)decision_from_json(boost::json::parse(text).as_object(), "store 'a.db': action 3");
    });
  };
  EXPECT_EQ(read(R"({"action":"shout","currency":"EUR"})")
                .rfind("invalid_value: store 'a.db': "
                       "action 3: field 'action'",
                       0),
            0u);
  const std::string amount =
      read(R"({"action":"remind","parameters":{"amount":"12.345"},"currency":"EUR"})");
  EXPECT_NE(amount.find("field 'parameters.amount'"), std::string::npos) << amount;
  const std::string fact = read(
      R"({"action":"remind","reasons":[{"rule":"r","facts":{"days_overdu":3}}],"currency":"EUR"})");
  EXPECT_NE(fact.find("field 'reasons[0].facts.days_overdu'"), std::string::npos) << fact;
  EXPECT_NE(fact.find("days_overdue"), std::string::npos) << fact;
}

}  // namespace
}  // namespace arrears
