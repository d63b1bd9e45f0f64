#pragma once
// The reasons of a decision: a sequence that keeps the storage of its cleared reasons, so a
// decision reused for case after case stops allocating once it has seen the largest one.

#include <arrears/policy/fact_schema.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace arrears {

/// A fact a decision read, with the value it had.
struct fact_reading {
  fact_index fact = 0;
  std::int64_t value = 0;
  friend bool operator==(const fact_reading&, const fact_reading&) = default;
};

/// Why: the rule or playbook step that fired ("playbook.first_reminder", a rule id,
/// "guard.contact_cap", "experiment.arm"), words where the rule has them, and each fact it
/// read with its value.
struct decision_reason {
  std::string rule;
  std::string note;
  std::vector<fact_reading> facts;
  friend bool operator==(const decision_reason&, const decision_reason&) = default;
};

/// A vector-like list of reasons. clear() only forgets how many there are; add() hands back a
/// kept reason with its strings and readings emptied but their buffers intact.
class reason_list {
 public:
  using value_type = decision_reason;
  using iterator = decision_reason*;
  using const_iterator = const decision_reason*;

  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] decision_reason& operator[](std::size_t i) noexcept { return items_[i]; }
  [[nodiscard]] const decision_reason& operator[](std::size_t i) const noexcept {
    return items_[i];
  }
  [[nodiscard]] decision_reason& front() noexcept { return items_[0]; }
  [[nodiscard]] const decision_reason& front() const noexcept { return items_[0]; }
  [[nodiscard]] decision_reason& back() noexcept { return items_[size_ - 1]; }
  [[nodiscard]] const decision_reason& back() const noexcept { return items_[size_ - 1]; }
  [[nodiscard]] iterator begin() noexcept { return items_.data(); }
  [[nodiscard]] iterator end() noexcept { return items_.data() + size_; }
  [[nodiscard]] const_iterator begin() const noexcept { return items_.data(); }
  [[nodiscard]] const_iterator end() const noexcept { return items_.data() + size_; }

  /// Appends a reason for `rule` (empty note, no readings) and returns it.
  decision_reason& add(std::string_view rule) {
    if (size_ == items_.size()) items_.emplace_back();
    decision_reason& reason = items_[size_++];
    reason.rule.assign(rule);
    reason.note.clear();
    reason.facts.clear();
    return reason;
  }
  /// Forgets the reasons, keeping their storage.
  void clear() noexcept { size_ = 0; }

  /// The same reasons in the same order (kept storage does not count).
  friend bool operator==(const reason_list& a, const reason_list& b) noexcept {
    if (a.size_ != b.size_) return false;
    for (std::size_t i = 0; i < a.size_; ++i)
      if (!(a.items_[i] == b.items_[i])) return false;
    return true;
  }

 private:
  std::vector<decision_reason> items_;  ///< the first size_ are the reasons
  std::size_t size_ = 0;
};

}  // namespace arrears
