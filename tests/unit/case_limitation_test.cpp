// A case's open claims get limitation deadlines from the jurisdiction, with the case's own
// reminders, acknowledgements and part payments as interruptions.

#include <arrears/law/jurisdiction.hpp>
#include <arrears/model/case_limitation.hpp>

#include <gtest/gtest.h>

#include "support/case_builder.hpp"

namespace arrears {
namespace {

using namespace arrears::testing;

collection_case reminded_case() {
  collection_case c("C-1");
  c.apply(
      {day("2025-01-01"), claim_added{invoice("INV-1", "2025-01-01", "2025-01-31", "1000.00")}});
  c.apply({day("2025-01-15"), claim_added{invoice("INV-2", "2025-01-15", "2025-02-14", "500.00")}});
  c.apply({day("2025-02-03"), reminder_sent{1, channel::email}});
  return c;
}

TEST(case_limitation, a_written_reminder_restarts_the_period_of_claims_already_due) {
  const collection_case c = reminded_case();
  const auto nl = make_jurisdiction("nl");
  const auto deadlines = limitation_of_open_claims(c, *nl);
  ASSERT_EQ(deadlines.size(), 2u);
  // INV-1 was due on 31 January; the reminder of 3 February starts a new five-year period
  // on 4 February (art. 3:317, 3:319 BW), ending with 3 February 2030.
  EXPECT_EQ(deadlines[0].claim_id, "INV-1");
  EXPECT_EQ(deadlines[0].result.deadline, day("2030-02-03"));
  // INV-2 was not yet due when the reminder went out: five years from its due date.
  EXPECT_EQ(deadlines[1].claim_id, "INV-2");
  EXPECT_EQ(deadlines[1].result.deadline, day("2030-02-14"));
  const auto earliest = earliest_limitation(c, *nl);
  ASSERT_TRUE(earliest);
  EXPECT_EQ(earliest->claim_id, "INV-1");
  // 2025-02-03 to 2030-02-03: five years of 365 days and 29 February 2028.
  EXPECT_EQ(earliest->result.days_left(day("2025-02-03")), 5 * 365 + 1);
}

TEST(case_limitation, a_consumer_sale_of_goods_prescribes_in_two_years) {
  const collection_case c = reminded_case();
  const auto nl = make_jurisdiction("nl");
  const auto earliest = earliest_limitation(c, *nl, true);
  ASSERT_TRUE(earliest);
  EXPECT_EQ(earliest->result.deadline, day("2027-02-03"));
}

TEST(case_limitation, settled_claims_have_no_deadline) {
  collection_case c = reminded_case();
  c.apply({day("2025-02-20"), payment_received{eur("1000.00"), {"INV-1"}, ""}});
  const auto nl = make_jurisdiction("nl");
  const auto deadlines = limitation_of_open_claims(c, *nl);
  ASSERT_EQ(deadlines.size(), 1u);
  EXPECT_EQ(deadlines[0].claim_id, "INV-2");
  c.apply({day("2025-02-21"), payment_received{eur("500.00"), {}, ""}});
  EXPECT_FALSE(earliest_limitation(c, *nl));
}

}  // namespace
}  // namespace arrears
