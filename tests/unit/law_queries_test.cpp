// The date-only law questions the policy engine asks for every case on every review
// (jurisdiction::limitation_deadline, default_first_day, consumer_costs_chargeable_from and
// earliest_limitation_deadline) give exactly the dates of the full answers, and fail exactly as
// they do, in every pack, over generated inputs. That they do not allocate is checked in
// tests/alloc/law_alloc_test.cpp.

#include <arrears/law/belgian_waiting_period.hpp>
#include <arrears/law/default_rules.hpp>
#include <arrears/law/fourteen_day_letter.hpp>
#include <arrears/law/jurisdiction.hpp>
#include <arrears/law/limitation_rules.hpp>
#include <arrears/model/case_limitation.hpp>

#include "support/case_builder.hpp"
#include "support/random_events.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace arrears {
namespace {

using namespace arrears::testing;

constexpr const char* pack_codes[] = {"nl", "de", "be", "uk", "eu"};

const rate_tables& no_rates() {
  static const rate_tables tables;
  return tables;
}

/// One answer in words: the date, "none", or the error's code and message, so that a
/// mismatch prints both sides.
template <class Ask>
std::string answer_of(Ask&& ask) {
  try {
    const std::optional<date> day = ask();
    return day ? to_iso(*day) : "none";
  } catch (const error& e) {
    return "error " + std::to_string(static_cast<int>(e.code())) + ": " + e.what();
  }
}

/// Tallies what the generated inputs reached, so that a generator that stops covering a path
/// fails the test instead of passing vacuously.
struct coverage {
  int dated = 0;
  int empty = 0;
  int failed = 0;
  void count(const std::string& answer) {
    if (answer == "none")
      ++empty;
    else if (answer.starts_with("error"))
      ++failed;
    else
      ++dated;
  }
};

/// Due dates over several years, every weekday and month, with the days calendar-year
/// arithmetic gets wrong: 28 and 29 February, year ends and beginnings.
std::vector<date> due_dates() {
  std::vector<date> dates;
  for (date day(2019, 1, 1); day <= date(2028, 12, 31); day += days(3)) dates.push_back(day);
  for (int year : {2020, 2023, 2024, 2027, 2028}) {
    dates.emplace_back(year, 2, 28);
    dates.emplace_back(year, 12, 31);
    dates.emplace_back(year, 1, 1);
  }
  for (int year : {2020, 2024, 2028}) dates.emplace_back(year, 2, 29);
  // Deadlines past 9999 fail; the date-only answer must fail the same way.
  dates.emplace_back(9993, 12, 31);
  dates.emplace_back(9998, 6, 1);
  return dates;
}

/// 0 to 4 interruptions of random kinds from shortly before `due` on, in date order.
std::vector<interruption> interruptions_after(date due, std::mt19937_64& random) {
  auto uniform = [&](int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(random);
  };
  std::vector<interruption> events;
  date on = due - days(uniform(0, 60));
  for (int count = uniform(0, 4); count > 0; --count) {
    const int step = uniform(0, 1200);
    if ((date(9999, 12, 31) - on).days() < step) break;
    on += days(step);
    events.push_back({on, static_cast<interruption_kind>(uniform(0, 3))});
  }
  return events;
}

TEST(law_queries, limitation_deadline_equals_the_full_deadline_in_every_pack) {
  std::mt19937_64 random(20250101);
  coverage reached;
  int restarted = 0;
  for (const char* code : pack_codes) {
    SCOPED_TRACE(code);
    const auto pack = make_jurisdiction(code, no_rates());
    for (const date due : due_dates()) {
      for (const bool consumer_sale : {false, true}) {
        limitation_request request;
        request.due_date = due;
        request.consumer_sale_of_goods = consumer_sale;
        request.interruptions = interruptions_after(due, random);
        const limitation_query query{due, consumer_sale, request.interruptions};
        const std::string full = answer_of([&] { return pack->limitation(request).deadline; });
        const std::string date_only = answer_of([&] { return pack->limitation_deadline(query); });
        EXPECT_EQ(date_only, full)
            << "due " << to_iso(due) << ", " << request.interruptions.size() << " interruptions";
        reached.count(full);
        if (!request.interruptions.empty() && std::string(code) != "eu" &&
            full.find("error") == std::string::npos) {
          const limitation_query uninterrupted{due, consumer_sale, {}};
          if (pack->limitation_deadline(uninterrupted) != pack->limitation_deadline(query))
            ++restarted;
        }
      }
    }
  }
  EXPECT_GT(reached.dated, 9'000);   // four packs with a rule, two flags, ~1,200 due dates
  EXPECT_GT(reached.failed, 1'000);  // the EU pack, and deadlines past 9999
  EXPECT_GT(restarted, 1'000) << "interruptions must move deadlines in the generated inputs";
}

TEST(law_queries, limitation_deadline_fails_as_the_full_call_on_bad_input) {
  const std::vector<interruption> out_of_order = {
      {date(2025, 6, 1), interruption_kind::acknowledgement},
      {date(2025, 3, 1), interruption_kind::written_reminder}};
  const std::vector<interruption> unknown_kind = {
      {date(2025, 6, 1), static_cast<interruption_kind>(7)}};
  const std::vector<interruption> special_day = {
      {date(boost::gregorian::not_a_date_time), interruption_kind::part_payment}};
  for (const char* code : pack_codes) {
    SCOPED_TRACE(code);
    const auto pack = make_jurisdiction(code, no_rates());
    for (const auto* events : {&out_of_order, &unknown_kind, &special_day}) {
      for (const date due : {date(2025, 1, 31), date(boost::gregorian::not_a_date_time)}) {
        limitation_request request;
        request.due_date = due;
        request.interruptions = *events;
        const std::string full = answer_of([&] { return pack->limitation(request).deadline; });
        EXPECT_TRUE(full.starts_with("error 109")) << full;
        EXPECT_EQ(answer_of([&] {
                    return pack->limitation_deadline({due, false, *events});
                  }),
                  full);
      }
    }
  }
}

TEST(law_queries, limitation_free_functions_give_the_full_functions_deadline) {
  std::mt19937_64 random(7);
  struct rule {
    limitation_result (*full)(const limitation_request&);
    date (*date_only)(const limitation_query&);
  };
  const rule rules[] = {{dutch_limitation, dutch_limitation_deadline},
                        {german_limitation, german_limitation_deadline},
                        {english_limitation, english_limitation_deadline},
                        {belgian_limitation, belgian_limitation_deadline}};
  for (const rule& r : rules) {
    for (const date due : due_dates()) {
      limitation_request request;
      request.due_date = due;
      request.consumer_sale_of_goods = due.day() % 2 == 0;
      request.interruptions = interruptions_after(due, random);
      EXPECT_EQ(answer_of([&] {
                  return r.date_only({due, request.consumer_sale_of_goods, request.interruptions});
                }),
                answer_of([&] { return r.full(request).deadline; }));
    }
  }
}

/// Default requests for every debtor kind, with and without a fatal term, and a notice that
/// is missing, sent before or on the due date (ignored) or after it, with various terms.
std::vector<default_request> default_requests() {
  std::mt19937_64 random(31);
  auto uniform = [&](int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(random);
  };
  constexpr int terms[] = {0, 1, 7, 14, 15, 30, 60};
  std::vector<default_request> requests;
  for (date due(2023, 1, 1); due <= date(2026, 12, 31); due += days(3)) {
    for (const debtor_kind debtor :
         {debtor_kind::consumer, debtor_kind::business, debtor_kind::public_body}) {
      for (const bool fatal : {false, true}) {
        for (int notice = 0; notice < 4; ++notice) {
          default_request request;
          request.debtor = debtor;
          request.due_date = due;
          request.fatal_term_agreed = fatal;
          request.notice_term_days = terms[uniform(0, 6)];
          if (notice == 1) request.formal_notice_sent_on = due - days(uniform(0, 10));
          if (notice >= 2) request.formal_notice_sent_on = due + days(uniform(1, 45));
          requests.push_back(request);
        }
      }
    }
  }
  default_request negative_term;
  negative_term.due_date = date(2025, 1, 31);
  negative_term.notice_term_days = -1;
  requests.push_back(negative_term);
  default_request special_notice = negative_term;
  special_notice.notice_term_days = 14;
  special_notice.formal_notice_sent_on = date(boost::gregorian::not_a_date_time);
  requests.push_back(special_notice);
  default_request last_day = special_notice;
  last_day.formal_notice_sent_on.reset();
  last_day.due_date = date(9999, 12, 31);
  requests.push_back(last_day);
  return requests;
}

TEST(law_queries, default_first_day_equals_the_full_first_day_in_every_pack) {
  coverage reached;
  const std::vector<default_request> requests = default_requests();
  for (const char* code : pack_codes) {
    SCOPED_TRACE(code);
    const auto pack = make_jurisdiction(code, no_rates());
    for (const default_request& request : requests) {
      const std::string full = answer_of([&] { return pack->default_starts(request).first_day; });
      EXPECT_EQ(answer_of([&] { return pack->default_first_day(request); }), full)
          << "debtor " << static_cast<int>(request.debtor) << ", due " << to_iso(request.due_date)
          << ", fatal " << request.fatal_term_agreed << ", notice "
          << (request.formal_notice_sent_on ? to_iso(*request.formal_notice_sent_on) : "none")
          << ", term " << request.notice_term_days;
      reached.count(full);
    }
  }
  EXPECT_GT(reached.dated, 20'000);
  EXPECT_GT(reached.empty, 1'000);  // consumers without a usable notice
  EXPECT_GE(reached.failed, 3 * 5);
}

TEST(law_queries, default_free_functions_give_the_full_functions_first_day) {
  for (const default_request& request : default_requests()) {
    EXPECT_EQ(answer_of([&] { return dutch_default_first_day(request); }),
              answer_of([&] { return dutch_default_starts(request).first_day; }));
    EXPECT_EQ(answer_of([&] { return german_default_first_day(request); }),
              answer_of([&] { return german_default_starts(request).first_day; }));
    EXPECT_EQ(answer_of([&] { return belgian_default_first_day(request); }),
              answer_of([&] { return belgian_default_starts(request).first_day; }));
    EXPECT_EQ(answer_of([&] { return default_after_due_date_first_day(request); }),
              answer_of([&] { return default_after_due_date(request, "a law").first_day; }));
  }
}

/// Every day of three years (a leap year among them, with every Dutch and Belgian holiday),
/// the last days the calendar holds, and a special date.
std::vector<date> sending_days() {
  std::vector<date> sent;
  for (date day(2024, 1, 1); day <= date(2026, 12, 31); day += days(1)) sent.push_back(day);
  for (date day(9999, 12, 10); day <= date(9999, 12, 31); day += days(1)) sent.push_back(day);
  sent.emplace_back(boost::gregorian::not_a_date_time);
  return sent;
}

TEST(law_queries, consumer_costs_chargeable_from_equals_the_full_notice_in_every_pack) {
  coverage reached;
  for (const char* code : pack_codes) {
    SCOPED_TRACE(code);
    const auto pack = make_jurisdiction(code, no_rates());
    for (const date sent_on : sending_days()) {
      const std::string full = answer_of([&]() -> std::optional<date> {
        const auto notice = pack->consumer_costs_notice(sent_on);
        if (!notice) return std::nullopt;
        return notice->costs_chargeable_from;
      });
      EXPECT_EQ(answer_of([&] { return pack->consumer_costs_chargeable_from(sent_on); }), full)
          << "sent " << to_iso(sent_on);
      reached.count(full);
    }
  }
  EXPECT_GT(reached.dated, 2 * 1'000);  // nl and be
  EXPECT_GT(reached.empty, 3 * 1'000);  // de, uk and eu have no such notice
  EXPECT_GT(reached.failed, 2 * 5);     // past 9999 and the special date, in nl and be
}

TEST(law_queries, notice_free_functions_give_the_full_notices_dates) {
  for (const date sent_on : sending_days()) {
    EXPECT_EQ(answer_of([&] { return dutch_costs_chargeable_from(sent_on); }),
              answer_of([&] { return dutch_fourteen_day_letter(sent_on).costs_chargeable_from; }));
    for (const reminder_medium medium :
         {reminder_medium::paper, reminder_medium::electronic, static_cast<reminder_medium>(9)})
      for (const int period_days : {13, 14, 21})
        EXPECT_EQ(answer_of([&] {
                    return belgian_consumer_costs_chargeable_from(sent_on, medium, period_days);
                  }),
                  answer_of([&] {
                    return belgian_consumer_waiting_period(sent_on, medium, period_days)
                        .costs_chargeable_from;
                  }));
  }
}

/// A pack that overrides none of the date-only questions, so that it answers them with
/// jurisdiction's defaults (which call the full answers).
class forwarding_pack final : public jurisdiction {
 public:
  explicit forwarding_pack(std::unique_ptr<jurisdiction> pack) : pack_(std::move(pack)) {}
  std::string_view code() const noexcept override { return pack_->code(); }
  std::string_view name() const noexcept override { return pack_->name(); }
  interest_result statutory_interest(const interest_request& request) const override {
    return pack_->statutory_interest(request);
  }
  costs_result collection_costs(const costs_request& request) const override {
    return pack_->collection_costs(request);
  }
  default_result default_starts(const default_request& request) const override {
    return pack_->default_starts(request);
  }
  limitation_result limitation(const limitation_request& request) const override {
    return pack_->limitation(request);
  }
  allocation_order payment_allocation() const noexcept override {
    return pack_->payment_allocation();
  }
  std::optional<fourteen_day_letter> consumer_costs_notice(date sent_on) const override {
    return pack_->consumer_costs_notice(sent_on);
  }

 private:
  std::unique_ptr<jurisdiction> pack_;
};

TEST(law_queries, packs_answer_as_the_interface_defaults_do) {
  std::mt19937_64 random(11);
  for (const char* code : pack_codes) {
    SCOPED_TRACE(code);
    const auto pack = make_jurisdiction(code, no_rates());
    const forwarding_pack defaults(make_jurisdiction(code, no_rates()));
    for (date due(2024, 1, 1); due <= date(2025, 12, 31); due += days(5)) {
      const std::vector<interruption> events = interruptions_after(due, random);
      const limitation_query query{due, due.day() % 2 == 0, events};
      EXPECT_EQ(answer_of([&] { return pack->limitation_deadline(query); }),
                answer_of([&] { return defaults.limitation_deadline(query); }));
      EXPECT_EQ(answer_of([&] { return pack->consumer_costs_chargeable_from(due); }),
                answer_of([&] { return defaults.consumer_costs_chargeable_from(due); }));
      default_request request;
      request.debtor = debtor_kind::consumer;
      request.due_date = due;
      request.formal_notice_sent_on = due + days(static_cast<long>(due.day()));
      EXPECT_EQ(answer_of([&] { return pack->default_first_day(request); }),
                answer_of([&] { return defaults.default_first_day(request); }));
    }
  }
}

TEST(earliest_limitation_deadline, counts_only_the_interruptions_after_each_claims_due_date) {
  collection_case c("C-1");
  c.apply(
      {day("2025-01-01"), claim_added{invoice("INV-1", "2025-01-01", "2025-01-31", "1000.00")}});
  c.apply({day("2025-01-15"), claim_added{invoice("INV-2", "2025-01-15", "2025-03-31", "500.00")}});
  c.apply({day("2025-02-03"), reminder_sent{1, channel::email}});
  const auto de = make_jurisdiction("de", no_rates());
  const auto nl = make_jurisdiction("nl", no_rates());
  // NL: the reminder of 3 February restarts INV-1 (due 31 January) to 3 February 2030; it
  // came before INV-2 was due, so INV-2 keeps 31 March 2030. The earlier one is INV-1's.
  EXPECT_EQ(earliest_limitation_deadline(c, *nl), day("2030-02-03"));
  EXPECT_EQ(earliest_limitation_deadline(c, *nl, true), day("2027-02-03"));
  // DE: a reminder does not restart; both claims arose in 2025.
  EXPECT_EQ(earliest_limitation_deadline(c, *de), day("2028-12-31"));
  c.apply({day("2025-04-02"), payment_received{eur("1000.00"), {"INV-1"}, ""}});
  // Only INV-2 is open. The reminder of 3 February came before its due date and does not
  // count; the payment of 2 April, a part payment of the debt, came after it and restarts
  // the period: 2 April 2030.
  EXPECT_EQ(earliest_limitation_deadline(c, *nl), day("2030-04-02"));
  c.apply({day("2025-04-03"), payment_received{eur("500.00"), {}, ""}});
  EXPECT_EQ(earliest_limitation_deadline(c, *nl), std::nullopt);
}

TEST(earliest_limitation_deadline, equals_earliest_limitation_over_random_histories) {
  std::vector<std::unique_ptr<jurisdiction>> packs;
  for (const char* code : pack_codes) packs.push_back(make_jurisdiction(code, no_rates()));
  int compared = 0;
  int with_deadline = 0;
  int split_interruptions = 0;  // some interruptions count for a claim, some do not
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937_64 random(seed);
    random_event_source source(random);
    collection_case c("L-" + std::to_string(seed));
    for (int step = 0; step < 160; ++step) {
      if (c.try_apply(source.next(c))) continue;  // refused: nothing changed
      if (step % 8 != 0) continue;
      for (const auto& balance : c.claims()) {
        const auto events = c.limitation_interruptions();
        const auto counting = std::count_if(events.begin(), events.end(), [&](const auto& e) {
          return e.on > balance.invoice.due_date;
        });
        if (balance.open.is_positive() && counting > 0 &&
            counting < static_cast<std::ptrdiff_t>(events.size()))
          ++split_interruptions;
      }
      for (const auto& pack : packs) {
        for (const bool consumer_sale : {false, true}) {
          const std::string full = answer_of([&]() -> std::optional<date> {
            const auto earliest = earliest_limitation(c, *pack, consumer_sale);
            if (!earliest) return std::nullopt;
            return earliest->result.deadline;
          });
          EXPECT_EQ(
              answer_of([&] { return earliest_limitation_deadline(c, *pack, consumer_sale); }),
              full)
              << pack->code() << " at step " << step;
          ++compared;
          if (!full.starts_with("error") && full != "none") ++with_deadline;
        }
      }
    }
  }
  EXPECT_GT(compared, 1'000);
  EXPECT_GT(with_deadline, 500);
  EXPECT_GT(split_interruptions, 100);
}

TEST(law_queries, has_consumer_costs_notice_says_whether_the_pack_gives_one) {
  for (const char* code : {"nl", "de", "be", "uk", "eu"}) {
    const auto law = make_jurisdiction(code);
    EXPECT_EQ(law->has_consumer_costs_notice(),
              law->consumer_costs_notice(testing::day("2026-03-03")).has_value())
        << code;
  }
  EXPECT_TRUE(make_jurisdiction("nl")->has_consumer_costs_notice());
}

TEST(law_queries, has_limitation_rule_says_whether_limitation_answers) {
  for (const char* code : {"nl", "de", "be", "uk"})
    EXPECT_TRUE(make_jurisdiction(code)->has_limitation_rule()) << code;
  EXPECT_FALSE(make_jurisdiction("eu")->has_limitation_rule());
}

}  // namespace
}  // namespace arrears
