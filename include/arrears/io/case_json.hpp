#pragma once
// A case as a JSON snapshot: its state for readers (a UI, a report, another program) and its
// events, which are the truth. Reading a snapshot replays the events and checks that the
// state written beside them agrees, so a stored snapshot cannot silently drift.

#include <arrears/model/collection_case.hpp>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <string_view>

namespace arrears {

/// The snapshot of a case, keys in this order: id, state, outcome, currency, debtor
/// {profile (debtor_updated's fields), marketing, goodwill_history}, claims (claim_added's
/// fields plus open, disputed, awaiting_credit, dispute_open, category, last_verdict,
/// evidence_count), credit_notes, costs_due, interest_due, interest_through, reason, dunning,
/// promise, arrangement, totals, counters, agency, legal_reference, last_event_on,
/// event_count, and events (to_json(const event&) of every event in order). Amounts are
/// decimal strings in the case's "currency" (the debtor profile carries its own, as in
/// debtor_updated); a value the case does not have is null. docs/events.md describes it.
/// Lossless: to_json(case_from_json(to_json(c), "")) == to_json(c).
/// Throws error{errc::invalid_argument} for a case whose history was discarded (the snapshot
/// needs its events), and what to_json(const event&) throws for an event of its history.
[[nodiscard]] boost::json::object to_json(const collection_case& c);

/// Reads a snapshot: replays "events" (required, with "id") into a new case, then checks that
/// every other field present in `snapshot` equals what the replayed case gives (fields may be
/// left out; nested objects and arrays are compared member by member). Errors start with
/// `where` and name the case and the field:
/// `cases.json: case C-1: field 'state' says overdue but the events give closed`
/// (errc::invalid_value); a field snapshots do not have is errc::unknown_field; an event that
/// does not parse or that the case refuses is reported as event_from_json and
/// collection_case::apply report it, located as `cases.json: case C-1: events[3]`.
[[nodiscard]] collection_case case_from_json(const boost::json::value& snapshot,
                                             std::string_view where);

}  // namespace arrears
