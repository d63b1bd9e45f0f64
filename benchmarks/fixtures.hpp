#pragma once
// Amounts and invoices the benchmarks build their cases from.

#include <arrears/core/claim.hpp>
#include <arrears/core/date.hpp>
#include <arrears/core/money.hpp>

#include <cstdint>
#include <string>
#include <utility>

namespace arrears::bench {

inline money eur(std::int64_t cents) { return money(cents, currency::from_code("EUR")); }

/// An invoice with 21 % VAT included, due `term_days` after it was issued.
inline claim invoice(std::string id, date issued, int term_days, std::int64_t cents) {
  claim c;
  c.id = std::move(id);
  c.issue_date = issued;
  c.due_date = issued + days(term_days);
  c.amount = eur(cents);
  c.vat = eur(cents * 21 / 121);
  c.description = "consultancy";
  return c;
}

}  // namespace arrears::bench
