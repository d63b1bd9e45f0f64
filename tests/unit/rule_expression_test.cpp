// The expression language's semantics: arithmetic in integers, fixed-point decimals and
// money, rounding, comparisons, lists, functions, booleans and short-circuiting; and that a
// constant folded at load time equals the same computation on facts at decision time.

#include <arrears/core/error.hpp>
#include <arrears/policy/rule_table.hpp>

#include "support/error_code_of.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace arrears {
namespace {

const currency eur = currency::from_code("EUR");

facts sample() {
  facts f;
  f.case_id = "C-7";
  f.today = date(2025, 6, 2);
  f.currency = eur;
  f.days_overdue = 20;
  f.reminders_sent = 2;
  f.calls_made = 3;
  f.open_amount = money(120'00, eur);
  f.dunnable_amount = money(120'00, eur);
  f.disputed_amount = money(30'00, eur);
  f.reason = reason::forgot;
  f.debtor_kind = debtor_kind::consumer;
  return f;
}

/// Whether `condition` holds for `f`, as the `when` of a one-rule table. Small tables are
/// evaluated through atoms and gates, tables of more than 64 rules by the conditions
/// program alone: both must agree, so the probe also runs first in a table of 70 rules.
bool holds(const std::string& condition, const facts& f = sample()) {
  const std::string probe =
      "rules:\n  - id: probe\n    when: '" + condition + "'\n    then: hold\n";
  const rule_table small = rule_table::parse(probe, "probe.yaml");
  std::string padded = probe;
  for (int i = 0; i < 69; ++i)
    padded += "  - {id: filler" + std::to_string(i) + ", when: days_overdue == -1, then: call}\n";
  const rule_table large = rule_table::parse(padded, "probe.yaml");
  const bool gated = small.decide(f).kind == action::hold;
  EXPECT_EQ(large.decide(f).kind == action::hold, gated) << condition;
  return gated;
}

struct case_row {
  const char* condition;
  bool expected;
};

class expression_semantics : public ::testing::TestWithParam<case_row> {};

TEST_P(expression_semantics, evaluates_as_documented) {
  EXPECT_EQ(holds(GetParam().condition), GetParam().expected) << GetParam().condition;
}

INSTANTIATE_TEST_SUITE_P(
    rule_expression, expression_semantics,
    ::testing::Values(
        // integers, precedence and associativity
        case_row{"2 + 3 * 4 == 14", true}, case_row{"(2 + 3) * 4 == 20", true},
        case_row{"10 - 2 - 3 == 5", true}, case_row{"-days_overdue == -20", true},
        case_row{"- - days_overdue == 20", true},
        case_row{"days_overdue * reminders_sent - calls_made == 37", true},
        // integer / integer is a decimal
        case_row{"7 / 2 == 3.5", true}, case_row{"days_overdue / 8 == 2.5", true},
        case_row{"days_overdue / 3 == 6.666667", true}, case_row{"-20 / 3 == -6.666667", true},
        // decimals are exact fixed point
        case_row{"0.1 + 0.2 == 0.3", true}, case_row{"1.5 * 1.5 == 2.25", true},
        case_row{"days_overdue * 0.5 == 10", true}, case_row{"days_overdue > 19.5", true},
        case_row{"days_overdue < 19.999999", false}, case_row{"1 / 3 * 3 == 0.999999", true},
        case_row{"2 / 0.5 == 4", true},
        // money
        case_row{"open_amount + 5 EUR == 125 EUR", true},
        case_row{"open_amount - disputed_amount == 90.00 EUR", true},
        case_row{"open_amount - 0 == open_amount", true}, case_row{"open_amount > 0", true},
        case_row{"open_amount * 2 == 240 EUR", true},
        case_row{"open_amount * 0.333 == 39.96 EUR", true},
        case_row{"open_amount / 7 == 17.14 EUR", true},
        case_row{"disputed_amount / open_amount == 0.25", true},
        case_row{"0.05 EUR * 0.5 == 0.03 EUR", true},    // half away from zero
        case_row{"-0.05 EUR * 0.5 == -0.03 EUR", true},  // on both sides of zero
        case_row{"0.05 EUR / 2 == 0.03 EUR", true}, case_row{"open_amount / 0.5 == 240 EUR", true},
        // functions
        case_row{"min(days_overdue, 10, 30) == 10", true},
        case_row{"max(days_overdue, 10, 30) == 30", true},
        case_row{"max(open_amount - 200 EUR, 0) == 0 EUR", true},
        case_row{"min(open_amount, 50 EUR) == 50 EUR", true},
        case_row{"abs(5 - days_overdue) == 15", true}, case_row{"max(1, 2.5) == 2.5", true},
        case_row{"abs(-2.5) == 2.5", true},
        // comparisons and lists
        case_row{"reason == \"forgot\"", true}, case_row{"reason != \"forgot\"", false},
        case_row{"debtor_kind != \"business\"", true},
        case_row{"reason in [\"forgot\", \"unknown\"]", true},
        case_row{"reason not in [\"forgot\", \"unknown\"]", false},
        case_row{"reason in [\"cannot_pay\"]", false},
        case_row{"days_overdue in [10, 20, 30]", true}, case_row{"days_overdue in [-1, 21]", false},
        case_row{"days_overdue not in [1, 2]", true},
        case_row{"days_overdue in [1, 2, 3, 4, 5, 6, 7, 8, 9, 20]", true},
        case_row{"open_amount in [120 EUR, 0 EUR]", true},
        case_row{"days_overdue / 8 in [2.5, 3]", true}, case_row{"days_overdue in [20.0]", true},
        case_row{"promise_active in [false]", true},
        // booleans
        case_row{"not promise_active", true}, case_row{"promise_active == false", true},
        case_row{"goodwill_granted or days_overdue > 10", true},
        case_row{"goodwill_granted and days_overdue > 10", false},
        case_row{"(days_overdue > 10) == true", true},
        case_row{"(days_overdue > 1 and reminders_sent == 2) != (calls_made == 3)", false},
        case_row{"not (days_overdue > 1 and reminders_sent == 0)", true},
        case_row{"not days_overdue > 30 or promise_active", true}, case_row{"true", true},
        case_row{"false", false},
        case_row{"days_overdue >= 20 and days_overdue <= 20 and days_overdue < 21 and "
                 "days_overdue > 19 and days_overdue != 0",
                 true},
        // short circuit: the division by zero is never evaluated
        case_row{"calls_made != 3 and 1 / (calls_made - 3) > 0", false},
        case_row{"calls_made == 3 or 1 / (calls_made - 3) > 0", true}));

TEST(rule_expression, in_list_with_a_fact_value_that_is_not_a_literal_is_a_syntax_error) {
  EXPECT_EQ(testing::error_code_of([] { (void)holds("days_overdue in [reminders_sent]"); }),
            errc::invalid_policy);
}

/// A random integer expression over three facts, written once with the facts' names and
/// once with their values, so that the same computation runs at decision time and is folded
/// at load time.
struct twin_expression {
  std::string with_facts;
  std::string with_literals;
};

twin_expression random_expression(std::mt19937& random, int depth, const facts& f) {
  std::uniform_int_distribution<int> pick(0, depth <= 0 ? 1 : 9);
  const int choice = pick(random);
  if (choice == 0) {
    static constexpr const char* names[] = {"days_overdue", "reminders_sent", "calls_made"};
    const int which = std::uniform_int_distribution<int>(0, 2)(random);
    const int value = which == 0 ? f.days_overdue : which == 1 ? f.reminders_sent : f.calls_made;
    return {names[which], "(" + std::to_string(value) + ")"};
  }
  if (choice == 1) {
    static constexpr long long literals[] = {
        0, 1, 2, 7, 1000, 1'000'000'007, 4'000'000'000'000'000'000};
    const auto literal = std::to_string(literals[std::uniform_int_distribution<int>(0, 6)(random)]);
    return {literal, literal};
  }
  const twin_expression a = random_expression(random, depth - 1, f);
  const twin_expression b = random_expression(random, depth - 1, f);
  // Both sides written alike: `open a middle b close`, or `open a close` for one operand.
  auto binary = [&](const char* open, const char* middle, const char* close) {
    return twin_expression{open + a.with_facts + middle + b.with_facts + close,
                           open + a.with_literals + middle + b.with_literals + close};
  };
  auto unary = [&](const char* open, const char* close) {
    return twin_expression{open + a.with_facts + close, open + a.with_literals + close};
  };
  switch (choice) {
    case 2:
      return binary("(", " + ", ")");
    case 3:
      return binary("(", " - ", ")");
    case 4:
      return binary("(", " * ", ")");
    case 5:
      return binary("min(", ", ", ")");
    case 6:
      return binary("max(", ", ", ")");
    case 7:
      return unary("abs(", ")");
    case 8:
      return unary("-", "");
    default:
      return binary("(", " / ", ")");
  }
}

TEST(rule_expression, folding_at_load_time_equals_evaluation_at_decision_time) {
  std::mt19937 random(20251124);
  facts f = sample();
  int compared = 0;
  int faulted = 0;
  for (int i = 0; i < 400; ++i) {
    f.days_overdue = std::uniform_int_distribution<int>(-50, 400)(random);
    f.reminders_sent = std::uniform_int_distribution<int>(0, 5)(random);
    f.calls_made = std::uniform_int_distribution<int>(0, 2)(random);
    const twin_expression e = random_expression(random, 4, f);
    // Folding the literal side fails at load time exactly when evaluating the fact side
    // fails on these facts.
    const errc folded = testing::error_code_of([&] {
      (void)rule_table::parse("rules:\n  - {id: c, when: '" + e.with_literals +
                              " == 0 or true', then: hold}\n");
    });
    const std::string twin = "(" + e.with_facts + ") == (" + e.with_literals + ")";
    if (folded == errc::invalid_policy) {
      ++faulted;
      // Parts of the fact side that name no fact fold at load time too, and may be what
      // fails; otherwise the failure comes at decision time.
      const errc evaluated = testing::error_code_of([&] {
        (void)rule_table::parse("rules:\n  - {id: c, when: '" + e.with_facts +
                                " == 0 or true', then: hold}\n")
            .decide(f);
      });
      EXPECT_TRUE(evaluated == errc::policy_evaluation || evaluated == errc::invalid_policy)
          << e.with_facts;
      continue;
    }
    ASSERT_EQ(folded, errc::ok) << e.with_literals;
    ++compared;
    EXPECT_TRUE(holds(twin, f)) << twin;
  }
  EXPECT_GT(compared, 100);
  EXPECT_GT(faulted, 5);
}

/// One random atom: a fact compared with a constant near its values or at the extremes of
/// its type, or an enumeration or boolean fact in or not in a set.
std::string random_atom(std::mt19937& random) {
  auto below = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); };
  static constexpr const char* comparisons[] = {"==", "!=", "<", "<=", ">", ">="};
  static constexpr const char* numbers[] = {"days_overdue", "reminders_sent", "days_to_limitation"};
  static constexpr const char* constants[] = {
      "-1", "0", "1", "2", "3", "7", "14", "-2147483648", "2147483647", "9223372036854775807"};
  static constexpr const char* amounts[] = {"0",       "0.01 EUR", "50 EUR",
                                            "120 EUR", "-5 EUR",   "92233720368547758.07 EUR"};
  static constexpr const char* reasons[] = {"\"forgot\"", "\"cannot_pay\"", "\"unknown\"",
                                            "\"dissatisfied\""};
  const std::string op = comparisons[below(6)];
  switch (below(5)) {
    case 0:
    case 1:
      return std::string(numbers[below(3)]) + " " + op + " " + constants[below(10)];
    case 2:
      return "open_amount " + op + " " + amounts[below(6)];
    case 3: {
      std::string list = std::string(reasons[below(4)]) + ", " + reasons[below(4)];
      return std::string("reason ") + (below(2) == 0 ? "in" : "not in") + " [" + list + "]";
    }
    default:
      return below(2) == 0 ? "promise_active" : "not goodwill_granted";
  }
}

TEST(rule_expression, screened_rules_decide_as_the_conditions_program_on_random_tables) {
  // A table of up to 64 rules is decided by screening facts (one lookup per fact); a larger
  // one by running its conditions. Random tables whose rules share facts, with constants at
  // the edges of each type, must decide alike on random facts.
  std::mt19937 random(20261124);
  auto between = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(random); };
  static constexpr reason reasons[] = {reason::forgot, reason::cannot_pay, reason::unknown,
                                       reason::dissatisfied};
  int by_default = 0;
  int past_the_third_rule = 0;
  for (int table = 0; table < 40; ++table) {
    std::string rules = "rules:\n";
    for (int r = 0; r < 12; ++r) {
      std::string when = random_atom(random);
      for (int n = between(1, 3); n > 0; --n) when += " and " + random_atom(random);
      rules += "  - {id: r" + std::to_string(r) + ", when: '" + when + "', then: hold}\n";
    }
    const rule_table small = rule_table::parse(rules, "random.yaml");
    std::string padded = rules;
    for (int i = 0; i < 60; ++i)
      padded += "  - {id: filler" + std::to_string(i) + ", when: days_overdue == -7, then: call}\n";
    const rule_table large = rule_table::parse(padded, "random.yaml");
    facts f = sample();
    for (int i = 0; i < 200; ++i) {
      static constexpr int days[] = {-2147483647 - 1, -1, 0, 1, 2, 3, 7, 13, 14, 15, 2147483647};
      f.days_overdue = days[between(0, 10)];
      f.reminders_sent = between(-1, 4);
      f.days_to_limitation = days[between(0, 10)];
      static constexpr std::int64_t cents[] = {0, 1, 4999, 5000, 12000, -500, INT64_MAX, INT64_MIN};
      f.open_amount = money(cents[between(0, 7)], eur);
      f.reason = reasons[between(0, 3)];
      f.promise_active = between(0, 1) == 1;
      f.goodwill_granted = between(0, 1) == 1;
      const decision a = small.decide(f);
      const decision b = large.decide(f);
      ASSERT_EQ(a.reasons.front().rule, b.reasons.front().rule) << rules;
      if (a.kind != action::hold) ++by_default;
      if (a.kind == action::hold && a.reasons.front().rule.size() > 1 &&
          a.reasons.front().rule > "r2")
        ++past_the_third_rule;
    }
  }
  // The default and rules deep in the table decide often enough for the comparison to mean
  // something.
  EXPECT_GT(by_default, 200) << past_the_third_rule;
  EXPECT_GT(past_the_third_rule, 1000) << by_default;
}

}  // namespace
}  // namespace arrears
