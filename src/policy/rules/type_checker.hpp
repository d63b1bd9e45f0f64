#pragma once
// The type checker: gives every node of an expression its type under the rules of
// docs/policy-language.md ("Types"), resolves enumerator names, and reports every mistake.

#include "ast.hpp"
#include "parser.hpp"

#include <arrears/core/currency.hpp>

#include <optional>
#include <string>

namespace arrears::detail::rules {

/// The one currency of a table's money literals: declared with `currency:` or taken from the
/// first literal; every other literal must agree.
struct table_currency {
  std::optional<arrears::currency> code;
  /// "declared at strict.yaml:3:11" or "the first amount, at strict.yaml:9:40".
  std::string origin;
  bool has_money_literal = false;
};

/// Types the tree in place and returns the root's type (value_kind::error after an error,
/// which has then been reported).
value_type check_types(expression_tree& tree, const expression_context& context,
                       table_currency& currency);

/// Whether node `id` is a bare 0 (0, 0.0, -0): the one number that compares with and adds
/// to money without a currency.
[[nodiscard]] bool is_zero_literal(const expression_tree& tree, node_id id);

}  // namespace arrears::detail::rules
