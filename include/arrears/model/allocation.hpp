#pragma once
// How a settlement (payment, credit note, write-off) was spread over a case.

#include <arrears/core/money.hpp>
#include <arrears/law/allocation_order.hpp>

#include <boost/describe/enum.hpp>

#include <cstdint>
#include <string>

namespace arrears {

/// One slice of a settlement: `amount` went to `component` of claim `claim_id` (empty for
/// the case-level costs and interest).
struct allocation_line {
  std::string claim_id;
  debt_component component = debt_component::principal;
  money amount;
  friend bool operator==(const allocation_line&, const allocation_line&) = default;
};

}  // namespace arrears
