// Dutch collection costs: the BIK staffel over the summed principal (bik.hpp).

#include <arrears/law/bik.hpp>
#include <arrears/law/netherlands.hpp>

namespace arrears {

costs_result netherlands::collection_costs(const costs_request& request) const {
  return dutch_collection_costs(request);
}

}  // namespace arrears
