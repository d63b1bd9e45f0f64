#pragma once
// What an action on the worklist is worth doing today: the money it acts on, and the part of
// that it is expected to bring in. The worklist is ordered by the expected value, then by the
// amount (docs/run.md). The shares are assumptions, set per portfolio; the defaults follow
// the playbook's experience that most late payers pay after one friendly reminder.

#include <arrears/core/money.hpp>
#include <arrears/core/rate.hpp>
#include <arrears/policy/action.hpp>
#include <arrears/policy/decision.hpp>
#include <arrears/policy/facts.hpp>

#include <array>

namespace arrears {

struct action_value_parameters {
  /// Per action (indexed by its value), the share of the money it acts on that doing it is
  /// expected to bring in. escalate_agency and start_legal use the facts' net recoveries
  /// instead (policy/economics.hpp).
  std::array<rate, action_count> response_share = default_response_shares();

  [[nodiscard]] static constexpr std::array<rate, action_count> default_response_shares() noexcept {
    std::array<rate, action_count> share{};
    const auto set = [&](action a, int percent) {
      share[static_cast<std::size_t>(a)] = rate::from_percent(percent);
    };
    set(action::courtesy_call, 5);
    set(action::remind, 50);
    set(action::call, 40);
    set(action::send_fourteen_day_letter, 45);
    set(action::send_formal_notice, 40);
    set(action::propose_arrangement, 60);
    set(action::confirm_arrangement, 80);
    set(action::investigate_dispute, 50);
    set(action::issue_credit_note, 50);
    set(action::explain_position, 50);
    return share;
  }
  friend bool operator==(const action_value_parameters&, const action_value_parameters&) = default;
};

/// The money `d` acts on, in the case's currency: the amount the decision names, else
///   remind, call, courtesy_call, letters and escalations: the dunnable amount (for a
///   courtesy call, before the due date: the open amount);
///   investigate_dispute: the disputed amount; explain_position: the invalid complaints'
///   amount; issue_credit_note: the undisputed rest the credit note unblocks;
///   propose_arrangement, confirm_arrangement, write-offs: the open amount;
///   anything else: zero.
[[nodiscard]] money amount_at_stake(const decision& d, const facts& f);

/// The expected value of doing `d` today: amount_at_stake x the action's response share;
/// for escalate_agency and start_legal the route's expected net recovery (negative when the
/// route destroys value); zero for actions that bring nothing in (write-offs, holds,
/// marketing).
[[nodiscard]] money expected_value(const decision& d, const facts& f,
                                   const action_value_parameters& p = {});

}  // namespace arrears
