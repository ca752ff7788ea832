#!/usr/bin/env bash
# gui.tiers: the member window's Tiers tab and the what-if in the approvals inbox, on the real
# memberdesk under X (Xvfb in CI), driven by xdotool. The CLI posts purchases (M00000006 reaches
# Yellow Diamond) and li.na proposes a stricter Yellow threshold, which carries its what-if.
# In English zhang.min (service) opens the member's Tiers tab, asks for an override without a
# reason (refused, the dialog keeps the input), then with one: the CLI finds it pending. wang.qiang
# (approver) sees the what-if on the request in the inbox (the CLI's change show has the same
# mover). In Chinese wang.qiang approves the override from the Tiers tab: the CLI's tier explain
# then shows the overriding tier. Screenshots land in the artifacts folder.
# Usage: tiers_test.sh MEMBERDESK_BIN MEMBERDESK_CLI_BIN ARTIFACTS_DIR
set -uo pipefail
export LC_ALL=C.UTF-8

app_bin=${1:?memberdesk binary}
cli_bin=${2:?memberdesk-cli binary}
artifacts=${3:?artifacts folder}

TEST_NAME=gui.tiers ARTIFACT_PREFIX=tiers
. "$(dirname "$0")/gui_lib.sh"
gui_setup xdotool import timeout python3 sqlite3

json_field() {  # python-expression: reads JSON on stdin, prints the expression over `j`
  python3 -c "import json, sys; j = json.load(sys.stdin); print($1)"
}

# A member's window, its Tiers tab shown (sets $window).
open_tiers() {  # member window-title-pattern
  xdotool mousemove --window "$main_window" 600 137 click 1   # the search box
  sleep 0.3
  xdotool type --delay 30 "$1"
  sleep 0.6
  xdotool key Return
  window=$(wait_window "$2" 10) || { shot "tiers-no-member-window"; fail "no member window for $1"; }
  xdotool windowfocus --sync "$window"
  xdotool key ctrl+4
  sleep 0.8
}

# --- data: purchases, and a stricter ladder proposed with its what-if -------------------------
for price in 1000 100; do
  cli zhang.min demo-service txn purchase M00000006 "$price" --stored-value 0 >/dev/null || fail "purchase $price failed"
done
for member in M00000007 M00000008; do
  cli zhang.min demo-service txn purchase "$member" 1500 --stored-value 0 >/dev/null || fail "purchase for $member failed"
done
# The movements as if made in June, so that months of history exist to replay.
sqlite3 "$work/demo.db" "UPDATE tier_facts SET day = '2026-06-01'" || fail "could not backdate the movements"
cli li.na demo-marketing program export | python3 -c '
import json, sys
ladder = next(l for l in json.load(sys.stdin)["ladders"] if l["code"] == "individual")
ladder["tiers"][0]["threshold"] = "1200.00"
json.dump(ladder, open(sys.argv[1], "w"), ensure_ascii=False)' "$work/ladder.json" || fail "could not write the draft ladder"
change=$(cli li.na demo-marketing change propose ladder --file "$work/ladder.json" --reason "黄钻门槛 1,200 Yellow from 1,200" \
         | json_field 'j["id"]') || fail "proposing the ladder failed"
movers=$(cli wang.qiang demo-approver change show "$change" \
         | json_field '";".join(m["member"] + ":" + m["from"] + ">" + m["to"] for m in j["simulation"]["movers"])')
[ "$movers" = "M00000006:yellow_diamond>" ] || fail "the request's what-if movers are \"$movers\""

# --- English: zhang.min asks for an override -----------------------------------------------------
start_signed_in en 'Sign in — MemberDesk' zhang.min demo-service
open_tiers M00000006 'Member M00000006'
shot tiers-en-01-tiers-tab
xdotool key alt+o
dialog=$(wait_window 'Override tier' 10) || { shot tiers-en-no-dialog; fail "no override dialog"; }
xdotool windowfocus --sync "$dialog"
xdotool key Tab
xdotool type --delay 20 "red_diamond"
xdotool key Return   # no reason: refused
refusal=$(wait_window 'Invalid input' 5) || { shot tiers-en-no-refusal; fail "an override without a reason was not refused"; }
shot tiers-en-02-no-reason-refused
xdotool windowfocus --sync "$refusal" && xdotool key Return
sleep 0.5
xdotool search --onlyvisible --name 'Override tier' >/dev/null || fail "the override dialog closed after a refusal"
xdotool windowfocus --sync "$dialog"
xdotool key Tab   # from Tier (where the refusal left the focus) to Reason
xdotool type --delay 20 "GUI test: complaint settlement"
xdotool key Return
wait_gone 'Override tier' 5 || { shot tiers-en-override-stuck; fail "the override dialog did not close"; }
sleep 0.6
shot tiers-en-03-override-pending
stop_app
pending=$(cli zhang.min demo-service tier override list M00000006 --pending \
          | json_field '";".join(o["tier"] + "/" + o["reason"] for o in j)')
[ "$pending" = "red_diamond/GUI test: complaint settlement" ] || fail "pending overrides: \"$pending\""

# --- English: wang.qiang sees the what-if in the inbox -------------------------------------------
start_signed_in en 'Sign in — MemberDesk' wang.qiang demo-approver
xdotool windowfocus --sync "$main_window"
for ((i = 0; i < 7; i++)); do xdotool key Down; sleep 0.15; done
expect_title "$main_window" 'MemberDesk — Approvals'
sleep 1
shot tiers-en-04-approvals-what-if
xdotool mousemove --window "$main_window" 908 597 click 1   # the "Tier migration" tab of the what-if
sleep 0.6
shot tiers-en-05-approvals-migration
stop_app

# --- Chinese: wang.qiang approves the override from the member's Tiers tab -----------------------
start_signed_in zh_CN '登录 — MemberDesk' wang.qiang demo-approver
open_tiers M00000006 '会员 M00000006'
shot tiers-zh-01-tiers-tab
xdotool mousemove --window "$window" 30 275 click 1   # the first override, the pending one
sleep 0.4
xdotool key alt+p
sleep 1.2
shot tiers-zh-02-override-approved
stop_app
tier=$(cli zhang.min demo-service tier explain M00000006 \
       | json_field 'next(l["tier"] + "/" + l["rule"] for l in j["ladders"] if l["ladder"] == "individual")')
[ "$tier" = "red_diamond/override" ] || fail "after approving in the GUI the individual tier is \"$tier\""

# Chinese approvals inbox with the what-if (the request is still waiting).
start_signed_in zh_CN '登录 — MemberDesk' wang.qiang demo-approver
xdotool windowfocus --sync "$main_window"
for ((i = 0; i < 7; i++)); do xdotool key Down; sleep 0.15; done
sleep 1
shot tiers-zh-03-approvals-what-if
stop_app
echo "$TEST_NAME passed"
