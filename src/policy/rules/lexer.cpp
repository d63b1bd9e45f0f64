// The expression lexer.

#include "lexer.hpp"

namespace arrears::detail::rules {
namespace {

bool is_identifier_start(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_identifier_char(char c) noexcept { return is_identifier_start(c) || is_digit(c); }

token_kind keyword_or_identifier(std::string_view word) noexcept {
  if (word == "and") return token_kind::kw_and;
  if (word == "or") return token_kind::kw_or;
  if (word == "not") return token_kind::kw_not;
  if (word == "in") return token_kind::kw_in;
  if (word == "true") return token_kind::kw_true;
  if (word == "false") return token_kind::kw_false;
  return token_kind::identifier;
}

}  // namespace

bool tokenize(std::string_view expression, std::vector<token>& out, lex_error& error) {
  out.clear();
  std::size_t i = 0;
  const std::size_t n = expression.size();
  auto push = [&](token_kind kind, std::size_t from, std::size_t length) {
    out.push_back({kind, expression.substr(from, length), static_cast<std::uint32_t>(from)});
  };
  auto fail = [&](std::size_t at, std::string message) {
    error.position = static_cast<std::uint32_t>(at);
    error.message = std::move(message);
    return false;
  };
  while (i < n) {
    const char c = expression[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    if (is_identifier_start(c)) {
      std::size_t j = i + 1;
      while (j < n && is_identifier_char(expression[j])) ++j;
      push(keyword_or_identifier(expression.substr(i, j - i)), i, j - i);
      i = j;
      continue;
    }
    if (is_digit(c)) {
      std::size_t j = i + 1;
      while (j < n && is_digit(expression[j])) ++j;
      if (j + 1 < n && expression[j] == '.' && is_digit(expression[j + 1])) {
        j += 2;
        while (j < n && is_digit(expression[j])) ++j;
      }
      if (j < n && is_identifier_start(expression[j]))
        return fail(j, "a number must be followed by a space before '" +
                           std::string(1, expression[j]) + "' (write '50 EUR', not '50EUR')");
      push(token_kind::number, i, j - i);
      i = j;
      continue;
    }
    if (c == '"' || c == '\'') {
      const std::size_t close = expression.find(c, i + 1);
      if (close == std::string_view::npos)
        return fail(i, std::string("unterminated string: expected a closing ") + c);
      push(token_kind::string, i + 1, close - i - 1);
      out.back().position = static_cast<std::uint32_t>(i);
      i = close + 1;
      continue;
    }
    const char next = i + 1 < n ? expression[i + 1] : '\0';
    switch (c) {
      case '(':
        push(token_kind::left_paren, i, 1);
        ++i;
        continue;
      case ')':
        push(token_kind::right_paren, i, 1);
        ++i;
        continue;
      case '[':
        push(token_kind::left_bracket, i, 1);
        ++i;
        continue;
      case ']':
        push(token_kind::right_bracket, i, 1);
        ++i;
        continue;
      case ',':
        push(token_kind::comma, i, 1);
        ++i;
        continue;
      case '+':
        push(token_kind::plus, i, 1);
        ++i;
        continue;
      case '-':
        push(token_kind::minus, i, 1);
        ++i;
        continue;
      case '*':
        push(token_kind::star, i, 1);
        ++i;
        continue;
      case '/':
        push(token_kind::slash, i, 1);
        ++i;
        continue;
      case '=':
        if (next != '=') return fail(i, "unexpected '=': write '==' to compare");
        push(token_kind::equal, i, 2);
        i += 2;
        continue;
      case '!':
        if (next != '=') return fail(i, "unexpected '!': write 'not' to negate");
        push(token_kind::not_equal, i, 2);
        i += 2;
        continue;
      case '<':
        if (next == '=') {
          push(token_kind::less_equal, i, 2);
          i += 2;
        } else if (next == '>') {
          return fail(i, "unexpected '<>': write '!=' for 'not equal'");
        } else {
          push(token_kind::less, i, 1);
          ++i;
        }
        continue;
      case '>':
        if (next == '=') {
          push(token_kind::greater_equal, i, 2);
          i += 2;
        } else {
          push(token_kind::greater, i, 1);
          ++i;
        }
        continue;
      case '&':
        return fail(i, next == '&' ? "unexpected '&&': write 'and'" : "unexpected '&'");
      case '|':
        return fail(i, next == '|' ? "unexpected '||': write 'or'" : "unexpected '|'");
      default:
        break;
    }
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7F)
      return fail(i, "unexpected character (byte 0x" +
                         std::string(1, "0123456789abcdef"[byte >> 4]) +
                         std::string(1, "0123456789abcdef"[byte & 15]) + ")");
    return fail(i, std::string("unexpected character '") + c + "'");
  }
  out.push_back({token_kind::end, expression.substr(n, 0), static_cast<std::uint32_t>(n)});
  return true;
}

std::string describe(const token& t) {
  switch (t.kind) {
    case token_kind::end:
      return "the end of the expression";
    case token_kind::identifier:
      return "'" + std::string(t.text) + "'";
    case token_kind::number:
      return "number " + std::string(t.text);
    case token_kind::string:
      return "string \"" + std::string(t.text) + "\"";
    default:
      return "'" + std::string(t.text) + "'";
  }
}

}  // namespace arrears::detail::rules
