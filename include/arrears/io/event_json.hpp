#pragma once
// Case events as JSON objects: the form accounting software writes by hand and the event
// stream carries. docs/events.md documents every event type and field.

#include <arrears/model/events.hpp>

#include <boost/json/object.hpp>

#include <string>
#include <string_view>

namespace arrears {

/// One event as a JSON object, keys in this order: "type", "date", the event's own fields
/// (docs/events.md), "currency" right after the last amount (when the event writes an amount),
/// then "actor" and "note" when they are not empty. Amounts are decimal strings ("1234.56"),
/// dates "YYYY-MM-DD", enumerations their names, payment terms "net 30" / "eom 30"; optional
/// fields that hold their default are omitted. event_from_json reads the result back to an
/// equal event, so to_json(event_from_json(to_json(e), "")) == to_json(e).
///
/// Throws error{errc::currency_mismatch} when the event's non-zero amounts are in different
/// currencies (one object carries one currency), error{errc::invalid_argument} for a date
/// field that holds no date or an enumerator outside its enumeration, and
/// error{errc::invalid_terms} for payment terms outside 0..365 days.
///
/// The object is parsed from the text append_json writes: one writer for both forms.
[[nodiscard]] boost::json::object to_json(const event& e);

/// Appends the event as JSON text to `out`: boost::json::serialize(to_json(e)), byte for byte,
/// but written directly, without building a boost::json::object (the store writes millions).
/// Throws what to_json throws, and then leaves `out` as it was.
void append_json(std::string& out, const event& e);

/// Reads one event object, strictly: every problem throws arrears::error whose message starts
/// with `where` (a location such as "events.jsonl:3"; may be empty) and names the event type
/// and the field, e.g. `events.jsonl:3: payment_received: field 'amount': expected a decimal
/// string such as "12.50", got a number`. Codes: parse_error is not used here (the object is
/// already parsed); missing_field, wrong_type, unknown_event_type (with "did you mean ...?"),
/// unknown_field (with "did you mean ...?"), invalid_value (enumerations, whole numbers),
/// invalid_amount, invalid_date, invalid_terms, unknown_currency, date_out_of_range (a due
/// date computed from terms past 9999-12-31).
///
/// Only the JSON form is checked here; whether a case accepts the event (positive amounts,
/// known claims, the state) is collection_case::apply's business.
[[nodiscard]] event event_from_json(const boost::json::object& object, std::string_view where);

}  // namespace arrears
