#!/usr/bin/env bash
# A write killed at any point leaves the store as it was before it or after it, never in
# between (docs/store.md). Usage: kill_during_write.sh ARREARS_BINARY EVENTS.jsonl WORKDIR
set -u
arrears=$1
events=$2
work=$3
rm -rf "$work" && mkdir -p "$work"
store=$work/store.db
fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. Killed (SIGKILL) in the middle of the write, after 30 of the events were appended.
ARREARS_TEST_KILL_AFTER_APPENDS=30 "$arrears" ingest "$events" --store "$store" 2>/dev/null
status=$?
[ "$status" -eq 137 ] || fail "the ingest was not killed (exit $status)"
# Nothing of it may be in the store: the same stream goes in whole.
"$arrears" ingest "$events" --store "$store" 2>"$work/rerun.txt" \
  || fail "re-run after the kill failed: $(cat "$work/rerun.txt")"
total=$(sed -n 's/.*appended to .*; it holds \([0-9]*\) events.*/\1/p' "$work/rerun.txt")
expected=$(grep -c '^{' "$events")
[ "$total" = "$expected" ] || fail "store holds $total events after the re-run, expected $expected"
# And all of it is there: a third ingest of the same events is refused and writes nothing.
if "$arrears" ingest "$events" --store "$store" 2>/dev/null; then
  fail "the same events were accepted twice"
fi

# 2. Killed at an arbitrary moment of a longer write: before or after, never in between.
big=$work/big.jsonl
for i in $(seq 1 200); do sed "s/\"case\":\"\([^\"]*\)\"/\"case\":\"\1-$i\"/" "$events"; done > "$big"
store2=$work/store2.db
"$arrears" ingest "$big" --store "$store2" 2>/dev/null &
pid=$!
sleep 0.3
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
if "$arrears" ingest "$big" --store "$store2" 2>"$work/rerun2.txt"; then
  echo "killed before the commit: the re-run wrote everything"
else
  grep -q "dated before\|already holds\|duplicate" "$work/rerun2.txt" \
    || fail "after the kill the store is neither before nor after: $(cat "$work/rerun2.txt")"
  echo "killed after the commit: everything was already there"
fi
echo "ok"
