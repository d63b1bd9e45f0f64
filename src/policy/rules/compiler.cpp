// Code generation for conditions (short-circuit jumps, fused fact comparisons) and values
// (a stack machine); see program.hpp for the operations.

#include "compiler.hpp"

#include "evaluator.hpp"
#include "type_checker.hpp"

#include <arrears/core/money.hpp>

#include <algorithm>
#include <cstring>
#include <limits>
#include <string>
#include <type_traits>

namespace arrears::detail::rules {
namespace {

constexpr compare negate(compare c) noexcept {
  constexpr compare table[] = {compare::ne, compare::eq, compare::ge,
                               compare::gt, compare::le, compare::lt};
  return table[static_cast<int>(c)];
}
constexpr compare swap_sides(compare c) noexcept {
  constexpr compare table[] = {compare::eq, compare::ne, compare::gt,
                               compare::ge, compare::lt, compare::le};
  return table[static_cast<int>(c)];
}
compare compare_of(node_kind k) noexcept {
  return static_cast<compare>(static_cast<int>(k) - static_cast<int>(node_kind::equal));
}

/// Whether a money's first eight bytes are its minor units, which the fast load assumes.
bool money_loads_directly() noexcept {
  static const bool direct = [] {
    static_assert(std::is_standard_layout_v<money> && sizeof(money) >= sizeof(std::int64_t));
    const money probe(0x0102030405060708, arrears::currency{});
    std::int64_t first = 0;
    std::memcpy(&first, &probe, sizeof first);
    return first == 0x0102030405060708;
  }();
  return direct;
}

}  // namespace

load_kind fact_load_kind(fact_index index) noexcept {
  const fact_info& info = fact_schema()[index];
  if (info.offset > 0xFFFF) return load_kind::slow;
  switch (info.type) {
    case fact_type::integer:
      return info.size == sizeof(std::int32_t) ? load_kind::i32 : load_kind::slow;
    case fact_type::money:
      return info.size == sizeof(money) && money_loads_directly() ? load_kind::i64
                                                                  : load_kind::slow;
    case fact_type::boolean:
      return info.size == 1 ? load_kind::u8 : load_kind::slow;
    case fact_type::enumeration:
      // Below 128 values a byte reads the same sign-extended (wide_read) or not.
      return info.size == 1 && info.enumerators.size() <= 128 ? load_kind::u8 : load_kind::slow;
  }
  return load_kind::slow;
}

/// Emits one expression's operations into a program (the table's, or a scratch one for
/// folding constants).
class program_builder::emitter {
 public:
  emitter(std::vector<op>& ops, std::vector<op_origin>& origins, std::vector<std::int64_t>& lists,
          const source_text& source, const compile_unit& unit)
      : ops_(ops),
        origins_(origins),
        lists_(lists),
        source_(source),
        unit_(unit),
        tree_(*unit.tree) {}

  /// Jumps to a new label when `root` is false; the caller places the label.
  void condition(node_id root, int false_label) { jump_if_false(root, false_label); }

  void value_program(node_id root) {
    value(root);
    emit(opcode::ret, root);
  }

  int new_label() {
    labels_.push_back({});
    return static_cast<int>(labels_.size() - 1);
  }
  void place(int label) {
    labels_[label].position = static_cast<std::int32_t>(ops_.size());
    for (const std::size_t at : labels_[label].pending) ops_[at].target = labels_[label].position;
    labels_[label].pending.clear();
  }
  void emit_match(std::int64_t rule) {
    op o;
    o.code = opcode::match;
    o.constant = rule;
    ops_.push_back(o);
    origins_.push_back({unit_.rule, 0, 0, "match"});
    origin_offsets_.push_back(0);
  }
  [[nodiscard]] int max_depth() const noexcept { return max_depth_; }

  /// The folded value of constant node `id` (reporting a failure once), or nothing.
  std::optional<std::int64_t> fold(node_id id) {
    node& n = tree_.at(id);
    if (n.fold == node::fold_state::folded) return n.folded_value;
    if (n.fold == node::fold_state::failed) return std::nullopt;
    if (is_literal(n.kind)) {
      n.fold = node::fold_state::folded;
      n.folded_value = n.value;
      return n.value;
    }
    std::vector<op> scratch_ops;
    std::vector<op_origin> scratch_origins;
    std::vector<std::int64_t> scratch_lists;
    emitter scratch(scratch_ops, scratch_origins, scratch_lists, source_, unit_);
    scratch.no_fold_ = true;  // compile the constant itself, not a push of its folded value
    scratch.value_program(id);
    static const facts no_facts{};
    std::int64_t result = 0;
    std::uint32_t fault_at = 0;
    const arithmetic_fault fault =
        run_program(scratch_ops.data(), scratch_lists.data(), 0, no_facts, result, fault_at);
    if (fault != arithmetic_fault::none) {
      n.fold = node::fold_state::failed;
      const op_origin& origin = scratch_origins[fault_at];
      unit_.context->sink.error(
          scratch.origin_offsets_[fault_at],
          std::string(fault == arithmetic_fault::overflow ? "overflow" : "division by zero") +
              " in '" + origin.what + "' computing a constant");
      return std::nullopt;
    }
    n.fold = node::fold_state::folded;
    n.folded_value = result;
    return result;
  }

  /// Whether node `id` reads no fact (and so folds to a constant).
  bool is_constant(node_id id) const {
    const node& n = tree_.at(id);
    if (n.kind == node_kind::fact) return false;
    return std::all_of(n.children.begin(), n.children.end(),
                       [&](node_id child) { return is_constant(child); });
  }

 private:
  struct label {
    std::int32_t position = -1;
    std::vector<std::size_t> pending;
  };

  void emit(opcode code, node_id at, std::uint8_t aux = 0, std::int64_t constant = 0,
            std::uint16_t offset = 0) {
    op o;
    o.code = code;
    o.aux = aux;
    o.constant = constant;
    o.offset = offset;
    ops_.push_back(o);
    const node& n = tree_.at(at);
    const source_offset where = unit_.context->map.at(n.position);
    op_origin origin;
    origin.rule = unit_.rule;
    source_.locate(where, origin.line, origin.column);
    origin.what = operator_text(n.kind);
    origins_.push_back(origin);
    origin_offsets_.push_back(where);
    track(code);
  }
  void emit_jump(opcode code, node_id at, int target_label, std::uint8_t aux = 0,
                 std::int64_t constant = 0, std::uint16_t offset = 0) {
    emit(code, at, aux, constant, offset);
    label& l = labels_[target_label];
    if (l.position >= 0)
      ops_.back().target = l.position;
    else
      l.pending.push_back(ops_.size() - 1);
  }

  /// Keeps the stack depth the operations need.
  void track(opcode code) {
    switch (code) {
      case opcode::push:
      case opcode::load_i32:
      case opcode::load_i64:
      case opcode::load_u8:
      case opcode::load_slow:
        ++depth_;
        break;
      case opcode::add:
      case opcode::sub:
      case opcode::mul:
      case opcode::min:
      case opcode::max:
      case opcode::scaled_div:
      case opcode::product_div:
      case opcode::cmp:
      case opcode::jf_pop:
      case opcode::jt_pop:
      case opcode::jf_in_mask:
      case opcode::jf_in_list:
        --depth_;
        break;
      case opcode::jf_cmp:
        depth_ -= 2;
        break;
      default:
        break;
    }
    max_depth_ = std::max(max_depth_, depth_);
  }

  void push_constant(node_id at, std::int64_t v) { emit(opcode::push, at, 0, v); }

  void load(node_id at, fact_index index) {
    const load_kind kind = fact_load_kind(index);
    const auto offset =
        static_cast<std::uint16_t>(kind == load_kind::slow ? 0 : fact_schema()[index].offset);
    switch (kind) {
      case load_kind::i32:
        emit(opcode::load_i32, at, 0, 0, offset);
        break;
      case load_kind::i64:
        emit(opcode::load_i64, at, 0, 0, offset);
        break;
      case load_kind::u8:
        emit(opcode::load_u8, at, 0, 0, offset);
        break;
      case load_kind::slow:
        emit(opcode::load_slow, at, 0, index);
        break;
    }
  }

  value_kind kind_of(node_id id) const { return tree_.at(id).type.kind; }

  /// Pushes node `id` converted to `target` (integers become decimals where needed; a bare
  /// 0 is the same 0 in every unit).
  void value_as(node_id id, value_kind target) {
    value(id);
    if (target == value_kind::decimal && kind_of(id) == value_kind::integer)
      emit(opcode::to_decimal, id);
  }

  static value_kind common_kind(value_kind a, value_kind b) {
    if (a == value_kind::decimal || b == value_kind::decimal) return value_kind::decimal;
    if (a == value_kind::money || b == value_kind::money) return value_kind::money;
    return a;
  }

  void value(node_id id) {
    const node& n = tree_.at(id);
    if (!no_fold_ && is_constant(id)) {
      const std::optional<std::int64_t> v = fold(id);
      push_constant(id, v.value_or(0));
      return;
    }
    const node_kind kind = n.kind;
    const std::vector<node_id>& children = n.children;
    switch (kind) {
      case node_kind::fact:
        load(id, static_cast<fact_index>(n.value));
        return;
      case node_kind::negate:
        value(children[0]);
        emit(opcode::neg, id);
        return;
      case node_kind::logical_not:
        value(children[0]);
        emit(opcode::logical_not, id);
        return;
      case node_kind::logical_and:
      case node_kind::logical_or: {
        const int is_false = new_label();
        const int done = new_label();
        jump_if_false(id, is_false);
        push_constant(id, 1);
        emit_jump(opcode::jump, id, done);
        place(is_false);
        --depth_;  // the two branches each push one value; count it once
        push_constant(id, 0);
        place(done);
        return;
      }
      case node_kind::add:
      case node_kind::subtract: {
        const value_kind result = n.type.kind;
        value_as(children[0], result);
        value_as(children[1], result);
        emit(kind == node_kind::add ? opcode::add : opcode::sub, id);
        return;
      }
      case node_kind::multiply: {
        // Decimals are micro-units, so integer x decimal and money x integer are plain
        // products; only a product of a decimal with a decimal or with money must be divided
        // by the scale again (rounded half away from zero).
        const value_kind l = kind_of(children[0]);
        const value_kind r = kind_of(children[1]);
        value(children[0]);
        value(children[1]);
        const bool rescale = (l == value_kind::decimal && r != value_kind::integer) ||
                             (r == value_kind::decimal && l != value_kind::integer);
        if (rescale)
          emit(opcode::product_div, id, 0, decimal_scale);
        else
          emit(opcode::mul, id);
        return;
      }
      case node_kind::divide: {
        // round(a * factor / b) with the factor that gives the result's unit:
        //   money / integer -> money          (factor 1)
        //   decimal / integer -> decimal      (factor 1)
        //   money / decimal -> money          (factor 10^6)
        //   money / money -> decimal          (factor 10^6)
        //   integer / integer -> decimal      (factor 10^6)
        //   decimal / decimal -> decimal      (factor 10^6)
        //   integer / decimal -> decimal      (factor 10^12)
        const value_kind l = kind_of(children[0]);
        const value_kind r = kind_of(children[1]);
        std::int64_t factor = decimal_scale;
        if (r == value_kind::integer && l != value_kind::integer) factor = 1;
        if (l == value_kind::integer && r == value_kind::decimal)
          factor = decimal_scale * decimal_scale;
        value(children[0]);
        value(children[1]);
        emit(opcode::scaled_div, id, 0, factor);
        return;
      }
      case node_kind::equal:
      case node_kind::not_equal:
      case node_kind::less:
      case node_kind::less_equal:
      case node_kind::greater:
      case node_kind::greater_equal: {
        const value_kind common = common_kind(kind_of(children[0]), kind_of(children[1]));
        value_as(children[0], common);
        value_as(children[1], common);
        emit(opcode::cmp, id, static_cast<std::uint8_t>(compare_of(kind)));
        return;
      }
      case node_kind::in_list: {
        const list_form form = prepare_list(id);
        value_as(children[0], form.as);
        if (form.use_mask)
          emit(opcode::in_mask, id, n.negated ? 1 : 0, form.mask);
        else
          emit(opcode::in_list, id, n.negated ? 1 : 0, form.packed);
        return;
      }
      case node_kind::call_min:
      case node_kind::call_max: {
        const value_kind result = n.type.kind;
        value_as(children[0], result);
        for (std::size_t i = 1; i < children.size(); ++i) {
          value_as(children[i], result);
          emit(kind == node_kind::call_min ? opcode::min : opcode::max, id);
        }
        return;
      }
      case node_kind::call_abs:
        value(children[0]);
        emit(opcode::abs, id);
        return;
      default:
        push_constant(id, n.value);  // literals are constants, handled above
        return;
    }
  }

  struct list_form {
    value_kind as = value_kind::integer;
    bool use_mask = false;
    std::int64_t mask = 0;
    std::int64_t packed = 0;
  };

  /// The list of an `in` node in the subject's unit, as a bit mask (small enumerations and
  /// booleans) or a sorted list in the table's storage.
  list_form prepare_list(node_id id) {
    const node& n = tree_.at(id);
    list_form form;
    form.as = kind_of(n.children[0]);
    for (std::size_t i = 1; i < n.children.size(); ++i)
      form.as = common_kind(form.as, kind_of(n.children[i]));
    if (kind_of(n.children[0]) == value_kind::money) form.as = value_kind::money;
    std::vector<std::int64_t> values;
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      const node& item = tree_.at(n.children[i]);
      std::int64_t v = item.value;
      if (form.as == value_kind::decimal && item.type.kind == value_kind::integer &&
          !checked_mul(v, decimal_scale, v)) {
        unit_.context->error(item.position, "number too large to compare with a decimal");
        v = 0;
      }
      values.push_back(v);
    }
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    const value_kind subject = kind_of(n.children[0]);
    if ((subject == value_kind::enumeration || subject == value_kind::boolean) &&
        values.front() >= 0 && values.back() < 64) {
      form.use_mask = true;
      for (const std::int64_t v : values)
        form.mask |= static_cast<std::int64_t>(std::uint64_t{1} << v);
      return form;
    }
    form.packed = pack_list(static_cast<std::uint32_t>(lists_.size()),
                            static_cast<std::uint32_t>(values.size()));
    lists_.insert(lists_.end(), values.begin(), values.end());
    return form;
  }

  /// A fact the fast loads can read, or nothing.
  std::optional<fact_index> direct_fact(node_id id) const {
    const node& n = tree_.at(id);
    if (n.kind != node_kind::fact) return std::nullopt;
    const auto index = static_cast<fact_index>(n.value);
    if (fact_load_kind(index) == load_kind::slow) return std::nullopt;
    return index;
  }

  /// A comparison of a fast-loaded fact with a constant of the same kind, as "fact c constant".
  struct fused_form {
    fact_index fact = 0;
    compare c = compare::eq;
    std::int64_t constant = 0;
  };
  std::optional<fused_form> fused_shape(node_id id, compare c) {
    const node& n = tree_.at(id);
    node_id fact_side = n.children[0];
    node_id constant_side = n.children[1];
    if (!direct_fact(fact_side)) {
      std::swap(fact_side, constant_side);
      c = swap_sides(c);
    }
    const std::optional<fact_index> fact = direct_fact(fact_side);
    if (!fact || !is_constant(constant_side)) return std::nullopt;
    const value_kind fk = kind_of(fact_side);
    const value_kind ck = kind_of(constant_side);
    if (fk != ck && !(fk == value_kind::money && is_zero_literal(tree_, constant_side)))
      return std::nullopt;
    return fused_form{*fact, c, fold(constant_side).value_or(0)};
  }

  /// Emits "jump to `target` unless `fact c constant`" when the comparison has that shape.
  bool fused_compare(node_id id, compare c, int target) {
    const std::optional<fused_form> form = fused_shape(id, c);
    if (!form) return false;
    emit_jump(opcode::jf_fact, id, target, fused_test(fact_load_kind(form->fact), form->c),
              form->constant, static_cast<std::uint16_t>(fact_schema()[form->fact].offset));
    return true;
  }

 public:
  /// An atom (see program.hpp) for condition `id` (negated when `negated`), or nothing when
  /// the condition is not a single fast test.
  struct atom_form {
    load_kind load = load_kind::u8;
    bool is_mask = false;
    std::uint8_t test = 0;
    std::uint16_t offset = 0;
    std::int64_t constant = 0;
    friend bool operator==(const atom_form&, const atom_form&) = default;
  };
  std::optional<atom_form> atom_of(node_id id, bool negated) {
    const node& n = tree_.at(id);
    switch (n.kind) {
      case node_kind::logical_not:
        return atom_of(n.children[0], !negated);
      case node_kind::fact: {
        const auto fact = direct_fact(id);
        if (!fact || fact_load_kind(*fact) != load_kind::u8) return std::nullopt;
        return atom_form{load_kind::u8, false,
                         static_cast<std::uint8_t>(
                             fused_test(load_kind::u8, negated ? compare::eq : compare::ne) & 7u),
                         static_cast<std::uint16_t>(fact_schema()[*fact].offset), 0};
      }
      case node_kind::equal:
      case node_kind::not_equal:
      case node_kind::less:
      case node_kind::less_equal:
      case node_kind::greater:
      case node_kind::greater_equal: {
        const compare c = negated ? negate(compare_of(n.kind)) : compare_of(n.kind);
        const std::optional<fused_form> form = fused_shape(id, c);
        if (!form) return std::nullopt;
        // `< min` and `> max` never hold: no range says that, so leave them to the program.
        if ((form->c == compare::lt &&
             form->constant == std::numeric_limits<std::int64_t>::min()) ||
            (form->c == compare::gt && form->constant == std::numeric_limits<std::int64_t>::max()))
          return std::nullopt;
        const load_kind load = fact_load_kind(form->fact);
        return atom_form{load, false, static_cast<std::uint8_t>(fused_test(load, form->c) & 7u),
                         static_cast<std::uint16_t>(fact_schema()[form->fact].offset),
                         form->constant};
      }
      case node_kind::in_list: {
        const auto fact = direct_fact(n.children[0]);
        const value_kind subject = kind_of(n.children[0]);
        if (!fact || fact_load_kind(*fact) != load_kind::u8 ||
            (subject != value_kind::enumeration && subject != value_kind::boolean))
          return std::nullopt;
        const list_form form = prepare_list(id);
        if (!form.use_mask) return std::nullopt;
        return atom_form{load_kind::u8, true, static_cast<std::uint8_t>(n.negated != negated),
                         static_cast<std::uint16_t>(fact_schema()[*fact].offset), form.mask};
      }
      default:
        return std::nullopt;
    }
  }

  /// The conjuncts of `id`: the operands of nested `and`s, or `id` itself.
  void conjuncts(node_id id, std::vector<node_id>& out) const {
    const node& n = tree_.at(id);
    if (n.kind == node_kind::logical_and) {
      for (const node_id child : n.children) conjuncts(child, out);
      return;
    }
    out.push_back(id);
  }

  /// A program that ends in `match 1` when every one of `parts` holds, else in `match 0`.
  void residual_program(const std::vector<node_id>& parts) {
    const int fails = new_label();
    for (const node_id part : parts) jump_if_false(part, fails);
    emit_match(1);
    place(fails);
    emit_match(0);
  }

 private:
  /// Falls through when `id` holds, jumps to `target` when it does not.
  void jump_if_false(node_id id, int target) { branch(id, target, false); }
  /// Falls through when `id` does not hold, jumps to `target` when it does.
  void jump_if_true(node_id id, int target) { branch(id, target, true); }

  void branch(node_id id, int target, bool when_true) {
    const node& n = tree_.at(id);
    if (!no_fold_ && is_constant(id)) {
      const bool holds = fold(id).value_or(0) != 0;
      if (holds == when_true) emit_jump(opcode::jump, id, target);
      return;
    }
    const std::vector<node_id>& children = n.children;
    switch (n.kind) {
      case node_kind::logical_and:
      case node_kind::logical_or: {
        // and: all must hold; or: one must. "Jump when the whole is <when_true>" decomposes
        // into jumping on each part except the last, which decides.
        const bool is_and = n.kind == node_kind::logical_and;
        if (is_and != when_true) {
          // and + jump-if-false, or + jump-if-true: every part jumps straight to the target.
          for (const node_id child : children) branch(child, target, when_true);
          return;
        }
        const int skip = new_label();
        for (std::size_t i = 0; i + 1 < children.size(); ++i) branch(children[i], skip, !when_true);
        branch(children.back(), target, when_true);
        place(skip);
        return;
      }
      case node_kind::logical_not:
        branch(children[0], target, !when_true);
        return;
      case node_kind::equal:
      case node_kind::not_equal:
      case node_kind::less:
      case node_kind::less_equal:
      case node_kind::greater:
      case node_kind::greater_equal: {
        // Jump-if-true on a comparison is jump-if-false on its negation.
        const compare c = when_true ? negate(compare_of(n.kind)) : compare_of(n.kind);
        if (fused_compare(id, c, target)) return;
        const value_kind common = common_kind(kind_of(children[0]), kind_of(children[1]));
        value_as(children[0], common);
        value_as(children[1], common);
        emit_jump(opcode::jf_cmp, id, target, static_cast<std::uint8_t>(c));
        return;
      }
      case node_kind::in_list: {
        const list_form form = prepare_list(id);
        const std::uint8_t negated = (n.negated != when_true) ? 1 : 0;
        if (form.use_mask) {
          if (const auto fact = direct_fact(children[0]);
              fact && fact_load_kind(*fact) == load_kind::u8) {
            emit_jump(opcode::jf_mask_u8, id, target, negated, form.mask,
                      static_cast<std::uint16_t>(fact_schema()[*fact].offset));
            return;
          }
          value_as(children[0], form.as);
          emit_jump(opcode::jf_in_mask, id, target, negated, form.mask);
          return;
        }
        value_as(children[0], form.as);
        emit_jump(opcode::jf_in_list, id, target, negated, form.packed);
        return;
      }
      case node_kind::fact:
        if (const auto fact = direct_fact(id); fact && fact_load_kind(*fact) == load_kind::u8) {
          // A boolean fact: jump unless it is (or is not) set.
          emit_jump(opcode::jf_fact, id, target,
                    fused_test(load_kind::u8, when_true ? compare::eq : compare::ne), 0,
                    static_cast<std::uint16_t>(fact_schema()[*fact].offset));
          return;
        }
        [[fallthrough]];
      default:
        value(id);
        emit_jump(when_true ? opcode::jt_pop : opcode::jf_pop, id, target);
        return;
    }
  }

  std::vector<op>& ops_;
  std::vector<op_origin>& origins_;
  std::vector<std::int64_t>& lists_;
  std::vector<source_offset> origin_offsets_;  // parallel to the origins this emitter added
  const source_text& source_;
  const compile_unit& unit_;
  expression_tree& tree_;
  std::vector<label> labels_;
  int depth_ = 0;
  int max_depth_ = 0;
  bool no_fold_ = false;
};

program_builder::program_builder(detail::compiled_rule_table& table, const source_text& source)
    : table_(table), source_(source) {}

namespace {

/// Appends `match rule`: a condition that always holds, or the default at the end.
void append_match(detail::compiled_rule_table& table, std::uint32_t rule) {
  op o;
  o.code = opcode::match;
  o.constant = rule;
  table.ops.push_back(o);
  table.origins.push_back({rule, 0, 0, "match"});
}

}  // namespace

void program_builder::emit_condition(const compile_unit& unit) {
  if (unit.tree == nullptr) {
    append_match(table_, unit.rule);
    return;
  }
  emitter e(table_.ops, table_.origins, table_.lists, source_, unit);
  const int next_rule = e.new_label();
  e.condition(unit.tree->root, next_rule);
  e.emit_match(unit.rule);
  e.place(next_rule);
  if (e.max_depth() > stack_capacity)
    unit.context->error(unit.tree->at(unit.tree->root).position,
                        "expression too complex to evaluate");
}

void program_builder::finish_conditions(std::uint32_t default_rule) {
  append_match(table_, default_rule);
}

bool program_builder::plan_gates(const std::vector<compile_unit>& units) {
  using atom_form = emitter::atom_form;
  if (units.size() > max_gated_rules) return false;
  struct planned_atom {
    atom_form form;
    std::uint64_t rules = 0;
  };
  std::vector<planned_atom> atoms;
  std::vector<std::vector<node_id>> rests(units.size());
  std::uint64_t possible = units.empty() ? 0 : ~std::uint64_t{0} >> (64 - units.size());
  for (std::size_t r = 0; r < units.size(); ++r) {
    const compile_unit& unit = units[r];
    if (unit.tree == nullptr) continue;
    const std::uint64_t rule_bit = std::uint64_t{1} << r;
    emitter e(table_.ops, table_.origins, table_.lists, source_, unit);
    std::vector<node_id> parts;
    e.conjuncts(unit.tree->root, parts);
    for (const node_id part : parts) {
      if (e.is_constant(part)) {
        const std::optional<std::int64_t> holds = e.fold(part);
        if (!holds || *holds == 0) possible &= ~rule_bit;
        continue;
      }
      const std::optional<atom_form> form = e.atom_of(part, false);
      if (!form) {
        rests[r].push_back(part);
        continue;
      }
      auto found = std::find_if(atoms.begin(), atoms.end(),
                                [&](const planned_atom& a) { return a.form == *form; });
      if (found == atoms.end()) {
        atoms.push_back({*form, 0});
        found = atoms.end() - 1;
      }
      found->rules |= rule_bit;
    }
  }
  std::vector<screened_atom> screened;
  for (const planned_atom& a : atoms)
    screened.push_back({a.form.load, a.form.offset,
                        a.form.is_mask ? atom_test::in_set(a.form.constant, a.form.test != 0)
                                       : atom_test::comparison(a.form.test, a.form.constant),
                        a.rules});
  table_.screens = rule_screens::plan(screened);
  for (std::size_t r = 0; r < units.size(); ++r) {
    rule_gate gate;
    if (!rests[r].empty() && (possible >> r & 1u) != 0) {
      emitter e(table_.ops, table_.origins, table_.lists, source_, units[r]);
      gate.residual = static_cast<std::uint32_t>(table_.ops.size());
      e.residual_program(rests[r]);
      if (e.max_depth() > stack_capacity)
        units[r].context->error(units[r].tree->at(units[r].tree->root).position,
                                "expression too complex to evaluate");
    }
    table_.gates.push_back(gate);
  }
  table_.possible_rules = possible;
  table_.gated = true;
  return true;
}

value_slot program_builder::emit_value(const compile_unit& unit) {
  value_slot slot;
  emitter e(table_.ops, table_.origins, table_.lists, source_, unit);
  const node_id root = unit.tree->root;
  if (e.is_constant(root)) {
    slot.source = value_slot::kind::constant;
    slot.constant = e.fold(root).value_or(0);
    return slot;
  }
  if (const node& n = unit.tree->at(root); n.kind == node_kind::fact) {
    const auto index = static_cast<fact_index>(n.value);
    const load_kind load = fact_load_kind(index);
    if (const std::optional<wide_read> wide =
            wide_read::of(index, load,
                          static_cast<std::uint16_t>(
                              load == load_kind::slow ? 0 : fact_schema()[index].offset))) {
      slot.source = value_slot::kind::fact;
      slot.fact = *wide;
      return slot;
    }
  }
  slot.source = value_slot::kind::program;
  slot.entry = static_cast<std::uint32_t>(table_.ops.size());
  e.value_program(root);
  if (e.max_depth() > stack_capacity)
    unit.context->error(unit.tree->at(root).position, "expression too complex to evaluate");
  return slot;
}

std::optional<std::int64_t> program_builder::constant_value(const compile_unit& unit) {
  std::vector<op> ops;
  std::vector<op_origin> origins;
  std::vector<std::int64_t> lists;
  emitter e(ops, origins, lists, source_, unit);
  if (!e.is_constant(unit.tree->root)) return std::nullopt;
  return e.fold(unit.tree->root);
}

}  // namespace arrears::detail::rules
