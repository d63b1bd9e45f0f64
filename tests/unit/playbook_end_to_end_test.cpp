// The playbook end to end, as users run it: a case built from events, facts derived on a day
// under the Dutch law pack, the playbook's decision, and the event that carrying it out
// records, day after day along the decisions' review dates.

#include <arrears/law/jurisdiction.hpp>
#include <arrears/model/collection_case.hpp>
#include <arrears/policy/derive_facts.hpp>
#include <arrears/policy/playbook.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "support/case_builder.hpp"

namespace arrears {
namespace {

using namespace arrears::testing;

debtor_profile consumer_debtor() {
  debtor_profile d;
  d.id = "D-2";
  d.name = "J. Jansen";
  d.kind = debtor_kind::consumer;
  d.relationship_value = eur("0.00");
  return d;
}

/// One decision taken on a day, with the facts it was taken on.
struct step {
  date on;
  facts seen;
  decision taken;
};

/// Runs a case under the playbook: decides on a day and records what carrying the decision
/// out means (a reminder sent, a letter posted: the explanation and the arrangement
/// confirmation too, a hand-over, ...). Calls are not reached unless a test logs one itself.
class playbook_run {
 public:
  explicit playbook_run(collection_case c, playbook_parameters p = {})
      : case_(std::move(c)), policy_(p), law_(make_jurisdiction("nl")) {}

  collection_case& the_case() { return case_; }
  const std::vector<step>& steps() const { return steps_; }

  /// Decides on `today`, carries the decision out and returns it.
  const decision& on(date today) {
    facts seen = derive_facts(case_, today, context());
    decision d = policy_.decide(seen);
    if (charge_costs_on_hand_over(d, seen, today)) d = policy_.decide(seen);
    carry_out(d, today);
    steps_.push_back({today, seen, std::move(d)});
    return steps_.back().taken;
  }

  /// Follows the review dates from `from` until `until` (inclusive) or until the case
  /// closes.
  void follow(date from, date until) {
    date today = from;
    while (today <= until) {
      const decision& d = on(today);
      if (!d.next_review) return;
      today = *d.next_review;
    }
  }

  [[nodiscard]] facts facts_on(date today) const { return derive_facts(case_, today, context()); }

  /// The actions taken, in order, leaving out days that only waited.
  [[nodiscard]] std::vector<action> actions() const {
    std::vector<action> out;
    for (const auto& s : steps_)
      if (s.taken.kind != action::none) out.push_back(s.taken.kind);
    return out;
  }

 private:
  [[nodiscard]] facts_context context() const {
    facts_context context;
    context.law = law_.get();
    return context;
  }

  /// The caller's part: collection costs are charged (by the law pack: NL the BIK scale over
  /// the principal dunned) when a case is handed over, if the law allows them by then; the
  /// facts are derived again so that the hand-over claims them.
  bool charge_costs_on_hand_over(const decision& d, facts& seen, date today) {
    if (d.kind != action::escalate_agency && d.kind != action::start_legal) return false;
    if (!seen.costs_allowed || costs_charged_) return false;
    costs_request request;
    for (const auto& balance : case_.claims())
      if (balance.is_overdue_on(today) && balance.undisputed().is_positive())
        request.claims.push_back(balance.undisputed());
    request.debtor = seen.debtor_kind;
    request.on = today;
    const costs_result costs = law_->collection_costs(request);
    case_.apply({today, costs_charged{costs.total, costs.basis}, "law"});
    costs_charged_ = true;
    seen = derive_facts(case_, today, context());
    return true;
  }

  void carry_out(const decision& d, date today) {
    const auto& p = d.parameters;
    switch (d.kind) {
      case action::remind:
        case_.apply({today, reminder_sent{p.reminder_level, *p.channel}, "policy"});
        break;
      case action::call:
        case_.apply({today, call_logged{false, std::nullopt}, "policy"});
        break;
      case action::courtesy_call:
        case_.apply({today, call_logged{true, std::nullopt}, "policy"});
        break;
      case action::send_fourteen_day_letter:
      case action::send_formal_notice:
      case action::explain_position:
      case action::propose_arrangement:
      case action::confirm_arrangement:
        case_.apply({today, letter_sent{*p.letter, *p.channel}, "policy"});
        break;
      case action::issue_credit_note: {
        std::string against;
        for (const auto& balance : case_.claims())
          if (balance.awaiting_credit.is_positive()) against = balance.invoice.id;
        claim note =
            invoice("CN-" + std::to_string(steps_.size()), "2025-01-01", "2025-01-01", "0.01");
        note.kind = claim_kind::credit_note;
        note.issue_date = note.due_date = today;
        note.amount = *p.amount;
        case_.apply({today, credit_note_issued{note, against}, "policy"});
        break;
      }
      case action::write_off_goodwill:
        waive_invalid_claims(*p.amount, today);
        break;
      case action::write_off_uncollectible:
        case_.apply({today, written_off{write_off_reason::uncollectible, "", p.amount}, "policy"});
        break;
      case action::escalate_agency:
        case_.apply({today, handed_to_agency{"Incasso B.V."}, "policy"});
        break;
      case action::start_legal:
        case_.apply({today, legal_started{"ROLL-1"}, "policy"});
        break;
      case action::suppress_marketing:
        case_.apply({today, marketing_suppressed{}, "policy"});
        break;
      case action::reactivate_marketing:
        case_.apply({today, marketing_reactivated{}, "policy"});
        break;
      default:  // none, hold, investigate_dispute: no event
        break;
    }
  }

  /// Goodwill is for the claims whose complaint was found invalid: the caller writes the
  /// amount off against those, never against the case as a whole.
  void waive_invalid_claims(money amount, date today) {
    std::vector<std::pair<std::string, money>> waived;
    for (const auto& balance : case_.claims()) {
      if (balance.last_verdict != verdict::invalid || balance.dispute_open) continue;
      const money part = std::min(amount, balance.open);
      if (!part.is_positive()) continue;
      waived.emplace_back(balance.invoice.id, part);
      amount -= part;
    }
    EXPECT_TRUE(amount.is_zero()) << "goodwill of more than the invalid claims hold";
    for (const auto& [claim_id, part] : waived)
      case_.apply({today, written_off{write_off_reason::goodwill, claim_id, part}, "policy"});
  }

  collection_case case_;
  playbook policy_;
  std::unique_ptr<jurisdiction> law_;
  std::vector<step> steps_;
  bool costs_charged_ = false;
};

/// The first step that took `kind`; fails the test when there is none.
const step& first(const playbook_run& run, action kind) {
  for (const auto& s : run.steps())
    if (s.taken.kind == kind) return s;
  ADD_FAILURE() << "no step took " << action_name(kind);
  return run.steps().front();
}

/// A case with one invoice: issued 2025-01-01, due 2025-01-31.
collection_case one_invoice(debtor_profile debtor, std::string_view amount = "1000.00") {
  collection_case c("C-1");
  c.apply({day("2025-01-01"), debtor_updated{std::move(debtor)}, "ledger"});
  c.apply({day("2025-01-01"), claim_added{invoice("INV-1", "2025-01-01", "2025-01-31", amount)},
           "ledger"});
  return c;
}

TEST(playbook_end_to_end, a_forgetful_payer_is_reminded_pays_and_is_welcome_again) {
  playbook_run run(one_invoice(business_debtor()));
  decision d = run.on(day("2025-01-10"));
  EXPECT_EQ(d.kind, action::none) << "not yet due";
  EXPECT_EQ(d.next_review, day("2025-02-03")) << "three days after the due date";

  d = run.on(day("2025-02-03"));
  ASSERT_EQ(d.kind, action::remind);
  EXPECT_EQ(d.parameters.amount, eur("1000.00"));
  EXPECT_EQ(d.parameters.deadline, day("2025-02-13"));
  EXPECT_EQ(run.the_case().dunning().reminders_sent, 1);

  d = run.on(*d.next_review);
  EXPECT_EQ(d.kind, action::suppress_marketing) << "the first quiet day";
  EXPECT_EQ(run.the_case().debtor().marketing, marketing_status::suppressed);

  run.the_case().apply({day("2025-02-06"), payment_received{eur("1000.00"), {}, "bank"}});
  EXPECT_TRUE(run.the_case().is_closed());
  d = run.on(day("2025-02-06"));
  EXPECT_EQ(d.kind, action::reactivate_marketing);
  EXPECT_EQ(run.the_case().debtor().marketing, marketing_status::active);
  d = run.on(day("2025-02-07"));
  EXPECT_EQ(d.kind, action::none);
  EXPECT_FALSE(d.next_review);
}

TEST(playbook_end_to_end, a_consumer_gets_the_fourteen_day_letter_and_costs_only_after_it_expired) {
  playbook_run run(one_invoice(consumer_debtor()));
  run.follow(day("2025-02-01"), day("2025-12-31"));
  const std::vector<action> want{
      action::suppress_marketing,       action::remind,         action::call, action::remind,
      action::send_fourteen_day_letter, action::escalate_agency};
  EXPECT_EQ(run.actions(), want);

  std::optional<date> letter_on, expired_on;
  for (const auto& s : run.steps()) {
    if (s.taken.kind == action::send_fourteen_day_letter) letter_on = s.on;
    if (!expired_on && s.seen.fourteen_day_letter_expired) expired_on = s.on;
    if (!s.seen.fourteen_day_letter_expired) {
      EXPECT_FALSE(s.seen.costs_allowed) << to_iso(s.on);
      EXPECT_FALSE(s.taken.parameters.costs) << to_iso(s.on) << " " << action_name(s.taken.kind);
      EXPECT_TRUE(s.seen.costs_due.is_zero()) << "no costs charged before the letter expired";
    }
  }
  ASSERT_TRUE(letter_on && expired_on);
  EXPECT_GE(*expired_on - *letter_on, days(16)) << "delivery plus fourteen days";
  const step& hand_over = first(run, action::escalate_agency);
  EXPECT_EQ(hand_over.taken.parameters.costs, eur("150.00")) << "BIK 15 % of 1000.00";
  EXPECT_EQ(hand_over.taken.parameters.amount, eur("1150.00"));
  EXPECT_EQ(run.the_case().state(), case_state::with_agency);
}

TEST(playbook_end_to_end, a_business_is_handed_over_after_two_reminders_and_a_call) {
  debtor_profile debtor = business_debtor();
  debtor.relationship_value = eur("200.00");
  playbook_run run(one_invoice(debtor, "3000.00"));
  run.follow(day("2025-02-01"), day("2025-12-31"));
  const std::vector<action> want{action::suppress_marketing, action::remind, action::call,
                                 action::remind, action::escalate_agency};
  EXPECT_EQ(run.actions(), want);
  const step& hand_over = first(run, action::escalate_agency);
  EXPECT_TRUE(hand_over.seen.costs_allowed) << "a business owes costs from default";
  EXPECT_TRUE(hand_over.taken.parameters.costs);
}

TEST(playbook_end_to_end, cannot_pay_gets_an_arrangement_and_no_reminders_until_it_is_paid) {
  playbook_run run(one_invoice(business_debtor()));
  ASSERT_EQ(run.on(day("2025-02-03")).kind, action::remind);
  run.the_case().apply({day("2025-02-05"), call_logged{true, reason::cannot_pay}, "desk"});

  const decision proposal = run.on(day("2025-02-05"));
  ASSERT_EQ(proposal.kind, action::propose_arrangement);
  ASSERT_EQ(proposal.parameters.instalments.size(), 3u);
  run.the_case().apply(
      {day("2025-02-07"), arrangement_agreed{proposal.parameters.instalments}, "desk"});

  // The debtor pays each instalment on its day; the playbook looks along its review dates.
  const auto schedule = proposal.parameters.instalments;
  date today = day("2025-02-07");
  std::size_t paid = 0;
  while (!run.the_case().is_closed() && today <= day("2025-12-31")) {
    for (; paid < schedule.size() && schedule[paid].due <= today; ++paid)
      run.the_case().apply({schedule[paid].due,
                            instalment_paid{static_cast<int>(paid) + 1, schedule[paid].amount},
                            "bank"});
    const decision d = run.on(today);
    EXPECT_NE(d.kind, action::remind) << to_iso(today);
    EXPECT_NE(d.kind, action::call) << to_iso(today);
    EXPECT_NE(d.kind, action::send_fourteen_day_letter) << to_iso(today);
    if (!d.next_review) break;
    today = *d.next_review;
  }
  EXPECT_TRUE(run.the_case().is_closed());

  // Confirmed in writing once, on the day it was agreed, by post (1000.00 is no costly case).
  const step& confirmation = first(run, action::confirm_arrangement);
  EXPECT_EQ(confirmation.on, day("2025-02-07"));
  EXPECT_EQ(confirmation.taken.parameters.letter, letter_kind::arrangement_confirmation);
  EXPECT_EQ(confirmation.taken.parameters.channel, channel::post);
  const std::vector<action> actions = run.actions();
  EXPECT_EQ(std::count(actions.begin(), actions.end(), action::confirm_arrangement), 1);
  EXPECT_EQ(run.the_case().last_letter_on(letter_kind::arrangement_confirmation),
            day("2025-02-07"));
  // Each instalment is looked at on the day after it fell due, whatever the weekly rhythm.
  for (const auto& part : schedule) {
    const bool looked = std::any_of(run.steps().begin(), run.steps().end(),
                                    [&](const step& s) { return s.on == part.due + days(1); });
    EXPECT_TRUE(looked || part.due == schedule.back().due) << to_iso(part.due);
  }
  for (const auto& s : run.steps()) {
    if (s.on > day("2025-02-05")) {
      EXPECT_NE(s.taken.kind, action::remind);
      EXPECT_NE(s.taken.kind, action::send_fourteen_day_letter);
    }
  }
}

TEST(playbook_end_to_end, a_late_instalment_is_nudged_and_repeated_misses_resume_the_ladder) {
  playbook_run run(one_invoice(business_debtor()));
  ASSERT_EQ(run.on(day("2025-02-03")).kind, action::remind);
  run.the_case().apply({day("2025-02-05"), reason_recorded{reason::cannot_pay}, "desk"});
  const decision proposal = run.on(day("2025-02-05"));
  ASSERT_EQ(proposal.kind, action::propose_arrangement);
  const auto schedule = proposal.parameters.instalments;
  run.the_case().apply({day("2025-02-07"), arrangement_agreed{schedule}, "desk"});
  EXPECT_EQ(run.on(day("2025-02-07")).kind, action::confirm_arrangement);

  const date first_due = schedule[0].due;
  EXPECT_EQ(run.on(first_due + days(2)).kind, action::none) << "two days late is tolerated";
  const decision nudge = run.on(first_due + days(3));
  EXPECT_EQ(nudge.kind, action::remind);
  EXPECT_EQ(nudge.reasons.front().rule, "playbook.instalment_nudge");
  EXPECT_EQ(nudge.parameters.reminder_level, 1);
  EXPECT_EQ(nudge.parameters.amount, schedule[0].amount) << "the late instalment";
  EXPECT_EQ(nudge.parameters.deadline, first_due + days(13));

  run.the_case().apply({first_due + days(5), instalment_missed{1}, "desk"});
  run.the_case().apply({schedule[1].due + days(1), instalment_missed{2}, "desk"});
  const date broken_on = schedule[1].due + days(1);
  const decision noticed = playbook().decide(run.facts_on(broken_on));
  EXPECT_EQ(noticed.reasons.front().rule, "playbook.arrangement_broken");
  EXPECT_EQ(noticed.kind, action::remind) << "reminder 1 was sent: the call is skipped";
  EXPECT_EQ(noticed.parameters.reminder_level, 2);

  // The case records the break; the ladder gives the same step, and the reminder is sent.
  run.the_case().apply({broken_on, arrangement_broken{}, "desk"});
  const decision resumed = run.on(broken_on);
  EXPECT_EQ(resumed.kind, action::remind);
  EXPECT_EQ(resumed.parameters.reminder_level, 2);
  EXPECT_EQ(run.the_case().dunning().last_reminder_level, 2);
}

TEST(playbook_end_to_end, a_broken_promise_resumes_the_ladder_one_step_further) {
  playbook_run run(one_invoice(business_debtor()));
  ASSERT_EQ(run.on(day("2025-02-03")).kind, action::remind);
  ASSERT_EQ(run.on(day("2025-02-04")).kind, action::suppress_marketing);
  run.the_case().apply(
      {day("2025-02-10"), promise_made{run.the_case().open_total(), day("2025-02-20")}});
  decision d = run.on(day("2025-02-10"));
  EXPECT_EQ(d.kind, action::hold);
  EXPECT_EQ(d.next_review, day("2025-02-21"));

  run.the_case().apply({day("2025-02-21"), promise_broken{}, "desk"});
  d = run.on(day("2025-02-21"));
  EXPECT_EQ(d.kind, action::remind) << "not the call: one step further";
  EXPECT_EQ(d.parameters.reminder_level, 2);
  EXPECT_EQ(run.the_case().dunning().reminders_sent, 2);
}

TEST(playbook_end_to_end, a_partial_dispute_keeps_the_undisputed_part_in_collection) {
  playbook_run run(one_invoice(business_debtor()));
  ASSERT_EQ(run.on(day("2025-02-03")).kind, action::remind);
  run.the_case().apply(
      {day("2025-02-05"), dispute_opened{"INV-1", eur("300.00"), dispute_category::damaged}});
  run.follow(day("2025-02-05"), day("2025-03-01"));
  bool investigated = false, dunned = false;
  for (const auto& s : run.steps()) {
    if (s.on < day("2025-02-05")) continue;
    if (s.taken.kind == action::investigate_dispute) investigated = true;
    if (is_dunning(s.taken.kind) || s.taken.kind == action::call) {
      dunned = true;
      // The undisputed 700.00 and the costs charged on it; never the disputed 300.00.
      EXPECT_EQ(s.taken.parameters.amount, eur("700.00") + s.seen.costs_due) << to_iso(s.on);
    }
  }
  EXPECT_TRUE(investigated);
  EXPECT_TRUE(dunned) << "the undisputed 700.00 is still collected";

  // The complaint was justified: a credit note for it, then the rest is paid.
  run.the_case().apply(
      {day("2025-03-16"), dispute_resolved{"INV-1", verdict::valid, eur("300.00")}});
  const decision credit = run.on(day("2025-03-16"));
  EXPECT_EQ(credit.kind, action::issue_credit_note);
  EXPECT_EQ(credit.parameters.amount, eur("300.00"));
  EXPECT_EQ(run.the_case().find_claim("INV-1")->open, eur("700.00"));
}

TEST(playbook_end_to_end, an_invalid_complaint_is_explained_then_waived_once_for_a_good_customer) {
  playbook_run run(one_invoice(business_debtor(), "200.00"));  // worth 5000.00
  ASSERT_EQ(run.on(day("2025-02-03")).kind, action::remind);
  run.the_case().apply(
      {day("2025-02-05"), dispute_opened{"INV-1", eur("200.00"), dispute_category::quality}});
  EXPECT_EQ(run.on(day("2025-02-05")).kind, action::suppress_marketing);
  EXPECT_EQ(run.on(day("2025-02-06")).kind, action::investigate_dispute);
  run.the_case().apply(
      {day("2025-02-10"), dispute_resolved{"INV-1", verdict::invalid, eur("0.00")}});

  const decision explain = run.on(day("2025-02-10"));
  ASSERT_EQ(explain.kind, action::explain_position);
  EXPECT_EQ(explain.parameters.amount, eur("200.00"));
  EXPECT_EQ(run.the_case().last_letter_on(letter_kind::position_explanation), day("2025-02-10"));
  const decision waiting = run.on(day("2025-02-11"));
  EXPECT_EQ(waiting.kind, action::none) << "the explanation's deadline runs";
  EXPECT_EQ(waiting.reasons.front().rule, "playbook.await_explanation");

  const decision goodwill = run.on(*explain.next_review);
  EXPECT_EQ(goodwill.kind, action::write_off_goodwill);
  EXPECT_TRUE(run.the_case().is_closed());
  EXPECT_EQ(run.the_case().outcome(), case_outcome::written_off_goodwill);
  EXPECT_EQ(run.on(*explain.next_review + days(1)).kind, action::reactivate_marketing);
}

TEST(playbook_end_to_end, an_invalid_complaint_of_a_small_customer_goes_the_economic_route) {
  debtor_profile debtor = business_debtor();
  debtor.relationship_value = eur("100.00");
  playbook_run run(one_invoice(debtor, "20000.00"));
  ASSERT_EQ(run.on(day("2025-02-03")).kind, action::remind);
  run.the_case().apply(
      {day("2025-02-05"), dispute_opened{"INV-1", eur("20000.00"), dispute_category::quality}});
  run.the_case().apply(
      {day("2025-02-10"), dispute_resolved{"INV-1", verdict::invalid, eur("0.00")}});
  const decision explain = run.on(day("2025-02-10"));
  ASSERT_EQ(explain.kind, action::explain_position);
  EXPECT_EQ(explain.parameters.deadline, day("2025-02-24"));
  const decision next = run.on(day("2025-02-25"));
  const facts seen = run.steps().back().seen;
  EXPECT_GT(seen.legal_net_recovery, seen.agency_net_recovery);
  EXPECT_EQ(next.kind, action::start_legal) << "20000.00: the court beats the agency";
  EXPECT_EQ(run.the_case().state(), case_state::in_legal);
}

TEST(playbook_end_to_end,
     a_call_does_not_replace_the_explanation_and_goodwill_spares_no_other_invoice) {
  collection_case c = one_invoice(business_debtor(), "200.00");  // worth 5000.00
  c.apply({day("2025-01-01"), claim_added{invoice("INV-2", "2025-01-01", "2025-01-31", "300.00")},
           "ledger"});
  playbook_run run(std::move(c));
  ASSERT_EQ(run.on(day("2025-02-03")).kind, action::remind);
  EXPECT_EQ(run.steps().back().taken.parameters.amount, eur("500.00"));
  ASSERT_EQ(run.on(day("2025-02-04")).kind, action::suppress_marketing);
  run.the_case().apply(
      {day("2025-02-05"), dispute_opened{"INV-1", eur("200.00"), dispute_category::quality}});
  // The debtor is reached by phone during the investigation: a contact, not the explanation.
  run.the_case().apply({day("2025-02-06"), call_logged{true, reason::dissatisfied}, "desk"});
  run.the_case().apply(
      {day("2025-02-10"), dispute_resolved{"INV-1", verdict::invalid, eur("0.00")}});

  const decision explain = run.on(day("2025-02-10"));
  ASSERT_EQ(explain.kind, action::explain_position) << "the call explained nothing";
  EXPECT_EQ(explain.parameters.amount, eur("500.00")) << "what is due: both invoices";
  EXPECT_EQ(run.facts_on(day("2025-02-11")).invalid_dispute_amount, eur("200.00"));

  ASSERT_EQ(explain.next_review, day("2025-02-25")) << "the day after the explanation's deadline";
  const decision goodwill = run.on(*explain.next_review);
  ASSERT_EQ(goodwill.kind, action::write_off_goodwill) << goodwill.reasons.front().rule;
  EXPECT_EQ(goodwill.parameters.amount, eur("200.00")) << "the complaint's invoice only";
  EXPECT_EQ(run.the_case().find_claim("INV-1")->open, eur("0.00"));
  EXPECT_EQ(run.the_case().find_claim("INV-2")->open, eur("300.00"));
  EXPECT_FALSE(run.the_case().is_closed());
  EXPECT_EQ(run.the_case().debtor().goodwill_history.size(), 1u);

  // The other invoice is collected as usual: the ladder goes on, one call already made.
  run.follow(*explain.next_review + days(1), day("2025-06-30"));
  bool dunned = false;
  for (const auto& s : run.steps()) {
    if (s.on <= *explain.next_review) continue;
    EXPECT_NE(s.taken.kind, action::write_off_goodwill) << to_iso(s.on);
    if (s.taken.kind == action::remind) {
      dunned = true;
      EXPECT_EQ(s.taken.parameters.amount, eur("300.00") + s.seen.costs_due);
    }
  }
  EXPECT_TRUE(dunned) << "INV-2 is reminded";
}

TEST(playbook_end_to_end, a_costly_arrangement_is_confirmed_by_registered_post) {
  playbook_run run(one_invoice(business_debtor(), "9000.00"));
  ASSERT_EQ(run.on(day("2025-02-03")).kind, action::remind);
  run.the_case().apply({day("2025-02-05"), reason_recorded{reason::cannot_pay}, "desk"});
  const decision proposal = run.on(day("2025-02-05"));
  ASSERT_EQ(proposal.kind, action::propose_arrangement);
  run.the_case().apply(
      {day("2025-02-07"), arrangement_agreed{proposal.parameters.instalments}, "desk"});
  const decision confirmation = run.on(day("2025-02-07"));
  ASSERT_EQ(confirmation.kind, action::confirm_arrangement);
  EXPECT_EQ(confirmation.parameters.channel, channel::registered_post);
  EXPECT_TRUE(run.facts_on(day("2025-02-08")).arrangement_confirmed);
  EXPECT_NE(run.on(day("2025-02-08")).kind, action::confirm_arrangement) << "confirmed once";
}

TEST(playbook_end_to_end, changed_terms_restart_the_clock_and_no_reminder_goes_out_early) {
  collection_case c("C-1");
  c.apply({day("2025-01-01"), debtor_updated{business_debtor()}, "ledger"});
  c.apply({day("2025-01-01"), claim_added{invoice("INV-1", "2025-01-01", "2025-01-15", "500.00")},
           "ledger"});
  playbook_run run(std::move(c));
  ASSERT_EQ(run.on(day("2025-01-18")).kind, action::remind);
  run.the_case().apply(
      {day("2025-01-20"), terms_changed{payment_terms{terms_basis::net, 30}, {}}, "ledger"});
  const decision d = run.on(day("2025-01-20"));
  EXPECT_NE(d.kind, action::remind);
  run.follow(day("2025-01-21"), day("2025-02-02"));
  for (const auto& s : run.steps())
    if (s.on >= day("2025-01-20") && s.on < day("2025-02-03")) {
      EXPECT_NE(s.taken.kind, action::remind) << to_iso(s.on) << ": under the old term";
    }
  const decision first = run.on(day("2025-02-03"));
  EXPECT_EQ(first.kind, action::remind) << "three days after the new due date, 2025-01-31";
  EXPECT_EQ(first.parameters.reminder_level, 1) << "the ladder starts again";
}

}  // namespace
}  // namespace arrears
