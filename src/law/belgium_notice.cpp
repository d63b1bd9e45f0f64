// Belgian default and the consumer waiting period after the first, free reminder (Book XIX
// WER), returned in the 14-day letter's shape for a paper reminder.

#include <arrears/law/belgian_waiting_period.hpp>
#include <arrears/law/belgium.hpp>
#include <arrears/law/default_rules.hpp>

namespace arrears {

default_result belgium::default_starts(const default_request& request) const {
  return belgian_default_starts(request);
}

std::optional<fourteen_day_letter> belgium::consumer_costs_notice(date sent_on) const {
  // Formal notices go by post: the paper reminder's start (third working day) applies.
  return belgian_consumer_waiting_period(sent_on, reminder_medium::paper);
}

std::optional<date> belgium::default_first_day(const default_request& request) const {
  return belgian_default_first_day(request);
}

std::optional<date> belgium::consumer_costs_chargeable_from(date sent_on) const {
  return belgian_consumer_costs_chargeable_from(sent_on, reminder_medium::paper);
}

}  // namespace arrears
