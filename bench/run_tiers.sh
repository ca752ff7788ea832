#!/usr/bin/env bash
# Tier engine at scale: a full recompute of every member's tiers, and a 12-month what-if, on
# MEMBERS members (default 1,000,000) with about ten qualifying movements each (in tier_facts, the
# engine's input, written alongside the ledger; bench_dataset's `tiers`), against the sqlite3 shell
# computing the same measures (lifetime spend, lifetime recharge, largest single recharge) and the tiers they reach
# with one hand-written aggregation on the same file.
# Usage: bench/run_tiers.sh [MEMBERS]   (the database is built once in build/bench/ and reused)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib/common.sh"
. "$root/bench/lib/dataset.sh"
members=${1:-1000000}
bench_build tier_bench
db=$(bench_dataset tiers "$members")
# Each run starts from no stored tiers, as after a new ladder version.
sqlite3 "$db" "DELETE FROM member_tiers; DELETE FROM tier_history; DELETE FROM tier_run_changes; DELETE FROM tier_runs;"

"$build/bench/tier_bench" recompute "$db" | tee "$out/tiers-ours.txt"
"$build/bench/tier_bench" simulate "$db" | tee -a "$out/tiers-ours.txt"

shell_sql=$(cat <<'SQL'
CREATE TEMP TABLE tiers AS
SELECT m.id AS member_id,
       CASE WHEN m.member_type = 'individual' THEN
         CASE WHEN COALESCE(s.spend, 0) >= 300000 THEN 'black_diamond' WHEN COALESCE(s.spend, 0) >= 200000 THEN 'red_diamond'
              WHEN COALESCE(s.spend, 0) >= 100000 THEN 'yellow_diamond' END END AS individual,
       CASE WHEN m.member_type = 'group' THEN
         CASE WHEN COALESCE(s.recharge, 0) >= 2000000 THEN 'gold' WHEN COALESCE(s.recharge, 0) >= 1000000 THEN 'silver'
              WHEN COALESCE(s.recharge, 0) >= 500000 THEN 'bronze' END END AS grp,
       CASE WHEN COALESCE(s.single, 0) >= 5000000 THEN 'lifetime_honorary' WHEN COALESCE(s.single, 0) >= 3200000 THEN 'philanthropist'
            WHEN COALESCE(s.single, 0) >= 1200000 THEN 'private_connoisseur' END AS premium
FROM members m LEFT JOIN (
  SELECT member_id, SUM(CASE WHEN kind = 'spend' THEN amount ELSE 0 END) AS spend,
         SUM(CASE WHEN kind = 'recharge' THEN amount ELSE 0 END) AS recharge,
         MAX(CASE WHEN kind IN ('recharge', 'package') THEN amount END) AS single
  FROM tier_facts WHERE day <= '2026-11-30' GROUP BY member_id) s ON s.member_id = m.id;
SELECT 'individual', individual, COUNT(*) FROM tiers GROUP BY individual;
SELECT 'group', grp, COUNT(*) FROM tiers GROUP BY grp;
SELECT 'premium', premium, COUNT(*) FROM tiers GROUP BY premium;
SQL
)
start=$(date +%s.%N)
echo "$shell_sql" | sqlite3 "$db" | tee "$out/tiers-shell.txt"
shell=$(echo "$(date +%s.%N) - $start" | bc)
echo "sqlite3 shell: the same measures and tiers for every member in ${shell} s"
for run in first second; do
  ours=$(awk -v r="$run" '/^recompute/ && $0 ~ r {print $2}' "$out/tiers-ours.txt")
  echo "ratio, $run recompute (ours / shell): $(echo "scale=2; $ours / $shell" | bc)"
  case=tier_recompute
  [ "$run" = first ] || case=tier_recompute_nightly
  bench_result "$case" "$ours" s "sqlite3 shell, one aggregation" "$shell"
done
bench_result tier_whatif_12m "$(awk '/^simulate/{print $4}' "$out/tiers-ours.txt")" s
