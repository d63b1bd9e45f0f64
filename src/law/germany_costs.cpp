// German collection costs: the EUR 40 Pauschale of § 288 Abs. 5 BGB for non-consumers.

#include <arrears/law/fixed_compensation.hpp>
#include <arrears/law/germany.hpp>

namespace arrears {

costs_result germany::collection_costs(const costs_request& request) const {
  static constexpr fixed_compensation_law law{
      "§ 288 Abs. 5 BGB",
      "no Pauschale for a consumer debtor: § 288 Abs. 5 BGB applies only when the debtor is "
      "not a consumer; the actual costs of pursuit after Verzug (§§ 280, 286 BGB) may be "
      "claimed instead, not computed here"};
  return fixed_compensation_per_invoice(request, law);
}

}  // namespace arrears
