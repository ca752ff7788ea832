#!/usr/bin/env bash
# gui.program: the Program and Approvals areas of the real memberdesk under X (Xvfb in CI),
# driven by xdotool. In English and then in Chinese: li.na (marketing) opens Program, the
# ladder editor, the premium ladder and the package catalogue are photographed, a threshold is
# edited in the grid and proposed through the dialog; the CLI must then see exactly that
# change waiting. wang.qiang (approver) opens Approvals with it selected and its diff on
# screen, and decides it in the GUI (approve in English, reject in Chinese); the CLI must see
# the decision. Screenshots land in the artifacts folder for a person to look at.
# Usage: program_screens_test.sh MEMBERDESK_BIN MEMBERDESK_CLI_BIN ARTIFACTS_DIR
set -uo pipefail
export LC_ALL=C.UTF-8

app_bin=${1:?memberdesk binary}
cli_bin=${2:?memberdesk-cli binary}
artifacts=${3:?artifacts folder}

TEST_NAME=gui.program ARTIFACT_PREFIX=program
. "$(dirname "$0")/gui_lib.sh"
gui_setup xdotool import timeout python3

# Clicks at a point of the main window (the frame has a fixed size, centred on the screen).
click_at() {  # x y
  xdotool mousemove --window "$main_window" "$1" "$2" click 1
  sleep 0.4
}

requests_json() { cli admin demo-admin change list; }

# Field of change request $1 in `change list --json`, or "" when there is none.
request_field() {  # id field
  requests_json | python3 -c '
import json, sys
data = json.load(sys.stdin)
rows = data if isinstance(data, list) else data.get("changes", data.get("requests", []))
for r in rows:
    if str(r.get("id")) == sys.argv[1]:
        print(r.get(sys.argv[2], ""))' "$1" "$2"
}

highest_id() {
  requests_json | python3 -c '
import json, sys
data = json.load(sys.stdin)
rows = data if isinstance(data, list) else data.get("changes", data.get("requests", []))
print(max((int(r["id"]) for r in rows), default=0))'
}

# One language round. Points are relative to the main window, which is 1200x840 in both languages.
round_trip() {  # lang sign-in-title program-title approvals-title tier-row new-threshold decision
  local lang=$1 sign_in_title=$2 program_title=$3 approvals_title=$4 row=$5 threshold=$6 decision=$7
  local before after id

  # --- li.na proposes a threshold change ---------------------------------------------------
  start_signed_in "$lang" "$sign_in_title" li.na demo-marketing
  go_to_area 1 "$program_title"
  shot "program-$lang-01-ladder-individual"

  # The premium ladder shows alternative qualifications in words.
  click_at 410 224
  xdotool key Down Down Return
  sleep 0.6
  shot "program-$lang-02-ladder-premium"

  # The package catalogue: focus the first tab, then walk right to Meal packages.
  click_at 225 181
  xdotool key Right Right Right Right
  sleep 0.6
  shot "program-$lang-03-packages"
  xdotool key Left Left Left Left
  sleep 0.4

  # Back on the individual ladder; edit the chosen tier's threshold in the grid.
  click_at 410 224
  xdotool key Up Up Return
  sleep 0.6
  # Click a cell that is not the current one (clicking the current cell opens its editor),
  # then walk from the top-left cell with the keyboard.
  click_at 260 603
  xdotool key ctrl+Home
  sleep 0.3
  for ((i = 1; i < row; i++)); do xdotool key Down; done
  xdotool key Right Right Right
  xdotool type --delay 30 "$threshold"
  xdotool key Return
  sleep 0.3
  shot "program-$lang-04-threshold-edited"

  before=$(highest_id)
  click_at 1145 848     # Propose change…
  local dialog
  dialog=$(wait_window "$(if [ "$lang" = en ]; then echo 'Propose change'; else echo '提交变更'; fi)" 10) \
    || { shot "program-$lang-05-no-dialog"; fail "no propose dialog ($lang)"; }
  xdotool windowfocus --sync "$dialog"
  xdotool type --delay 15 "GUI test ($lang): threshold to $threshold"
  shot "program-$lang-05-propose-dialog"
  xdotool key ctrl+Return
  local done_box
  done_box=$(wait_window "$(if [ "$lang" = en ]; then echo 'Change submitted'; else echo '变更已提交'; fi)" 10) \
    || { shot "program-$lang-06-no-confirmation"; fail "proposing showed no confirmation ($lang)"; }
  shot "program-$lang-06-submitted"
  xdotool windowfocus --sync "$done_box" && xdotool key Return
  stop_app

  after=$(highest_id)
  [ "$after" -gt "$before" ] || fail "no new change request after proposing in the GUI ($lang)"
  id=$after
  [ "$(request_field "$id" status)" = submitted ] || fail "change $id is not submitted: $(request_field "$id" status)"
  cli admin demo-admin change show "$id" >"$work/show-$id.json" || fail "change show $id failed"
  python3 - "$work/show-$id.json" "$row" "$threshold" <<'PY' || fail "change $id does not carry exactly the threshold edit ($lang)"
import json, sys
view = json.load(open(sys.argv[1]))
diff = view["diff"]
expected = {"path": "tiers[%s].threshold" % sys.argv[2], "after": "%s.00" % sys.argv[3]}
ok = len(diff) == 1 and all(diff[0][k] == v for k, v in expected.items())
if not ok:
    print("diff:", diff, file=sys.stderr)
sys.exit(0 if ok else 1)
PY

  # --- wang.qiang sees it waiting, with its diff, and decides it ---------------------------
  start_signed_in "$lang" "$sign_in_title" wang.qiang demo-approver
  go_to_area 7 "$approvals_title"
  shot "approvals-$lang-01-inbox-with-diff"
  click_at "$(if [ "$decision" = approve ]; then echo 1035; else echo 1140; fi)" 847
  dialog=$(wait_window "$(if [ "$decision" = approve ]; then
                            [ "$lang" = en ] && echo 'Approve change' || echo '批准变更'
                          else
                            [ "$lang" = en ] && echo 'Reject change' || echo '驳回变更'
                          fi)" 10) || { shot "approvals-$lang-02-no-dialog"; fail "no $decision dialog ($lang)"; }
  xdotool windowfocus --sync "$dialog"
  xdotool type --delay 15 "GUI test ($lang): $decision"
  shot "approvals-$lang-02-decision-dialog"
  xdotool key ctrl+Return
  wait_gone "$(xdotool getwindowname "$dialog" 2>/dev/null || echo none)" 10 || fail "the $decision dialog stayed open ($lang)"
  sleep 0.8
  shot "approvals-$lang-03-decided"
  stop_app
  local expected_status
  expected_status=$([ "$decision" = approve ] && echo approved || echo rejected)
  [ "$(request_field "$id" status)" = "$expected_status" ] \
    || fail "change $id is $(request_field "$id" status) after $decision in the GUI, expected $expected_status"
}

round_trip en 'Sign in — MemberDesk' 'MemberDesk — Program' 'MemberDesk — Approvals' 2 2500 approve
round_trip zh_CN '登录 — MemberDesk' 'MemberDesk — 会员计划' 'MemberDesk — 审批' 3 3200 reject

# The approved change is in force; the rejected one is not.
cli li.na demo-marketing program export >"$work/export.json" || fail "program export failed"
python3 - "$work/export.json" <<'PY' || fail "the programme in force does not show the approved threshold and only it"
import json, sys
doc = json.load(open(sys.argv[1]))
tiers = {t["code"]: t["threshold"] for l in doc["ladders"] if l["code"] == "individual" for t in l["tiers"]}
ok = tiers.get("red_diamond") == "2500.00" and tiers.get("black_diamond") == "3000.00"
if not ok:
    print("individual ladder:", tiers, file=sys.stderr)
sys.exit(0 if ok else 1)
PY

echo "gui.program passed: proposed, approved (en) and rejected (zh_CN) in the GUI; screenshots in $artifacts"
