// Limitation deadlines: the hand-derived tables in tests/data/law/limitation/ through every
// pack, NL art. 3:319 directly, and the calendar-year arithmetic they rest on.

#include <arrears/law/jurisdiction.hpp>
#include <arrears/law/limitation_rules.hpp>

#include "support/error_code_of.hpp"
#include "support/pipe_table.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/describe/enum_from_string.hpp>

#include <algorithm>

#include <string>
#include <vector>

#ifndef ARREARS_SOURCE_DIR
#error "ARREARS_SOURCE_DIR must name the source tree (tests/CMakeLists.txt defines it)"
#endif

namespace {

using arrears::date;
using arrears::errc;
using arrears::interruption;
using arrears::interruption_kind;
using arrears::limitation_request;
using arrears::limitation_result;
using arrears::testing::error_code_of;
using ::testing::HasSubstr;

const std::string data_dir = ARREARS_SOURCE_DIR "/tests/data/law/limitation/";

date d(const std::string& iso) { return arrears::parse_date(iso); }

const arrears::rate_tables& no_rates() {
  static const arrears::rate_tables tables;
  return tables;
}

limitation_result limitation_in(const char* code, const limitation_request& request) {
  return arrears::make_jurisdiction(code, no_rates())->limitation(request);
}

/// A request for a claim due on `due_date`, interrupted by `interruptions`.
limitation_request due(const char* due_date, std::vector<interruption> interruptions = {}) {
  limitation_request request;
  request.due_date = d(due_date);
  request.interruptions = std::move(interruptions);
  return request;
}

limitation_request request_from(const arrears::testing::table_row& row) {
  limitation_request request;
  request.due_date = d(row[2]);
  for (const std::string& option : arrears::testing::words(row[3])) {
    if (option == "consumer_sale")
      request.consumer_sale_of_goods = true;
    else
      ADD_FAILURE() << "unknown option " << option;
  }
  for (const std::string& item : arrears::testing::words(row[4])) {
    const auto at = item.find('@');
    interruption event;
    EXPECT_TRUE(boost::describe::enum_from_string(item.substr(0, at).c_str(), event.kind)) << item;
    event.on = d(item.substr(at + 1));
    request.interruptions.push_back(event);
  }
  return request;
}

TEST(limitation, every_pack_matches_the_hand_derived_table) {
  for (const auto& row : arrears::testing::read_pipe_table(data_dir + "limitation.txt", 7)) {
    SCOPED_TRACE(row.where + ": " + row[6]);
    const limitation_request request = request_from(row);
    const auto pack = arrears::make_jurisdiction(row[1], no_rates());
    if (row[5].front() == '!') {
      EXPECT_EQ(arrears::error_name(error_code_of([&] { (void)pack->limitation(request); })),
                row[5].substr(1));
      continue;
    }
    const limitation_result result = pack->limitation(request);
    EXPECT_EQ(arrears::to_iso(result.deadline), row[5]);
    EXPECT_THAT(result.basis, HasSubstr("deadline " + row[5]));
  }
}

TEST(limitation, nl_new_period_never_ends_before_the_original) {
  for (const auto& row : arrears::testing::read_pipe_table(data_dir + "nl_restart.txt", 6)) {
    SCOPED_TRACE(row.where + ": " + row[5]);
    EXPECT_EQ(
        arrears::to_iso(arrears::dutch_restarted_deadline(d(row[1]), std::stoi(row[2]), d(row[3]))),
        row[4]);
  }
}

TEST(limitation, basis_names_the_rule_and_each_interruption) {
  const limitation_result nl = limitation_in(
      "nl", due("2020-06-30", {{d("2025-06-30"), interruption_kind::written_reminder}}));
  EXPECT_THAT(nl.basis, HasSubstr("5 years (art. 3:307 BW) from the day after the due date "
                                  "2020-06-30: 2025-06-30"));
  EXPECT_THAT(nl.basis, HasSubstr("written reminder 2025-06-30 (art. 3:317 BW"));
  EXPECT_THAT(nl.basis, HasSubstr("→ 2030-06-30"));

  const limitation_result de = limitation_in(
      "de", due("2024-03-15", {{d("2024-04-01"), interruption_kind::acknowledgement},
                               {d("2026-01-05"), interruption_kind::written_reminder}}));
  EXPECT_THAT(de.basis, HasSubstr("from the end of 2024"));
  EXPECT_THAT(de.basis, HasSubstr("before the running deadline, so 2027-12-31 stands"));
  EXPECT_THAT(de.basis, HasSubstr("does not restart the period in Germany"));

  EXPECT_THAT(limitation_in("uk", due("2020-01-15")).basis, HasSubstr("Consulting Concepts"));
  EXPECT_THAT(limitation_in("be", due("2020-01-15")).basis, HasSubstr("UNVERIFIED"));
}

TEST(limitation, eu_pack_refuses_with_a_pointer_to_the_national_packs) {
  try {
    (void)limitation_in("eu", due("2020-01-15"));
    FAIL() << "expected an error";
  } catch (const arrears::error& e) {
    EXPECT_EQ(e.code(), errc::invalid_argument);
    EXPECT_THAT(e.what(), HasSubstr("use a national pack"));
  }
}

TEST(limitation, days_left_counts_to_the_deadline) {
  const limitation_result result = limitation_in("nl", due("2020-06-30"));
  EXPECT_EQ(result.days_left(d("2025-06-29")), 1);
  EXPECT_EQ(result.days_left(d("2025-06-30")), 0);
  EXPECT_EQ(result.days_left(d("2025-07-01")), -1);
}

TEST(add_years, keeps_the_calendar_date_and_maps_29_february_to_the_28th) {
  EXPECT_EQ(arrears::add_years(d("2024-02-29"), 1), d("2025-02-28"));
  EXPECT_EQ(arrears::add_years(d("2024-02-29"), 4), d("2028-02-29"));
  // boost's year arithmetic would snap an end of month to the end of month (2024-02-29).
  EXPECT_EQ(arrears::add_years(d("2023-02-28"), 1), d("2024-02-28"));
  EXPECT_EQ(arrears::add_years(d("2023-04-30"), 1), d("2024-04-30"));
  EXPECT_EQ(arrears::add_years(d("2025-12-31"), -3), d("2022-12-31"));
  EXPECT_EQ(error_code_of([] { (void)arrears::add_years(d("9998-01-01"), 2); }),
            errc::date_out_of_range);
}

TEST(add_years, agrees_with_the_calendar_on_every_day_of_two_centuries) {
  // Across the century rules: 1900 and 2100 are not leap years, 2000 is.
  for (date day(1895, 1, 1); day < date(2105, 1, 1); day += arrears::days(1)) {
    const auto ymd = day.year_month_day();
    for (const int years : {-100, -1, 1, 4, 5, 100}) {
      const auto year = static_cast<unsigned short>(ymd.year + years);
      const unsigned short last =
          boost::gregorian::gregorian_calendar::end_of_month_day(year, ymd.month);
      const date expected(year, ymd.month, std::min<unsigned short>(ymd.day, last));
      ASSERT_EQ(arrears::add_years(day, years), expected) << arrears::to_iso(day) << " + " << years;
    }
  }
}

TEST(limitation, rejects_special_dates) {
  EXPECT_EQ(error_code_of([] { (void)limitation_in("nl", limitation_request{}); }),
            errc::invalid_argument);
  EXPECT_EQ(error_code_of([] {
              (void)limitation_in(
                  "uk", due("2020-01-15", {{date(), interruption_kind::acknowledgement}}));
            }),
            errc::invalid_argument);
}

}  // namespace
