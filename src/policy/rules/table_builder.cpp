// Checking and compiling a whole table (see table_builder.hpp).

#include "table_builder.hpp"

#include "compiler.hpp"
#include "loader.hpp"
#include "parser.hpp"
#include "type_checker.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>

namespace arrears::detail::rules {
namespace {

/// Ranges of the integer parameters (days, levels, counts), checked at load time for
/// constants and at decision time for computed values.
struct integer_range {
  std::int64_t low;
  std::int64_t high;
  const char* unit;
};
constexpr integer_range days_range{0, 36'500, "days"};

bool is_money_parameter(parameter p) {
  return p == parameter::amount || p == parameter::costs || p == parameter::minimum_instalment;
}

/// One parsed and checked expression.
struct checked {
  std::optional<expression_tree> tree;
  value_type type;
  bool ok = false;
  const located_text* text = nullptr;
};

bool valid_id(std::string_view id) {
  if (id.empty() || id.size() > max_id_length) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.';
  });
}

class builder {
 public:
  builder(const source_text& source, diagnostic_sink& sink) : source_(source), sink_(sink) {}

  std::shared_ptr<const compiled_rule_table> build(std::string_view fallback_name) {
    table_spec spec;
    if (!read_table_spec(source_, sink_, spec)) return nullptr;
    if (spec.currency) {
      currency_.code = spec.currency;
      int line = 0;
      int column = 0;
      source_.locate(spec.currency_at, line, column);
      currency_.origin =
          "declared at line " + std::to_string(line) + ", column " + std::to_string(column);
    }
    check_structure(spec);

    // Parse and check every expression, in file order, so that all problems are reported.
    std::vector<checked> whens(spec.rules.size());
    std::vector<std::array<checked, parameter_count>> parameters(spec.rules.size() + 1);
    for (std::size_t i = 0; i < spec.rules.size(); ++i) {
      rule_spec& rule = spec.rules[i];
      if (rule.when.present) {
        whens[i] = check(rule.when);
        if (whens[i].ok && whens[i].type.kind != value_kind::boolean) {
          sink_.error(rule.when.map.start(), "'when' must be true or false; this is " +
                                                 type_name(whens[i].type) +
                                                 (whens[i].type.kind == value_kind::integer ||
                                                          whens[i].type.kind == value_kind::money
                                                      ? " (compare it, e.g. '> 0')"
                                                      : ""));
          whens[i].ok = false;
        }
      }
      check_parameters(rule.then, parameters[i]);
    }
    check_parameters(spec.fallback, parameters.back());
    if (sink_.has_errors()) return nullptr;

    // Evaluation order: file order, or by priority (highest first, ties in file order).
    std::vector<std::size_t> order(spec.rules.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    if (spec.hits == rule_table::hit_policy::priority)
      std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return spec.rules[a].priority.value_or(0) > spec.rules[b].priority.value_or(0);
      });

    auto table = std::make_shared<compiled_rule_table>();
    table->name = spec.name.empty() ? std::string(fallback_name) : spec.name;
    table->hits = spec.hits;
    table->source_name = source_.name();
    table->currency = currency_.code;
    program_builder programs(*table, source_);

    std::vector<expression_context> contexts;
    contexts.reserve(spec.rules.size() * (parameter_count + 1) + parameter_count);
    auto unit_for = [&](checked& c, std::uint32_t rule) {
      contexts.push_back({sink_, c.text->map});
      compile_unit unit;
      unit.tree = &*c.tree;
      unit.context = &contexts.back();
      unit.rule = rule;
      return unit;
    };

    // Conditions, and what is constant about them (for the warnings).
    std::optional<std::size_t> always;  // the first rule whose condition always holds
    std::vector<compile_unit> conditions;
    for (std::size_t k = 0; k < order.size(); ++k) {
      const std::size_t i = order[k];
      const rule_spec& rule = spec.rules[i];
      const compile_unit unit = unit_for(whens[i], static_cast<std::uint32_t>(k));
      conditions.push_back(unit);
      if (always) {
        const rule_spec& first = spec.rules[*always];
        int line = 0;
        int column = 0;
        source_.locate(first.at, line, column);
        sink_.warning(rule.at, "rule '" + rule.id.text + "' is never reached: rule '" +
                                   first.id.text + "' (line " + std::to_string(line) +
                                   ") always applies " +
                                   (spec.hits == rule_table::hit_policy::first
                                        ? "before it"
                                        : "and has a higher or equal priority"));
      }
      if (const auto constant = programs.constant_value(unit)) {
        if (*constant != 0 && !always) always = i;
        if (*constant == 0)
          sink_.warning(rule.when.map.start(),
                        "rule '" + rule.id.text + "' never applies: its 'when' is always false");
      }
    }
    // Up to 64 rules: atoms and gates. More: one program of all conditions, from operation 0.
    if (!programs.plan_gates(conditions)) {
      for (const compile_unit& unit : conditions) programs.emit_condition(unit);
      programs.finish_conditions(static_cast<std::uint32_t>(order.size()));
    }

    // What each rule puts into the decision.
    for (std::size_t k = 0; k <= order.size(); ++k) {
      const bool is_default = k == order.size();
      const std::size_t i = is_default ? spec.rules.size() : order[k];
      const action_spec& then = is_default ? spec.fallback : spec.rules[i].then;
      rule_plan plan;
      if (is_default) {
        plan.id = "default";
        plan.note = spec.fallback_note.text;
        plan.where = spec.fallback.present ? source_.where(spec.fallback.at) : source_.name();
      } else {
        plan.id = spec.rules[i].id.text;
        plan.note = spec.rules[i].note.text;
        plan.where = source_.where(spec.rules[i].at);
      }
      plan.kind = then.present && then.kind_known ? then.kind : action::none;
      plan.channel = then.channel;
      plan.letter = then.letter;
      plan.interval = then.interval.value_or(instalment_interval::monthly);
      std::vector<fact_index> reads;
      if (!is_default && whens[i].tree) collect_facts(*whens[i].tree, whens[i].tree->root, reads);
      for (const parameter p : then.order) {
        checked& c = parameters[i][static_cast<std::size_t>(p)];
        const compile_unit unit = unit_for(c, static_cast<std::uint32_t>(k));
        value_slot slot = programs.emit_value(unit);
        if (slot.source == value_slot::kind::constant)
          check_constant_range(p, slot.constant, *c.text);
        slot_of(plan, p) = slot;
        collect_facts(*c.tree, c.tree->root, reads);
        if (p == parameter::next_review || p == parameter::deadline || p == parameter::first_due ||
            p == parameter::instalments)
          table->needs_today = true;
      }
      bool all_wide = true;
      for (const fact_index f : reads) {
        const load_kind load = fact_load_kind(f);
        const auto offset =
            static_cast<std::uint16_t>(load == load_kind::slow ? 0 : fact_schema()[f].offset);
        plan.reads.push_back({f, load, offset});
        if (const std::optional<wide_read> wide = wide_read::of(f, load, offset))
          plan.wide_reads.push_back(*wide);
        else
          all_wide = false;
      }
      plan.reads_wide = all_wide;
      if (!all_wide) plan.wide_reads.clear();
      warn_about_parameters(then, reads, plan.id);
      table->rules.push_back(std::move(plan));
    }
    if (sink_.has_errors()) return nullptr;
    return table;
  }

 private:
  static value_slot& slot_of(rule_plan& plan, parameter p) {
    switch (p) {
      case parameter::amount:
        return plan.amount;
      case parameter::costs:
        return plan.costs;
      case parameter::deadline:
        return plan.deadline;
      case parameter::reminder_level:
        return plan.reminder_level;
      case parameter::instalments:
        return plan.instalments;
      case parameter::first_due:
        return plan.first_due;
      case parameter::minimum_instalment:
        return plan.minimum_instalment;
      case parameter::next_review:
        return plan.next_review;
    }
    return plan.amount;
  }

  checked check(const located_text& text) {
    checked c;
    c.text = &text;
    const std::size_t errors_before = sink_.error_count();
    const expression_context context{sink_, text.map};
    c.tree = parse_expression(text.text, context);
    if (c.tree) c.type = check_types(*c.tree, context, currency_);
    c.ok = c.tree && sink_.error_count() == errors_before && c.type.kind != value_kind::error;
    return c;
  }

  void check_parameters(const action_spec& then, std::array<checked, parameter_count>& out) {
    for (const parameter p : then.order) {
      const located_text& text = then.parameters[static_cast<std::size_t>(p)];
      checked& c = out[static_cast<std::size_t>(p)];
      c = check(text);
      if (!c.ok) continue;
      const char* key = parameter_key(p);
      if (is_money_parameter(p)) {
        if (c.type.kind != value_kind::money && !is_zero_literal(*c.tree, c.tree->root)) {
          sink_.error(text.map.start(), std::string("'") + key +
                                            "' must be an amount, e.g. dunnable_amount or "
                                            "50 EUR; this is " +
                                            type_name(c.type));
          c.ok = false;
        }
      } else if (c.type.kind != value_kind::integer) {
        sink_.error(text.map.start(),
                    std::string("'") + key + "' must be a whole number" +
                        (p == parameter::reminder_level || p == parameter::instalments
                             ? ""
                             : " of days from today") +
                        "; this is " + type_name(c.type));
        c.ok = false;
      }
    }
  }

  void check_constant_range(parameter p, std::int64_t value, const located_text& text) {
    std::string problem;
    switch (p) {
      case parameter::deadline:
      case parameter::first_due:
      case parameter::next_review:
        if (value < days_range.low || value > days_range.high)
          problem = "must be 0 to 36500 days from today";
        break;
      case parameter::reminder_level:
        if (value < 0 || value > 100) problem = "must be 0 to 100";
        break;
      case parameter::instalments:
        if (value < 1 || value > 600) problem = "must be 1 to 600 instalments";
        break;
      case parameter::amount:
      case parameter::costs:
      case parameter::minimum_instalment:
        if (value < 0) problem = "must not be negative";
        break;
    }
    if (!problem.empty())
      sink_.error(text.map.start(), std::string("'") + parameter_key(p) + "' " + problem +
                                        ", found " + std::to_string(value));
  }

  /// Facts in the order the expression names them (left to right), each once.
  static void collect_facts(const expression_tree& tree, node_id id, std::vector<fact_index>& out) {
    const node& n = tree.at(id);
    if (n.kind == node_kind::fact) {
      const auto f = static_cast<fact_index>(n.value);
      if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
      return;
    }
    for (const node_id child : n.children) collect_facts(tree, child, out);
  }

  void check_structure(const table_spec& spec) {
    std::map<std::string, source_offset> ids;
    for (const rule_spec& rule : spec.rules) {
      if (rule.id.present) {
        if (!valid_id(rule.id.text)) {
          sink_.error(rule.id.map.start(), "rule id '" + rule.id.text + "' must be 1 to " +
                                               std::to_string(max_id_length) +
                                               " letters, digits, '_', '-' or '.'");
        } else if (const auto [it, inserted] = ids.emplace(rule.id.text, rule.id.map.start());
                   !inserted) {
          int line = 0;
          int column = 0;
          source_.locate(it->second, line, column);
          sink_.error(rule.id.map.start(), "duplicate rule id '" + rule.id.text +
                                               "' (first used on line " + std::to_string(line) +
                                               ")");
        } else if (rule.id.text == "default") {
          sink_.error(rule.id.map.start(),
                      "'default' is the name of the decision when no rule applies; choose "
                      "another id");
        }
      }
      if (rule.priority && spec.hits == rule_table::hit_policy::first)
        sink_.warning(rule.priority_at,
                      "'priority' has no effect under hit_policy first (rules apply in file "
                      "order); set 'hit_policy: priority' to use it");
    }
    if (!spec.fallback.present)
      sink_.warning(0,
                    "no 'default': a case no rule applies to gets 'none' and no next "
                    "review; add e.g. 'default: {action: none, next_review: 7}'");
    if (spec.rules.empty()) sink_.warning(spec.rules_at, "no rules: every case gets the default");
  }

  void warn_about_parameters(const action_spec& then, const std::vector<fact_index>& reads,
                             const std::string& id) {
    const auto& costs = then.parameters[static_cast<std::size_t>(parameter::costs)];
    if (costs.present) {
      constexpr fact_index allowed = fact_index_of<&facts::costs_allowed>();
      constexpr fact_index expired = fact_index_of<&facts::fourteen_day_letter_expired>();
      const bool checked_law = std::any_of(
          reads.begin(), reads.end(), [&](fact_index f) { return f == allowed || f == expired; });
      if (!checked_law)
        sink_.warning(costs.map.start(),
                      "'" + id +
                          "' claims costs without reading costs_allowed: the law may not "
                          "allow costs today (NL consumers: only after an expired "
                          "14-day letter)");
    }
    const bool plans =
        then.kind == action::propose_arrangement || then.kind == action::confirm_arrangement;
    const auto& instalments = then.parameters[static_cast<std::size_t>(parameter::instalments)];
    if (instalments.present) {
      if (!plans && then.kind_known)
        sink_.warning(instalments.map.start(),
                      "instalments are proposed only by propose_arrangement and "
                      "confirm_arrangement; here they are still computed");
      if (!then.parameters[static_cast<std::size_t>(parameter::amount)].present)
        sink_.error(instalments.map.start(),
                    "'instalments' needs 'amount': the total the instalments pay");
    } else {
      for (const parameter p : {parameter::first_due, parameter::minimum_instalment}) {
        const auto& given = then.parameters[static_cast<std::size_t>(p)];
        if (given.present)
          sink_.warning(given.map.start(), std::string("'") + parameter_key(p) +
                                               "' has no effect without 'instalments'");
      }
      if (then.interval)
        sink_.warning(then.interval_at, "'interval' has no effect without 'instalments'");
    }
  }

  const source_text& source_;
  diagnostic_sink& sink_;
  table_currency currency_;
};

}  // namespace

std::shared_ptr<const compiled_rule_table> build_rule_table(const source_text& source,
                                                            diagnostic_sink& sink,
                                                            std::string_view fallback_name) {
  builder b(source, sink);
  return b.build(fallback_name);
}

}  // namespace arrears::detail::rules
