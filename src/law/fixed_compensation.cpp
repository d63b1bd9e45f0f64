// Fixed compensation per late invoice: the Directive's EUR 40 and the UK's banded sums.

#include <arrears/law/fixed_compensation.hpp>

#include "law/basis_text.hpp"

#include <arrears/core/error.hpp>

#include <string>

namespace arrears {
namespace {

currency currency_named(std::string_view code) { return currency::from_code(code); }

/// The claims' currency check shared by both rules; counts the claims with money open.
int late_invoices(const costs_request& request, currency expected, std::string_view who) {
  if (request.claims.empty())
    throw error(errc::invalid_argument, std::string(who) + ": no claims given");
  int late = 0;
  for (const money& claim : request.claims) {
    if (claim.currency() != expected)
      throw error(errc::invalid_argument, std::string(who) + ": a claim is in " +
                                              to_string(claim.currency()) + ", expected " +
                                              std::string(expected.code()));
    if (claim.is_negative())
      throw error(errc::invalid_argument,
                  std::string(who) + ": negative claim " + to_string(claim));
    if (claim.is_positive()) ++late;
  }
  return late;
}

costs_result without_vat(money costs, std::string basis) {
  return {costs, money::zero(costs.currency()), costs, std::move(basis)};
}

}  // namespace

costs_result fixed_compensation_per_invoice(const costs_request& request,
                                            const fixed_compensation_law& law) {
  const currency eur = currency_named("EUR");
  const int late = late_invoices(request, eur, law.citation);
  if (request.debtor == debtor_kind::consumer)
    return without_vat(money::zero(eur), std::string(law.consumer_note));
  if (late == 0) return without_vat(money::zero(eur), "nothing outstanding: no fixed compensation");
  const money per_invoice(4'000, eur);
  return without_vat(per_invoice * late,
                     "fixed compensation of 40.00 per late invoice (" + std::string(law.citation) +
                         "; due per late payment, CJEU C-78/22) x " + std::to_string(late) +
                         (late == 1 ? " invoice" : " invoices") + " = " +
                         detail::amount_text(per_invoice * late) +
                         "; no VAT: compensation, not a supply");
}

money uk_fixed_sum(money debt) {
  const currency gbp = currency_named("GBP");
  if (debt.currency() != gbp)
    throw error(errc::invalid_argument,
                "UK fixed sum: the debt is in " + to_string(debt.currency()) + ", expected GBP");
  if (debt.is_negative())
    throw error(errc::invalid_argument, "UK fixed sum: negative debt " + to_string(debt));
  if (debt.minor_units() < 100'000) return money(4'000, gbp);
  if (debt.minor_units() < 1'000'000) return money(7'000, gbp);
  return money(10'000, gbp);
}

costs_result uk_collection_costs(const costs_request& request) {
  const currency gbp = currency_named("GBP");
  const int late = late_invoices(request, gbp, "UK collection costs");
  if (request.debtor == debtor_kind::consumer)
    return without_vat(money::zero(gbp),
                       "no fixed sum: the Late Payment of Commercial Debts (Interest) Act 1998 "
                       "covers debts between businesses (and public bodies) only, not consumer "
                       "debts");
  if (late == 0) return without_vat(money::zero(gbp), "nothing outstanding: no fixed sum");
  money total = money::zero(gbp);
  std::string items;
  for (const money& claim : request.claims) {
    if (!claim.is_positive()) continue;
    const money sum = uk_fixed_sum(claim);
    total += sum;
    items +=
        (items.empty() ? "" : "; ") + detail::amount_text(claim) + " → " + detail::amount_text(sum);
  }
  std::string basis =
      "fixed sums per late invoice (Late Payment of Commercial Debts (Interest) Act 1998 s. 5A: "
      "40.00 below 1,000.00, 70.00 below 10,000.00, 100.00 from 10,000.00): " +
      items;
  if (late > 1) basis += "; total " + detail::amount_text(total);
  return without_vat(total, basis + "; no VAT: compensation, not a supply");
}

}  // namespace arrears
