// Instalment proposals and the economics of escalation.

#include <arrears/policy/economics.hpp>
#include <arrears/policy/instalment_plan.hpp>

#include <gtest/gtest.h>

#include "support/case_builder.hpp"
#include "support/error_code_of.hpp"

namespace arrears {
namespace {

using namespace arrears::testing;

TEST(instalment_plan, equal_parts_with_the_remainder_first_summing_to_the_total) {
  std::vector<instalment> plan;
  plan_instalments(eur("100.00"), day("2026-01-31"), 3, instalment_interval::monthly, plan);
  ASSERT_EQ(plan.size(), 3u);
  EXPECT_EQ(plan[0].amount, eur("33.34"));
  EXPECT_EQ(plan[1].amount, eur("33.33"));
  EXPECT_EQ(plan[2].amount, eur("33.33"));
  // A month after the 31st is the month's last day; the day is never pushed to month end.
  EXPECT_EQ(plan[0].due, day("2026-01-31"));
  EXPECT_EQ(plan[1].due, day("2026-02-28"));
  EXPECT_EQ(plan[2].due, day("2026-03-31"));
  plan_instalments(eur("10.00"), day("2026-12-20"), 3, instalment_interval::weekly, plan);
  EXPECT_EQ(plan[2].due, day("2027-01-03"));
}

TEST(instalment_plan, never_proposes_an_instalment_of_nothing) {
  std::vector<instalment> plan;
  plan_instalments(eur("0.02"), day("2026-01-01"), 5, instalment_interval::weekly, plan);
  ASSERT_EQ(plan.size(), 2u);
  for (const auto& part : plan) EXPECT_TRUE(part.amount.is_positive());
  EXPECT_EQ(error_code_of([&] {
              plan_instalments(eur("0.00"), day("2026-01-01"), 2, instalment_interval::weekly,
                               plan);
            }),
            errc::invalid_argument);
  EXPECT_EQ(error_code_of([&] {
              plan_instalments(eur("5.00"), day("2026-01-01"), 0, instalment_interval::weekly,
                               plan);
            }),
            errc::invalid_argument);
}

TEST(instalment_plan, count_respects_the_minimum_instalment_and_the_cap) {
  EXPECT_EQ(instalment_count(eur("1000.00"), eur("50.00"), 6), 6);
  EXPECT_EQ(instalment_count(eur("120.00"), eur("50.00"), 6), 2);
  EXPECT_EQ(instalment_count(eur("30.00"), eur("50.00"), 6), 1);
  EXPECT_EQ(instalment_count(eur("30.00"), eur("0.00"), 4), 4);
}

TEST(economics, agency_route_nets_recovery_fee_delay_and_relationship) {
  economics_parameters p;  // 60 % recovered, 15 % fee, 3 months at 8 %, half the relationship
  // 1000 x 0.6 = 600; fee 90 -> 510; x (1 - 0.08 x 3/12) = 499.80; minus 50 % of 200.
  EXPECT_EQ(agency_net_recovery(eur("1000.00"), eur("200.00"), p), eur("399.80"));
  EXPECT_EQ(agency_net_recovery(eur("1000.00"), eur("0.00"), p), eur("499.80"));
}

TEST(economics, legal_route_pays_only_when_the_amount_carries_its_costs) {
  economics_parameters p;  // 70 % success, 12 months at 8 %, 1000.00 fixed + 5 %, all relationship
  // 10000 x 0.7 = 7000 x 0.92 = 6440; minus 1000 + 500; minus 2000.
  EXPECT_EQ(legal_net_recovery(eur("10000.00"), eur("2000.00"), p), eur("2940.00"));
  EXPECT_TRUE(legal_net_recovery(eur("500.00"), eur("0.00"), p).is_negative());
}

}  // namespace
}  // namespace arrears
