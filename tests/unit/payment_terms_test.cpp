#include <arrears/core/payment_terms.hpp>

#include <gtest/gtest.h>
#include <boost/describe/enum_from_string.hpp>
#include <boost/describe/enum_to_string.hpp>

#include <optional>
#include <string>

namespace {

using arrears::date;
using arrears::payment_terms;
using arrears::terms_basis;

date d(const char* iso) { return arrears::parse_date(iso); }

constexpr payment_terms net(int days) { return {terms_basis::net, days}; }
constexpr payment_terms eom(int days) { return {terms_basis::end_of_month, days}; }

template <class Function>
arrears::errc error_code_of(Function function) {
  try {
    function();
  } catch (const arrears::error& e) {
    return e.code();
  }
  return arrears::errc::ok;
}

TEST(payment_terms, default_is_net_30) {
  EXPECT_EQ(payment_terms{}, net(30));
  EXPECT_NE(payment_terms{}, eom(30));
  EXPECT_NE(payment_terms{}, net(14));
}

TEST(payment_terms, net_counts_calendar_days_from_the_issue_date) {
  EXPECT_EQ(arrears::due_date(d("2025-03-10"), net(30)), d("2025-04-09"));
  EXPECT_EQ(arrears::due_date(d("2025-03-10"), net(14)), d("2025-03-24"));
  EXPECT_EQ(arrears::due_date(d("2025-03-10"), net(0)), d("2025-03-10"));
  EXPECT_EQ(arrears::due_date(d("2025-12-15"), net(30)), d("2026-01-14"));
}

TEST(payment_terms, net_does_not_roll_onto_a_business_day) {
  // 2025-04-05 is a Saturday: due dates are calendar dates; rolling is a calendar decision.
  EXPECT_EQ(arrears::due_date(d("2025-03-06"), net(30)), d("2025-04-05"));
}

TEST(payment_terms, net_across_february_in_a_leap_year) {
  EXPECT_EQ(arrears::due_date(d("2024-02-01"), net(30)), d("2024-03-02"));
  EXPECT_EQ(arrears::due_date(d("2025-02-01"), net(30)), d("2025-03-03"));
}

TEST(payment_terms, eom_counts_from_the_last_day_of_the_issue_month) {
  EXPECT_EQ(arrears::due_date(d("2025-03-10"), eom(30)), d("2025-04-30"));
  EXPECT_EQ(arrears::due_date(d("2025-03-31"), eom(30)), d("2025-04-30"));
  EXPECT_EQ(arrears::due_date(d("2025-03-01"), eom(0)), d("2025-03-31"));
  EXPECT_EQ(arrears::due_date(d("2025-04-15"), eom(30)), d("2025-05-30"));
  EXPECT_EQ(arrears::due_date(d("2025-12-01"), eom(14)), d("2026-01-14"));
}

TEST(payment_terms, eom_for_february_2024_starts_on_the_29th) {
  EXPECT_EQ(arrears::due_date(d("2024-02-10"), eom(0)), d("2024-02-29"));
  EXPECT_EQ(arrears::due_date(d("2024-02-10"), eom(30)), d("2024-03-30"));
  EXPECT_EQ(arrears::due_date(d("2025-02-10"), eom(30)), d("2025-03-30"));
  EXPECT_EQ(arrears::due_date(d("2025-02-10"), eom(0)), d("2025-02-28"));
}

TEST(payment_terms, due_date_rejects_days_outside_0_to_365) {
  EXPECT_EQ(error_code_of([] { (void)arrears::due_date(d("2025-01-01"), net(-1)); }),
            arrears::errc::invalid_terms);
  EXPECT_EQ(error_code_of([] { (void)arrears::due_date(d("2025-01-01"), eom(366)); }),
            arrears::errc::invalid_terms);
  EXPECT_EQ(arrears::due_date(d("2025-01-01"), net(365)), d("2026-01-01"));
}

TEST(payment_terms, due_date_rejects_an_unknown_basis) {
  const payment_terms bogus{static_cast<terms_basis>(7), 30};
  EXPECT_FALSE(arrears::is_valid(bogus));
  EXPECT_EQ(error_code_of([&] { (void)arrears::due_date(d("2025-01-01"), bogus); }),
            arrears::errc::invalid_terms);
}

TEST(payment_terms, due_date_error_says_what_was_expected) {
  try {
    (void)arrears::due_date(d("2025-01-01"), net(400));
    FAIL() << "expected arrears::error";
  } catch (const arrears::error& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("400"), std::string::npos) << message;
    EXPECT_NE(message.find("0..365"), std::string::npos) << message;
  }
}

TEST(payment_terms, due_date_past_9999_throws_date_out_of_range) {
  EXPECT_EQ(error_code_of([] { (void)arrears::due_date(d("9999-12-15"), net(30)); }),
            arrears::errc::date_out_of_range);
  EXPECT_EQ(error_code_of([] { (void)arrears::due_date(d("9999-12-01"), eom(1)); }),
            arrears::errc::date_out_of_range);
  EXPECT_EQ(arrears::due_date(d("9999-12-01"), eom(0)), d("9999-12-31"));
}

TEST(payment_terms, due_date_rejects_not_a_date) {
  EXPECT_EQ(error_code_of(
                [] { (void)arrears::due_date(date(boost::date_time::not_a_date_time), net(30)); }),
            arrears::errc::invalid_argument);
}

TEST(payment_terms, parses_net_and_eom) {
  EXPECT_EQ(arrears::parse_terms("net 30"), net(30));
  EXPECT_EQ(arrears::parse_terms("eom 30"), eom(30));
  EXPECT_EQ(arrears::parse_terms("net 0"), net(0));
  EXPECT_EQ(arrears::parse_terms("net 7"), net(7));
  EXPECT_EQ(arrears::parse_terms("eom 365"), eom(365));
}

TEST(payment_terms, formats_the_form_it_parses) {
  EXPECT_EQ(arrears::to_string(net(30)), "net 30");
  EXPECT_EQ(arrears::to_string(eom(60)), "eom 60");
  EXPECT_EQ(arrears::to_string(net(0)), "net 0");
  for (const auto basis : {terms_basis::net, terms_basis::end_of_month}) {
    for (int days = 0; days <= arrears::max_term_days; ++days) {
      const payment_terms terms{basis, days};
      ASSERT_EQ(arrears::parse_terms(arrears::to_string(terms)), terms) << days;
    }
  }
}

TEST(payment_terms, rejects_anything_but_the_one_text_form) {
  for (const char* text :
       {"net -1", "net 366", "net 1000", "30",      "net  30", "NET 30",  "Net 30", "net30",
        "eom+30", "net 30 ", " net 30",  "net 030", "net 00",  "net +30", "net 3O", "net ",
        "net",    "",        "eom",      "due 30",  "net 30d", "net\t30"}) {
    SCOPED_TRACE(text);
    payment_terms out = eom(45);
    EXPECT_FALSE(arrears::try_parse_terms(text, out));
    EXPECT_EQ(out, eom(45)) << "left unchanged on failure";
    EXPECT_EQ(error_code_of([&] { (void)arrears::parse_terms(text); }),
              arrears::errc::invalid_terms);
  }
}

TEST(payment_terms, parse_error_quotes_the_text_and_the_expected_form) {
  try {
    (void)arrears::parse_terms("NET 30");
    FAIL() << "expected arrears::error";
  } catch (const arrears::error& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("'NET 30'"), std::string::npos) << message;
    EXPECT_NE(message.find("net N"), std::string::npos) << message;
  }
}

TEST(payment_terms, to_string_rejects_invalid_terms) {
  EXPECT_EQ(error_code_of([] { (void)arrears::to_string(net(-1)); }), arrears::errc::invalid_terms);
  EXPECT_EQ(error_code_of([] { (void)arrears::to_string(eom(366)); }),
            arrears::errc::invalid_terms);
}

TEST(payment_terms, basis_names_come_from_boost_describe) {
  EXPECT_STREQ(boost::describe::enum_to_string(terms_basis::end_of_month, nullptr), "end_of_month");
  terms_basis basis = terms_basis::net;
  EXPECT_TRUE(boost::describe::enum_from_string("end_of_month", basis));
  EXPECT_EQ(basis, terms_basis::end_of_month);
  EXPECT_FALSE(boost::describe::enum_from_string("eom", basis));
}

TEST(payment_terms, debtor_override_wins_over_the_invoice_term) {
  // The playbook's example: 30 days agreed with one customer, 14 for the rest.
  const payment_terms invoice_term = net(14);
  const std::optional<payment_terms> agreed_with_debtor = net(30);
  EXPECT_EQ(arrears::effective_terms(invoice_term, agreed_with_debtor), net(30));
  EXPECT_EQ(arrears::due_date(d("2025-03-10"),
                              arrears::effective_terms(invoice_term, agreed_with_debtor)),
            d("2025-04-09"));
}

TEST(payment_terms, without_override_the_invoice_term_applies) {
  EXPECT_EQ(arrears::effective_terms(eom(30), std::nullopt), eom(30));
}

}  // namespace
