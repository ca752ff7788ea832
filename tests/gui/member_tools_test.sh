#!/usr/bin/env bash
# gui.member_tools: the Members menu of the real memberdesk under X (Xvfb in CI), driven by
# xdotool. With the dormant threshold approved down to 30 days, li.na (marketing) previews the
# lifecycle job today in English, runs it, and the CLI must find a second run in the log whose
# moves are exactly what the preview counted; in Chinese the dialog is photographed after a
# preview of a later day. Then she imports a GBK file with one bad row: checked (nothing
# written), refused as a whole, then imported with the bad row set aside; the CLI must find
# exactly the good rows. zhang.min (service) merges M00000011 into M00000006 from the member
# window; the CLI must find the old number leading to the kept one. li.na exports every member
# to XLSX from the menu, masked; xlsx2csv must read back every member, masked.
# Screenshots land in the artifacts folder.
# Usage: member_tools_test.sh MEMBERDESK_BIN MEMBERDESK_CLI_BIN ARTIFACTS_DIR
set -uo pipefail
export LC_ALL=C.UTF-8

app_bin=${1:?memberdesk binary}
cli_bin=${2:?memberdesk-cli binary}
artifacts=${3:?artifacts folder}

TEST_NAME=gui.member_tools ARTIFACT_PREFIX=tools
. "$(dirname "$0")/gui_lib.sh"
gui_setup xdotool import timeout python3 xlsx2csv

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
# After the run its button is disabled; the dialog must still hear the keyboard: Esc closes it.
xdotool windowfocus --sync "$dialog" && xdotool key Escape
wait_gone '^Lifecycle job$' 5 || { shot tools-en-lifecycle-stays; fail "Esc did not close the Lifecycle job dialog after a run"; }
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
later=$(python3 -c 'import datetime; print(((datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date() + datetime.timedelta(days=200)).isoformat())')
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

# --- Chinese: a GBK import, checked, refused whole, then the good rows imported ---------------
python3 - "$work/members-gbk.csv" <<'PY'
import sys
rows = "姓名,手机号,门店\r\n欧阳修,13700001111,杭州西湖店\r\n李清照,13700002222,济南大明湖店\r\n坏号码,12345,北京朝阳店\r\n"
open(sys.argv[1], "wb").write(rows.encode("gbk"))
PY
count_members() { cli admin demo-admin member find 1111 | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))'; }
start_signed_in zh_CN '登录 — MemberDesk' li.na demo-marketing
xdotool windowfocus --sync "$main_window"
xdotool key alt+m
sleep 0.4
xdotool key i
dialog=$(wait_window '导入会员' 10) || { shot tools-zh_CN-no-import; fail "no import dialog from the Members menu"; }
xdotool windowfocus --sync "$dialog"
xdotool type --delay 10 "$work/members-gbk.csv"
xdotool key alt+c
sleep 1.5
shot tools-zh_CN-02-import-checked
[ "$(count_members)" = 0 ] || fail "checking the file wrote members"
xdotool windowfocus --sync "$dialog" && xdotool key alt+i
sleep 1.5
shot tools-zh_CN-03-import-refused
[ "$(count_members)" = 0 ] || fail "a file with a bad row was imported in part"
stop_app
echo "GUI import (zh_CN): check and refusal wrote nothing" >&2

start_signed_in en 'Sign in — MemberDesk' li.na demo-marketing
xdotool windowfocus --sync "$main_window"
xdotool key alt+m
sleep 0.4
xdotool key i
dialog=$(wait_window 'Import members' 10) || { shot tools-en-no-import; fail "no import dialog from the Members menu"; }
xdotool windowfocus --sync "$dialog"
xdotool type --delay 10 "$work/members-gbk.csv"
xdotool key alt+s               # "Import the good rows and set the bad ones aside"
xdotool key alt+i
sleep 2
shot tools-en-03-import-skip-invalid
stop_app
found=$(cli admin demo-admin member find 欧阳修 | python3 -c 'import json, sys; print(",".join(m["home_store"] for m in json.load(sys.stdin)))')
[ "$found" = "杭州西湖店" ] || fail "the GBK row 欧阳修 was not imported with its store (found: $found)"
[ "$(cli admin demo-admin member find 坏号码 | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))')" = 0 ] \
  || fail "the bad row was imported"

# --- English: merge from the member window, then export from the menu --------------------------
start_signed_in en 'Sign in — MemberDesk' zhang.min demo-service
xdotool mousemove --window "$main_window" 600 137 click 1   # the search box
sleep 0.3
xdotool type --delay 30 "M00000006"
sleep 0.6
xdotool key Return
window=$(wait_window 'Member M00000006' 10) || { shot tools-en-no-member-window; fail "no member window for M00000006"; }
xdotool windowfocus --sync "$window"
xdotool key alt+m                                           # Merge a duplicate…
ask=$(wait_window 'Merge a duplicate' 10) || { shot tools-en-no-merge-dialog; fail "no merge dialog"; }
xdotool windowfocus --sync "$ask"
xdotool type --delay 20 "M00000011"
xdotool key Return
sleep 1
shot tools-en-04-merge-confirm
xdotool key alt+y                                           # Yes
sleep 1.2
shot tools-en-05-merged
stop_app
merged=$(MEMBERDESK_PASSWORD=demo-admin timeout 30 "$cli_bin" --db "$db_url" --user admin member show M00000011 2>&1)
case "$merged" in *"merged into M00000006"*) ;; *) fail "M00000011 was not merged into M00000006: $merged" ;; esac

start_signed_in en 'Sign in — MemberDesk' li.na demo-marketing
xdotool windowfocus --sync "$main_window"
xdotool key alt+m
sleep 0.4
xdotool key e                                               # Export members…
sleep 1.5
xdotool key ctrl+a
xdotool type --delay 10 "$work/members.xlsx"
xdotool key Return
sleep 1
shot tools-en-06-export-question
xdotool key Return                                          # No: masked contact data
sleep 1
shot tools-en-07-exported
xdotool key Return
stop_app
[ -f "$work/members.xlsx" ] || fail "the export wrote no $work/members.xlsx"
xlsx2csv "$work/members.xlsx" | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
ok = len(rows) == 13 and all("****" in r["mobile"] for r in rows if r["mobile"]) and rows[0]["number"] == "M00000001"
if not ok: print(rows[:2], len(rows), file=sys.stderr)
sys.exit(0 if ok else 1)' || fail "the exported workbook does not hold every member, masked"

echo "gui.member_tools passed: the lifecycle job previewed and ran in the GUI (en), previewed a later day (zh_CN); screenshots in $artifacts"
