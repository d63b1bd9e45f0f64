#pragma once
// For the crash test (tests/cli/kill_during_write.sh): ARREARS_TEST_KILL_AFTER_APPENDS=N
// kills the process with SIGKILL after the N-th event a command appends to the store, in
// the middle of its write. Private to src/cli.

#include <csignal>
#include <cstdlib>

namespace arrears::cli {

class kill_switch {
 public:
  kill_switch() {
    const char* value = std::getenv("ARREARS_TEST_KILL_AFTER_APPENDS");
    limit_ = value == nullptr ? -1 : std::strtol(value, nullptr, 10);
  }
  /// Counts one append; kills the process at the limit.
  void appended() {
    if (++count_ == limit_) std::raise(SIGKILL);
  }

 private:
  long limit_ = -1;
  long count_ = 0;
};

}  // namespace arrears::cli
