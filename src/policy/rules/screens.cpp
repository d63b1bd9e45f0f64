// Folding a gated table's atoms into screens (see screens.hpp).

#include "screens.hpp"

#include <algorithm>
#include <limits>
#include <utility>

namespace arrears::detail::rules {
namespace {

constexpr std::int64_t lowest = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t highest = std::numeric_limits<std::int64_t>::max();

/// The rules that `atoms` (all on one fact) rule out when the fact is `v`.
std::uint64_t ruled_out_by(const std::vector<const screened_atom*>& atoms, std::int64_t v) {
  std::uint64_t out = 0;
  for (const screened_atom* a : atoms)
    if (!a->test.holds(v)) out |= a->rules;
  return out;
}

/// The values beyond the lowest where a comparison's outcome changes: the start of its range
/// and the value after its end (the lowest value starts the number line, so it is no bound).
void add_bounds(const atom_test& test, std::vector<std::int64_t>& out) {
  const auto low = static_cast<std::uint64_t>(test.low);
  for (const std::uint64_t b : {low, low + test.span + 1})
    if (static_cast<std::int64_t>(b) != lowest) out.push_back(static_cast<std::int64_t>(b));
}

std::vector<std::int64_t> sorted_bounds(const std::vector<const screened_atom*>& atoms) {
  std::vector<std::int64_t> bounds;
  for (const screened_atom* a : atoms) add_bounds(a->test, bounds);
  std::sort(bounds.begin(), bounds.end());
  bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
  return bounds;
}

/// Screens for the atoms of one 4- or 8-byte fact: groups of atoms with at most two bounds
/// between them, each a threshold or a range screen.
void plan_number(const std::vector<const screened_atom*>& atoms, std::uint16_t offset, bool wide,
                 rule_screens& out) {
  std::vector<const screened_atom*> group;
  auto flush = [&] {
    if (group.empty()) return;
    const std::vector<std::int64_t> bounds = sorted_bounds(group);
    if (bounds.size() <= 1) {
      threshold_screen s;
      s.offset = offset;
      s.bound = bounds.empty() ? lowest : bounds[0];
      s.sets[0] = ruled_out_by(group, lowest);
      s.sets[1] = ruled_out_by(group, s.bound);
      (wide ? out.thresholds_i64 : out.thresholds_i32).push_back(s);
    } else {
      range_screen s;
      s.offset = offset;
      s.first_mask = static_cast<std::uint32_t>(out.masks.size());
      // Set i holds from the i-th bound on; set 0 from the lowest value.
      out.masks.push_back(ruled_out_by(group, lowest));
      for (std::size_t i = 0; i < 2; ++i) {
        s.bounds[i] = bounds[i];
        out.masks.push_back(ruled_out_by(group, bounds[i]));
      }
      (wide ? out.ranges_i64 : out.ranges_i32).push_back(s);
    }
    group.clear();
  };
  for (const screened_atom* a : atoms) {
    group.push_back(a);
    if (sorted_bounds(group).size() > 2) {
      group.pop_back();
      flush();
      group.push_back(a);
    }
  }
  flush();
}

/// A 1-byte fact's sets by value, up to the last value where they change.
struct byte_table {
  std::uint16_t offset = 0;
  std::vector<std::uint64_t> sets;
};

byte_table plan_byte(const std::vector<const screened_atom*>& atoms, std::uint16_t offset) {
  byte_table t;
  t.offset = offset;
  for (int v = 0; v < 256; ++v) t.sets.push_back(ruled_out_by(atoms, v));
  while (t.sets.size() > 1 && t.sets[t.sets.size() - 1] == t.sets[t.sets.size() - 2])
    t.sets.pop_back();
  return t;
}

/// Most sets one lookup for two 1-byte facts may need (two enumerations of eight values).
constexpr std::size_t max_pair_sets = 64;

}  // namespace

atom_test atom_test::comparison(std::uint8_t outcomes, std::int64_t c) noexcept {
  const auto u = static_cast<std::uint64_t>(c);
  const auto min = static_cast<std::uint64_t>(lowest);
  const auto max = static_cast<std::uint64_t>(highest);
  auto range = [](std::uint64_t low, std::uint64_t high) {  // [low, high], wrapping
    return atom_test{false, false, static_cast<std::int64_t>(low), high - low};
  };
  switch (outcomes & 7u) {
    case 0b010:
      return range(u, u);  // ==
    case 0b101:
      return range(u + 1, u - 1);  // != : everything but c, wrapping round
    case 0b001:
      return range(min, u - 1);  // <
    case 0b011:
      return range(min, u);  // <=
    case 0b100:
      return range(u + 1, max);  // >
    case 0b110:
      return range(u, max);  // >=
    default:
      return range(0, ~std::uint64_t{0});  // always (never cannot occur: see atom_of)
  }
}

bool atom_test::holds(std::int64_t v) const noexcept {
  if (is_mask) {
    const bool in = v >= 0 && v < 64 && ((static_cast<std::uint64_t>(low) >> v) & 1u) != 0;
    return in != negated;
  }
  return static_cast<std::uint64_t>(v) - static_cast<std::uint64_t>(low) <= span;
}

rule_screens rule_screens::plan(const std::vector<screened_atom>& atoms) {
  rule_screens out;
  std::vector<std::pair<load_kind, std::uint16_t>> facts_read;
  for (const screened_atom& a : atoms)
    if (std::find(facts_read.begin(), facts_read.end(), std::pair{a.load, a.offset}) ==
        facts_read.end())
      facts_read.emplace_back(a.load, a.offset);
  std::vector<byte_table> byte_tables;
  for (const auto& [load, offset] : facts_read) {
    std::vector<const screened_atom*> on_fact;
    for (const screened_atom& a : atoms)
      if (a.load == load && a.offset == offset) on_fact.push_back(&a);
    if (load == load_kind::u8)
      byte_tables.push_back(plan_byte(on_fact, offset));
    else
      plan_number(on_fact, offset, load == load_kind::i64, out);
  }
  // Pair 1-byte facts whose tables are small together, in the order read.
  for (std::size_t i = 0; i < byte_tables.size();) {
    const byte_table& a = byte_tables[i];
    if (i + 1 < byte_tables.size() &&
        a.sets.size() * byte_tables[i + 1].sets.size() <= max_pair_sets) {
      const byte_table& b = byte_tables[i + 1];
      byte_pair_screen s;
      s.first_mask = static_cast<std::uint32_t>(out.masks.size());
      s.offset_a = a.offset;
      s.offset_b = b.offset;
      s.last_a = static_cast<std::uint8_t>(a.sets.size() - 1);
      s.last_b = static_cast<std::uint8_t>(b.sets.size() - 1);
      s.stride = static_cast<std::uint8_t>(b.sets.size());
      for (const std::uint64_t x : a.sets)
        for (const std::uint64_t y : b.sets) out.masks.push_back(x | y);
      out.byte_pairs.push_back(s);
      i += 2;
      continue;
    }
    byte_screen s;
    s.first_mask = static_cast<std::uint32_t>(out.masks.size());
    s.offset = a.offset;
    s.last = static_cast<std::uint8_t>(a.sets.size() - 1);
    out.masks.insert(out.masks.end(), a.sets.begin(), a.sets.end());
    out.bytes.push_back(s);
    ++i;
  }
  return out;
}

}  // namespace arrears::detail::rules
