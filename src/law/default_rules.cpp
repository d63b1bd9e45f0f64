// When default starts, per jurisdiction.

#include <arrears/law/default_rules.hpp>

#include "law/law_dates.hpp"

#include <arrears/core/calendar.hpp>
#include <arrears/core/error.hpp>
#include <arrears/law/belgian_waiting_period.hpp>
#include <arrears/law/fourteen_day_letter.hpp>

#include <algorithm>
#include <string>

namespace arrears {
namespace {

using detail::dated;
using detail::plus_days;

void check(const default_request& request, const char* function) {
  detail::require_real_date(request.due_date, function);
  if (request.formal_notice_sent_on)
    detail::require_real_date(*request.formal_notice_sent_on, function);
  if (request.notice_term_days < 0)
    throw error(errc::invalid_argument, std::string(function) + ": negative notice term of " +
                                            std::to_string(request.notice_term_days) + " days");
}

/// The notice date when it counts (sent after the due date), else empty, noting why in basis.
std::optional<date> usable_notice(const default_request& request, std::string& basis) {
  if (!request.formal_notice_sent_on) return std::nullopt;
  if (*request.formal_notice_sent_on > request.due_date) return request.formal_notice_sent_on;
  basis += "; the notice sent " + to_iso(*request.formal_notice_sent_on) +
           " is ignored: it was sent on or before the due date";
  return std::nullopt;
}

default_result result_of(std::optional<date> first_day, std::string basis) {
  return {first_day, std::move(basis)};
}

}  // namespace

default_result dutch_default_starts(const default_request& request) {
  check(request, "NL default");
  const date day_after_due = plus_days(request.due_date, 1, "NL default");
  if (request.debtor != debtor_kind::consumer)
    return result_of(day_after_due, "commercial debt: in default from the day after the due date " +
                                        to_iso(request.due_date) +
                                        " without notice (art. 6:119a/6:119b and 6:96 lid 4 BW)");
  if (request.fatal_term_agreed)
    return result_of(day_after_due, "consumer: the due date " + to_iso(request.due_date) +
                                        " was agreed as a fatal term, so default starts the "
                                        "day after it without notice (art. 6:83 sub a BW)");
  std::string ignored;
  const std::optional<date> notice = usable_notice(request, ignored);
  if (!notice)
    return result_of(std::nullopt,
                     "consumer: not in default; a consumer is in default only after an agreed "
                     "fatal term (art. 6:83 sub a BW) or a written notice of default with a "
                     "reasonable term (6:82); a term printed only on the invoice is not fatal" +
                         ignored);
  const date delivered = dutch_assumed_delivery(*notice);
  const date term_ends = dutch_term_end(delivered, request.notice_term_days);
  const date first = plus_days(term_ends, 1, "NL default");
  return result_of(first,
                   "consumer: notice of default (art. 6:82 BW) sent " + dated(*notice) +
                       ", assumed delivered " + dated(delivered) +
                       " (as the 14-day letter); its term of " +
                       std::to_string(request.notice_term_days) + " days ends " + dated(term_ends) +
                       " (moved past weekends and holidays), so default starts " + dated(first));
}

default_result german_default_starts(const default_request& request) {
  check(request, "DE default");
  const business_calendar& weekdays = weekend_calendar::instance();
  std::optional<date> first;
  std::string basis;
  auto consider = [&](date candidate, const std::string& why) {
    if (!first || candidate < *first) {
      first = candidate;
      basis = why;
    }
  };

  const date effective_due = weekdays.next_business_day_on_or_after(request.due_date);
  const std::string moved =
      effective_due == request.due_date
          ? std::string()
          : " (moved from " + dated(request.due_date) + " to the next working day, § 193 BGB)";
  if (request.fatal_term_agreed)
    consider(plus_days(effective_due, 1, "DE default"),
             "Verzug without Mahnung from the day after the agreed calendar date " +
                 to_iso(effective_due) + moved + " (§ 286 Abs. 2 Nr. 1 BGB)");

  std::string ignored;
  if (const std::optional<date> mahnung = usable_notice(request, ignored)) {
    const date receipt = plus_days(*mahnung, 4, "DE default");
    if (request.notice_term_days == 0) {
      consider(plus_days(receipt, 1, "DE default"),
               "Verzug from the day after receipt of the Mahnung sent " + dated(*mahnung) +
                   ", assumed received " + dated(receipt) +
                   " (fourth day after posting, by analogy with § 122 Abs. 2 AO; UNVERIFIED) "
                   "(§ 286 Abs. 1 BGB)");
    } else {
      const date term_ends = weekdays.next_business_day_on_or_after(
          plus_days(receipt, request.notice_term_days, "DE default"));
      consider(plus_days(term_ends, 1, "DE default"),
               "Verzug after the term of the Mahnung sent " + dated(*mahnung) +
                   ", assumed received " + dated(receipt) +
                   " (fourth day after posting, by analogy with § 122 Abs. 2 AO; UNVERIFIED): " +
                   std::to_string(request.notice_term_days) + " days ending " + dated(term_ends) +
                   " (§ 286 Abs. 1, § 193 BGB)");
    }
  }

  if (request.debtor != debtor_kind::consumer) {
    // The 30 days run from Fälligkeit itself; only their last day moves (§ 193).
    const date thirtieth = plus_days(request.due_date, 30, "DE default");
    const date last = weekdays.next_business_day_on_or_after(thirtieth);
    std::string why = "Verzug at the latest 30 days after the due date " +
                      to_iso(request.due_date) +
                      " and receipt of the invoice (taken as received by the due date): the 30th "
                      "day is " +
                      dated(thirtieth);
    if (last != thirtieth) why += ", moved to " + dated(last) + " (§ 193 BGB)";
    consider(plus_days(last, 1, "DE default"), why + " (§ 286 Abs. 3 BGB)");
  }
  if (!first)
    return result_of(std::nullopt,
                     "consumer: not in Verzug; without a calendar-fixed agreed date a consumer "
                     "is in Verzug only after a Mahnung (§ 286 Abs. 1 BGB), or 30 days after "
                     "due date and receipt if the invoice pointed this out (§ 286 Abs. 3; not "
                     "modelled)" +
                         ignored);
  return result_of(first, basis + "; in Verzug from " + dated(*first) + ignored);
}

default_result belgian_default_starts(const default_request& request) {
  check(request, "BE default");
  if (request.debtor != debtor_kind::consumer)
    return result_of(plus_days(request.due_date, 1, "BE default"),
                     "commercial debt: late-payment interest runs from the day after the due "
                     "date " +
                         to_iso(request.due_date) +
                         " without notice (law of 2 August 2002, art. 5)");
  std::string ignored;
  const std::optional<date> reminder = usable_notice(request, ignored);
  if (!reminder)
    return result_of(std::nullopt,
                     "consumer: not in default; under Book XIX WER damages and interest can run "
                     "only after the first, free reminder and a waiting period of at least 14 "
                     "days" +
                         ignored);
  // The reminder may give more than the statutory 14 days, never fewer.
  const fourteen_day_letter period = belgian_consumer_waiting_period(
      *reminder, reminder_medium::paper, std::max(request.notice_term_days, 14));
  return result_of(period.costs_chargeable_from,
                   "consumer: " + period.basis + "; default starts then" + ignored);
}

default_result default_after_due_date(const default_request& request, std::string_view law) {
  check(request, "default");
  const date first = plus_days(request.due_date, 1, "default");
  if (request.debtor == debtor_kind::consumer)
    return result_of(first, "consumer: payment is late from the day after the due date " +
                                to_iso(request.due_date) + "; " + std::string(law) +
                                " covers commercial debts only, so no statutory late-payment "
                                "interest or fixed sum follows from it");
  return result_of(first, "late from the day after the due date " + to_iso(request.due_date) +
                              " without notice (" + std::string(law) + ")");
}

}  // namespace arrears
