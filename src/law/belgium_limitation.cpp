// Belgian limitation: 10 years (art. 2262bis old Civil Code), UNVERIFIED.

#include <arrears/law/belgium.hpp>
#include <arrears/law/limitation_rules.hpp>

namespace arrears {

limitation_result belgium::limitation(const limitation_request& request) const {
  return belgian_limitation(request);
}

}  // namespace arrears
