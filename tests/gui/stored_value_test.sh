#!/usr/bin/env bash
# gui.stored_value: the member window's "Stored value & points" tab and the Cards & Stored Value
# area of the real memberdesk under X (Xvfb in CI), driven by xdotool. In English zhang.min
# (service) recharges 12,000 (the 12,000 → 15,000 bonus is added), activates a card from a batch
# the CLI created, buys for 1,000 and tries to redeem more coins than there are (refused, the
# dialog keeps the input); the CLI must find exactly those balances. In Chinese li.na (marketing)
# creates a batch from the Cards area; the CLI must list it and pdftotext must read its card sheet;
# she then looks up the activated card and its history and closes it (the CLI must see it closed,
# the member's balances unchanged). Screenshots land in the artifacts folder.
# Usage: stored_value_test.sh MEMBERDESK_BIN MEMBERDESK_CLI_BIN ARTIFACTS_DIR
set -uo pipefail
export LC_ALL=C.UTF-8

app_bin=${1:?memberdesk binary}
cli_bin=${2:?memberdesk-cli binary}
artifacts=${3:?artifacts folder}

TEST_NAME=gui.stored_value ARTIFACT_PREFIX=stored
. "$(dirname "$0")/gui_lib.sh"
gui_setup xdotool import timeout python3 pdftotext

form() {  # title: waits for a form dialog and focuses it (sets $dialog)
  dialog=$(wait_window "$1" 10) || { shot "stored-no-$(echo "$1" | tr -c 'a-zA-Z0-9' '-')"; fail "no \"$1\" dialog"; }
  xdotool windowfocus --sync "$dialog"
}
balances() {  # member: "principal bonus compensation coins"
  cli zhang.min demo-service account show "$1" | python3 -c '
import json, sys
b = json.load(sys.stdin)["balances"]
print(b["principal"], b["bonus"], b["compensation"], b["coins"])'
}

cli chen.jing demo-finance card batch create --face 500 --quantity 2 --pins "$work/pins.csv" >/dev/null \
  || fail "the CLI could not create the first batch"
card=$(sed -n 2p "$work/pins.csv" | cut -d, -f1)
pin=$(sed -n 2p "$work/pins.csv" | cut -d, -f2)

# --- English: the member's stored-value tab ----------------------------------------------------
start_signed_in en 'Sign in — MemberDesk' zhang.min demo-service
xdotool mousemove --window "$main_window" 600 137 click 1   # the search box
sleep 0.3
xdotool type --delay 30 "M00000006"
sleep 0.6
xdotool key Return
window=$(wait_window 'Member M00000006' 10) || { shot stored-en-no-member-window; fail "no member window for M00000006"; }
xdotool windowfocus --sync "$window"
xdotool key ctrl+3
sleep 0.5
shot stored-en-01-empty-account
xdotool key alt+r
form 'Cash recharge'
xdotool type --delay 20 "12000"
xdotool key Return
wait_gone 'Cash recharge' 5 || { shot stored-en-recharge-stuck; fail "the recharge dialog did not close"; }
[ "$(balances M00000006)" = "12000.00 3000.00 0.00 0" ] || fail "after the recharge: $(balances M00000006)"

xdotool windowfocus --sync "$window" && xdotool key alt+a
form 'Activate a card'
xdotool type --delay 20 "$card"
xdotool key Tab
xdotool type --delay 20 "$pin"
xdotool key Return
wait_gone 'Activate a card' 5 || { shot stored-en-activate-stuck; fail "the activation dialog did not close"; }
xdotool windowfocus --sync "$window" && xdotool key alt+p
form 'Purchase'
xdotool type --delay 20 "1000"
xdotool key Return
wait_gone '^Purchase$' 5 || { shot stored-en-purchase-stuck; fail "the purchase dialog did not close"; }
[ "$(balances M00000006)" = "11500.00 3000.00 0.00 50" ] || fail "after card and purchase: $(balances M00000006)"

xdotool windowfocus --sync "$window" && xdotool key alt+d
form 'Redeem coins'
xdotool type --delay 20 "51"
xdotool key Return
refusal=$(wait_window 'Invalid input' 5) || { shot stored-en-no-refusal; fail "redeeming 51 of 50 coins was not refused"; }
shot stored-en-02-redeem-refused
xdotool windowfocus --sync "$refusal" && xdotool key Return
sleep 0.5
xdotool search --onlyvisible --name 'Redeem coins' >/dev/null || fail "the redeem dialog closed after a refusal"
xdotool key Escape
sleep 0.5
shot stored-en-03-account
[ "$(balances M00000006)" = "11500.00 3000.00 0.00 50" ] || fail "a refused redemption changed the balances"
xdotool windowfocus --sync "$main_window"
xdotool mousemove --window "$main_window" 73 145 click 1   # "Cards & Stored Value" in the area list
expect_title "$main_window" "MemberDesk — Cards & Stored Value"
sleep 0.5
shot stored-en-04-cards-area
stop_app

# --- Chinese: a batch from the Cards area, then a card looked up ---------------------------------
start_signed_in zh_CN '登录 — MemberDesk' li.na demo-marketing
xdotool key Down Down
expect_title "$main_window" "MemberDesk — 会员卡与储值"
xdotool key alt+n
form '新建储值卡批次'
xdotool type --delay 20 "1000"
xdotool key Tab ctrl+a
xdotool type --delay 20 "3"
xdotool key Tab Tab
xdotool type --delay 20 "双十一门店"
xdotool key Tab ctrl+a
xdotool type --delay 10 "$work/pins-2.csv"
xdotool key Tab ctrl+a
xdotool type --delay 10 "$work/sheet-2.pdf"
shot stored-zh_CN-01-new-batch
xdotool key Return
done_box=$(wait_window '新建储值卡批次' 10) && sleep 1
shot stored-zh_CN-02-batch-created
xdotool key Return
sleep 0.5
batches=$(cli li.na demo-marketing card batch list | python3 -c '
import json, sys
print(" ".join("%s:%s:%d" % (b["code"], b["face_value"], b["quantity"]) for b in json.load(sys.stdin)))')
[ "$batches" = "B000001:500.00:2 B000002:1000.00:3" ] || fail "the batches are: $batches"
[ -f "$work/sheet-2.pdf" ] || fail "no card sheet was written"
sheet=$(pdftotext -layout "$work/sheet-2.pdf" -)  # whole, so grep -q cannot cut it off (SIGPIPE)
grep -q "$(sed -n 2p "$work/pins-2.csv" | cut -d, -f2 | sed 's/^\(....\)/\1 /')" <<<"$sheet" \
  || fail "the card sheet does not carry the first PIN"
xdotool windowfocus --sync "$main_window"
xdotool mousemove --window "$main_window" 312 510 click 1   # the card number field
sleep 0.3
xdotool type --delay 20 "$card"
xdotool key Return
sleep 1
shot stored-zh_CN-03-card-looked-up
# The plastic comes back damaged: she closes the card (its value stays in the member's account).
xdotool key alt+c
form '注销卡'
xdotool type --delay 20 "卡片损坏"
shot stored-zh_CN-04-close-card
xdotool key Return
wait_gone '注销卡' 5 || { shot stored-zh_CN-close-stuck; fail "the close dialog did not close"; }
sleep 0.5
shot stored-zh_CN-05-card-closed
state=$(cli li.na demo-marketing card status "$card" | python3 -c '
import json, sys
s = json.load(sys.stdin)
print(s["state"], s["events"][-1]["reason"])')
[ "$state" = "closed 卡片损坏" ] || fail "after closing, the card is: $state"
[ "$(balances M00000006)" = "11500.00 3000.00 0.00 50" ] || fail "closing the card changed the balances"
stop_app

echo "gui.stored_value passed: recharge, card activation, purchase and a refused redemption (en), a card batch, a card lookup and closing it (zh_CN); screenshots in $artifacts"
