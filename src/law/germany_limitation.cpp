// German limitation: 3 years to the year end (§§ 195, 199 BGB), Neubeginn (§ 212).

#include <arrears/law/germany.hpp>
#include <arrears/law/limitation_rules.hpp>

namespace arrears {

limitation_result germany::limitation(const limitation_request& request) const {
  return german_limitation(request);
}

date germany::limitation_deadline(const limitation_query& query) const {
  return german_limitation_deadline(query);
}

}  // namespace arrears
