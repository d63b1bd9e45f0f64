// The facts schema: the names rules use, their types, reading and writing by index.

#include <arrears/policy/fact_schema.hpp>

#include <gtest/gtest.h>

#include "support/case_builder.hpp"

#include <cstring>
#include <set>
#include <string>

namespace arrears {
namespace {

using namespace arrears::testing;

TEST(fact_schema, names_the_facts_the_issue_promises_rule_writers) {
  for (const char* name : {"days_overdue",
                           "open_amount",
                           "overdue_amount",
                           "disputed_amount",
                           "undisputed_amount",
                           "reminders_sent",
                           "days_since_contact",
                           "calls_made",
                           "calls_reached",
                           "reason",
                           "dispute_state",
                           "dispute_verdict",
                           "promises_made",
                           "promises_broken",
                           "arrangement_active",
                           "instalments_missed",
                           "debtor_kind",
                           "relationship_value",
                           "goodwill_granted",
                           "fourteen_day_letter_sent",
                           "fourteen_day_letter_expired",
                           "interest_due",
                           "costs_due",
                           "days_to_limitation",
                           "agency_net_recovery",
                           "legal_net_recovery",
                           "marketing_suppressed"})
    EXPECT_TRUE(find_fact(name).has_value()) << name;
  EXPECT_FALSE(find_fact("case_id").has_value());  // identity, not a fact
  EXPECT_FALSE(find_fact("days_overdu").has_value());
}

TEST(fact_schema, names_are_unique_and_typed) {
  std::set<std::string> names;
  for (const fact_info& info : fact_schema()) {
    EXPECT_TRUE(names.insert(std::string(info.name)).second) << info.name;
    if (info.type == fact_type::enumeration) {
      EXPECT_FALSE(info.enumerators.empty()) << info.name;
    }
  }
  EXPECT_EQ(fact_schema()[*find_fact("open_amount")].type, fact_type::money);
  EXPECT_EQ(fact_schema()[*find_fact("days_overdue")].type, fact_type::integer);
  EXPECT_EQ(fact_schema()[*find_fact("goodwill_granted")].type, fact_type::boolean);
  const fact_info& reason_info = fact_schema()[*find_fact("reason")];
  ASSERT_EQ(reason_info.type, fact_type::enumeration);
  EXPECT_EQ(reason_info.enumerators[2], "cannot_pay");
}

TEST(fact_schema, reads_and_writes_every_fact_by_index) {
  facts f;
  f.currency = currency::from_code("EUR");
  f.days_overdue = 12;
  f.open_amount = eur("120.50");
  f.reason = reason::cannot_pay;
  f.goodwill_granted = true;
  EXPECT_EQ(read_fact(f, *find_fact("days_overdue")), 12);
  EXPECT_EQ(read_fact(f, *find_fact("open_amount")), 12050);
  EXPECT_EQ(read_fact(f, *find_fact("reason")), 2);
  EXPECT_EQ(read_fact(f, *find_fact("goodwill_granted")), 1);
  for (std::size_t i = 0; i < fact_schema().size(); ++i) {
    const auto index = static_cast<fact_index>(i);
    facts copy = f;
    write_fact(copy, index, 1);
    EXPECT_EQ(read_fact(copy, index), 1) << fact_schema()[i].name;
  }
  write_fact(f, *find_fact("relationship_value"), 99);
  EXPECT_EQ(f.relationship_value, eur("0.99"));
}

TEST(fact_schema, offsets_point_at_the_members) {
  facts f;
  f.calls_reached = 7;
  const fact_info& info = fact_schema()[*find_fact("calls_reached")];
  int value = 0;
  std::memcpy(&value, reinterpret_cast<const char*>(&f) + info.offset, sizeof value);
  EXPECT_EQ(info.size, sizeof(int));
  EXPECT_EQ(value, 7);
}

TEST(fact_schema, parses_and_formats_values_as_csv_and_explanations_write_them) {
  const currency euro = currency::from_code("EUR");
  std::int64_t value = 0;
  std::string why;
  ASSERT_TRUE(parse_fact_value(*find_fact("open_amount"), "120.5", euro, value, why));
  EXPECT_EQ(value, 12050);
  EXPECT_EQ(format_fact_value(*find_fact("open_amount"), value, euro), "120.50");
  ASSERT_TRUE(parse_fact_value(*find_fact("reason"), "forgot", euro, value, why));
  EXPECT_EQ(format_fact_value(*find_fact("reason"), value, euro), "forgot");
  ASSERT_TRUE(parse_fact_value(*find_fact("arrangement_active"), "yes", euro, value, why));
  EXPECT_EQ(format_fact_value(*find_fact("arrangement_active"), value, euro), "true");
  EXPECT_FALSE(parse_fact_value(*find_fact("reason"), "cannot-pay", euro, value, why));
  EXPECT_NE(why.find("did you mean 'cannot_pay'"), std::string::npos) << why;
  EXPECT_FALSE(parse_fact_value(*find_fact("days_overdue"), "12.5", euro, value, why));
  EXPECT_EQ(why, "a whole number");
  EXPECT_FALSE(parse_fact_value(*find_fact("open_amount"), "1.234", euro, value, why));
}

TEST(fact_schema, suggests_the_closest_fact_for_a_misspelling) {
  EXPECT_EQ(closest_fact_name("days_overdu"), "days_overdue");
  EXPECT_EQ(closest_fact_name("remindrs_sent"), "reminders_sent");
  EXPECT_EQ(closest_fact_name("completely_different"), "");
}

}  // namespace
}  // namespace arrears
