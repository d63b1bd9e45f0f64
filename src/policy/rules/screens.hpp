#pragma once
// Screens: how a gated rule table (at most 64 rules) finds the rules a case's facts rule out
// without running a program and without a branch that depends on the facts.
//
// An atom is a single test in a rule's condition: a fact compared with a constant, or an
// enumeration or boolean fact in a set. A failing atom rules out the rules that need it, so
// what the atoms on one fact say is a function from the fact's value to a set of rules (a
// 64-bit mask), and that function is a step function: it changes only at the few values the
// atoms name (its bounds). A screen evaluates such a function with one load of the fact, a
// few comparisons and one table lookup; the sets of all screens are or-ed together.
//
// Kinds, so that each loop is short and does only what its kind needs:
//   threshold_screen  a 4- or 8-byte fact with one bound (`days_overdue >= 14`)
//   range_screen      a 4- or 8-byte fact with two bounds (`reminders_sent == 1`); a fact
//                     with more gets several screens, since their sets are or-ed anyway
//   byte_screen       a 1-byte fact (boolean, enumeration): the value indexes the table
//   byte_pair_screen  two 1-byte facts with small tables, one lookup for both

#include "load_kind.hpp"

#include <arrears/policy/facts.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

namespace arrears::detail::rules {

/// One atom's test: a comparison with a constant as the range [low, low + span] in wrapping
/// arithmetic, which covers `==` ([c, c]), `<` ([min, c - 1]), `>=` ([c, max]) and, wrapping
/// round, `!=` ([c + 1, c - 1]); or a set of values below 64 as a bit mask in `low`, flipped
/// when `negated` (`not in`).
struct atom_test {
  bool is_mask = false;
  bool negated = false;
  std::int64_t low = 0;
  std::uint64_t span = 0;

  /// The test of "value <outcomes> c" (outcomes as in fused_test: bit 0 less, bit 1 equal,
  /// bit 2 greater).
  [[nodiscard]] static atom_test comparison(std::uint8_t outcomes, std::int64_t c) noexcept;
  [[nodiscard]] static atom_test in_set(std::int64_t mask, bool negated) noexcept {
    return {true, negated, mask, 0};
  }
  [[nodiscard]] bool holds(std::int64_t v) const noexcept;
};

/// An atom of a gated table: the fact it reads, its test, and the rules that need it.
struct screened_atom {
  load_kind load = load_kind::u8;  ///< i32, i64 or u8
  std::uint16_t offset = 0;        ///< the fact's byte offset in `facts`
  atom_test test;
  std::uint64_t rules = 0;
};

struct threshold_screen {
  std::int64_t bound = 0;
  /// Ruled out when the value is below `bound` (0), and when it is at or above (1).
  std::uint64_t sets[2] = {};
  std::uint16_t offset = 0;
};

struct range_screen {
  std::int64_t bounds[2] = {};   ///< ascending
  std::uint32_t first_mask = 0;  ///< 3 sets: by how many bounds the value reaches
  std::uint16_t offset = 0;
};

struct byte_screen {
  std::uint32_t first_mask = 0;  ///< last + 1 sets, by value; beyond `last` nothing changes
  std::uint16_t offset = 0;
  std::uint8_t last = 0;
};

struct byte_pair_screen {
  std::uint32_t first_mask = 0;  ///< (last_a + 1) * stride sets
  std::uint16_t offset_a = 0;
  std::uint16_t offset_b = 0;
  std::uint8_t last_a = 0;
  std::uint8_t last_b = 0;
  std::uint8_t stride = 0;  ///< last_b + 1
};

/// Every atom of a table, as screens.
struct rule_screens {
  std::vector<threshold_screen> thresholds_i32;
  std::vector<threshold_screen> thresholds_i64;
  std::vector<range_screen> ranges_i32;
  std::vector<range_screen> ranges_i64;
  std::vector<byte_screen> bytes;
  std::vector<byte_pair_screen> byte_pairs;
  std::vector<std::uint64_t> masks;

  /// Folds `atoms` into screens.
  [[nodiscard]] static rule_screens plan(const std::vector<screened_atom>& atoms);

  /// The rules (bit r: the r-th rule in evaluation order) some atom rules out for `f`.
  [[nodiscard]] std::uint64_t ruled_out(const facts& f) const noexcept {
    const char* const base = reinterpret_cast<const char*>(&f);
    const std::uint64_t* const sets = masks.data();
    std::uint64_t out = 0;
    for (const threshold_screen& s : thresholds_i32)
      out |= s.sets[read<std::int32_t>(base + s.offset) >= s.bound];
    for (const threshold_screen& s : thresholds_i64)
      out |= s.sets[read<std::int64_t>(base + s.offset) >= s.bound];
    for (const range_screen& s : ranges_i32)
      out |= sets[s.first_mask + reached(s, read<std::int32_t>(base + s.offset))];
    for (const range_screen& s : ranges_i64)
      out |= sets[s.first_mask + reached(s, read<std::int64_t>(base + s.offset))];
    for (const byte_pair_screen& s : byte_pairs) {
      const std::uint32_t a =
          std::min<std::uint32_t>(read<std::uint8_t>(base + s.offset_a), s.last_a);
      const std::uint32_t b =
          std::min<std::uint32_t>(read<std::uint8_t>(base + s.offset_b), s.last_b);
      out |= sets[s.first_mask + a * s.stride + b];
    }
    for (const byte_screen& s : bytes)
      out |=
          sets[s.first_mask + std::min<std::uint32_t>(read<std::uint8_t>(base + s.offset), s.last)];
    return out;
  }

 private:
  template <class T>
  [[nodiscard, gnu::always_inline]] static T read(const char* at) noexcept {
    T v;
    std::memcpy(&v, at, sizeof v);
    return v;
  }
  [[nodiscard, gnu::always_inline]] static std::uint32_t reached(const range_screen& s,
                                                                 std::int64_t v) noexcept {
    return static_cast<std::uint32_t>(v >= s.bounds[0]) +
           static_cast<std::uint32_t>(v >= s.bounds[1]);
  }
};

}  // namespace arrears::detail::rules
