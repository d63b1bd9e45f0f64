#pragma once
// The expression parser: tokens to a syntax tree, refusing hostile input (too long, too deep)
// with an error instead of recursing without bound.

#include "ast.hpp"
#include "scalar_map.hpp"
#include "source_text.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace arrears::detail::rules {

/// Longest expression accepted, in bytes. Real rules are a few hundred characters.
inline constexpr std::size_t max_expression_length = 8192;
/// Deepest syntax tree accepted: levels of parentheses, operators and calls.
inline constexpr int max_expression_depth = 64;

/// Where an expression's diagnostics go: positions within the expression are mapped onto
/// the file through the scalar's map.
struct expression_context {
  diagnostic_sink& sink;
  const scalar_map& map;
  void error(std::uint32_t position, std::string message) const {
    sink.error(map.at(position), std::move(message));
  }
  void warning(std::uint32_t position, std::string message) const {
    sink.warning(map.at(position), std::move(message));
  }
};

/// Parses `text`. Reports syntax errors (at most one per expression: after a syntax error
/// the rest cannot be read reliably) and unknown names (all of them) to `context`. Returns
/// the tree when the text is syntactically sound (unknown names are typed `error`), or
/// nothing. `text` must outlive the tree.
[[nodiscard]] std::optional<expression_tree> parse_expression(std::string_view text,
                                                              const expression_context& context);

}  // namespace arrears::detail::rules
