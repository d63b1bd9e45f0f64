// The worklist's order (policy/worklist.hpp).

#include <arrears/policy/worklist.hpp>

#include <algorithm>

namespace arrears {

bool higher_priority(const worklist_item& a, const worklist_item& b) noexcept {
  if (a.expected_value.minor_units() != b.expected_value.minor_units())
    return a.expected_value.minor_units() > b.expected_value.minor_units();
  if (a.amount.minor_units() != b.amount.minor_units())
    return a.amount.minor_units() > b.amount.minor_units();
  if (a.case_id != b.case_id) return a.case_id < b.case_id;
  return a.action_id < b.action_id;
}

void order_by_priority(std::vector<worklist_item>& items) {
  std::sort(items.begin(), items.end(), higher_priority);
}

}  // namespace arrears
