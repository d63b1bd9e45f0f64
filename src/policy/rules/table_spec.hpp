#pragma once
// A policy file as read from YAML or JSON, before its expressions are parsed: every value
// with where it stands in the file. The loader (loader.hpp) fills it and reports the
// structural problems (unknown keys, wrong kinds of values, unknown names).

#include "scalar_map.hpp"
#include "source_text.hpp"

#include <arrears/core/channel.hpp>
#include <arrears/core/currency.hpp>
#include <arrears/model/letter_kind.hpp>
#include <arrears/policy/action.hpp>
#include <arrears/policy/instalment_plan.hpp>
#include <arrears/policy/rule_table.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace arrears::detail::rules {

/// A scalar value and where it is.
struct located_text {
  bool present = false;
  std::string text;
  /// The key's position (for "missing" and whole-value messages) and the value's map.
  source_offset key_at = 0;
  scalar_map map;
};

/// The expression parameters of an action, in one array so that they can be walked in the
/// order the file writes them.
enum class parameter : std::uint8_t {
  amount,
  costs,
  deadline,
  reminder_level,
  instalments,
  first_due,
  minimum_instalment,
  next_review,
};
inline constexpr std::size_t parameter_count = 8;

/// `then` of a rule, or the table's `default`.
struct action_spec {
  bool present = false;
  source_offset at = 0;
  arrears::action kind = arrears::action::none;
  bool kind_known = false;
  source_offset action_at = 0;
  std::optional<arrears::channel> channel;
  std::optional<letter_kind> letter;
  std::optional<instalment_interval> interval;
  source_offset interval_at = 0;
  std::array<located_text, parameter_count> parameters;
  /// The parameters present, in file order.
  std::vector<parameter> order;
};

struct rule_spec {
  source_offset at = 0;  ///< the rule's first key
  located_text id;
  located_text when;
  located_text note;
  std::optional<std::int64_t> priority;
  source_offset priority_at = 0;
  action_spec then;  ///< then.parameters[next_review] holds the rule's next_review
};

struct table_spec {
  std::string name;
  rule_table::hit_policy hits = rule_table::hit_policy::first;
  bool hits_given = false;
  std::optional<arrears::currency> currency;
  source_offset currency_at = 0;
  action_spec fallback;  ///< `default`
  located_text fallback_note;
  std::vector<rule_spec> rules;
  source_offset rules_at = 0;
};

/// Policy files larger than this are refused before parsing.
inline constexpr std::size_t max_policy_bytes = 4u << 20;
/// Rules per table.
inline constexpr std::size_t max_rule_count = 10'000;
/// Longest rule id and note.
inline constexpr std::size_t max_id_length = 100;
inline constexpr std::size_t max_note_length = 2'000;

/// The parameter's key in the file: "amount", "next_review", ...
[[nodiscard]] const char* parameter_key(parameter p) noexcept;

}  // namespace arrears::detail::rules
