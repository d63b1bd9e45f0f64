// EU default collection costs: EUR 40 per late invoice (Directive 2011/7/EU art. 6).

#include <arrears/law/european_union.hpp>
#include <arrears/law/fixed_compensation.hpp>

namespace arrears {

costs_result european_union::collection_costs(const costs_request& request) const {
  static constexpr fixed_compensation_law law{
      "Directive 2011/7/EU art. 6(1)",
      "no fixed sum for a consumer debtor: Directive 2011/7/EU covers commercial transactions "
      "(between undertakings, or with public authorities) only; national law governs consumer "
      "debts"};
  return fixed_compensation_per_invoice(request, law);
}

}  // namespace arrears
