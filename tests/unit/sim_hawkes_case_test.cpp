#include <arrears/sim/hawkes_case.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace {

using namespace arrears::sim;

const hawkes_repayment_model paper_model(
    {.lambda_inf = 0.1, .kappa = 0.7, .delta10 = 0.02, .delta11 = 0.5, .r_min = 0.1});

hawkes_case new_case(std::int64_t balance) {
  return {
      .day = 0, .intensity_per_day = 1.0 / 365, .balance_minor_units = balance, .repayments = 0};
}

TEST(hawkes_case, repayment_is_the_fraction_rounded_to_a_minor_unit) {
  EXPECT_EQ(repayment_minor_units(100'000, 0.25), 25'000);
  EXPECT_EQ(repayment_minor_units(10, 0.25), 3) << "2.5 rounds away from zero";
  EXPECT_EQ(repayment_minor_units(10, 0.24), 2);
  EXPECT_EQ(repayment_minor_units(5, 0.01), 1) << "at least one minor unit";
  EXPECT_EQ(repayment_minor_units(1, 0.1), 1) << "the last minor unit is paid off";
  EXPECT_EQ(repayment_minor_units(100, 0.999), 100) << "99.9 pays the whole balance";
  EXPECT_EQ(repayment_minor_units(std::int64_t{1} << 53, 0.5), std::int64_t{1} << 52);
}

TEST(hawkes_case, repayments_pay_the_balance_off_in_order) {
  hawkes_case debtor = new_case(100'000);
  std::int64_t paid = 0;
  double last_day = 0;
  while (const auto repayment = next_repayment(debtor, paper_model, 1e9, 1, 17)) {
    EXPECT_GE(repayment->day, last_day);
    EXPECT_GE(repayment->amount_minor_units, 1);
    last_day = repayment->day;
    paid += repayment->amount_minor_units;
    EXPECT_EQ(debtor.day, repayment->day);
    EXPECT_EQ(debtor.balance_minor_units, 100'000 - paid);
  }
  EXPECT_EQ(debtor.balance_minor_units, 0);
  EXPECT_EQ(paid, 100'000);
  EXPECT_GT(debtor.repayments, 1u);
  EXPECT_FALSE(next_repayment(debtor, paper_model, 1e9, 1, 17).has_value());
}

TEST(hawkes_case, same_seed_and_case_give_the_same_repayments) {
  auto repayments_of = [](std::uint64_t seed, std::uint64_t case_index) {
    hawkes_case debtor = new_case(100'000);
    std::vector<std::pair<double, std::int64_t>> out;
    while (const auto repayment = next_repayment(debtor, paper_model, 1e9, seed, case_index))
      out.emplace_back(repayment->day, repayment->amount_minor_units);
    return out;
  };
  EXPECT_EQ(repayments_of(1, 17), repayments_of(1, 17));
  EXPECT_NE(repayments_of(1, 17), repayments_of(1, 18));
  EXPECT_NE(repayments_of(1, 17), repayments_of(2, 17));
}

TEST(hawkes_case, nothing_happens_after_the_horizon) {
  hawkes_case debtor = new_case(100'000);
  const auto first = next_repayment(debtor, paper_model, 1e9, 3, 0);
  ASSERT_TRUE(first.has_value());
  hawkes_case before = new_case(100'000);
  const double just_before = first->day * (1 - 1e-12);
  EXPECT_FALSE(next_repayment(before, paper_model, just_before, 3, 0).has_value());
  EXPECT_EQ(before.repayments, 0u) << "the case is left unchanged";
  EXPECT_EQ(before.balance_minor_units, 100'000);
  EXPECT_TRUE(next_repayment(before, paper_model, first->day, 3, 0).has_value())
      << "a repayment on the horizon day counts";
}

}  // namespace
