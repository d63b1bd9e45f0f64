#pragma once
// One problem found in a policy file: where it is and what is wrong.

#include <cstdint>
#include <string>

namespace arrears {

/// A diagnostic from checking a rule table. Errors make the table unusable; warnings point at
/// something that is allowed but probably not meant (an unreachable rule, for one).
struct policy_diagnostic {
  enum class severity_level : std::uint8_t { error, warning };

  /// What the diagnostics call the file (its path, or the source name given to parse).
  std::string file;
  /// 1-based line and column of the offending token in the file (columns count bytes).
  int line = 1;
  int column = 1;
  severity_level severity = severity_level::error;
  std::string message;

  /// "policy.yaml:12:7: error: unknown fact 'days_overdu'; did you mean 'days_overdue'?"
  [[nodiscard]] std::string to_string() const;
  [[nodiscard]] bool is_error() const noexcept { return severity == severity_level::error; }

  friend bool operator==(const policy_diagnostic&, const policy_diagnostic&) = default;
};

}  // namespace arrears
