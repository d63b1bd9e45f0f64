// champion_challenger: stable assignment of cases to arms, and what the decision records.

#include <arrears/policy/champion_challenger.hpp>
#include <arrears/policy/guarded.hpp>

#include <gtest/gtest.h>

#include "support/case_builder.hpp"
#include "support/error_code_of.hpp"

#include <array>
#include <string>
#include <vector>

namespace arrears {
namespace {

using namespace arrears::testing;

/// Decides `kind` for every case, with reason "test.<kind>".
struct always {
  action kind;
  void decide_into(const facts& f, decision& out) const {
    out.kind = kind;
    out.currency = f.currency;
    out.next_review = f.today + boost::gregorian::days(7);
    out.add_reason(std::string("test.") + action_name(kind));
  }
  decision decide(const facts& f) const {
    decision d;
    decide_into(f, d);
    return d;
  }
};

static_assert(reusing_policy<champion_challenger>);
static_assert(reusing_policy<guarded<champion_challenger>>);

/// champion 60 %, challenger 30 %, control 10 %.
champion_challenger three_arms(std::string id = "q3-2026") {
  std::vector<experiment_arm> arms;
  arms.push_back({"champion", 600, any_policy(always{action::remind})});
  arms.push_back({"challenger", 300, any_policy(always{action::call})});
  arms.push_back({"control", 100, std::nullopt});
  return champion_challenger(std::move(id), std::move(arms));
}

facts case_facts(std::string_view case_id) {
  facts f;
  f.case_id = case_id;
  f.today = day("2026-03-02");
  f.currency = currency::from_code("EUR");
  return f;
}

// Fixed points of the documented hash (FNV-1a 64 + SplitMix64 finaliser, mod 1000), computed
// independently: if one of these changes, every running experiment would reshuffle.
TEST(champion_challenger, assignment_hash_is_the_documented_one) {
  EXPECT_EQ(champion_challenger::assignment_hash("q3-2026", "C-1001"), 0x5202598baf4e81d3ULL);
  EXPECT_EQ(champion_challenger::assignment_hash("q4-2026", "C-1002"), 0x51908f119d629564ULL);
  EXPECT_EQ(champion_challenger::assignment_hash("", ""), 0x25fc6dd36ce04b20ULL);
  EXPECT_EQ(champion_challenger::bucket("q3-2026", "C-1001"), 115);
  EXPECT_EQ(champion_challenger::bucket("q3-2026", "C-1002"), 780);
  EXPECT_EQ(champion_challenger::bucket("q4-2026", "C-1002"), 964);
}

TEST(champion_challenger, assigns_fixed_cases_to_fixed_arms) {
  const champion_challenger q3 = three_arms();
  EXPECT_EQ(q3.arms()[q3.arm_of("C-1001")].name, "champion");
  EXPECT_EQ(q3.arms()[q3.arm_of("C-1002")].name, "challenger");
  EXPECT_EQ(q3.arms()[q3.arm_of("C-1003")].name, "champion");
  const champion_challenger q4 = three_arms("q4-2026");
  EXPECT_EQ(q4.arms()[q4.arm_of("C-1002")].name, "control");
}

TEST(champion_challenger, records_the_arm_and_the_experiment_in_the_decision) {
  const decision d = three_arms().decide(case_facts("C-1002"));
  EXPECT_EQ(d.kind, action::call);
  EXPECT_EQ(d.arm, "challenger");
  EXPECT_EQ(d.next_review, day("2026-03-09"));
  ASSERT_EQ(d.reasons.size(), 2u);
  EXPECT_EQ(d.reasons[0].rule, "test.call");
  EXPECT_EQ(d.reasons[1].rule, "experiment.q3-2026");
  EXPECT_EQ(d.reasons[1].note, "arm 'challenger' (300 per mille)");
}

TEST(champion_challenger, control_arm_takes_no_action) {
  const decision d = three_arms("q4-2026").decide(case_facts("C-1002"));
  EXPECT_EQ(d.kind, action::none);
  EXPECT_EQ(d.next_review, std::nullopt);
  EXPECT_EQ(d.arm, "control");
  EXPECT_EQ(d.currency, currency::from_code("EUR"));
  ASSERT_EQ(d.reasons.size(), 2u);
  EXPECT_EQ(d.reasons[0].rule, "experiment.control");
  EXPECT_EQ(d.reasons[1].rule, "experiment.q4-2026");
  EXPECT_EQ(d.reasons[1].note, "arm 'control' (100 per mille, control: no action)");
}

TEST(champion_challenger, assignment_is_deterministic_and_reused_decisions_match) {
  const champion_challenger a = three_arms();
  const champion_challenger b = three_arms();  // another instance: no hidden state or seed
  decision reused;
  for (int i = 0; i < 1000; ++i) {
    const std::string id = "case-" + std::to_string(i);
    EXPECT_EQ(a.arm_of(id), b.arm_of(id));
    reused.clear();
    a.decide_into(case_facts(id), reused);
    EXPECT_EQ(reused, b.decide(case_facts(id)));
  }
}

TEST(champion_challenger, respects_the_shares_over_many_cases) {
  const champion_challenger experiment = three_arms();
  std::array<int, 3> counts{};
  constexpr int cases = 100'000;
  for (int i = 0; i < cases; ++i) ++counts[experiment.arm_of("C-" + std::to_string(i))];
  // Binomial standard deviations: 155, 145 and 95 cases; 5 of them is far out.
  EXPECT_NEAR(counts[0], 60'000, 800);
  EXPECT_NEAR(counts[1], 30'000, 750);
  EXPECT_NEAR(counts[2], 10'000, 500);
}

TEST(champion_challenger, a_new_experiment_id_reshuffles_the_cases) {
  const champion_challenger q3 = three_arms("q3-2026");
  const champion_challenger q4 = three_arms("q4-2026");
  int moved = 0;
  constexpr int cases = 10'000;
  for (int i = 0; i < cases; ++i) {
    const std::string id = "C-" + std::to_string(i);
    if (q3.arm_of(id) != q4.arm_of(id)) ++moved;
  }
  // Independent draws differ with probability 1 - (0.36 + 0.09 + 0.01) = 54 %.
  EXPECT_NEAR(moved, 5'400, 300);
}

TEST(champion_challenger, guards_apply_to_every_arm_when_the_experiment_is_guarded) {
  const guarded<champion_challenger> policy(three_arms());
  facts sunday = case_facts("C-1002");  // the challenger's case: it calls
  sunday.today = day("2026-03-01");
  const decision d = policy.decide(sunday);
  EXPECT_EQ(d.kind, action::hold);
  EXPECT_EQ(d.arm, "challenger");
  ASSERT_EQ(d.reasons.size(), 3u);
  EXPECT_EQ(d.reasons[0].rule, "test.call");
  EXPECT_EQ(d.reasons[1].rule, "experiment.q3-2026");
  EXPECT_EQ(d.reasons[2].rule, "guard.quiet_day");
  EXPECT_EQ(policy.name(), "guarded(experiment q3-2026)");
}

TEST(champion_challenger, a_zero_share_arm_gets_no_cases) {
  std::vector<experiment_arm> arms;
  arms.push_back({"paused", 0, any_policy(always{action::call})});
  arms.push_back({"champion", 1000, any_policy(always{action::remind})});
  const champion_challenger experiment("pause", std::move(arms));
  for (int i = 0; i < 2000; ++i) EXPECT_EQ(experiment.arm_of("C-" + std::to_string(i)), 1u);
}

TEST(champion_challenger, refuses_arms_that_do_not_make_an_experiment) {
  const auto make = [](std::string id, std::vector<experiment_arm> arms) {
    return [id, arms] { (void)champion_challenger(id, arms); };
  };
  const auto arm = [](std::string name, int share) {
    return experiment_arm{std::move(name), share, std::nullopt};
  };
  EXPECT_EQ(error_code_of(make("x", {arm("a", 500), arm("b", 499)})), errc::invalid_argument);
  EXPECT_EQ(error_code_of(make("x", {arm("a", 500), arm("a", 500)})), errc::invalid_argument);
  EXPECT_EQ(error_code_of(make("x", {arm("", 1000)})), errc::invalid_argument);
  EXPECT_EQ(error_code_of(make("x", {arm("a", 1100), arm("b", -100)})), errc::invalid_argument);
  EXPECT_EQ(error_code_of(make("x", {})), errc::invalid_argument);
  EXPECT_EQ(error_code_of(make("", {arm("a", 1000)})), errc::invalid_argument);
  EXPECT_EQ(error_code_of(make("x", {arm("a", 1000)})), errc::ok);
  try {
    (void)champion_challenger("q3", {arm("a", 500), arm("b", 400)});
    FAIL() << "expected an error";
  } catch (const error& e) {
    EXPECT_STREQ(e.what(), "experiment 'q3': the arms' shares sum to 900 per mille; expected 1000");
  }
}

}  // namespace
}  // namespace arrears
