#pragma once
// The order in which the law applies a payment to what a debtor owes.

#include <boost/describe/enum.hpp>

#include <array>
#include <cstdint>
#include <string_view>

namespace arrears {

/// The part of the debt a payment goes to.
enum class debt_component : std::uint8_t { costs, interest, principal };
BOOST_DESCRIBE_ENUM(debt_component, costs, interest, principal)

/// A jurisdiction's allocation rule: the order of the components within a claim, and across
/// claims the debtor's designation first, then the oldest due claim.
struct allocation_order {
  std::array<debt_component, 3> components{debt_component::costs, debt_component::interest,
                                           debt_component::principal};
  /// The statutes, e.g. "art. 6:43 and 6:44 BW".
  std::string_view basis;
};

}  // namespace arrears
