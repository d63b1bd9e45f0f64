#pragma once
// What is wrong with a simulation parameter, as data: a surface (the CLI, the C API, Python)
// names the parameter its own way ("--lambda-inf", "lambda_inf=") from the same finding.

#include <arrears/core/error.hpp>

#include <optional>
#include <string>

namespace arrears::sim {

/// One parameter outside its domain.
struct parameter_problem {
  std::string parameter;  ///< the field's name in the library, e.g. "lambda_inf"
  std::string message;    ///< what was expected and what came, e.g. "must be at least 0, got -1"
};

/// Throws error{errc::invalid_argument, "<parameter>: <message>"} for the first problem
/// find_problem(settings) reports; does nothing when there is none. Works for every settings
/// type with a find_problem overload (hawkes_parameters, hawkes_scenario,
/// hawkes_simulation_settings).
template <class Settings>
void validate(const Settings& settings) {
  if (const std::optional<parameter_problem> problem = find_problem(settings))
    throw error(errc::invalid_argument, problem->parameter + ": " + problem->message);
}

}  // namespace arrears::sim
