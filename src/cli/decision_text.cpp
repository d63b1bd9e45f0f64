// A decision in words (decision_text.hpp).

#include "decision_text.hpp"

#include <arrears/core/money.hpp>
#include <arrears/policy/fact_schema.hpp>

#include <fmt/core.h>
#include <boost/describe/enum_to_string.hpp>

#include <vector>

namespace arrears::cli {
namespace {

template <class E>
const char* name(E value) {
  return boost::describe::enum_to_string(value, "?");
}

}  // namespace

std::string parameters_text(const action_parameters& p) {
  std::vector<std::string> parts;
  if (p.amount) parts.push_back("amount " + to_string(*p.amount));
  if (p.costs) parts.push_back("costs " + to_string(*p.costs));
  if (p.channel) parts.push_back(fmt::format("channel {}", name(*p.channel)));
  if (p.letter) parts.push_back(fmt::format("letter {}", name(*p.letter)));
  if (p.reminder_level != 0) parts.push_back(fmt::format("level {}", p.reminder_level));
  if (p.deadline) parts.push_back("deadline " + to_iso(*p.deadline));
  if (!p.instalments.empty()) {
    std::string plan = fmt::format("{} instalments:", p.instalments.size());
    for (const auto& step : p.instalments)
      plan += fmt::format(" {} on {}", format_amount(step.amount), to_iso(step.due));
    parts.push_back(std::move(plan));
  }
  std::string text;
  for (std::size_t i = 0; i < parts.size(); ++i) text += (i == 0 ? "" : ", ") + parts[i];
  return text;
}

void append_reasons(std::string& out, const decision& d, std::string_view indent) {
  const auto schema = fact_schema();
  for (const auto& reason : d.reasons) {
    out += indent;
    out += "because " + reason.rule;
    for (std::size_t i = 0; i < reason.facts.size(); ++i) {
      const fact_reading& reading = reason.facts[i];
      out += i == 0 ? ": " : ", ";
      out += schema[reading.fact].name;
      out += '=';
      out += format_fact_value(reading.fact, reading.value, d.currency);
    }
    out += '\n';
    if (!reason.note.empty()) {
      out += indent;
      out += "  " + reason.note + '\n';
    }
  }
}

}  // namespace arrears::cli
