#!/usr/bin/env bash
# Member search at MEMBERS members (default 1,000,000; bench_dataset's `members`, made once per
# size): MemberService::find per query form (its p99 has a goal: under 20 ms) against the sqlite3
# shell running the same index lookups on the same file. Ratios are total time over the same
# queries (the shell's start-up, measured on an empty script, is subtracted).
# Usage: bench/run_member_search.sh [MEMBERS] [QUERIES_PER_FORM]   (the database is kept in build/bench/)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib/common.sh"
. "$root/bench/lib/dataset.sh"
members=${1:-1000000}
per_form=${2:-200}
bench_build member_search_bench
db=$(bench_dataset members "$members")
sql="$out/member-search-$members.sql"
"$build/bench/member_search_bench" "$db" "$sql" "$members" "$per_form" | tee "$out/member-search-ours.txt"

t0=$(now_ms); sqlite3 "$db" "SELECT 1;" >/dev/null; t1=$(now_ms)
startup=$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')
echo
echo "sqlite3 shell, same lookups (start-up ${startup} ms subtracted):"
printf "%-16s %10s %10s\n" "form" "shell ms" "ours/shell"
awk '/^-- form: /{ if (f) close(f); f=sprintf("%s/form-%d.sql", dir, ++n); sub(/^-- form: /,""); print > (dir "/form-" n ".name"); next } { print > f }' dir="$out" "$sql"
i=0
while IFS= read -r line; do
  i=$((i + 1))
  name=$(cat "$out/form-$i.name")
  ours=$(awk -v n="$name" 'substr($0,1,16) ~ "^" n {print $NF}' "$out/member-search-ours.txt" | head -1)
  p99=$(awk -v n="$name" 'substr($0,1,16) ~ "^" n {print $(NF-1)}' "$out/member-search-ours.txt" | head -1)
  s0=$(now_ms); sqlite3 "$db" < "$out/form-$i.sql" >/dev/null; s1=$(now_ms)
  shell=$(awk -v a="$s0" -v b="$s1" -v s="$startup" 'BEGIN{v=b-a-s; if (v < 0.1) v=0.1; printf "%.1f", v}')
  printf "%-16s %10s %10s\n" "$name" "$shell" "$(awk -v o="$ours" -v s="$shell" 'BEGIN{printf "%.2f", o/s}')"
  slug=$(bench_slug "$name")
  bench_result "search_${slug}_p99" "$p99" ms
  bench_result "search_${slug}_total" "$ours" ms "sqlite3 shell, same lookups" "$shell"
done < <(ls "$out"/form-*.sql | sort -V)
