// The Dutch 14-day letter: assumed delivery, term and first day of collection costs.

#include <arrears/law/fourteen_day_letter.hpp>

#include "law/law_dates.hpp"

#include <arrears/core/calendar.hpp>
#include <arrears/core/dutch_calendar.hpp>
#include <arrears/core/error.hpp>

#include <boost/date_time/date_defs.hpp>

#include <string>

namespace arrears {
using detail::dated;

date dutch_assumed_delivery(date sent_on) {
  detail::require_real_date(sent_on, "dutch_assumed_delivery");
  const dutch_calendar& calendar = dutch_calendar::instance();
  date day = sent_on;
  for (int counted = 0; counted < 2;) {
    day = detail::next_day(day, "dutch_assumed_delivery");
    const auto weekday = day.day_of_week().as_enum();
    if (weekday != boost::date_time::Sunday && weekday != boost::date_time::Monday &&
        !calendar.is_holiday(day))
      ++counted;
  }
  return day;
}

date dutch_term_end(date delivered_on, int term_days) {
  detail::require_real_date(delivered_on, "dutch_term_end");
  if (term_days < 0)
    throw error(errc::invalid_argument,
                "dutch_term_end: negative term of " + std::to_string(term_days) + " days");
  return dutch_calendar::instance().next_business_day_on_or_after(
      detail::plus_days(delivered_on, term_days, "dutch_term_end"));
}

namespace {

/// The letter's dates without its basis: computed once for the full letter and the date-only
/// answer. Does not allocate unless it throws.
fourteen_day_letter dutch_letter_dates(date sent_on) {
  fourteen_day_letter letter;
  letter.sent_on = sent_on;
  letter.assumed_delivery = dutch_assumed_delivery(sent_on);
  letter.term_ends = dutch_term_end(letter.assumed_delivery, 14);
  letter.costs_chargeable_from = detail::next_day(letter.term_ends, "dutch_fourteen_day_letter");
  return letter;
}

}  // namespace

fourteen_day_letter dutch_fourteen_day_letter(date sent_on) {
  fourteen_day_letter letter = dutch_letter_dates(sent_on);
  const date fourteenth =
      detail::plus_days(letter.assumed_delivery, 14, "dutch_fourteen_day_letter");
  std::string basis = "14-day letter (art. 6:96 lid 6 BW) sent " + dated(sent_on) +
                      "; assumed delivered " + dated(letter.assumed_delivery) +
                      ": the second day after sending, Sundays, Mondays and public holidays "
                      "not counting; the 14 days start the day after delivery "
                      "(HR 25-11-2016, ECLI:NL:HR:2016:2704) and end " +
                      dated(fourteenth);
  if (letter.term_ends != fourteenth)
    basis += ", moved to " + dated(letter.term_ends) +
             " past a weekend or public holiday (Algemene termijnenwet art. 1; applied to be "
             "safe, UNVERIFIED for this term)";
  basis += "; collection costs may be charged from " + dated(letter.costs_chargeable_from) +
           " if the debt is still unpaid";
  letter.basis = std::move(basis);
  return letter;
}

date dutch_costs_chargeable_from(date sent_on) {
  return dutch_letter_dates(sent_on).costs_chargeable_from;
}

bool fourteen_day_letter_valid_for_consumer(date sent_on, std::optional<date> default_first_day) {
  detail::require_real_date(sent_on, "fourteen_day_letter_valid_for_consumer");
  return default_first_day.has_value() && !default_first_day->is_special() &&
         *default_first_day <= sent_on;
}

}  // namespace arrears
