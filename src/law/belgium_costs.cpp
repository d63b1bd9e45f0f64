// Belgian collection costs: EUR 40 per invoice (B2B), Book XIX WER caps (consumers).

#include <arrears/law/belgian_consumer_costs.hpp>
#include <arrears/law/belgium.hpp>

namespace arrears {

costs_result belgium::collection_costs(const costs_request& request) const {
  return belgian_collection_costs(request);
}

}  // namespace arrears
