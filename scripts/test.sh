#!/usr/bin/env bash
# The whole check, as CI runs it (.ci/run): install what is missing; build with
# -Wall -Wextra -Werror and run every test (ci preset); then build and run everything
# again under AddressSanitizer + UndefinedBehaviorSanitizer (asan preset). Stops at the
# first failure with a non-zero exit.
#
#   bash scripts/test.sh              (as root on a fresh Debian bookworm, from anywhere)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
jobs="${ARREARS_JOBS:-$(nproc)}"

banner() {
  printf '\n==== %s ====\n' "$*"
}

banner "dependencies"
bash scripts/install-deps.sh

banner "ci: configure (RelWithDebInfo, warnings are errors)"
cmake --preset ci
banner "ci: build (-j${jobs})"
cmake --build --preset ci --parallel "$jobs"
banner "ci: test"
ctest --preset ci --output-on-failure --parallel "$jobs"

banner "asan: configure (Debug -O1, ASan + UBSan, warnings are errors)"
cmake --preset asan
banner "asan: build (-j${jobs})"
cmake --build --preset asan --parallel "$jobs"

# Set here rather than in the asan test preset so that the fallback below can change them
# (a preset's environment would override ours).
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# LeakSanitizer suspends the checked process with ptrace, so it cannot run in a process
# that is already being traced (under gdb or strace, or in sandboxes and CI runners that
# trace their jobs): every sanitized program then dies with "LeakSanitizer has
# encountered a fatal error", which says nothing about arrears. Probe with a sanitized
# program that leaks nothing and turn leak checking off, loudly, only in that case. It
# works on an ordinary Debian machine or container, where this script was written.
if ! probe_output=$(build/asan/arrears --version 2>&1); then
  if grep -q "LeakSanitizer has encountered a fatal error" <<<"$probe_output"; then
    echo "WARNING: LeakSanitizer cannot run in this environment (process is traced);" \
      "running the sanitizer stage with detect_leaks=0." >&2
    export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1"
  else
    echo "$probe_output" >&2
    echo "test.sh: the sanitized arrears --version failed" >&2
    exit 1
  fi
fi

banner "asan: test (ASAN_OPTIONS=${ASAN_OPTIONS} UBSAN_OPTIONS=${UBSAN_OPTIONS})"
ctest --preset asan --output-on-failure --parallel "$jobs"

banner "all stages passed"
