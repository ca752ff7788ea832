#!/usr/bin/env bash
# Ledger posting and account history at 1,000,000 members: LedgerService::purchase (each its own
# transaction, coins earned) against the sqlite3 shell doing the same inserts and updates on the
# same file, one transaction per purchase; then account() + history(50) for a member with 10,000
# entries. With MEMBERDESK_BENCH_PG_URL (an empty database) the posting is measured there too.
# Usage: bench/run_ledger.sh [MEMBERS] [PURCHASES]   (the database is rebuilt in build/bench/)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${MEMBERDESK_BUILD_DIR:-$root/build}
members=${1:-1000000}
purchases=${2:-20000}
cmake --build "$build" --target ledger_bench | grep -E "error|FAILED" || true
mkdir -p "$build/bench"
db="$build/bench/ledger-$members.db"
rm -f "$db" "$db-wal" "$db-shm" "$db.posting.sql"
"$build/bench/ledger_bench" "$db" "$members" "$purchases" | tee "$build/bench/ledger-ours.txt"
ours=$(awk '/^purchases/{print $4}' "$build/bench/ledger-ours.txt")
start=$(date +%s.%N)
sqlite3 "$db" <"$db.posting.sql" >/dev/null
shell=$(echo "$(date +%s.%N) - $start" | bc)
echo "sqlite3 shell: $purchases purchases in ${shell} s"
echo "ratio (ours / shell): $(echo "scale=2; $ours / $shell" | bc)"
history_ms=$(printf '.timer on\nSELECT * FROM ledger_entries WHERE account_id = (SELECT id FROM accounts WHERE member_id = 1) ORDER BY id DESC LIMIT 50;\nSELECT principal, bonus, compensation, coins FROM accounts WHERE member_id = 1;\n' \
  | sqlite3 "$db" 2>&1 | awk '/^Run Time/{total += $4} END {print total * 1000}')
echo "sqlite3 shell: the hot member's balances and 50 newest lines: ${history_ms} ms (the shell's timer counts milliseconds)"
if [ -n "${MEMBERDESK_BENCH_PG_URL:-}" ]; then
  "$build/bench/ledger_bench" "$MEMBERDESK_BENCH_PG_URL" 100000 "$purchases" | tee "$build/bench/ledger-pg.txt"
fi
