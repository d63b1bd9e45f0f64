#pragma once
// The letters a case can send. Reminders are their own event (reminder_sent).

#include <boost/describe/enum.hpp>

#include <cstdint>

namespace arrears {

enum class letter_kind : std::uint8_t {
  fourteen_day_letter,       ///< NL art. 6:96 lid 6 BW: last chance before collection costs
  formal_notice,             ///< ingebrekestelling / Mahnung: puts the debtor in default
  arrangement_proposal,      ///< proposes an instalment plan
  arrangement_confirmation,  ///< confirms an agreed plan in writing
  dispute_acknowledgement,   ///< thanks, records the complaint, promises to come back
  position_explanation,      ///< explains with the facts why an invalid complaint does not stand
  credit_note_notice,        ///< announces a credit note after a valid complaint
  goodwill_notice,           ///< tells the debtor an amount is waived, what it costs and why
};
BOOST_DESCRIBE_ENUM(letter_kind, fourteen_day_letter, formal_notice, arrangement_proposal,
                    arrangement_confirmation, dispute_acknowledgement, position_explanation,
                    credit_note_notice, goodwill_notice)

inline constexpr int letter_kind_count = 8;

/// Letters that press for payment; they are dunning, so never about disputed money only.
[[nodiscard]] constexpr bool is_dunning(letter_kind kind) noexcept {
  return kind == letter_kind::fourteen_day_letter || kind == letter_kind::formal_notice;
}

}  // namespace arrears
