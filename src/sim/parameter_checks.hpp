#pragma once
// The domain checks the simulation's settings share; each names the parameter it checks.

#include <arrears/sim/parameter_problem.hpp>

#include <charconv>
#include <cmath>
#include <initializer_list>
#include <optional>
#include <string>

namespace arrears::sim::detail {

/// The shortest text that reads back as `value` ("0.7", "-1e+300", "nan", "inf").
inline std::string format_number(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

inline std::optional<parameter_problem> problem(const char* parameter, const char* expected,
                                                double value) {
  return parameter_problem{parameter, std::string(expected) + ", got " + format_number(value)};
}

/// A finite number at least 0.
inline std::optional<parameter_problem> at_least_zero(const char* parameter, double value) {
  if (std::isfinite(value) && value >= 0) return std::nullopt;
  return problem(parameter, "must be a finite number at least 0", value);
}

/// A finite number greater than 0.
inline std::optional<parameter_problem> greater_than_zero(const char* parameter, double value) {
  if (std::isfinite(value) && value > 0) return std::nullopt;
  return problem(parameter, "must be a finite number greater than 0", value);
}

/// A number in [0, 1].
inline std::optional<parameter_problem> between_zero_and_one(const char* parameter, double value) {
  if (value >= 0 && value <= 1) return std::nullopt;
  return problem(parameter, "must be between 0 and 1", value);
}

/// The first of several findings that is a problem.
inline std::optional<parameter_problem> first_problem(
    std::initializer_list<std::optional<parameter_problem>> findings) {
  for (const auto& finding : findings)
    if (finding) return finding;
  return std::nullopt;
}

}  // namespace arrears::sim::detail
