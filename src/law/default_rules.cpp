// When default starts, per jurisdiction.

#include <arrears/law/default_rules.hpp>

#include "law/basis_sink.hpp"
#include "law/belgian_waiting_period_dates.hpp"
#include "law/law_dates.hpp"

#include <arrears/core/calendar.hpp>
#include <arrears/core/error.hpp>
#include <arrears/law/belgian_waiting_period.hpp>
#include <arrears/law/fourteen_day_letter.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

namespace arrears {
namespace {

using detail::dated;
using detail::no_basis;
using detail::plus_days;
using detail::text_basis;

void check(const default_request& request, const char* function) {
  detail::require_real_date(request.due_date, function);
  if (request.formal_notice_sent_on)
    detail::require_real_date(*request.formal_notice_sent_on, function);
  if (request.notice_term_days < 0)
    throw error(errc::invalid_argument, std::string(function) + ": negative notice term of " +
                                            std::to_string(request.notice_term_days) + " days");
}

/// The notice date when it counts (sent after the due date), else empty.
std::optional<date> usable_notice(const default_request& request) noexcept {
  if (request.formal_notice_sent_on && *request.formal_notice_sent_on > request.due_date)
    return request.formal_notice_sent_on;
  return std::nullopt;
}

/// The basis's note on a notice that does not count (sent on or before the due date); empty
/// when there is no such notice.
std::string ignored_notice(const default_request& request) {
  if (!request.formal_notice_sent_on || usable_notice(request)) return {};
  return "; the notice sent " + to_iso(*request.formal_notice_sent_on) +
         " is ignored: it was sent on or before the due date";
}

// The rules, each written once over a basis sink (law/basis_sink.hpp): the *_default_starts
// functions below collect the basis, the *_first_day ones drop it.

template <class Basis>
std::optional<date> dutch_default(const default_request& request, Basis& basis) {
  check(request, "NL default");
  const date day_after_due = plus_days(request.due_date, 1, "NL default");
  if (request.debtor != debtor_kind::consumer) {
    basis.add([&] {
      return "commercial debt: in default from the day after the due date " +
             to_iso(request.due_date) + " without notice (art. 6:119a/6:119b and 6:96 lid 4 BW)";
    });
    return day_after_due;
  }
  if (request.fatal_term_agreed) {
    basis.add([&] {
      return "consumer: the due date " + to_iso(request.due_date) +
             " was agreed as a fatal term, so default starts the "
             "day after it without notice (art. 6:83 sub a BW)";
    });
    return day_after_due;
  }
  const std::optional<date> notice = usable_notice(request);
  if (!notice) {
    basis.add([&] {
      return "consumer: not in default; a consumer is in default only after an agreed "
             "fatal term (art. 6:83 sub a BW) or a written notice of default with a "
             "reasonable term (6:82); a term printed only on the invoice is not fatal" +
             ignored_notice(request);
    });
    return std::nullopt;
  }
  const date delivered = dutch_assumed_delivery(*notice);
  const date term_ends = dutch_term_end(delivered, request.notice_term_days);
  const date first = plus_days(term_ends, 1, "NL default");
  basis.add([&] {
    return "consumer: notice of default (art. 6:82 BW) sent " + dated(*notice) +
           ", assumed delivered " + dated(delivered) + " (as the 14-day letter); its term of " +
           std::to_string(request.notice_term_days) + " days ends " + dated(term_ends) +
           " (moved past weekends and holidays), so default starts " + dated(first);
  });
  return first;
}

template <class Basis>
std::optional<date> german_default(const default_request& request, Basis& basis) {
  check(request, "DE default");
  const business_calendar& weekdays = weekend_calendar::instance();
  // Each ground gives a first day of Verzug; the earliest applies (on a tie, the one found
  // first), and the basis names it.
  enum class ground { none, agreed_date, mahnung, mahnung_term, thirty_days };
  ground applied = ground::none;
  std::optional<date> first;
  auto consider = [&](date candidate, ground why) {
    if (!first || candidate < *first) {
      first = candidate;
      applied = why;
    }
  };

  const date effective_due = weekdays.next_business_day_on_or_after(request.due_date);
  if (request.fatal_term_agreed)
    consider(plus_days(effective_due, 1, "DE default"), ground::agreed_date);

  const std::optional<date> mahnung = usable_notice(request);
  date receipt;
  date term_ends;
  if (mahnung) {
    receipt = plus_days(*mahnung, 4, "DE default");
    if (request.notice_term_days == 0) {
      consider(plus_days(receipt, 1, "DE default"), ground::mahnung);
    } else {
      term_ends = weekdays.next_business_day_on_or_after(
          plus_days(receipt, request.notice_term_days, "DE default"));
      consider(plus_days(term_ends, 1, "DE default"), ground::mahnung_term);
    }
  }

  date thirtieth;
  date last;
  if (request.debtor != debtor_kind::consumer) {
    // The 30 days run from Fälligkeit itself; only their last day moves (§ 193).
    thirtieth = plus_days(request.due_date, 30, "DE default");
    last = weekdays.next_business_day_on_or_after(thirtieth);
    consider(plus_days(last, 1, "DE default"), ground::thirty_days);
  }
  if (!first) {
    basis.add([&] {
      return "consumer: not in Verzug; without a calendar-fixed agreed date a consumer "
             "is in Verzug only after a Mahnung (§ 286 Abs. 1 BGB), or 30 days after "
             "due date and receipt if the invoice pointed this out (§ 286 Abs. 3; not "
             "modelled)" +
             ignored_notice(request);
    });
    return std::nullopt;
  }
  basis.add([&] {
    std::string why;
    switch (applied) {
      case ground::none:
        break;
      case ground::agreed_date: {
        const std::string moved = effective_due == request.due_date
                                      ? std::string()
                                      : " (moved from " + dated(request.due_date) +
                                            " to the next working day, § 193 BGB)";
        why = "Verzug without Mahnung from the day after the agreed calendar date " +
              to_iso(effective_due) + moved + " (§ 286 Abs. 2 Nr. 1 BGB)";
        break;
      }
      case ground::mahnung:
        why = "Verzug from the day after receipt of the Mahnung sent " + dated(*mahnung) +
              ", assumed received " + dated(receipt) +
              " (fourth day after posting, by analogy with § 122 Abs. 2 AO; UNVERIFIED) "
              "(§ 286 Abs. 1 BGB)";
        break;
      case ground::mahnung_term:
        why = "Verzug after the term of the Mahnung sent " + dated(*mahnung) +
              ", assumed received " + dated(receipt) +
              " (fourth day after posting, by analogy with § 122 Abs. 2 AO; UNVERIFIED): " +
              std::to_string(request.notice_term_days) + " days ending " + dated(term_ends) +
              " (§ 286 Abs. 1, § 193 BGB)";
        break;
      case ground::thirty_days:
        why = "Verzug at the latest 30 days after the due date " + to_iso(request.due_date) +
              " and receipt of the invoice (taken as received by the due date): the 30th "
              "day is " +
              dated(thirtieth);
        if (last != thirtieth) why += ", moved to " + dated(last) + " (§ 193 BGB)";
        why += " (§ 286 Abs. 3 BGB)";
        break;
    }
    return why + "; in Verzug from " + dated(*first) + ignored_notice(request);
  });
  return first;
}

template <class Basis>
std::optional<date> belgian_default(const default_request& request, Basis& basis) {
  check(request, "BE default");
  if (request.debtor != debtor_kind::consumer) {
    const date first = plus_days(request.due_date, 1, "BE default");
    basis.add([&] {
      return "commercial debt: late-payment interest runs from the day after the due "
             "date " +
             to_iso(request.due_date) + " without notice (law of 2 August 2002, art. 5)";
    });
    return first;
  }
  const std::optional<date> reminder = usable_notice(request);
  if (!reminder) {
    basis.add([&] {
      return "consumer: not in default; under Book XIX WER damages and interest can run "
             "only after the first, free reminder and a waiting period of at least 14 "
             "days" +
             ignored_notice(request);
    });
    return std::nullopt;
  }
  // The reminder may give more than the statutory 14 days, never fewer.
  const int period_days = std::max(request.notice_term_days, 14);
  const detail::belgian_waiting_dates period =
      detail::belgian_waiting_period_dates(*reminder, reminder_medium::paper, period_days);
  basis.add([&] {
    return "consumer: " +
           detail::belgian_waiting_period_basis(*reminder, reminder_medium::paper, period_days,
                                                period) +
           "; default starts then" + ignored_notice(request);
  });
  return period.costs_chargeable_from;
}

template <class Basis>
date after_due_date(const default_request& request, std::string_view law, Basis& basis) {
  check(request, "default");
  const date first = plus_days(request.due_date, 1, "default");
  if (request.debtor == debtor_kind::consumer)
    basis.add([&] {
      return "consumer: payment is late from the day after the due date " +
             to_iso(request.due_date) + "; " + std::string(law) +
             " covers commercial debts only, so no statutory late-payment "
             "interest or fixed sum follows from it";
    });
  else
    basis.add([&] {
      return "late from the day after the due date " + to_iso(request.due_date) +
             " without notice (" + std::string(law) + ")";
    });
  return first;
}

/// The full answer of a rule: its first day with the basis in words.
template <std::optional<date> (*rule)(const default_request&, text_basis&)>
default_result with_basis(const default_request& request) {
  text_basis basis;
  const std::optional<date> first = rule(request, basis);
  return {first, std::move(basis.text)};
}

/// The date-only answer of a rule.
template <std::optional<date> (*rule)(const default_request&, no_basis&)>
std::optional<date> without_basis(const default_request& request) {
  no_basis basis;
  return rule(request, basis);
}

}  // namespace

default_result dutch_default_starts(const default_request& request) {
  return with_basis<dutch_default>(request);
}
std::optional<date> dutch_default_first_day(const default_request& request) {
  return without_basis<dutch_default>(request);
}

default_result german_default_starts(const default_request& request) {
  return with_basis<german_default>(request);
}
std::optional<date> german_default_first_day(const default_request& request) {
  return without_basis<german_default>(request);
}

default_result belgian_default_starts(const default_request& request) {
  return with_basis<belgian_default>(request);
}
std::optional<date> belgian_default_first_day(const default_request& request) {
  return without_basis<belgian_default>(request);
}

default_result default_after_due_date(const default_request& request, std::string_view law) {
  text_basis basis;
  const date first = after_due_date(request, law, basis);
  return {first, std::move(basis.text)};
}
date default_after_due_date_first_day(const default_request& request) {
  no_basis basis;
  return after_due_date(request, {}, basis);
}

}  // namespace arrears
