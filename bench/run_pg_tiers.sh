#!/usr/bin/env bash
# The full tier recompute on PostgreSQL: the tier bench's SQLite file (bench_dataset tiers at
# MEMBERS: members, their accounts and qualifying movements, the demo programme's ladders approved
# by its users) copied into a new PostgreSQL database (bench/lib/pg.sh), then tier_bench recompute
# against it: the first run stores every member's tiers, the second finds nothing to change. It
# prints the PostgreSQL figures only; bench/run --pg gives each as a ratio to the SQLite figure.
# Usage: bench/run_pg_tiers.sh [MEMBERS]   (default 1000000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib/common.sh"
. "$root/bench/lib/dataset.sh"
. "$root/bench/lib/pg.sh"
members=${1:-1000000}
bench_build memberdesk-cli tier_bench
db=$(bench_dataset tiers "$members")

trap bench_pg_cleanup EXIT
bench_pg_server
bench_pg_new_database tiers
# The users too: the ladders' change requests name who proposed and approved them.
bench_pg_copy_from_sqlite "$build/src/cli/memberdesk-cli" "$db" \
  users members accounts tier_facts change_requests change_decisions config_versions
"$build/bench/tier_bench" recompute "$bench_pg_url" | tee "$out/tiers-pg.txt"
for run in first second; do
  case=pg_tier_recompute
  [ "$run" = first ] || case=pg_tier_recompute_nightly
  bench_result "$case" "$(awk -v r="$run" '/^recompute/ && $0 ~ r {print $2}' "$out/tiers-pg.txt")" s
done
