#pragma once
// The case: one debtor's unpaid claims as an event-sourced aggregate. Its state is a pure
// fold of its events; apply() either records an event and transitions, or refuses it with
// a typed rejection and leaves the case exactly as it was.

#include <arrears/core/currency.hpp>
#include <arrears/core/date.hpp>
#include <arrears/core/debtor.hpp>
#include <arrears/core/money.hpp>
#include <arrears/law/limitation.hpp>
#include <arrears/model/allocation.hpp>
#include <arrears/model/case_balances.hpp>
#include <arrears/model/case_state.hpp>
#include <arrears/model/claim_balance.hpp>
#include <arrears/model/contact_log.hpp>
#include <arrears/model/events.hpp>
#include <arrears/model/reason.hpp>
#include <arrears/model/transition_error.hpp>

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace arrears {

/// Contacts along the dunning ladder since the clock last (re)started. terms_changed
/// restarts the clock: reminders and dunning letters sent under the old term no longer count.
struct dunning_record {
  std::optional<date> clock_restarted_on;
  int reminders_sent = 0;
  int last_reminder_level = 0;
  std::optional<date> last_reminder_on;
  std::optional<date> fourteen_day_letter_sent_on;
  std::optional<date> formal_notice_sent_on;
  int calls_made = 0;
  int calls_reached = 0;
  std::optional<date> last_contact_on;
  friend bool operator==(const dunning_record&, const dunning_record&) = default;
};

/// A promise to pay that is still running.
struct promise_record {
  money amount;
  date due;
  date made_on;
  money paid_since;  ///< paid since the promise was made
  friend bool operator==(const promise_record&, const promise_record&) = default;
};

/// An instalment plan that is still running.
struct arrangement_record {
  std::vector<instalment> schedule;
  std::vector<bool> paid;  ///< per instalment
  date agreed_on;
  int missed = 0;
  friend bool operator==(const arrangement_record&, const arrangement_record&) = default;
};

/// Running totals; they satisfy, always:
/// invoiced + costs_charged + interest_charged
///   == open principal + costs_due + interest_due + paid + credited + written_off.
struct case_totals {
  money invoiced;
  money costs_charged;
  money interest_charged;
  money paid;
  money credited;
  money written_off;
  friend bool operator==(const case_totals&, const case_totals&) = default;
};

/// Counters over the whole life of the case (never reset).
struct case_counters {
  int promises_made = 0;
  int promises_broken = 0;
  int arrangements_agreed = 0;
  int arrangements_broken = 0;
  int instalments_missed = 0;
  friend bool operator==(const case_counters&, const case_counters&) = default;
};

/// Whether a case keeps its events. Production keeps them (they are the audit trail); a
/// simulation of a million cases may keep only the state.
enum class history_policy : std::uint8_t { keep, discard };

class collection_case {
 public:
  explicit collection_case(std::string id = {}, history_policy history = history_policy::keep);

  /// Builds a case by applying `events` in order. Throws transition_error naming the first
  /// event that is refused (its position, date and type).
  [[nodiscard]] static collection_case replay(std::string id, std::span<const event> events,
                                              history_policy history = history_policy::keep);

  /// Applies an event: records it and transitions, or returns why not and changes nothing.
  /// Never throws for a refused event (only std::bad_alloc can escape).
  [[nodiscard]] std::optional<rejection> try_apply(const event& e);
  [[nodiscard]] std::optional<rejection> try_apply(event&& e);
  /// As try_apply, but throws transition_error when the event is refused.
  void apply(const event& e);
  void apply(event&& e);

  [[nodiscard]] const std::string& id() const noexcept { return id_; }
  /// The state on the date of the latest event.
  [[nodiscard]] case_state state() const noexcept { return state_; }
  /// The state on a later date: the ladder states move with time (current becomes overdue
  /// when a due date passes); the others only move by events.
  [[nodiscard]] case_state state_on(date on) const;
  [[nodiscard]] case_outcome outcome() const noexcept { return outcome_; }
  [[nodiscard]] bool is_closed() const noexcept { return state_ == case_state::closed; }

  /// The case's currency, set by the first claim; "XXX" before that.
  [[nodiscard]] arrears::currency currency() const noexcept { return currency_; }
  [[nodiscard]] const arrears::debtor& debtor() const noexcept { return debtor_; }
  /// Claims in collection order: due date, then issue date, then arrival.
  [[nodiscard]] std::span<const claim_balance> claims() const noexcept { return claims_; }
  [[nodiscard]] const claim_balance* find_claim(std::string_view claim_id) const noexcept;
  [[nodiscard]] std::span<const claim> credit_notes() const noexcept { return credit_notes_; }

  [[nodiscard]] money costs_due() const noexcept { return costs_due_; }
  [[nodiscard]] money interest_due() const noexcept { return interest_due_; }
  /// Principal still open on all claims, held parts included.
  [[nodiscard]] money open_principal() const;
  /// Everything still owed: principal, costs and interest.
  [[nodiscard]] money open_total() const;
  /// Principal under open disputes.
  [[nodiscard]] money disputed_amount() const;
  /// Principal on hold: disputed, or justified and awaiting a credit note.
  [[nodiscard]] money held_amount() const;
  /// What may be dunned on `on`: undisputed principal past its due date, plus costs and
  /// interest charged.
  [[nodiscard]] money dunnable_on(date on) const;
  /// Open principal past its due date on `on`, held parts included.
  [[nodiscard]] money overdue_on(date on) const;
  /// All the balances above on `on`, in one pass over the claims.
  [[nodiscard]] case_balances balances_on(date on) const;

  [[nodiscard]] arrears::reason reason() const noexcept { return reason_; }
  [[nodiscard]] const dunning_record& dunning() const noexcept { return dunning_; }
  /// The day a letter of `kind` was last sent; empty when never.
  [[nodiscard]] std::optional<date> last_letter_on(letter_kind kind) const noexcept {
    return letters_sent_on_[static_cast<std::size_t>(kind)];
  }
  /// The latest contacts (reminders, letters, calls made), whatever the dunning clock did.
  [[nodiscard]] const contact_log& contacts() const noexcept { return contacts_; }
  [[nodiscard]] const std::optional<promise_record>& promise() const noexcept { return promise_; }
  [[nodiscard]] const std::optional<arrangement_record>& arrangement() const noexcept {
    return arrangement_;
  }
  [[nodiscard]] const case_totals& totals() const noexcept { return totals_; }
  [[nodiscard]] const case_counters& counters() const noexcept { return counters_; }
  [[nodiscard]] const std::string& agency() const noexcept { return agency_; }
  [[nodiscard]] const std::string& legal_reference() const noexcept { return legal_reference_; }
  [[nodiscard]] std::optional<date> interest_charged_through() const noexcept {
    return interest_through_;
  }
  [[nodiscard]] std::optional<date> last_event_on() const noexcept { return last_event_on_; }
  /// Events applied so far (also when the history is discarded).
  [[nodiscard]] std::size_t event_count() const noexcept { return event_count_; }
  /// The events applied, in order; empty when the history is discarded.
  [[nodiscard]] std::span<const event> history() const noexcept { return history_; }
  /// Events that may interrupt limitation, in order: written reminders and dunning letters,
  /// the debtor's acknowledgements (a promise, an arrangement), part payments, legal
  /// action. Which of them interrupts is the jurisdiction's call (law/limitation.hpp).
  [[nodiscard]] std::span<const interruption> limitation_interruptions() const noexcept {
    return interruptions_;
  }
  /// How the latest settlement event (payment, instalment, credit note, write-off) was
  /// spread over costs, interest and claims.
  [[nodiscard]] std::span<const allocation_line> last_allocation() const noexcept {
    return last_allocation_;
  }

  /// The whole state, history aside, compares equal: replaying a history gives an equal case.
  [[nodiscard]] bool same_state(const collection_case& other) const;

 private:
  friend struct case_applier;
  /// Sets the zero amounts to the case's currency once the first claim fixes it.
  void rebase_currency();
  /// The ladder state the balances give on `on`: overdue, disputed or current.
  [[nodiscard]] case_state ladder_state_on(date on) const;
  /// Checks and folds an event into the state; the history is the caller's business.
  std::optional<rejection> fold(const event& e);

  std::string id_;
  history_policy history_policy_;
  case_state state_ = case_state::current;
  case_outcome outcome_ = case_outcome::open;
  case_outcome last_settlement_ = case_outcome::paid;
  arrears::currency currency_{};
  bool currency_known_ = false;
  arrears::debtor debtor_;
  std::vector<claim_balance> claims_;
  std::vector<claim> credit_notes_;
  money costs_due_;
  money interest_due_;
  std::optional<date> interest_through_;
  arrears::reason reason_ = arrears::reason::unknown;
  dunning_record dunning_;
  contact_log contacts_;
  std::array<std::optional<date>, letter_kind_count> letters_sent_on_{};
  std::optional<promise_record> promise_;
  std::optional<arrangement_record> arrangement_;
  case_totals totals_;
  case_counters counters_;
  std::string agency_;
  std::string legal_reference_;
  std::optional<date> last_event_on_;
  std::size_t event_count_ = 0;
  int next_claim_sequence_ = 0;
  std::vector<interruption> interruptions_;
  std::vector<event> history_;
  std::vector<allocation_line> last_allocation_;
};

}  // namespace arrears
