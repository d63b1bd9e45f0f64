// The Belgian consumer waiting period after the first reminder (Book XIX WER).

#include <arrears/law/belgian_waiting_period.hpp>

#include "law/belgian_waiting_period_dates.hpp"
#include "law/law_dates.hpp"

#include <arrears/core/error.hpp>
#include <arrears/law/belgian_calendar.hpp>

#include <string>

namespace arrears {
using detail::dated;

namespace detail {

belgian_waiting_dates belgian_waiting_period_dates(date sent_on, reminder_medium medium,
                                                   int period_days) {
  require_real_date(sent_on, "belgian_consumer_waiting_period");
  if (period_days < 14)
    throw error(errc::invalid_argument,
                "belgian_consumer_waiting_period: a period of " + std::to_string(period_days) +
                    " days is shorter than the 14 days Book XIX WER requires");
  const belgian_calendar& calendar = belgian_calendar::instance();
  belgian_waiting_dates dates;
  switch (medium) {
    case reminder_medium::paper:
      dates.first_day = calendar.add_business_days(sent_on, 3);
      break;
    case reminder_medium::electronic:
      dates.first_day = next_day(sent_on, "belgian_consumer_waiting_period");
      break;
    default:
      throw error(errc::invalid_argument, "belgian_consumer_waiting_period: unknown medium " +
                                              std::to_string(static_cast<int>(medium)));
  }
  dates.last_day = plus_days(dates.first_day, period_days - 1, "belgian_consumer_waiting_period");
  dates.term_ends = calendar.next_business_day_on_or_after(dates.last_day);
  dates.costs_chargeable_from = next_day(dates.term_ends, "belgian_consumer_waiting_period");
  return dates;
}

std::string belgian_waiting_period_basis(date sent_on, reminder_medium medium, int period_days,
                                         const belgian_waiting_dates& dates) {
  const char* start =
      medium == reminder_medium::paper
          ? "a paper reminder: the period starts on the third working day after sending"
          : "an electronic reminder: the period starts on the calendar day after sending";
  std::string basis = "Book XIX WER waiting period after the first, free reminder, sent " +
                      dated(sent_on) + " as " + start + ", " + dated(dates.first_day) + "; " +
                      std::to_string(period_days) + " calendar days end " + dated(dates.last_day);
  if (dates.term_ends != dates.last_day)
    basis += ", moved to the next working day " + dated(dates.term_ends) +
             " (as art. 53 Ger.W.; applied to be safe, UNVERIFIED for this period)";
  basis += "; damages and interest may run from " + dated(dates.costs_chargeable_from);
  return basis;
}

}  // namespace detail

fourteen_day_letter belgian_consumer_waiting_period(date sent_on, reminder_medium medium,
                                                    int period_days) {
  const detail::belgian_waiting_dates dates =
      detail::belgian_waiting_period_dates(sent_on, medium, period_days);
  fourteen_day_letter period;
  period.sent_on = sent_on;
  period.assumed_delivery = dates.first_day - days(1);
  period.term_ends = dates.term_ends;
  period.costs_chargeable_from = dates.costs_chargeable_from;
  period.basis = detail::belgian_waiting_period_basis(sent_on, medium, period_days, dates);
  return period;
}

date belgian_consumer_costs_chargeable_from(date sent_on, reminder_medium medium, int period_days) {
  return detail::belgian_waiting_period_dates(sent_on, medium, period_days).costs_chargeable_from;
}

}  // namespace arrears
