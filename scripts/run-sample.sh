#!/usr/bin/env bash
# Installs what is missing, builds the arrears tool (release preset) and replays the
# bundled sample events in data/sample/, printing each case's state and history.
# Arguments are passed on to `arrears replay`.
#
#   bash scripts/run-sample.sh        (as root on a fresh Debian bookworm, from anywhere)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
jobs="${ARREARS_JOBS:-2}"

bash scripts/install-deps.sh

echo "==== build: release preset, arrears tool only (-j${jobs}) ===="
cmake --preset release
cmake --build --preset release --target arrears_cli --parallel "$jobs"

# The repository's data/, not a copy installed earlier under /usr/local/share/arrears.
export ARREARS_DATA_DIR="${ARREARS_DATA_DIR:-$PWD/data}"

echo "==== run: arrears replay (the sample cases and their histories) ===="
build/release/arrears replay "$@"

echo "==== run: arrears decide (what the playbook does next for each case, and why) ===="
build/release/arrears decide --events data/sample/events.jsonl --policy playbook \
  --today 2025-06-02 --jurisdiction nl
