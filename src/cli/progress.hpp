#pragma once
// Progress of a long stage on standard error, only when it is a terminal: "deciding:
// 120000 of 200000 cases". Silent for the first second, so short runs print nothing, and
// at most five updates a second. Private to src/cli.

#include <fmt/core.h>

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

#include <unistd.h>

namespace arrears::cli {

class progress {
 public:
  progress(std::string_view stage, std::size_t total, std::string_view unit)
      : stage_(stage), unit_(unit), total_(total), active_(isatty(STDERR_FILENO) == 1) {}
  progress(const progress&) = delete;
  progress& operator=(const progress&) = delete;
  ~progress() {
    if (shown_) fmt::print(stderr, "\r{:<{}}\r", "", width_);
  }

  /// `done` items of the total are finished.
  void update(std::size_t done) {
    if (!active_ || (done & 1023) != 0) return;
    const auto now = clock::now();
    if (now - start_ < std::chrono::seconds(1) || now - last_ < std::chrono::milliseconds(200))
      return;
    last_ = now;
    const std::string line = fmt::format("{}: {} of {} {}", stage_, done, total_, unit_);
    width_ = std::max(width_, line.size());
    fmt::print(stderr, "\r{}", line);
    std::fflush(stderr);
    shown_ = true;
  }

 private:
  using clock = std::chrono::steady_clock;
  std::string stage_;
  std::string unit_;
  std::size_t total_;
  bool active_;
  bool shown_ = false;
  std::size_t width_ = 0;
  clock::time_point start_ = clock::now();
  clock::time_point last_{};
};

}  // namespace arrears::cli
