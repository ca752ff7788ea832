#!/usr/bin/env bash
# The member list at ROWS members (default 1,000,000), on bench_dataset's `members-imported` (the
# import bench's file imported once per size by memberdesk-cli):
# (1) MemberService count + first page for the list's usual views against the sqlite3 shell
# running the same SQL; (2) the real GUI under Xvfb: from asking for the list (the Members area
# opens on it) to its first rows painted, and the process's resident memory then; then from a
# jump to the last row (the list selects it and scrolls it into view, as End does) to it painted.
# Usage: bench/run_member_list.sh [ROWS]   (the data set is made once in the bench directory, build/bench/)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib/common.sh"
. "$root/bench/lib/dataset.sh"
. "$root/bench/lib/gui.sh"
rows=${1:-1000000}
bench_build member_list_bench memberdesk memberdesk-cli
db=$(bench_dataset members-imported "$rows")
export MEMBERDESK_PASSWORD=bench-password
"$build/src/cli/memberdesk-cli" --db "sqlite3://db=$db" --user admin db migrate >/dev/null
sqlite3 "$db" "ANALYZE"
"$build/bench/member_list_bench" "$db" "$out/member-list.sql" admin bench-password | tee "$out/member-list-ours.txt"

t0=$(now_ms); sqlite3 "$db" "SELECT 1;" >/dev/null; t1=$(now_ms)
startup=$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')
echo
echo "sqlite3 shell, same SQL (start-up ${startup} ms subtracted):"
printf "%-18s %10s %10s\n" "view" "shell ms" "ours/shell"
awk '/^-- view: /{ if (f) close(f); f=sprintf("%s/list-view-%d.sql", dir, ++n); sub(/^-- view: /,""); print > (dir "/list-view-" n ".name"); next } { print > f }' dir="$out" "$out/member-list.sql"
for f in $(ls "$out"/list-view-*.sql | sort -V); do
  name=$(cat "${f%.sql}.name")
  ours=$(awk -v n="$name" 'index($0, n) == 1 {print $(NF-1)}' "$out/member-list-ours.txt" | head -1)
  s0=$(now_ms); sqlite3 "$db" <"$f" >/dev/null; s1=$(now_ms)
  shell=$(awk -v a="$s0" -v b="$s1" -v s="$startup" 'BEGIN{v=b-a-s; if (v < 0.1) v=0.1; printf "%.1f", v}')
  printf "%-18s %10s %10s\n" "$name" "$shell" "$(awk -v o="$ours" -v s="$shell" 'BEGIN{printf "%.2f", o/s}')"
  bench_result "list_$(bench_slug "$name")" "$ours" ms "sqlite3 shell, same SQL" "$shell"
done

# The GUI: sign in as admin; the Members area opens on the list of every member.
log="$out/member-list-gui.log"
bench_gui_list "sqlite3://db=$db" "$log"
echo
echo "GUI, Members area on $rows members: $(cat "$log" 2>/dev/null || echo 'no timing logged')"
echo "(goals: first rows under 300 ms, resident memory under 200 MB = 204800 kB, last row under 100 ms)"
bench_gui_results "" "$log"
