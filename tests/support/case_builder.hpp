#pragma once
// Small helpers to write case tests in the language of the domain.

#include <arrears/model/collection_case.hpp>

#include <string>

namespace arrears::testing {

inline money eur(std::string_view amount) {
  return parse_amount(amount, currency::from_code("EUR"));
}
inline date day(std::string_view iso) { return parse_date(iso); }

inline claim invoice(std::string id, std::string_view issued, std::string_view due,
                     std::string_view amount) {
  claim c;
  c.id = std::move(id);
  c.issue_date = day(issued);
  c.due_date = day(due);
  c.amount = eur(amount);
  c.vat = eur("0.00");
  c.description = "services";
  return c;
}

inline claim credit_note(std::string id, std::string_view issued, std::string_view amount) {
  claim c = invoice(std::move(id), issued, issued, amount);
  c.kind = claim_kind::credit_note;
  return c;
}

inline debtor_profile business_debtor(std::string id = "D-1") {
  debtor_profile d;
  d.id = std::move(id);
  d.name = "Bakkerij De Vries B.V.";
  d.kind = debtor_kind::business;
  d.relationship_value = eur("5000.00");
  return d;
}

}  // namespace arrears::testing
