#pragma once
// The compiler: typed syntax trees to the operations of program.hpp. Constant parts are
// folded at load time by running them through the evaluator itself, so a folded constant is
// exactly what evaluation would have computed, and an overflow in one is a load-time error.

#include "ast.hpp"
#include "parser.hpp"
#include "program.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace arrears::detail::rules {

/// How fact `index` is loaded (see load_kind), and its offset for the fast loads.
[[nodiscard]] load_kind fact_load_kind(fact_index index) noexcept;

/// One expression ready for compilation: its tree (typed), and where its diagnostics go.
struct compile_unit {
  expression_tree* tree = nullptr;
  const expression_context* context = nullptr;
  std::uint32_t rule = 0;
};

/// Appends to a compiled_rule_table: first the conditions (plan_gates, or when it declines,
/// emit_condition for each rule in evaluation order and finish_conditions), then the
/// parameters (emit_value).
class program_builder {
 public:
  program_builder(detail::compiled_rule_table& table, const source_text& source);

  /// Rule `unit.rule`'s condition: falls through to `match rule` when it holds, else on to
  /// the next rule. A null tree is a condition that always holds.
  void emit_condition(const compile_unit& unit);
  /// Ends the conditions with a match of `default_rule`.
  void finish_conditions(std::uint32_t default_rule);
  /// Plans every rule's condition (`units`, in evaluation order) as atoms and residual
  /// programs. Returns false, changing nothing, when the table has more than max_gated_rules
  /// rules; the conditions program then decides alone.
  bool plan_gates(const std::vector<compile_unit>& units);
  /// A parameter (already checked to have the type it needs): a constant when the expression
  /// reads no fact, the fact itself when it is one, else a program.
  [[nodiscard]] value_slot emit_value(const compile_unit& unit);
  /// The value of a constant expression (folded), or nothing when it reads facts or its
  /// folding failed (reported).
  [[nodiscard]] std::optional<std::int64_t> constant_value(const compile_unit& unit);

 private:
  class emitter;
  detail::compiled_rule_table& table_;
  const source_text& source_;
};

}  // namespace arrears::detail::rules
