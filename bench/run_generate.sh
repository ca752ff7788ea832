#!/usr/bin/env bash
# The demo generator (`memberdesk-cli demo generate`): a member base with two years of history put
# in through the services, in batches of calls per transaction. Its rate is the product's posting
# rate in batch form (every recharge, purchase, refund... with its checks, tiers and audit line),
# and its peak resident memory shows what a long bulk job holds. At most 20,000 members: at the
# present rate a million would take about an hour and a half (see the issue 10 note).
# Usage: bench/run_generate.sh [MEMBERS]   (a fresh database each run, in the bench directory)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib/common.sh"
members=${1:-1000000}
((members > 20000)) && members=20000
bench_build memberdesk-cli
db="$out/generate-$members.db"
rm -f "$db" "$db-wal" "$db-shm"
started=$(now_ms)
/usr/bin/time -f "%M" -o "$out/generate-rss.txt" \
  "$build/src/cli/memberdesk-cli" --db "sqlite3://db=$db" --json demo generate --members "$members" --months 24 \
  --seed 1 --to 2026-11-15 >"$out/generate.json"
ended=$(now_ms)
postings=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["postings"])' "$out/generate.json")
seconds=$(awk -v a="$started" -v b="$ended" 'BEGIN{printf "%.2f", (b-a)/1000}')
echo "demo generate: $members members, $postings postings, $(sqlite3 "$db" 'SELECT COUNT(*) FROM ledger_entries') ledger lines in $seconds s"
bench_result generate_seconds "$seconds" s
bench_result generate_postings_rate "$(awk -v p="$postings" -v s="$seconds" 'BEGIN{printf "%.0f", p/s}')" /s
bench_result generate_rss "$(awk '{printf "%.1f", $1/1024}' "$out/generate-rss.txt")" MB
