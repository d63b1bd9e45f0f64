// Dutch limitation: 5 years (3:307 BW), 2 for a consumer sale (7:28), interrupted (3:316-3:319).

#include <arrears/law/limitation_rules.hpp>
#include <arrears/law/netherlands.hpp>

namespace arrears {

limitation_result netherlands::limitation(const limitation_request& request) const {
  return dutch_limitation(request);
}

date netherlands::limitation_deadline(const limitation_query& query) const {
  return dutch_limitation_deadline(query);
}

}  // namespace arrears
