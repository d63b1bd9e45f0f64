#pragma once
// champion_challenger: an experiment that splits cases over arms (the champion policy, one or
// more challengers, a no-action control) by a stable hash, so a case stays in its arm from
// review to review, on every machine and in every version of arrears.

#include <arrears/policy/any_policy.hpp>
#include <arrears/policy/decision.hpp>
#include <arrears/policy/facts.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace arrears {

/// One arm of an experiment.
struct experiment_arm {
  /// Recorded in decision.arm; unique within the experiment, not empty.
  std::string name;
  /// The arm's share of cases in per mille; the shares of an experiment sum to 1000. A share
  /// of 0 keeps the arm declared while it receives no cases.
  int share_per_mille = 0;
  /// The arm's policy; empty for a control arm, which decides `none` for all its cases.
  std::optional<any_policy> policy;
};

/// A policy that assigns each case to an arm and lets the arm's policy decide.
///
/// Assignment: h = FNV-1a 64 over the bytes of the experiment id, one zero byte, and the
/// bytes of the case id; then SplitMix64's finaliser mixes h; the case's bucket is
/// h mod 1000; the arms own consecutive bucket ranges in declaration order, each as wide as
/// its share. Nothing depends on the platform, the library version or the other arms' names,
/// so a case keeps its arm as long as the experiment id and the shares before it do.
///
/// The decision is the arm's (the arm's policy decides first), with decision.arm set to
/// the arm's name and a reason "experiment.<experiment id>" whose note names the arm. A
/// control arm decides `none` without a next review, with a reason "experiment.control"
/// before it. Thread-safe; copies share the arms' policies.
class champion_challenger {
 public:
  /// Throws error{errc::invalid_argument} for an empty experiment id, no arms, an arm
  /// without a name or with a name used twice, a negative share, or shares that do not sum
  /// to 1000.
  champion_challenger(std::string experiment_id, std::vector<experiment_arm> arms);

  [[nodiscard]] decision decide(const facts& f) const;
  /// As decide, into `out`, which arrives cleared; allocates no more than the arm's policy
  /// once `out` is warm.
  void decide_into(const facts& f, decision& out) const;

  /// "experiment <id>".
  [[nodiscard]] std::string_view name() const noexcept { return name_; }
  [[nodiscard]] std::string_view experiment_id() const noexcept { return experiment_id_; }
  [[nodiscard]] std::span<const experiment_arm> arms() const noexcept { return arms_; }
  /// The index in arms() of the arm case `case_id` is assigned to.
  [[nodiscard]] std::size_t arm_of(std::string_view case_id) const noexcept;

  /// The case's bucket in 0..999 (see the class comment).
  [[nodiscard]] static int bucket(std::string_view experiment_id,
                                  std::string_view case_id) noexcept;
  /// The mixed hash the bucket is taken from.
  [[nodiscard]] static std::uint64_t assignment_hash(std::string_view experiment_id,
                                                     std::string_view case_id) noexcept;

 private:
  std::string experiment_id_;
  std::vector<experiment_arm> arms_;
  std::string name_;
  std::string reason_rule_;         ///< "experiment.<id>", built once
  std::vector<std::string> notes_;  ///< per arm, built once so deciding does not format
  std::vector<int> bucket_ends_;    ///< arm i owns buckets [end(i-1), end(i))
};

}  // namespace arrears
