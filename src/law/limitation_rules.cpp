// Limitation periods and their interruption, per jurisdiction.

#include <arrears/law/limitation_rules.hpp>

#include "law/basis_sink.hpp"
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

/// Throws for a special date or interruptions out of date order; builds no text unless it
/// throws.
void check(const limitation_query& query, const char* function) {
  detail::require_real_date(query.due_date, function);
  for (std::size_t i = 0; i < query.interruptions.size(); ++i) {
    const interruption& event = query.interruptions[i];
    detail::require_real_date(event.on, function);
    if (i > 0 && event.on < query.interruptions[i - 1].on)
      throw error(errc::invalid_argument,
                  std::string(function) + ": interruptions out of date order (" + to_iso(event.on) +
                      " after " + to_iso(query.interruptions[i - 1].on) + ")");
    if (static_cast<int>(event.kind) > static_cast<int>(interruption_kind::legal_action))
      throw error(errc::invalid_argument, std::string(function) + ": unknown interruption kind " +
                                              std::to_string(static_cast<int>(event.kind)));
  }
}

limitation_query query_of(const limitation_request& request) noexcept {
  return {request.due_date, request.consumer_sale_of_goods, request.interruptions};
}

std::string years_text(int years) {
  return std::to_string(years) + (years == 1 ? " year" : " years");
}

/// Applies the interruptions to a period ending on `deadline` and returns the deadline that
/// results; `basis` already says how the original deadline was found.
template <class Basis>
date with_interruptions(const limitation_query& query, date deadline, Basis& basis,
                        const restart_law& law) {
  for (const interruption& event : query.interruptions) {
    const auto what = [&] { return std::string(kind_text(event.kind)) + " " + to_iso(event.on); };
    const std::string_view citation = law.restarts(event.kind);
    if (citation.empty()) {
      basis.add(
          [&] { return "; " + what() + ": " + std::string(law.ignored_because(event.kind)); });
      continue;
    }
    if (event.on <= query.due_date) {
      basis.add([&] { return "; " + what() + ": no effect, the period had not started"; });
      continue;
    }
    if (event.on > deadline) {
      basis.add([&] {
        return "; " + what() + ": no effect, the claim was already time-barred after " +
               to_iso(deadline);
      });
      continue;
    }
    const date restarted = add_years(event.on, law.restart_years);
    basis.add([&] {
      return "; " + what() + " (" + std::string(citation) + "): a new " +
             years_text(law.restart_years) + " from the next day → " + to_iso(restarted);
    });
    if (restarted < deadline)
      basis.add(
          [&] { return ", before the running deadline, so " + to_iso(deadline) + " stands"; });
    deadline = std::max(deadline, restarted);
  }
  basis.add([&] { return "; deadline " + to_iso(deadline); });
  return deadline;
}

}  // namespace

date add_years(date day, int years) {
  detail::require_real_date(day, "add_years");
  const civil_date ymd = civil_of(day);
  const long year = static_cast<long>(ymd.year) + years;
  if (year < 1400 || year > 9999)
    throw error(errc::date_out_of_range, "add_years: " + to_iso(day) + " + " +
                                             std::to_string(years) +
                                             " years leaves the supported range (1400..9999)");
  // Only 29 February can be missing from the target year; it becomes the 28th.
  const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  const unsigned target_day = ymd.month == 2 && ymd.day == 29 && !leap ? 28 : ymd.day;
  return date_of_civil(static_cast<int>(year), ymd.month, target_day);
}

date dutch_restarted_deadline(date interrupted_on, int original_years, date running_deadline) {
  detail::require_real_date(running_deadline, "dutch_restarted_deadline");
  if (original_years <= 0)
    throw error(errc::invalid_argument, "dutch_restarted_deadline: a period of " +
                                            std::to_string(original_years) +
                                            " years; expected a positive number");
  return std::max(add_years(interrupted_on, std::min(original_years, 5)), running_deadline);
}

namespace {

// The rules, each written once over a basis sink (law/basis_sink.hpp): the full functions
// below collect the basis, the *_deadline ones drop it.

template <class Basis>
date dutch_deadline(const limitation_query& query, Basis& basis) {
  check(query, "NL limitation");
  const int years = query.consumer_sale_of_goods ? 2 : 5;
  const date deadline = add_years(query.due_date, years);
  basis.add([&] {
    return years_text(years) +
           (query.consumer_sale_of_goods ? " (consumer sale of goods, art. 7:28 BW)"
                                         : " (art. 3:307 BW)") +
           " from the day after the due date " + to_iso(query.due_date) + ": " + to_iso(deadline);
  });
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
  return with_interruptions(query, deadline, basis, law);
}

template <class Basis>
date german_deadline(const limitation_query& query, Basis& basis) {
  check(query, "DE limitation");
  const int year_arose = query.due_date.year();
  if (year_arose + 3 > 9999)
    throw error(errc::date_out_of_range,
                "DE limitation: the deadline leaves the supported range (up to 9999)");
  const date deadline(static_cast<unsigned short>(year_arose + 3), 12, 31);
  basis.add([&] {
    return "3 years (§ 195 BGB) from the end of " + std::to_string(year_arose) +
           ", the year the claim arose (due " + to_iso(query.due_date) +
           ", § 199 Abs. 1 BGB): " + to_iso(deadline);
  });
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
  return with_interruptions(query, deadline, basis, law);
}

template <class Basis>
date english_deadline(const limitation_query& query, Basis& basis) {
  check(query, "UK limitation");
  const date deadline = add_years(query.due_date, 6);
  basis.add([&] {
    return "6 years (Limitation Act 1980 s. 5) from accrual, taken as the day after the due "
           "date " +
           to_iso(query.due_date) + ": " + to_iso(deadline) +
           " (the cause of action may accrue earlier, on performance: Consulting Concepts "
           "International v Consumer Protection Association [2022] EWHC 461 (Comm))";
  });
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
  return with_interruptions(query, deadline, basis, law);
}

template <class Basis>
date belgian_deadline(const limitation_query& query, Basis& basis) {
  check(query, "BE limitation");
  const date deadline = add_years(query.due_date, 10);
  basis.add([&] {
    return "10 years (art. 2262bis old Civil Code; UNVERIFIED) from the day after "
           "the due date " +
           to_iso(query.due_date) + ": " + to_iso(deadline);
  });
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
  return with_interruptions(query, deadline, basis, law);
}

/// The full answer of a rule: its deadline with the basis in words.
template <date (*rule)(const limitation_query&, detail::text_basis&)>
limitation_result with_basis(const limitation_request& request) {
  detail::text_basis basis;
  const date deadline = rule(query_of(request), basis);
  return {deadline, std::move(basis.text)};
}

/// The date-only answer of a rule.
template <date (*rule)(const limitation_query&, detail::no_basis&)>
date without_basis(const limitation_query& query) {
  detail::no_basis basis;
  return rule(query, basis);
}

}  // namespace

limitation_result dutch_limitation(const limitation_request& request) {
  return with_basis<dutch_deadline>(request);
}
date dutch_limitation_deadline(const limitation_query& query) {
  return without_basis<dutch_deadline>(query);
}

limitation_result german_limitation(const limitation_request& request) {
  return with_basis<german_deadline>(request);
}
date german_limitation_deadline(const limitation_query& query) {
  return without_basis<german_deadline>(query);
}

limitation_result english_limitation(const limitation_request& request) {
  return with_basis<english_deadline>(request);
}
date english_limitation_deadline(const limitation_query& query) {
  return without_basis<english_deadline>(query);
}

limitation_result belgian_limitation(const limitation_request& request) {
  return with_basis<belgian_deadline>(request);
}
date belgian_limitation_deadline(const limitation_query& query) {
  return without_basis<belgian_deadline>(query);
}

}  // namespace arrears
