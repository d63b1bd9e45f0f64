#pragma once
// A decision: the action to take, its parameters, when to look again, and why.

#include <arrears/core/channel.hpp>
#include <arrears/core/currency.hpp>
#include <arrears/core/date.hpp>
#include <arrears/core/money.hpp>
#include <arrears/model/events.hpp>
#include <arrears/model/letter_kind.hpp>
#include <arrears/policy/action.hpp>
#include <arrears/policy/fact_schema.hpp>
#include <arrears/policy/reason_list.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace arrears {

/// What the action needs to be carried out. Each member is set only when the action uses it.
struct action_parameters {
  std::optional<arrears::channel> channel;
  /// The amount asked (remind, letters, escalation), credited, waived or proposed.
  std::optional<money> amount;
  /// Collection costs the action claims; only ever set when the law allows them today.
  std::optional<money> costs;
  /// The last day the debtor is given to act.
  std::optional<date> deadline;
  std::optional<letter_kind> letter;
  /// remind: the reminder's level along the ladder (1, 2, ...).
  int reminder_level = 0;
  /// propose_arrangement: the instalments proposed.
  std::vector<instalment> instalments;
  friend bool operator==(const action_parameters&, const action_parameters&) = default;
};

struct decision {
  action kind = action::none;
  action_parameters parameters;
  /// When to decide again; empty when nothing is left to do.
  std::optional<date> next_review;
  /// In the order they applied: the deciding rule first, then guards and experiments.
  reason_list reasons;
  /// The champion/challenger arm the case was assigned to; empty outside an experiment.
  std::string arm;
  /// The currency the money facts in `reasons` are in.
  arrears::currency currency;

  /// Back to a fresh decision, keeping the storage of its reasons and instalments so that a
  /// decision reused for case after case stops allocating once it has seen the largest one.
  void clear() noexcept {
    kind = action::none;
    parameters.channel.reset();
    parameters.amount.reset();
    parameters.costs.reset();
    parameters.deadline.reset();
    parameters.letter.reset();
    parameters.reminder_level = 0;
    parameters.instalments.clear();
    next_review.reset();
    arm.clear();
    currency = arrears::currency{};
    reasons.clear();
  }
  /// Appends a reason for `rule` and returns it, reusing storage kept by clear().
  decision_reason& add_reason(std::string_view rule) { return reasons.add(rule); }
  friend bool operator==(const decision&, const decision&) = default;
};

/// Appends the reading of fact `index` in `f` to `reason`.
void record_fact(decision_reason& reason, const facts& f, fact_index index);

}  // namespace arrears
