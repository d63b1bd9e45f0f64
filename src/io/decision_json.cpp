// Decisions -> JSON, with the house conventions for amounts, dates and enumerations
// (json_detail.hpp).

#include "json_detail.hpp"

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

}  // namespace arrears
