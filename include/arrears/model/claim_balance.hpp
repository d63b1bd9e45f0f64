#pragma once
// What is left of one invoice inside a case, and which part of it is on hold.

#include <arrears/core/claim.hpp>
#include <arrears/core/date.hpp>
#include <arrears/core/money.hpp>
#include <arrears/model/dispute.hpp>

#include <optional>

namespace arrears {

/// An invoice's open principal, split into the part still collected (undisputed) and the
/// parts on hold: under an open dispute, or found justified and waiting for a credit note.
/// Invariant: 0 <= disputed + awaiting_credit <= open.
struct claim_balance {
  claim invoice;
  money open;
  money disputed;
  money awaiting_credit;
  bool dispute_open = false;
  dispute_category category = dispute_category::other;
  std::optional<arrears::verdict> last_verdict;
  /// The day the open dispute, or the latest one, was opened; empty when never disputed.
  /// Kept in the state (not only in the history, which a case may discard) so that a letter
  /// can tell whether the dispute was acknowledged.
  std::optional<date> dispute_opened_on;
  int evidence_count = 0;
  /// Order of arrival in the case; breaks ties between equal due dates.
  int sequence = 0;

  /// The part that may be dunned.
  [[nodiscard]] money undisputed() const { return open - disputed - awaiting_credit; }
  /// The part on hold.
  [[nodiscard]] money held() const { return disputed + awaiting_credit; }
  /// Open and past its due date on `on` (the due date is the last day to pay).
  [[nodiscard]] bool is_overdue_on(date on) const {
    return open.is_positive() && on > invoice.due_date;
  }

  friend bool operator==(const claim_balance&, const claim_balance&) = default;
};

}  // namespace arrears
