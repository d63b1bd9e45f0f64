// rule_table: what a decision contains (action, parameters, review date, reasons), hit
// policies, the default, and evaluation errors.

#include <arrears/core/error.hpp>
#include <arrears/policy/any_policy.hpp>
#include <arrears/policy/policy.hpp>
#include <arrears/policy/rule_table.hpp>

#include "support/error_code_of.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <span>
#include <string>
#include <thread>
#include <vector>

namespace arrears {
namespace {

static_assert(policy<rule_table>);
static_assert(reusing_policy<rule_table>);

const currency eur = currency::from_code("EUR");

money euros(std::int64_t cents) { return money(cents, eur); }

facts overdue_facts() {
  facts f;
  f.case_id = "C-1";
  f.today = date(2025, 3, 10);
  f.currency = eur;
  f.state = case_state::overdue;
  f.days_overdue = 20;
  f.open_amount = euros(120'00);
  f.overdue_amount = euros(120'00);
  f.undisputed_amount = euros(120'00);
  f.dunnable_amount = euros(120'00);
  f.debtor_kind = debtor_kind::consumer;
  f.days_since_contact = 15;
  f.days_since_reminder = 15;
  return f;
}

fact_reading reading(std::string_view name, std::int64_t value) {
  return {*find_fact(name), value};
}

constexpr std::string_view ladder = R"(name: ladder
currency: EUR
default: {action: none, next_review: 7}
rules:
  - id: disputed_hold
    when: dispute_state == "open" and undisputed_amount == 0
    then: {action: investigate_dispute}
    next_review: 5
    note: "all money is disputed"
  - id: first_reminder
    when: days_overdue >= 1 and reminders_sent == 0
    then: {action: remind, channel: email, amount: dunnable_amount, deadline: 14, reminder_level: 1}
    next_review: 14
    note: a friendly reminder
  - id: second_reminder
    when: reminders_sent == 1 and days_since_reminder >= 14
    then: {action: remind, channel: post, amount: dunnable_amount + 15 EUR, deadline: 7,
           reminder_level: reminders_sent + 1}
    next_review: 7
)";

TEST(rule_table, first_matching_rule_decides_with_its_parameters) {
  const rule_table table = rule_table::parse(ladder, "ladder.yaml");
  const decision d = table.decide(overdue_facts());
  EXPECT_EQ(d.kind, action::remind);
  EXPECT_EQ(d.parameters.channel, channel::email);
  EXPECT_EQ(d.parameters.amount, euros(120'00));
  EXPECT_EQ(d.parameters.deadline, date(2025, 3, 24));
  EXPECT_EQ(d.parameters.reminder_level, 1);
  EXPECT_FALSE(d.parameters.costs.has_value());
  EXPECT_FALSE(d.parameters.letter.has_value());
  EXPECT_EQ(d.next_review, date(2025, 3, 24));
  EXPECT_EQ(d.currency, eur);
}

TEST(rule_table, reason_names_the_rule_its_note_and_every_fact_it_reads_once) {
  const rule_table table = rule_table::parse(ladder, "ladder.yaml");
  facts f = overdue_facts();
  f.reminders_sent = 1;
  const decision d = table.decide(f);
  ASSERT_EQ(d.reasons.size(), 1u);
  EXPECT_EQ(d.reasons[0].rule, "second_reminder");
  EXPECT_EQ(d.reasons[0].note, "");
  // `when` left to right, then the parameters in file order; reminders_sent only once.
  const std::vector<fact_reading> expected{reading("reminders_sent", 1),
                                           reading("days_since_reminder", 15),
                                           reading("dunnable_amount", 120'00)};
  EXPECT_EQ(d.reasons[0].facts, expected);
  EXPECT_EQ(d.parameters.amount, euros(135'00));
  EXPECT_EQ(d.parameters.reminder_level, 2);
  EXPECT_EQ(d.parameters.channel, channel::post);

  const decision first = table.decide(overdue_facts());
  EXPECT_EQ(first.reasons[0].note, "a friendly reminder");
}

TEST(rule_table, every_fact_a_rule_reads_is_recorded_with_its_value) {
  // Each fact in turn, with a value of its full width and sign (the last members of `facts`
  // included), read by a condition and as a parameter where it fits.
  facts f = overdue_facts();
  const std::span<const fact_info> schema = fact_schema();
  for (std::size_t i = 0; i < schema.size(); ++i) {
    const auto index = static_cast<fact_index>(i);
    switch (schema[i].type) {
      case fact_type::integer:
        write_fact(f, index, -70'000 - static_cast<std::int64_t>(i));
        break;
      case fact_type::money:
        write_fact(f, index, std::int64_t{5'000'000'000'000} + static_cast<std::int64_t>(i));
        break;
      case fact_type::boolean:
        write_fact(f, index, 1);
        break;
      case fact_type::enumeration:
        write_fact(f, index, static_cast<std::int64_t>(schema[i].enumerators.size() - 1));
        break;
    }
  }
  for (std::size_t i = 0; i < schema.size(); ++i) {
    const fact_info& fact = schema[i];
    const std::string name(fact.name);
    std::string when;
    switch (fact.type) {
      case fact_type::integer:
        when = name + " < 0";
        break;
      case fact_type::money:
        when = name + " > 7 EUR";
        break;
      case fact_type::boolean:
        when = name;
        break;
      case fact_type::enumeration:
        when = name + " == \"" + std::string(fact.enumerators.back()) + "\"";
        break;
    }
    const std::string then = fact.type == fact_type::money
                                 ? "{action: remind, amount: " + name + "}"
                                 : "{action: remind, reminder_level: 1}";
    const rule_table table =
        rule_table::parse("name: one\ndefault: none\nrules:\n  - id: r\n    when: " + when +
                              "\n    then: " + then + "\n",
                          "one.yaml");
    decision d = table.decide(f);
    SCOPED_TRACE(name);
    ASSERT_EQ(d.reasons.size(), 1u);
    EXPECT_EQ(d.reasons[0].rule, "r");
    const std::vector<fact_reading> expected{
        {static_cast<fact_index>(i), read_fact(f, static_cast<fact_index>(i))}};
    EXPECT_EQ(d.reasons[0].facts, expected);
    if (fact.type == fact_type::money) {
      EXPECT_EQ(d.parameters.amount, money(read_fact(f, static_cast<fact_index>(i)), eur));
    }
    d.clear();
    table.decide_into(f, d);
    EXPECT_EQ(d.reasons[0].facts, expected);
  }
}

TEST(rule_table, default_decides_when_no_rule_applies) {
  const rule_table table = rule_table::parse(ladder, "ladder.yaml");
  facts f = overdue_facts();
  f.reminders_sent = 1;
  f.days_since_reminder = 3;
  const decision d = table.decide(f);
  EXPECT_EQ(d.kind, action::none);
  EXPECT_EQ(d.next_review, date(2025, 3, 17));
  ASSERT_EQ(d.reasons.size(), 1u);
  EXPECT_EQ(d.reasons[0].rule, "default");
  EXPECT_TRUE(d.reasons[0].facts.empty());
}

TEST(rule_table, name_and_rule_count_come_from_the_file) {
  const rule_table table = rule_table::parse(ladder, "ladder.yaml");
  EXPECT_EQ(table.name(), "ladder");
  EXPECT_EQ(table.rule_count(), 3u);
  const rule_table unnamed =
      rule_table::parse("rules:\n  - {id: a, when: true, then: hold}\n", "dir/my-table.yaml");
  EXPECT_EQ(unnamed.name(), "my-table");
}

TEST(rule_table, priority_hit_policy_takes_the_highest_priority_and_file_order_on_ties) {
  const rule_table table = rule_table::parse(R"(hit_policy: priority
rules:
  - {id: low, when: days_overdue > 0, then: remind, priority: 1}
  - {id: high, when: days_overdue > 10, then: call, priority: 5}
  - {id: high_too, when: days_overdue > 10, then: escalate_agency, priority: 5}
  - {id: unranked, when: true, then: hold}
)");
  facts f = overdue_facts();
  EXPECT_EQ(table.decide(f).reasons[0].rule, "high");
  f.days_overdue = 5;
  EXPECT_EQ(table.decide(f).reasons[0].rule, "low");
  f.days_overdue = 0;
  EXPECT_EQ(table.decide(f).reasons[0].rule, "unranked");
  EXPECT_EQ(table.hits(), rule_table::hit_policy::priority);
}

TEST(rule_table, then_may_be_just_an_action_name) {
  const rule_table table =
      rule_table::parse("rules:\n  - id: always\n    when: true\n    then: hold\n");
  EXPECT_EQ(table.decide(overdue_facts()).kind, action::hold);
}

TEST(rule_table, instalment_plan_spreads_the_amount) {
  const rule_table table = rule_table::parse(R"(rules:
  - id: arrangement
    when: reason == "cannot_pay"
    then: {action: propose_arrangement, amount: dunnable_amount, instalments: 3,
           interval: monthly, first_due: 7, letter: arrangement_proposal}
)");
  facts f = overdue_facts();
  f.reason = reason::cannot_pay;
  f.dunnable_amount = euros(100'00);
  const decision d = table.decide(f);
  ASSERT_EQ(d.parameters.instalments.size(), 3u);
  EXPECT_EQ(d.parameters.instalments[0].due, date(2025, 3, 17));
  EXPECT_EQ(d.parameters.instalments[0].amount, euros(33'34));
  EXPECT_EQ(d.parameters.instalments[1].due, date(2025, 4, 17));
  EXPECT_EQ(d.parameters.instalments[2].amount, euros(33'33));
  EXPECT_EQ(d.parameters.letter, letter_kind::arrangement_proposal);
}

TEST(rule_table, minimum_instalment_caps_the_number_of_instalments) {
  const rule_table table = rule_table::parse(R"(rules:
  - id: arrangement
    when: true
    then: {action: propose_arrangement, amount: dunnable_amount, instalments: 6,
           minimum_instalment: 50 EUR, interval: weekly}
)");
  facts f = overdue_facts();
  f.dunnable_amount = euros(120'00);
  const decision d = table.decide(f);
  ASSERT_EQ(d.parameters.instalments.size(), 2u);
  EXPECT_EQ(d.parameters.instalments[1].due, date(2025, 3, 31));  // first_due 14 + 7
}

TEST(rule_table, arithmetic_overflow_on_a_case_is_a_policy_evaluation_error_naming_rule_and_case) {
  const rule_table table = rule_table::parse(R"(rules:
  - id: huge
    when: open_amount * 1000000000 > 0 EUR
    then: hold
)",
                                             "huge.yaml");
  facts f = overdue_facts();
  f.open_amount = euros(std::numeric_limits<std::int64_t>::max() / 10);
  try {
    (void)table.decide(f);
    FAIL() << "expected policy_evaluation";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::policy_evaluation);
    const std::string what = e.what();
    EXPECT_NE(what.find("rule 'huge'"), std::string::npos) << what;
    EXPECT_NE(what.find("case 'C-1'"), std::string::npos) << what;
    EXPECT_NE(what.find("overflow in '*'"), std::string::npos) << what;
    EXPECT_NE(what.find("at huge.yaml:3:23"), std::string::npos) << what;
  }
  f.open_amount = euros(1);
  EXPECT_EQ(table.decide(f).kind, action::hold);
}

TEST(rule_table, division_by_zero_on_a_case_is_a_policy_evaluation_error) {
  const rule_table table = rule_table::parse(R"(rules:
  - id: share
    when: disputed_amount / open_amount > 0.5
    then: investigate_dispute
)");
  facts f = overdue_facts();
  f.open_amount = euros(0);
  EXPECT_EQ(testing::error_code_of([&] { (void)table.decide(f); }), errc::policy_evaluation);
  // Guarded by `and`, the division is never evaluated.
  const rule_table guarded = rule_table::parse(R"(rules:
  - id: share
    when: open_amount > 0 and disputed_amount / open_amount > 0.5
    then: investigate_dispute
)");
  EXPECT_EQ(guarded.decide(f).kind, action::none);
}

TEST(rule_table, facts_in_another_currency_than_the_tables_amounts_are_refused) {
  const rule_table table = rule_table::parse(ladder, "ladder.yaml");
  facts f = overdue_facts();
  f.currency = currency::from_code("USD");
  f.dunnable_amount = money(120'00, f.currency);
  EXPECT_EQ(testing::error_code_of([&] { (void)table.decide(f); }), errc::policy_evaluation);
}

TEST(rule_table, a_table_without_amounts_decides_in_any_currency) {
  const rule_table table = rule_table::parse(R"(rules:
  - id: remind
    when: days_overdue > 0
    then: {action: remind, amount: dunnable_amount}
)");
  facts f = overdue_facts();
  f.currency = currency::from_code("JPY");
  f.dunnable_amount = money(12'000, f.currency);
  const decision d = table.decide(f);
  EXPECT_EQ(d.parameters.amount, money(12'000, f.currency));
  EXPECT_EQ(d.currency, f.currency);
}

TEST(rule_table, negative_review_days_at_decision_time_are_an_evaluation_error) {
  const rule_table table = rule_table::parse(R"(rules:
  - id: promise
    when: promise_active
    then: hold
    next_review: days_until_promise + 1
)");
  facts f = overdue_facts();
  f.promise_active = true;
  f.days_until_promise = 3;
  EXPECT_EQ(table.decide(f).next_review, date(2025, 3, 14));
  f.days_until_promise = -5;
  EXPECT_EQ(testing::error_code_of([&] { (void)table.decide(f); }), errc::policy_evaluation);
}

TEST(rule_table, facts_without_a_date_are_refused_when_a_date_is_needed) {
  const rule_table table = rule_table::parse(ladder);
  facts f = overdue_facts();
  f.today = date();
  EXPECT_EQ(testing::error_code_of([&] { (void)table.decide(f); }), errc::policy_evaluation);
}

TEST(rule_table, decide_into_a_reused_decision_equals_a_fresh_decide) {
  const rule_table table = rule_table::parse(ladder, "ladder.yaml");
  decision reused;
  std::vector<facts> cases;
  for (int reminders = 0; reminders < 3; ++reminders) {
    facts f = overdue_facts();
    f.reminders_sent = reminders;
    f.dispute_state = reminders == 2 ? dispute_state::open : dispute_state::none;
    f.undisputed_amount = reminders == 2 ? euros(0) : euros(120'00);
    cases.push_back(f);
  }
  for (int round = 0; round < 2; ++round) {
    for (const facts& f : cases) {
      reused.clear();
      table.decide_into(f, reused);
      EXPECT_EQ(reused, table.decide(f));
    }
  }
}

TEST(rule_table, copies_share_the_compiled_table_and_decide_concurrently) {
  const rule_table table = rule_table::parse(ladder, "ladder.yaml");
  const rule_table copy = table;  // NOLINT(performance-unnecessary-copy-initialization)
  const decision expected = table.decide(overdue_facts());
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      decision out;
      for (int i = 0; i < 2000; ++i) {
        out.clear();
        copy.decide_into(overdue_facts(), out);
        if (!(out == expected)) ++mismatches[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

TEST(rule_table, works_behind_any_policy) {
  const any_policy wrapped(rule_table::parse(ladder, "ladder.yaml"));
  EXPECT_EQ(wrapped.name(), "ladder");
  EXPECT_EQ(wrapped.decide(overdue_facts()).kind, action::remind);
}

TEST(rule_table, load_reads_a_file_and_reports_io_errors) {
  const rule_table table =
      rule_table::load(std::string(ARREARS_TEST_DATA_DIR) + "/policies/good/minimal.yaml");
  EXPECT_EQ(table.name(), "minimal");
  EXPECT_EQ(testing::error_code_of([] {
              (void)rule_table::load(std::string(ARREARS_TEST_DATA_DIR) + "/policies/none.yaml");
            }),
            errc::io_error);
}

TEST(rule_table, invalid_policy_lists_every_error_one_per_line) {
  try {
    (void)rule_table::parse(R"(rules:
  - id: a
    when: days_overdu > 1
    then: remnd
)",
                            "bad.yaml");
    FAIL() << "expected invalid_policy";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::invalid_policy);
    EXPECT_EQ(std::string(e.what()),
              "bad.yaml:3:11: error: unknown fact 'days_overdu'; did you mean 'days_overdue'?\n"
              "bad.yaml:4:11: error: unknown action 'remnd'; did you mean 'remind'?");
  }
}

}  // namespace
}  // namespace arrears
