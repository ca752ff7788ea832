# The real GUI under Xvfb, timed from outside (bench/run_member_list.sh, bench/run_gui_start.sh and
# their PostgreSQL variant, bench/run_pg_members.sh). Source after common.sh. Both sign in as admin
# with bench-password, in English.

# bench_gui_list URL LOG: signs in; the Members area opens on the list of every member. The GUI's
# hook (MEMBERDESK_LIST_TIMING_LOG) writes to LOG a first_rows_ms= line (asking for the list to its
# first rows painted, with rss_kb=) and then a last_row_ms= line (a jump to the last row, painted).
bench_gui_list() {
  rm -f "$2"
  xvfb-run -a -s "-screen 0 1280x1024x24" bash -c '
    MEMBERDESK_LIST_TIMING_LOG="$1" "$2" --db "$3" --lang en >/dev/null 2>&1 &
    app=$!
    win=$(timeout 20 xdotool search --sync --onlyvisible --name "Sign in" | head -1)
    sleep 0.5
    xdotool windowfocus --sync "$win"; xdotool type --delay 10 admin; xdotool key Tab; xdotool type --delay 10 bench-password; xdotool key Return
    for i in $(seq 1 150); do grep -q "^last_row_ms=" "$1" 2>/dev/null && break; sleep 0.2; done
    kill $app
  ' _ "$2" "$build/src/app/memberdesk" "$1"
}

# bench_gui_results PREFIX LOG: the @result lines of bench_gui_list's LOG, cases named PREFIX + gui_....
bench_gui_results() {
  local first
  if grep -q "^first_rows_ms=" "$2" 2>/dev/null; then
    first=$(grep -m1 "^first_rows_ms=" "$2")
    bench_result "${1}gui_list_first_rows" "$(sed 's/.*first_rows_ms=\([0-9.]*\).*/\1/' <<<"$first")" ms
    bench_result "${1}gui_list_rss" "$(sed 's/.*rss_kb=\([0-9]*\).*/\1/' <<<"$first" | awk '{printf "%.1f", $1 / 1024}')" MB
  fi
  if grep -q "^last_row_ms=" "$2" 2>/dev/null; then
    bench_result "${1}gui_scroll_last_row" "$(grep -m1 "^last_row_ms=" "$2" | sed 's/.*last_row_ms=\([0-9.]*\).*/\1/')" ms
  fi
}

# bench_gui_start PREFIX URL TIMES: from the process's start to the Sign in window, and from Return
# on it to the main window, polled with xdotool every 10 ms; prints the @result lines
# PREFIX + gui_cold_start (the sum), gui_start_to_sign_in and gui_sign_in_to_main.
bench_gui_start() {
  local prefix=$1 url=$2 times=$3 start sign_in submitted main to_sign_in to_main total
  rm -f "$times"
  xvfb-run -a -s "-screen 0 1280x1024x24" bash -c '
    set -euo pipefail
    shown() {  # TITLE_REGEX: waits up to 30 s for a visible window so named; prints when (ns)
      local i
      for ((i = 0; i < 3000; i++)); do
        xdotool search --onlyvisible --name "$1" >/dev/null 2>&1 && { date +%s%N; return 0; }
        sleep 0.01
      done
      echo "no window \"$1\" within 30 s" >&2
      return 1
    }
    start=$(date +%s%N)
    "$2" --db "$3" --lang en >/dev/null 2>&1 &
    app=$!
    trap "kill $app 2>/dev/null || true" EXIT
    sign_in=$(shown "^Sign in")
    win=$(xdotool search --onlyvisible --name "^Sign in" | head -1)
    sleep 0.5  # as the GUI tests do: the dialog takes keys once it has settled
    xdotool windowfocus --sync "$win"; xdotool type --delay 10 admin; xdotool key Tab; xdotool type --delay 10 bench-password
    submitted=$(date +%s%N)
    xdotool key Return
    main=$(shown "^MemberDesk")
    echo "$start $sign_in $submitted $main" >"$1"
  ' _ "$times" "$build/src/app/memberdesk" "$url"
  read -r start sign_in submitted main <"$times"
  to_sign_in=$(awk -v a="$start" -v b="$sign_in" 'BEGIN{printf "%.1f", (b - a) / 1e6}')
  to_main=$(awk -v a="$submitted" -v b="$main" 'BEGIN{printf "%.1f", (b - a) / 1e6}')
  total=$(awk -v a="$to_sign_in" -v b="$to_main" 'BEGIN{printf "%.1f", a + b}')
  echo "GUI: start to Sign in ${to_sign_in} ms, Return to main window ${to_main} ms, cold start ${total} ms (goal: under 1000 ms)"
  bench_result "${prefix}gui_cold_start" "$total" ms
  bench_result "${prefix}gui_start_to_sign_in" "$to_sign_in" ms
  bench_result "${prefix}gui_sign_in_to_main" "$to_main" ms
}
