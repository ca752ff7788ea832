#!/usr/bin/env bash
# The prepaid liability report on PostgreSQL: the liability bench's SQLite file (bench/run_liability.sh,
# bench_dataset's `liability` at MEMBERS accounts, about ten ledger entries each) copied into a new
# database (bench/lib/pg.sh: on the running test server, or a throwaway PostgreSQL 15 cluster), then
# `memberdesk-cli report liability` in each format against psql running the same aggregations
# (balances at two days in one pass, the month's movements by type and bucket, each account's value
# and last activity), and the breakage estimate against psql reading the same stored-value lines in
# order. It prints the PostgreSQL figures only: compare them with bench/run_liability.sh's on the
# same day (bench/run --pg does, as the ratio PostgreSQL / SQLite). The copy (members, accounts,
# ledger requests and entries, and the programme's approved versions; secondary indexes and foreign
# keys taken off and put back as the schema has them) is timed too. Outputs: liability-pg.* and
# breakage-pg.* in the bench directory.
# Usage: bench/run_liability_pg.sh [MEMBERS] [AS_OF]   (defaults 1000000, 2026-11-15; a lone date is AS_OF)
# MEMBERDESK_CLI: the CLI to measure (default: the build's); MEMBERDESK_BENCH_SQLITE_DB: the SQLite
# file (default: the liability data set at MEMBERS); MEMBERDESK_TEST_PG_SOCKET and _PORT: a running
# server to use (else a throwaway cluster on MEMBERDESK_TEST_PG_PORT, default 54391).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib/common.sh"
. "$root/bench/lib/dataset.sh"
. "$root/bench/lib/pg.sh"
[[ ${1:-} == ????-??-?? ]] && set -- 1000000 "$1"
members=${1:-1000000}
as_of=${2:-2026-11-15}
from="${as_of:0:8}01"
cli=${MEMBERDESK_CLI:-$build/src/cli/memberdesk-cli}
if [ -n "${MEMBERDESK_BENCH_SQLITE_DB:-}" ]; then
  sqlite_db=$MEMBERDESK_BENCH_SQLITE_DB
  [ -f "$sqlite_db" ] || { echo "$sqlite_db: no such file" >&2; exit 1; }
else
  bench_build memberdesk-cli ledger_bench
  sqlite_db=$(bench_dataset liability "$members")
fi

trap bench_pg_cleanup EXIT
bench_pg_server
bench_pg_new_database liability
url=$bench_pg_url
pg() { bench_psql "$bench_pg_dbname" "$@"; }

# What the reports read: the ledger, the members and accounts it references, and the programme's
# approved versions (the coin value in force). Parents first.
bench_pg_copy_from_sqlite "$cli" "$sqlite_db" members accounts ledger_requests ledger_entries change_requests change_decisions config_versions
echo "entries: $(pg -At -c 'SELECT COUNT(*) FROM ledger_entries'), accounts: $(pg -At -c 'SELECT COUNT(*) FROM accounts')"
bench_result pg_liability_copy "$bench_pg_copy_seconds" s

. "$root/bench/lib/report_timing.sh"

previous=$(date -d "$from - 1 day" +%F)
shell=$(run3 pg -At -c "
SELECT bucket, SUM(CASE WHEN business_day <= DATE '$previous' THEN amount ELSE 0 END),
       SUM(CASE WHEN business_day <= DATE '$as_of' THEN amount ELSE 0 END) FROM ledger_entries GROUP BY bucket" -c "
SELECT entry_type, bucket, SUM(amount) FROM ledger_entries WHERE business_day >= DATE '$from' AND business_day <= DATE '$as_of'
 GROUP BY entry_type, bucket" -c "
SELECT SUM(amount), MAX(business_day) FROM ledger_entries WHERE business_day <= DATE '$as_of'
   AND bucket IN ('principal', 'bonus', 'compensation') GROUP BY account_id HAVING SUM(amount) <> 0")
echo "psql, the same aggregations: ${shell} s"
time_report pg_ "psql, same aggregations" "$shell" "$url" "$out/liability-pg" liability "csv xlsx html pdf" --as-of "$as_of" --from "$from"

# The breakage estimate reads every paid and bonus line in (account, posting) order and spends
# each account's loads first in first out: its baseline is psql reading the same lines in the same
# order, through a cursor 20,000 rows at a time (the CLI's page) rather than holding them all.
read_lines=$(run3 pg -At -v FETCH_COUNT=20000 -c "SELECT account_id, entry_type, amount, business_day FROM ledger_entries
  WHERE business_day <= DATE '$as_of' AND bucket IN ('principal', 'bonus') ORDER BY account_id, id")
echo "psql, reading the stored-value lines in order: ${read_lines} s"
time_report pg_ "psql, reading the lines in order" "$read_lines" "$url" "$out/breakage-pg" breakage "csv pdf" --as-of "$as_of" --from "$from"
# The liability by source (issue month, card batch, denomination) spends the same lines the same way.
time_report pg_ "psql, reading the lines in order" "$read_lines" "$url" "$out/liability-sources-pg" liability_sources "csv pdf" --as-of "$as_of"
