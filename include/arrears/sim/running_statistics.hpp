#pragma once
// Mean and variance of a sample in one pass (Welford), mergeable (Chan, Golub and LeVeque), and
// the mean's 95 % confidence interval by the central limit theorem.

#include <cmath>
#include <cstdint>

namespace arrears::sim {

/// Accumulates values one at a time without keeping them. Merging is exact in exact
/// arithmetic; in floating point the result depends on the order, so a reproducible total
/// merges parts in a fixed order.
class running_statistics {
 public:
  void add(double value) noexcept {
    ++count_;
    const double deviation = value - mean_;
    mean_ += deviation / static_cast<double>(count_);
    sum_of_squared_deviations_ += deviation * (value - mean_);
  }

  /// Adds everything `later` has accumulated, as if its values had been added after ours.
  void merge(const running_statistics& later) noexcept {
    if (later.count_ == 0) return;
    if (count_ == 0) {
      *this = later;
      return;
    }
    const double ours = static_cast<double>(count_);
    const double theirs = static_cast<double>(later.count_);
    const double total = ours + theirs;
    const double difference = later.mean_ - mean_;
    mean_ += difference * theirs / total;
    sum_of_squared_deviations_ +=
        later.sum_of_squared_deviations_ + difference * difference * ours * theirs / total;
    count_ += later.count_;
  }

  [[nodiscard]] std::uint64_t count() const noexcept { return count_; }
  [[nodiscard]] double mean() const noexcept { return mean_; }
  /// The unbiased sample variance; 0 with fewer than two values.
  [[nodiscard]] double sample_variance() const noexcept {
    return count_ < 2 ? 0.0 : sum_of_squared_deviations_ / static_cast<double>(count_ - 1);
  }

 private:
  std::uint64_t count_ = 0;
  double mean_ = 0;
  double sum_of_squared_deviations_ = 0;
};

/// The 0.975 quantile of the standard normal distribution.
inline constexpr double standard_normal_quantile_975 = 1.959963984540054;

/// A sample mean with its standard error and 95 % confidence interval.
struct estimate {
  double mean = 0;
  double standard_error = 0;
  double ci95_low = 0;
  double ci95_high = 0;
};

/// mean +- 1.96 x sqrt(sample variance / count). Meaningful from two values on (with fewer the
/// interval has zero width).
[[nodiscard]] inline estimate estimate_mean(const running_statistics& sample) noexcept {
  const double standard_error =
      sample.count() == 0
          ? 0.0
          : std::sqrt(sample.sample_variance() / static_cast<double>(sample.count()));
  const double half_width = standard_normal_quantile_975 * standard_error;
  return {sample.mean(), standard_error, sample.mean() - half_width, sample.mean() + half_width};
}

}  // namespace arrears::sim
