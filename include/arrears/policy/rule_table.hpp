#pragma once
// rule_table: a declarative policy read from YAML or JSON. Each rule has an id, a `when`
// expression over the facts and a `then` action with parameters; docs/policy-language.md
// describes the format and the expression language.

#include <arrears/policy/decision.hpp>
#include <arrears/policy/facts.hpp>
#include <arrears/policy/policy_diagnostic.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

namespace arrears {

namespace detail {
struct compiled_rule_table;
}  // namespace detail

/// A rule table: rules loaded from YAML or JSON, type-checked against the facts schema,
/// compiled once to an immutable form shared by copies (copies are cheap; decide is
/// thread-safe).
class rule_table {
 public:
  /// How the deciding rule is chosen among the rules whose `when` holds: the first in file
  /// order, or the one with the highest `priority` (ties go to the earlier rule).
  enum class hit_policy : std::uint8_t { first, priority };

  /// Reads a YAML or JSON file. Throws error{errc::io_error} when unreadable, and
  /// error{errc::invalid_policy} whose what() lists every diagnostic, one per line, as
  /// file:line:column: message.
  [[nodiscard]] static rule_table load(const std::filesystem::path& file);
  /// The same from text; `source_name` is what diagnostics call the file.
  [[nodiscard]] static rule_table parse(std::string_view text,
                                        std::string_view source_name = "<policy>");

  /// The decision for `f`. Throws error{errc::policy_evaluation} when a rule overflows on
  /// these facts or the facts' currency is not the table's.
  [[nodiscard]] decision decide(const facts& f) const;
  /// Clears nothing itself: `out` arrives cleared (decision::clear); fills it without
  /// allocating once `out` is warm.
  void decide_into(const facts& f, decision& out) const;

  /// The file's `name:` or its stem.
  [[nodiscard]] std::string_view name() const noexcept;
  [[nodiscard]] std::size_t rule_count() const noexcept;
  [[nodiscard]] hit_policy hits() const noexcept;

 private:
  explicit rule_table(std::shared_ptr<const detail::compiled_rule_table> compiled) noexcept;
  std::shared_ptr<const detail::compiled_rule_table> compiled_;
};

/// Every problem in a policy text, errors and warnings, in file order; empty when it is clean.
[[nodiscard]] std::vector<policy_diagnostic> check_rule_table(std::string_view text,
                                                              std::string_view source_name);
/// The same for a file; an unreadable file is one error diagnostic at 1:1.
[[nodiscard]] std::vector<policy_diagnostic> check_rule_table_file(
    const std::filesystem::path& file);

}  // namespace arrears
