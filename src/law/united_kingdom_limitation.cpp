// UK limitation: 6 years from accrual (Limitation Act 1980 s. 5), restarted by s. 29(5).

#include <arrears/law/limitation_rules.hpp>
#include <arrears/law/united_kingdom.hpp>

namespace arrears {

limitation_result united_kingdom::limitation(const limitation_request& request) const {
  return english_limitation(request);
}

date united_kingdom::limitation_deadline(const limitation_query& query) const {
  return english_limitation_deadline(query);
}

}  // namespace arrears
