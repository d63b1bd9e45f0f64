// Belgian collection costs: Book XIX WER for consumers, EUR 40 per invoice for businesses.

#include <arrears/law/belgian_consumer_costs.hpp>

#include "law/basis_text.hpp"

#include <arrears/core/error.hpp>
#include <arrears/law/fixed_compensation.hpp>

#include <algorithm>
#include <string>

namespace arrears {
namespace {

const currency& euro() {
  static const currency eur = currency::from_code("EUR");
  return eur;
}

constexpr fixed_compensation_law belgian_b2b_law{
    "art. 6 of the law of 2 August 2002 on late payment in commercial transactions",
    "not used: consumers are handled by Book XIX WER"};

}  // namespace

date belgian_book_xix_in_force() { return date(2023, 9, 1); }

money belgian_consumer_damages_cap(money balance) {
  if (balance.currency() != euro())
    throw error(errc::invalid_argument, "Book XIX damages cap: the balance is in " +
                                            to_string(balance.currency()) + ", expected EUR");
  if (balance.is_negative())
    throw error(errc::invalid_argument,
                "Book XIX damages cap: negative balance " + to_string(balance));
  const std::int64_t cents = balance.minor_units();
  if (cents <= 15'000) return money(2'000, euro());
  // Exactly, in thousandths of a cent: 10 % of a cent is 100 thousandths, 5 % is 50.
  std::int64_t thousandths = 0;
  if (cents <= 50'000) {
    thousandths = 3'000'000 + (cents - 15'000) * 100;
  } else {
    // Past 39,200.00 the cap is 2,000.00 anyway; clamping first keeps the product small.
    const std::int64_t above = std::min<std::int64_t>(cents - 50'000, 4'000'000);
    thousandths = 6'500'000 + above * 50;
  }
  return money(std::min<std::int64_t>(thousandths / 1'000, 200'000), euro());
}

money belgian_reminder_fees(int reminders_sent, money postage) {
  if (reminders_sent < 0)
    throw error(errc::invalid_argument, "Book XIX reminder fees: negative number of reminders " +
                                            std::to_string(reminders_sent));
  if (postage.is_zero()) postage = money::zero(euro());
  if (postage.currency() != euro())
    throw error(errc::invalid_argument, "Book XIX reminder fees: postage is in " +
                                            to_string(postage.currency()) + ", expected EUR");
  if (postage.is_negative())
    throw error(errc::invalid_argument,
                "Book XIX reminder fees: negative postage " + to_string(postage));
  const int paid_reminders = std::max(reminders_sent - 1, 0);
  return (money(750, euro()) + postage) * paid_reminders;
}

costs_result belgian_collection_costs(const costs_request& request) {
  if (request.debtor != debtor_kind::consumer)
    return fixed_compensation_per_invoice(request, belgian_b2b_law);

  if (request.claims.empty())
    throw error(errc::invalid_argument, "BE consumer costs: no claims given");
  money balance = money::zero(euro());
  for (const money& claim : request.claims) {
    if (claim.currency() != euro())
      throw error(errc::invalid_argument, "BE consumer costs: a claim is in " +
                                              to_string(claim.currency()) + ", expected EUR");
    if (claim.is_negative())
      throw error(errc::invalid_argument, "BE consumer costs: negative claim " + to_string(claim));
    balance += claim;
  }
  if (request.on.is_special())
    throw error(errc::invalid_argument,
                "BE consumer costs: the date the costs are charged (costs_request::on) is "
                "needed to know whether Book XIX WER applies");
  const money fees = belgian_reminder_fees(request.reminders_sent, request.postage);

  costs_result result;
  result.vat = money::zero(euro());
  if (request.on < belgian_book_xix_in_force()) {
    result.costs = result.total = money::zero(euro());
    result.basis =
        "no consumer costs computed before Book XIX WER took effect (2023-09-01): the "
        "contract's damages clause applies, subject to the courts' review";
    return result;
  }
  if (balance.is_zero()) {
    result.costs = result.total = money::zero(euro());
    result.basis = "nothing outstanding: no collection costs";
    return result;
  }

  const money cap = belgian_consumer_damages_cap(balance);
  const std::int64_t cents = balance.minor_units();
  std::string cap_rule;
  if (cents <= 15'000) {
    cap_rule = "20.00 for a balance up to 150.00";
  } else if (cents <= 50'000) {
    cap_rule = "30.00 + 10 % of the part above 150.00 (" +
               detail::amount_text(balance - money(15'000, euro())) + ")";
  } else {
    cap_rule = "65.00 + 5 % of the part above 500.00 (" +
               detail::amount_text(balance - money(50'000, euro())) + "), at most 2,000.00";
  }
  std::string basis =
      "Book XIX WER (consumer debts, from 2023-09-01) on an outstanding balance of " +
      detail::amount_text(balance) + ": ";
  const int paid_reminders = std::max(request.reminders_sent - 1, 0);
  if (paid_reminders == 0) {
    basis += "reminder fees 0.00 (the first reminder is free); ";
  } else {
    basis +=
        "reminder fees for " + std::to_string(paid_reminders) + " further " +
        (paid_reminders == 1 ? "reminder" : "reminders") + " at most 7.50 + postage " +
        detail::amount_text(request.postage.is_zero() ? money::zero(euro()) : request.postage) +
        " each = " + detail::amount_text(fees) + " (the first is free); ";
  }
  basis += "flat damages at most " + cap_rule + " = " + detail::amount_text(cap) +
           " (rounded down: a maximum); total " + detail::amount_text(fees + cap) +
           ", chargeable only after the 14-day waiting period that follows the first reminder; "
           "no VAT";
  result.costs = result.total = fees + cap;
  result.basis = std::move(basis);
  return result;
}

}  // namespace arrears
