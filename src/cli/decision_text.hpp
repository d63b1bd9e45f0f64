#pragma once
// A decision in words for the console: its parameters ("amount 120.00 EUR, channel email")
// and its reasons, as `arrears decide`, `run` and `explain` print them.

#include <arrears/policy/decision.hpp>

#include <string>

namespace arrears::cli {

/// "amount 120.00 EUR, channel email, deadline 2026-03-16"; empty without parameters.
[[nodiscard]] std::string parameters_text(const action_parameters& p);

/// One "<indent>because <rule>: fact=value, ..." line per reason, each followed by its note
/// on a line of its own, indented two more spaces.
void append_reasons(std::string& out, const decision& d, std::string_view indent);

}  // namespace arrears::cli
