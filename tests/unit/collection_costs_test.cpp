// Collection costs per jurisdiction: the hand-derived table in tests/data/law/costs/ through
// every pack, and the building blocks (BIK staffel, UK bands, Book XIX caps) directly.

#include <arrears/law/belgian_consumer_costs.hpp>
#include <arrears/law/bik.hpp>
#include <arrears/law/fixed_compensation.hpp>
#include <arrears/law/jurisdiction.hpp>

#include "support/error_code_of.hpp"
#include "support/pipe_table.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/describe/enum_from_string.hpp>

#include <string>
#include <vector>

#ifndef ARREARS_SOURCE_DIR
#error "ARREARS_SOURCE_DIR must name the source tree (tests/CMakeLists.txt defines it)"
#endif

namespace {

using arrears::costs_request;
using arrears::costs_result;
using arrears::currency;
using arrears::debtor_kind;
using arrears::errc;
using arrears::money;
using arrears::testing::error_code_of;
using ::testing::HasSubstr;

const std::string data_dir = ARREARS_SOURCE_DIR "/tests/data/law/costs/";

money eur(const char* amount) { return arrears::parse_money(std::string(amount) + " EUR"); }
money gbp(const char* amount) { return arrears::parse_money(std::string(amount) + " GBP"); }

/// The packs read no rate for costs, so an empty rate set keeps these tests independent of
/// the shipped rate tables.
const arrears::rate_tables& no_rates() {
  static const arrears::rate_tables tables;
  return tables;
}

costs_result costs_in(const char* code, const costs_request& request) {
  return arrears::make_jurisdiction(code, no_rates())->collection_costs(request);
}

/// A request for `principals` owed by `debtor`, everything else at its default.
costs_request claims(std::vector<money> principals, debtor_kind debtor = debtor_kind::business) {
  costs_request request;
  request.claims = std::move(principals);
  request.debtor = debtor;
  return request;
}

debtor_kind debtor_named(const std::string& name) {
  debtor_kind kind{};
  EXPECT_TRUE(boost::describe::enum_from_string(name.c_str(), kind)) << "debtor " << name;
  return kind;
}

costs_request request_from(const arrears::testing::table_row& row) {
  currency in = currency::from_code("EUR");
  costs_request request;
  request.debtor = debtor_named(row[2]);
  for (const std::string& option : arrears::testing::words(row[4])) {
    const auto equals = option.find('=');
    const std::string key = option.substr(0, equals);
    const std::string value = equals == std::string::npos ? "" : option.substr(equals + 1);
    if (key == "currency") {
      in = currency::from_code(value);
    } else if (key == "vat_not_deductible") {
      request.creditor_can_deduct_vat = false;
    } else if (key == "vat") {
      request.vat_rate = arrears::rate::parse(value);
    } else if (key == "reminders") {
      request.reminders_sent = std::stoi(value);
    } else if (key == "postage") {
      request.postage = arrears::parse_money(value + " EUR");
    } else if (key == "on") {
      request.on = arrears::parse_date(value);
    } else {
      ADD_FAILURE() << "unknown option " << option;
    }
  }
  for (const std::string& amount : arrears::testing::words(row[3]))
    request.claims.push_back(arrears::parse_amount(amount, in));
  return request;
}

TEST(collection_costs, every_pack_matches_the_hand_derived_table) {
  const auto rows = arrears::testing::read_pipe_table(data_dir + "costs.txt", 9);
  for (const auto& row : rows) {
    SCOPED_TRACE(row.where + ": " + row[8]);
    const costs_request request = request_from(row);
    const auto pack = arrears::make_jurisdiction(row[1], no_rates());
    if (row[5].front() == '!') {
      EXPECT_EQ(arrears::error_name(error_code_of([&] { (void)pack->collection_costs(request); })),
                row[5].substr(1));
      continue;
    }
    const costs_result result = pack->collection_costs(request);
    EXPECT_EQ(arrears::format_amount(result.costs), row[5]);
    EXPECT_EQ(arrears::format_amount(result.vat), row[6]);
    EXPECT_EQ(arrears::format_amount(result.total), row[7]);
    EXPECT_EQ(result.total, result.costs + result.vat);
    EXPECT_EQ(result.costs.currency(), request.claims.front().currency());
    EXPECT_FALSE(result.basis.empty());
  }
}

TEST(collection_costs, nl_basis_shows_every_slice_for_a_letter) {
  const costs_result result = costs_in("nl", claims({eur("3000.00")}));
  EXPECT_THAT(result.basis,
              HasSubstr("BIK staffel (Besluit BIK art. 2) over 3,000.00: 15 % of 2,500.00 = "
                        "375.00 + 10 % of 500.00 = 50.00 → 425.00"));
  EXPECT_THAT(result.basis, HasSubstr("at least the 40.00 of art. 6:96 lid 4 BW"));
  EXPECT_THAT(result.basis, HasSubstr("no VAT: the creditor can deduct VAT"));
}

TEST(collection_costs, nl_basis_shows_exact_fractions_and_the_limits) {
  EXPECT_THAT(costs_in("nl", claims({eur("266.67")})).basis,
              HasSubstr("15 % of 266.67 = 40.0005 → 40.00"));
  EXPECT_THAT(costs_in("nl", claims({eur("100.00")})).basis,
              HasSubstr("→ 15.00, raised to the minimum of 40.00 (art. 2 lid 2)"));
  EXPECT_THAT(costs_in("nl", claims({eur("2000000.00")})).basis,
              HasSubstr("0.5 % of 1,800,000.00 = 9,000.00 → 11,775.00, limited to the maximum "
                        "of 6,775.00 (art. 2 lid 1)"));
}

TEST(collection_costs, nl_basis_names_summed_claims_consumers_and_vat) {
  costs_request request = claims({eur("1500.00"), eur("1500.00")}, debtor_kind::consumer);
  request.creditor_can_deduct_vat = false;
  const costs_result result = costs_in("nl", request);
  EXPECT_THAT(result.basis, HasSubstr("over 3,000.00 (2 claims summed, art. 6:96 lid 7 BW)"));
  EXPECT_THAT(result.basis, HasSubstr("the most that may be charged (art. 6:96 lid 5 BW)"));
  EXPECT_THAT(result.basis, HasSubstr("VAT 21 % of 425.00 = 89.25 added"));
}

TEST(bik_staffel, reports_slices_exactly_and_rounds_once) {
  const auto staffel = arrears::bik_staffel(eur("10000.50"));
  ASSERT_EQ(staffel.slices.size(), 4u);
  EXPECT_EQ(staffel.slices[0].portion, eur("2500.00"));
  EXPECT_EQ(staffel.slices[0].exact_thousandths, 37'500'000);  // 375.00
  EXPECT_EQ(staffel.slices[3].portion, eur("0.50"));
  EXPECT_EQ(staffel.slices[3].percent, arrears::rate::from_percent(1));
  EXPECT_EQ(staffel.slices[3].exact_thousandths, 500);  // 0.005: half a cent
  EXPECT_EQ(staffel.exact_thousandths, 87'500'500);
  EXPECT_EQ(staffel.staffel, eur("875.01"));
  EXPECT_EQ(staffel.amount, eur("875.01"));
  EXPECT_FALSE(staffel.minimum_applied);
  EXPECT_FALSE(staffel.maximum_applied);
}

TEST(bik_staffel, flags_the_minimum_and_the_maximum) {
  EXPECT_TRUE(arrears::bik_staffel(eur("100.00")).minimum_applied);
  EXPECT_FALSE(arrears::bik_staffel(eur("266.66")).minimum_applied);  // 39.999 rounds to 40.00
  EXPECT_FALSE(arrears::bik_staffel(eur("1000000.00")).maximum_applied);
  EXPECT_TRUE(arrears::bik_staffel(eur("1000001.00")).maximum_applied);
  EXPECT_EQ(arrears::bik_staffel(eur("0.00")).slices.size(), 0u);
}

TEST(bik_staffel, never_decreases_as_the_principal_grows) {
  // Around every slice boundary and the minimum, cent by cent.
  for (const std::int64_t centre : {26'667, 250'000, 500'000, 1'000'000, 20'000'000, 100'000'000}) {
    money previous = arrears::bik_staffel(money(centre - 2'000, eur("0").currency())).amount;
    for (std::int64_t cents = centre - 1'999; cents <= centre + 2'000; ++cents) {
      const money next = arrears::bik_staffel(money(cents, previous.currency())).amount;
      ASSERT_LE(previous, next) << cents;
      previous = next;
    }
  }
}

TEST(bik_staffel, rejects_other_currencies_and_negative_principals) {
  EXPECT_EQ(error_code_of([] { (void)arrears::bik_staffel(gbp("100.00")); }),
            errc::invalid_argument);
  EXPECT_EQ(error_code_of([] { (void)arrears::bik_staffel(eur("-0.01")); }),
            errc::invalid_argument);
}

TEST(uk_fixed_sum, bands_by_the_amount_of_each_debt) {
  EXPECT_EQ(arrears::uk_fixed_sum(gbp("0.00")), gbp("40.00"));
  EXPECT_EQ(arrears::uk_fixed_sum(gbp("999.99")), gbp("40.00"));
  EXPECT_EQ(arrears::uk_fixed_sum(gbp("1000.00")), gbp("70.00"));
  EXPECT_EQ(arrears::uk_fixed_sum(gbp("9999.99")), gbp("70.00"));
  EXPECT_EQ(arrears::uk_fixed_sum(gbp("10000.00")), gbp("100.00"));
  EXPECT_EQ(error_code_of([] { (void)arrears::uk_fixed_sum(eur("10.00")); }),
            errc::invalid_argument);
}

TEST(belgian_consumer_costs, cap_is_a_maximum_rounded_down) {
  EXPECT_EQ(arrears::belgian_consumer_damages_cap(eur("0.00")), eur("20.00"));
  EXPECT_EQ(arrears::belgian_consumer_damages_cap(eur("150.05")), eur("30.00"));  // 30.005
  EXPECT_EQ(arrears::belgian_consumer_damages_cap(eur("500.30")), eur("65.01"));  // 65.015
  EXPECT_EQ(arrears::belgian_consumer_damages_cap(eur("39199.99")), eur("1999.99"));
  EXPECT_EQ(arrears::belgian_consumer_damages_cap(eur("92233720368547758.07")), eur("2000.00"));
}

TEST(belgian_consumer_costs, first_reminder_is_free) {
  EXPECT_EQ(arrears::belgian_reminder_fees(0, money()), eur("0.00"));
  EXPECT_EQ(arrears::belgian_reminder_fees(1, eur("1.50")), eur("0.00"));
  EXPECT_EQ(arrears::belgian_reminder_fees(4, eur("1.50")), eur("27.00"));  // 3 x 9.00
  EXPECT_EQ(error_code_of([] { (void)arrears::belgian_reminder_fees(2, gbp("1.00")); }),
            errc::invalid_argument);
}

TEST(belgian_consumer_costs, basis_explains_fees_and_cap) {
  costs_request request = claims({eur("300.00")}, debtor_kind::consumer);
  request.reminders_sent = 3;
  request.postage = eur("1.20");
  request.on = arrears::parse_date("2024-01-10");
  const costs_result result = costs_in("be", request);
  EXPECT_THAT(result.basis, HasSubstr("reminder fees for 2 further reminders at most 7.50 + "
                                      "postage 1.20 each = 17.40"));
  EXPECT_THAT(result.basis, HasSubstr("30.00 + 10 % of the part above 150.00 (150.00) = 45.00"));
}

TEST(fixed_compensation, basis_counts_the_late_invoices) {
  EXPECT_THAT(costs_in("de", claims({eur("100.00"), eur("200.00")})).basis,
              HasSubstr("40.00 per late invoice (§ 288 Abs. 5 BGB"));
  EXPECT_THAT(costs_in("de", claims({eur("100.00")}, debtor_kind::consumer)).basis,
              HasSubstr("not a consumer"));
  EXPECT_THAT(costs_in("uk", claims({gbp("999.99"), gbp("1000.00")})).basis,
              HasSubstr("999.99 → 40.00; 1,000.00 → 70.00; total 110.00"));
}

}  // namespace
