#!/usr/bin/env bash
# The daily run end to end on a generated ledger (docs/benchmarks.md, "The daily run"):
# INVOICES invoices over INVOICES/5 debtors, a third of them partly paid, every one overdue
# on the day of the run. Times `arrears run` on a new store (the first day: every debtor gets
# a case) and again on the next day against that store (nothing new in the books).
#
#   bash benchmarks/daily_run.sh [ARREARS_BINARY] [INVOICES]
#   (default: build/release/arrears, 1000000; the release preset builds arrears_cli)
set -euo pipefail
arrears=${1:-build/release/arrears}
invoices=${2:-1000000}
work=$(mktemp -d "${TMPDIR:-/tmp}/arrears-daily-run-XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "generating $invoices invoices over $((invoices / 5)) debtors in $work" >&2
awk -v n="$invoices" 'BEGIN {
  print "debtor_id,debtor_name,debtor_kind,email,invoice_id,issue_date,due_date,amount,vat,currency,paid_amount"
  srand(7)
  for (i = 0; i < n; i++) {
    d = int(i / 5)
    kind = (d % 3 == 0) ? "consumer" : "business"
    month = 1 + (i % 9)
    cents = 10000 + int(rand() * 500000)
    paid = (i % 3 == 0) ? sprintf("%d.%02d", int(cents / 300), int(cents / 3) % 100) : ""
    printf "D-%06d,Debtor %06d,%s,d%06d@example.nl,INV-%07d,2025-%02d-01,2025-%02d-28,%d.%02d,0.00,EUR,%s\n",
      d, d, kind, d, i, month, month, int(cents / 100), cents % 100, paid
  }
}' > "$work/ledger.csv"

measure() {
  local label=$1; shift
  /usr/bin/time -f "$label: %e s wall, %M KB max resident" "$arrears" run "$@" \
    --out "$work/worklist.txt" 2> "$work/stderr.txt" || { cat "$work/stderr.txt" >&2; exit 1; }
  grep -E '^[0-9]{4}-|s wall' "$work/stderr.txt" >&2
}
measure "first day (new store)" --ledger "$work/ledger.csv" --store "$work/store.db" --today 2025-12-31
measure "next day (same books)" --ledger "$work/ledger.csv" --store "$work/store.db" --today 2026-01-02
