#pragma once
// any_policy: any type satisfying `policy`, behind one value type. Copies share the same
// immutable policy, so handing one to many threads is cheap and safe.

#include <arrears/policy/decision.hpp>
#include <arrears/policy/facts.hpp>
#include <arrears/policy/policy.hpp>

#include <concepts>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace arrears {

class any_policy {
 public:
  /// Wraps a policy. `name` appears in explanations and CLI output; by default the policy's
  /// own name() when it has one, else "custom".
  template <policy P>
  requires(!std::same_as<std::remove_cvref_t<P>, any_policy>) explicit any_policy(
      P p, std::string name = {})
      : self_(std::make_shared<const model<P>>(std::move(p), std::move(name))) {}

  [[nodiscard]] decision decide(const facts& f) const {
    decision out;
    self_->decide_into(f, out);
    return out;
  }
  /// Clears `out` and fills it, reusing its storage.
  void decide_into(const facts& f, decision& out) const {
    out.clear();
    self_->decide_into(f, out);
  }
  [[nodiscard]] std::string_view name() const noexcept { return self_->name(); }

 private:
  struct concept_base {
    virtual ~concept_base() = default;
    virtual void decide_into(const facts& f, decision& out) const = 0;
    [[nodiscard]] virtual std::string_view name() const noexcept = 0;
  };
  template <class P>
  struct model final : concept_base {
    model(P p, std::string given_name) : policy(std::move(p)), name_(std::move(given_name)) {
      if (name_.empty()) {
        if constexpr (requires { std::string_view(policy.name()); })
          name_ = std::string(policy.name());
        else
          name_ = "custom";
      }
    }
    void decide_into(const facts& f, decision& out) const override {
      if constexpr (reusing_policy<P>)
        policy.decide_into(f, out);
      else
        out = policy.decide(f);
    }
    [[nodiscard]] std::string_view name() const noexcept override { return name_; }
    P policy;
    std::string name_;
  };
  std::shared_ptr<const concept_base> self_;
};

}  // namespace arrears
