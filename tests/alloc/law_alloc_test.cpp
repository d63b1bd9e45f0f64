// The law questions the policy engine asks for every case on every review do not allocate:
// each pack's limitation_deadline, default_first_day and consumer_costs_chargeable_from, and
// earliest_limitation_deadline over a case, on inputs that reach every branch of the rules
// (interruptions that restart, are ignored or come too early or too late; every debtor kind;
// notices that count or are ignored; letters around holidays).

#include <arrears/law/jurisdiction.hpp>
#include <arrears/model/case_limitation.hpp>

#include "alloc/allocation_counter.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace arrears {
namespace {

using arrears::testing::allocations_during;

constexpr const char* pack_codes[] = {"nl", "de", "be", "uk", "eu"};

const rate_tables& no_rates() {
  static const rate_tables tables;
  return tables;
}

/// Interruptions of every kind, before the due date, within the period and after it.
const std::vector<interruption>& interruptions() {
  static const std::vector<interruption> events = {
      {date(2024, 12, 20), interruption_kind::written_reminder},  // before the due date
      {date(2025, 2, 3), interruption_kind::written_reminder},
      {date(2025, 6, 1), interruption_kind::acknowledgement},
      {date(2026, 3, 1), interruption_kind::part_payment},
      {date(2027, 5, 5), interruption_kind::legal_action},
      {date(2045, 1, 1), interruption_kind::acknowledgement},  // after every deadline
  };
  return events;
}

std::vector<default_request> default_requests() {
  std::vector<default_request> requests;
  for (const debtor_kind debtor :
       {debtor_kind::consumer, debtor_kind::business, debtor_kind::public_body}) {
    for (const bool fatal : {false, true}) {
      for (const std::optional<date> notice :
           {std::optional<date>(), std::optional<date>(date(2025, 1, 20)),
            std::optional<date>(date(2025, 2, 14))}) {
        for (const int term : {0, 14, 30}) {
          default_request request;
          request.debtor = debtor;
          request.due_date = date(2025, 1, 31);  // a Friday
          request.fatal_term_agreed = fatal;
          request.formal_notice_sent_on = notice;
          request.notice_term_days = term;
          requests.push_back(request);
        }
      }
    }
  }
  return requests;
}

TEST(law_queries, the_counter_sees_allocations) {
  // Without this, a counter that never counts would pass every test below.
  EXPECT_GE(allocations_during([] { std::string text(100, 'x'); }), 1u);
  const auto nl = make_jurisdiction("nl", no_rates());
  limitation_request request;
  request.due_date = date(2025, 1, 31);
  EXPECT_GE(allocations_during([&] { (void)nl->limitation(request); }), 1u)
      << "the full answer builds its basis text";
}

TEST(law_queries, limitation_deadline_does_not_allocate) {
  const std::span<const interruption> all = interruptions();
  for (const char* code : pack_codes) {
    if (std::string_view(code) == "eu") continue;  // no limitation rule: it throws
    SCOPED_TRACE(code);
    const auto pack = make_jurisdiction(code, no_rates());
    for (std::size_t first = 0; first <= all.size(); ++first) {
      for (const bool consumer_sale : {false, true}) {
        const limitation_query query{date(2025, 1, 31), consumer_sale, all.subspan(first)};
        date deadline;
        (void)pack->limitation_deadline(query);  // warm-up
        EXPECT_EQ(allocations_during([&] { deadline = pack->limitation_deadline(query); }), 0u)
            << "from interruption " << first;
        EXPECT_EQ(deadline, pack->limitation(limitation_request{query.due_date,
                                                                consumer_sale,
                                                                {query.interruptions.begin(),
                                                                 query.interruptions.end()}})
                                .deadline);
      }
    }
  }
}

TEST(law_queries, default_first_day_does_not_allocate) {
  const std::vector<default_request> requests = default_requests();
  for (const char* code : pack_codes) {
    SCOPED_TRACE(code);
    const auto pack = make_jurisdiction(code, no_rates());
    for (const default_request& request : requests) {
      std::optional<date> first;
      (void)pack->default_first_day(request);  // warm-up
      EXPECT_EQ(allocations_during([&] { first = pack->default_first_day(request); }), 0u)
          << "debtor " << static_cast<int>(request.debtor) << ", fatal "
          << request.fatal_term_agreed << ", notice "
          << (request.formal_notice_sent_on ? to_iso(*request.formal_notice_sent_on) : "none")
          << ", term " << request.notice_term_days;
      EXPECT_EQ(first, pack->default_starts(request).first_day);
    }
  }
}

TEST(law_queries, consumer_costs_chargeable_from_does_not_allocate) {
  for (const char* code : pack_codes) {
    SCOPED_TRACE(code);
    const auto pack = make_jurisdiction(code, no_rates());
    (void)pack->consumer_costs_chargeable_from(date(2025, 1, 1));  // warm-up
    // Every day of 2025: Easter, King's Day, Ascension, Whitsun and Christmas among them.
    for (date sent_on(2025, 1, 1); sent_on <= date(2025, 12, 31); sent_on += days(1)) {
      std::optional<date> from;
      ASSERT_EQ(allocations_during([&] { from = pack->consumer_costs_chargeable_from(sent_on); }),
                0u)
          << "sent " << to_iso(sent_on);
      const auto notice = pack->consumer_costs_notice(sent_on);
      EXPECT_EQ(from, notice ? std::optional<date>(notice->costs_chargeable_from) : std::nullopt);
    }
  }
}

TEST(law_queries, earliest_limitation_deadline_does_not_allocate) {
  collection_case c("C-1");
  const currency eur = currency::from_code("EUR");
  for (int n = 1; n <= 6; ++n) {
    claim invoice;
    invoice.id = "INV-" + std::to_string(n);
    invoice.issue_date = date(2025, 1, 1) + days(10 * n);
    invoice.due_date = invoice.issue_date + days(30);
    invoice.amount = money(100'000, eur);
    invoice.vat = money::zero(eur);
    invoice.description = "services";
    c.apply({invoice.issue_date, claim_added{invoice}});
  }
  c.apply({date(2025, 3, 10), reminder_sent{1, channel::post}});
  c.apply({date(2025, 3, 25), payment_received{money(50'000, eur), {}, ""}});
  c.apply({date(2025, 4, 20), letter_sent{letter_kind::formal_notice, channel::post}});
  ASSERT_EQ(c.limitation_interruptions().size(), 3u);
  for (const char* code : pack_codes) {
    if (std::string_view(code) == "eu") continue;  // no limitation rule: it throws
    SCOPED_TRACE(code);
    const auto pack = make_jurisdiction(code, no_rates());
    for (const bool consumer_sale : {false, true}) {
      std::optional<date> earliest;
      (void)earliest_limitation_deadline(c, *pack, consumer_sale);  // warm-up
      EXPECT_EQ(allocations_during(
                    [&] { earliest = earliest_limitation_deadline(c, *pack, consumer_sale); }),
                0u);
      const auto full = earliest_limitation(c, *pack, consumer_sale);
      ASSERT_TRUE(full.has_value());
      EXPECT_EQ(earliest, full->result.deadline);
    }
  }
}

}  // namespace
}  // namespace arrears
