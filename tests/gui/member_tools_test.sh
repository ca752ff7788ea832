#!/usr/bin/env bash
# gui.member_tools: the lifecycle job from the Members menu of the real memberdesk under X (Xvfb
# in CI), driven by xdotool. With the dormant threshold approved down to 30 days, li.na
# (marketing) previews today in English, runs it, and the CLI must find a second run in the log
# whose moves are exactly what the preview counted; in Chinese the dialog is photographed after
# a preview of a later day. Screenshots land in the artifacts folder.
# Usage: member_tools_test.sh MEMBERDESK_BIN MEMBERDESK_CLI_BIN ARTIFACTS_DIR
set -uo pipefail
export LC_ALL=C.UTF-8

app_bin=${1:?memberdesk binary}
cli_bin=${2:?memberdesk-cli binary}
artifacts=${3:?artifacts folder}

TEST_NAME=gui.member_tools ARTIFACT_PREFIX=tools
. "$(dirname "$0")/gui_lib.sh"
gui_setup xdotool import timeout python3

open_lifecycle_job() {  # dialog-title; sets $dialog (not in a subshell, so that fail stops the test)
  xdotool windowfocus --sync "$main_window" || fail "cannot focus the main window"
  xdotool key alt+m
  sleep 0.4
  xdotool key l
  dialog=$(wait_window "$1" 10) || { shot tools-no-lifecycle-dialog; fail "no \"$1\" dialog from the Members menu"; }
  xdotool windowfocus --sync "$dialog"
}

# Thresholds of 30 / 365 days, approved: some demo members become dormant today.
echo '{"dormant_after_days": 30, "lapsed_after_days": 365}' >"$work/lifecycle-30.json"
id=$(cli li.na demo-marketing change propose lifecycle --file "$work/lifecycle-30.json" --reason "缩短沉睡期" \
     | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])') || fail "proposing 30 days failed"
cli wang.qiang demo-approver change approve "$id" --comment "同意" >/dev/null || fail "approving $id failed"
cli li.na demo-marketing lifecycle preview >"$work/expected.json" || fail "lifecycle preview failed"

# --- English: preview today, then run ------------------------------------------------------
start_signed_in en 'Sign in — MemberDesk' li.na demo-marketing
open_lifecycle_job 'Lifecycle job'
xdotool key alt+p
sleep 1
shot tools-en-01-lifecycle-preview
xdotool key alt+r
sleep 1
shot tools-en-02-lifecycle-run
stop_app
cli li.na demo-marketing lifecycle runs >"$work/runs.json" || fail "lifecycle runs failed"
python3 - "$work/expected.json" "$work/runs.json" <<'PY' || fail "the GUI run did not make exactly the previewed moves"
import json, sys
expected = json.load(open(sys.argv[1]))
runs = json.load(open(sys.argv[2]))
ok = len(runs) == 2 and runs[0]["run_by"] == "li.na" and expected["changed"] > 0 \
     and runs[0]["changed"] == expected["changed"] and runs[0]["moves"] == expected["moves"] \
     and runs[0]["dormant_after_days"] == 30
if not ok:
    print("expected:", expected, "runs:", runs, file=sys.stderr)
sys.exit(0 if ok else 1)
PY

# --- Chinese: a preview of a later day, nothing written -------------------------------------
later=$(python3 -c 'import datetime; print((datetime.date.today() + datetime.timedelta(days=200)).isoformat())')
start_signed_in zh_CN '登录 — MemberDesk' li.na demo-marketing
open_lifecycle_job '生命周期任务'
xdotool key ctrl+a
xdotool type --delay 20 "$later"
xdotool key alt+p
sleep 1
shot tools-zh_CN-01-lifecycle-preview-later
stop_app
[ "$(cli li.na demo-marketing lifecycle runs | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))')" = 2 ] \
  || fail "a preview wrote a run"

echo "gui.member_tools passed: the lifecycle job previewed and ran in the GUI (en), previewed a later day (zh_CN); screenshots in $artifacts"
