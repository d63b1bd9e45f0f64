#pragma once
// The syntax tree of one expression, with the types the checker gives its nodes.

#include <arrears/core/currency.hpp>
#include <arrears/policy/fact_schema.hpp>

#include <cstdint>
#include <string_view>
#include <vector>

namespace arrears::detail::rules {

/// The types of the language. `string` is only the type of a string literal, which is only
/// valid compared with an enumeration fact; `error` marks a node already reported, so one
/// mistake is not reported again by every node above it.
enum class value_kind : std::uint8_t {
  integer,
  decimal,
  money,
  boolean,
  enumeration,
  string,
  error
};

struct value_type {
  value_kind kind = value_kind::error;
  /// For enumerations: the fact whose enumerators the value ranges over.
  fact_index enum_fact = 0;
  friend bool operator==(const value_type&, const value_type&) = default;
};

/// "integer", "money", "reason (enumeration)".
[[nodiscard]] std::string type_name(value_type t);

enum class node_kind : std::uint8_t {
  integer_literal,  ///< value: the integer
  decimal_literal,  ///< value: micro-units
  money_literal,    ///< value: minor units of `money_currency`
  boolean_literal,  ///< value: 0 or 1
  string_literal,   ///< text: the contents
  fact,             ///< value: the fact index
  negate,           ///< one child
  logical_not,      ///< one child
  logical_and,      ///< two or more children
  logical_or,       ///< two or more children
  add,
  subtract,
  multiply,
  divide,
  equal,
  not_equal,
  less,
  less_equal,
  greater,
  greater_equal,
  in_list,  ///< children: the value, then the literals; `negated` for `not in`
  call_min,
  call_max,
  call_abs,
};

[[nodiscard]] constexpr bool is_comparison(node_kind k) noexcept {
  return k >= node_kind::equal && k <= node_kind::greater_equal;
}
[[nodiscard]] constexpr bool is_literal(node_kind k) noexcept {
  return k <= node_kind::string_literal;
}
/// "==", "+", "min", ...
[[nodiscard]] const char* operator_text(node_kind k) noexcept;

using node_id = std::uint32_t;

struct node {
  node_kind kind = node_kind::integer_literal;
  bool negated = false;
  /// The parser already reported this node (unknown fact, function, currency, bad literal).
  bool reported = false;
  /// Where the node's operator or literal starts in the expression, and its length.
  std::uint32_t position = 0;
  std::uint32_t length = 0;
  std::int64_t value = 0;
  std::string_view text;
  arrears::currency money_currency;
  std::vector<node_id> children;
  /// Set by the type checker.
  value_type type;
  /// Set by the compiler: the folded value of a node that reads no facts.
  enum class fold_state : std::uint8_t { not_yet, folded, failed } fold = fold_state::not_yet;
  std::int64_t folded_value = 0;
};

/// An expression's nodes; the root is the last node added.
struct expression_tree {
  std::vector<node> nodes;
  node_id root = 0;
  [[nodiscard]] const node& at(node_id id) const { return nodes[id]; }
  [[nodiscard]] node& at(node_id id) { return nodes[id]; }
};

}  // namespace arrears::detail::rules
