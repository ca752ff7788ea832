#!/usr/bin/env bash
# gui.program_history: the alternatives editor of a tier, the Committee and Lifecycle tabs of the
# Program area, and the History and Retire buttons, in the real memberdesk under X (Xvfb in CI),
# driven by xdotool.
# English: li.na (marketing) adds a second way to reach Lifetime Honorary (a single recharge of
# 80,000) and proposes the premium ladder; the CLI must see exactly that alternative. She sees the committee roster and its 30-day renewal filter, selects the
# chair's seat and proposes to retire it; the CLI must see exactly that retire request waiting.
# Chinese: with a second version of the lifecycle thresholds approved (120 days), li.na opens the
# Lifecycle tab's History, selects version 1 and proposes it again (a rollback); the CLI must see
# a new request carrying version 1's thresholds. Screenshots land in the artifacts folder.
# Usage: program_history_test.sh MEMBERDESK_BIN MEMBERDESK_CLI_BIN ARTIFACTS_DIR
set -uo pipefail
export LC_ALL=C.UTF-8

app_bin=${1:?memberdesk binary}
cli_bin=${2:?memberdesk-cli binary}
artifacts=${3:?artifacts folder}

TEST_NAME=gui.program_history ARTIFACT_PREFIX=history
. "$(dirname "$0")/gui_lib.sh"
gui_setup xdotool import timeout python3

# Points relative to the main window (1200x840, placed at 40,92 by start_signed_in).
click_at() { xdotool mousemove --window "$main_window" "$1" "$2" click 1; sleep 0.4; }

open_program_tab() {  # rights-from-first-tab
  xdotool windowfocus --sync "$main_window" || fail "cannot focus the main window"
  xdotool key Down
  sleep 1.2
  click_at 225 181
  for ((i = 0; i < $1; i++)); do xdotool key Right; sleep 0.1; done
  sleep 0.6
}

# The newest change request, as JSON on one line.
newest_request() {
  cli admin demo-admin change list | python3 -c '
import json, sys
rows = json.load(sys.stdin)
print(json.dumps(max(rows, key=lambda r: int(r["id"])), ensure_ascii=False))'
}

submit_through_dialog() {  # lang reason shot-name
  local dialog done_box
  dialog=$(wait_window "$([ "$1" = en ] && echo 'Propose change' || echo '提交变更')" 10) \
    || { shot "$3-no-dialog"; fail "no propose dialog ($1)"; }
  xdotool windowfocus --sync "$dialog"
  xdotool type --delay 15 "$2"
  shot "$3"
  xdotool key ctrl+Return
  done_box=$(wait_window "$([ "$1" = en ] && echo 'Change submitted' || echo '变更已提交')" 10) \
    || { shot "$3-no-confirmation"; fail "proposing showed no confirmation ($1)"; }
  xdotool windowfocus --sync "$done_box" && xdotool key Return
  sleep 0.4
}

# --- English: another way to qualify for Lifetime Honorary ----------------------------------
start_signed_in en 'Sign in — MemberDesk' li.na demo-marketing
open_program_tab 0
click_at 410 224   # the ladder chooser: the premium ladder is the third
xdotool key Down Down Return
sleep 0.6
click_at 260 603   # a cell of the tier table, then its last row: Lifetime Honorary
xdotool key ctrl+End
sleep 0.3
click_at 1047 736  # Edit for the selected tier…
dialog=$(wait_window 'Other ways to qualify: Lifetime Honorary' 10) || { shot history-en-00-no-alternatives; fail "no alternatives dialog"; }
xdotool windowfocus --sync "$dialog"
xdotool mousemove --window "$dialog" 69 291 click 1   # Add condition: a new alternative, single recharge
sleep 0.4
xdotool type --delay 30 "80000"
xdotool key Tab
shot history-en-00-alternatives-dialog
xdotool mousemove --window "$dialog" 533 334 click 1  # OK
wait_gone 'Other ways to qualify: ' 10 || { shot history-en-00-alternatives-refused; fail "the alternatives dialog refused a valid condition"; }
shot history-en-00-alternatives-on-page
click_at 1109 849  # Propose change…
submit_through_dialog en "GUI test: Lifetime Honorary by a single 80,000 recharge" history-en-00-propose-alternatives
newest_request | python3 -c '
import json, sys
r = json.loads(sys.stdin.read())
tiers = {t["code"]: t for t in (r.get("proposed") or {}).get("tiers", [])}
alts = tiers.get("lifetime_honorary", {}).get("alternatives", [])
ok = r["kind"] == "ladder" and r["item_key"] == "premium" and len(alts) == 2 and \
     alts[1] == {"all_of": [{"measure": "largest_single_recharge", "threshold": "80000.00", "months": 0}]}
if not ok: print(r, file=sys.stderr)
sys.exit(0 if ok else 1)' || fail "the proposed premium ladder does not carry the new alternative"

# --- English: the roster, the renewal filter, retiring a seat -------------------------------
click_at 225 181
for ((i = 0; i < 5; i++)); do xdotool key Right; sleep 0.1; done
sleep 0.6
shot history-en-01-committee
click_at 223 220   # Only terms ending within 30 days
shot history-en-02-committee-ending-soon
click_at 223 220
click_at 273 274   # the first seat: M00000001, the chair
click_at 770 112    # History…
dialog=$(wait_window 'History: Committee seat: M00000001' 10) || { shot history-en-03-no-history; fail "no history dialog for the chair's seat"; }
shot history-en-03-seat-history
xdotool windowfocus --sync "$dialog" && xdotool key Escape
wait_gone 'History: ' 10 || fail "the history dialog stayed open"
click_at 864 112    # Retire…
submit_through_dialog en "GUI test: the chair steps down" history-en-04-retire-dialog
stop_app
newest_request | python3 -c '
import json, sys
r = json.loads(sys.stdin.read())
ok = (r["kind"], r["item_key"], r["proposed"], r["status"]) == ("committee", "M00000001", None, "submitted") \
     and r["reason"] == "GUI test: the chair steps down"
if not ok: print(r, file=sys.stderr)
sys.exit(0 if ok else 1)' || fail "the newest request is not the retirement of the chair's seat"

# --- Chinese: a rollback of the lifecycle thresholds through History ------------------------
echo '{"dormant_after_days": 120, "lapsed_after_days": 365}' >"$work/lifecycle-120.json"
id=$(cli li.na demo-marketing change propose lifecycle --file "$work/lifecycle-120.json" --reason "延长沉睡期" \
     | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])') || fail "proposing 120 days failed"
cli wang.qiang demo-approver change approve "$id" --comment "同意" >/dev/null || fail "approving $id failed"

start_signed_in zh_CN '登录 — MemberDesk' li.na demo-marketing
open_program_tab 6
shot history-zh_CN-01-lifecycle
click_at 640 113    # 历史… (the Chinese top bar is narrower)
dialog=$(wait_window '历史：' 10) || { shot history-zh_CN-02-no-history; fail "no history dialog for the lifecycle thresholds"; }
xdotool windowfocus --sync "$dialog"
xdotool key Up               # from the newest version to version 1
shot history-zh_CN-02-lifecycle-history
xdotool key alt+a            # 重新提交此版本(&A)…
submit_through_dialog zh_CN "GUI 测试：恢复 90 天" history-zh_CN-03-rollback-dialog
stop_app
newest_request | python3 -c '
import json, sys
r = json.loads(sys.stdin.read())
ok = r["kind"] == "lifecycle" and r["proposed"] == {"dormant_after_days": 90, "lapsed_after_days": 365} \
     and r["status"] == "submitted"
if not ok: print(r, file=sys.stderr)
sys.exit(0 if ok else 1)' || fail "the newest request does not restore version 1 of the lifecycle thresholds"

echo "gui.program_history passed: a seat retired (en) and the lifecycle thresholds rolled back (zh_CN) in the GUI; screenshots in $artifacts"
