// The Belgian consumer waiting period after the first reminder (Book XIX WER).

#include <arrears/law/belgian_waiting_period.hpp>

#include "law/law_dates.hpp"

#include <arrears/core/error.hpp>
#include <arrears/law/belgian_calendar.hpp>

#include <string>

namespace arrears {
using detail::dated;

fourteen_day_letter belgian_consumer_waiting_period(date sent_on, reminder_medium medium,
                                                    int period_days) {
  detail::require_real_date(sent_on, "belgian_consumer_waiting_period");
  if (period_days < 14)
    throw error(errc::invalid_argument,
                "belgian_consumer_waiting_period: a period of " + std::to_string(period_days) +
                    " days is shorter than the 14 days Book XIX WER requires");
  const belgian_calendar& calendar = belgian_calendar::instance();
  date first_day;
  std::string start;
  switch (medium) {
    case reminder_medium::paper:
      first_day = calendar.add_business_days(sent_on, 3);
      start = "a paper reminder: the period starts on the third working day after sending";
      break;
    case reminder_medium::electronic:
      first_day = detail::next_day(sent_on, "belgian_consumer_waiting_period");
      start = "an electronic reminder: the period starts on the calendar day after sending";
      break;
    default:
      throw error(errc::invalid_argument, "belgian_consumer_waiting_period: unknown medium " +
                                              std::to_string(static_cast<int>(medium)));
  }
  fourteen_day_letter period;
  period.sent_on = sent_on;
  period.assumed_delivery = first_day - days(1);
  const date last =
      detail::plus_days(first_day, period_days - 1, "belgian_consumer_waiting_period");
  period.term_ends = calendar.next_business_day_on_or_after(last);
  period.costs_chargeable_from =
      detail::next_day(period.term_ends, "belgian_consumer_waiting_period");
  std::string basis = "Book XIX WER waiting period after the first, free reminder, sent " +
                      dated(sent_on) + " as " + start + ", " + dated(first_day) + "; " +
                      std::to_string(period_days) + " calendar days end " + dated(last);
  if (period.term_ends != last)
    basis += ", moved to the next working day " + dated(period.term_ends) +
             " (as art. 53 Ger.W.; applied to be safe, UNVERIFIED for this period)";
  basis += "; damages and interest may run from " + dated(period.costs_chargeable_from);
  period.basis = std::move(basis);
  return period;
}

}  // namespace arrears
