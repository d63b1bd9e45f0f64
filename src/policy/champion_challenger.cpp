// Champion/challenger experiments: stable assignment of cases to arms.

#include <arrears/core/error.hpp>
#include <arrears/policy/champion_challenger.hpp>

#include <algorithm>
#include <utility>

namespace arrears {
namespace {

constexpr int bucket_count = 1000;
constexpr std::string_view control_rule = "experiment.control";

constexpr std::uint64_t fnv_offset_basis = 0xcbf29ce484222325ULL;
constexpr std::uint64_t fnv_prime = 0x100000001b3ULL;

constexpr std::uint64_t fnv1a(std::uint64_t hash, std::string_view bytes) noexcept {
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= fnv_prime;
  }
  return hash;
}

// FNV-1a alone leaves the low bits weakly mixed for ids that differ only in their last
// characters ("C-1001", "C-1002"); the SplitMix64 finaliser spreads every input bit.
constexpr std::uint64_t splitmix64_finalise(std::uint64_t z) noexcept {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

[[noreturn]] void refuse(std::string_view experiment_id, const std::string& what) {
  throw error(errc::invalid_argument, "experiment '" + std::string(experiment_id) + "': " + what);
}

}  // namespace

std::uint64_t champion_challenger::assignment_hash(std::string_view experiment_id,
                                                   std::string_view case_id) noexcept {
  std::uint64_t hash = fnv1a(fnv_offset_basis, experiment_id);
  hash = fnv1a(hash, std::string_view("\0", 1));  // ("ab", "c") and ("a", "bc") differ
  hash = fnv1a(hash, case_id);
  return splitmix64_finalise(hash);
}

int champion_challenger::bucket(std::string_view experiment_id, std::string_view case_id) noexcept {
  return static_cast<int>(assignment_hash(experiment_id, case_id) % bucket_count);
}

champion_challenger::champion_challenger(std::string experiment_id,
                                         std::vector<experiment_arm> arms)
    : experiment_id_(std::move(experiment_id)), arms_(std::move(arms)) {
  if (experiment_id_.empty())
    throw error(errc::invalid_argument, "experiment: the experiment id must not be empty");
  if (arms_.empty()) refuse(experiment_id_, "no arms; expected at least one");
  long long total = 0;  // of shares each at most 1000: cannot overflow
  for (std::size_t i = 0; i < arms_.size(); ++i) {
    const experiment_arm& arm = arms_[i];
    if (arm.name.empty()) refuse(experiment_id_, "arm " + std::to_string(i + 1) + " has no name");
    for (std::size_t j = 0; j < i; ++j)
      if (arms_[j].name == arm.name)
        refuse(experiment_id_, "two arms are called '" + arm.name + "'");
    if (arm.share_per_mille < 0 || arm.share_per_mille > bucket_count)
      refuse(experiment_id_, "arm '" + arm.name + "' has share " +
                                 std::to_string(arm.share_per_mille) +
                                 " per mille; expected 0 to 1000");
    total += arm.share_per_mille;
  }
  if (total != bucket_count)
    refuse(experiment_id_,
           "the arms' shares sum to " + std::to_string(total) + " per mille; expected 1000");
  int end = 0;
  bucket_ends_.reserve(arms_.size());
  for (const auto& arm : arms_) bucket_ends_.push_back(end += arm.share_per_mille);

  name_ = "experiment " + experiment_id_;
  reason_rule_ = "experiment." + experiment_id_;
  notes_.reserve(arms_.size());
  for (const auto& arm : arms_)
    notes_.push_back("arm '" + arm.name + "' (" + std::to_string(arm.share_per_mille) +
                     " per mille" + (arm.policy ? "" : ", control: no action") + ")");
}

std::size_t champion_challenger::arm_of(std::string_view case_id) const noexcept {
  const int b = bucket(experiment_id_, case_id);
  // The first arm whose range ends after the bucket; zero-share arms own an empty range.
  const auto it = std::upper_bound(bucket_ends_.begin(), bucket_ends_.end(), b);
  return static_cast<std::size_t>(it - bucket_ends_.begin());
}

decision champion_challenger::decide(const facts& f) const {
  decision out;
  decide_into(f, out);
  return out;
}

void champion_challenger::decide_into(const facts& f, decision& out) const {
  const std::size_t index = arm_of(f.case_id);
  const experiment_arm& arm = arms_[index];
  if (arm.policy) {
    arm.policy->decide_into(f, out);
  } else {
    out.kind = action::none;
    out.currency = f.currency;
    out.add_reason(control_rule).note.assign("control arm: no action is taken");
  }
  out.arm.assign(arm.name);
  out.add_reason(reason_rule_).note.assign(notes_[index]);
}

}  // namespace arrears
