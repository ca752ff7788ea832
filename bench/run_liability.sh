#!/usr/bin/env bash
# The prepaid liability report at 1,000,000 accounts and about 10,000,000 ledger entries over two
# years: `memberdesk-cli report liability` in each format against the sqlite3 shell running the
# same aggregations (balances at two days in one pass, the month's movements by type and bucket, each
# account's value and last activity) on the same file. The data set is the ledger bench's file
# (bench/run_ledger.sh) with an account for every member and ten million entries added by SQL
# (recharges, purchases, coins; balances in `accounts` are not kept in step, so `db check` on it
# fails by design: the report reads entries only). Built once, then reused.
# Usage: bench/run_liability.sh [AS_OF]   (default 2026-11-15)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${MEMBERDESK_BUILD_DIR:-$root/build}
as_of=${1:-2026-11-15}
from="${as_of:0:8}01"
cli="$build/src/cli/memberdesk-cli"
db="$build/bench/liability-1000000.db"
if [ ! -f "$db" ]; then
  [ -f "$build/bench/ledger-1000000.db" ] || "$root/bench/run_ledger.sh" 1000000
  cp "$build/bench/ledger-1000000.db" "$db"
  MEMBERDESK_PASSWORD=bench-password "$cli" --db "sqlite3://db=$db" --user bench db migrate
  sqlite3 "$db" <<'SQL'
PRAGMA journal_mode=WAL;
PRAGMA synchronous=OFF;
INSERT INTO accounts (member_id, opened_at) SELECT m.id, '2025-01-01 00:00:00' FROM members m
 WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.member_id = m.id);
WITH RECURSIVE n(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM n WHERE x < 9899999)
INSERT INTO ledger_entries (request_id, account_id, entry_type, bucket, amount, balance_after, business_day, reason, actor, at)
SELECT 1, 1 + (x % 1000000),
       CASE WHEN x < 1000000 THEN 'cash_recharge' WHEN x % 7 = 0 THEN 'points_earned' ELSE 'purchase' END,
       CASE WHEN x < 1000000 THEN 'principal' WHEN x % 7 = 0 THEN 'coins' ELSE 'principal' END,
       CASE WHEN x < 1000000 THEN 500000 WHEN x % 7 = 0 THEN 5 ELSE -(100 + x % 4000) END,
       0, date('2024-12-01', '+' || ((x / 1000000) * 73 + (x % 61)) || ' days'), '', 'bench', '2025-01-01 00:00:00'
FROM n;
SQL
fi
# A file cached by an older build is brought up to this build's schema (nothing to do when current).
MEMBERDESK_PASSWORD=bench-password "$cli" --db "sqlite3://db=$db" --user bench db migrate >/dev/null
echo "entries: $(sqlite3 "$db" 'SELECT COUNT(*) FROM ledger_entries'), accounts: $(sqlite3 "$db" 'SELECT COUNT(*) FROM accounts')"

. "$root/bench/lib/report_timing.sh"

previous=$(date -d "$from - 1 day" +%F)
shell=$(run3 sqlite3 "$db" "
SELECT bucket, SUM(CASE WHEN business_day <= '$previous' THEN amount ELSE 0 END),
       SUM(CASE WHEN business_day <= '$as_of' THEN amount ELSE 0 END) FROM ledger_entries GROUP BY bucket;
SELECT entry_type, bucket, SUM(amount) FROM ledger_entries WHERE business_day >= '$from' AND business_day <= '$as_of' GROUP BY entry_type, bucket;
SELECT SUM(amount), MAX(business_day) FROM ledger_entries WHERE business_day <= '$as_of' AND bucket IN ('principal', 'bonus', 'compensation') GROUP BY account_id HAVING SUM(amount) <> 0;")
echo "sqlite3 shell, the same aggregations: ${shell} s"
time_report "$shell" "sqlite3://db=$db" "$build/bench/liability" liability "csv xlsx html pdf" --as-of "$as_of" --from "$from"

# The breakage estimate reads every paid and bonus line in (account, posting) order and spends
# each account's loads first in first out: no SQL aggregation does that, so its baseline is the
# sqlite3 shell reading the same lines in the same order.
read_lines=$(run3 sqlite3 "$db" "SELECT account_id, entry_type, amount, business_day FROM ledger_entries
  WHERE business_day <= '$as_of' AND bucket IN ('principal', 'bonus') ORDER BY account_id, id;")
echo "sqlite3 shell, reading the stored-value lines in order: ${read_lines} s"
time_report "$read_lines" "sqlite3://db=$db" "$build/bench/breakage" breakage "csv pdf" --as-of "$as_of" --from "$from"
# The liability by source (issue month, card batch, denomination) spends the same lines the same way.
time_report "$read_lines" "sqlite3://db=$db" "$build/bench/liability-sources" liability_sources "csv pdf" --as-of "$as_of"
