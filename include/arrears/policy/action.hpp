#pragma once
// What a policy can decide to do next: the one vocabulary every surface (C++, C, Python,
// CLI, rule files) uses.

#include <boost/describe/enum.hpp>

#include <cstdint>
#include <string_view>

namespace arrears {

enum class action : std::uint8_t {
  none,           ///< nothing to do today; look again at the next review
  courtesy_call,  ///< before the due date: is the customer satisfied, did the invoice arrive
  remind,         ///< a payment reminder with a clear deadline
  call,           ///< phone the debtor and ask the reason
  send_fourteen_day_letter,  ///< NL consumers: the letter that must precede collection costs
  send_formal_notice,        ///< ingebrekestelling / Mahnung: puts the debtor in default
  propose_arrangement,       ///< offer an instalment plan within the configured bounds
  confirm_arrangement,       ///< confirm an agreed plan in writing
  hold,                      ///< wait: a promise, a dispute, a guard's postponement
  investigate_dispute,       ///< truth finding on an open dispute
  issue_credit_note,         ///< a complaint was found justified: credit the amount
  explain_position,          ///< an invalid complaint: explain with the facts why payment is due
  escalate_agency,           ///< hand the case to a collection agency
  start_legal,               ///< court or bailiff
  write_off_goodwill,        ///< waive the amount once, out of goodwill
  write_off_uncollectible,   ///< give up: costs would exceed what can be recovered
  suppress_marketing,        ///< stop sales and marketing approaching the debtor
  reactivate_marketing,      ///< the case is resolved: the customer is welcome again
};
BOOST_DESCRIBE_ENUM(action, none, courtesy_call, remind, call, send_fourteen_day_letter,
                    send_formal_notice, propose_arrangement, confirm_arrangement, hold,
                    investigate_dispute, issue_credit_note, explain_position, escalate_agency,
                    start_legal, write_off_goodwill, write_off_uncollectible, suppress_marketing,
                    reactivate_marketing)

inline constexpr int action_count = 18;

/// "send_fourteen_day_letter"; "unknown" for a value outside the enumeration.
[[nodiscard]] const char* action_name(action a) noexcept;
/// Looks an action up by name. Returns false for an unknown name.
[[nodiscard]] bool action_from_name(std::string_view name, action& out) noexcept;

/// Whether the action contacts the debtor (counts against a contact cap, never on a
/// Sunday or holiday).
[[nodiscard]] constexpr bool contacts_debtor(action a) noexcept {
  switch (a) {
    case action::courtesy_call:
    case action::remind:
    case action::call:
    case action::send_fourteen_day_letter:
    case action::send_formal_notice:
    case action::propose_arrangement:
    case action::confirm_arrangement:
    case action::explain_position:
      return true;
    default:
      return false;
  }
}

/// Whether the action presses for payment (never about disputed money alone).
[[nodiscard]] constexpr bool is_dunning(action a) noexcept {
  switch (a) {
    case action::remind:
    case action::send_fourteen_day_letter:
    case action::send_formal_notice:
    case action::escalate_agency:
    case action::start_legal:
      return true;
    default:
      return false;
  }
}

}  // namespace arrears
