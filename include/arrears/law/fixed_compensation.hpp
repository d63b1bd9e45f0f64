#pragma once
// Fixed compensation per late invoice: the EUR 40 of the Late Payment Directive 2011/7/EU
// art. 6 as the member states transposed it (DE § 288 Abs. 5 BGB, BE law of 2 August 2002
// art. 6, the EU default pack), and the UK's banded fixed sums (Late Payment of Commercial
// Debts (Interest) Act 1998 s. 5A). These cover commercial debts only.

#include <arrears/core/money.hpp>
#include <arrears/law/collection_costs.hpp>

#include <string_view>

namespace arrears {

/// Where a jurisdiction's EUR 40 comes from, for the basis text.
struct fixed_compensation_law {
  std::string_view citation;  ///< "§ 288 Abs. 5 BGB"
  /// Why a consumer owes no flat sum, and what may be claimed instead.
  std::string_view consumer_note;
};

/// EUR 40 for each late invoice (each claim with a positive principal; CJEU C-78/22 makes it
/// per late payment) when the debtor is not a consumer; zero for a consumer, with
/// `law.consumer_note` as the basis. No VAT: the sum is compensation, not a supply.
/// Throws error{errc::invalid_argument} when there are no claims or a claim is negative or
/// not in EUR.
[[nodiscard]] costs_result fixed_compensation_per_invoice(const costs_request& request,
                                                          const fixed_compensation_law& law);

/// UK s. 5A: the fixed sum for one qualifying debt of `debt`: GBP 40 below 1,000.00,
/// GBP 70 from 1,000.00 to below 10,000.00, GBP 100 from 10,000.00.
/// Throws error{errc::invalid_argument} unless `debt` is in GBP and not negative.
[[nodiscard]] money uk_fixed_sum(money debt);

/// UK collection costs: uk_fixed_sum for each late invoice of a business or public-body
/// debtor; zero for a consumer (the 1998 Act covers commercial debts only). No VAT.
/// Throws error{errc::invalid_argument} when there are no claims or a claim is negative or
/// not in GBP.
[[nodiscard]] costs_result uk_collection_costs(const costs_request& request);

}  // namespace arrears
