// Limitation periods and their interruption, per jurisdiction.

#include <arrears/law/limitation_rules.hpp>

#include "law/law_dates.hpp"

#include <arrears/core/calendar.hpp>
#include <arrears/core/error.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <algorithm>
#include <string>
#include <string_view>

namespace arrears {
namespace {

std::string_view kind_text(interruption_kind kind) {
  switch (kind) {
    case interruption_kind::written_reminder:
      return "written reminder";
    case interruption_kind::acknowledgement:
      return "acknowledgement";
    case interruption_kind::part_payment:
      return "part payment";
    case interruption_kind::legal_action:
      return "legal action";
  }
  return "unknown interruption";
}

/// What one jurisdiction does with each kind of interruption.
struct restart_law {
  int restart_years = 0;
  /// The citation when this kind restarts the period; empty when it does not.
  std::string_view (*restarts)(interruption_kind) = nullptr;
  /// Why a kind that does not restart is ignored.
  std::string_view (*ignored_because)(interruption_kind) = nullptr;
};

void check(const limitation_request& request, const char* function) {
  detail::require_real_date(request.due_date, function);
  for (std::size_t i = 0; i < request.interruptions.size(); ++i) {
    const interruption& event = request.interruptions[i];
    detail::require_real_date(event.on, function);
    if (i > 0 && event.on < request.interruptions[i - 1].on)
      throw error(errc::invalid_argument,
                  std::string(function) + ": interruptions out of date order (" + to_iso(event.on) +
                      " after " + to_iso(request.interruptions[i - 1].on) + ")");
    if (static_cast<int>(event.kind) > static_cast<int>(interruption_kind::legal_action))
      throw error(errc::invalid_argument, std::string(function) + ": unknown interruption kind " +
                                              std::to_string(static_cast<int>(event.kind)));
  }
}

std::string years_text(int years) {
  return std::to_string(years) + (years == 1 ? " year" : " years");
}

/// Applies the interruptions to a period ending on `deadline`; `basis` already says how the
/// original deadline was found.
limitation_result with_interruptions(const limitation_request& request, date deadline,
                                     std::string basis, const restart_law& law) {
  for (const interruption& event : request.interruptions) {
    const std::string what = std::string(kind_text(event.kind)) + " " + to_iso(event.on);
    const std::string_view citation = law.restarts(event.kind);
    if (citation.empty()) {
      basis += "; " + what + ": " + std::string(law.ignored_because(event.kind));
      continue;
    }
    if (event.on <= request.due_date) {
      basis += "; " + what + ": no effect, the period had not started";
      continue;
    }
    if (event.on > deadline) {
      basis +=
          "; " + what + ": no effect, the claim was already time-barred after " + to_iso(deadline);
      continue;
    }
    const date restarted = add_years(event.on, law.restart_years);
    basis += "; " + what + " (" + std::string(citation) + "): a new " +
             years_text(law.restart_years) + " from the next day → " + to_iso(restarted);
    if (restarted < deadline)
      basis += ", before the running deadline, so " + to_iso(deadline) + " stands";
    deadline = std::max(deadline, restarted);
  }
  basis += "; deadline " + to_iso(deadline);
  return {deadline, std::move(basis)};
}

}  // namespace

date add_years(date day, int years) {
  detail::require_real_date(day, "add_years");
  const auto ymd = day.year_month_day();
  const long year = static_cast<long>(ymd.year) + years;
  if (year < 1400 || year > 9999)
    throw error(errc::date_out_of_range, "add_years: " + to_iso(day) + " + " +
                                             std::to_string(years) +
                                             " years leaves the supported range (1400..9999)");
  const auto target_year = static_cast<unsigned short>(year);
  unsigned short day_of_month = ymd.day;
  const unsigned short last =
      boost::gregorian::gregorian_calendar::end_of_month_day(target_year, ymd.month);
  day_of_month = std::min(day_of_month, last);
  return date(target_year, ymd.month, day_of_month);
}

date dutch_restarted_deadline(date interrupted_on, int original_years, date running_deadline) {
  detail::require_real_date(running_deadline, "dutch_restarted_deadline");
  if (original_years <= 0)
    throw error(errc::invalid_argument, "dutch_restarted_deadline: a period of " +
                                            std::to_string(original_years) +
                                            " years; expected a positive number");
  return std::max(add_years(interrupted_on, std::min(original_years, 5)), running_deadline);
}

limitation_result dutch_limitation(const limitation_request& request) {
  check(request, "NL limitation");
  const int years = request.consumer_sale_of_goods ? 2 : 5;
  const date deadline = add_years(request.due_date, years);
  std::string basis = years_text(years) +
                      (request.consumer_sale_of_goods ? " (consumer sale of goods, art. 7:28 BW)"
                                                      : " (art. 3:307 BW)") +
                      " from the day after the due date " + to_iso(request.due_date) + ": " +
                      to_iso(deadline);
  // Every kind interrupts in NL. The new period equals the original (2 or 5 years, so the
  // 5-year cap of 3:319 lid 2 never bites), and with_interruptions keeps the running
  // deadline when it is later: dutch_restarted_deadline, written out.
  const restart_law law{
      years,
      [](interruption_kind kind) -> std::string_view {
        switch (kind) {
          case interruption_kind::written_reminder:
            return "art. 3:317 BW, new period art. 3:319";
          case interruption_kind::acknowledgement:
            return "art. 3:318 BW, new period art. 3:319";
          case interruption_kind::part_payment:
            return "an acknowledgement, art. 3:318 BW, new period art. 3:319";
          case interruption_kind::legal_action:
            return "art. 3:316 BW, new period art. 3:319; a judgment would run 20 years, "
                   "art. 3:324, not modelled";
        }
        return {};
      },
      [](interruption_kind) -> std::string_view { return {}; }};
  return with_interruptions(request, deadline, std::move(basis), law);
}

limitation_result german_limitation(const limitation_request& request) {
  check(request, "DE limitation");
  const int year_arose = request.due_date.year();
  if (year_arose + 3 > 9999)
    throw error(errc::date_out_of_range,
                "DE limitation: the deadline leaves the supported range (up to 9999)");
  const date deadline(static_cast<unsigned short>(year_arose + 3), 12, 31);
  std::string basis = "3 years (§ 195 BGB) from the end of " + std::to_string(year_arose) +
                      ", the year the claim arose (due " + to_iso(request.due_date) +
                      ", § 199 Abs. 1 BGB): " + to_iso(deadline);
  const restart_law law{
      3,
      [](interruption_kind kind) -> std::string_view {
        switch (kind) {
          case interruption_kind::acknowledgement:
            return "§ 212 Abs. 1 Nr. 1 BGB, Neubeginn";
          case interruption_kind::part_payment:
            return "an acknowledgement by part payment, § 212 Abs. 1 Nr. 1 BGB, Neubeginn";
          default:
            return {};
        }
      },
      [](interruption_kind kind) -> std::string_view {
        if (kind == interruption_kind::legal_action)
          return "suspends the period (Hemmung, § 204 BGB) rather than restarting it; not "
                 "modelled, the deadline shown is without suspension";
        return "a reminder does not restart the period in Germany";
      }};
  return with_interruptions(request, deadline, std::move(basis), law);
}

limitation_result english_limitation(const limitation_request& request) {
  check(request, "UK limitation");
  const date deadline = add_years(request.due_date, 6);
  std::string basis =
      "6 years (Limitation Act 1980 s. 5) from accrual, taken as the day after the due date " +
      to_iso(request.due_date) + ": " + to_iso(deadline) +
      " (the cause of action may accrue earlier, on performance: Consulting Concepts "
      "International v Consumer Protection Association [2022] EWHC 461 (Comm))";
  const restart_law law{
      6,
      [](interruption_kind kind) -> std::string_view {
        switch (kind) {
          case interruption_kind::acknowledgement:
            return "written acknowledgement, s. 29(5) and s. 30: the right accrues afresh";
          case interruption_kind::part_payment:
            return "part payment, s. 29(5): the right accrues afresh";
          default:
            return {};
        }
      },
      [](interruption_kind kind) -> std::string_view {
        if (kind == interruption_kind::legal_action)
          return "issuing proceedings stops time for that claim rather than restarting it; "
                 "not modelled";
        return "a reminder does not restart the period";
      }};
  return with_interruptions(request, deadline, std::move(basis), law);
}

limitation_result belgian_limitation(const limitation_request& request) {
  check(request, "BE limitation");
  const date deadline = add_years(request.due_date, 10);
  std::string basis =
      "10 years (art. 2262bis old Civil Code; UNVERIFIED) from the day after "
      "the due date " +
      to_iso(request.due_date) + ": " + to_iso(deadline);
  const restart_law law{
      10,
      [](interruption_kind kind) -> std::string_view {
        switch (kind) {
          case interruption_kind::acknowledgement:
            return "art. 2248 old Civil Code; UNVERIFIED";
          case interruption_kind::part_payment:
            return "an acknowledgement by part payment, art. 2248 old Civil Code; UNVERIFIED";
          default:
            return {};
        }
      },
      [](interruption_kind kind) -> std::string_view {
        if (kind == interruption_kind::legal_action)
          return "interrupts for the length of the proceedings (art. 2244); not modelled";
        return "a reminder does not interrupt (a lawyer's or bailiff's formal notice under "
               "art. 2244 § 2 would; not modelled)";
      }};
  return with_interruptions(request, deadline, std::move(basis), law);
}

}  // namespace arrears
