#pragma once
// Today's worklist: the actions the policy decided for the cases, each with its action id,
// what it acts on and what it is expected to bring in, ordered by priority.

#include <arrears/core/money.hpp>
#include <arrears/policy/decision.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace arrears {

struct worklist_item {
  /// The id the store gave the proposal (`arrears done ID`); 0 before it is stored.
  std::int64_t action_id = 0;
  std::string case_id;
  std::string debtor_name;
  decision proposed;
  /// amount_at_stake and expected_value (policy/action_value.hpp).
  money amount;
  money expected_value;
  /// An earlier run proposed it today already; it is listed again, not recorded again.
  bool proposed_earlier = false;
  /// The run carried it out itself (--auto-confirm letters): listed as done.
  bool done = false;
};

/// Whether `a` comes before `b` on the worklist: the higher expected value first, then the
/// larger amount, then the case id (so the order is the same on every run). Amounts compare
/// by their minor units, whatever their currency.
[[nodiscard]] bool higher_priority(const worklist_item& a, const worklist_item& b) noexcept;

/// Sorts `items` by higher_priority.
void order_by_priority(std::vector<worklist_item>& items);

}  // namespace arrears
