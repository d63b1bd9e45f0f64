#pragma once
// The latest contacts with a debtor, for contact caps ("at most three contacts a week").
// A fixed window, so keeping it never allocates.

#include <arrears/core/date.hpp>

#include <array>
#include <cstddef>
#include <span>

namespace arrears {

/// The dates of the last `capacity` contacts (reminders, letters, calls made), oldest first.
/// Contacts are recorded in date order, as case events arrive.
class contact_log {
 public:
  static constexpr std::size_t capacity = 8;

  void record(date on) noexcept {
    if (size_ == capacity) {
      for (std::size_t i = 1; i < capacity; ++i) days_[i - 1] = days_[i];
      --size_;
    }
    days_[size_++] = on;
  }
  /// Contacts on days in [first, last]. Exact as long as fewer than `capacity` contacts fall
  /// in the window (at least `capacity` otherwise), which is all a weekly cap needs.
  [[nodiscard]] int count_between(date first, date last) const noexcept {
    int count = 0;
    for (std::size_t i = 0; i < size_; ++i)
      if (days_[i] >= first && days_[i] <= last) ++count;
    return count;
  }
  [[nodiscard]] std::span<const date> days() const noexcept { return {days_.data(), size_}; }

  friend bool operator==(const contact_log& a, const contact_log& b) noexcept {
    if (a.size_ != b.size_) return false;
    for (std::size_t i = 0; i < a.size_; ++i)
      if (a.days_[i] != b.days_[i]) return false;
    return true;
  }

 private:
  std::array<date, capacity> days_{};
  std::size_t size_ = 0;
};

}  // namespace arrears
