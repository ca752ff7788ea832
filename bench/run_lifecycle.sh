#!/usr/bin/env bash
# The lifecycle job at MEMBERS members (default 1,000,000; bench_dataset's `lifecycle`, made once
# per size): LifecycleService::preview and ::run against the sqlite3
# shell doing the same work on the same file in SQL (the state rule as a CASE expression; for
# the run: update the states, bump the versions, add a history line per move, log nothing
# else). Each side runs on its own fresh copy, so both start with every member "registered".
# Usage: bench/run_lifecycle.sh [MEMBERS]   (the database is kept in build/bench/)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib/common.sh"
. "$root/bench/lib/dataset.sh"
members=${1:-1000000}
bench_build lifecycle_bench
db=$(bench_dataset lifecycle "$members")
"$build/bench/lifecycle_bench" "$db" "$members" | tee "$out/lifecycle-ours.txt"
as_of=$(awk '/^as_of/{print $2}' "$out/lifecycle-ours.txt")

# The rule of models/lifecycle_rule.cpp in SQL: inactivity counts from the latest of
# registration and the activity dates known on the day; thresholds are inclusive.
state_sql="SELECT id, state AS from_state, CASE
    WHEN idle >= 365 THEN 'lapsed' WHEN idle >= 90 THEN 'dormant'
    WHEN first_purchase_on <= '$as_of' THEN 'activated' WHEN first_recharge_on <= '$as_of' THEN 'recharged'
    ELSE 'registered' END AS to_state
  FROM (SELECT id, state, first_purchase_on, first_recharge_on,
          julianday('$as_of') - julianday(max(substr(created_at, 1, 10),
            coalesce(CASE WHEN last_activity_on <= '$as_of' THEN last_activity_on END, ''),
            coalesce(CASE WHEN first_recharge_on <= '$as_of' THEN first_recharge_on END, ''),
            coalesce(CASE WHEN first_purchase_on <= '$as_of' THEN first_purchase_on END, ''))) AS idle
        FROM members WHERE substr(created_at, 1, 10) <= '$as_of')"
cat >"$out/lifecycle-preview.sql" <<SQL
SELECT from_state, to_state, count(*) FROM ($state_sql) WHERE from_state <> to_state GROUP BY 1, 2;
SQL
cat >"$out/lifecycle-run.sql" <<SQL
BEGIN IMMEDIATE;
CREATE TEMP TABLE moves (id INTEGER PRIMARY KEY, from_state TEXT, to_state TEXT);
INSERT INTO moves SELECT * FROM ($state_sql) WHERE from_state <> to_state;
UPDATE members SET state = (SELECT to_state FROM moves WHERE moves.id = members.id), version = version + 1,
  updated_at = '$as_of 02:00:00', updated_by = 'shell' WHERE id IN (SELECT id FROM moves);
INSERT INTO member_state_history (member_id, from_state, to_state, at, reason, actor)
  SELECT id, from_state, to_state, '$as_of 02:00:00', 'shell run', 'shell' FROM moves;
SELECT count(*) FROM moves;
COMMIT;
SQL

timed() {  # file-to-run-on sql-file → prints ms, output to $out/shell-out.txt
  local s0 s1
  s0=$(now_ms); sqlite3 "$1" <"$2" >"$out/shell-out.txt"; s1=$(now_ms)
  awk -v a="$s0" -v b="$s1" 'BEGIN{printf "%.1f", b-a}'
}
shell_copy="$db.shell"
cp "$db" "$shell_copy"; rm -f "$shell_copy-wal" "$shell_copy-shm"
preview_ms=$(timed "$db" "$out/lifecycle-preview.sql")
run_ms=$(timed "$shell_copy" "$out/lifecycle-run.sql")
shell_changed=$(tail -1 "$out/shell-out.txt")
ours_preview=$(awk '/^preview/{print $2}' "$out/lifecycle-ours.txt")
ours_run=$(awk '/^run/{print $2}' "$out/lifecycle-ours.txt")
ours_changed=$(awk '/^run/{print $(NF-1)}' "$out/lifecycle-ours.txt")
echo
printf "%-8s %12s %12s %10s\n" "step" "ours ms" "shell ms" "ours/shell"
printf "%-8s %12s %12s %10s\n" preview "$ours_preview" "$preview_ms" "$(awk -v o="$ours_preview" -v s="$preview_ms" 'BEGIN{printf "%.2f", o/s}')"
printf "%-8s %12s %12s %10s\n" run "$ours_run" "$run_ms" "$(awk -v o="$ours_run" -v s="$run_ms" 'BEGIN{printf "%.2f", o/s}')"
echo "members changed: ours $ours_changed, shell $shell_changed"
[ "$ours_changed" = "$shell_changed" ] || { echo "the shell's SQL and the service disagree on the moves" >&2; exit 1; }
bench_result lifecycle_preview "$ours_preview" ms "sqlite3 shell, the rule as SQL" "$preview_ms"
bench_result lifecycle_run "$ours_run" ms "sqlite3 shell, the rule as SQL" "$run_ms"
rm -f "$db.run" "$db.run-wal" "$db.run-shm" "$shell_copy" "$shell_copy-wal" "$shell_copy-shm"
