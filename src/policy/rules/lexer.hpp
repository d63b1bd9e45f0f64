#pragma once
// The tokens of the expression language and the lexer that produces them.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace arrears::detail::rules {

enum class token_kind : std::uint8_t {
  end,
  identifier,  ///< a fact, a function or a currency code
  number,      ///< digits with an optional fraction: 12, 12.50
  string,      ///< "cannot_pay" or 'cannot_pay'; text holds the contents
  kw_and,
  kw_or,
  kw_not,
  kw_in,
  kw_true,
  kw_false,
  left_paren,
  right_paren,
  left_bracket,
  right_bracket,
  comma,
  plus,
  minus,
  star,
  slash,
  equal,      ///< ==
  not_equal,  ///< !=
  less,
  less_equal,
  greater,
  greater_equal,
};

struct token {
  token_kind kind = token_kind::end;
  /// The token's text (the contents for strings), a view into the expression.
  std::string_view text;
  /// Offset of the token's first character in the expression.
  std::uint32_t position = 0;
};

/// A lexing failure: where and what.
struct lex_error {
  std::uint32_t position = 0;
  std::string message;
};

/// Splits `expression` into tokens ending with token_kind::end. Stops at the first error
/// and returns false with `error` set (unknown character, `=` for `==`, `&&` for `and`, an
/// unterminated string).
[[nodiscard]] bool tokenize(std::string_view expression, std::vector<token>& out, lex_error& error);

/// How a token is written in messages: "'=='", "number '12'", "end of expression".
[[nodiscard]] std::string describe(const token& t);

}  // namespace arrears::detail::rules
