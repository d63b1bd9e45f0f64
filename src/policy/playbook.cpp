// The playbook policy. docs/playbook.md is its specification: the steps below are tried in
// the order of its table, and each names the step id it records as the decision's reason.

#include <arrears/core/calendar.hpp>
#include <arrears/core/error.hpp>
#include <arrears/policy/instalment_plan.hpp>
#include <arrears/policy/playbook.hpp>

#include "fact_ids.hpp"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace arrears {
namespace {

// The index of each fact a step reads, found at compile time.
namespace id = detail::fact_id;

using minor_units = std::int64_t;

/// The longest a review is ever put off, so that day counts such as never_days (or a hostile
/// CSV value) never push a date out of range.
constexpr minor_units longest_review_days = 3660;

[[nodiscard]] constexpr int clamp_count(int value, int high) noexcept {
  return std::clamp(value, 0, std::max(high, 0));
}

/// Where a route leads once the ladder (or the amicable track after an invalid complaint)
/// has run out: the rule ids each outcome records.
struct escalation_rules {
  std::string_view legal;
  std::string_view agency;
  std::string_view uncollectible;
  std::string_view note;
};
constexpr escalation_rules ladder_escalation{
    "playbook.start_legal", "playbook.escalate_agency", "playbook.write_off_uncollectible",
    "reminders and calls brought no payment; the route with the best expected net recovery"};
constexpr escalation_rules dispute_escalation{
    "playbook.invalid_dispute_legal", "playbook.invalid_dispute_agency",
    "playbook.invalid_dispute_uncollectible",
    "the complaint was found invalid and explained, the debt is still unpaid, and goodwill "
    "does not apply"};

enum class route : std::uint8_t { legal, agency, write_off };

/// One decision in the making: the parameters, the facts and the decision to fill.
class deciding {
 public:
  deciding(const playbook_parameters& p, const facts& f, decision& out) noexcept
      : p_(p), f_(f), out_(out) {}

  void run() {
    out_.currency = f_.currency;
    if (f_.state == case_state::closed) {
      closed_case();
      return;
    }
    open_case();
    marketing();
    // An open case is always looked at again.
    if (!out_.next_review) out_.next_review = in_days(1);
  }

 private:
  // --- small helpers --------------------------------------------------------------------

  [[nodiscard]] money in_currency(minor_units units) const noexcept {
    return money(units, f_.currency);
  }
  /// The day `count` days after today (0: today), at most ten years ahead.
  [[nodiscard]] date on_day(minor_units count) const {
    if (f_.today.is_special()) return f_.today;
    count = std::clamp<minor_units>(count, 0, longest_review_days);
    const minor_units room = (detail::last_supported_date() - f_.today).days();
    return f_.today + days(static_cast<long>(std::min(count, std::max<minor_units>(room, 0))));
  }
  /// As on_day, but at least tomorrow: reviews and deadlines always lie ahead.
  [[nodiscard]] date in_days(minor_units count) const {
    return on_day(std::max<minor_units>(count, 1));
  }
  /// What may be asked today: the dunnable amount, without collection costs while the law
  /// does not allow them (a consumer before the 14-day letter expired). Never disputed money:
  /// dunnable_amount holds none.
  [[nodiscard]] minor_units askable() const noexcept {
    const minor_units dunnable = f_.dunnable_amount.minor_units();
    const minor_units costs =
        f_.costs_allowed ? 0 : std::max<minor_units>(f_.costs_due.minor_units(), 0);
    return std::max<minor_units>(dunnable - std::min(costs, dunnable), 0);
  }
  /// Sets the amount asked and, only when the law allows them today, the costs claimed.
  void ask(minor_units amount) {
    out_.parameters.amount = in_currency(amount);
    const minor_units costs = f_.costs_due.minor_units();
    if (f_.costs_allowed && costs > 0) out_.parameters.costs = in_currency(std::min(costs, amount));
  }
  decision_reason& because(std::string_view rule, std::initializer_list<fact_index> read,
                           std::string_view note = {}) {
    decision_reason& reason = out_.add_reason(rule);
    for (const fact_index fact : read) record_fact(reason, f_, fact);
    if (!note.empty()) reason.note.assign(note);
    return reason;
  }
  void wait(minor_units review_in_days) {
    out_.kind = action::none;
    out_.next_review = in_days(review_in_days);
  }
  [[nodiscard]] bool is_consumer() const noexcept {
    return f_.debtor_kind == debtor_kind::consumer;
  }
  [[nodiscard]] bool consumer_letter_required() const noexcept {
    return is_consumer() && p_.fourteen_day_letter_for_consumers;
  }
  /// Days from the last contact to the next rung: never before the last reminder's deadline
  /// has passed.
  [[nodiscard]] minor_units step_gap() const noexcept {
    return std::max(p_.days_between_reminders, p_.reminder_deadline_days + 1);
  }

  // --- 1. closed ------------------------------------------------------------------------

  void closed_case() {
    if (f_.marketing_suppressed && p_.reactivate_marketing_on_resolution) {
      out_.kind = action::reactivate_marketing;
      because("playbook.reactivate_marketing", {id::state, id::marketing_suppressed},
              "the case is resolved: the customer is welcome again");
      return;
    }
    out_.kind = action::none;
    because("playbook.closed", {id::state, id::marketing_suppressed});
  }

  // --- open cases, in the order of docs/playbook.md -------------------------------------

  void open_case() {
    if (credit_note()) return;
    if (with_agency_or_in_legal()) return;
    if (limitation_reminder()) return;
    if (promise()) return;
    if (arrangement()) return;
    if (invalid_dispute()) return;
    if (open_dispute()) return;
    if (askable() > 0) {
      collect_undisputed();
      return;
    }
    nothing_overdue();
  }

  // 2. A complaint was found justified: credit it and feed the error back.
  bool credit_note() {
    const minor_units credit = f_.credit_due_amount.minor_units();
    if (credit <= 0) return false;
    out_.kind = action::issue_credit_note;
    out_.parameters.amount = in_currency(credit);
    out_.parameters.letter = letter_kind::credit_note_notice;
    out_.parameters.channel = p_.letter_channel;
    out_.next_review = in_days(1);
    because("playbook.credit_note", {id::credit_due_amount, id::dispute_verdict},
            "internal feedback: report the root cause of this justified complaint by its "
            "dispute category so the error is not repeated");
    return true;
  }

  // 3, 4. The agency or the court acts; the playbook only looks again now and then.
  bool with_agency_or_in_legal() {
    if (f_.state == case_state::with_agency) {
      wait(p_.agency_review_days);
      because("playbook.with_agency", {id::state}, "the collection agency acts");
      return true;
    }
    if (f_.state == case_state::in_legal) {
      wait(p_.legal_review_days);
      because("playbook.in_legal", {id::state}, "the court or bailiff acts");
      return true;
    }
    return false;
  }

  // 5. Never let a claim prescribe silently: a written reminder interrupts (NL 3:317 BW).
  bool limitation_reminder() {
    if (f_.days_to_limitation < 0 || f_.days_to_limitation > p_.limitation_reminder_days)
      return false;
    // A reminder is only possible where undisputed money is dunnable: the model refuses it
    // elsewhere, and a promise or an arrangement already interrupted (acknowledgement).
    if (f_.state != case_state::overdue && f_.state != case_state::in_arrangement) return false;
    const minor_units amount = askable();
    if (amount <= 0 || f_.days_since_reminder < p_.limitation_reminder_repeat_days) return false;
    out_.kind = action::remind;
    out_.parameters.channel = p_.letter_channel;  // written, on paper
    out_.parameters.reminder_level = std::max(1, f_.last_reminder_level);
    out_.parameters.deadline = in_days(p_.reminder_deadline_days);
    ask(amount);
    out_.next_review = in_days(1);
    because("playbook.limitation_reminder",
            {id::days_to_limitation, id::days_since_reminder, id::dunnable_amount,
             id::last_reminder_level},
            "a claim would prescribe soon: a written reminder interrupts limitation; it repeats "
            "the current reminder level and does not move the ladder");
    return true;
  }

  // 6, 7. A promise pauses dunning until its date; a promise whose date passed unpaid resumes
  // the ladder one step further.
  bool promise() {
    if (!f_.promise_active) return false;
    if (f_.days_until_promise >= 0) {
      out_.kind = action::hold;
      out_.parameters.deadline = on_day(f_.days_until_promise);
      out_.next_review =
          in_days(static_cast<minor_units>(f_.days_until_promise) + p_.promise_grace_days);
      because("playbook.promise_running", {id::promise_active, id::days_until_promise},
              "the debtor promised to pay by this date; dunning pauses until then");
      return true;
    }
    if (askable() <= 0) return false;
    ladder(1, true, "playbook.promise_broken",
           "the promise date passed unpaid (record promise_broken): the ladder resumes one step "
           "further");
    return true;
  }

  // 8-11. A running arrangement: too many misses break it and the ladder resumes one step
  // further; otherwise confirm it in writing first, nudge a late instalment, and look again
  // on the day after the next instalment falls due.
  bool arrangement() {
    if (!f_.arrangement_active) return false;
    if (f_.instalments_missed >= p_.missed_instalments_to_break) {
      if (askable() <= 0) return false;
      ladder(1, true, "playbook.arrangement_broken",
             "too many instalments missed (record arrangement_broken): the ladder resumes one "
             "step further");
      return true;
    }
    // Confirming a plan already broken would contradict the ladder resuming, hence after
    // the break and before anything else.
    if (p_.confirm_arrangements && !f_.arrangement_confirmed) {
      confirm_arrangement();
      return true;
    }
    const int late = f_.days_instalment_overdue;
    if (late > 0 && late >= p_.instalment_nudge_after_days &&
        f_.days_since_reminder >= p_.days_between_nudges) {
      out_.kind = action::remind;
      out_.parameters.channel = p_.reminder_channel;
      // A friendly nudge repeats the current level: it is not a step up the ladder.
      out_.parameters.reminder_level = std::max(1, f_.last_reminder_level);
      out_.parameters.deadline = in_days(p_.reminder_deadline_days);
      // It asks for the late instalment only, never for more than may be dunned today.
      const minor_units instalment = std::min(f_.instalment_due_amount.minor_units(), askable());
      if (instalment > 0) out_.parameters.amount = in_currency(instalment);
      out_.next_review = in_days(p_.days_between_nudges);
      because("playbook.instalment_nudge",
              {id::arrangement_active, id::days_instalment_overdue, id::instalment_due_amount,
               id::instalments_missed, id::days_since_reminder},
              "an instalment is late: a friendly nudge about the unpaid instalment");
      return true;
    }
    if (late > 0) {
      wait(std::max<minor_units>(p_.instalment_nudge_after_days - late,
                                 static_cast<minor_units>(p_.days_between_nudges) -
                                     std::min(f_.days_since_reminder, p_.days_between_nudges)));
    } else {
      minor_units review = p_.arrangement_review_days;
      // The day after the next instalment falls due is when it is known whether it was paid.
      if (f_.days_until_instalment >= 0 && f_.days_until_instalment < never_days)
        review =
            std::min<minor_units>(review, static_cast<minor_units>(f_.days_until_instalment) + 1);
      wait(review);
    }
    because("playbook.arrangement_running", {id::arrangement_active, id::days_instalment_overdue,
                                             id::days_until_instalment, id::instalments_missed});
    return true;
  }

  // 9. "Confirm every arrangement in writing (for costly disputes: registered mail)."
  void confirm_arrangement() {
    const minor_units amount = askable();
    out_.kind = action::confirm_arrangement;
    out_.parameters.letter = letter_kind::arrangement_confirmation;
    out_.parameters.channel = amount > p_.registered_confirmation_above_minor
                                  ? channel::registered_post
                                  : p_.letter_channel;
    if (amount > 0) out_.parameters.amount = in_currency(amount);
    out_.next_review = in_days(1);
    because("playbook.confirm_arrangement",
            {id::arrangement_active, id::arrangement_confirmed, id::instalments_missed,
             id::dunnable_amount},
            "the arrangement was agreed: confirm it in writing (record letter_sent "
            "arrangement_confirmation), by registered post when much is at stake");
  }

  // 12-17. An invalid complaint: explain once, then goodwill or the route the economics favour.
  bool invalid_dispute() {
    if (f_.dispute_verdict != dispute_verdict::invalid) return false;
    const minor_units amount = askable();
    if (amount <= 0) return false;
    if (!position_explained()) {
      out_.kind = action::explain_position;
      out_.parameters.letter = letter_kind::position_explanation;
      out_.parameters.channel = p_.letter_channel;
      out_.parameters.deadline = in_days(p_.explain_position_deadline_days);
      ask(amount);
      out_.next_review = in_days(static_cast<minor_units>(p_.explain_position_deadline_days) + 1);
      because("playbook.explain_position",
              {id::dispute_verdict, id::dunnable_amount, id::days_since_position_explained},
              "the complaint was found invalid: explain clearly, with the facts, why payment is "
              "due");
      return true;
    }
    if (consumer_letter_running()) return true;
    const int since_explained = f_.days_since_position_explained;
    if (since_explained <= p_.explain_position_deadline_days) {
      wait(static_cast<minor_units>(p_.explain_position_deadline_days) + 1 - since_explained);
      because("playbook.await_explanation",
              {id::dispute_verdict, id::days_since_position_explained},
              "the explanation's deadline has not passed yet");
      return true;
    }
    // Goodwill waives the money of the complaint itself: never other invoices, costs or
    // interest, which are collected as usual.
    const minor_units waived = std::min(f_.invalid_dispute_amount.minor_units(), amount);
    if (goodwill_applies(waived)) {
      out_.kind = action::write_off_goodwill;
      out_.parameters.letter = letter_kind::goodwill_notice;
      out_.parameters.channel = p_.letter_channel;
      out_.parameters.amount = in_currency(waived);
      out_.next_review = in_days(1);
      because("playbook.goodwill",
              {id::dispute_verdict, id::invalid_dispute_amount, id::dunnable_amount,
               id::relationship_value, id::goodwill_count, id::goodwill_granted},
              "the relationship is worth far more than the amount: waive the invalid "
              "complaint's amount and tell the customer what it costs and why");
      return true;
    }
    // A debtor who cannot pay is offered an arrangement, not the notice route.
    if (cannot_pay_applies()) {
      propose_arrangement();
      return true;
    }
    escalate(amount, dispute_escalation);
    return true;
  }

  [[nodiscard]] bool cannot_pay_applies() const noexcept {
    return f_.reason == reason::cannot_pay &&
           f_.arrangements_broken < p_.broken_arrangements_before_ladder;
  }

  /// Whether the position was explained: a position_explanation letter went out. The
  /// facts keep the last one of the case, so a second invalid complaint in the same case is
  /// not explained again (docs/playbook.md, "Facts the playbook would like").
  [[nodiscard]] bool position_explained() const noexcept {
    return f_.days_since_position_explained < never_days;
  }

  /// Goodwill grants the debtor had: goodwill_granted counts as one where a hand-made
  /// export fills only that fact.
  [[nodiscard]] int goodwill_had() const noexcept {
    return std::max(f_.goodwill_count, f_.goodwill_granted ? 1 : 0);
  }

  [[nodiscard]] bool goodwill_applies(minor_units amount) const noexcept {
    if (amount <= 0 || goodwill_had() >= p_.max_goodwill_per_debtor) return false;
    if (amount > p_.goodwill_max_amount_minor) return false;
    minor_units needed = 0;
    if (__builtin_mul_overflow(amount, p_.goodwill_relationship_factor, &needed)) return false;
    return needed <= f_.relationship_value.minor_units();
  }

  // 18. An open dispute: hold the disputed part and investigate; keep collecting the rest.
  bool open_dispute() {
    if (f_.dispute_state != dispute_state::open) return false;
    const bool limitation_near =
        f_.days_to_limitation >= 0 && f_.days_to_limitation <= p_.limitation_reminder_days;
    std::optional<date> collect_review;
    if (askable() > 0) {
      collect_undisputed();
      if (out_.kind != action::none) {
        // Today's step for the undisputed part; the disputed part stays on hold.
        decision_reason& reason = out_.reasons.back();
        record_fact(reason, f_, id::dispute_state);
        record_fact(reason, f_, id::disputed_amount);
        reason.note.assign(
            "a dispute is open: the disputed part stays on hold while it is investigated; "
            "this asks only for the undisputed part");
        return true;
      }
      collect_review = out_.next_review;
      out_.clear();
      out_.currency = f_.currency;
    }
    out_.kind = action::investigate_dispute;
    out_.parameters.amount = f_.disputed_amount;
    out_.next_review = in_days(p_.dispute_review_days);
    if (collect_review && *collect_review < *out_.next_review) out_.next_review = collect_review;
    because("playbook.investigate_dispute",
            {id::dispute_state, id::disputed_amount, id::dunnable_amount, id::days_to_limitation},
            limitation_near
                ? "hold the disputed part and investigate; limitation is near: decide the dispute "
                  "or interrupt limitation in writing without dunning the disputed money"
                : "hold the disputed part and investigate: contract, delivery, correspondence, "
                  "evidence; fix a justified error quickly");
    return true;
  }

  // 19-22. Undisputed overdue money: an arrangement for cannot_pay, an unrecorded complaint
  // is investigated, otherwise the dunning ladder.
  void collect_undisputed() {
    if (cannot_pay_applies()) {
      propose_arrangement();
      return;
    }
    if (f_.reason == reason::dissatisfied && f_.dispute_state == dispute_state::none) {
      out_.kind = action::investigate_dispute;
      out_.next_review = in_days(p_.dispute_review_days);
      because("playbook.record_complaint", {id::reason, id::dispute_state},
              "the debtor is dissatisfied but no dispute is recorded: record the complaint "
              "(dispute_opened) so that only the disputed part is held, then collect the rest");
      return;
    }
    ladder(0, false, {}, {});
  }

  void propose_arrangement() {
    const minor_units total = askable();
    const int by_months = p_.arrangement_interval == instalment_interval::monthly
                              ? p_.arrangement_max_months
                              : p_.arrangement_max_months * 52 / 12;
    const int cap = std::max(1, std::min(p_.arrangement_max_instalments, by_months));
    const int count =
        instalment_count(in_currency(total), in_currency(p_.arrangement_min_instalment_minor), cap);
    out_.kind = action::propose_arrangement;
    out_.parameters.letter = letter_kind::arrangement_proposal;
    out_.parameters.channel = p_.letter_channel;
    out_.parameters.deadline = in_days(p_.arrangement_answer_days);
    ask(total);
    if (!f_.today.is_special())
      plan_instalments(in_currency(total), in_days(p_.first_instalment_after_days), count,
                       p_.arrangement_interval, out_.parameters.instalments);
    out_.next_review = in_days(static_cast<minor_units>(p_.arrangement_answer_days) + 1);
    because("playbook.cannot_pay_arrangement",
            {id::reason, id::dunnable_amount, id::arrangements_broken},
            "the debtor cannot pay: offer an arrangement instead of reminders and notices");
  }

  // --- the dunning ladder -----------------------------------------------------------------

  enum class rung : std::uint8_t { reminder, call };

  /// The rung at `position` of the contact part of the ladder: the first reminders, then
  /// calls and reminders in turn, then what is left of either.
  [[nodiscard]] rung rung_at(int position) const noexcept {
    const int reminders = p_.reminders_before_escalation, calls = p_.calls_before_escalation;
    const int first = std::min(p_.reminders_before_call, reminders);
    int sent = 0, called = 0;
    for (int i = 0;; ++i) {
      // A call when the first reminders are out and calls are left, either because no
      // reminder is left or because it is a call's turn; otherwise a reminder while any is left.
      const bool call_turn =
          sent >= first && called < calls && (sent >= reminders || called <= sent - first);
      const rung next = call_turn || sent >= reminders ? rung::call : rung::reminder;
      if (i == position) return next;
      (next == rung::reminder ? sent : called) += 1;
    }
  }

  /// The ladder for the undisputed overdue money. Its position is the rungs done (reminder
  /// levels and calls, each up to its count) plus one per broken promise or arrangement
  /// (`extra` counts a break the case has not recorded yet). `immediate` skips the wait since
  /// the last contact (the debtor's own date just passed).
  void ladder(int extra, bool immediate, std::string_view rule, std::string_view note) {
    const int reminders = p_.reminders_before_escalation, calls = p_.calls_before_escalation;
    const int contact_rungs = reminders + calls;
    const minor_units breaks =
        static_cast<minor_units>(clamp_count(f_.promises_broken, contact_rungs)) +
        clamp_count(f_.arrangements_broken, contact_rungs) + extra;
    const minor_units done =
        static_cast<minor_units>(clamp_count(f_.last_reminder_level, reminders)) +
        clamp_count(f_.calls_made, calls);
    const int position = static_cast<int>(std::min<minor_units>(done + breaks, contact_rungs));
    const minor_units amount = askable();

    if (position >= contact_rungs && consumer_letter_running()) return;
    if (!immediate) {
      if (position == 0) {
        if (f_.days_overdue > 0 && f_.days_overdue < p_.first_reminder_after_days) {
          wait(p_.first_reminder_after_days - f_.days_overdue);
          because("playbook.await_first_reminder", {id::days_overdue, id::dunnable_amount});
          return;
        }
      } else if (f_.days_since_contact < step_gap()) {
        wait(step_gap() - f_.days_since_contact);
        because("playbook.await_next_step",
                {id::days_since_contact, id::last_reminder_level, id::calls_made,
                 id::promises_broken, id::arrangements_broken});
        return;
      }
    }
    if (position < contact_rungs) {
      if (rung_at(position) == rung::reminder) {
        const int level = std::max(1, f_.last_reminder_level + 1);
        out_.kind = action::remind;
        out_.parameters.channel = p_.reminder_channel;
        out_.parameters.reminder_level = level;
        out_.parameters.deadline = in_days(p_.reminder_deadline_days);
        ask(amount);
        out_.next_review = in_days(step_gap());
        because(!rule.empty() ? rule
                : level == 1  ? std::string_view("playbook.first_reminder")
                              : std::string_view("playbook.next_reminder"),
                {id::days_overdue, id::dunnable_amount, id::last_reminder_level,
                 id::days_since_contact, id::reason, id::promises_broken, id::arrangements_broken},
                note);
      } else {
        out_.kind = action::call;
        out_.parameters.channel = channel::phone;
        ask(amount);
        // Reached or not, the next rung is judged tomorrow (an unreached call is no contact).
        out_.next_review = in_days(1);
        because(!rule.empty() ? rule : std::string_view("playbook.call"),
                {id::dunnable_amount, id::last_reminder_level, id::calls_made, id::reason,
                 id::promises_broken, id::arrangements_broken},
                !note.empty() ? note : std::string_view("call and ask the reason for non-payment"));
      }
      return;
    }
    escalate(amount, ladder_escalation, rule, note);
  }

  /// The consumer's 14-day letter was sent and its term has not ended: nothing may escalate
  /// or charge costs until it has.
  bool consumer_letter_running() {
    if (!consumer_letter_required() || !f_.fourteen_day_letter_sent ||
        f_.fourteen_day_letter_expired)
      return false;
    const minor_units since = f_.days_since_contact;
    wait(since < p_.fourteen_day_letter_wait_days ? p_.fourteen_day_letter_wait_days - since : 1);
    because("playbook.await_fourteen_day_letter",
            {id::debtor_kind, id::fourteen_day_letter_sent, id::fourteen_day_letter_expired,
             id::days_since_contact},
            "the 14-day letter's term has not ended: no escalation and no costs before it has");
    return true;
  }

  [[nodiscard]] route choose_route() const noexcept {
    const minor_units legal = f_.legal_net_recovery.minor_units();
    const minor_units agency = f_.agency_net_recovery.minor_units();
    if (legal >= p_.min_legal_net_recovery_minor && legal > agency) return route::legal;
    if (agency > p_.min_agency_net_recovery_minor) return route::agency;
    return route::write_off;
  }

  /// The end of the amicable track: a notice first where one is needed, then legal action,
  /// the agency, or writing off, by the expected net recovery of each.
  void escalate(minor_units amount, const escalation_rules& rules, std::string_view rule = {},
                std::string_view note = {}) {
    const route chosen = choose_route();
    if (chosen != route::write_off) {
      if (p_.formal_notice_before_escalation && !f_.formal_notice_sent) {
        out_.kind = action::send_formal_notice;
        out_.parameters.letter = letter_kind::formal_notice;
        out_.parameters.channel = p_.formal_notice_channel;
        out_.parameters.deadline = in_days(p_.formal_notice_deadline_days);
        ask(amount);
        out_.next_review = in_days(static_cast<minor_units>(p_.formal_notice_deadline_days) + 1);
        because(!rule.empty() ? rule : std::string_view("playbook.formal_notice"),
                {id::formal_notice_sent, id::dunnable_amount, id::debtor_kind}, note);
        return;
      }
      if (p_.formal_notice_before_escalation &&
          f_.days_since_contact <= p_.formal_notice_deadline_days) {
        wait(static_cast<minor_units>(p_.formal_notice_deadline_days) + 1 - f_.days_since_contact);
        because("playbook.await_formal_notice", {id::formal_notice_sent, id::days_since_contact});
        return;
      }
      if (consumer_letter_running()) return;
      if (consumer_letter_required() && !f_.fourteen_day_letter_sent) {
        // The term is the law's (14 days from the day after delivery); the letter states it.
        // No deadline is set here: a term that ends too early voids the letter.
        out_.kind = action::send_fourteen_day_letter;
        out_.parameters.letter = letter_kind::fourteen_day_letter;
        out_.parameters.channel = p_.letter_channel;
        ask(amount);
        out_.next_review = in_days(p_.fourteen_day_letter_wait_days);
        because(
            !rule.empty() ? rule : std::string_view("playbook.fourteen_day_letter"),
            {id::debtor_kind, id::fourteen_day_letter_sent, id::dunnable_amount, id::costs_allowed},
            !note.empty() ? note
                          : std::string_view("a consumer gets the 14-day letter before any "
                                             "costs, hand-over or legal action"));
        return;
      }
    }
    const std::initializer_list<fact_index> read{
        id::legal_net_recovery,         id::agency_net_recovery, id::dunnable_amount,
        id::last_reminder_level,        id::calls_made,          id::debtor_kind,
        id::fourteen_day_letter_expired};
    std::string_view why = !note.empty() ? note : rules.note;
    switch (chosen) {
      case route::legal:
        out_.kind = action::start_legal;
        ask(amount);
        out_.next_review = in_days(p_.legal_review_days);
        because(!rule.empty() ? rule : rules.legal, read, why);
        break;
      case route::agency:
        out_.kind = action::escalate_agency;
        ask(amount);
        out_.next_review = in_days(p_.agency_review_days);
        because(!rule.empty() ? rule : rules.agency, read, why);
        break;
      case route::write_off:
        out_.kind = action::write_off_uncollectible;
        out_.parameters.amount = in_currency(amount);
        out_.next_review = in_days(1);
        because(!rule.empty() ? rule : rules.uncollectible, read, why);
        break;
    }
  }

  // 23, 24. Nothing dunnable: before the due date (courtesy call) or nothing left to do.
  void nothing_overdue() {
    const bool due_ahead = f_.days_until_due >= 0 && f_.days_until_due < never_days;
    const minor_units first_reminder =
        due_ahead ? static_cast<minor_units>(f_.days_until_due) + p_.first_reminder_after_days
                  : static_cast<minor_units>(p_.idle_review_days);
    if (p_.courtesy_call && due_ahead && f_.calls_made == 0 &&
        f_.days_until_due >= p_.courtesy_call_until_days_before_due &&
        f_.days_since_invoice < never_days) {
      if (f_.days_since_invoice >= p_.courtesy_call_after_invoice_days) {
        out_.kind = action::courtesy_call;
        out_.parameters.channel = channel::phone;
        out_.next_review = in_days(first_reminder);
        because("playbook.courtesy_call",
                {id::days_since_invoice, id::days_until_due, id::calls_made},
                "ask whether the customer is satisfied and the invoice arrived and is right");
        return;
      }
      const minor_units until_call = p_.courtesy_call_after_invoice_days - f_.days_since_invoice;
      wait(std::min(first_reminder, until_call));
      because("playbook.not_yet_due", {id::days_until_due, id::days_since_invoice, id::calls_made});
      return;
    }
    wait(first_reminder);
    because(due_ahead ? std::string_view("playbook.not_yet_due")
                      : std::string_view("playbook.nothing_due"),
            {id::days_until_due, id::dunnable_amount, id::open_amount});
  }

  // --- marketing (playbook §6) ----------------------------------------------------------

  [[nodiscard]] bool arrangement_healthy() const noexcept {
    return f_.arrangement_active && f_.instalments_missed == 0 &&
           f_.days_instalment_overdue < p_.instalment_nudge_after_days;
  }
  [[nodiscard]] bool in_collection() const noexcept {
    switch (f_.state) {
      case case_state::overdue:
      case case_state::promised:
      case case_state::disputed:
      case case_state::with_agency:
      case case_state::in_legal:
        return true;
      case case_state::in_arrangement:
        return !arrangement_healthy();
      default:
        return false;
    }
  }
  [[nodiscard]] bool resolved() const noexcept {
    return f_.state == case_state::current ||
           (f_.state == case_state::in_arrangement && arrangement_healthy());
  }

  /// Suppress or re-activate marketing on a quiet day: when today's step only waits (or
  /// investigates). A day with a step that contacts the debtor keeps it and asks to be looked
  /// at again tomorrow, so that the change follows a day later.
  void marketing() {
    const bool suppress =
        p_.suppress_marketing_while_open && !f_.marketing_suppressed && in_collection();
    const bool reactivate =
        p_.reactivate_marketing_on_resolution && f_.marketing_suppressed && resolved();
    if (!suppress && !reactivate) return;
    const bool quiet = out_.kind == action::none || out_.kind == action::hold ||
                       out_.kind == action::investigate_dispute;
    if (!quiet) {
      const date tomorrow = in_days(1);
      if (!out_.next_review || tomorrow < *out_.next_review) out_.next_review = tomorrow;
      return;
    }
    out_.clear();
    out_.currency = f_.currency;
    out_.next_review = in_days(1);
    if (suppress) {
      out_.kind = action::suppress_marketing;
      because("playbook.suppress_marketing",
              {id::state, id::marketing_suppressed, id::arrangement_active, id::instalments_missed},
              "the case is in collection: sales and marketing hold off until it is resolved");
    } else {
      out_.kind = action::reactivate_marketing;
      because("playbook.reactivate_marketing",
              {id::state, id::marketing_suppressed, id::arrangement_active, id::instalments_missed},
              "the case is resolved or the arrangement is healthy: the customer is welcome again");
    }
  }

  const playbook_parameters& p_;
  const facts& f_;
  decision& out_;
};

// --- parameter validation -----------------------------------------------------------------

void require(bool holds, std::string_view parameter, std::int64_t value,
             std::string_view expected) {
  if (holds) return;
  throw error(errc::invalid_argument, "playbook parameter '" + std::string(parameter) + "' is " +
                                          std::to_string(value) + "; expected " +
                                          std::string(expected));
}

void require_days(int value, std::string_view parameter, int low, int high) {
  require(value >= low && value <= high, parameter, value,
          "a day count from " + std::to_string(low) + " to " + std::to_string(high));
}

void require_count(int value, std::string_view parameter, int low, int high) {
  require(value >= low && value <= high, parameter, value,
          "a count from " + std::to_string(low) + " to " + std::to_string(high));
}

void require_written(channel c, std::string_view parameter) {
  const auto value = static_cast<std::int64_t>(c);
  require(value >= 0 && value <= static_cast<std::int64_t>(channel::portal), parameter, value,
          "a channel (email, post, registered_post, sms, portal)");
  if (c == channel::phone)
    throw error(errc::invalid_argument, "playbook parameter '" + std::string(parameter) +
                                            "' is phone; expected a written channel (email, "
                                            "post, registered_post, sms, portal)");
}

}  // namespace

void validate(const playbook_parameters& p) {
  require_days(p.first_reminder_after_days, "first_reminder_after_days", 1, 365);
  require_days(p.days_between_reminders, "days_between_reminders", 1, 365);
  require_days(p.reminder_deadline_days, "reminder_deadline_days", 1, 365);
  require_count(p.reminders_before_call, "reminders_before_call", 0, 20);
  require_count(p.reminders_before_escalation, "reminders_before_escalation", 0, 20);
  require_count(p.calls_before_escalation, "calls_before_escalation", 0, 20);
  require_written(p.reminder_channel, "reminder_channel");
  require_written(p.letter_channel, "letter_channel");
  require_days(p.courtesy_call_after_invoice_days, "courtesy_call_after_invoice_days", 0, 365);
  require_days(p.courtesy_call_until_days_before_due, "courtesy_call_until_days_before_due", 0,
               365);
  require_days(p.fourteen_day_letter_wait_days, "fourteen_day_letter_wait_days", 1, 365);
  require_days(p.formal_notice_deadline_days, "formal_notice_deadline_days", 1, 365);
  require_written(p.formal_notice_channel, "formal_notice_channel");
  require(p.min_legal_net_recovery_minor >= 0, "min_legal_net_recovery_minor",
          p.min_legal_net_recovery_minor, "an amount in minor units, zero or more");
  require(p.min_agency_net_recovery_minor >= 0, "min_agency_net_recovery_minor",
          p.min_agency_net_recovery_minor, "an amount in minor units, zero or more");
  require_days(p.agency_review_days, "agency_review_days", 1, 365);
  require_days(p.legal_review_days, "legal_review_days", 1, 365);
  require_days(p.dispute_review_days, "dispute_review_days", 1, 365);
  require_days(p.explain_position_deadline_days, "explain_position_deadline_days", 1, 365);
  require(p.goodwill_relationship_factor >= 0 && p.goodwill_relationship_factor <= 1'000'000,
          "goodwill_relationship_factor", p.goodwill_relationship_factor,
          "a whole factor from 0 to 1000000");
  require(p.goodwill_max_amount_minor >= 0, "goodwill_max_amount_minor",
          p.goodwill_max_amount_minor, "an amount in minor units, zero or more");
  require_count(p.max_goodwill_per_debtor, "max_goodwill_per_debtor", 0, 100);
  require_count(p.arrangement_max_instalments, "arrangement_max_instalments", 1, 120);
  require_count(p.arrangement_max_months, "arrangement_max_months", 1, 120);
  require(p.arrangement_min_instalment_minor >= 0, "arrangement_min_instalment_minor",
          p.arrangement_min_instalment_minor, "an amount in minor units, zero or more");
  const auto interval = static_cast<std::int64_t>(p.arrangement_interval);
  require(interval >= 0 && interval <= static_cast<std::int64_t>(instalment_interval::monthly),
          "arrangement_interval", interval, "weekly or monthly");
  require_days(p.first_instalment_after_days, "first_instalment_after_days", 1, 365);
  require_days(p.arrangement_answer_days, "arrangement_answer_days", 1, 365);
  require(p.registered_confirmation_above_minor >= 0, "registered_confirmation_above_minor",
          p.registered_confirmation_above_minor, "an amount in minor units, zero or more");
  require_count(p.broken_arrangements_before_ladder, "broken_arrangements_before_ladder", 0, 20);
  require_days(p.instalment_nudge_after_days, "instalment_nudge_after_days", 1, 365);
  require_days(p.days_between_nudges, "days_between_nudges", 1, 365);
  require_count(p.missed_instalments_to_break, "missed_instalments_to_break", 1, 100);
  require_days(p.arrangement_review_days, "arrangement_review_days", 1, 365);
  require_days(p.promise_grace_days, "promise_grace_days", 1, 365);
  require_days(p.limitation_reminder_days, "limitation_reminder_days", 1, 3650);
  require_days(p.limitation_reminder_repeat_days, "limitation_reminder_repeat_days", 1, 3650);
  require_days(p.idle_review_days, "idle_review_days", 1, 365);
}

playbook::playbook() : playbook(playbook_parameters{}) {}

playbook::playbook(playbook_parameters parameters) : parameters_(parameters) {
  validate(parameters_);
}

decision playbook::decide(const facts& f) const {
  decision out;
  decide_into(f, out);
  return out;
}

void playbook::decide_into(const facts& f, decision& out) const {
  deciding(parameters_, f, out).run();
}

}  // namespace arrears
