// Recursive descent over the grammar in docs/policy-language.md:
//
//   expression := or
//   or         := and ("or" and)*
//   and        := not ("and" not)*
//   not        := "not" not | comparison
//   comparison := sum [ ("==" | "!=" | "<" | "<=" | ">" | ">=") sum
//                     | ["not"] "in" "[" literal ("," literal)* "]" ]
//   sum        := product (("+" | "-") product)*
//   product    := unary (("*" | "/") unary)*
//   unary      := "-" unary | primary
//   primary    := number [currency] | string | "true" | "false" | "(" expression ")"
//               | function "(" expression ("," expression)* ")" | fact

#include "parser.hpp"

#include "lexer.hpp"

#include "../../text/closest_name.hpp"

#include <arrears/core/decimal.hpp>

#include "arithmetic.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <vector>

namespace arrears::detail::rules {
namespace {

/// Thrown inside the parser to abandon an expression after its syntax error was reported.
struct syntax_abort {};

constexpr std::array<std::string_view, 3> function_names{"min", "max", "abs"};

class parser {
 public:
  parser(std::string_view text, const std::vector<token>& tokens, const expression_context& context)
      : text_(text), tokens_(tokens), context_(context) {}

  expression_tree run() {
    const node_id root = parse_or();
    if (peek().kind != token_kind::end) {
      const token& t = peek();
      if (t.kind == token_kind::right_paren)
        fail(t.position, "unmatched ')'");
      else if (t.kind == token_kind::identifier || t.kind == token_kind::number ||
               t.kind == token_kind::string || t.kind == token_kind::left_paren)
        fail(t.position, "expected an operator (and, or, ==, +, ...) before " + describe(t));
      else
        fail(t.position, "unexpected " + describe(t));
    }
    tree_.root = root;
    return std::move(tree_);
  }

 private:
  const token& peek(std::size_t ahead = 0) const {
    return tokens_[std::min(next_ + ahead, tokens_.size() - 1)];
  }
  const token& take() {
    const token& t = tokens_[next_];
    if (next_ + 1 < tokens_.size()) ++next_;
    return t;
  }
  bool accept(token_kind kind) {
    if (peek().kind != kind) return false;
    take();
    return true;
  }
  [[noreturn]] void fail(std::uint32_t position, std::string message) {
    context_.error(position, std::move(message));
    throw syntax_abort{};
  }
  void expect(token_kind kind, const char* what) {
    if (!accept(kind))
      fail(peek().position, std::string("expected ") + what + ", found " + describe(peek()));
  }

  node_id add(node n) {
    int height = 1;
    for (const node_id child : n.children) height = std::max(height, heights_[child] + 1);
    if (height > max_expression_depth)
      fail(n.position, "expression nested too deeply: more than " +
                           std::to_string(max_expression_depth) +
                           " levels of parentheses, operators or calls");
    tree_.nodes.push_back(std::move(n));
    heights_.push_back(height);
    return static_cast<node_id>(tree_.nodes.size() - 1);
  }
  node make(node_kind kind, const token& at, std::vector<node_id> children = {}) {
    node n;
    n.kind = kind;
    n.position = at.position;
    n.length = static_cast<std::uint32_t>(at.text.size());
    n.children = std::move(children);
    return n;
  }

  /// Guards the recursion itself, before any node is built.
  struct depth_guard {
    depth_guard(parser& p, std::uint32_t position) : p_(p) {
      if (++p_.depth_ > max_expression_depth)
        p_.fail(position, "expression nested too deeply: more than " +
                              std::to_string(max_expression_depth) +
                              " levels of parentheses, operators or calls");
    }
    ~depth_guard() { --p_.depth_; }
    depth_guard(const depth_guard&) = delete;
    depth_guard& operator=(const depth_guard&) = delete;
    parser& p_;
  };

  node_id parse_or() {
    const depth_guard guard(*this, peek().position);
    node_id first = parse_and();
    if (peek().kind != token_kind::kw_or) return first;
    const token& op = peek();
    std::vector<node_id> children{first};
    while (accept(token_kind::kw_or)) children.push_back(parse_and());
    return add(make(node_kind::logical_or, op, std::move(children)));
  }

  node_id parse_and() {
    node_id first = parse_not();
    if (peek().kind != token_kind::kw_and) return first;
    const token& op = peek();
    std::vector<node_id> children{first};
    while (accept(token_kind::kw_and)) children.push_back(parse_not());
    return add(make(node_kind::logical_and, op, std::move(children)));
  }

  node_id parse_not() {
    if (peek().kind == token_kind::kw_not) {
      const token& op = take();
      const depth_guard guard(*this, op.position);
      const node_id operand = parse_not();
      return add(make(node_kind::logical_not, op, {operand}));
    }
    return parse_comparison();
  }

  static bool comparison_kind(token_kind t, node_kind& out) {
    switch (t) {
      case token_kind::equal:
        out = node_kind::equal;
        return true;
      case token_kind::not_equal:
        out = node_kind::not_equal;
        return true;
      case token_kind::less:
        out = node_kind::less;
        return true;
      case token_kind::less_equal:
        out = node_kind::less_equal;
        return true;
      case token_kind::greater:
        out = node_kind::greater;
        return true;
      case token_kind::greater_equal:
        out = node_kind::greater_equal;
        return true;
      default:
        return false;
    }
  }

  node_id parse_comparison() {
    const node_id left = parse_sum();
    node_kind kind{};
    if (comparison_kind(peek().kind, kind)) {
      const token& op = take();
      const node_id right = parse_sum();
      node_kind again{};
      if (comparison_kind(peek().kind, again))
        fail(peek().position, "comparisons do not chain: write 'a < b and b < c'");
      return add(make(kind, op, {left, right}));
    }
    const bool negated = peek().kind == token_kind::kw_not && peek(1).kind == token_kind::kw_in;
    if (negated) take();
    if (peek().kind == token_kind::kw_in) {
      const token& op = take();
      node n = make(node_kind::in_list, op, {left});
      n.negated = negated;
      expect(token_kind::left_bracket, "'[' starting a list of values");
      if (peek().kind == token_kind::right_bracket)
        fail(peek().position, "an empty list: 'in' needs at least one value");
      do {
        n.children.push_back(parse_list_literal());
      } while (accept(token_kind::comma));
      if (peek().kind != token_kind::right_bracket)
        fail(peek().position, "expected ',' or ']' in the list, found " + describe(peek()));
      take();
      return add(std::move(n));
    }
    return left;
  }

  node_id parse_list_literal() {
    const token& t = peek();
    if (t.kind == token_kind::minus) {
      take();
      if (peek().kind != token_kind::number)
        fail(peek().position, "a list holds literal values only: expected a number after '-'");
      node_id id = parse_number();
      node& n = tree_.at(id);
      n.position = t.position;
      if (n.value == std::numeric_limits<std::int64_t>::min())
        fail(t.position, "number out of range");
      n.value = -n.value;
      return id;
    }
    switch (t.kind) {
      case token_kind::number:
        return parse_number();
      case token_kind::string:
      case token_kind::kw_true:
      case token_kind::kw_false:
        return parse_primary();
      default:
        fail(t.position,
             "a list holds literal values only (numbers, amounts, \"names\", true, "
             "false), found " +
                 describe(t));
    }
  }

  node_id parse_sum() {
    node_id left = parse_product();
    for (;;) {
      const token_kind k = peek().kind;
      if (k != token_kind::plus && k != token_kind::minus) return left;
      const token& op = take();
      const node_id right = parse_product();
      left = add(
          make(k == token_kind::plus ? node_kind::add : node_kind::subtract, op, {left, right}));
    }
  }

  node_id parse_product() {
    node_id left = parse_unary();
    for (;;) {
      const token_kind k = peek().kind;
      if (k != token_kind::star && k != token_kind::slash) return left;
      const token& op = take();
      const node_id right = parse_unary();
      left = add(
          make(k == token_kind::star ? node_kind::multiply : node_kind::divide, op, {left, right}));
    }
  }

  node_id parse_unary() {
    if (peek().kind == token_kind::minus) {
      const token& op = take();
      const depth_guard guard(*this, op.position);
      const node_id operand = parse_unary();
      return add(make(node_kind::negate, op, {operand}));
    }
    return parse_primary();
  }

  node_id parse_number() {
    const token& t = take();
    node n = make(node_kind::integer_literal, t);
    const bool has_point = t.text.find('.') != std::string_view::npos;
    if (peek().kind == token_kind::identifier) {
      // A number followed by a name is an amount: the name must be a currency.
      const token& code = take();
      n.kind = node_kind::money_literal;
      n.text = code.text;
      n.length = code.position + static_cast<std::uint32_t>(code.text.size()) - t.position;
      arrears::currency in;
      if (!arrears::currency::try_from_code(code.text, in)) {
        std::string message = "unknown currency '" + std::string(code.text) + "'";
        std::vector<std::string_view> codes;
        for (const auto& entry : detail::currency_table) codes.push_back(entry.code);
        std::string upper(code.text);
        for (char& c : upper)
          if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (upper != code.text && arrears::currency::try_from_code(upper, in))
          message += "; did you mean '" + upper + "'?";
        else
          message += detail::did_you_mean(code.text, codes);
        if (message.find("did you mean") == std::string::npos)
          message += ": a number followed by a name is an amount, e.g. '50 EUR'";
        context_.error(code.position, std::move(message));
        n.reported = true;
        return add(std::move(n));
      }
      n.money_currency = in;
      if (!detail::parse_scaled_decimal(t.text, in.minor_digits(), n.value)) {
        context_.error(t.position, "amount " + std::string(t.text) + " " + std::string(code.text) +
                                       " has more decimals than " + std::string(code.text) + "'s " +
                                       std::to_string(in.minor_digits()) + " (or is too large)");
        n.reported = true;
      }
      return add(std::move(n));
    }
    if (has_point) {
      n.kind = node_kind::decimal_literal;
      if (!detail::parse_scaled_decimal(t.text, decimal_digits, n.value)) {
        context_.error(t.position, "decimal " + std::string(t.text) + " has more than " +
                                       std::to_string(decimal_digits) +
                                       " decimals or is too large");
        n.reported = true;
      }
      return add(std::move(n));
    }
    const auto [end, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), n.value);
    if (ec != std::errc{} || end != t.text.data() + t.text.size()) {
      context_.error(t.position, "integer " + std::string(t.text) + " is too large");
      n.reported = true;
    }
    return add(std::move(n));
  }

  node_id parse_primary() {
    const token& t = peek();
    switch (t.kind) {
      case token_kind::number:
        return parse_number();
      case token_kind::string: {
        take();
        node n = make(node_kind::string_literal, t);
        n.text = t.text;
        n.length = static_cast<std::uint32_t>(t.text.size() + 2);
        return add(std::move(n));
      }
      case token_kind::kw_true:
      case token_kind::kw_false: {
        take();
        node n = make(node_kind::boolean_literal, t);
        n.value = t.kind == token_kind::kw_true ? 1 : 0;
        return add(std::move(n));
      }
      case token_kind::left_paren: {
        take();
        const node_id inner = parse_or();
        if (peek().kind != token_kind::right_paren)
          fail(t.position, "this '(' is not closed: expected ')' before " + describe(peek()));
        take();
        return inner;
      }
      case token_kind::identifier:
        return peek(1).kind == token_kind::left_paren ? parse_call() : parse_fact();
      case token_kind::end:
        fail(t.position, "expected a value, found the end of the expression");
      default:
        fail(t.position,
             "expected a value (a fact, a number, \"name\", true, false or '('), "
             "found " +
                 describe(t));
    }
  }

  node_id parse_call() {
    const token& name = take();
    const depth_guard guard(*this, name.position);
    node_kind kind{};
    bool known = true;
    if (name.text == "min")
      kind = node_kind::call_min;
    else if (name.text == "max")
      kind = node_kind::call_max;
    else if (name.text == "abs")
      kind = node_kind::call_abs;
    else
      known = false;
    take();  // '('
    node n = make(kind, name);
    if (peek().kind == token_kind::right_paren)
      fail(peek().position, "'" + std::string(name.text) + "' needs arguments");
    do {
      n.children.push_back(parse_or());
    } while (accept(token_kind::comma));
    if (peek().kind != token_kind::right_paren)
      fail(peek().position, "expected ',' or ')' in the arguments of '" + std::string(name.text) +
                                "', found " + describe(peek()));
    take();
    if (!known) {
      std::string message = "unknown function '" + std::string(name.text) + "'";
      const std::string hint = detail::did_you_mean(name.text, function_names);
      message += hint.empty() ? " (the functions are min, max and abs)" : hint;
      context_.error(name.position, std::move(message));
      n.kind = node_kind::call_min;
      n.reported = true;
    }
    return add(std::move(n));
  }

  node_id parse_fact() {
    const token& t = take();
    node n = make(node_kind::fact, t);
    n.text = t.text;
    if (const auto index = find_fact(t.text)) {
      n.value = *index;
    } else {
      std::string message = "unknown fact '" + std::string(t.text) + "'";
      const std::string_view close = closest_fact_name(t.text);
      if (!close.empty())
        message += "; did you mean '" + std::string(close) + "'?";
      else if (t.text == "null" || t.text == "none")
        message += ": there is no null; compare with 0, false or an enumerator name";
      else
        message += " (docs/policy-language.md lists the facts)";
      context_.error(t.position, std::move(message));
      n.reported = true;
    }
    return add(std::move(n));
  }

  std::string_view text_;
  const std::vector<token>& tokens_;
  const expression_context& context_;
  expression_tree tree_;
  std::vector<int> heights_;
  std::size_t next_ = 0;
  int depth_ = 0;
};

}  // namespace

std::optional<expression_tree> parse_expression(std::string_view text,
                                                const expression_context& context) {
  if (text.size() > max_expression_length) {
    context.error(0, "expression is " + std::to_string(text.size()) +
                         " characters long; the limit is " + std::to_string(max_expression_length));
    return std::nullopt;
  }
  std::vector<token> tokens;
  lex_error error;
  if (!tokenize(text, tokens, error)) {
    context.error(error.position, error.message);
    return std::nullopt;
  }
  if (tokens.size() == 1) {
    context.error(0, "empty expression");
    return std::nullopt;
  }
  try {
    parser p(text, tokens, context);
    return p.run();
  } catch (const syntax_abort&) {
    return std::nullopt;
  }
}

}  // namespace arrears::detail::rules
