#!/usr/bin/env bash
# The prepaid liability report at MEMBERS accounts (default 1,000,000) and about ten ledger entries
# per account over two years: `memberdesk-cli report liability` in each format against the sqlite3
# shell running the same aggregations (balances at two days in one pass, the month's movements by
# type and bucket, each account's value and last activity) on the same file. The data set is
# bench_dataset's `liability` (bench/lib/dataset.sh: the ledger bench's members with an account for
# every member and the entries added by SQL), made once per size, then reused.
# Usage: bench/run_liability.sh [MEMBERS] [AS_OF]   (defaults 1000000, 2026-11-15; a lone date is AS_OF)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib/common.sh"
. "$root/bench/lib/dataset.sh"
# Before MEMBERS existed the only argument was the day; keep that spelling working.
[[ ${1:-} == ????-??-?? ]] && set -- 1000000 "$1"
members=${1:-1000000}
as_of=${2:-2026-11-15}
from="${as_of:0:8}01"
cli="$build/src/cli/memberdesk-cli"
bench_build memberdesk-cli ledger_bench
db=$(bench_dataset liability "$members")
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
time_report "" "sqlite3 shell, same aggregations" "$shell" "sqlite3://db=$db" "$out/liability" liability "csv xlsx html pdf" --as-of "$as_of" --from "$from"

# The breakage estimate reads every paid and bonus line in (account, posting) order and spends
# each account's loads first in first out: no SQL aggregation does that, so its baseline is the
# sqlite3 shell reading the same lines in the same order.
read_lines=$(run3 sqlite3 "$db" "SELECT account_id, entry_type, amount, business_day FROM ledger_entries
  WHERE business_day <= '$as_of' AND bucket IN ('principal', 'bonus') ORDER BY account_id, id;")
echo "sqlite3 shell, reading the stored-value lines in order: ${read_lines} s"
time_report "" "sqlite3 shell, reading the lines in order" "$read_lines" "sqlite3://db=$db" "$out/breakage" breakage "csv pdf" --as-of "$as_of" --from "$from"
# The liability by source (issue month, card batch, denomination) spends the same lines the same way.
time_report "" "sqlite3 shell, reading the lines in order" "$read_lines" "sqlite3://db=$db" "$out/liability-sources" liability_sources "csv pdf" --as-of "$as_of"
