#pragma once
// How a settlement (payment, credit note, write-off) was spread over a case.

#include <arrears/core/money.hpp>

#include <boost/describe/enum.hpp>

#include <cstdint>
#include <string>

namespace arrears {

/// The part of the debt a settlement went to. NL art. 6:44 BW: costs, then interest, then
/// principal.
enum class debt_component : std::uint8_t { costs, interest, principal };
BOOST_DESCRIBE_ENUM(debt_component, costs, interest, principal)

/// One slice of a settlement: `amount` went to `component` of claim `claim_id` (empty for
/// the case-level costs and interest).
struct allocation_line {
  std::string claim_id;
  debt_component component = debt_component::principal;
  money amount;
  friend bool operator==(const allocation_line&, const allocation_line&) = default;
};

}  // namespace arrears
