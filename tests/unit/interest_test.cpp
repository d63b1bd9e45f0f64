// Statutory interest: the law packs against hand-derived vectors (tests/data/law/interest/, one
// test per file), and the engine's conventions and refusals one by one.

#include <arrears/core/error.hpp>
#include <arrears/law/belgium.hpp>
#include <arrears/law/european_union.hpp>
#include <arrears/law/germany.hpp>
#include <arrears/law/interest_engine.hpp>
#include <arrears/law/jurisdiction.hpp>
#include <arrears/law/netherlands.hpp>
#include <arrears/law/united_kingdom.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/describe/enum_from_string.hpp>

#include "support/error_code_of.hpp"

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#ifndef ARREARS_SOURCE_DIR
#error "ARREARS_SOURCE_DIR must name the source tree (tests/CMakeLists.txt defines it)"
#endif

namespace arrears {
namespace {

using testing::error_code_of;
using ::testing::HasSubstr;

const std::string vectors_dir = ARREARS_SOURCE_DIR "/tests/data/law/interest/";

const currency eur = currency::from_code("EUR");
money euros(std::int64_t cents) { return {cents, eur}; }
date day(const char* text) { return parse_date(text); }

/// A commercial claim of `principal` with interest from `first_day` through `until`.
interest_request claim(money principal, const char* first_day, const char* until) {
  interest_request request;
  request.principal = principal;
  request.first_day = day(first_day);
  request.until = day(until);
  return request;
}

// --- the vector files ---------------------------------------------------------------------

/// Splits a record at commas; the last of `count` fields takes the rest of the line.
std::vector<std::string> fields(const std::string& line, std::size_t count) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (out.size() + 1 < count) {
    const std::size_t comma = line.find(',', start);
    if (comma == std::string::npos) break;
    out.push_back(line.substr(start, comma - start));
    start = comma + 1;
  }
  out.push_back(line.substr(start));
  return out;
}

struct vector_case {
  std::string where;  // file:line
  std::string name;
  std::string jurisdiction;
  interest_request request;
  // Expected, for a `case` record:
  money total, capitalised, interest_outstanding, principal_outstanding, costs_outstanding;
  std::vector<interest_segment> segments;
  std::vector<payment_allocation> allocations;
  // Expected, for an `error` record:
  std::optional<errc> error_code;
  std::string message_fragment;
};

interest_request request_from(const std::vector<std::string>& f) {
  // NAME,JURISDICTION,KIND,CURRENCY,PRINCIPAL,COSTS,FIRST_DAY,UNTIL,DAY_COUNT,PAYMENTS at 1..10
  const currency in = currency::from_code(f[4]);
  interest_request request;
  if (!boost::describe::enum_from_string(f[3].c_str(), request.kind))
    throw std::runtime_error("unknown kind " + f[3]);
  request.principal = parse_amount(f[5], in);
  request.costs = parse_amount(f[6], in);
  request.first_day = parse_date(f[7]);
  request.until = parse_date(f[8]);
  if (!boost::describe::enum_from_string(f[9].c_str(), request.basis))
    throw std::runtime_error("unknown day count " + f[9]);
  std::stringstream payments(f[10]);
  std::string item;
  while (std::getline(payments, item, ';')) {
    const auto colon = item.find(':');
    request.payments.push_back(
        {parse_date(item.substr(0, colon)), parse_amount(item.substr(colon + 1), in)});
  }
  return request;
}

std::vector<vector_case> read_vectors(const std::string& file) {
  std::ifstream in(vectors_dir + file);
  if (!in) throw std::runtime_error("cannot open " + vectors_dir + file);
  std::vector<vector_case> cases;
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    const std::string where = file + ":" + std::to_string(line_number);
    const std::string kind = line.substr(0, line.find(','));
    if (kind == "case") {
      const auto f = fields(line, 16);
      if (f.size() != 16) throw std::runtime_error(where + ": a case has 16 fields");
      vector_case c;
      c.where = where;
      c.name = f[1];
      c.jurisdiction = f[2];
      c.request = request_from(f);
      const currency in = c.request.principal.currency();
      c.total = parse_amount(f[11], in);
      c.capitalised = parse_amount(f[12], in);
      c.interest_outstanding = parse_amount(f[13], in);
      c.principal_outstanding = parse_amount(f[14], in);
      c.costs_outstanding = parse_amount(f[15], in);
      cases.push_back(std::move(c));
    } else if (kind == "segment") {
      const auto f = fields(line, 8);
      if (f.size() != 8 || cases.empty() || cases.back().error_code)
        throw std::runtime_error(where + ": a segment has 8 fields and follows a case");
      const currency in = cases.back().request.principal.currency();
      cases.back().segments.push_back({parse_date(f[1]), parse_date(f[2]), std::stol(f[3]),
                                       rate::parse(f[4]), parse_amount(f[5], in),
                                       parse_amount(f[6], in), f[7] == "true"});
    } else if (kind == "allocation") {
      const auto f = fields(line, 6);
      if (f.size() != 6 || cases.empty() || cases.back().error_code)
        throw std::runtime_error(where + ": an allocation has 6 fields and follows a case");
      const currency in = cases.back().request.principal.currency();
      cases.back().allocations.push_back({parse_date(f[1]), parse_amount(f[2], in),
                                          parse_amount(f[3], in), parse_amount(f[4], in),
                                          parse_amount(f[5], in)});
    } else if (kind == "error") {
      const auto f = fields(line, 13);
      if (f.size() != 13) throw std::runtime_error(where + ": an error has 13 fields");
      vector_case c;
      c.where = where;
      c.name = f[1];
      c.jurisdiction = f[2];
      c.request = request_from(f);
      errc code{};
      if (!boost::describe::enum_from_string(f[11].c_str(), code))
        throw std::runtime_error(where + ": unknown errc " + f[11]);
      c.error_code = code;
      c.message_fragment = f[12];
      cases.push_back(std::move(c));
    } else {
      throw std::runtime_error(where + ": unknown record '" + kind + "'");
    }
  }
  return cases;
}

void check_vectors(const std::string& file) {
  const std::vector<vector_case> cases = read_vectors(file);
  ASSERT_FALSE(cases.empty()) << file;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.where + " " + c.name);
    const auto law = make_jurisdiction(c.jurisdiction);
    if (c.error_code) {
      try {
        (void)law->statutory_interest(c.request);
        ADD_FAILURE() << "expected " << error_name(*c.error_code);
      } catch (const error& e) {
        EXPECT_EQ(error_name(e.code()), std::string(error_name(*c.error_code))) << e.what();
        EXPECT_THAT(e.what(), HasSubstr(c.message_fragment));
      }
      continue;
    }
    const interest_result result = law->statutory_interest(c.request);
    EXPECT_EQ(format_amount(result.total), format_amount(c.total));
    EXPECT_EQ(result.total.currency(), c.total.currency());
    EXPECT_EQ(format_amount(result.capitalised), format_amount(c.capitalised));
    EXPECT_EQ(format_amount(result.interest_outstanding), format_amount(c.interest_outstanding));
    EXPECT_EQ(format_amount(result.principal_outstanding), format_amount(c.principal_outstanding));
    EXPECT_EQ(format_amount(result.costs_outstanding), format_amount(c.costs_outstanding));
    if (!c.segments.empty()) {
      ASSERT_EQ(result.segments.size(), c.segments.size());
      for (std::size_t i = 0; i < c.segments.size(); ++i) {
        const auto& got = result.segments[i];
        const auto& want = c.segments[i];
        SCOPED_TRACE("segment " + std::to_string(i + 1) + " from " + to_iso(want.from));
        EXPECT_EQ(to_iso(got.from), to_iso(want.from));
        EXPECT_EQ(to_iso(got.to), to_iso(want.to));
        EXPECT_EQ(got.days, want.days);
        EXPECT_EQ(to_string(got.annual), to_string(want.annual));
        EXPECT_EQ(format_amount(got.base), format_amount(want.base));
        EXPECT_EQ(format_amount(got.interest), format_amount(want.interest));
        EXPECT_EQ(got.rate_verified, want.rate_verified);
      }
    }
    if (!c.allocations.empty() || !c.request.payments.empty()) {
      EXPECT_EQ(result.allocations, c.allocations);
    }
    // Invariants every result keeps.
    money sum = money::zero(c.total.currency());
    for (const auto& segment : result.segments) sum += segment.interest;
    EXPECT_EQ(sum, result.total);
    money paid = money::zero(c.total.currency());
    for (const auto& payment : c.request.payments) paid += payment.amount;
    EXPECT_EQ(result.principal_outstanding + result.interest_outstanding +
                  result.costs_outstanding + paid,
              c.request.principal + c.request.costs + result.total);
  }
}

TEST(interest_vectors, netherlands) { check_vectors("nl.csv"); }
TEST(interest_vectors, netherlands_rentetool_crosscheck) {
  check_vectors("nl_rentetool_crosscheck.csv");
}
TEST(interest_vectors, germany) { check_vectors("de.csv"); }
TEST(interest_vectors, united_kingdom) { check_vectors("uk.csv"); }
TEST(interest_vectors, belgium) { check_vectors("be.csv"); }
TEST(interest_vectors, european_union) { check_vectors("eu.csv"); }
TEST(interest_vectors, refused_requests) { check_vectors("errors.csv"); }

TEST(interest_vectors, every_file_is_run) {
  // A new vector file must get a TEST above.
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(vectors_dir))
    if (entry.path().extension() == ".csv") files.push_back(entry.path().filename().string());
  EXPECT_THAT(files,
              ::testing::UnorderedElementsAre("nl.csv", "nl_rentetool_crosscheck.csv", "de.csv",
                                              "uk.csv", "be.csv", "eu.csv", "errors.csv"));
}

// --- the packs ----------------------------------------------------------------------------

TEST(jurisdiction, makes_each_pack_by_code) {
  for (const char* code : {"nl", "de", "be", "uk", "eu"}) {
    const auto law = make_jurisdiction(code);
    EXPECT_EQ(law->code(), code);
    EXPECT_FALSE(law->name().empty());
  }
  EXPECT_NE(dynamic_cast<const netherlands*>(make_jurisdiction("nl").get()), nullptr);
  EXPECT_NE(dynamic_cast<const germany*>(make_jurisdiction("de").get()), nullptr);
  EXPECT_NE(dynamic_cast<const belgium*>(make_jurisdiction("be").get()), nullptr);
  EXPECT_NE(dynamic_cast<const united_kingdom*>(make_jurisdiction("uk").get()), nullptr);
  EXPECT_NE(dynamic_cast<const european_union*>(make_jurisdiction("eu").get()), nullptr);
}

TEST(jurisdiction, unknown_code_names_the_known_ones) {
  try {
    (void)make_jurisdiction("fr");
    FAIL() << "expected arrears::error";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::invalid_argument);
    EXPECT_THAT(e.what(), HasSubstr("'fr'"));
    EXPECT_THAT(e.what(), HasSubstr("nl, de, be, uk, eu"));
  }
}

TEST(jurisdiction, reads_rates_from_the_tables_it_was_given) {
  // A user who knows the 2026-07-01 rate extends the table; the pack sees it.
  rate_tables tables = rate_tables::builtin();
  tables.override_with(rate_table("nl-commercial",
                                  {{day("2026-07-01"), rate::parse("10.40"), "test", false}},
                                  day("2026-12-31")));
  const netherlands law(tables);
  interest_request request;
  request.principal = euros(1'000'000);
  request.first_day = day("2026-07-01");
  request.until = day("2026-07-10");
  const interest_result result = law.statutory_interest(request);
  ASSERT_EQ(result.segments.size(), 1u);
  EXPECT_EQ(result.segments[0].annual, rate::parse("10.40"));
  EXPECT_FALSE(result.segments[0].rate_verified);
  // 10000.00 x 10.40 % x 10 / 365 = 28.49
  EXPECT_EQ(result.total, euros(2'849));
  // The built-in pack still stops at 2026-06-30.
  EXPECT_EQ(error_code_of([&] { (void)make_jurisdiction("nl")->statutory_interest(request); }),
            errc::date_out_of_range);
}

TEST(jurisdiction, a_missing_table_is_named) {
  const rate_tables empty;
  try {
    (void)netherlands(empty).statutory_interest(claim(euros(100), "2024-01-01", "2024-01-02"));
    FAIL() << "expected arrears::error";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::invalid_argument);
    EXPECT_THAT(e.what(), HasSubstr("no rate table 'nl-commercial'"));
  }
}

TEST(jurisdiction, payment_in_another_currency_is_a_currency_mismatch) {
  interest_request request = claim(euros(100'000), "2024-01-01", "2024-03-31");
  request.payments.push_back({day("2024-02-01"), money(5'000, currency::from_code("GBP"))});
  for (const char* code : {"nl", "de", "be", "uk", "eu"})
    EXPECT_EQ(error_code_of([&] { (void)make_jurisdiction(code)->statutory_interest(request); }),
              errc::currency_mismatch)
        << code;
  request.payments.clear();
  request.costs = money(4'000, currency::from_code("GBP"));
  EXPECT_EQ(error_code_of([&] { (void)make_jurisdiction("nl")->statutory_interest(request); }),
            errc::currency_mismatch);
}

TEST(jurisdiction, validates_before_looking_up_rates) {
  // until < first_day, both outside every table: the request is wrong, not the table.
  interest_request request = claim(euros(100), "2099-01-02", "2099-01-01");
  for (const char* code : {"nl", "de", "be", "uk", "eu"})
    EXPECT_EQ(error_code_of([&] { (void)make_jurisdiction(code)->statutory_interest(request); }),
              errc::invalid_argument)
        << code;
}

TEST(jurisdiction, packs_are_safe_to_share_between_calls) {
  const auto law = make_jurisdiction("nl");
  const interest_request request = claim(euros(1'000'000), "2023-07-01", "2025-12-31");
  const interest_result first = law->statutory_interest(request);
  const interest_result second = law->statutory_interest(request);
  EXPECT_EQ(first.segments, second.segments);
  EXPECT_EQ(first.total, euros(318'419));
}

// --- the engine ---------------------------------------------------------------------------

TEST(interest_engine, anniversary_of_29_february_is_28_february_in_other_years) {
  EXPECT_EQ(anniversary_in(day("2024-02-29"), 2025), day("2025-02-28"));
  EXPECT_EQ(anniversary_in(day("2024-02-29"), 2027), day("2027-02-28"));
  EXPECT_EQ(anniversary_in(day("2024-02-29"), 2028), day("2028-02-29"));
  EXPECT_EQ(anniversary_in(day("2023-07-01"), 2024), day("2024-07-01"));
  EXPECT_EQ(anniversary_in(day("2023-02-28"), 2024), day("2024-02-28"));
}

TEST(interest_engine, no_anniversary_past_the_calendar) {
  EXPECT_TRUE(anniversary_in(day("9999-03-01"), 10000).is_pos_infinity());
}

TEST(jurisdiction, uk_reference_day_before_the_calendar_is_out_of_range) {
  EXPECT_EQ(error_code_of([] {
              (void)make_jurisdiction("uk")->statutory_interest(
                  claim(euros(100), "1400-03-01", "1400-03-31"));
            }),
            errc::date_out_of_range);
}

TEST(interest_engine, half_year_starts_on_1_january_and_1_july) {
  EXPECT_EQ(half_year_start(day("2024-06-30")), day("2024-01-01"));
  EXPECT_EQ(half_year_start(day("2024-07-01")), day("2024-07-01"));
  EXPECT_EQ(half_year_start(day("2024-12-31")), day("2024-07-01"));
  EXPECT_EQ(half_year_start(day("2025-01-01")), day("2025-01-01"));
}

TEST(interest_engine, table_schedule_starts_on_the_first_day_and_adds_the_margin) {
  const rate_table table("t",
                         {{day("2024-01-01"), rate::parse("1.00"), "a", true},
                          {day("2024-07-01"), rate::parse("2.00"), "b", false},
                          {day("2025-01-01"), rate::parse("3.00"), "c", true}},
                         day("2025-06-30"));
  const rate_schedule schedule =
      table_schedule(table, rate::from_percent(8), day("2024-03-15"), day("2024-12-31"));
  const rate_schedule expected{{day("2024-03-15"), rate::parse("9.00"), true},
                               {day("2024-07-01"), rate::parse("10.00"), false}};
  EXPECT_EQ(schedule, expected);
  EXPECT_EQ(error_code_of(
                [&] { (void)table_schedule(table, rate{}, day("2023-12-31"), day("2024-01-31")); }),
            errc::date_out_of_range);
  EXPECT_EQ(error_code_of(
                [&] { (void)table_schedule(table, rate{}, day("2025-06-01"), day("2025-07-01")); }),
            errc::date_out_of_range);
}

TEST(interest_engine, a_payment_counts_after_its_days_interest) {
  // 1000.00 at 36.50 % is exactly 1.00 a day.
  const rate_step step{day("2024-01-01"), rate::parse("36.50")};
  interest_request request = claim(euros(100'000), "2024-01-01", "2024-01-10");
  request.payments.push_back({day("2024-01-05"), euros(50'500)});
  const interest_result result = accrue_interest(request, {&step, 1}, {});
  ASSERT_EQ(result.segments.size(), 2u);
  // Days 1-5 on 1000.00 (5.00), then the payment: 5.00 interest, 500.00 principal.
  EXPECT_EQ(result.segments[0].to, day("2024-01-05"));
  EXPECT_EQ(result.segments[0].interest, euros(500));
  EXPECT_EQ(result.segments[1].from, day("2024-01-06"));
  EXPECT_EQ(result.segments[1].base, euros(50'000));
  EXPECT_EQ(result.segments[1].interest, euros(250));  // 5 days at 0.50
  EXPECT_EQ(result.allocations.at(0).to_interest, euros(500));
  EXPECT_EQ(result.allocations.at(0).to_principal, euros(50'000));
}

TEST(interest_engine, payments_on_the_same_day_apply_in_order) {
  const rate_step step{day("2024-01-01"), rate::parse("36.50")};
  interest_request request = claim(euros(100'000), "2024-01-01", "2024-01-03");
  request.costs = euros(1'000);
  request.payments = {{day("2024-01-02"), euros(700)}, {day("2024-01-02"), euros(1'000)}};
  const interest_result result = accrue_interest(request, {&step, 1}, {});
  ASSERT_EQ(result.allocations.size(), 2u);
  // First: costs 7.00. Second: costs 3.00, interest 2.00, principal 5.00.
  EXPECT_EQ(result.allocations[0].to_costs, euros(700));
  EXPECT_EQ(result.allocations[1].to_costs, euros(300));
  EXPECT_EQ(result.allocations[1].to_interest, euros(200));
  EXPECT_EQ(result.allocations[1].to_principal, euros(500));
  EXPECT_EQ(result.costs_outstanding, euros(0));
  EXPECT_EQ(result.principal_outstanding, euros(99'500));
}

TEST(interest_engine, paid_off_principal_accrues_nothing_more) {
  const rate_step step{day("2024-01-01"), rate::parse("36.50")};
  interest_request request = claim(euros(100'000), "2024-01-01", "2024-12-31");
  request.payments.push_back({day("2024-01-02"), euros(100'200)});
  const interest_result result = accrue_interest(request, {&step, 1}, {.capitalise_yearly = true});
  ASSERT_EQ(result.segments.size(), 1u);  // zero-base segments are left out
  EXPECT_EQ(result.total, euros(200));
  EXPECT_TRUE(result.principal_outstanding.is_zero());
  EXPECT_TRUE(result.interest_outstanding.is_zero());
}

TEST(interest_engine, zero_principal_gives_zero_interest) {
  const rate_step step{day("2024-01-01"), rate::parse("10")};
  const interest_result result =
      accrue_interest(claim(euros(0), "2024-01-01", "2024-12-31"), {&step, 1}, {});
  EXPECT_TRUE(result.segments.empty());
  EXPECT_EQ(result.total, euros(0));
  EXPECT_EQ(result.total.currency(), eur);
}

TEST(interest_engine, capitalises_only_unpaid_interest) {
  // 1000.00 at 36.50 %: 1.00 a day in a 365-day year, anniversary 2025-01-01.
  const rate_step step{day("2024-01-01"), rate::parse("36.50")};
  interest_request request = claim(euros(100'000), "2024-01-01", "2025-01-01");
  // By 2024-12-01 (336 days) 336.00 has accrued; a payment of 300.00 leaves 36.00 of it.
  request.payments.push_back({day("2024-12-01"), euros(30'000)});
  const interest_result result = accrue_interest(request, {&step, 1}, {.capitalise_yearly = true});
  EXPECT_EQ(result.allocations.at(0).to_interest, euros(30'000));
  // 36.00 + 30 days (Dec 2 - Dec 31) of 1.00 = 66.00 capitalised on 2025-01-01.
  EXPECT_EQ(result.capitalised, euros(6'600));
  ASSERT_EQ(result.segments.size(), 3u);
  EXPECT_EQ(result.segments[2].from, day("2025-01-01"));
  EXPECT_EQ(result.segments[2].base, euros(106'600));
}

TEST(interest_engine, refuses_a_bad_schedule) {
  const interest_request request = claim(euros(100), "2024-01-01", "2024-01-31");
  EXPECT_EQ(error_code_of([&] { (void)accrue_interest(request, {}, {}); }), errc::invalid_argument);
  const rate_step late{day("2024-01-02"), rate::parse("1")};
  EXPECT_EQ(error_code_of([&] {
              (void)accrue_interest(request, {&late, 1}, {});
            }),
            errc::invalid_argument);
  const rate_step unordered[] = {{day("2024-01-01"), rate::parse("1")},
                                 {day("2024-01-01"), rate::parse("2")}};
  EXPECT_EQ(error_code_of([&] { (void)accrue_interest(request, unordered, {}); }),
            errc::invalid_argument);
}

TEST(interest_engine, error_messages_say_what_is_wrong) {
  interest_request request = claim(euros(100'000), "2024-01-01", "2024-01-31");
  request.payments = {{day("2024-01-10"), euros(100)}, {day("2024-01-05"), euros(100)}};
  try {
    validate_interest_request(request);
    FAIL() << "expected arrears::error";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::invalid_argument);
    EXPECT_THAT(e.what(), HasSubstr("payment 2 (2024-01-05, 1.00)"));
    EXPECT_THAT(e.what(), HasSubstr("date order"));
  }
}

}  // namespace
}  // namespace arrears
