#!/usr/bin/env bash
# The daily run against a store (docs/run.md): a second run on the same day proposes nothing
# twice, `done` records the action and takes it off the list, `explain` shows it, letters
# are written and auto-confirmed, and a run killed in the middle of its write leaves the
# store as it was. Usage: daily_run.sh ARREARS_BINARY LEDGER.csv DEBTORS.csv WORKDIR
set -u
arrears=$1
ledger=$2
debtors=$3
work=$4
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
run() { "$arrears" run --ledger "$ledger" --debtors "$debtors" --today 2025-03-10 "$@"; }

# 1. The first run proposes today's actions, each with an id.
store=$work/books.db
run --store "$store" --csv > "$work/first.csv" 2> "$work/first.err" || fail "first run: $(cat "$work/first.err")"
grep -q '^1,D-1,.*,remind,1510.00,755.00,EUR,.*,new$' "$work/first.csv" || fail "first run: $(cat "$work/first.csv")"
grep -q '^2,D-2,.*,remind,99.95,' "$work/first.csv" || fail "first run: $(cat "$work/first.csv")"
grep -q '2 actions (2 new' "$work/first.err" || fail "first run summary: $(cat "$work/first.err")"

# 2. The same day again: the same actions under the same ids, nothing recorded twice.
run --store "$store" --csv > "$work/second.csv" 2> "$work/second.err" || fail "second run"
grep -q '^1,D-1,.*,proposed earlier today$' "$work/second.csv" || fail "second run: $(cat "$work/second.csv")"
grep -q '2 actions (0 new' "$work/second.err" || fail "second run summary: $(cat "$work/second.err")"
grep -q '0 events for the books' "$work/second.err" || fail "the books were applied twice: $(cat "$work/second.err")"

# 3. Done: the reminder is recorded on the case, and the action leaves the list.
"$arrears" done 1 --store "$store" --on 2025-03-10 --actor anna --note "sent by email" > "$work/done.txt" \
  || fail "done: $(cat "$work/done.txt")"
grep -q 'action 1 done: remind for case .D-1. on 2025-03-10; recorded reminder_sent' "$work/done.txt" \
  || fail "done: $(cat "$work/done.txt")"
if "$arrears" done 1 --store "$store" 2> "$work/twice.err"; then fail "an action was done twice"; fi
grep -q 'already done on 2025-03-10 by anna' "$work/twice.err" || fail "done twice: $(cat "$work/twice.err")"
run --store "$store" --csv > "$work/third.csv" 2>/dev/null || fail "third run"
grep -q ',D-1,[^,]*,remind,' "$work/third.csv" && fail "the done action was proposed again: $(cat "$work/third.csv")"
grep -q '^2,D-2,' "$work/third.csv" || fail "third run lost D-2: $(cat "$work/third.csv")"

# 4. Explain: the timeline with the recorded reminder, and the decision with its reasons.
"$arrears" explain D-1 --store "$store" > "$work/explain.txt" || fail "explain"
grep -q 'reminder_sent *anna *level 1 by email  "sent by email"' "$work/explain.txt" \
  || fail "explain history: $(cat "$work/explain.txt")"
grep -q '#1 remind' "$work/explain.txt" || fail "explain decisions: $(cat "$work/explain.txt")"
grep -q 'done 2025-03-10 by anna: sent by email' "$work/explain.txt" || fail "explain done: $(cat "$work/explain.txt")"
grep -q 'because playbook\.' "$work/explain.txt" || fail "explain reasons: $(cat "$work/explain.txt")"
if "$arrears" explain D-404 --store "$store" 2>/dev/null; then fail "explained a case that is not there"; fi

# 5. Letters, auto-confirmed: written as Markdown and HTML, recorded as sent, not proposed again.
store2=$work/letters.db
run --store "$store2" --letters "$work/letters" --auto-confirm letters --csv > "$work/letters.csv" 2>/dev/null \
  || fail "run with letters"
[ -s "$work/letters/D-1-reminder-2025-03-10.md" ] || fail "no reminder for D-1: $(ls "$work/letters")"
[ -s "$work/letters/D-1-reminder-2025-03-10.html" ] || fail "no HTML reminder for D-1"
grep -q ',done$' "$work/letters.csv" || fail "nothing auto-confirmed: $(cat "$work/letters.csv")"
run --store "$store2" --letters "$work/letters" --auto-confirm letters --csv > "$work/letters2.csv" 2>/dev/null
[ "$(grep -c ',remind,' "$work/letters2.csv")" = 0 ] || fail "sent reminders proposed again: $(cat "$work/letters2.csv")"

# 6. Killed (SIGKILL) in the middle of its write: the store is as before, the re-run completes.
store3=$work/killed.db
ARREARS_TEST_KILL_AFTER_APPENDS=3 run --store "$store3" > /dev/null 2>&1
status=$?
[ "$status" -eq 137 ] || fail "the run was not killed (exit $status)"
if "$arrears" explain D-1 --store "$store3" > /dev/null 2>&1; then fail "a killed run left part of its write"; fi
run --store "$store3" --csv > "$work/rerun.csv" 2>/dev/null || fail "re-run after the kill"
cmp -s "$work/rerun.csv" "$work/first.csv" || fail "the re-run differs from a clean run: $(diff "$work/first.csv" "$work/rerun.csv")"
# 7. A bad ledger row: reported as file:line: field: problem, and nothing is written, not
#    even a new store; with --skip-bad the run goes on and lists the rows it left out.
bad=$(dirname "$ledger")/bad_rows.csv
store4=$work/bad.db
if "$arrears" run --ledger "$bad" --store "$store4" --today 2025-03-10 > /dev/null 2> "$work/bad.err"; then
  fail "a bad ledger was run"
fi
grep -q 'bad_rows.csv:[0-9]*: ' "$work/bad.err" || fail "bad row not located: $(cat "$work/bad.err")"
[ ! -e "$store4" ] || fail "a refused run created the store"
"$arrears" run --ledger "$bad" --store "$store4" --today 2025-03-10 --skip-bad > /dev/null 2> "$work/skip.err" \
  || fail "--skip-bad: $(cat "$work/skip.err")"
grep -q '^skipped .*bad_rows.csv:[0-9]*: ' "$work/skip.err" || fail "--skip-bad did not list the rows: $(cat "$work/skip.err")"
echo "ok"
