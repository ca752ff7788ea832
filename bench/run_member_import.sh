#!/usr/bin/env bash
# Member import at ROWS rows (default 1,000,000): `memberdesk-cli member import` of a generated CSV
# (bench_dataset's `members-csv`, made once per size) into a new SQLite database (every row
# checked, pinyin keys made, six search indexes kept, one history line per member, all in one
# transaction) against the sqlite3 shell's `.import` of the same file into a bare table with no
# index. The goal is at most 3x.
# Usage: bench/run_member_import.sh [ROWS]   (files are kept in the bench directory, build/bench/)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib/common.sh"
. "$root/bench/lib/dataset.sh"
rows=${1:-1000000}
bench_build memberdesk-cli
csv=$(bench_dataset members-csv "$rows")
# The timed import's own file: the member list's data set (import-ROWS.db) is made once by
# bench_dataset and is not replaced under a run that may be using it.
db="$out/import-timed-$rows.db"
rm -f "$db" "$db-wal" "$db-shm"
export MEMBERDESK_PASSWORD=bench-password
"$build/src/cli/memberdesk-cli" --db "sqlite3://db=$db" db init >/dev/null
t0=$(now_ms)
"$build/src/cli/memberdesk-cli" --db "sqlite3://db=$db" --user admin member import "$csv" | tail -1
t1=$(now_ms)
bare="$out/import-bare-$rows.db"
rm -f "$bare"
s0=$(now_ms)
sqlite3 "$bare" ".mode csv" ".import '$csv' members"
s1=$(now_ms)
ours=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}')
shell=$(awk -v a="$s0" -v b="$s1" 'BEGIN{printf "%.1f", b-a}')
echo
printf "%-28s %10s ms\n" "memberdesk-cli member import" "$ours" "sqlite3 .import (bare table)" "$shell"
echo "ratio ours/shell: $(awk -v o="$ours" -v s="$shell" 'BEGIN{printf "%.2f", o/s}')   (goal: at most 3)"
echo "members in the database: $(sqlite3 "$db" 'SELECT COUNT(*) FROM members')"
bench_result import "$ours" ms "sqlite3 .import into a bare table" "$shell"
