// Default and the notice before consumer costs: the hand-derived tables in
// tests/data/law/notice/ through every pack, and the free functions they rest on.

#include <arrears/law/belgian_calendar.hpp>
#include <arrears/law/belgian_waiting_period.hpp>
#include <arrears/law/default_rules.hpp>
#include <arrears/law/fourteen_day_letter.hpp>
#include <arrears/law/jurisdiction.hpp>

#include "support/error_code_of.hpp"
#include "support/pipe_table.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/describe/enum_from_string.hpp>

#include <optional>
#include <string>

#ifndef ARREARS_SOURCE_DIR
#error "ARREARS_SOURCE_DIR must name the source tree (tests/CMakeLists.txt defines it)"
#endif

namespace {

using arrears::date;
using arrears::default_request;
using arrears::default_result;
using arrears::errc;
using arrears::fourteen_day_letter;
using arrears::testing::error_code_of;
using ::testing::HasSubstr;

const std::string data_dir = ARREARS_SOURCE_DIR "/tests/data/law/notice/";

date d(const std::string& iso) { return arrears::parse_date(iso); }

const arrears::rate_tables& no_rates() {
  static const arrears::rate_tables tables;
  return tables;
}

TEST(consumer_costs_notice, every_pack_matches_the_hand_derived_table) {
  for (const auto& row : arrears::testing::read_pipe_table(data_dir + "letters.txt", 7)) {
    SCOPED_TRACE(row.where + ": " + row[6]);
    const auto pack = arrears::make_jurisdiction(row[1], no_rates());
    const std::optional<fourteen_day_letter> letter = pack->consumer_costs_notice(d(row[2]));
    if (row[3] == "none") {
      EXPECT_FALSE(letter.has_value());
      continue;
    }
    ASSERT_TRUE(letter.has_value());
    EXPECT_EQ(letter->sent_on, d(row[2]));
    EXPECT_EQ(arrears::to_iso(letter->assumed_delivery), row[3]);
    EXPECT_EQ(arrears::to_iso(letter->term_ends), row[4]);
    EXPECT_EQ(arrears::to_iso(letter->costs_chargeable_from), row[5]);
    EXPECT_FALSE(letter->basis.empty());
  }
}

/// A request for a claim of `debtor` due on `due_date`, optionally with an agreed fatal term.
default_request owed(arrears::debtor_kind debtor, const char* due_date, bool fatal = false) {
  default_request request;
  request.debtor = debtor;
  request.due_date = d(due_date);
  request.fatal_term_agreed = fatal;
  return request;
}

default_request request_from(const arrears::testing::table_row& row) {
  default_request request;
  EXPECT_TRUE(boost::describe::enum_from_string(row[2].c_str(), request.debtor)) << row[2];
  request.due_date = d(row[3]);
  for (const std::string& option : arrears::testing::words(row[4])) {
    const auto equals = option.find('=');
    const std::string key = option.substr(0, equals);
    const std::string value = equals == std::string::npos ? "" : option.substr(equals + 1);
    if (key == "fatal")
      request.fatal_term_agreed = true;
    else if (key == "notice")
      request.formal_notice_sent_on = d(value);
    else if (key == "term")
      request.notice_term_days = std::stoi(value);
    else
      ADD_FAILURE() << "unknown option " << option;
  }
  return request;
}

TEST(default_starts, every_pack_matches_the_hand_derived_table) {
  for (const auto& row : arrears::testing::read_pipe_table(data_dir + "default.txt", 7)) {
    SCOPED_TRACE(row.where + ": " + row[6]);
    const default_request request = request_from(row);
    const auto pack = arrears::make_jurisdiction(row[1], no_rates());
    if (row[5].front() == '!') {
      EXPECT_EQ(arrears::error_name(error_code_of([&] { (void)pack->default_starts(request); })),
                row[5].substr(1));
      continue;
    }
    const default_result result = pack->default_starts(request);
    EXPECT_EQ(result.first_day ? arrears::to_iso(*result.first_day) : "none", row[5]);
    EXPECT_FALSE(result.basis.empty());
  }
}

TEST(fourteen_day_letter, basis_explains_delivery_term_and_extension) {
  const fourteen_day_letter letter = arrears::dutch_fourteen_day_letter(d("2025-04-03"));
  EXPECT_THAT(letter.basis, HasSubstr("assumed delivered 2025-04-05 (Saturday)"));
  EXPECT_THAT(letter.basis, HasSubstr("end 2025-04-19 (Saturday), moved to 2025-04-22 (Tuesday)"));
  EXPECT_THAT(letter.basis, HasSubstr("ECLI:NL:HR:2016:2704"));
  EXPECT_THAT(letter.basis, HasSubstr("from 2025-04-23 (Wednesday)"));
}

TEST(fourteen_day_letter, must_be_sent_after_default_set_in) {
  // Art. 6:96 lid 6 BW: "nadat de schuldenaar na het intreden van het verzuim ... is
  // aangemaand".
  EXPECT_TRUE(arrears::fourteen_day_letter_valid_for_consumer(d("2025-04-10"), d("2025-04-01")));
  EXPECT_TRUE(arrears::fourteen_day_letter_valid_for_consumer(d("2025-04-01"), d("2025-04-01")));
  EXPECT_FALSE(arrears::fourteen_day_letter_valid_for_consumer(d("2025-03-31"), d("2025-04-01")));
  EXPECT_FALSE(arrears::fourteen_day_letter_valid_for_consumer(d("2025-04-10"), std::nullopt));
}

TEST(fourteen_day_letter, works_with_the_default_a_pack_computes) {
  const auto nl = arrears::make_jurisdiction("nl", no_rates());
  const default_result no_default =
      nl->default_starts(owed(arrears::debtor_kind::consumer, "2025-03-31"));
  EXPECT_FALSE(
      arrears::fourteen_day_letter_valid_for_consumer(d("2025-04-10"), no_default.first_day));
  const default_result fatal =
      nl->default_starts(owed(arrears::debtor_kind::consumer, "2025-03-31", true));
  EXPECT_TRUE(arrears::fourteen_day_letter_valid_for_consumer(d("2025-04-01"), fatal.first_day));
  EXPECT_FALSE(arrears::fourteen_day_letter_valid_for_consumer(d("2025-03-31"), fatal.first_day));
}

TEST(dutch_assumed_delivery, skips_sundays_mondays_and_holidays) {
  EXPECT_EQ(arrears::dutch_assumed_delivery(d("2025-03-08")), d("2025-03-12"));  // Sat → Wed
  EXPECT_EQ(arrears::dutch_assumed_delivery(d("2025-03-09")), d("2025-03-12"));  // Sun → Wed
  EXPECT_EQ(arrears::dutch_assumed_delivery(d("2025-05-03")), d("2025-05-07"));  // 5 May Mon
  EXPECT_EQ(error_code_of([] { (void)arrears::dutch_assumed_delivery(date()); }),
            errc::invalid_argument);
}

TEST(dutch_term_end, moves_past_weekends_and_holidays_only) {
  EXPECT_EQ(arrears::dutch_term_end(d("2025-03-05"), 14), d("2025-03-19"));
  EXPECT_EQ(arrears::dutch_term_end(d("2025-03-08"), 14), d("2025-03-24"));
  EXPECT_EQ(arrears::dutch_term_end(d("2025-04-21"), 14), d("2025-05-06"));  // 5 May → 6 May
  EXPECT_EQ(error_code_of([] { (void)arrears::dutch_term_end(d("2025-03-05"), -1); }),
            errc::invalid_argument);
}

TEST(belgian_waiting_period, electronic_reminder_starts_the_next_calendar_day) {
  const fourteen_day_letter period = arrears::belgian_consumer_waiting_period(
      d("2025-03-03"), arrears::reminder_medium::electronic);
  // Day 1 Tue 03-04, day 14 Mon 03-17.
  EXPECT_EQ(period.assumed_delivery, d("2025-03-03"));
  EXPECT_EQ(period.term_ends, d("2025-03-17"));
  EXPECT_EQ(period.costs_chargeable_from, d("2025-03-18"));
  // Sent Sat 03-08: day 1 Sun 03-09, day 14 Sat 03-22 → Mon 03-24.
  EXPECT_EQ(arrears::belgian_consumer_waiting_period(d("2025-03-08"),
                                                     arrears::reminder_medium::electronic)
                .term_ends,
            d("2025-03-24"));
}

TEST(belgian_waiting_period, never_shorter_than_14_days) {
  EXPECT_EQ(error_code_of([] {
              (void)arrears::belgian_consumer_waiting_period(d("2025-03-03"),
                                                             arrears::reminder_medium::paper, 13);
            }),
            errc::invalid_argument);
  EXPECT_EQ(
      arrears::belgian_consumer_waiting_period(d("2025-03-03"), arrears::reminder_medium::paper, 30)
          .term_ends,
      d("2025-04-04"));  // day 1 Thu 03-06 + 29 = Fri 04-04
}

TEST(belgian_calendar, knows_the_ten_legal_holidays) {
  const arrears::belgian_calendar& calendar = arrears::belgian_calendar::instance();
  for (const char* holiday : {"2025-01-01", "2025-04-21", "2025-05-01", "2025-05-29", "2025-06-09",
                              "2025-07-21", "2025-08-15", "2025-11-01", "2025-11-11", "2025-12-25"})
    EXPECT_TRUE(calendar.is_holiday(d(holiday))) << holiday;
  for (const char* ordinary :
       {"2025-04-18", "2025-04-20", "2025-05-05", "2025-12-26", "2025-04-27"})
    EXPECT_FALSE(calendar.is_holiday(d(ordinary))) << ordinary;
}

TEST(default_starts, basis_says_why) {
  const auto nl = arrears::make_jurisdiction("nl", no_rates());
  EXPECT_THAT(nl->default_starts(owed(arrears::debtor_kind::consumer, "2025-03-31")).basis,
              HasSubstr("a term printed only on the invoice is not fatal"));
  const auto de = arrears::make_jurisdiction("de", no_rates());
  EXPECT_THAT(de->default_starts(owed(arrears::debtor_kind::business, "2025-03-15", true)).basis,
              HasSubstr("§ 193 BGB"));
  const auto uk = arrears::make_jurisdiction("uk", no_rates());
  EXPECT_THAT(uk->default_starts(owed(arrears::debtor_kind::consumer, "2025-03-31")).basis,
              HasSubstr("covers commercial debts only"));
}

}  // namespace
