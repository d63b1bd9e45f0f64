// Case snapshots: the state written out for readers, and read back by replaying the events
// and checking the state against them.

#include "json_detail.hpp"

#include <arrears/io/case_json.hpp>
#include <arrears/io/event_json.hpp>

#include <boost/describe/enum_to_string.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace arrears {

namespace json = boost::json;

namespace {

using detail::field_reader;
using detail::field_writer;

template <class E>
json::string name_of(E value) {
  return json::string(detail::enum_name(value));
}

json::value optional_date(const field_writer& writer, const std::optional<date>& on,
                          std::string_view field) {
  if (!on) return nullptr;
  return json::string(writer.date_text(*on, field));
}

json::value amount(const field_writer& writer, money value, std::string_view field) {
  return json::string(writer.amount_text(value, field));
}

json::object debtor_json(const collection_case& c, const std::string& context) {
  const debtor& who = c.debtor();
  field_writer profile(detail::currency_of(who.profile), true, context + ": debtor.profile");
  detail::write_debtor_fields(profile, who.profile);

  const field_writer in_case(c.currency(), false, context + ": debtor.goodwill_history");
  json::array goodwill;
  for (const auto& grant : who.goodwill_history)
    goodwill.emplace_back(json::object{{"date", in_case.date_text(grant.on, "date")},
                                       {"amount", amount(in_case, grant.amount, "amount")},
                                       {"claim", grant.claim_id}});
  return json::object{{"profile", profile.finish()},
                      {"marketing", name_of(who.marketing)},
                      {"goodwill_history", std::move(goodwill)}};
}

json::object claim_json(const claim_balance& balance, currency in, const std::string& context) {
  field_writer writer(in, false, context + ": claim '" + balance.invoice.id + "'");
  detail::write_invoice_fields(writer, balance.invoice);
  writer.put_amount("open", balance.open);
  writer.put_amount("disputed", balance.disputed);
  writer.put_amount("awaiting_credit", balance.awaiting_credit);
  writer.put_bool("dispute_open", balance.dispute_open);
  writer.put_string("category", detail::enum_name(balance.category));
  writer.put("last_verdict", balance.last_verdict ? json::value(name_of(*balance.last_verdict))
                                                  : json::value(nullptr));
  writer.put_integer("evidence_count", balance.evidence_count);
  return writer.finish();
}

json::object dunning_json(const dunning_record& dunning, const field_writer& w) {
  return json::object{
      {"clock_restarted_on",
       optional_date(w, dunning.clock_restarted_on, "dunning.clock_restarted_on")},
      {"reminders_sent", dunning.reminders_sent},
      {"last_reminder_level", dunning.last_reminder_level},
      {"last_reminder_on", optional_date(w, dunning.last_reminder_on, "dunning.last_reminder_on")},
      {"fourteen_day_letter_sent_on", optional_date(w, dunning.fourteen_day_letter_sent_on,
                                                    "dunning.fourteen_day_letter_sent_on")},
      {"formal_notice_sent_on",
       optional_date(w, dunning.formal_notice_sent_on, "dunning.formal_notice_sent_on")},
      {"calls_made", dunning.calls_made},
      {"calls_reached", dunning.calls_reached},
      {"last_contact_on", optional_date(w, dunning.last_contact_on, "dunning.last_contact_on")},
  };
}

json::array schedule_json(const std::vector<instalment>& schedule, const field_writer& w,
                          std::string_view field) {
  json::array array;
  for (std::size_t i = 0; i < schedule.size(); ++i) {
    const std::string name = std::string(field) + "[" + std::to_string(i) + "]";
    array.emplace_back(json::object{{"due", w.date_text(schedule[i].due, name + ".due")},
                                    {"amount", amount(w, schedule[i].amount, name + ".amount")}});
  }
  return array;
}

json::value promise_json(const std::optional<promise_record>& promise, const field_writer& w) {
  if (!promise) return nullptr;
  return json::object{{"amount", amount(w, promise->amount, "promise.amount")},
                      {"due", w.date_text(promise->due, "promise.due")},
                      {"made_on", w.date_text(promise->made_on, "promise.made_on")},
                      {"paid_since", amount(w, promise->paid_since, "promise.paid_since")}};
}

json::value arrangement_json(const std::optional<arrangement_record>& arrangement,
                             const field_writer& w) {
  if (!arrangement) return nullptr;
  json::array paid;
  for (const bool instalment_paid : arrangement->paid) paid.emplace_back(instalment_paid);
  return json::object{{"schedule", schedule_json(arrangement->schedule, w, "arrangement.schedule")},
                      {"paid", std::move(paid)},
                      {"agreed_on", w.date_text(arrangement->agreed_on, "arrangement.agreed_on")},
                      {"missed", arrangement->missed}};
}

json::object totals_json(const case_totals& totals, const field_writer& w) {
  return json::object{
      {"invoiced", amount(w, totals.invoiced, "totals.invoiced")},
      {"costs_charged", amount(w, totals.costs_charged, "totals.costs_charged")},
      {"interest_charged", amount(w, totals.interest_charged, "totals.interest_charged")},
      {"paid", amount(w, totals.paid, "totals.paid")},
      {"credited", amount(w, totals.credited, "totals.credited")},
      {"written_off", amount(w, totals.written_off, "totals.written_off")}};
}

json::object counters_json(const case_counters& counters) {
  return json::object{{"promises_made", counters.promises_made},
                      {"promises_broken", counters.promises_broken},
                      {"arrangements_agreed", counters.arrangements_agreed},
                      {"arrangements_broken", counters.arrangements_broken},
                      {"instalments_missed", counters.instalments_missed}};
}

// --- reading ------------------------------------------------------------------------------

/// A value as a mismatch message shows it: strings bare, null as "nothing", the rest as JSON
/// (shortened).
std::string shown(const json::value& value) {
  if (value.is_string()) return std::string(value.get_string());
  if (value.is_null()) return "nothing";
  std::string text = json::serialize(value);
  constexpr std::size_t longest = 80;
  if (text.size() > longest) text = text.substr(0, longest - 3) + "...";
  return text;
}

struct snapshot_checker {
  std::string context;  // "cases.json: case C-1"

  [[noreturn]] void mismatch(const std::string& path, const std::string& what) const {
    throw error(errc::invalid_value, context + ": field '" + path + "' " + what);
  }

  void compare(const json::value& given, const json::value& replayed,
               const std::string& path) const {
    if (given.is_object() && replayed.is_object()) {
      const json::object& replayed_object = replayed.get_object();
      for (const auto& entry : given.get_object()) {
        const std::string inner = path + "." + std::string(entry.key());
        const json::value* counterpart = replayed_object.if_contains(entry.key());
        if (counterpart == nullptr) {
          if (!entry.value().is_null())
            mismatch(inner, "says " + shown(entry.value()) + " but the events give nothing");
          continue;
        }
        compare(entry.value(), *counterpart, inner);
      }
      return;
    }
    if (given.is_array() && replayed.is_array()) {
      const json::array& a = given.get_array();
      const json::array& b = replayed.get_array();
      if (a.size() != b.size())
        mismatch(path, "has " + std::to_string(a.size()) + " entries but the events give " +
                           std::to_string(b.size()));
      for (std::size_t i = 0; i < a.size(); ++i)
        compare(a[i], b[i], path + "[" + std::to_string(i) + "]");
      return;
    }
    if (given != replayed)
      mismatch(path, "says " + shown(given) + " but the events give " + shown(replayed));
  }
};

}  // namespace

json::object to_json(const collection_case& c) {
  const std::string context = "case " + c.id();
  if (c.history().size() != c.event_count())
    throw error(
        errc::invalid_argument,
        context +
            ": its history was discarded (history_policy::discard); a snapshot needs the events");
  const field_writer w(c.currency(), false, context);

  json::array claims;
  for (const auto& balance : c.claims())
    claims.emplace_back(claim_json(balance, c.currency(), context));
  json::array credit_notes;
  for (const auto& note : c.credit_notes()) {
    field_writer writer(c.currency(), false, context + ": credit note '" + note.id + "'");
    detail::write_credit_note_fields(writer, note);
    credit_notes.emplace_back(writer.finish());
  }
  json::array events;
  for (const auto& e : c.history()) events.emplace_back(to_json(e));

  json::object snapshot;
  snapshot.reserve(24);
  snapshot["id"] = c.id();
  snapshot["state"] = name_of(c.state());
  snapshot["outcome"] = name_of(c.outcome());
  snapshot["currency"] = to_string(c.currency());
  snapshot["debtor"] = debtor_json(c, context);
  snapshot["claims"] = std::move(claims);
  snapshot["credit_notes"] = std::move(credit_notes);
  snapshot["costs_due"] = amount(w, c.costs_due(), "costs_due");
  snapshot["interest_due"] = amount(w, c.interest_due(), "interest_due");
  snapshot["interest_through"] = optional_date(w, c.interest_charged_through(), "interest_through");
  snapshot["reason"] = name_of(c.reason());
  snapshot["dunning"] = dunning_json(c.dunning(), w);
  snapshot["promise"] = promise_json(c.promise(), w);
  snapshot["arrangement"] = arrangement_json(c.arrangement(), w);
  snapshot["totals"] = totals_json(c.totals(), w);
  snapshot["counters"] = counters_json(c.counters());
  snapshot["agency"] = c.agency();
  snapshot["legal_reference"] = c.legal_reference();
  snapshot["last_event_on"] = optional_date(w, c.last_event_on(), "last_event_on");
  snapshot["event_count"] = static_cast<std::int64_t>(c.event_count());
  snapshot["events"] = std::move(events);
  return snapshot;
}

collection_case case_from_json(const json::value& snapshot, std::string_view where) {
  const std::string prefix = where.empty() ? std::string() : std::string(where) + ": ";
  if (!snapshot.is_object())
    throw error(errc::wrong_type, prefix + "expected a case snapshot object, got " +
                                      std::string(detail::json_kind(snapshot)));
  const json::object& object = snapshot.get_object();
  const field_reader reader(object, where);

  const json::value* id_value = reader.find("id");
  if (id_value == nullptr) reader.fail_missing("id", "the case id, a string");
  const std::string id(reader.string_of("id", *id_value, "the case id, a string"));
  const std::string context = prefix + "case " + id;

  const field_reader case_reader(object, context);
  const json::value* events_value = case_reader.find("events");
  if (events_value == nullptr) case_reader.fail_missing("events", "an array of event objects");
  if (!events_value->is_array())
    case_reader.fail(
        errc::wrong_type, "events",
        "expected an array of event objects, got " + std::string(detail::json_kind(*events_value)));

  collection_case replayed(id);
  const json::array& events = events_value->get_array();
  for (std::size_t i = 0; i < events.size(); ++i) {
    const std::string event_where = context + ": events[" + std::to_string(i) + "]";
    if (!events[i].is_object())
      throw error(errc::wrong_type, event_where + ": expected an event object, got " +
                                        std::string(detail::json_kind(events[i])));
    if (auto refused = replayed.try_apply(event_from_json(events[i].get_object(), event_where))) {
      refused->message = event_where + ": " + refused->message;
      throw transition_error(std::move(*refused));
    }
  }

  const json::object expected = to_json(replayed);
  std::vector<std::string_view> known;
  for (const auto& entry : expected) known.push_back(entry.key());
  case_reader.reject_unknown_fields(known);

  const snapshot_checker checker{context};
  for (const auto& entry : object) {
    if (entry.key() == "events") continue;
    const json::value& replayed_value = expected.at(entry.key());
    checker.compare(entry.value(), replayed_value, std::string(entry.key()));
  }
  return replayed;
}

}  // namespace arrears
