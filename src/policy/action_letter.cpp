// Which letter a decision sends.

#include <arrears/policy/action_letter.hpp>

#include <boost/describe/enum_to_string.hpp>

namespace arrears {
namespace {

/// The claim whose open dispute was opened last (the first of them on a tie), or none.
const claim_balance* latest_open_dispute(const collection_case& c) noexcept {
  const claim_balance* latest = nullptr;
  for (const claim_balance& balance : c.claims()) {
    if (!balance.dispute_open || !balance.dispute_opened_on) continue;
    if (latest == nullptr || *balance.dispute_opened_on > *latest->dispute_opened_on)
      latest = &balance;
  }
  return latest;
}

/// Whether the latest open dispute still waits for its acknowledgement. A letter sent on the
/// day the dispute was opened counts as its acknowledgement: the state keeps days, not the
/// order of events within a day.
bool dispute_awaits_acknowledgement(const collection_case& c) noexcept {
  const claim_balance* disputed = latest_open_dispute(c);
  if (disputed == nullptr) return false;
  const auto acknowledged_on = c.last_letter_on(letter_kind::dispute_acknowledgement);
  return !acknowledged_on || *acknowledged_on < *disputed->dispute_opened_on;
}

/// The letter kind the action sends by itself; empty for a reminder or no letter.
std::optional<letter_kind> own_letter(action kind) noexcept {
  switch (kind) {
    case action::send_fourteen_day_letter:
      return letter_kind::fourteen_day_letter;
    case action::send_formal_notice:
      return letter_kind::formal_notice;
    case action::propose_arrangement:
      return letter_kind::arrangement_proposal;
    case action::confirm_arrangement:
      return letter_kind::arrangement_confirmation;
    case action::explain_position:
      return letter_kind::position_explanation;
    case action::issue_credit_note:
      return letter_kind::credit_note_notice;
    case action::write_off_goodwill:
      return letter_kind::goodwill_notice;
    case action::investigate_dispute:
      return letter_kind::dispute_acknowledgement;
    default:
      return std::nullopt;
  }
}

}  // namespace

std::string_view action_letter::template_name() const noexcept {
  if (reminder) return "reminder";
  return boost::describe::enum_to_string(kind, "unknown");
}

event_body action_letter::sent_event() const {
  if (reminder) return reminder_sent{reminder_level, channel};
  return letter_sent{kind, channel};
}

std::optional<action_letter> letter_for(const collection_case& c, const decision& d) {
  const action_parameters& parameters = d.parameters;
  action_letter letter;
  if (d.kind == action::remind) {
    letter.reminder = true;
    letter.reminder_level = parameters.reminder_level > 0 ? parameters.reminder_level : 1;
    letter.channel = parameters.channel.value_or(channel::email);
  } else {
    const std::optional<letter_kind> kind = own_letter(d.kind);
    if (!kind) return std::nullopt;
    if (d.kind == action::investigate_dispute && !dispute_awaits_acknowledgement(c))
      return std::nullopt;
    letter.kind = *kind;
    letter.channel = parameters.channel.value_or(channel::post);
  }
  if (parameters.letter) {
    // A rule that names a letter means that letter, also on a remind action.
    letter.reminder = false;
    letter.reminder_level = 0;
    letter.kind = *parameters.letter;
    letter.channel = parameters.channel.value_or(channel::post);
  }
  return letter;
}

}  // namespace arrears
