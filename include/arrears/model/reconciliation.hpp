#pragma once
// Reconciling the books with arrears: the events a ledger implies for each debtor's case.
// Idempotent: reconciling the same ledger against the cases it produced implies nothing
// more. docs/ledger.md describes each rule.

#include <arrears/model/collection_case.hpp>
#include <arrears/model/events.hpp>
#include <arrears/model/ledger.hpp>

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace arrears {

/// The events for one case, dated the day of the reconciliation, actor "ledger", in the
/// order to apply them. Each was applied to a copy of the case and accepted.
struct case_reconciliation {
  std::string case_id;
  std::string debtor_id;
  /// A new case: the debtor had none, or only a closed one.
  bool opens_case = false;
  std::vector<event> events;
};

/// Something the books say that is not turned into an event, for a person to look at: an
/// invoice open in arrears but gone from the books, the books showing more open than
/// arrears, an event the case refused.
struct reconciliation_notice {
  std::string case_id;
  std::string document;  ///< the invoice or credit note; empty for the case as a whole
  std::string message;
};

struct reconciliation {
  std::vector<case_reconciliation> cases;  ///< only cases with events, in ledger order
  std::vector<reconciliation_notice> notices;
};

/// A debtor's latest case (open or closed); nullptr when it has none.
using latest_case_lookup = std::function<const collection_case*(std::string_view debtor_id)>;

/// What `books` imply on `today` for every debtor in them. A debtor without an open case
/// gets a new one (id: the debtor id; after a closed case, "<debtor id>/2", "/3", ...) when
/// it has open invoices arrears does not hold.
[[nodiscard]] reconciliation reconcile(const ledger& books, date today,
                                       const latest_case_lookup& latest_case);

/// The same against the cases arrears holds, in the order they were opened: a debtor's
/// latest case is its last in `known`.
[[nodiscard]] reconciliation reconcile(const ledger& books, date today,
                                       std::span<const collection_case> known);

}  // namespace arrears
