// Decisions <-> JSON, with the house conventions for amounts, dates and enumerations
// (json_detail.hpp).

#include "json_detail.hpp"
#include "json_fields.hpp"

#include <arrears/io/decision_json.hpp>
#include <arrears/policy/fact_schema.hpp>

#include <boost/json/array.hpp>
#include <boost/json/string.hpp>
#include <boost/json/value.hpp>

#include <string>

namespace arrears {

namespace json = boost::json;

namespace {

arrears::currency object_currency(const decision& d) {
  if (d.currency != arrears::currency{}) return d.currency;
  detail::currency_scan scan;
  if (d.parameters.amount) scan.add(*d.parameters.amount);
  if (d.parameters.costs) scan.add(*d.parameters.costs);
  for (const auto& step : d.parameters.instalments) scan.add(step.amount);
  return scan.result();
}

json::object parameters_json(const action_parameters& p, const detail::field_writer& writer) {
  json::object out;
  if (p.channel) out.emplace("channel", detail::enum_name(*p.channel));
  if (p.amount) out.emplace("amount", writer.amount_text(*p.amount, "parameters.amount"));
  if (p.costs) out.emplace("costs", writer.amount_text(*p.costs, "parameters.costs"));
  if (p.deadline) out.emplace("deadline", writer.date_text(*p.deadline, "parameters.deadline"));
  if (p.letter) out.emplace("letter", detail::enum_name(*p.letter));
  if (p.reminder_level != 0) out.emplace("reminder_level", p.reminder_level);
  if (!p.instalments.empty()) {
    json::array instalments;
    instalments.reserve(p.instalments.size());
    for (const auto& step : p.instalments) {
      json::object item;
      item.emplace("due", writer.date_text(step.due, "parameters.instalments.due"));
      item.emplace("amount", writer.amount_text(step.amount, "parameters.instalments.amount"));
      instalments.emplace_back(std::move(item));
    }
    out.emplace("instalments", std::move(instalments));
  }
  return out;
}

json::value fact_json(const fact_reading& reading, arrears::currency in) {
  const auto schema = fact_schema();
  if (reading.fact >= schema.size()) return json::value(reading.value);
  switch (schema[reading.fact].type) {
    case fact_type::integer:
      return json::value(reading.value);
    case fact_type::boolean:
      return json::value(reading.value != 0);
    case fact_type::money:
    case fact_type::enumeration:
      break;
  }
  return json::string(format_fact_value(reading.fact, reading.value, in));
}

json::object reason_json(const decision_reason& reason, arrears::currency in) {
  json::object out;
  out.emplace("rule", reason.rule);
  if (!reason.note.empty()) out.emplace("note", reason.note);
  json::object facts;
  const auto schema = fact_schema();
  for (const auto& reading : reason.facts) {
    // A fact read twice by one rule has one value: the first reading stands.
    const std::string_view name =
        reading.fact < schema.size() ? schema[reading.fact].name : std::string_view("?");
    facts.emplace(name, fact_json(reading, in));
  }
  out.emplace("facts", std::move(facts));
  return out;
}

}  // namespace

json::object to_json(const decision& d, std::string_view case_id) {
  const arrears::currency in = object_currency(d);
  const detail::field_writer writer(in, false, "decision for case '" + std::string(case_id) + "'");

  json::object out;
  out.emplace("case", case_id);
  out.emplace("action", action_name(d.kind));
  out.emplace("parameters", parameters_json(d.parameters, writer));
  if (d.next_review)
    out.emplace("next_review", writer.date_text(*d.next_review, "next_review"));
  else
    out.emplace("next_review", nullptr);
  json::array reasons;
  reasons.reserve(d.reasons.size());
  for (const auto& reason : d.reasons) reasons.emplace_back(reason_json(reason, in));
  out.emplace("reasons", std::move(reasons));
  if (!d.arm.empty()) out.emplace("arm", d.arm);
  out.emplace("currency", in.code());
  return out;
}

namespace {

using detail::field_reader;
using detail::read_field;
using detail::read_required;

action_parameters parameters_from_json(const field_reader& reader) {
  static constexpr std::string_view known[] = {
      "channel", "amount", "costs", "deadline", "letter", "reminder_level", "instalments"};
  reader.reject_unknown_fields(known);
  action_parameters p;
  (void)read_field(reader, "channel", p.channel);
  (void)read_field(reader, "amount", p.amount);
  (void)read_field(reader, "costs", p.costs);
  (void)read_field(reader, "deadline", p.deadline);
  (void)read_field(reader, "letter", p.letter);
  (void)read_field(reader, "reminder_level", p.reminder_level);
  (void)read_field(reader, "instalments", p.instalments);
  return p;
}

const json::object& object_field(const field_reader& reader, std::string_view field,
                                 const json::value& value) {
  if (!value.is_object())
    reader.fail(errc::wrong_type, field,
                "expected an object, got " + std::string(detail::json_kind(value)));
  return value.get_object();
}

void fact_from_json(const field_reader& reader, std::string_view name, const json::value& value,
                    decision_reason& out) {
  const std::optional<fact_index> index = find_fact(name);
  if (!index) {
    const std::string_view close = closest_fact_name(name);
    reader.fail(errc::unknown_field, name,
                "no such fact" + (close.empty() ? std::string()
                                                : "; did you mean '" + std::string(close) + "'?"));
  }
  std::int64_t number = 0;
  if (value.is_int64()) {
    number = value.get_int64();
  } else if (value.is_bool()) {
    number = value.get_bool() ? 1 : 0;
  } else if (value.is_string()) {
    std::string why;
    if (!parse_fact_value(*index, value.get_string(), reader.object_currency(), number, why))
      reader.fail(errc::invalid_value, name, why);
  } else {
    reader.fail(errc::wrong_type, name,
                "expected a number, true or false, or a string, got " +
                    std::string(detail::json_kind(value)));
  }
  out.facts.push_back({*index, number});
}

}  // namespace

decision decision_from_json(const json::object& object, std::string_view context) {
  const field_reader reader(object, std::string(context));
  static constexpr std::string_view known[] = {"case",    "action", "parameters", "next_review",
                                               "reasons", "arm",    "currency"};
  reader.reject_unknown_fields(known);
  decision d;
  read_required(reader, "action", d.kind);
  d.currency = reader.object_currency();
  if (const json::value* parameters = reader.find("parameters"))
    d.parameters = parameters_from_json(
        reader.nested(object_field(reader, "parameters", *parameters), "parameters."));
  (void)read_field(reader, "next_review", d.next_review);
  (void)read_field(reader, "arm", d.arm);
  if (const json::value* reasons = reader.find("reasons")) {
    const json::array* list = detail::array_field(reader, "reasons", "an array of reasons");
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string name = detail::element_name("reasons", i);
      const field_reader item = reader.nested(object_field(reader, name, (*list)[i]), name + ".");
      static constexpr std::string_view reason_fields[] = {"rule", "note", "facts"};
      item.reject_unknown_fields(reason_fields);
      decision_reason& reason = d.add_reason("");
      read_required(item, "rule", reason.rule);
      (void)read_field(item, "note", reason.note);
      if (const json::value* facts = item.find("facts")) {
        const field_reader readings = item.nested(object_field(item, "facts", *facts), "facts.");
        for (const auto& [fact, value] : facts->get_object())
          fact_from_json(readings, fact, value, reason);
      }
    }
    (void)reasons;
  }
  return d;
}

}  // namespace arrears
