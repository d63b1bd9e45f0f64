#pragma once
// The case state machine as one table: for every event type and every state, what
// happens. docs/state-machine.md shows the same table; a test checks that they agree.

#include <arrears/model/case_state.hpp>
#include <arrears/model/events.hpp>

#include <boost/describe/enum.hpp>

#include <array>
#include <cstdint>

namespace arrears {

/// What an event does to the state. Every kind but `reject` records the event; the
/// event's own checks (amounts, claims, dates) apply on top (collection_case::apply).
enum class transition_kind : std::uint8_t {
  reject,        ///< not allowed in this state: errc::event_not_allowed
  stay,          ///< the state stays as it is
  reassess,      ///< closed if nothing is open, else disputed if all overdue money is
                 ///< disputed, overdue if any undisputed money is overdue, else current
  settle,        ///< stays, or closed once nothing is open
  keep_promise,  ///< closed once nothing is open; reassess once the promised amount is paid;
                 ///< else stays promised
  move,          ///< goes to the target state
};
BOOST_DESCRIBE_ENUM(transition_kind, reject, stay, reassess, settle, keep_promise, move)

struct transition {
  transition_kind kind = transition_kind::reject;
  case_state target = case_state::current;  ///< only for `move`
  friend constexpr bool operator==(transition, transition) = default;
};

namespace detail {
inline constexpr transition rej{transition_kind::reject};
inline constexpr transition sty{transition_kind::stay};
inline constexpr transition rea{transition_kind::reassess};
inline constexpr transition stl{transition_kind::settle};
inline constexpr transition kpr{transition_kind::keep_promise};
inline constexpr transition to_promised{transition_kind::move, case_state::promised};
inline constexpr transition to_arrangement{transition_kind::move, case_state::in_arrangement};
inline constexpr transition to_agency{transition_kind::move, case_state::with_agency};
inline constexpr transition to_legal{transition_kind::move, case_state::in_legal};
inline constexpr transition to_closed{transition_kind::move, case_state::closed};
using row = std::array<transition, case_state_count>;
}  // namespace detail

// clang-format off
/// Rows in event_type order, columns in case_state order:
///                        current  overdue  promised  in_arr.  disputed  agency  legal  closed
inline constexpr std::array<detail::row, event_type_count> transition_table{{
  /* claim_added        */ {detail::rea, detail::rea, detail::sty, detail::sty, detail::rea, detail::sty, detail::sty, detail::rej},
  /* debtor_updated     */ {detail::sty, detail::sty, detail::sty, detail::sty, detail::sty, detail::sty, detail::sty, detail::sty},
  /* terms_changed      */ {detail::rea, detail::rea, detail::sty, detail::sty, detail::rea, detail::sty, detail::sty, detail::rej},
  /* payment_received   */ {detail::rea, detail::rea, detail::kpr, detail::stl, detail::rea, detail::stl, detail::stl, detail::rej},
  /* credit_note_issued */ {detail::rea, detail::rea, detail::kpr, detail::stl, detail::rea, detail::stl, detail::stl, detail::rej},
  /* costs_charged      */ {detail::rej, detail::sty, detail::sty, detail::sty, detail::rej, detail::sty, detail::sty, detail::rej},
  /* interest_charged   */ {detail::rej, detail::sty, detail::sty, detail::sty, detail::rej, detail::sty, detail::sty, detail::rej},
  /* reminder_sent      */ {detail::rej, detail::sty, detail::rej, detail::sty, detail::rej, detail::rej, detail::rej, detail::rej},
  /* call_logged        */ {detail::sty, detail::sty, detail::sty, detail::sty, detail::sty, detail::sty, detail::sty, detail::rej},
  /* letter_sent        */ {detail::sty, detail::sty, detail::sty, detail::sty, detail::sty, detail::sty, detail::sty, detail::sty},
  /* reason_recorded    */ {detail::sty, detail::sty, detail::sty, detail::sty, detail::sty, detail::sty, detail::sty, detail::rej},
  /* dispute_opened     */ {detail::rea, detail::rea, detail::rea, detail::sty, detail::rea, detail::sty, detail::sty, detail::rej},
  /* evidence_added     */ {detail::sty, detail::sty, detail::sty, detail::sty, detail::sty, detail::sty, detail::sty, detail::rej},
  /* dispute_resolved   */ {detail::rea, detail::rea, detail::sty, detail::sty, detail::rea, detail::sty, detail::sty, detail::rej},
  /* promise_made       */ {detail::rej, detail::to_promised, detail::to_promised, detail::rej, detail::rej, detail::sty, detail::sty, detail::rej},
  /* promise_broken     */ {detail::rej, detail::rej, detail::rea, detail::rej, detail::rej, detail::sty, detail::sty, detail::rej},
  /* arrangement_agreed */ {detail::rej, detail::to_arrangement, detail::to_arrangement, detail::rej, detail::rej, detail::rej, detail::rej, detail::rej},
  /* instalment_paid    */ {detail::rej, detail::rej, detail::rej, detail::stl, detail::rej, detail::rej, detail::rej, detail::rej},
  /* instalment_missed  */ {detail::rej, detail::rej, detail::rej, detail::sty, detail::rej, detail::rej, detail::rej, detail::rej},
  /* arrangement_broken */ {detail::rej, detail::rej, detail::rej, detail::rea, detail::rej, detail::rej, detail::rej, detail::rej},
  /* handed_to_agency   */ {detail::rej, detail::to_agency, detail::rej, detail::rej, detail::rej, detail::rej, detail::rej, detail::rej},
  /* legal_started      */ {detail::rej, detail::to_legal, detail::rej, detail::rej, detail::to_legal, detail::to_legal, detail::rej, detail::rej},
  /* written_off        */ {detail::rea, detail::rea, detail::stl, detail::stl, detail::rea, detail::stl, detail::stl, detail::rej},
  /* marketing_suppr.   */ {detail::sty, detail::sty, detail::sty, detail::sty, detail::sty, detail::sty, detail::sty, detail::rej},
  /* marketing_react.   */ {detail::sty, detail::sty, detail::sty, detail::sty, detail::sty, detail::sty, detail::sty, detail::sty},
  /* case_closed        */ {detail::to_closed, detail::to_closed, detail::to_closed, detail::to_closed, detail::to_closed, detail::to_closed, detail::to_closed, detail::rej},
}};
// clang-format on

/// The table's entry for an event type in a state.
[[nodiscard]] constexpr transition transition_for(case_state from, event_type type) noexcept {
  return transition_table[static_cast<std::size_t>(type)][static_cast<std::size_t>(from)];
}

}  // namespace arrears
