#!/usr/bin/env bash
# The member cases on PostgreSQL: the import bench's CSV (bench_dataset members-csv at MEMBERS)
# imported by `memberdesk-cli member import` into a new PostgreSQL database (timed, as
# bench/run_member_import.sh times it into SQLite), then the real GUI on that database under Xvfb:
# the member list's first rows and its jump to the last row (bench/run_member_list.sh's hook), and
# the cold start to the main window (bench/run_gui_start.sh's). It prints the PostgreSQL figures
# only; bench/run --pg gives each as a ratio to the SQLite figure of the same case.
# Usage: bench/run_pg_members.sh [MEMBERS]   (default 1000000)
# The server: MEMBERDESK_TEST_PG_SOCKET and _PORT, or a throwaway cluster (bench/lib/pg.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib/common.sh"
. "$root/bench/lib/dataset.sh"
. "$root/bench/lib/gui.sh"
. "$root/bench/lib/pg.sh"
members=${1:-1000000}
bench_build memberdesk memberdesk-cli
csv=$(bench_dataset members-csv "$members")
cli="$build/src/cli/memberdesk-cli"

trap bench_pg_cleanup EXIT
bench_pg_server
bench_pg_new_database members
url=$bench_pg_url
export MEMBERDESK_PASSWORD=bench-password
"$cli" --db "$url" --user admin db init >/dev/null
t0=$(now_ms)
"$cli" --db "$url" --user admin member import "$csv" | tail -1
t1=$(now_ms)
ours=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}')
echo "memberdesk-cli member import into PostgreSQL: $ours ms"
echo "members in the database: $(bench_psql "$bench_pg_dbname" -At -c 'SELECT COUNT(*) FROM members')"
bench_result pg_import "$ours" ms
# As bench_dataset's members-imported is ANALYZEd: statistics for the planner before the GUI runs.
bench_psql "$bench_pg_dbname" -c "VACUUM ANALYZE"

log="$out/member-list-gui-pg.log"
bench_gui_list "$url" "$log"
echo "GUI, Members area on $members members in PostgreSQL: $(cat "$log" 2>/dev/null || echo 'no timing logged')"
bench_gui_results pg_ "$log"
echo "GUI on $members members in PostgreSQL:"
bench_gui_start pg_ "$url" "$out/gui-start-pg.times"
