#!/usr/bin/env bash
# Tier engine at scale: a full recompute of every member's tiers, and a 12-month what-if, on
# 1,000,000 members with about ten qualifying movements each (10,000,000 rows in tier_facts, the
# engine's input, written alongside the ledger), against the sqlite3 shell computing the same
# measures (lifetime spend, lifetime recharge, largest single recharge) and the tiers they reach
# with one hand-written aggregation on the same file.
# Usage: bench/run_tiers.sh [MEMBERS]   (the database is built once in build/bench/ and reused)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${MEMBERDESK_BUILD_DIR:-$root/build}
members=${1:-1000000}
cmake --build "$build" --target tier_bench | grep -E "error|FAILED" || true
mkdir -p "$build/bench"
db="$build/bench/tiers-$members.db"
if [ ! -f "$db" ]; then
  "$build/bench/tier_bench" prepare "$db" "$members"
  start=$(date +%s)
  # One in ten members a company; an open account for each (coin members since the first day);
  # per member six purchases (1–500 yuan), two coin lines, two cash recharges (500–10,000 yuan; one
  # member in fifty recharged 12,000 once), spread over the two years to 2026-11-30.
  sqlite3 "$db" <<'SQL'
PRAGMA journal_mode = WAL;
BEGIN;
UPDATE members SET member_type = 'group', company = 'Company ' || id WHERE id % 10 = 0;
INSERT INTO accounts (member_id, coin_member_since, opened_at) SELECT id, '2024-12-01', '2024-12-01 00:00:00' FROM members;
WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < 9)
INSERT INTO tier_facts (member_id, day, kind, amount, source, list_price)
SELECT m.id,
       date('2024-12-01', '+' || ((m.id * 37 + k.n * 53) % 730) || ' days'),
       CASE WHEN k.n < 6 THEN 'spend' WHEN k.n < 8 THEN 'coins' ELSE 'recharge' END,
       CASE WHEN k.n < 6 THEN ((m.id * 31 + k.n * 17) % 500 + 1) * 100
            WHEN k.n < 8 THEN ((m.id * 31 + k.n * 17) % 500 + 1) / 20
            WHEN k.n = 8 AND m.id % 50 = 0 THEN 1200000
            ELSE ((m.id * 13 + k.n) % 20 + 1) * 50000 END,
       CASE WHEN k.n < 8 THEN 'purchase' ELSE 'cash_recharge' END,
       CASE WHEN k.n < 6 THEN ((m.id * 31 + k.n * 17) % 500 + 1) * 100 END
FROM members m, k ORDER BY m.id, k.n;
COMMIT;
ANALYZE;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
  echo "movements written in $(( $(date +%s) - start )) s: $(sqlite3 "$db" 'SELECT COUNT(*) FROM tier_facts') rows"
fi
# Each run starts from no stored tiers, as after a new ladder version.
sqlite3 "$db" "DELETE FROM member_tiers; DELETE FROM tier_history; DELETE FROM tier_run_changes; DELETE FROM tier_runs;"

"$build/bench/tier_bench" recompute "$db" | tee "$build/bench/tiers-ours.txt"
"$build/bench/tier_bench" simulate "$db" | tee -a "$build/bench/tiers-ours.txt"

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
echo "$shell_sql" | sqlite3 "$db" | tee "$build/bench/tiers-shell.txt"
shell=$(echo "$(date +%s.%N) - $start" | bc)
echo "sqlite3 shell: the same measures and tiers for every member in ${shell} s"
for run in first second; do
  ours=$(awk -v r="$run" '/^recompute/ && $0 ~ r {print $2}' "$build/bench/tiers-ours.txt")
  echo "ratio, $run recompute (ours / shell): $(echo "scale=2; $ours / $shell" | bc)"
done
