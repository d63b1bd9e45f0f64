#!/usr/bin/env bash
# Installs what is missing, builds the arrears tool (release preset) and runs the main job,
# `arrears run`, on the bundled sample in data/sample/ (about 200 debtors, in a temporary
# store): it reconciles the sample's books, decides today's action for every case and
# prints the worklist. Arguments are passed on to `arrears run` (e.g. --letters DIR).
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

echo "==== run: arrears run (the bundled sample: today's worklist, highest priority first) ===="
build/release/arrears run "$@"
