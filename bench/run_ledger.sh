#!/usr/bin/env bash
# Ledger posting and account history at MEMBERS members (default 1,000,000): LedgerService::purchase
# (each its own transaction, coins earned) against the sqlite3 shell doing the same inserts and
# updates on the same file, one transaction per purchase; then account() + history(50) for a member
# with 10,000 entries. The members come from bench_dataset's `ledger` (made once per size); each run
# posts on a fresh copy of it. With MEMBERDESK_BENCH_PG_URL (an empty database) the posting is
# measured there too, on at most 100,000 members (filled anew each time).
# Usage: bench/run_ledger.sh [MEMBERS] [PURCHASES]   (files in the bench directory, build/bench/)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib/common.sh"
. "$root/bench/lib/dataset.sh"
members=${1:-1000000}
purchases=${2:-20000}
bench_build ledger_bench
fresh=$(bench_dataset ledger "$members")
db="$out/ledger-$members.db"
rm -f "$db" "$db-wal" "$db-shm" "$db.posting.sql"
cp "$fresh" "$db"
"$build/bench/ledger_bench" "$db" "$members" "$purchases" | tee "$out/ledger-ours.txt"
ours=$(awk '/^purchases/{print $4}' "$out/ledger-ours.txt")
start=$(date +%s.%N)
sqlite3 "$db" <"$db.posting.sql" >/dev/null
shell=$(echo "$(date +%s.%N) - $start" | bc)
echo "sqlite3 shell: $purchases purchases in ${shell} s"
echo "ratio (ours / shell): $(echo "scale=2; $ours / $shell" | bc)"
bench_result purchase_posting "$(echo "scale=1; $purchases / $ours" | bc)" /s \
  "sqlite3 shell, same inserts and updates" "$(echo "scale=1; $purchases / $shell" | bc)"
history_ms=$(printf '.timer on\nSELECT * FROM ledger_entries WHERE account_id = (SELECT id FROM accounts WHERE member_id = 1) ORDER BY id DESC LIMIT 50;\nSELECT principal, bonus, compensation, coins FROM accounts WHERE member_id = 1;\n' \
  | sqlite3 "$db" 2>&1 | awk '/^Run Time/{total += $4} END {print total * 1000}')
echo "sqlite3 shell: the hot member's balances and 50 newest lines: ${history_ms} ms (the shell's timer counts milliseconds)"
bench_result account_history_p99 "$(awk '/^account\+history/{print $(NF-1)}' "$out/ledger-ours.txt")" ms \
  "sqlite3 shell, same two queries (one run)" "$history_ms"
if [ -n "${MEMBERDESK_BENCH_PG_URL:-}" ]; then
  pg_members=$((members < 100000 ? members : 100000))
  "$build/bench/ledger_bench" "$MEMBERDESK_BENCH_PG_URL" "$pg_members" "$purchases" | tee "$out/ledger-pg.txt"
  pg_seconds=$(awk '/^purchases/{print $4}' "$out/ledger-pg.txt")
  bench_result pg_purchase_posting "$(echo "scale=1; $purchases / $pg_seconds" | bc)" /s
fi
