#pragma once
// A case's balances on a day, all from one pass over its claims.

#include <arrears/core/money.hpp>

namespace arrears {

struct case_balances {
  /// Principal still open on all claims, held parts included.
  money open_principal;
  /// Everything still owed: principal, costs and interest.
  money open_total;
  /// Principal on hold: disputed, or justified and awaiting a credit note.
  money held;
  /// Open principal past its due date, held parts included.
  money overdue;
  /// What may be dunned: undisputed principal past its due date, plus costs and interest
  /// charged.
  money dunnable;

  friend bool operator==(const case_balances&, const case_balances&) = default;
};

}  // namespace arrears
