#!/usr/bin/env bash
# Member search at 1,000,000 members: MemberService::find per query form against the sqlite3
# shell running the same index lookups on the same file. Ratios are total time over the same
# queries (the shell's start-up, measured on an empty script, is subtracted).
# Usage: bench/run_member_search.sh [MEMBERS] [QUERIES_PER_FORM]   (the database is kept in build/bench/)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${MEMBERDESK_BUILD_DIR:-$root/build}
members=${1:-1000000}
per_form=${2:-200}
cmake --build "$build" --target member_search_bench | grep -E "error|FAILED" || true
mkdir -p "$build/bench"
db="$build/bench/members-$members.db"
sql="$build/bench/member-search-$members.sql"
"$build/bench/member_search_bench" "$db" "$sql" "$members" "$per_form" | tee "$build/bench/member-search-ours.txt"

now_ms() { date +%s%N | awk '{printf "%.1f", $1/1000000}'; }
t0=$(now_ms); sqlite3 "$db" "SELECT 1;" >/dev/null; t1=$(now_ms)
startup=$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')
echo
echo "sqlite3 shell, same lookups (start-up ${startup} ms subtracted):"
printf "%-16s %10s %10s\n" "form" "shell ms" "ours/shell"
awk '/^-- form: /{ if (f) close(f); f=sprintf("%s/form-%d.sql", dir, ++n); sub(/^-- form: /,""); print > (dir "/form-" n ".name"); next } { print > f }' dir="$build/bench" "$sql"
i=0
while IFS= read -r line; do
  i=$((i + 1))
  name=$(cat "$build/bench/form-$i.name")
  ours=$(awk -v n="$name" 'substr($0,1,16) ~ "^" n {print $NF}' "$build/bench/member-search-ours.txt" | head -1)
  s0=$(now_ms); sqlite3 "$db" < "$build/bench/form-$i.sql" >/dev/null; s1=$(now_ms)
  shell=$(awk -v a="$s0" -v b="$s1" -v s="$startup" 'BEGIN{v=b-a-s; if (v < 0.1) v=0.1; printf "%.1f", v}')
  printf "%-16s %10s %10s\n" "$name" "$shell" "$(awk -v o="$ours" -v s="$shell" 'BEGIN{printf "%.2f", o/s}')"
done < <(ls "$build/bench"/form-*.sql | sort -V)
