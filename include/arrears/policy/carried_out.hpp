#pragma once
// The events that record a decided action as carried out: what `arrears done` and the run's
// --auto-confirm append to the case.

#include <arrears/core/debtor.hpp>
#include <arrears/model/collection_case.hpp>
#include <arrears/model/events.hpp>
#include <arrears/model/reason.hpp>
#include <arrears/policy/decision.hpp>

#include <optional>
#include <string>
#include <vector>

namespace arrears {

/// What the person who carried the action out tells (the options of `arrears done`).
struct carried_out_details {
  /// call, courtesy_call: the debtor was reached, and what they said the reason is.
  bool reached = false;
  std::optional<arrears::reason> reason;
  /// escalate_agency: to whom the case went ("collection agency" when empty).
  std::string agency;
  /// start_legal: the court's or bailiff's reference.
  std::string reference;
};

/// Whether the action's whole work is its letter, so that it is done once the letter is
/// written (`arrears run --auto-confirm letters`): remind, send_fourteen_day_letter,
/// send_formal_notice, propose_arrangement, confirm_arrangement, explain_position. Other
/// letters come with work a person does: the credit note in the books, the goodwill granted,
/// the investigation.
[[nodiscard]] constexpr bool is_done_by_its_letter(action a) noexcept {
  switch (a) {
    case action::remind:
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

/// The events, in order, that record `d` as carried out on case `c`:
///   a letter (letter_for: reminder_sent or letter_sent), preceded for write_off_goodwill by
///   the waiver of the invalid complaints' claims (written_off, goodwill) and for
///   write_off_uncollectible by written_off (uncollectible);
///   call and courtesy_call: call_logged; escalate_agency: handed_to_agency;
///   start_legal: legal_started; suppress_marketing, reactivate_marketing: the switch.
/// Empty when the action's result arrives as events of its own: investigate_dispute once
/// acknowledged (evidence and the verdict), and none and hold.
[[nodiscard]] std::vector<event_body> carried_out(const collection_case& c, const decision& d,
                                                  const carried_out_details& details = {});

}  // namespace arrears
