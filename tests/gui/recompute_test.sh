#!/usr/bin/env bash
# gui.recompute: Members ▸ Recompute tiers… on the real memberdesk under X (Xvfb in CI), in Chinese,
# driven by the keyboard only. li.na (marketing) opens the dialog from the menu, types a purpose
# after Tab, previews (Alt+P) and runs (Alt+R) under the progress dialog; the CLI finds one more
# run, finished, as of today, with that purpose and every member evaluated; Esc closes the dialog.
# Usage: recompute_test.sh MEMBERDESK_BIN MEMBERDESK_CLI_BIN ARTIFACTS_DIR
set -uo pipefail
export LC_ALL=C.UTF-8

app_bin=${1:?memberdesk binary}
cli_bin=${2:?memberdesk-cli binary}
artifacts=${3:?artifacts folder}

TEST_NAME=gui.recompute ARTIFACT_PREFIX=recompute
. "$(dirname "$0")/gui_lib.sh"
gui_setup xdotool import timeout python3

runs() { cli li.na demo-marketing tier runs; }
runs_before=$(runs | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))') || fail "tier runs failed"
# The CLI's own preview says how many members a run evaluates.
members=$(cli li.na demo-marketing tier recompute --preview | python3 -c 'import json, sys; print(json.load(sys.stdin)["members"])') \
  || fail "tier recompute --preview failed"
today=$(TZ=Asia/Shanghai date +%F)
purpose="gui: 月末重算"

start_signed_in zh_CN '^登录 — MemberDesk$' li.na demo-marketing
xdotool key --delay 300 alt+m t
dialog=$(wait_window '^重算等级$' 10) || { shot recompute-zh-no-dialog; fail "Members ▸ Recompute tiers opened no dialog"; }
xdotool windowfocus --sync "$dialog"
xdotool key Tab                          # the day (first) → the purpose
xdotool type --delay 20 "$purpose"
xdotool key alt+p
sleep 2
shot recompute-zh-previewed
xdotool key alt+r
sleep 3
app_alive || fail "memberdesk exited running the recompute"
shot recompute-zh-run

newest=$(runs | python3 -c '
import json, sys
runs = json.load(sys.stdin)
r = runs[0]
print(len(runs), r["state"], r["as_of"], r["members"], r["purpose"])') || fail "tier runs failed after the run"
[ "$newest" = "$((runs_before + 1)) finished $today $members $purpose" ] \
  || fail "after Run the CLI sees (runs state as-of members purpose): $newest; expected $((runs_before + 1)) finished $today $members $purpose"

xdotool windowfocus --sync "$dialog" && xdotool key Escape
wait_gone '^重算等级$' 5 || { shot recompute-zh-stays; fail "Esc did not close the Recompute tiers dialog"; }
stop_app
echo "$TEST_NAME passed: previewed and run from the keyboard in Chinese; the CLI finds run $((runs_before + 1)) finished for $members members"
