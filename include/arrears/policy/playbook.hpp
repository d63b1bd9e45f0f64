#pragma once
// playbook: the collection playbook (../shared/domain/playbook.md) as a policy. Find the
// reason, treat it, keep the relationship where it is worth more than being strict.
// docs/playbook.md lists its steps in the order they are tried, with every parameter.

#include <arrears/policy/decision.hpp>
#include <arrears/policy/facts.hpp>
#include <arrears/policy/playbook_parameters.hpp>

#include <string_view>

namespace arrears {

/// The built-in default policy. Decides from the facts alone; immutable after construction,
/// so one object may serve many threads.
class playbook {
 public:
  /// The playbook with its default parameters.
  playbook();
  /// Throws error{errc::invalid_argument} naming the first parameter outside its range.
  explicit playbook(playbook_parameters parameters);

  /// The decision for `f`: one action, its parameters, the next review (always after
  /// `f.today` unless the case is closed) and one reason `playbook.<step>` with the facts
  /// that step read.
  [[nodiscard]] decision decide(const facts& f) const;
  /// The same into `out`, which arrives cleared (decision::clear); allocates nothing once
  /// `out` has held a decision at least as large.
  void decide_into(const facts& f, decision& out) const;

  [[nodiscard]] static constexpr std::string_view name() noexcept { return "playbook"; }
  [[nodiscard]] const playbook_parameters& parameters() const noexcept { return parameters_; }

 private:
  playbook_parameters parameters_;
};

}  // namespace arrears
