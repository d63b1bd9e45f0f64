#pragma once
// The compiled form of a rule table: a flat array of typed operations run by the evaluator
// (evaluator.hpp), and per rule what a match puts into the decision. Built once by the
// compiler, never changed after, shared by every copy of the rule_table.

#include "arithmetic.hpp"
#include "load_kind.hpp"
#include "screens.hpp"
#include "wide_read.hpp"

#include <arrears/core/channel.hpp>
#include <arrears/core/currency.hpp>
#include <arrears/model/letter_kind.hpp>
#include <arrears/policy/action.hpp>
#include <arrears/policy/fact_schema.hpp>
#include <arrears/policy/instalment_plan.hpp>
#include <arrears/policy/rule_table.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace arrears::detail::rules {

/// The six comparisons, in an order where `negate` and `swap` are simple tables.
enum class compare : std::uint8_t { eq, ne, lt, le, gt, ge };

// The operations. Conditions ("jf_*") jump to `target` when their test is false (a test that
// must jump when true is compiled as the negated test). Superinstructions fuse "load fact,
// compare with constant, branch" into one operation: that is most of every real rule.
//
//   jf_fact       jump unless fact (offset) compares with constant as aux says (fused_test)
//   jf_mask_u8    jump unless bit <fact value> of constant is set (aux: negated)
//   jf_cmp        pop b, pop a; jump unless `a aux b`
//   jf_in_mask    pop v; jump unless bit v of constant is set (aux: negated)
//   jf_in_list    pop v; jump unless v is in the packed list `constant` (aux: negated)
//   jf_pop        pop v; jump when v == 0
//   jt_pop        pop v; jump when v != 0
//   jump          always jump
//   match         stop: rule `constant` matched
//   ret           stop: the value is the top of the stack
//   push          push constant
//   load_<w>      push fact (offset); load_slow: push read_fact(constant)
//   add sub mul neg abs min max logical_not
//                 checked, on integers, decimals and minor units alike
//   to_decimal    top *= decimal_scale, checked
//   scaled_div    pop b, pop a; push round(a * constant / b): every `/`
//   product_div   pop b, pop a; push round(a * b / constant): products with a decimal
//   cmp           pop b, pop a; push `a aux b`
//   in_mask       pop v; push bit v of constant (aux: negated)
//   in_list       pop v; push whether v is in the packed list `constant` (aux: negated)
//
// One list, so that the enumeration and the evaluator's dispatch table cannot disagree.
// clang-format off
#define ARREARS_RULES_OPCODES(X) \
  X(jf_fact) \
  X(jf_mask_u8) \
  X(jf_cmp) \
  X(jf_in_mask) \
  X(jf_in_list) \
  X(jf_pop) \
  X(jt_pop) \
  X(jump) \
  X(match) \
  X(ret) \
  X(push) \
  X(load_i32) \
  X(load_i64) \
  X(load_u8) \
  X(load_slow) \
  X(add) \
  X(sub) \
  X(mul) \
  X(neg) \
  X(abs) \
  X(min) \
  X(max) \
  X(logical_not) \
  X(to_decimal) \
  X(scaled_div) \
  X(product_div) \
  X(cmp) \
  X(in_mask) \
  X(in_list)
// clang-format on

enum class opcode : std::uint8_t {
#define ARREARS_RULES_ENUMERATOR(name) name,
  ARREARS_RULES_OPCODES(ARREARS_RULES_ENUMERATOR)
#undef ARREARS_RULES_ENUMERATOR
};

/// The `aux` of jf_fact: how the fact is loaded (bits 3-4: 0 i32, 1 i64, 2 u8) and which
/// outcomes of comparing it with the constant let the condition hold (bit 0: less, bit 1:
/// equal, bit 2: greater). `>=` is 0b110, `!=` 0b101. One operation for every fused
/// comparison keeps a run of them in one tight loop of the evaluator.
[[nodiscard]] constexpr std::uint8_t fused_test(load_kind load, compare c) noexcept {
  constexpr std::uint8_t outcomes[] = {0b010, 0b101, 0b001, 0b011, 0b100, 0b110};
  const std::uint8_t width = load == load_kind::i32 ? 0 : load == load_kind::i64 ? 1 : 2;
  return static_cast<std::uint8_t>(width << 3 | outcomes[static_cast<int>(c)]);
}

/// One operation: 16 bytes, so that a rule's condition fits in a cache line or two.
struct op {
  opcode code = opcode::ret;
  std::uint8_t aux = 0;
  std::uint16_t offset = 0;  ///< a fact's byte offset in `facts`
  std::int32_t target = 0;   ///< a jump target or a list start
  std::int64_t constant = 0;
};
static_assert(sizeof(op) == 16);

/// Where an operation came from, to name it when it fails on a case.
struct op_origin {
  std::uint32_t rule = 0;  ///< index into compiled_rule_table::rules
  int line = 0;
  int column = 0;
  const char* what = "";  ///< the operator: "*", "/", "-", "abs", ...
};

/// A parameter of a decision: absent, a constant, a fact read as it is (the common
/// `amount: dunnable_amount`), or a program to run (also a fact without a wide read).
struct value_slot {
  enum class kind : std::uint8_t { absent, constant, fact, program };
  kind source = kind::absent;
  wide_read fact;           ///< kind::fact
  std::uint32_t entry = 0;  ///< kind::program: the program's first operation
  std::int64_t constant = 0;
  [[nodiscard]] bool present() const noexcept { return source != kind::absent; }
};

/// A fact the rule reads, recorded in the decision's reason.
struct fact_read {
  fact_index fact = 0;
  load_kind load = load_kind::slow;
  std::uint16_t offset = 0;
};

/// What a rule (or the default) puts into a decision when it decides.
struct rule_plan {
  std::string id;
  std::string note;
  /// "strict.yaml:14:5", for evaluation errors.
  std::string where;
  action kind = action::none;
  std::optional<arrears::channel> channel;
  std::optional<letter_kind> letter;
  instalment_interval interval = instalment_interval::monthly;
  value_slot amount;
  value_slot costs;
  value_slot deadline;
  value_slot reminder_level;
  value_slot instalments;
  value_slot first_due;
  value_slot minimum_instalment;
  value_slot next_review;
  std::vector<fact_read> reads;
  /// The same reads as wide reads, so that recording them is one loop without a branch on
  /// the facts' widths; used when every fact has one (`reads_wide`).
  std::vector<wide_read> wide_reads;
  bool reads_wide = false;
};

/// A gated rule's residual: the conjuncts of its condition that are not atoms, as a program
/// ending in `match 1` when they hold and `match 0` when not.
struct rule_gate {
  static constexpr std::uint32_t no_residual = 0xFFFF'FFFF;
  std::uint32_t residual = no_residual;
};

/// Most rules a table may have to be evaluated through gates (one 64-bit word of rules).
inline constexpr std::size_t max_gated_rules = 64;

/// Deepest evaluation stack any program may need; the compiler refuses deeper ones (the
/// parser's depth limit keeps real expressions far below).
inline constexpr int stack_capacity = 96;

}  // namespace arrears::detail::rules

namespace arrears::detail {

/// A compiled rule table (see rules::program.hpp).
struct compiled_rule_table {
  std::string name;
  /// What diagnostics call the file, for evaluation errors.
  std::string source_name;
  rule_table::hit_policy hits = rule_table::hit_policy::first;
  /// The table's currency, when it has one (declared, or from its amounts); facts in any other
  /// currency are refused.
  std::optional<arrears::currency> currency;
  /// The programs: for a table that is not gated, its conditions from operation 0 (the rules
  /// in evaluation order, ending in a match of the default); the residual programs of a gated
  /// one; each parameter's program.
  std::vector<rules::op> ops;
  std::vector<rules::op_origin> origins;  ///< one per operation
  std::vector<std::int64_t> lists;        ///< the values of `in [...]` lists, each sorted
  /// In evaluation order (by priority under hit_policy::priority); the default is last.
  std::vector<rules::rule_plan> rules;
  /// Whether any rule produces a date (next_review, deadline, an instalment plan).
  bool needs_today = false;
  /// For tables of at most max_gated_rules rules: the rules' atoms as screens and residual
  /// programs, in evaluation order, the default excluded. Otherwise the conditions program
  /// from operation 0 decides alone.
  bool gated = false;
  rules::rule_screens screens;
  std::vector<rules::rule_gate> gates;
  /// The rules that can apply at all (bit r); a rule whose condition is always false is not.
  std::uint64_t possible_rules = 0;
};

}  // namespace arrears::detail
