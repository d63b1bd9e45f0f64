#pragma once
// The books' view of what debtors owe: the open-items list an accounting package exports,
// read by io/ledger_csv.hpp (format: docs/ledger.md) and turned into a case's events by
// reconcile (model/reconciliation.hpp).

#include <arrears/core/claim.hpp>
#include <arrears/core/debtor.hpp>
#include <arrears/core/money.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace arrears {

/// One invoice or credit note in the books.
struct ledger_item {
  std::string debtor_id;
  /// The document: id, kind, issue and due dates, amount (positive, VAT included), VAT,
  /// description, and the terms when the books gave a term instead of a due date.
  claim document;
  /// What the books record as paid on an invoice (payments only; credit notes are items of
  /// their own). Zero for a credit note.
  money paid;
  /// A credit note's invoice, when the books name it; empty: the oldest open invoices.
  std::string against;
  /// The line of the ledger the item came from.
  std::size_t line = 0;

  /// What is still open on an invoice before credit notes: amount - paid.
  [[nodiscard]] money unpaid() const { return document.amount - paid; }
  friend bool operator==(const ledger_item&, const ledger_item&) = default;
};

/// A debtor as the books describe it, in the currency of its items.
struct ledger_debtor {
  /// Id, name, kind, language and contact details from the ledger; the payment term and
  /// relationship value below when a debtors file gave them.
  debtor_profile profile;
  arrears::currency currency;
  bool has_terms = false;
  bool has_relationship_value = false;
  std::size_t line = 0;  ///< the first line naming the debtor
  friend bool operator==(const ledger_debtor&, const ledger_debtor&) = default;
};

/// A row of a ledger (or debtors) file that could not be taken: where and what.
struct ledger_problem {
  std::string source;
  std::size_t line = 0;
  std::string field;  ///< the column; empty for the row as a whole
  std::string message;

  /// "file:line: field: message" (or "file:line: message").
  [[nodiscard]] std::string to_string() const;
  friend bool operator==(const ledger_problem&, const ledger_problem&) = default;
};

/// A whole ledger.
struct ledger {
  std::vector<ledger_debtor> debtors;  ///< in order of first appearance
  std::vector<ledger_item> items;      ///< in file order, duplicates removed
  /// Rows left out because they were bad (only when reading with skip_bad).
  std::vector<ledger_problem> problems;

  [[nodiscard]] const ledger_debtor* find_debtor(std::string_view id) const noexcept;
  [[nodiscard]] ledger_debtor* find_debtor(std::string_view id) noexcept;
};

}  // namespace arrears
