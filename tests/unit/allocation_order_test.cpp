// Every pack states its payment allocation order with its statutes; the case model applies
// the same order (costs, interest, principal), so what a letter says matches what it does.

#include <arrears/law/jurisdiction.hpp>

#include <gtest/gtest.h>

namespace arrears {
namespace {

TEST(allocation_order, every_pack_applies_costs_then_interest_then_principal_and_says_why) {
  for (const char* code : {"nl", "de", "be", "uk", "eu"}) {
    SCOPED_TRACE(code);
    const auto law = make_jurisdiction(code);
    const allocation_order order = law->payment_allocation();
    EXPECT_EQ(order.components[0], debt_component::costs);
    EXPECT_EQ(order.components[1], debt_component::interest);
    EXPECT_EQ(order.components[2], debt_component::principal);
    EXPECT_FALSE(order.basis.empty());
  }
  EXPECT_NE(make_jurisdiction("nl")->payment_allocation().basis.find("6:44"),
            std::string_view::npos);
  EXPECT_NE(make_jurisdiction("de")->payment_allocation().basis.find("§ 367"),
            std::string_view::npos);
}

}  // namespace
}  // namespace arrears
