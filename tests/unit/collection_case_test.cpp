// The case as users rely on it: time moves the ladder states, payments are allocated as
// the law says, disputes hold only the disputed money, and every refusal leaves the case as
// it was.

#include <arrears/model/collection_case.hpp>

#include <gtest/gtest.h>

#include "support/case_builder.hpp"

namespace arrears {
namespace {

using namespace arrears::testing;

collection_case two_invoices() {
  collection_case c("C-1");
  c.apply({day("2025-01-01"), debtor_updated{business_debtor()}, "ledger"});
  c.apply({day("2025-01-01"), claim_added{invoice("INV-1", "2025-01-01", "2025-01-31", "1000.00")},
           "ledger"});
  c.apply({day("2025-01-15"), claim_added{invoice("INV-2", "2025-01-15", "2025-02-14", "500.00")},
           "ledger"});
  return c;
}

money sum_of(std::span<const allocation_line> lines) {
  money total = eur("0.00");
  for (const auto& line : lines) total += line.amount;
  return total;
}

TEST(collection_case, becomes_overdue_when_a_due_date_passes) {
  collection_case c = two_invoices();
  EXPECT_EQ(c.state(), case_state::current);
  EXPECT_EQ(c.state_on(day("2025-01-31")), case_state::current)
      << "the due date is the last day to pay";
  EXPECT_EQ(c.state_on(day("2025-02-01")), case_state::overdue);
  c.apply({day("2025-02-03"), reminder_sent{1, channel::email}, "policy"});
  EXPECT_EQ(c.state(), case_state::overdue);
  EXPECT_EQ(c.dunning().reminders_sent, 1);
  EXPECT_EQ(c.dunnable_on(day("2025-02-03")), eur("1000.00"));
  EXPECT_EQ(c.dunnable_on(day("2025-02-15")), eur("1500.00"));
}

TEST(collection_case, refuses_a_reminder_before_anything_is_overdue) {
  collection_case c = two_invoices();
  const auto refused = c.try_apply({day("2025-01-20"), reminder_sent{1, channel::email}});
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->code, errc::event_not_allowed);
  EXPECT_EQ(refused->state, case_state::current);
}

TEST(collection_case, allocates_a_payment_to_costs_then_interest_then_the_oldest_claim) {
  collection_case c = two_invoices();
  c.apply({day("2025-03-01"), costs_charged{eur("150.00"), "BIK 15 % of 1000.00"}});
  c.apply({day("2025-03-01"), interest_charged{eur("20.00"), day("2025-02-28"), "6:119a"}});
  c.apply({day("2025-03-02"), payment_received{eur("400.00"), {}, "bank 1"}});
  const std::vector<allocation_line> want{{"", debt_component::costs, eur("150.00")},
                                          {"", debt_component::interest, eur("20.00")},
                                          {"INV-1", debt_component::principal, eur("230.00")}};
  EXPECT_EQ(std::vector<allocation_line>(c.last_allocation().begin(), c.last_allocation().end()),
            want);
  EXPECT_EQ(c.costs_due(), eur("0.00"));
  EXPECT_EQ(c.interest_due(), eur("0.00"));
  EXPECT_EQ(c.find_claim("INV-1")->open, eur("770.00"));
  EXPECT_EQ(c.find_claim("INV-2")->open, eur("500.00"));
  EXPECT_EQ(c.totals().paid, eur("400.00"));
}

TEST(collection_case, the_debtors_designation_decides_which_claim_is_paid) {
  collection_case c = two_invoices();
  c.apply({day("2025-03-01"), costs_charged{eur("40.00"), "EUR 40 fixed"}});
  c.apply({day("2025-03-02"), payment_received{eur("600.00"), {"INV-2"}, "pays INV-2"}});
  EXPECT_EQ(c.costs_due(), eur("0.00")) << "costs come first even with a designation (6:44 BW)";
  EXPECT_EQ(c.find_claim("INV-2")->open, eur("0.00"));
  EXPECT_EQ(c.find_claim("INV-1")->open, eur("940.00")) << "what remains goes to the oldest claim";
  EXPECT_EQ(sum_of(c.last_allocation()), eur("600.00"));
}

TEST(collection_case, refuses_a_payment_above_what_is_open_and_stays_unchanged) {
  collection_case c = two_invoices();
  const collection_case before = c;
  const auto refused = c.try_apply({day("2025-03-01"), payment_received{eur("1500.01"), {}, ""}});
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->code, errc::amount_exceeds_open);
  EXPECT_NE(refused->message.find("1500.01"), std::string::npos) << refused->message;
  EXPECT_TRUE(c.same_state(before));
  EXPECT_EQ(c.history().size(), before.history().size());
}

TEST(collection_case, refuses_another_currency_and_unknown_claims) {
  collection_case c = two_invoices();
  claim in_pounds = invoice("INV-3", "2025-02-01", "2025-03-01", "10.00");
  in_pounds.amount = parse_money("10.00 GBP");
  in_pounds.vat = parse_money("0.00 GBP");
  EXPECT_EQ(c.try_apply({day("2025-02-01"), claim_added{in_pounds}})->code,
            errc::currency_mismatch);
  EXPECT_EQ(
      c.try_apply({day("2025-02-01"), payment_received{parse_money("10.00 GBP"), {}, ""}})->code,
      errc::currency_mismatch);
  EXPECT_EQ(c.try_apply(
                 {day("2025-02-01"), dispute_opened{"INV-9", eur("1.00"), dispute_category::other}})
                ->code,
            errc::unknown_claim);
  EXPECT_EQ(c.try_apply({day("2025-02-01"),
                         claim_added{invoice("INV-1", "2025-02-01", "2025-03-01", "1.00")}})
                ->code,
            errc::duplicate_claim);
}

TEST(collection_case, balances_on_a_day_split_open_money_by_due_date_and_hold) {
  collection_case c = two_invoices();
  c.apply({day("2025-02-05"), dispute_opened{"INV-1", eur("300.00"), dispute_category::damaged},
           "service desk"});
  c.apply({day("2025-02-06"), interest_charged{eur("12.50"), day("2025-02-05"), "6:119a BW"}});
  // INV-1 (1000.00, 300.00 disputed) is overdue; INV-2 (500.00) is due on 2025-02-14.
  const case_balances before = c.balances_on(day("2025-02-10"));
  EXPECT_EQ(before.open_principal, eur("1500.00"));
  EXPECT_EQ(before.open_total, eur("1512.50"));
  EXPECT_EQ(before.held, eur("300.00"));
  EXPECT_EQ(before.overdue, eur("1000.00"));
  EXPECT_EQ(before.dunnable, eur("712.50")) << "undisputed overdue principal plus interest";
  const case_balances after = c.balances_on(day("2025-02-15"));
  EXPECT_EQ(after.overdue, eur("1500.00"));
  EXPECT_EQ(after.dunnable, eur("1212.50"));
  EXPECT_EQ(after.dunnable, c.dunnable_on(day("2025-02-15")));
  EXPECT_EQ(after.held, c.held_amount());
  EXPECT_EQ(after.open_total, c.open_total());
}

TEST(collection_case, refuses_events_out_of_date_order) {
  collection_case c = two_invoices();
  const auto refused = c.try_apply({day("2024-12-31"), call_logged{false, std::nullopt}});
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->code, errc::event_out_of_order);
  EXPECT_NE(refused->message.find("2025-01-15"), std::string::npos) << refused->message;
}

TEST(collection_case, a_partial_dispute_keeps_the_undisputed_part_in_collection) {
  collection_case c = two_invoices();
  c.apply({day("2025-02-05"), dispute_opened{"INV-1", eur("300.00"), dispute_category::damaged},
           "service desk"});
  EXPECT_EQ(c.state(), case_state::overdue);
  EXPECT_EQ(c.dunnable_on(day("2025-02-05")), eur("700.00"));
  EXPECT_EQ(c.disputed_amount(), eur("300.00"));
  c.apply({day("2025-02-06"), reminder_sent{1, channel::email}});
  c.apply({day("2025-02-07"), payment_received{eur("700.00"), {}, ""}});
  EXPECT_EQ(c.find_claim("INV-1")->open, eur("300.00"))
      << "a payment reaches undisputed money first";
  EXPECT_EQ(c.state(), case_state::disputed) << "all overdue money is disputed now";
  const auto refused = c.try_apply({day("2025-02-08"), reminder_sent{2, channel::email}});
  ASSERT_TRUE(refused) << "disputed money is never dunned";
  EXPECT_EQ(
      c.try_apply({day("2025-02-08"), letter_sent{letter_kind::fourteen_day_letter, channel::post}})
          ->code,
      errc::nothing_overdue);
}

TEST(collection_case, a_valid_dispute_waits_for_its_credit_note_and_then_closes_credited) {
  collection_case c("C-2");
  c.apply({day("2025-01-01"), debtor_updated{business_debtor()}});
  c.apply({day("2025-01-01"), claim_added{invoice("INV-1", "2025-01-01", "2025-01-31", "800.00")}});
  c.apply({day("2025-02-10"),
           dispute_opened{"INV-1", eur("800.00"), dispute_category::wrong_delivery}});
  EXPECT_EQ(c.state(), case_state::disputed);
  c.apply(
      {day("2025-02-11"), evidence_added{"INV-1", "delivery note shows wrong article", "DN-77"}});
  EXPECT_EQ(c.find_claim("INV-1")->evidence_count, 1);
  c.apply({day("2025-02-12"), dispute_resolved{"INV-1", verdict::valid, eur("800.00")}});
  EXPECT_EQ(c.state(), case_state::disputed) << "justified money stays on hold until credited";
  EXPECT_EQ(c.find_claim("INV-1")->awaiting_credit, eur("800.00"));
  c.apply({day("2025-02-13"),
           credit_note_issued{credit_note("CN-1", "2025-02-13", "800.00"), "INV-1"}});
  EXPECT_EQ(c.state(), case_state::closed);
  EXPECT_EQ(c.outcome(), case_outcome::credited);
  EXPECT_EQ(c.credit_notes().size(), 1u);
}

TEST(collection_case, an_invalid_dispute_puts_the_money_back_into_collection) {
  collection_case c = two_invoices();
  c.apply({day("2025-02-05"), dispute_opened{"INV-1", eur("1000.00"), dispute_category::quality}});
  EXPECT_EQ(c.state(), case_state::disputed);
  c.apply({day("2025-02-20"), dispute_resolved{"INV-1", verdict::invalid, eur("0.00")}});
  EXPECT_EQ(c.state(), case_state::overdue);
  EXPECT_EQ(c.dunnable_on(day("2025-02-20")), eur("1500.00"));
  EXPECT_EQ(c.find_claim("INV-1")->last_verdict, verdict::invalid);
}

TEST(collection_case, a_verdict_must_match_its_justified_amount) {
  collection_case c = two_invoices();
  c.apply({day("2025-02-05"), dispute_opened{"INV-1", eur("400.00"), dispute_category::quality}});
  EXPECT_EQ(c.try_apply({day("2025-02-06"),
                         dispute_resolved{"INV-1", verdict::partially_valid, eur("400.00")}})
                ->code,
            errc::invalid_event);
  EXPECT_EQ(
      c.try_apply({day("2025-02-06"), dispute_resolved{"INV-1", verdict::invalid, eur("1.00")}})
          ->code,
      errc::invalid_event);
  c.apply({day("2025-02-06"), dispute_resolved{"INV-1", verdict::partially_valid, eur("150.00")}});
  EXPECT_EQ(c.find_claim("INV-1")->awaiting_credit, eur("150.00"));
  EXPECT_EQ(c.find_claim("INV-1")->undisputed(), eur("850.00"));
}

TEST(collection_case, changed_terms_move_due_dates_and_restart_the_dunning_clock) {
  collection_case c = two_invoices();
  c.apply({day("2025-02-03"), reminder_sent{1, channel::email}});
  c.apply({day("2025-02-04"), letter_sent{letter_kind::formal_notice, channel::post}});
  EXPECT_EQ(c.state(), case_state::overdue);
  c.apply({day("2025-02-05"), terms_changed{parse_terms("net 60"), {}}, "ledger",
           "agreed 60 days with the buyer"});
  EXPECT_EQ(c.find_claim("INV-1")->invoice.due_date, day("2025-03-02"));
  EXPECT_EQ(c.find_claim("INV-2")->invoice.due_date, day("2025-03-16"));
  EXPECT_EQ(c.state(), case_state::current) << "nothing is overdue under the new term";
  EXPECT_EQ(c.dunning().reminders_sent, 0);
  EXPECT_FALSE(c.dunning().formal_notice_sent_on);
  EXPECT_EQ(c.dunning().clock_restarted_on, day("2025-02-05"));
  EXPECT_EQ(c.debtor().profile.terms, parse_terms("net 60"));
  EXPECT_TRUE(c.try_apply({day("2025-02-06"), reminder_sent{1, channel::email}}))
      << "no reminder may go out under the old term";
  EXPECT_EQ(c.state_on(day("2025-03-03")), case_state::overdue);
}

TEST(collection_case, terms_that_move_a_due_date_out_of_range_are_refused_whole) {
  collection_case c = two_invoices();
  c.apply(
      {day("2025-02-01"), claim_added{invoice("INV-LATE", "9999-12-01", "9999-12-01", "10.00")}});
  const collection_case before = c;
  const auto refused = c.try_apply({day("2025-02-02"), terms_changed{parse_terms("net 60"), {}}});
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->code, errc::date_out_of_range);
  EXPECT_TRUE(c.same_state(before)) << "no due date may move when one cannot";
}

TEST(collection_case, refuses_a_credit_note_without_date_or_with_impossible_vat) {
  collection_case c = two_invoices();
  claim undated = credit_note("CN-1", "2025-02-01", "10.00");
  undated.issue_date = date();
  EXPECT_EQ(c.try_apply({day("2025-02-01"), credit_note_issued{undated, "INV-1"}})->code,
            errc::invalid_event);
  claim heavy_vat = credit_note("CN-2", "2025-02-01", "10.00");
  heavy_vat.vat = eur("10.01");
  EXPECT_EQ(c.try_apply({day("2025-02-01"), credit_note_issued{heavy_vat, "INV-1"}})->code,
            errc::invalid_event);
}

TEST(collection_case, a_kept_promise_ends_the_pause_and_a_broken_one_resumes_dunning) {
  collection_case kept = two_invoices();
  kept.apply({day("2025-02-16"), promise_made{eur("600.00"), day("2025-02-28")}});
  EXPECT_EQ(kept.state(), case_state::promised);
  kept.apply({day("2025-02-20"), payment_received{eur("400.00"), {}, ""}});
  EXPECT_EQ(kept.state(), case_state::promised);
  kept.apply({day("2025-02-27"), payment_received{eur("200.00"), {}, ""}});
  EXPECT_EQ(kept.state(), case_state::overdue) << "promise kept; the rest is still overdue";
  EXPECT_FALSE(kept.promise());

  collection_case broken = two_invoices();
  broken.apply({day("2025-02-16"), promise_made{eur("1500.00"), day("2025-02-28")}});
  broken.apply({day("2025-03-01"), promise_broken{}, "policy"});
  EXPECT_EQ(broken.state(), case_state::overdue);
  EXPECT_EQ(broken.counters().promises_broken, 1);
  EXPECT_FALSE(broken.promise());
}

TEST(collection_case, an_arrangement_paid_in_full_closes_the_case_as_paid) {
  collection_case c = two_invoices();
  c.apply({day("2025-02-20"), call_logged{true, reason::cannot_pay}});
  EXPECT_EQ(c.reason(), reason::cannot_pay);
  c.apply({day("2025-02-21"), arrangement_agreed{{{day("2025-03-01"), eur("750.00")},
                                                  {day("2025-04-01"), eur("750.00")}}}});
  EXPECT_EQ(c.state(), case_state::in_arrangement);
  c.apply({day("2025-03-01"), instalment_paid{1, eur("750.00")}});
  c.apply({day("2025-04-02"), instalment_missed{2}});
  EXPECT_EQ(c.counters().instalments_missed, 1);
  c.apply({day("2025-04-05"), reminder_sent{1, channel::sms}, "policy", "friendly nudge"});
  EXPECT_EQ(c.state(), case_state::in_arrangement);
  c.apply({day("2025-04-07"), instalment_paid{2, eur("750.00")}});
  EXPECT_EQ(c.state(), case_state::closed);
  EXPECT_EQ(c.outcome(), case_outcome::paid);
  EXPECT_FALSE(c.arrangement());
}

TEST(collection_case, a_broken_arrangement_resumes_the_ladder) {
  collection_case c = two_invoices();
  c.apply({day("2025-02-21"), arrangement_agreed{{{day("2025-03-01"), eur("100.00")}}}});
  c.apply({day("2025-03-05"), arrangement_broken{}});
  EXPECT_EQ(c.state(), case_state::overdue);
  EXPECT_EQ(c.counters().arrangements_broken, 1);
  EXPECT_EQ(c.try_apply({day("2025-03-06"), instalment_paid{1, eur("100.00")}})->code,
            errc::event_not_allowed);
}

TEST(collection_case, arrangement_schedules_must_be_ordered_and_positive) {
  collection_case c = two_invoices();
  EXPECT_EQ(c.try_apply({day("2025-02-21"), arrangement_agreed{{}}})->code, errc::invalid_event);
  EXPECT_EQ(c.try_apply({day("2025-02-21"), arrangement_agreed{{{day("2025-04-01"), eur("1.00")},
                                                                {day("2025-03-01"), eur("1.00")}}}})
                ->code,
            errc::invalid_event);
  EXPECT_EQ(
      c.try_apply({day("2025-02-21"), arrangement_agreed{{{day("2025-03-01"), eur("1500.01")}}}})
          ->code,
      errc::amount_exceeds_open);
}

TEST(collection_case, goodwill_is_recorded_in_the_debtors_history) {
  collection_case c = two_invoices();
  c.apply({day("2025-02-20"), payment_received{eur("1000.00"), {"INV-1"}, ""}});
  c.apply({day("2025-02-21"), written_off{write_off_reason::goodwill, "INV-2", std::nullopt},
           "manager", "loyal customer since 2012; complaint was unfounded but we waive it once"});
  EXPECT_EQ(c.state(), case_state::closed);
  EXPECT_EQ(c.outcome(), case_outcome::written_off_goodwill);
  ASSERT_EQ(c.debtor().goodwill_history.size(), 1u);
  EXPECT_EQ(c.debtor().goodwill_history[0],
            (goodwill_grant{day("2025-02-21"), eur("500.00"), "INV-2"}));
  EXPECT_EQ(c.totals().written_off, eur("500.00"));
}

TEST(collection_case, marketing_is_suppressed_and_reactivated_after_resolution) {
  collection_case c = two_invoices();
  c.apply({day("2025-02-02"), marketing_suppressed{}});
  EXPECT_EQ(c.try_apply({day("2025-02-02"), marketing_suppressed{}})->code, errc::marketing_state);
  c.apply({day("2025-02-20"), payment_received{eur("1500.00"), {}, ""}});
  EXPECT_TRUE(c.is_closed());
  c.apply({day("2025-02-20"), marketing_reactivated{}});
  EXPECT_EQ(c.debtor().marketing, marketing_status::active);
}

TEST(collection_case, replaying_the_history_reproduces_the_state) {
  collection_case c = two_invoices();
  c.apply({day("2025-02-05"), dispute_opened{"INV-1", eur("300.00"), dispute_category::damaged}});
  c.apply({day("2025-02-06"), costs_charged{eur("40.00"), "EUR 40"}});
  c.apply({day("2025-02-07"), payment_received{eur("250.00"), {}, ""}});
  c.apply({day("2025-02-08"), dispute_resolved{"INV-1", verdict::partially_valid, eur("100.00")}});
  const collection_case again = collection_case::replay(c.id(), c.history());
  EXPECT_TRUE(again.same_state(c));
  EXPECT_EQ(again.history().size(), c.history().size());
}

TEST(collection_case, records_the_events_that_may_interrupt_limitation) {
  collection_case c = two_invoices();
  c.apply({day("2025-02-03"), reminder_sent{1, channel::email}});
  c.apply({day("2025-02-04"), reminder_sent{2, channel::phone}});
  c.apply({day("2025-02-05"), letter_sent{letter_kind::dispute_acknowledgement, channel::email}});
  c.apply({day("2025-02-06"), letter_sent{letter_kind::formal_notice, channel::registered_post}});
  c.apply({day("2025-02-07"), promise_made{eur("100.00"), day("2025-02-20")}});
  c.apply({day("2025-02-20"), payment_received{eur("100.00"), {}, ""}});
  const std::vector<interruption> want{{day("2025-02-03"), interruption_kind::written_reminder},
                                       {day("2025-02-06"), interruption_kind::written_reminder},
                                       {day("2025-02-07"), interruption_kind::acknowledgement},
                                       {day("2025-02-20"), interruption_kind::part_payment}};
  EXPECT_EQ(std::vector<interruption>(c.limitation_interruptions().begin(),
                                      c.limitation_interruptions().end()),
            want)
      << "a phone reminder is not written, a dispute acknowledgement is no dunning";
}

TEST(collection_case, keeps_who_when_and_why_for_every_event) {
  collection_case c = two_invoices();
  c.apply({day("2025-02-03"), call_logged{true, reason::forgot}, "j.jansen", "will pay Friday"});
  const event& last = c.history().back();
  EXPECT_EQ(last.meta.on, day("2025-02-03"));
  EXPECT_EQ(last.meta.actor, "j.jansen");
  EXPECT_EQ(last.meta.note, "will pay Friday");
}

TEST(collection_case, discarding_history_keeps_the_same_state) {
  collection_case kept = two_invoices();
  collection_case lean("C-1", history_policy::discard);
  for (const auto& e : kept.history()) lean.apply(e);
  EXPECT_TRUE(lean.same_state(kept));
  EXPECT_TRUE(lean.history().empty());
  EXPECT_EQ(lean.event_count(), kept.event_count());
}

TEST(collection_case, replay_names_the_first_refused_event) {
  std::vector<event> events{
      {day("2025-01-01"), claim_added{invoice("INV-1", "2025-01-01", "2025-01-31", "10.00")}},
      {day("2025-01-02"), payment_received{eur("10.00"), {}, ""}},
      {day("2025-01-03"), payment_received{eur("1.00"), {}, ""}}};
  try {
    (void)collection_case::replay("C-9", events);
    FAIL();
  } catch (const transition_error& refused) {
    const std::string message = refused.what();
    EXPECT_NE(message.find("case 'C-9', event 3 (2025-01-03 payment_received"), std::string::npos)
        << message;
  }
}

TEST(collection_case, an_amount_overflow_is_refused_not_thrown) {
  collection_case c("C-big");
  claim huge = invoice("INV-1", "2025-01-01", "2025-01-31", "0.01");
  huge.amount = money(std::numeric_limits<std::int64_t>::max() - 5, currency::from_code("EUR"));
  c.apply({day("2025-01-01"), claim_added{huge}});
  const auto refused = c.try_apply(
      {day("2025-01-02"), claim_added{invoice("INV-2", "2025-01-01", "2025-01-31", "1.00")}});
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->code, errc::overflow);
  EXPECT_EQ(c.claims().size(), 1u);
}

TEST(collection_case, closes_itself_when_settled_and_refuses_to_close_with_money_open) {
  collection_case c = two_invoices();
  EXPECT_EQ(c.try_apply({day("2025-02-01"), case_closed{}})->code, errc::case_not_settled);
  c.apply({day("2025-02-20"), written_off{write_off_reason::uncollectible, "", std::nullopt}});
  EXPECT_EQ(c.state(), case_state::closed);
  EXPECT_EQ(c.outcome(), case_outcome::written_off_uncollectible);
}

}  // namespace
}  // namespace arrears
