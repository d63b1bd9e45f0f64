// Belgian limitation: 10 years (art. 2262bis old Civil Code), UNVERIFIED.

#include <arrears/law/belgium.hpp>
#include <arrears/law/limitation_rules.hpp>

namespace arrears {

limitation_result belgium::limitation(const limitation_request& request) const {
  return belgian_limitation(request);
}

date belgium::limitation_deadline(const limitation_query& query) const {
  return belgian_limitation_deadline(query);
}

}  // namespace arrears
