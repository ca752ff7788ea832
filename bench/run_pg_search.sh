#!/usr/bin/env bash
# Member search on PostgreSQL: the search bench's SQLite file (bench_dataset members at MEMBERS,
# made by member_search_bench prepare) copied into a new PostgreSQL database (bench/lib/pg.sh),
# then member_search_bench timing MemberService::find for each form of query against it. It prints
# the PostgreSQL p99s only; bench/run --pg gives each as a ratio to the SQLite p99 of the same form.
# Usage: bench/run_pg_search.sh [MEMBERS] [QUERIES_PER_FORM]   (defaults 1000000, 200)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib/common.sh"
. "$root/bench/lib/dataset.sh"
. "$root/bench/lib/pg.sh"
members=${1:-1000000}
per_form=${2:-200}
bench_build memberdesk-cli member_search_bench
db=$(bench_dataset members "$members")

trap bench_pg_cleanup EXIT
bench_pg_server
bench_pg_new_database search
bench_pg_copy_from_sqlite "$build/src/cli/memberdesk-cli" "$db" members
"$build/bench/member_search_bench" "$bench_pg_url" "$out/member-search-pg.sql" "$members" "$per_form" \
  | tee "$out/member-search-pg.txt"
for form in "member number" "full mobile" "last 4 digits" "Chinese name" "pinyin initials" "e-mail"; do
  p99=$(awk -v n="$form" 'substr($0,1,16) ~ "^" n {print $(NF-1)}' "$out/member-search-pg.txt" | head -1)
  bench_result "pg_search_$(bench_slug "$form")_p99" "$p99" ms
done
