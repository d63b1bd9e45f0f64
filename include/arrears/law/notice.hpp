#pragma once
// When a debtor is in default, and what notice must come before costs.

#include <arrears/core/date.hpp>
#include <arrears/core/debtor.hpp>

#include <optional>
#include <string>

namespace arrears {

struct default_request {
  debtor_kind debtor = debtor_kind::business;
  date due_date;  ///< the agreed last day to pay, or the invoice's
  /// The due date was agreed as a fatal term (NL 6:83 sub a; DE: a date fixed by the
  /// calendar, § 286 Abs. 2 Nr. 1 BGB); a term printed only on the invoice is not.
  bool fatal_term_agreed = false;
  /// A formal notice (ingebrekestelling, Mahnung, BE first reminder) sent on this day, giving
  /// `notice_term_days` (DE: 0 for a Mahnung without a term).
  std::optional<date> formal_notice_sent_on;
  int notice_term_days = 14;
};

struct default_result {
  /// The first day of default; interest and (B2B) costs run from it. Empty: not yet in default.
  std::optional<date> first_day;
  std::string basis;
};

/// The NL 14-day letter (art. 6:96 lid 6 BW) sent on a day; the BE pack returns its consumer
/// waiting period (Book XIX WER) in the same shape.
struct fourteen_day_letter {
  date sent_on;
  date assumed_delivery;     ///< see docs/law.md for the assumption and its source
  /// The term's last day: the fourteenth day after delivery, moved past a weekend or public
  /// holiday (docs/law.md).
  date term_ends;
  date costs_chargeable_from;///< the first day collection costs may be charged
  std::string basis;
};

}  // namespace arrears
