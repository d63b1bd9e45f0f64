// Typing rules (docs/policy-language.md, "Types"):
//   integer op integer -> integer, except / -> decimal; integer and decimal mix to decimal;
//   money +- money -> money; money * integer|decimal -> money; money / money -> decimal;
//   money / integer|decimal -> money; a bare 0 counts as money where money is needed;
//   comparisons need comparable types; enumerations compare (==, !=, in) with their names;
//   booleans combine with and, or, not and compare with == and !=.

#include "type_checker.hpp"

#include "arithmetic.hpp"

#include "../../text/closest_name.hpp"

#include <arrears/policy/fact_schema.hpp>

#include <string_view>
#include <vector>

namespace arrears::detail::rules {

std::string type_name(value_type t) {
  switch (t.kind) {
    case value_kind::integer:
      return "integer";
    case value_kind::decimal:
      return "decimal";
    case value_kind::money:
      return "money";
    case value_kind::boolean:
      return "boolean";
    case value_kind::enumeration:
      return std::string(fact_schema()[t.enum_fact].name) + " (a name)";
    case value_kind::string:
      return "string";
    case value_kind::error:
      return "error";
  }
  return "error";
}

const char* operator_text(node_kind k) noexcept {
  switch (k) {
    case node_kind::negate:
      return "-";
    case node_kind::logical_not:
      return "not";
    case node_kind::logical_and:
      return "and";
    case node_kind::logical_or:
      return "or";
    case node_kind::add:
      return "+";
    case node_kind::subtract:
      return "-";
    case node_kind::multiply:
      return "*";
    case node_kind::divide:
      return "/";
    case node_kind::equal:
      return "==";
    case node_kind::not_equal:
      return "!=";
    case node_kind::less:
      return "<";
    case node_kind::less_equal:
      return "<=";
    case node_kind::greater:
      return ">";
    case node_kind::greater_equal:
      return ">=";
    case node_kind::in_list:
      return "in";
    case node_kind::call_min:
      return "min";
    case node_kind::call_max:
      return "max";
    case node_kind::call_abs:
      return "abs";
    default:
      return "literal";
  }
}

bool is_zero_literal(const expression_tree& tree, node_id id) {
  const node& n = tree.at(id);
  if (n.kind == node_kind::negate) return is_zero_literal(tree, n.children[0]);
  return (n.kind == node_kind::integer_literal || n.kind == node_kind::decimal_literal) &&
         n.value == 0 && !n.reported;
}

namespace {

bool is_number(value_kind k) { return k == value_kind::integer || k == value_kind::decimal; }
bool is_numeric(value_kind k) { return is_number(k) || k == value_kind::money; }

std::string enumerator_list(const fact_info& info) {
  std::string out;
  for (const std::string_view name : info.enumerators) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

class checker {
 public:
  checker(expression_tree& tree, const expression_context& context, table_currency& currency)
      : tree_(tree), context_(context), currency_(currency) {}

  value_type visit(node_id id) {
    node& n = tree_.at(id);
    if (n.reported) {
      // Reported by the parser (unknown fact, function or currency); still check the
      // arguments of an unknown function so that their mistakes are reported too.
      const std::vector<node_id> children = n.children;
      for (const node_id child : children) visit(child);
      tree_.at(id).type = error();
      return error();
    }
    value_type result = compute(id);
    tree_.at(id).type = result;
    return result;
  }

 private:
  value_type error() { return {value_kind::error}; }

  value_type compute(node_id id) {
    // Copy what is needed: visiting children may not reallocate nodes, but keep it simple.
    const node_kind kind = tree_.at(id).kind;
    const std::uint32_t position = tree_.at(id).position;
    switch (kind) {
      case node_kind::integer_literal:
        return {value_kind::integer};
      case node_kind::decimal_literal:
        return {value_kind::decimal};
      case node_kind::boolean_literal:
        return {value_kind::boolean};
      case node_kind::string_literal:
        return {value_kind::string};
      case node_kind::money_literal:
        return money_literal(id);
      case node_kind::fact:
        return fact_type_of(tree_.at(id).value);
      case node_kind::negate: {
        const value_type t = visit(tree_.at(id).children[0]);
        if (t.kind == value_kind::error) return t;
        if (!is_numeric(t.kind)) {
          context_.error(position, "'-' needs a number or an amount, got " + type_name(t));
          return error();
        }
        return t;
      }
      case node_kind::logical_not: {
        const value_type t = visit(tree_.at(id).children[0]);
        if (t.kind == value_kind::error) return t;
        if (t.kind != value_kind::boolean) {
          context_.error(position, "'not' needs a boolean (true or false), got " + type_name(t));
          return error();
        }
        return t;
      }
      case node_kind::logical_and:
      case node_kind::logical_or: {
        bool ok = true;
        const std::vector<node_id> children = tree_.at(id).children;
        for (const node_id child : children) {
          const value_type t = visit(child);
          if (t.kind == value_kind::error) {
            ok = false;
          } else if (t.kind != value_kind::boolean) {
            context_.error(tree_.at(child).position,
                           std::string("'") + operator_text(kind) +
                               "' needs true/false on each side; this is " + type_name(t) +
                               (is_numeric(t.kind) ? " (compare it: e.g. '> 0')" : ""));
            ok = false;
          }
        }
        return ok ? value_type{value_kind::boolean} : error();
      }
      case node_kind::add:
      case node_kind::subtract:
      case node_kind::multiply:
      case node_kind::divide:
        return arithmetic(id);
      case node_kind::equal:
      case node_kind::not_equal:
      case node_kind::less:
      case node_kind::less_equal:
      case node_kind::greater:
      case node_kind::greater_equal:
        return comparison(id);
      case node_kind::in_list:
        return membership(id);
      case node_kind::call_min:
      case node_kind::call_max:
      case node_kind::call_abs:
        return call(id);
    }
    return error();
  }

  value_type money_literal(node_id id) {
    const node& n = tree_.at(id);
    currency_.has_money_literal = true;
    if (!currency_.code) {
      currency_.code = n.money_currency;
      int line = 0;
      int column = 0;
      context_.sink.source().locate(context_.map.at(n.position), line, column);
      currency_.origin = "the first amount, at line " + std::to_string(line) + ", column " +
                         std::to_string(column);
      return {value_kind::money};
    }
    if (!(*currency_.code == n.money_currency)) {
      context_.error(n.position + (n.length - 3),
                     "amount in " + std::string(n.money_currency.code()) +
                         ", but the table's amounts are in " + std::string(currency_.code->code()) +
                         " (" + currency_.origin + "); one table uses one currency");
      return error();
    }
    return {value_kind::money};
  }

  static value_type fact_type_of(std::int64_t index) {
    const fact_info& info = fact_schema()[static_cast<std::size_t>(index)];
    switch (info.type) {
      case fact_type::integer:
        return {value_kind::integer};
      case fact_type::money:
        return {value_kind::money};
      case fact_type::boolean:
        return {value_kind::boolean};
      case fact_type::enumeration:
        return {value_kind::enumeration, static_cast<fact_index>(index)};
    }
    return {value_kind::error};
  }

  std::string as_amount_hint(node_id id) {
    const node& n = tree_.at(id);
    if (n.kind == node_kind::integer_literal || n.kind == node_kind::decimal_literal) {
      const std::string code =
          currency_.code ? std::string(currency_.code->code()) : std::string("EUR");
      return "; write it as an amount, e.g. '" + literal_text(n) + " " + code + "'";
    }
    return "";
  }

  static std::string literal_text(const node& n) {
    if (n.kind == node_kind::integer_literal) return std::to_string(n.value);
    const std::int64_t whole = n.value / decimal_scale;
    std::int64_t fraction = n.value % decimal_scale;
    if (fraction < 0) fraction = -fraction;
    std::string digits = std::to_string(fraction + decimal_scale).substr(1);
    while (digits.size() > 2 && digits.back() == '0') digits.pop_back();
    return std::to_string(whole) + "." + digits;
  }

  value_type arithmetic(node_id id) {
    const node_kind kind = tree_.at(id).kind;
    const std::uint32_t position = tree_.at(id).position;
    const node_id left_id = tree_.at(id).children[0];
    const node_id right_id = tree_.at(id).children[1];
    const value_type l = visit(left_id);
    const value_type r = visit(right_id);
    if (l.kind == value_kind::error || r.kind == value_kind::error) return error();
    const std::string op = operator_text(kind);
    auto refuse = [&](const std::string& why) {
      context_.error(position, "cannot " + why);
      return error();
    };
    if (!is_numeric(l.kind) || !is_numeric(r.kind)) {
      const value_type bad = is_numeric(l.kind) ? r : l;
      return refuse("use '" + op + "' on " + type_name(bad) +
                    ": arithmetic needs numbers or amounts");
    }
    const bool lm = l.kind == value_kind::money;
    const bool rm = r.kind == value_kind::money;
    if (!lm && !rm) {
      if (kind == node_kind::divide) return {value_kind::decimal};
      return {l.kind == value_kind::decimal || r.kind == value_kind::decimal ? value_kind::decimal
                                                                             : value_kind::integer};
    }
    switch (kind) {
      case node_kind::add:
      case node_kind::subtract:
        if (lm && rm) return {value_kind::money};
        if (is_zero_literal(tree_, lm ? right_id : left_id)) return {value_kind::money};
        return refuse(std::string(kind == node_kind::add ? "add" : "subtract") +
                      " money and a plain number" + as_amount_hint(lm ? right_id : left_id));
      case node_kind::multiply:
        if (lm && rm) return refuse("multiply two amounts: multiply an amount by a number");
        return {value_kind::money};
      case node_kind::divide:
        if (lm && rm) return {value_kind::decimal};
        if (lm) return {value_kind::money};
        return refuse(
            "divide a number by an amount: divide an amount by a number or by an "
            "amount");
      default:
        return error();
    }
  }

  /// Resolves string literal `id` against enumeration `e`; reports an unknown name.
  bool resolve_enumerator(node_id id, value_type e) {
    node& n = tree_.at(id);
    const fact_info& info = fact_schema()[e.enum_fact];
    for (std::size_t i = 0; i < info.enumerators.size(); ++i) {
      if (info.enumerators[i] == n.text) {
        n.value = static_cast<std::int64_t>(i);
        n.type = e;
        return true;
      }
    }
    std::string message = "\"" + std::string(n.text) + "\" is not a " + std::string(info.name) +
                          detail::did_you_mean(n.text, info.enumerators);
    if (message.find("did you mean") == std::string::npos)
      message += "; " + std::string(info.name) + " is one of " + enumerator_list(info);
    context_.error(n.position, std::move(message));
    n.type = error();
    return false;
  }

  /// Whether `a` and `b` (already typed) may be compared; reports why not at `position`.
  /// Resolves string literals against the enumeration on the other side.
  bool comparable(node_id a_id, node_id b_id, bool ordering, std::uint32_t position,
                  const char* op) {
    const value_type a = tree_.at(a_id).type;
    const value_type b = tree_.at(b_id).type;
    if (a.kind == value_kind::error || b.kind == value_kind::error) return false;
    auto refuse = [&](const std::string& why) {
      context_.error(position, why);
      return false;
    };
    if (is_number(a.kind) && is_number(b.kind)) return true;
    if (a.kind == value_kind::money || b.kind == value_kind::money) {
      if (a.kind == b.kind) return true;
      const node_id other = a.kind == value_kind::money ? b_id : a_id;
      const value_type other_type = tree_.at(other).type;
      if (is_number(other_type.kind)) {
        if (is_zero_literal(tree_, other)) return true;
        return refuse("cannot compare money with a plain number" + as_amount_hint(other));
      }
      return refuse("cannot compare money with " + type_name(other_type));
    }
    if (a.kind == value_kind::enumeration || b.kind == value_kind::enumeration) {
      const value_type e = a.kind == value_kind::enumeration ? a : b;
      const node_id other = a.kind == value_kind::enumeration ? b_id : a_id;
      const value_type other_type = tree_.at(other).type;
      if (ordering)
        return refuse(std::string("'") + op + "' needs an order, and " + type_name(e) +
                      " has none: use ==, != or in [...]");
      if (other_type.kind == value_kind::string) return resolve_enumerator(other, e);
      if (other_type == e) return true;
      const std::string_view fact = fact_schema()[e.enum_fact].name;
      return refuse("compare " + std::string(fact) + " with a name in quotes, e.g. " +
                    std::string(fact) + " == \"" +
                    std::string(fact_schema()[e.enum_fact].enumerators.back()) + "\"; got " +
                    type_name(other_type));
    }
    if (a.kind == value_kind::boolean && b.kind == value_kind::boolean) {
      if (ordering)
        return refuse(std::string("'") + op + "' needs an order; booleans have none: use == or !=");
      return true;
    }
    if (a.kind == value_kind::string || b.kind == value_kind::string) {
      return refuse(
          "a \"name\" can only be compared with a fact that has names (reason, "
          "dispute_state, debtor_kind, ...), not with " +
          type_name(a.kind == value_kind::string ? b : a));
    }
    return refuse("cannot compare " + type_name(a) + " with " + type_name(b));
  }

  value_type comparison(node_id id) {
    const node_kind kind = tree_.at(id).kind;
    const std::uint32_t position = tree_.at(id).position;
    const node_id left_id = tree_.at(id).children[0];
    const node_id right_id = tree_.at(id).children[1];
    visit(left_id);
    visit(right_id);
    const bool ordering = kind != node_kind::equal && kind != node_kind::not_equal;
    if (!comparable(left_id, right_id, ordering, position, operator_text(kind))) return error();
    return {value_kind::boolean};
  }

  value_type membership(node_id id) {
    const std::vector<node_id> children = tree_.at(id).children;
    const std::uint32_t position = tree_.at(id).position;
    const value_type subject = visit(children[0]);
    bool ok = subject.kind != value_kind::error;
    if (ok && subject.kind == value_kind::string) {
      context_.error(tree_.at(children[0]).position,
                     "the value before 'in' must be a fact or a computation, not a \"name\"");
      return error();
    }
    for (std::size_t i = 1; i < children.size(); ++i) {
      visit(children[i]);
      if (ok && !comparable(children[0], children[i], false, tree_.at(children[i]).position, "in"))
        ok = false;
    }
    (void)position;
    return ok ? value_type{value_kind::boolean} : error();
  }

  value_type call(node_id id) {
    const node_kind kind = tree_.at(id).kind;
    const std::uint32_t position = tree_.at(id).position;
    const std::vector<node_id> children = tree_.at(id).children;
    const std::string name = operator_text(kind);
    std::vector<value_type> types;
    bool ok = true;
    for (const node_id child : children) {
      types.push_back(visit(child));
      if (types.back().kind == value_kind::error) ok = false;
    }
    if (kind == node_kind::call_abs && children.size() != 1) {
      context_.error(position, "'abs' takes one argument, got " + std::to_string(children.size()));
      return error();
    }
    if (kind != node_kind::call_abs && children.size() < 2) {
      context_.error(position, "'" + name + "' takes two or more arguments, got one");
      return error();
    }
    if (!ok) return error();
    bool any_money = false;
    bool any_decimal = false;
    for (std::size_t i = 0; i < children.size(); ++i) {
      if (!is_numeric(types[i].kind)) {
        context_.error(tree_.at(children[i]).position,
                       "'" + name + "' needs numbers or amounts, got " + type_name(types[i]));
        return error();
      }
      any_money = any_money || types[i].kind == value_kind::money;
      any_decimal = any_decimal || types[i].kind == value_kind::decimal;
    }
    if (any_money) {
      for (std::size_t i = 0; i < children.size(); ++i) {
        if (types[i].kind != value_kind::money && !is_zero_literal(tree_, children[i])) {
          context_.error(
              tree_.at(children[i]).position,
              "'" + name + "' cannot mix amounts and plain numbers" + as_amount_hint(children[i]));
          return error();
        }
      }
      return {value_kind::money};
    }
    return {any_decimal ? value_kind::decimal : value_kind::integer};
  }

  expression_tree& tree_;
  const expression_context& context_;
  table_currency& currency_;
};

}  // namespace

value_type check_types(expression_tree& tree, const expression_context& context,
                       table_currency& currency) {
  checker c(tree, context, currency);
  return c.visit(tree.root);
}

}  // namespace arrears::detail::rules
