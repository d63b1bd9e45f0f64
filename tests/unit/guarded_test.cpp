// guarded<P>: compliance guards that veto or postpone another policy's action.

#include <arrears/core/calendar.hpp>
#include <arrears/policy/any_policy.hpp>
#include <arrears/policy/guarded.hpp>
#include <arrears/policy/rule_table.hpp>

#include <gtest/gtest.h>

#include "support/case_builder.hpp"
#include "support/error_code_of.hpp"

#include <memory>
#include <string>

namespace arrears {
namespace {

using namespace arrears::testing;

/// A policy that decides whatever the test asks, with one reason of its own.
struct fixed_policy {
  decision planned;
  decision decide(const facts& f) const {
    decision d = planned;
    d.currency = f.currency;
    if (d.reasons.empty()) d.add_reason("test.planned");
    return d;
  }
};

static_assert(policy<guarded<fixed_policy>>);
static_assert(reusing_policy<guarded<fixed_policy>>);
static_assert(reusing_policy<guarded<any_policy>>);
static_assert(reusing_policy<guarded<rule_table>>);
static_assert(reusing_policy<guarded<guarded<any_policy>>>);

decision planned(action kind) {
  decision d;
  d.kind = kind;
  d.next_review = day("2026-03-16");
  return d;
}

decision planned_dunning(action kind, std::string_view amount) {
  decision d = planned(kind);
  d.parameters.amount = eur(amount);
  d.parameters.deadline = day("2026-03-16");
  return d;
}

/// Monday 2 March 2026: a business day, nothing disputed, no contacts yet.
facts monday() {
  facts f;
  f.case_id = "C-1";
  f.today = day("2026-03-02");
  f.currency = currency::from_code("EUR");
  f.days_overdue = 20;
  f.open_amount = eur("500.00");
  f.overdue_amount = eur("500.00");
  f.undisputed_amount = eur("500.00");
  f.dunnable_amount = eur("500.00");
  f.disputed_amount = eur("0.00");
  f.relationship_value = eur("0.00");
  f.interest_due = eur("0.00");
  f.costs_due = eur("0.00");
  return f;
}

decision guard(const decision& plan, const facts& f, guard_rules rules = {}) {
  return guarded<fixed_policy>(fixed_policy{plan}, std::move(rules)).decide(f);
}

std::int64_t fact_value(const decision_reason& reason, std::string_view name) {
  const fact_index index = *find_fact(name);
  for (const auto& reading : reason.facts)
    if (reading.fact == index) return reading.value;
  ADD_FAILURE() << reason.rule << " did not record " << name;
  return -1;
}

TEST(guarded, lets_an_allowed_decision_through_unchanged) {
  const decision plan = planned_dunning(action::remind, "500.00");
  const decision d = guard(plan, monday());
  EXPECT_EQ(d, fixed_policy{plan}.decide(monday()));
}

TEST(guarded, composes_as_a_policy_and_names_its_inner_policy) {
  const any_policy inner(fixed_policy{planned(action::call)}, "house");
  const any_policy outer{guarded<any_policy>(inner)};
  EXPECT_EQ(outer.name(), "guarded(house)");
  facts sunday = monday();
  sunday.today = day("2026-03-01");
  EXPECT_EQ(outer.decide(sunday).kind, action::hold);
  EXPECT_EQ(guarded<fixed_policy>(fixed_policy{}).name(), "guarded(custom)");
}

TEST(guarded, decide_into_a_reused_decision_gives_the_same_decision_as_decide) {
  const guarded<any_policy> policy(any_policy(fixed_policy{planned(action::call)}));
  facts f = monday();
  f.contacts_last_7_days = 3;
  decision reused;
  for (int round = 0; round < 3; ++round) {
    reused.clear();
    policy.decide_into(f, reused);
    EXPECT_EQ(reused, policy.decide(f));
  }
}

// --- contact cap ----------------------------------------------------------------------------

TEST(guarded, contact_cap_vetoes_a_fourth_contact_in_seven_days) {
  facts f = monday();
  f.contacts_last_7_days = 3;
  const decision d = guard(planned_dunning(action::send_formal_notice, "500.00"), f);
  EXPECT_EQ(d.kind, action::hold);
  EXPECT_EQ(d.parameters, action_parameters{});
  EXPECT_EQ(d.next_review, day("2026-03-03"));
  ASSERT_EQ(d.reasons.size(), 2u);
  EXPECT_EQ(d.reasons[0].rule, "test.planned");
  EXPECT_EQ(d.reasons[1].rule, "guard.contact_cap");
  EXPECT_EQ(d.reasons[1].note,
            "vetoed send_formal_notice of 500.00 EUR with deadline 2026-03-16: 3 contacts in the "
            "7 days up to 2026-03-02 (cap 3); look again on 2026-03-03");
  ASSERT_EQ(d.reasons[1].facts.size(), 1u);
  EXPECT_EQ(fact_value(d.reasons[1], "contacts_last_7_days"), 3);
  EXPECT_EQ(d.currency, currency::from_code("EUR"));
}

TEST(guarded, contact_cap_allows_contacts_below_the_cap) {
  facts f = monday();
  f.contacts_last_7_days = 2;
  EXPECT_EQ(guard(planned(action::call), f).kind, action::call);
}

TEST(guarded, contact_cap_is_configurable_and_can_be_switched_off) {
  facts f = monday();
  f.contacts_last_7_days = 3;
  guard_rules five;
  five.contact_cap = 5;
  EXPECT_EQ(guard(planned(action::call), f, five).kind, action::call);
  f.contacts_last_7_days = 5;
  EXPECT_EQ(guard(planned(action::call), f, five).kind, action::hold);
  guard_rules off;
  off.cap_contacts = false;
  EXPECT_EQ(guard(planned(action::call), f, off).kind, action::call);
}

TEST(guarded, contact_cap_does_not_hold_actions_that_do_not_contact_the_debtor) {
  facts f = monday();
  f.contacts_last_7_days = 9;
  EXPECT_EQ(guard(planned_dunning(action::escalate_agency, "500.00"), f).kind,
            action::escalate_agency);
  EXPECT_EQ(guard(planned(action::issue_credit_note), f).kind, action::issue_credit_note);
}

TEST(guarded, contact_cap_review_skips_a_sunday) {
  facts f = monday();
  f.today = day("2026-03-07");  // Saturday: contact allowed, but the cap is reached
  f.contacts_last_7_days = 3;
  const decision d = guard(planned(action::call), f);
  EXPECT_EQ(d.kind, action::hold);
  EXPECT_EQ(d.next_review, day("2026-03-09"));
}

TEST(guarded, rejects_a_contact_cap_below_one) {
  guard_rules rules;
  rules.contact_cap = 0;
  EXPECT_EQ(error_code_of([&] { (void)guarded<fixed_policy>(fixed_policy{}, rules); }),
            errc::invalid_argument);
  rules.cap_contacts = false;
  EXPECT_EQ(error_code_of([&] { (void)guarded<fixed_policy>(fixed_policy{}, rules); }), errc::ok);
}

// --- quiet days -----------------------------------------------------------------------------

TEST(guarded, postpones_contact_on_a_sunday_to_monday) {
  facts f = monday();
  f.today = day("2026-03-01");
  const decision d = guard(planned(action::call), f);
  EXPECT_EQ(d.kind, action::hold);
  EXPECT_EQ(d.next_review, day("2026-03-02"));
  ASSERT_EQ(d.reasons.size(), 2u);
  EXPECT_EQ(d.reasons[1].rule, "guard.quiet_day");
  EXPECT_EQ(d.reasons[1].note,
            "postponed call: 2026-03-01 is a Sunday; no contact before 2026-03-02");
}

TEST(guarded, postpones_contact_on_a_dutch_public_holiday_to_the_next_business_day) {
  facts f = monday();
  f.today = day("2026-04-06");  // Easter Monday
  const decision d = guard(planned_dunning(action::remind, "500.00"), f);
  EXPECT_EQ(d.kind, action::hold);
  EXPECT_EQ(d.next_review, day("2026-04-07"));
  EXPECT_EQ(d.reasons.back().note,
            "postponed remind of 500.00 EUR with deadline 2026-03-16: 2026-04-06 is a public "
            "holiday; no contact before 2026-04-07");
  f.today = day("2026-04-27");  // King's Day
  EXPECT_EQ(guard(planned(action::call), f).next_review, day("2026-04-28"));
}

TEST(guarded, saturday_is_a_contact_day_unless_configured_otherwise) {
  facts f = monday();
  f.today = day("2026-04-03");  // Good Friday
  EXPECT_EQ(guard(planned(action::call), f).next_review, day("2026-04-04"));
  f.today = day("2026-03-07");
  EXPECT_EQ(guard(planned(action::call), f).kind, action::call);
  guard_rules no_saturday;
  no_saturday.contact_on_saturday = false;
  EXPECT_EQ(guard(planned(action::call), f, no_saturday).next_review, day("2026-03-09"));
  // Good Friday, Saturday, Easter Sunday and Easter Monday are all quiet.
  f.today = day("2026-04-03");
  EXPECT_EQ(guard(planned(action::call), f, no_saturday).next_review, day("2026-04-07"));
}

TEST(guarded, quiet_days_follow_the_calendar_it_is_given) {
  /// Only 2 March 2026 is a holiday.
  struct one_holiday final : business_calendar {
    bool is_holiday(date d) const override { return d == date(2026, 3, 2); }
  };
  guard_rules rules;
  rules.calendar = std::make_shared<one_holiday>();
  EXPECT_EQ(guard(planned(action::call), monday(), rules).next_review, day("2026-03-03"));
  facts easter_monday = monday();
  easter_monday.today = day("2026-04-06");
  rules.calendar = std::make_shared<weekend_calendar>();
  EXPECT_EQ(guard(planned(action::call), easter_monday, rules).kind, action::call);
}

TEST(guarded, quiet_days_can_be_switched_off) {
  facts f = monday();
  f.today = day("2026-03-01");
  guard_rules rules;
  rules.quiet_days = false;
  EXPECT_EQ(guard(planned(action::call), f, rules).kind, action::call);
}

TEST(guarded, needs_a_date_to_judge_a_contact) {
  facts f = monday();
  f.today = date();
  EXPECT_EQ(error_code_of([&] { (void)guard(planned(action::call), f); }), errc::invalid_argument);
  EXPECT_EQ(error_code_of([&] { (void)guard(planned(action::issue_credit_note), f); }), errc::ok);
}

// --- disputed money ---------------------------------------------------------------------------

TEST(guarded, cuts_a_dunning_amount_down_to_what_is_dunnable) {
  facts f = monday();
  f.disputed_amount = eur("200.00");
  f.undisputed_amount = eur("300.00");
  f.dunnable_amount = eur("300.00");
  const decision d = guard(planned_dunning(action::remind, "500.00"), f);
  EXPECT_EQ(d.kind, action::remind);
  EXPECT_EQ(d.parameters.amount, eur("300.00"));
  EXPECT_EQ(d.parameters.deadline, day("2026-03-16"));
  EXPECT_EQ(d.next_review, day("2026-03-16"));
  ASSERT_EQ(d.reasons.size(), 2u);
  EXPECT_EQ(d.reasons[1].rule, "guard.disputed_amount");
  EXPECT_EQ(d.reasons[1].note,
            "cut the amount of remind from 500.00 EUR to 300.00 EUR, what may be dunned today "
            "(disputed 200.00 EUR)");
  EXPECT_EQ(fact_value(d.reasons[1], "dunnable_amount"), 30000);
  EXPECT_EQ(fact_value(d.reasons[1], "disputed_amount"), 20000);
}

TEST(guarded, vetoes_dunning_when_all_the_money_is_disputed) {
  facts f = monday();
  f.disputed_amount = eur("500.00");
  f.undisputed_amount = eur("0.00");
  f.dunnable_amount = eur("0.00");
  const decision d = guard(planned_dunning(action::send_formal_notice, "500.00"), f);
  EXPECT_EQ(d.kind, action::hold);
  EXPECT_EQ(d.parameters, action_parameters{});
  EXPECT_EQ(d.next_review, day("2026-03-03"));
  ASSERT_EQ(d.reasons.size(), 2u);  // no contact guard on top of the hold
  EXPECT_EQ(d.reasons[1].note,
            "vetoed send_formal_notice of 500.00 EUR with deadline 2026-03-16: nothing can be "
            "dunned (dunnable 0.00 EUR, disputed 500.00 EUR); look again on 2026-03-03");
  // Escalation without an amount is dunning too.
  EXPECT_EQ(guard(planned(action::escalate_agency), f).kind, action::hold);
}

TEST(guarded, leaves_amounts_within_the_dunnable_amount_and_non_dunning_actions_alone) {
  facts f = monday();
  f.disputed_amount = eur("200.00");
  f.dunnable_amount = eur("300.00");
  EXPECT_EQ(guard(planned_dunning(action::remind, "300.00"), f).parameters.amount, eur("300.00"));
  EXPECT_EQ(guard(planned(action::escalate_agency), f).parameters.amount, std::nullopt);
  f.dunnable_amount = eur("0.00");
  const decision credit = guard(planned_dunning(action::issue_credit_note, "200.00"), f);
  EXPECT_EQ(credit.kind, action::issue_credit_note);
  EXPECT_EQ(credit.parameters.amount, eur("200.00"));
}

TEST(guarded, disputed_guard_can_be_switched_off) {
  facts f = monday();
  f.dunnable_amount = eur("0.00");
  guard_rules rules;
  rules.protect_disputed = false;
  EXPECT_EQ(guard(planned_dunning(action::remind, "500.00"), f, rules).kind, action::remind);
}

// --- consumer costs ---------------------------------------------------------------------------

decision notice_with_costs() {
  decision d = planned_dunning(action::send_formal_notice, "500.00");
  d.parameters.costs = eur("75.00");
  return d;
}

TEST(guarded, strips_costs_for_a_consumer_before_the_fourteen_day_letter_expired) {
  facts f = monday();
  f.debtor_kind = debtor_kind::consumer;
  f.fourteen_day_letter_sent = true;
  const decision d = guard(notice_with_costs(), f);
  EXPECT_EQ(d.kind, action::send_formal_notice);
  EXPECT_EQ(d.parameters.costs, std::nullopt);
  EXPECT_EQ(d.parameters.amount, eur("500.00"));
  ASSERT_EQ(d.reasons.size(), 2u);
  EXPECT_EQ(d.reasons[1].rule, "guard.consumer_costs");
  EXPECT_EQ(d.reasons[1].note,
            "removed costs 75.00 EUR from send_formal_notice: a consumer may be charged "
            "collection costs only after the 14-day letter expired");
  EXPECT_EQ(fact_value(d.reasons[1], "debtor_kind"), static_cast<int>(debtor_kind::consumer));
  EXPECT_EQ(fact_value(d.reasons[1], "fourteen_day_letter_expired"), 0);
}

TEST(guarded, keeps_costs_once_the_law_allows_them) {
  facts f = monday();
  f.debtor_kind = debtor_kind::consumer;
  f.fourteen_day_letter_expired = true;
  EXPECT_EQ(guard(notice_with_costs(), f).parameters.costs, eur("75.00"));
  f.fourteen_day_letter_expired = false;
  f.costs_allowed = true;  // a jurisdiction without a 14-day letter, in default
  EXPECT_EQ(guard(notice_with_costs(), f).parameters.costs, eur("75.00"));
  facts business = monday();
  EXPECT_EQ(guard(notice_with_costs(), business).parameters.costs, eur("75.00"));
  guard_rules off;
  off.consumer_costs_notice = false;
  f.costs_allowed = false;
  EXPECT_EQ(guard(notice_with_costs(), f, off).parameters.costs, eur("75.00"));
}

// --- limitation -------------------------------------------------------------------------------

TEST(guarded, vetoes_legal_action_on_a_time_barred_claim) {
  facts f = monday();
  f.days_to_limitation = -12;
  const decision d = guard(planned_dunning(action::start_legal, "500.00"), f);
  EXPECT_EQ(d.kind, action::none);
  EXPECT_EQ(d.parameters, action_parameters{});
  EXPECT_EQ(d.next_review, day("2026-03-16"));  // the inner policy's review stays
  ASSERT_EQ(d.reasons.size(), 2u);
  EXPECT_EQ(d.reasons[1].rule, "guard.limitation");
  EXPECT_EQ(d.reasons[1].note,
            "vetoed start_legal of 500.00 EUR with deadline 2026-03-16: a claim is time-barred "
            "(limitation ran out 12 days ago); a court will not enforce it, so write the barred "
            "claim off or settle it first");
  EXPECT_EQ(fact_value(d.reasons[1], "days_to_limitation"), -12);
}

TEST(guarded, allows_legal_action_up_to_the_last_day_of_limitation) {
  facts f = monday();
  f.days_to_limitation = 0;
  EXPECT_EQ(guard(planned(action::start_legal), f).kind, action::start_legal);
  f.days_to_limitation = -1;
  guard_rules off;
  off.respect_limitation = false;
  EXPECT_EQ(guard(planned(action::start_legal), f, off).kind, action::start_legal);
}

TEST(guarded, apply_guards_works_on_any_decision) {
  facts f = monday();
  f.today = day("2026-03-01");
  decision d = planned(action::remind);
  apply_guards(guard_rules{}, f, d);
  EXPECT_EQ(d.kind, action::hold);
  ASSERT_EQ(d.reasons.size(), 1u);
  EXPECT_EQ(d.reasons[0].rule, "guard.quiet_day");
}

}  // namespace
}  // namespace arrears
