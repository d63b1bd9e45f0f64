#pragma once
// The one exception type arrears throws, with a stable numeric code per failure.

#include <boost/describe/enum.hpp>
#include <boost/describe/enum_to_string.hpp>

#include <stdexcept>
#include <string>
#include <string_view>

namespace arrears {

/// Stable error codes. The numbers are part of the public contract (the C API and the
/// Python module expose them); never renumber, only add. docs/errors.md lists them all.
enum class errc : int {
  ok = 0,
  // 1xx: values
  overflow = 101,           ///< an amount left the int64 range of minor units
  currency_mismatch = 102,  ///< two amounts in different currencies were combined
  unknown_currency = 103,   ///< not an ISO 4217 code arrears knows
  invalid_amount = 104,     ///< text is not a decimal amount in the currency's precision
  invalid_rate = 105,       ///< text is not a percentage with at most four decimals
  invalid_date = 106,       ///< text is not a real date in YYYY-MM-DD form
  date_out_of_range = 107,  ///< a date arithmetic result left the supported range
  invalid_terms = 108,      ///< payment terms text or values are not valid
  invalid_argument = 109,   ///< any other value outside its documented domain
  // 2xx: the case refused an event; the case is unchanged
  event_not_allowed = 201,     ///< the transition table has no entry for this state and event
  event_out_of_order = 202,    ///< the event is dated before the case's last event
  unknown_claim = 203,         ///< the event names a claim the case does not hold
  duplicate_claim = 204,       ///< claim_added for an id the case already holds
  amount_exceeds_open = 205,   ///< a settlement larger than what is open
  no_open_dispute = 206,       ///< evidence or a verdict for a claim without an open dispute
  dispute_already_open = 207,  ///< dispute_opened on a claim already in dispute
  nothing_overdue = 208,   ///< dunning, a promise or a hand-over with no undisputed overdue money
  case_not_settled = 209,  ///< case_closed while money is still open
  invalid_event = 210,     ///< a field value the event cannot carry (zero amount, bad schedule)
  marketing_state = 211,   ///< suppress when suppressed, reactivate when active
  // 3xx: input formats
  parse_error = 301,         ///< malformed JSON, CSV or YAML
  missing_field = 302,       ///< a required field is absent
  wrong_type = 303,          ///< a field has the wrong JSON type
  unknown_event_type = 304,  ///< "type" names no event arrears knows
  invalid_value = 305,       ///< a field's value is outside its domain
  unknown_field = 306,       ///< a field the format does not define (typo protection)
  io_error = 307,            ///< a file could not be read or written
  invalid_ledger = 308,      ///< a ledger has bad rows; the message lists each as file:line: field
  // 4xx: policies
  invalid_policy = 401,  ///< a rule table has errors; the message lists each as file:line:column
  policy_evaluation =
      402,  ///< a rule failed on a case (overflow, a currency other than the table's)
};
BOOST_DESCRIBE_ENUM(errc, ok, overflow, currency_mismatch, unknown_currency, invalid_amount,
                    invalid_rate, invalid_date, date_out_of_range, invalid_terms, invalid_argument,
                    event_not_allowed, event_out_of_order, unknown_claim, duplicate_claim,
                    amount_exceeds_open, no_open_dispute, dispute_already_open, nothing_overdue,
                    case_not_settled, invalid_event, marketing_state, parse_error, missing_field,
                    wrong_type, unknown_event_type, invalid_value, unknown_field, io_error,
                    invalid_ledger, invalid_policy, policy_evaluation)

/// The name of a code as written in errc ("currency_mismatch"); "unknown" for a value
/// outside the enumeration.
[[nodiscard]] inline const char* error_name(errc code) noexcept {
  return boost::describe::enum_to_string(code, "unknown");
}

/// Every failure arrears reports. what() says where (file:line:column, case id, field)
/// and what was expected; code() is stable for programs.
class error : public std::runtime_error {
 public:
  error(errc code, const std::string& message) : std::runtime_error(message), code_(code) {}
  [[nodiscard]] errc code() const noexcept { return code_; }

 private:
  errc code_;
};

}  // namespace arrears
