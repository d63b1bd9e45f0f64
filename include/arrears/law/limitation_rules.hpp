#pragma once
// Limitation periods per jurisdiction, with interruptions. The packs' limitation() call
// these; they are free functions so that they can be tested and reused without a pack.
//
// Conventions (docs/law.md):
// - A period of N years that starts at the beginning of day S ends at the end of the day
//   before S's date N years later; with S the day after the due date D, the deadline is D's
//   date N years later (law-facts §3). 29 February becomes 28 February in a year without it.
//   For D = 28 February and a leap target year the strict count would give 29 February;
//   arrears gives the 28th, one day early, the creditor's safe side.
// - Interruptions must be in date order. One dated after the running deadline has no effect
//   (the claim was already time-barred; an acknowledgement cannot revive it), nor has one
//   dated on or before the due date (the period has not started). Both are named in the
//   basis.
// All functions throw error{errc::invalid_argument} for a special date or interruptions out
// of date order, and error{errc::date_out_of_range} past 9999-12-31.
//
// Each rule also has a date-only form, *_limitation_deadline(limitation_query), for callers
// that ask for every case on every review (the policy engine): the same deadline, computed
// by the same code, with the same errors, but without the basis text, so it does not
// allocate.

#include <arrears/core/date.hpp>
#include <arrears/law/limitation.hpp>

namespace arrears {

/// `day`'s date `years` calendar years later (earlier for negative `years`); 29 February
/// becomes 28 February in a year without it. Unlike boost's year arithmetic it never snaps
/// the last day of a month to the end of the month (28 February 2023 + 1 year is 28 February
/// 2024, not the 29th).
/// Throws error{errc::date_out_of_range} outside 1400..9999.
[[nodiscard]] date add_years(date day, int years);

/// NL art. 3:319: the deadline after an interruption on `interrupted_on` of a period of
/// `original_years` years that would otherwise end on `running_deadline`: a new period starts
/// the next day, as long as the original but at most 5 years (lid 2), and never ends before
/// `running_deadline` ("in geen geval op een eerder tijdstip").
[[nodiscard]] date dutch_restarted_deadline(date interrupted_on, int original_years,
                                            date running_deadline);

/// NL: 5 years (art. 3:307 BW), 2 years for the price of a consumer sale of goods (7:28),
/// from the day after the due date. A written reminder (3:317), an acknowledgement or part
/// payment (3:318; a part payment acknowledges the debt) and legal action (3:316) interrupt:
/// dutch_restarted_deadline. A claim that ends in a judgment then runs under 3:324 (20
/// years), not modelled.
[[nodiscard]] limitation_result dutch_limitation(const limitation_request& request);
/// dutch_limitation(...).deadline for the same due date, flag and interruptions, without the
/// basis; does not allocate unless it throws.
[[nodiscard]] date dutch_limitation_deadline(const limitation_query& query);

/// DE: 3 years (§ 195 BGB) from the end of the year in which the claim arose, i.e. the year
/// of the due date (§ 199 Abs. 1; the creditor knows of its own invoice): deadline 31
/// December of that year + 3. An acknowledgement or part payment (§ 212 Abs. 1 Nr. 1) starts
/// a new full 3-year period the next day, not to a year end; it never shortens the running
/// period (UNVERIFIED for an acknowledgement in the year the claim arose). Reminders do not
/// interrupt; legal action suspends (Hemmung, § 204) rather than restarts: not modelled, so
/// the deadline shown is the one without suspension. `consumer_sale_of_goods` has no effect.
[[nodiscard]] limitation_result german_limitation(const limitation_request& request);
/// german_limitation(...).deadline for the same due date, flag and interruptions, without the
/// basis; does not allocate unless it throws.
[[nodiscard]] date german_limitation_deadline(const limitation_query& query);

/// England and Wales, Northern Ireland: 6 years from accrual of the cause of action
/// (Limitation Act 1980 s. 5), taking accrual as the day after the due date and counting from
/// the start of that day: the deadline is the due date six years later. (English practice
/// excludes the day of accrual, Marren v Dawson Bentley [1961] 2 QB 135, which would give
/// one day more: arrears stays on the safe side.) An acknowledgement in writing or a part
/// payment makes the right accrue afresh on that day (s. 29(5)): its date six years later.
/// Reminders do not restart; issuing proceedings stops the clock for that claim (not modelled).
/// Note Consulting Concepts International v Consumer Protection Association [2022] EWHC 461 (Comm):
/// a cause of action for an invoice may accrue on performance, before the due date. Scotland
/// (5-year prescription) is not covered. `consumer_sale_of_goods` has no effect.
[[nodiscard]] limitation_result english_limitation(const limitation_request& request);
/// english_limitation(...).deadline for the same due date, flag and interruptions, without the
/// basis; does not allocate unless it throws.
[[nodiscard]] date english_limitation_deadline(const limitation_query& query);

/// BE, UNVERIFIED (law-facts does not cover it): 10 years for personal actions (art. 2262bis
/// old Civil Code) from the day after the due date; an acknowledgement or part payment (art.
/// 2248) starts a new 10-year period. Reminders do not interrupt (the lawyer's or bailiff's
/// formal notice of art. 2244 § 2 is not modelled); legal action interrupts for the length of
/// the proceedings (not modelled). Shorter periods that may apply to consumer or periodic
/// debts (art. 2272, 2277) are not modelled. `consumer_sale_of_goods` has no effect.
[[nodiscard]] limitation_result belgian_limitation(const limitation_request& request);
/// belgian_limitation(...).deadline for the same due date, flag and interruptions, without the
/// basis; does not allocate unless it throws.
[[nodiscard]] date belgian_limitation_deadline(const limitation_query& query);

}  // namespace arrears
