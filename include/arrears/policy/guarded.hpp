#pragma once
// guarded<P>: another policy, with the compliance guards of guard_rules applied to every
// decision it makes. Itself a policy, so it composes: guarded<any_policy>,
// guarded<rule_table>, any_policy(guarded<playbook>{...}).

#include <arrears/policy/decision.hpp>
#include <arrears/policy/facts.hpp>
#include <arrears/policy/guard_rules.hpp>
#include <arrears/policy/policy.hpp>

#include <string>
#include <string_view>
#include <utility>

namespace arrears {

/// `P` decides; the guards then veto or postpone (apply_guards). Thread-safe to decide from
/// as `P` is; copies copy `P` and share the calendar.
template <policy P>
class guarded {
 public:
  /// Throws error{errc::invalid_argument} for rules validate_guard_rules refuses.
  explicit guarded(P inner, guard_rules rules = {})
      : inner_(std::move(inner)), rules_(std::move(rules)) {
    validate_guard_rules(rules_);
    if constexpr (requires { std::string_view(inner_.name()); })
      name_ = "guarded(" + std::string(inner_.name()) + ")";
    else
      name_ = "guarded(custom)";
  }

  /// The inner policy's decision with the guards applied.
  [[nodiscard]] decision decide(const facts& f) const {
    decision out;
    decide_into(f, out);
    return out;
  }
  /// As decide, into `out`, which arrives cleared (reusing_policy); allocates no more than
  /// the inner policy does, unless a guard fires.
  void decide_into(const facts& f, decision& out) const {
    if constexpr (reusing_policy<P>)
      inner_.decide_into(f, out);
    else
      out = inner_.decide(f);
    apply_guards(rules_, f, out);
  }

  /// "guarded(<inner policy's name>)".
  [[nodiscard]] std::string_view name() const noexcept { return name_; }
  [[nodiscard]] const P& inner() const noexcept { return inner_; }
  [[nodiscard]] const guard_rules& rules() const noexcept { return rules_; }

 private:
  P inner_;
  guard_rules rules_;
  std::string name_;
};

}  // namespace arrears
