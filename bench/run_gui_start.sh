#!/usr/bin/env bash
# GUI cold start at ROWS members (default 1,000,000; bench_dataset's `members-imported`, the member
# list bench's file): the real memberdesk under Xvfb, timed from outside with xdotool, from the
# process starting to the Sign in window shown, plus from Return pressed on the filled-in form to
# the main window shown (the sign-in check, opening the services and building the main window with
# the Members area). The typing in between is the robot's, not the app's, so it is left out. Goal:
# under 1 s. Windows are looked for every 10 ms or so (each look is an xdotool call of a few ms).
# Usage: bench/run_gui_start.sh [ROWS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib/common.sh"
. "$root/bench/lib/dataset.sh"
rows=${1:-1000000}
bench_build memberdesk memberdesk-cli
db=$(bench_dataset members-imported "$rows")
MEMBERDESK_PASSWORD=bench-password "$build/src/cli/memberdesk-cli" --db "sqlite3://db=$db" --user admin db migrate >/dev/null
times="$out/gui-start.times"
rm -f "$times"
# The sign-in dialog is "Sign in — MemberDesk"; the main window "MemberDesk — <area>".
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
  "$2" --db "sqlite3://db=$3" --lang en >/dev/null 2>&1 &
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
' _ "$times" "$build/src/app/memberdesk" "$db"
read -r start sign_in submitted main <"$times"
to_sign_in=$(awk -v a="$start" -v b="$sign_in" 'BEGIN{printf "%.1f", (b - a) / 1e6}')
to_main=$(awk -v a="$submitted" -v b="$main" 'BEGIN{printf "%.1f", (b - a) / 1e6}')
total=$(awk -v a="$to_sign_in" -v b="$to_main" 'BEGIN{printf "%.1f", a + b}')
echo "GUI on $rows members: start to Sign in ${to_sign_in} ms, Return to main window ${to_main} ms, cold start ${total} ms (goal: under 1000 ms)"
bench_result gui_cold_start "$total" ms
bench_result gui_start_to_sign_in "$to_sign_in" ms
bench_result gui_sign_in_to_main "$to_main" ms
