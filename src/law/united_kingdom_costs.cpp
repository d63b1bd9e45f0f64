// UK collection costs: the fixed sums of the Late Payment Act 1998 s. 5A, per invoice.

#include <arrears/law/fixed_compensation.hpp>
#include <arrears/law/united_kingdom.hpp>

namespace arrears {

costs_result united_kingdom::collection_costs(const costs_request& request) const {
  return uk_collection_costs(request);
}

}  // namespace arrears
