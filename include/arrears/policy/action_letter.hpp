#pragma once
// Which letter carrying out a decision sends, if any: a payment reminder or one of the
// letter kinds. The run writes these letters (--letters) and records them as sent.

#include <arrears/core/channel.hpp>
#include <arrears/model/collection_case.hpp>
#include <arrears/model/events.hpp>
#include <arrears/model/letter_kind.hpp>
#include <arrears/policy/decision.hpp>

#include <optional>
#include <string_view>

namespace arrears {

/// A letter to send: a payment reminder (`reminder`, with its level) or a letter of `kind`.
struct action_letter {
  bool reminder = false;
  letter_kind kind = letter_kind::fourteen_day_letter;  ///< when not a reminder
  int reminder_level = 0;                               ///< when a reminder: 1, 2, ...
  arrears::channel channel = arrears::channel::post;
  /// The template's name: "reminder", or the letter kind's ("fourteen_day_letter", ...).
  [[nodiscard]] std::string_view template_name() const noexcept;
  /// The event that records the letter as sent: reminder_sent or letter_sent.
  [[nodiscard]] event_body sent_event() const;
  friend bool operator==(const action_letter&, const action_letter&) = default;
};

/// The letter `d` sends for case `c`, or none when the action sends no letter:
///   remind -> reminder (level and channel from the parameters; level 1 and email when unset)
///   send_fourteen_day_letter -> fourteen_day_letter, send_formal_notice -> formal_notice,
///   propose_arrangement -> arrangement_proposal, confirm_arrangement -> arrangement_confirmation,
///   explain_position -> position_explanation, issue_credit_note -> credit_note_notice,
///   write_off_goodwill -> goodwill_notice,
///   investigate_dispute -> dispute_acknowledgement, only while the latest open dispute has
///   not been acknowledged yet (no dispute_acknowledgement letter since it was opened; one
///   sent on the day it was opened counts, claim_balance::dispute_opened_on);
///   any other action -> none.
/// A letter kind set in the parameters wins over the action's own, also on remind (the rule
/// asked for that letter rather than a reminder); it never makes an action that sends no
/// letter send one. A letter's channel comes from the parameters, post when unset.
[[nodiscard]] std::optional<action_letter> letter_for(const collection_case& c, const decision& d);

}  // namespace arrears
