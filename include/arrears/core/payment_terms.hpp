#pragma once
// Payment terms ("net 30", "eom 30"): when an invoice falls due, and their one text form.

#include <arrears/core/date.hpp>
#include <arrears/core/error.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace arrears {

/// What a term's days are counted from.
enum class terms_basis : std::uint8_t {
  net,           ///< the issue date: "net 30" is due 30 days after issue
  end_of_month,  ///< the last day of the issue month: "eom 30" is due 30 days after it
};
BOOST_DESCRIBE_ENUM(terms_basis, net, end_of_month)

/// The longest term arrears accepts, in days.
inline constexpr int max_term_days = 365;

/// A payment term: a basis and a number of days (0..max_term_days). Regular and trivially
/// copyable; the default is net 30.
struct payment_terms {
  terms_basis basis = terms_basis::net;
  int days = 30;

  friend bool operator==(const payment_terms&, const payment_terms&) = default;
};
BOOST_DESCRIBE_STRUCT(payment_terms, (), (basis, days))

/// True when `terms` has a known basis and 0..max_term_days days.
[[nodiscard]] constexpr bool is_valid(payment_terms terms) noexcept {
  return (terms.basis == terms_basis::net || terms.basis == terms_basis::end_of_month) &&
         terms.days >= 0 && terms.days <= max_term_days;
}

namespace detail {
inline void require_valid_terms(payment_terms terms, const char* function) {
  if (terms.basis != terms_basis::net && terms.basis != terms_basis::end_of_month)
    throw error(errc::invalid_terms, std::string(function) + ": unknown terms basis " +
                                         std::to_string(static_cast<int>(terms.basis)) +
                                         ", expected net or end_of_month");
  if (terms.days < 0 || terms.days > max_term_days)
    throw error(errc::invalid_terms, std::string(function) + ": term of " +
                                         std::to_string(terms.days) + " days, expected 0.." +
                                         std::to_string(max_term_days) + " days");
}
}  // namespace detail

/// The date an invoice issued on `issue_date` falls due: net N is issue_date + N days;
/// eom N is the last day of the issue month + N days. Calendar days: rolling a due date
/// onto a business day is a separate decision (see business_calendar).
/// Throws error{errc::invalid_terms} for invalid terms, error{errc::invalid_argument} for
/// a special issue date, and error{errc::date_out_of_range} past 9999-12-31.
[[nodiscard]] inline date due_date(date issue_date, payment_terms terms) {
  detail::require_valid_terms(terms, "due_date");
  if (issue_date.is_special())
    throw error(errc::invalid_argument, "due_date: issue date is " + to_iso(issue_date) +
                                            ", expected a real calendar date");
  const date start = terms.basis == terms_basis::net ? issue_date : issue_date.end_of_month();
  if (detail::last_supported_day_number - static_cast<long>(start.day_number()) < terms.days)
    throw error(errc::date_out_of_range, "due_date: " + to_iso(start) + " + " +
                                             std::to_string(terms.days) +
                                             " days is after 9999-12-31, the last supported date");
  return start + days(terms.days);
}

/// Reads exactly "net N" or "eom N": lower case, one space, N a whole number of days
/// 0..365 written without sign or leading zeros (the form to_string writes). Returns false
/// and leaves `out` unchanged on anything else ("NET 30", "net  30", "net30", "30").
[[nodiscard]] inline bool try_parse_terms(std::string_view text, payment_terms& out) noexcept {
  if (text.size() < 5 || text[3] != ' ') return false;
  const std::string_view keyword = text.substr(0, 3);
  const std::string_view number = text.substr(4);
  terms_basis basis{};
  if (keyword == "net")
    basis = terms_basis::net;
  else if (keyword == "eom")
    basis = terms_basis::end_of_month;
  else
    return false;
  if (number.size() > 3 || (number.size() > 1 && number.front() == '0')) return false;
  int term_days = 0;
  for (const char c : number) {
    if (c < '0' || c > '9') return false;
    term_days = term_days * 10 + (c - '0');
  }
  if (term_days > max_term_days) return false;
  out = payment_terms{basis, term_days};
  return true;
}

/// As try_parse_terms, but throws error{errc::invalid_terms} saying what was expected.
[[nodiscard]] inline payment_terms parse_terms(std::string_view text) {
  payment_terms out;
  if (!try_parse_terms(text, out))
    throw error(errc::invalid_terms,
                "invalid payment terms '" + std::string(text) +
                    "': expected 'net N' or 'eom N' with N whole days 0..365, e.g. 'net 30'");
  return out;
}

/// "net 30" or "eom 30", the form parse_terms reads back.
/// Throws error{errc::invalid_terms} for invalid terms, which have no text form.
[[nodiscard]] inline std::string to_string(payment_terms terms) {
  detail::require_valid_terms(terms, "to_string(payment_terms)");
  return (terms.basis == terms_basis::net ? "net " : "eom ") + std::to_string(terms.days);
}

/// The term that governs a claim: a term agreed with this debtor overrides the invoice's
/// default term (collection playbook §1: the due date comes from the payment term agreed
/// with *this* debtor, and follows it when the debtor's term changes).
[[nodiscard]] inline payment_terms effective_terms(
    payment_terms claim_terms, const std::optional<payment_terms>& debtor_override) noexcept {
  return debtor_override.value_or(claim_terms);
}

}  // namespace arrears
