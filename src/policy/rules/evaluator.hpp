#pragma once
// The evaluator: runs a compiled program over one case's facts. A switch-dispatch loop over
// 16-byte operations with a small fixed stack; no allocation, no exceptions, no undefined
// behaviour on any input (every arithmetic step is checked).

#include "arithmetic.hpp"
#include "program.hpp"

#include <arrears/policy/facts.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace arrears::detail::rules {

/// Reads a fact the way the compiler decided to (see load_kind).
[[nodiscard, gnu::always_inline]] inline std::int64_t load_fact(const facts& f, load_kind kind,
                                                                std::uint16_t offset,
                                                                fact_index index) noexcept {
  const char* base = reinterpret_cast<const char*>(&f) + offset;
  switch (kind) {
    case load_kind::i32: {
      std::int32_t v;
      std::memcpy(&v, base, sizeof v);
      return v;
    }
    case load_kind::i64: {
      std::int64_t v;
      std::memcpy(&v, base, sizeof v);
      return v;
    }
    case load_kind::u8: {
      std::uint8_t v;
      std::memcpy(&v, base, sizeof v);
      return v;
    }
    case load_kind::slow:
      break;
  }
  return read_fact(f, index);
}

[[nodiscard, gnu::always_inline]] inline bool compare_values(compare c, std::int64_t a,
                                                             std::int64_t b) noexcept {
  switch (c) {
    case compare::eq:
      return a == b;
    case compare::ne:
      return a != b;
    case compare::lt:
      return a < b;
    case compare::le:
      return a <= b;
    case compare::gt:
      return a > b;
    case compare::ge:
      return a >= b;
  }
  return false;
}

[[nodiscard]] inline bool in_mask(std::int64_t mask, std::int64_t v) noexcept {
  return v >= 0 && v < 64 && ((static_cast<std::uint64_t>(mask) >> v) & 1u) != 0;
}

/// Lists are packed into one constant: the first value's index in the table's list storage
/// in the high 32 bits, the count in the low 32. Each list is sorted.
[[nodiscard]] constexpr std::int64_t pack_list(std::uint32_t first, std::uint32_t count) noexcept {
  return static_cast<std::int64_t>((static_cast<std::uint64_t>(first) << 32) | count);
}

[[nodiscard]] inline bool in_packed_list(const std::int64_t* lists, std::int64_t packed,
                                         std::int64_t v) noexcept {
  const auto bits = static_cast<std::uint64_t>(packed);
  const std::int64_t* first = lists + (bits >> 32);
  const std::int64_t* last = first + (bits & 0xFFFF'FFFFu);
  if (last - first <= 8) return std::find(first, last, v) != last;
  return std::binary_search(first, last, v);
}

/// Runs the program at `entry` until `match` (out: the rule index) or `ret` (out: the
/// value). On an arithmetic fault returns it with `fault_at` set to the failing operation.
///
/// With GCC and Clang each operation jumps straight to the next one's handler (computed
/// goto): every handler has its own indirect branch, which the branch predictor learns far
/// better than the single one of a switch loop (measured: about twice as fast on the
/// benchmark's table). Other compilers get the switch.
[[nodiscard]] inline arithmetic_fault run_program(const op* program, const std::int64_t* lists,
                                                  std::uint32_t entry, const facts& f,
                                                  std::int64_t& out,
                                                  std::uint32_t& fault_at) noexcept {
  const char* const base = reinterpret_cast<const char*>(&f);
  std::int64_t stack[stack_capacity];
  int top = -1;  // index of the top of the stack
  const op* pc = program + entry;
  arithmetic_fault fault = arithmetic_fault::none;
  // The compiler proved every program's stack depth below stack_capacity and every jump
  // inside the program, and every program ends in match or ret.

#if defined(__GNUC__) || defined(__clang__)
#define ARREARS_RULES_LABEL(name) &&op_##name,
  static const void* const handlers[] = {ARREARS_RULES_OPCODES(ARREARS_RULES_LABEL)};
#undef ARREARS_RULES_LABEL
#define ARREARS_RULES_HANDLER(name) op_##name:
#define ARREARS_RULES_DISPATCH() goto* handlers[static_cast<int>(pc->code)]
  ARREARS_RULES_DISPATCH();
#else
#define ARREARS_RULES_HANDLER(name) case opcode::name:
#define ARREARS_RULES_DISPATCH() continue
  for (;;) {
    switch (pc->code) {
#endif
#define ARREARS_RULES_NEXT() \
  ++pc;                      \
  ARREARS_RULES_DISPATCH()
#define ARREARS_RULES_BRANCH(holds)             \
  pc = (holds) ? pc + 1 : program + pc->target; \
  ARREARS_RULES_DISPATCH()

  ARREARS_RULES_HANDLER(jf_fact) {
    // Runs of fused comparisons (most of every condition) stay in this loop: the only
    // branches are the comparison's outcome and the loop's, as in hand-written code.
    do {
      std::int64_t a;
      const unsigned test = pc->aux;
      switch (test >> 3) {
        case 0: {
          std::int32_t v;
          std::memcpy(&v, base + pc->offset, sizeof v);
          a = v;
          break;
        }
        case 1:
          std::memcpy(&a, base + pc->offset, sizeof a);
          break;
        default: {
          std::uint8_t v;
          std::memcpy(&v, base + pc->offset, sizeof v);
          a = v;
          break;
        }
      }
      const int outcome = (a > pc->constant) - (a < pc->constant) + 1;  // 0 <, 1 ==, 2 >
      // A branch, not a select: a select would chain every operation's load to the previous
      // one's outcome, while a predicted branch lets the processor run ahead.
      pc = ((test >> outcome) & 1u) != 0 ? pc + 1 : program + pc->target;
    } while (pc->code == opcode::jf_fact);
    ARREARS_RULES_DISPATCH();
  }
  ARREARS_RULES_HANDLER(jf_mask_u8) {
    std::uint8_t v;
    std::memcpy(&v, base + pc->offset, sizeof v);
    ARREARS_RULES_BRANCH(in_mask(pc->constant, v) != (pc->aux != 0));
  }
  ARREARS_RULES_HANDLER(jf_cmp) {
    const bool holds = compare_values(static_cast<compare>(pc->aux), stack[top - 1], stack[top]);
    top -= 2;
    ARREARS_RULES_BRANCH(holds);
  }
  ARREARS_RULES_HANDLER(jf_in_mask) {
    const bool holds = in_mask(pc->constant, stack[top--]) != (pc->aux != 0);
    ARREARS_RULES_BRANCH(holds);
  }
  ARREARS_RULES_HANDLER(jf_in_list) {
    const bool holds = in_packed_list(lists, pc->constant, stack[top--]) != (pc->aux != 0);
    ARREARS_RULES_BRANCH(holds);
  }
  ARREARS_RULES_HANDLER(jf_pop) {
    const bool holds = stack[top--] != 0;
    ARREARS_RULES_BRANCH(holds);
  }
  ARREARS_RULES_HANDLER(jt_pop) {
    const bool holds = stack[top--] == 0;
    ARREARS_RULES_BRANCH(holds);
  }
  ARREARS_RULES_HANDLER(jump) {
    pc = program + pc->target;
    ARREARS_RULES_DISPATCH();
  }
  ARREARS_RULES_HANDLER(match) {
    out = pc->constant;
    return arithmetic_fault::none;
  }
  ARREARS_RULES_HANDLER(ret) {
    out = stack[top];
    return arithmetic_fault::none;
  }
  ARREARS_RULES_HANDLER(push) {
    stack[++top] = pc->constant;
    ARREARS_RULES_NEXT();
  }
  ARREARS_RULES_HANDLER(load_i32) {
    std::int32_t v;
    std::memcpy(&v, base + pc->offset, sizeof v);
    stack[++top] = v;
    ARREARS_RULES_NEXT();
  }
  ARREARS_RULES_HANDLER(load_i64) {
    std::int64_t v;
    std::memcpy(&v, base + pc->offset, sizeof v);
    stack[++top] = v;
    ARREARS_RULES_NEXT();
  }
  ARREARS_RULES_HANDLER(load_u8) {
    std::uint8_t v;
    std::memcpy(&v, base + pc->offset, sizeof v);
    stack[++top] = v;
    ARREARS_RULES_NEXT();
  }
  ARREARS_RULES_HANDLER(load_slow) {
    stack[++top] = read_fact(f, static_cast<fact_index>(pc->constant));
    ARREARS_RULES_NEXT();
  }
  ARREARS_RULES_HANDLER(add) {
    if (!checked_add(stack[top - 1], stack[top], stack[top - 1])) goto overflow;
    --top;
    ARREARS_RULES_NEXT();
  }
  ARREARS_RULES_HANDLER(sub) {
    if (!checked_sub(stack[top - 1], stack[top], stack[top - 1])) goto overflow;
    --top;
    ARREARS_RULES_NEXT();
  }
  ARREARS_RULES_HANDLER(mul) {
    if (!checked_mul(stack[top - 1], stack[top], stack[top - 1])) goto overflow;
    --top;
    ARREARS_RULES_NEXT();
  }
  ARREARS_RULES_HANDLER(neg) {
    if (!checked_neg(stack[top], stack[top])) goto overflow;
    ARREARS_RULES_NEXT();
  }
  ARREARS_RULES_HANDLER(abs) {
    if (!checked_abs(stack[top], stack[top])) goto overflow;
    ARREARS_RULES_NEXT();
  }
  ARREARS_RULES_HANDLER(min) {
    stack[top - 1] = std::min(stack[top - 1], stack[top]);
    --top;
    ARREARS_RULES_NEXT();
  }
  ARREARS_RULES_HANDLER(max) {
    stack[top - 1] = std::max(stack[top - 1], stack[top]);
    --top;
    ARREARS_RULES_NEXT();
  }
  ARREARS_RULES_HANDLER(logical_not) {
    stack[top] = stack[top] == 0 ? 1 : 0;
    ARREARS_RULES_NEXT();
  }
  ARREARS_RULES_HANDLER(to_decimal) {
    if (!checked_mul(stack[top], decimal_scale, stack[top])) goto overflow;
    ARREARS_RULES_NEXT();
  }
  ARREARS_RULES_HANDLER(scaled_div) {
    fault = scaled_divide(stack[top - 1], pc->constant, stack[top], stack[top - 1]);
    if (fault != arithmetic_fault::none) goto failed;
    --top;
    ARREARS_RULES_NEXT();
  }
  ARREARS_RULES_HANDLER(product_div) {
    fault = scaled_divide(stack[top - 1], stack[top], pc->constant, stack[top - 1]);
    if (fault != arithmetic_fault::none) goto failed;
    --top;
    ARREARS_RULES_NEXT();
  }
  ARREARS_RULES_HANDLER(cmp) {
    stack[top - 1] =
        compare_values(static_cast<compare>(pc->aux), stack[top - 1], stack[top]) ? 1 : 0;
    --top;
    ARREARS_RULES_NEXT();
  }
  ARREARS_RULES_HANDLER(in_mask) {
    stack[top] = in_mask(pc->constant, stack[top]) != (pc->aux != 0) ? 1 : 0;
    ARREARS_RULES_NEXT();
  }
  ARREARS_RULES_HANDLER(in_list) {
    stack[top] = in_packed_list(lists, pc->constant, stack[top]) != (pc->aux != 0) ? 1 : 0;
    ARREARS_RULES_NEXT();
  }
#if !(defined(__GNUC__) || defined(__clang__))
}
}
#endif
overflow : fault = arithmetic_fault::overflow;
failed : fault_at = static_cast<std::uint32_t>(pc - program);
return fault;
#undef ARREARS_RULES_BRANCH
#undef ARREARS_RULES_NEXT
#undef ARREARS_RULES_DISPATCH
#undef ARREARS_RULES_HANDLER
}

}  // namespace arrears::detail::rules
