#pragma once
// The Belgian consumer waiting period (Book XIX WER "Schulden van de consument", in force
// 1 September 2023): after the first, free reminder, a business must wait at least 14
// calendar days before damages or interest may run. The period starts on the third working
// day after a paper reminder is sent, or on the calendar day after an electronic one.
//
// Readings (UNVERIFIED, documented in docs/law.md):
// - "starts on" makes that day the period's first day; the fourteenth is 13 days later;
// - working days are Monday to Friday except Belgian legal holidays (belgian_calendar.hpp);
// - a last day on a Saturday, Sunday or legal holiday moves to the next working day, as
//   art. 53 Gerechtelijk Wetboek does for procedural terms: the creditor's safe side.

#include <arrears/core/date.hpp>
#include <arrears/law/notice.hpp>

#include <boost/describe/enum.hpp>

#include <cstdint>

namespace arrears {

/// How a reminder was sent; Book XIX starts the waiting period differently for each.
enum class reminder_medium : std::uint8_t { paper, electronic };
BOOST_DESCRIBE_ENUM(reminder_medium, paper, electronic)

/// The waiting period after a first reminder sent on `sent_on`, in the shape of the NL
/// letter so that one policy rule ("no costs before the notice's term has passed") serves
/// both: `term_ends` is the period's last day, `costs_chargeable_from` the day after it, and
/// `assumed_delivery` the day before the period's first day (the day it counts from), so
/// that, as in the NL letter, the period is the `period_days` days after `assumed_delivery`
/// (before any weekend or holiday extension). A reminder may give more than the statutory
/// 14 days, never fewer.
/// Throws error{errc::invalid_argument} for a special date, an unknown medium or
/// `period_days` below 14.
[[nodiscard]] fourteen_day_letter belgian_consumer_waiting_period(
    date sent_on, reminder_medium medium = reminder_medium::paper, int period_days = 14);

/// belgian_consumer_waiting_period(...).costs_chargeable_from, computed by the same code
/// without the basis text, so it does not allocate unless it throws (as
/// belgian_consumer_waiting_period does).
[[nodiscard]] date belgian_consumer_costs_chargeable_from(
    date sent_on, reminder_medium medium = reminder_medium::paper, int period_days = 14);

}  // namespace arrears
