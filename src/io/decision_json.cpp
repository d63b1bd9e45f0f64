// Decisions <-> JSON, with the house conventions for amounts, dates and enumerations
// (json_detail.hpp).

#include "json_detail.hpp"
#include "json_fields.hpp"

#include <arrears/io/decision_json.hpp>
#include <arrears/policy/fact_schema.hpp>

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
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

void write_parameters(detail::field_writer& out, const action_parameters& p) {
  if (p.channel) out.put_string("channel", detail::enum_name(*p.channel));
  if (p.amount) out.put_string("amount", out.amount_text(*p.amount, "parameters.amount"));
  if (p.costs) out.put_string("costs", out.amount_text(*p.costs, "parameters.costs"));
  if (p.deadline) out.put_string("deadline", out.date_text(*p.deadline, "parameters.deadline"));
  if (p.letter) out.put_string("letter", detail::enum_name(*p.letter));
  if (p.reminder_level != 0) out.put_integer("reminder_level", p.reminder_level);
  if (!p.instalments.empty()) {
    std::string& text = out.key("instalments");
    text.push_back('[');
    for (std::size_t i = 0; i < p.instalments.size(); ++i) {
      if (i != 0) text.push_back(',');
      detail::field_writer item(text, out.object_currency(), false, out.context());
      item.put_string("due", out.date_text(p.instalments[i].due, "parameters.instalments.due"));
      item.put_string("amount",
                      out.amount_text(p.instalments[i].amount, "parameters.instalments.amount"));
      item.close();
    }
    text.push_back(']');
  }
}

void write_fact(detail::field_writer& out, std::string_view name, const fact_reading& reading) {
  const auto schema = fact_schema();
  if (reading.fact < schema.size()) {
    switch (schema[reading.fact].type) {
      case fact_type::integer:
        break;
      case fact_type::boolean:
        out.put_bool(name, reading.value != 0);
        return;
      case fact_type::money:
      case fact_type::enumeration:
        out.put_string(name, format_fact_value(reading.fact, reading.value, out.object_currency()));
        return;
    }
  }
  out.put_integer(name, reading.value);
}

void write_reason(detail::field_writer& out, const decision_reason& reason) {
  out.put_string("rule", reason.rule);
  if (!reason.note.empty()) out.put_string("note", reason.note);
  detail::field_writer facts(out.key("facts"), out.object_currency(), false, out.context());
  const auto schema = fact_schema();
  for (std::size_t i = 0; i < reason.facts.size(); ++i) {
    const fact_reading& reading = reason.facts[i];
    // A fact read twice by one rule has one value: the first reading stands.
    bool read_before = false;
    for (std::size_t j = 0; j < i && !read_before; ++j)
      read_before = reason.facts[j].fact == reading.fact;
    if (read_before) continue;
    write_fact(facts,
               reading.fact < schema.size() ? schema[reading.fact].name : std::string_view("?"),
               reading);
  }
  facts.close();
}

}  // namespace

void append_json(std::string& out, const decision& d, std::string_view case_id) {
  const std::size_t start = out.size();
  try {
    const arrears::currency in = object_currency(d);
    detail::field_writer writer(out, in, false, "decision for case '" + std::string(case_id) + "'");
    writer.put_string("case", case_id);
    writer.put_string("action", action_name(d.kind));
    detail::field_writer parameters(writer.key("parameters"), in, false, writer.context());
    write_parameters(parameters, d.parameters);
    parameters.close();
    if (d.next_review)
      writer.put_date("next_review", *d.next_review);
    else
      writer.key("next_review") += "null";
    std::string& reasons = writer.key("reasons");
    reasons.push_back('[');
    for (std::size_t i = 0; i < d.reasons.size(); ++i) {
      if (i != 0) reasons.push_back(',');
      detail::field_writer reason(reasons, in, false, writer.context());
      write_reason(reason, d.reasons[i]);
      reason.close();
    }
    reasons.push_back(']');
    if (!d.arm.empty()) writer.put_string("arm", d.arm);
    writer.put_string("currency", in.code());
    writer.close();
  } catch (...) {
    out.resize(start);  // nothing half-written
    throw;
  }
}

json::object to_json(const decision& d, std::string_view case_id) {
  std::string text;
  append_json(text, d, case_id);
  return json::parse(text).as_object();
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
  const field_reader reader(object, context);
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
