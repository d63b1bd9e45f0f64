#pragma once
// A claim on a debtor: an invoice, or a credit note that reduces one.

#include <arrears/core/date.hpp>
#include <arrears/core/money.hpp>
#include <arrears/core/payment_terms.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace arrears {

enum class claim_kind : std::uint8_t { invoice, credit_note };
BOOST_DESCRIBE_ENUM(claim_kind, invoice, credit_note)

/// An invoice or credit note as the books know it. `amount` is gross (VAT included) and
/// `vat` is the VAT inside it. `has_required_content` says whether the invoice carries what
/// the law requires (description, amount, VAT number); an invoice without it is an
/// administrative reason not to pay, and the policy fixes the data before dunning.
struct claim {
  std::string id;
  claim_kind kind = claim_kind::invoice;
  date issue_date;
  date due_date;
  money amount;
  money vat;
  std::string description;
  bool has_required_content = true;
  /// The terms `due_date` was computed from, when the books said so.
  std::optional<payment_terms> terms;

  friend bool operator==(const claim&, const claim&) = default;
};
BOOST_DESCRIBE_STRUCT(claim, (),
                      (id, kind, issue_date, due_date, amount, vat, description,
                       has_required_content, terms))

}  // namespace arrears
