#pragma once
// Decisions as JSON: what `arrears decide --json` prints, one object per case, and what the
// C API and the Python module hand out. docs/decide.md documents the shape.

#include <arrears/policy/decision.hpp>

#include <boost/json/object.hpp>

#include <string>
#include <string_view>

namespace arrears {

/// The decision for case `case_id` as one JSON object, keys in this order:
///
///     {"case": "C-1001", "action": "remind",
///      "parameters": {"channel": "email", "amount": "120.00", "deadline": "2026-03-16",
///                     "reminder_level": 1},
///      "next_review": "2026-03-16",
///      "reasons": [{"rule": "playbook.first_reminder", "note": "...",
///                   "facts": {"days_overdue": 12, "open_amount": "120.00"}}],
///      "arm": "challenger", "currency": "EUR"}
///
/// "parameters" holds only the parameters that are set, in the order channel, amount,
/// costs, deadline, letter, reminder_level (when not 0), instalments ([{"due", "amount"}]).
/// "next_review" is null when nothing is left to do. A reason's "note" is omitted when
/// empty; its "facts" are typed: whole numbers as numbers, amounts as decimal strings,
/// booleans as booleans, enumerations by name. "arm" appears only inside an experiment.
/// Amounts, in parameters and facts, are in "currency": the decision's currency, or when
/// that was never set (XXX) the currency of its first amount.
///
/// Throws error{errc::currency_mismatch} when a non-zero amount is in another currency,
/// error{errc::invalid_argument} for a date parameter that holds no date.
///
/// The object is parsed from the text append_json writes: one writer for both forms.
[[nodiscard]] boost::json::object to_json(const decision& d, std::string_view case_id);

/// Appends the same object as JSON text to `out`, as boost::json::serialize(to_json(d,
/// case_id)) writes it, without building a boost::json::object (the store records a proposal
/// per case and day). Throws what to_json throws, and then leaves `out` as it was.
void append_json(std::string& out, const decision& d, std::string_view case_id);

/// The decision an object of that shape describes: to_json's inverse, the "case" aside (a
/// fact read twice by one reason comes back once). `context` starts every error message
/// ("store 'a.db': proposal 12"). Throws arrears::error naming the field for a missing or
/// malformed one, an unknown action, letter, channel or fact.
[[nodiscard]] decision decision_from_json(const boost::json::object& object,
                                          std::string_view context);

}  // namespace arrears
