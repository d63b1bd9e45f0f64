#pragma once
// What a business may charge a Belgian consumer for late payment (Book XIX WER "Schulden van
// de consument", wet van 4 mei 2023, in force 1 September 2023), and the Belgian collection
// costs as a whole (B2B: the EUR 40 of the law of 2 August 2002, art. 6).
//
// How a costs_request maps onto Book XIX for a consumer:
// - `reminders_sent` reminders have gone out; the first is free, each further one costs at
//   most EUR 7.50 plus `postage` (the postage of one reminder);
// - the flat damages (schadebeding) are capped by the outstanding balance, which is the sum
//   of `claims`;
// - costs = the reminder fees + the damages cap: the most the business may charge once the
//   14-day waiting period after the first reminder has passed (belgian_waiting_period.hpp).
// - `on`, the day the costs would be charged, decides whether Book XIX applies: from
//   2023-09-01. The law applies to contracts concluded before that day only from 2023-12-01;
//   the request does not say when the contract was concluded, and arrears applies the caps
//   from 2023-09-01 to every contract (a cap can only make the figure lower).
// Not modelled: contracts for regular supply (utilities, subscriptions), where reminders for
// up to three missed due dates per calendar year are free; the consumer's interest (capped
// at the B2B late-payment rate, computed by statutory_interest).

#include <arrears/core/date.hpp>
#include <arrears/core/money.hpp>
#include <arrears/law/collection_costs.hpp>

namespace arrears {

/// 2023-09-01, the day Book XIX WER took effect.
[[nodiscard]] date belgian_book_xix_in_force();

/// The most a Belgian consumer may owe as flat damages on an outstanding balance of
/// `balance`: EUR 20 up to 150.00; EUR 30 + 10 % of the part above 150.00 up to 500.00;
/// EUR 65 + 5 % of the part above 500.00, at most EUR 2,000 (reached at 39,200.00).
/// Computed exactly and rounded DOWN to the cent: it is a maximum, and rounding up could
/// exceed it by half a cent.
/// Throws error{errc::invalid_argument} unless `balance` is in EUR and not negative.
[[nodiscard]] money belgian_consumer_damages_cap(money balance);

/// The most a Belgian consumer may owe for `reminders_sent` reminders: the first is free,
/// each further one at most EUR 7.50 + `postage`. A zero `postage` may be in any currency
/// (the default-constructed amount is zero "XXX").
/// Throws error{errc::invalid_argument} for a negative count, or a postage that is negative
/// or (when not zero) not in EUR.
[[nodiscard]] money belgian_reminder_fees(int reminders_sent, money postage);

/// Belgian collection costs. Business and public-body debtors: EUR 40 per late invoice
/// (law of 2 August 2002 art. 6). Consumers: reminder fees + damages cap as described above,
/// zero before Book XIX took effect. No VAT in either case.
/// Throws error{errc::invalid_argument} when there are no claims, a claim is negative or not
/// in EUR, the reminder fields are invalid, or, for a consumer, `on` is not a real date.
[[nodiscard]] costs_result belgian_collection_costs(const costs_request& request);

}  // namespace arrears
