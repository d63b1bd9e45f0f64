// The policy file's structure: keys, kinds of values, names (docs/policy-language.md).

#include "loader.hpp"

#include "enum_names.hpp"

#include "../../text/closest_name.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <string_view>

namespace arrears::detail::rules {

const char* parameter_key(parameter p) noexcept {
  switch (p) {
    case parameter::amount:
      return "amount";
    case parameter::costs:
      return "costs";
    case parameter::deadline:
      return "deadline";
    case parameter::reminder_level:
      return "reminder_level";
    case parameter::instalments:
      return "instalments";
    case parameter::first_due:
      return "first_due";
    case parameter::minimum_instalment:
      return "minimum_instalment";
    case parameter::next_review:
      return "next_review";
  }
  return "?";
}

namespace {

/// Deepest nesting of flow collections ([ and {) the pre-scan lets through.
constexpr int max_flow_depth = 32;
/// Widest indentation: block nesting needs one more column per level, so this bounds it.
constexpr std::size_t max_indentation = 200;
/// Most compact block entries ("- - - x", "? ? x") on one line.
constexpr int max_compact_entries = 8;

constexpr std::string_view top_keys[] = {"name",     "description", "hit_policy",
                                         "currency", "default",     "rules"};
constexpr std::string_view rule_keys[] = {"id", "when", "then", "next_review", "note", "priority"};
constexpr std::string_view then_keys[] = {
    "action",         "channel",     "amount",   "costs",     "deadline",          "letter",
    "reminder_level", "instalments", "interval", "first_due", "minimum_instalment"};
constexpr std::string_view default_keys[] = {"action",
                                             "channel",
                                             "amount",
                                             "costs",
                                             "deadline",
                                             "letter",
                                             "reminder_level",
                                             "instalments",
                                             "interval",
                                             "first_due",
                                             "minimum_instalment",
                                             "next_review",
                                             "note"};

/// Refuses what could make yaml-cpp recurse deeply or work for long: deep flow nesting,
/// extreme indentation, long runs of compact block entries. The scan is approximate (it
/// does not know every YAML rule) but errs on the side of refusing only absurd files.
bool guard_structure(const source_text& source, diagnostic_sink& sink) {
  const std::string_view text = source.text();
  if (text.size() > max_policy_bytes) {
    sink.error(0, "policy file is " + std::to_string(text.size()) + " bytes; the limit is 4 MiB (" +
                      std::to_string(max_policy_bytes) + ")");
    return false;
  }
  int flow_depth = 0;
  char quote = 0;
  bool line_start = true;
  std::size_t indentation = 0;
  int compact = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      line_start = true;
      indentation = 0;
      compact = 0;
      if (quote == 0) continue;
    }
    if (quote != 0) {
      if (c == '\\' && quote == '"')
        ++i;
      else if (c == quote)
        quote = 0;
      continue;
    }
    if (line_start) {
      if (c == ' ') {
        if (++indentation > max_indentation) {
          sink.error(static_cast<source_offset>(i),
                     "indented more than " + std::to_string(max_indentation) +
                         " columns: the policy is nested too deeply");
          return false;
        }
        continue;
      }
      if ((c == '-' || c == '?') && i + 1 < text.size() && (text[i + 1] == ' ')) {
        if (++compact > max_compact_entries) {
          sink.error(static_cast<source_offset>(i),
                     "more than " + std::to_string(max_compact_entries) +
                         " nested entries on one line: the policy is nested too deeply");
          return false;
        }
        ++i;
        continue;
      }
      line_start = false;
    }
    switch (c) {
      case '#':
        if (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n')
          while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
        break;
      case '"':
      case '\'':
        // A quote starts a quoted scalar only at the start of a value; inside a plain
        // scalar (reason == "x") it is a character, and its partner ends it on the line.
        quote = c;
        break;
      case '[':
      case '{':
        if (++flow_depth > max_flow_depth) {
          sink.error(static_cast<source_offset>(i),
                     "more than " + std::to_string(max_flow_depth) +
                         " nested [ ] or { }: the policy is nested too deeply");
          return false;
        }
        break;
      case ']':
      case '}':
        if (flow_depth > 0) --flow_depth;
        break;
      default:
        break;
    }
  }
  return true;
}

source_offset offset_of(const YAML::Mark& mark, std::size_t size) {
  if (mark.pos < 0) return 0;
  return static_cast<source_offset>(
      std::min<std::size_t>(static_cast<std::size_t>(mark.pos), size));
}

const char* kind_of(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Null:
      return "nothing";
    default:
      return "a value";
  }
}

class reader {
 public:
  reader(const source_text& source, diagnostic_sink& sink) : source_(source), sink_(sink) {}

  bool read(const YAML::Node& root, table_spec& out) {
    if (!root.IsMap()) {
      sink_.error(root.IsDefined() && !root.IsNull() ? at(root) : 0,
                  std::string("a policy is a mapping with 'rules:' (and 'name:', 'hit_policy:', "
                              "'default:', ...), found ") +
                      kind_of(root));
      return false;
    }
    std::vector<std::string> seen;
    bool have_rules = false;
    for (const auto& entry : root) {
      std::string key;
      if (!key_of(entry.first, seen, key)) continue;
      const YAML::Node& value = entry.second;
      const source_offset key_at = at(entry.first);
      if (key == "name") {
        located_text name;
        if (scalar(value, key_at, "name", name)) {
          if (name.text.empty() || name.text.size() > max_id_length)
            sink_.error(name.map.start(),
                        "name must be 1 to " + std::to_string(max_id_length) + " characters");
          out.name = name.text;
        }
      } else if (key == "description") {
        located_text ignored;
        (void)scalar(value, key_at, "description", ignored);
      } else if (key == "hit_policy") {
        located_text hits;
        if (scalar(value, key_at, "hit_policy", hits)) {
          out.hits_given = true;
          if (hits.text == "first")
            out.hits = rule_table::hit_policy::first;
          else if (hits.text == "priority")
            out.hits = rule_table::hit_policy::priority;
          else {
            constexpr std::string_view names[] = {"first", "priority"};
            sink_.error(hits.map.start(), "unknown hit_policy '" + hits.text + "'" +
                                              or_expected(hits.text, names, "first or priority"));
          }
        }
      } else if (key == "currency") {
        located_text code;
        if (scalar(value, key_at, "currency", code)) {
          arrears::currency c;
          out.currency_at = code.map.start();
          if (arrears::currency::try_from_code(code.text, c)) {
            out.currency = c;
          } else {
            std::vector<std::string_view> codes;
            for (const auto& e : detail::currency_table) codes.push_back(e.code);
            sink_.error(code.map.start(),
                        "unknown currency '" + code.text + "'" +
                            or_expected(code.text, codes, "an ISO 4217 code such as EUR"));
          }
        }
      } else if (key == "default") {
        read_action(value, key_at, default_keys, out.fallback, &out.fallback_note);
      } else if (key == "rules") {
        have_rules = true;
        out.rules_at = key_at;
        read_rules(value, key_at, out);
      } else {
        unknown_key(entry.first, key, top_keys, "at the top of a policy");
      }
    }
    if (!have_rules) sink_.error(0, "a policy needs 'rules:' (a list of rules)");
    return true;
  }

 private:
  source_offset at(const YAML::Node& node) const {
    return offset_of(node.Mark(), source_.text().size());
  }

  std::string or_expected(std::string_view name, std::span<const std::string_view> names,
                          const char* expected) {
    const std::string hint = detail::did_you_mean(name, names);
    return hint.empty() ? std::string("; expected ") + expected : hint;
  }

  /// The key's text; reports non-scalar and duplicate keys.
  bool key_of(const YAML::Node& key, std::vector<std::string>& seen, std::string& out) {
    if (!key.IsScalar()) {
      sink_.error(at(key), std::string("a key must be a name, found ") + kind_of(key));
      return false;
    }
    out = key.Scalar();
    for (const std::string& s : seen) {
      if (s == out) {
        sink_.error(at(key), "duplicate key '" + out + "'");
        return false;
      }
    }
    seen.push_back(out);
    return true;
  }

  void unknown_key(const YAML::Node& key, const std::string& name,
                   std::span<const std::string_view> known, const char* where) {
    std::string message = "unknown key '" + name + "' " + where;
    const std::string hint = detail::did_you_mean(name, known);
    if (name.find_first_of("()[]<>=+*/ ") != std::string::npos) {
      // `{when: min(a, b) > 1}`: in a flow mapping the comma ended the value.
      message +=
          ": it looks like the rest of an expression; inside { } a comma ends a value, "
          "so quote expressions that contain commas";
    } else if (!hint.empty()) {
      message += hint;
    } else {
      message += "; expected one of ";
      for (std::size_t i = 0; i < known.size(); ++i)
        message += (i == 0 ? "" : ", ") + std::string(known[i]);
    }
    sink_.error(at(key), std::move(message));
  }

  /// A single value; reports a missing value, a list or a mapping.
  bool scalar(const YAML::Node& value, source_offset key_at, const char* key, located_text& out) {
    out.key_at = key_at;
    if (value.IsNull()) {
      sink_.error(key_at, std::string("'") + key + "' has no value");
      return false;
    }
    if (!value.IsScalar()) {
      sink_.error(at(value),
                  std::string("'") + key + "' must be a single value, found " + kind_of(value));
      return false;
    }
    out.present = true;
    out.text = value.Scalar();
    out.map = scalar_map(source_.text(), at(value), out.text);
    return true;
  }

  template <class E>
  bool enum_value(const YAML::Node& value, source_offset key_at, const char* key, E& out) {
    located_text text;
    if (!scalar(value, key_at, key, text)) return false;
    if (enumerator_from_name(text.text, out)) return true;
    const auto names = enumerator_names<E>();
    std::string message = "unknown " + std::string(key) + " '" + text.text + "'";
    const std::string hint = detail::did_you_mean(text.text, names);
    if (!hint.empty()) {
      message += hint;
    } else {
      message += "; expected one of ";
      for (std::size_t i = 0; i < names.size(); ++i)
        message += (i == 0 ? "" : ", ") + std::string(names[i]);
    }
    sink_.error(text.map.start(), std::move(message));
    return false;
  }

  void read_action(const YAML::Node& value, source_offset key_at,
                   std::span<const std::string_view> keys, action_spec& out, located_text* note) {
    out.present = true;
    out.at = key_at;
    if (value.IsScalar()) {  // `then: remind` is short for `then: {action: remind}`
      read_action_name(value, key_at, out);
      return;
    }
    if (!value.IsMap()) {
      sink_.error(value.IsNull() ? key_at : at(value),
                  std::string("expected an action: a name, or a mapping with 'action:' and its "
                              "parameters; found ") +
                      kind_of(value));
      return;
    }
    out.at = at(value);
    std::vector<std::string> seen;
    bool have_action = false;
    for (const auto& entry : value) {
      std::string key;
      if (!key_of(entry.first, seen, key)) continue;
      const source_offset k = at(entry.first);
      const YAML::Node& v = entry.second;
      if (key == "action") {
        have_action = true;
        read_action_name(v, k, out);
      } else if (key == "channel") {
        arrears::channel c{};
        if (enum_value(v, k, "channel", c)) out.channel = c;
      } else if (key == "letter") {
        letter_kind l{};
        if (enum_value(v, k, "letter", l)) out.letter = l;
      } else if (key == "interval") {
        instalment_interval i{};
        out.interval_at = k;
        if (enum_value(v, k, "interval", i)) out.interval = i;
      } else if (key == "note" && note != nullptr) {
        if (scalar(v, k, "note", *note) && note->text.size() > max_note_length)
          sink_.error(note->map.start(),
                      "note is longer than " + std::to_string(max_note_length) + " characters");
      } else if (const auto p = parameter_named(key);
                 p && (*p != parameter::next_review || note != nullptr)) {
        if (scalar(v, k, key.c_str(), out.parameters[static_cast<std::size_t>(*p)]))
          out.order.push_back(*p);
      } else {
        unknown_key(entry.first, key, keys,
                    note != nullptr ? "in 'default'"
                                    : "in 'then' (next_review and note belong to the rule)");
      }
    }
    if (!have_action) sink_.error(out.at, "missing 'action:' (e.g. action: remind)");
  }

  static std::optional<parameter> parameter_named(std::string_view key) {
    for (std::size_t i = 0; i < parameter_count; ++i)
      if (key == parameter_key(static_cast<parameter>(i))) return static_cast<parameter>(i);
    return std::nullopt;
  }

  void read_action_name(const YAML::Node& value, source_offset key_at, action_spec& out) {
    located_text name;
    if (!scalar(value, key_at, "action", name)) return;
    out.action_at = name.map.start();
    if (action_from_name(name.text, out.kind)) {
      out.kind_known = true;
      return;
    }
    std::vector<std::string_view> names;
    for (int i = 0; i < action_count; ++i) names.emplace_back(action_name(static_cast<action>(i)));
    std::string message = "unknown action '" + name.text + "'";
    const std::string hint = detail::did_you_mean(name.text, names);
    message += hint.empty() ? " (docs/policy-language.md lists the actions)" : hint;
    sink_.error(name.map.start(), std::move(message));
  }

  void read_rules(const YAML::Node& value, source_offset key_at, table_spec& out) {
    if (value.IsNull()) return;  // `rules:` with nothing: a table of no rules (warned later)
    if (!value.IsSequence()) {
      sink_.error(at(value), std::string("'rules' must be a list of rules (each starting "
                                         "with '- id:'), found ") +
                                 kind_of(value));
      return;
    }
    if (value.size() > max_rule_count) {
      sink_.error(key_at, "more than " + std::to_string(max_rule_count) + " rules");
      return;
    }
    for (const auto& item : value) {
      if (!item.IsMap()) {
        sink_.error(item.IsNull() ? key_at : at(item),
                    std::string("a rule is a mapping with 'id:', 'when:' and 'then:', found ") +
                        kind_of(item));
        continue;
      }
      rule_spec rule;
      rule.at = at(item);
      std::vector<std::string> seen;
      for (const auto& entry : item) {
        std::string key;
        if (!key_of(entry.first, seen, key)) continue;
        const source_offset k = at(entry.first);
        const YAML::Node& v = entry.second;
        if (key == "id") {
          (void)scalar(v, k, "id", rule.id);
        } else if (key == "when") {
          (void)scalar(v, k, "when", rule.when);
        } else if (key == "then") {
          read_action(v, k, then_keys, rule.then, nullptr);
        } else if (key == "next_review") {
          if (scalar(v, k, "next_review",
                     rule.then.parameters[static_cast<std::size_t>(parameter::next_review)]))
            rule.then.order.push_back(parameter::next_review);
        } else if (key == "note") {
          if (scalar(v, k, "note", rule.note) && rule.note.text.size() > max_note_length)
            sink_.error(rule.note.map.start(),
                        "note is longer than " + std::to_string(max_note_length) + " characters");
        } else if (key == "priority") {
          located_text p;
          if (scalar(v, k, "priority", p)) {
            std::int64_t n = 0;
            const char* first = p.text.data();
            if (!p.text.empty() && p.text.front() == '+') ++first;
            const auto [end, ec] = std::from_chars(first, p.text.data() + p.text.size(), n);
            if (ec != std::errc{} || end != p.text.data() + p.text.size() || n < -1'000'000 ||
                n > 1'000'000)
              sink_.error(p.map.start(),
                          "priority must be a whole number from -1000000 to "
                          "1000000, found '" +
                              p.text + "'");
            else
              rule.priority = n;
            rule.priority_at = p.map.start();
          }
        } else {
          unknown_key(entry.first, key, rule_keys, "in a rule");
        }
      }
      if (!rule.id.present) sink_.error(rule.at, "a rule needs an 'id:'");
      if (!rule.when.present && std::find(seen.begin(), seen.end(), "when") == seen.end())
        sink_.error(rule.at,
                    "rule needs a 'when:' (write 'when: true' for a rule that always applies)");
      if (!rule.then.present) sink_.error(rule.at, "rule needs a 'then:' with its action");
      out.rules.push_back(std::move(rule));
    }
  }

  const source_text& source_;
  diagnostic_sink& sink_;
};

}  // namespace

bool read_table_spec(const source_text& source, diagnostic_sink& sink, table_spec& out) {
  if (!guard_structure(source, sink)) return false;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(source.text()));
  } catch (const YAML::ParserException& e) {
    sink.error(offset_of(e.mark, source.text().size()), "not valid YAML: " + e.msg);
    return false;
  } catch (const YAML::Exception& e) {
    sink.error(offset_of(e.mark, source.text().size()), "not valid YAML: " + e.msg);
    return false;
  }
  try {
    reader r(source, sink);
    return r.read(root, out);
  } catch (const YAML::Exception& e) {
    // yaml-cpp throws while walking only for documents it built inconsistently; report
    // rather than crash.
    sink.error(offset_of(e.mark, source.text().size()), "cannot read the policy: " + e.msg);
    return false;
  }
}

}  // namespace arrears::detail::rules
