// The Dutch BIK staffel and the NL collection costs.

#include <arrears/law/bik.hpp>

#include "law/basis_text.hpp"

#include <arrears/core/error.hpp>
#include <arrears/core/rounding.hpp>

#include <algorithm>
#include <limits>
#include <string>

namespace arrears {
namespace {

struct staffel_row {
  std::int64_t upper_cents;  ///< the slice ends at this principal (inclusive)
  std::int64_t percent_ppm;
};

// Besluit BIK art. 2 lid 1, as cumulative upper bounds.
constexpr staffel_row staffel_rows[] = {
    {250'000, 150'000},                                 // 15 % of the first 2,500
    {500'000, 100'000},                                 // 10 % of the next 2,500
    {1'000'000, 50'000},                                // 5 % of the next 5,000
    {20'000'000, 10'000},                               // 1 % of the next 190,000
    {std::numeric_limits<std::int64_t>::max(), 5'000},  // 0.5 % of the rest
};

const currency& euro() {
  static const currency eur = currency::from_code("EUR");
  return eur;
}

void require_euro(money amount, const char* what) {
  if (amount.currency() != euro())
    throw error(errc::invalid_argument, std::string("BIK staffel: ") + what + " is in " +
                                            to_string(amount.currency()) +
                                            ", expected EUR (the Besluit BIK's amounts are euros)");
}

}  // namespace

bik_calculation bik_staffel(money principal) {
  require_euro(principal, "the principal");
  if (principal.is_negative())
    throw error(errc::invalid_argument, "BIK staffel: negative principal " + to_string(principal));
  bik_calculation result;
  result.principal = principal;
  std::int64_t lower = 0;
  for (const auto& row : staffel_rows) {
    if (principal.minor_units() <= lower) break;
    const std::int64_t portion = std::min(principal.minor_units(), row.upper_cents) - lower;
    // ppm / 1000 is exact for every row: the slice in thousandths of a cent.
    const std::int64_t exact = mul_div_round_half_up(portion, row.percent_ppm, 1'000);
    if (__builtin_add_overflow(result.exact_thousandths, exact, &result.exact_thousandths))
      throw error(errc::overflow,
                  "BIK staffel: principal " + to_string(principal) + " is too large");
    result.slices.push_back({money(portion, euro()), rate::from_ppm(row.percent_ppm), exact});
    lower = row.upper_cents;
  }
  result.staffel = money(mul_div_round_half_up(result.exact_thousandths, 1, 1'000), euro());
  const std::int64_t bounded =
      std::clamp(result.staffel.minor_units(), bik_minimum_cents, bik_maximum_cents);
  result.minimum_applied = bounded > result.staffel.minor_units();
  result.maximum_applied = bounded < result.staffel.minor_units();
  result.amount = money(bounded, euro());
  return result;
}

costs_result dutch_collection_costs(const costs_request& request) {
  if (request.claims.empty())
    throw error(errc::invalid_argument, "NL collection costs: no claims given");
  if (request.vat_rate < rate())
    throw error(errc::invalid_argument,
                "NL collection costs: negative VAT rate " + to_string(request.vat_rate));
  money principal = money::zero(euro());
  for (const money& claim : request.claims) {
    require_euro(claim, "a claim");
    if (claim.is_negative())
      throw error(errc::invalid_argument,
                  "NL collection costs: negative claim " + to_string(claim));
    principal += claim;
  }

  costs_result result;
  result.vat = money::zero(euro());
  if (principal.is_zero()) {
    result.costs = result.total = money::zero(euro());
    result.basis = "nothing outstanding: no collection costs";
    return result;
  }

  const bik_calculation staffel = bik_staffel(principal);
  std::string basis = "BIK staffel (Besluit BIK art. 2) over " + detail::amount_text(principal);
  if (request.claims.size() > 1)
    basis += " (" + std::to_string(request.claims.size()) + " claims summed, art. 6:96 lid 7 BW)";
  basis += ": ";
  for (std::size_t i = 0; i < staffel.slices.size(); ++i) {
    const bik_slice& slice = staffel.slices[i];
    if (i > 0) basis += " + ";
    basis += detail::percent_text(slice.percent) + " of " + detail::amount_text(slice.portion) +
             " = " + detail::exact_amount_text(slice.exact_thousandths, euro());
  }
  basis += " → " + detail::amount_text(staffel.staffel);
  if (staffel.minimum_applied) basis += ", raised to the minimum of 40.00 (art. 2 lid 2)";
  if (staffel.maximum_applied) basis += ", limited to the maximum of 6,775.00 (art. 2 lid 1)";

  if (request.debtor == debtor_kind::consumer)
    basis +=
        "; consumer: the staffel is the most that may be charged (art. 6:96 lid 5 BW), and "
        "only after a 14-day letter has expired unpaid (lid 6)";
  else
    basis +=
        "; business debtor: the staffel is the usual amount and at least the 40.00 of "
        "art. 6:96 lid 4 BW, due without a reminder from the day after the due date";

  result.costs = staffel.amount;
  if (request.creditor_can_deduct_vat) {
    basis += "; no VAT: the creditor can deduct VAT";
  } else {
    result.vat = percentage_of(result.costs, request.vat_rate);
    basis += "; VAT " + detail::percent_text(request.vat_rate) + " of " +
             detail::amount_text(result.costs) + " = " + detail::amount_text(result.vat) +
             " added because the creditor cannot deduct VAT (art. 2 lid 3)";
  }
  result.total = result.costs + result.vat;
  result.basis = std::move(basis);
  return result;
}

}  // namespace arrears
