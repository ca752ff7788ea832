#!/usr/bin/env bash
# gui.workflow: the main workflow of every area, one after the other on one demo database, as the
# desk lives a day of it (issue 12). The real memberdesk under X (Xvfb in CI), driven by xdotool:
#   1. zhang.min (service) signs in                      — the audit trail holds her sign-in;
#   2. finds a member by the last 4 digits of the mobile — the window is the CLI's first hit;
#   3. activates a card for that member                  — the CLI sees the card active, the value in;
#   4. asks for a tier override; wang.qiang (approver) approves it in the member's Tiers tab
#                                                        — the CLI explains the tier by the override;
#   5. li.na (marketing) plans a campaign in the calendar; wang.qiang approves it in Approvals
#                                                        — the CLI lists it in the calendar;
#   6. zhang.min opens a complaint for the member, takes it and resolves it
#                                                        — the CLI shows it resolved, with the note;
#   7. chen.jing (finance) shows and print-previews the prepaid liability report
#                                                        — the CLI's report counts the card's value.
# After each step a screenshot (workflow-NN-*.png) lands in the artifacts folder.
# Usage: workflow_test.sh MEMBERDESK_BIN MEMBERDESK_CLI_BIN ARTIFACTS_DIR
set -uo pipefail
export LC_ALL=C.UTF-8

app_bin=${1:?memberdesk binary}
cli_bin=${2:?memberdesk-cli binary}
artifacts=${3:?artifacts folder}

TEST_NAME=gui.workflow ARTIFACT_PREFIX=workflow
. "$(dirname "$0")/gui_lib.sh"
gui_setup xdotool import timeout python3 convert

step=0
step_done() {  # name what-was-checked: the step's screenshot and a line in the log
  step=$((step + 1))
  shot "$(printf 'workflow-%02d-%s' "$step" "$1")"
  echo "$TEST_NAME step $step ($1): $2"
}

dialog_named() {  # title-pattern: waits for it and focuses it (sets $dialog)
  dialog=$(wait_window "$1" 10) || { shot "workflow-no-$(echo "$1" | tr -c 'a-zA-Z0-9' '-')"; fail "no \"$1\" window"; }
  xdotool windowfocus --sync "$dialog"
}

# The member window of a search, its tab chosen with Ctrl+digit (sets $window).
open_member() {  # query title-pattern tab-digit
  xdotool windowfocus --sync "$main_window"
  xdotool mousemove --window "$main_window" 600 137 click 1   # the search box
  sleep 0.3
  xdotool key ctrl+a BackSpace
  xdotool type --delay 80 "$1"
  sleep 0.8                                                  # the debounce and the search
  xdotool key Return
  window=$(wait_window "$2" 10) || { shot "workflow-no-member-window"; fail "searching \"$1\" opened no window \"$2\""; }
  xdotool windowfocus --sync "$window"
  xdotool key "ctrl+$3"
  sleep 0.8
}

# --- 1. sign in --------------------------------------------------------------------------------
sign_ins() {
  cli admin demo-admin audit list --action auth.sign_in | json 'sum(1 for r in d if r["actor"] == "zhang.min" and r["outcome"] == "ok")'
}
before=$(sign_ins) || fail "audit list failed"
start_signed_in en 'Sign in — MemberDesk' zhang.min demo-service
expect_title "$main_window" 'MemberDesk — Members'
[ "$(sign_ins)" -eq $((before + 1)) ] || fail "the audit trail does not hold zhang.min's sign-in"
step_done signed-in "the Members area, one more auth.sign_in line for zhang.min"

# --- 2. find a member by the last 4 digits of the mobile --------------------------------------
last4=$(cli zhang.min demo-service member show M00000006 | json 'd["mobile"][-4:]') || fail "member show failed"
[[ "$last4" =~ ^[0-9]{4}$ ]] || fail "the masked mobile does not end in 4 digits: $last4"
member=$(cli zhang.min demo-service member find "$last4" | json 'd[0]["number"]') || fail "member find $last4 failed"
open_member "$last4" "^Member $member — " 1
step_done found-by-last-4 "typing $last4 opened $member, the CLI's first hit"

# --- 3. activate a card ------------------------------------------------------------------------
cli chen.jing demo-finance card batch create --face 500 --quantity 1 --pins "$work/pins.csv" >/dev/null \
  || fail "the CLI could not create a card batch"
card=$(sed -n 2p "$work/pins.csv" | cut -d, -f1)
pin=$(sed -n 2p "$work/pins.csv" | cut -d, -f2)
principal() { cli zhang.min demo-service account show "$member" | json 'd["balances"]["principal"]'; }
principal_before=$(principal) || fail "account show failed"
xdotool key ctrl+3
sleep 0.5
xdotool key alt+a
dialog_named '^Activate a card$'
xdotool type --delay 20 "$card"
xdotool key Tab
xdotool type --delay 20 "$pin"
xdotool key Return
wait_gone '^Activate a card$' 5 || { shot workflow-activate-stuck; fail "the activation dialog did not close"; }
sleep 0.6
card_state=$(cli zhang.min demo-service card status "$card" | json 'd["state"] + " " + d["member"]') || fail "card status failed"
[ "$card_state" = "activated $member" ] || fail "after activating in the GUI the card is: $card_state"
python3 -c 'import sys; sys.exit(0 if abs(float(sys.argv[2]) - float(sys.argv[1]) - 500) < 0.001 else 1)' \
  "$principal_before" "$(principal)" || fail "the member's paid value went from $principal_before to $(principal), not up by 500"
step_done card-activated "card $card active for $member, paid value up by 500.00"

# --- 4. a tier override, asked by service and approved by the approver ------------------------
xdotool key ctrl+4
sleep 0.6
xdotool key alt+o
dialog_named '^Override tier$'
xdotool key Tab                               # Ladder (first) → Tier
xdotool type --delay 20 "red_diamond"
xdotool key Tab                               # → Reason
xdotool type --delay 20 "workflow: goodwill after a complaint"
xdotool key Return
wait_gone '^Override tier$' 5 || { shot workflow-override-stuck; fail "the override dialog did not close"; }
sleep 0.6
pending=$(cli zhang.min demo-service tier override list "$member" --pending | json '";".join(o["tier"] + "/" + o["requested_by"] for o in d)') \
  || fail "override list failed"
[ "$pending" = "red_diamond/zhang.min" ] || fail "pending overrides after asking in the GUI: \"$pending\""
shot workflow-04a-override-asked
stop_app

start_signed_in en 'Sign in — MemberDesk' wang.qiang demo-approver
open_member "$member" "^Member $member — " 4
xdotool mousemove --window "$window" 30 275 click 1   # the first override: the pending one
sleep 0.4
xdotool key alt+p
sleep 1.2
tier=$(cli zhang.min demo-service tier explain "$member" \
       | json 'next(l["tier"] + "/" + l["rule"] for l in d["ladders"] if l["ladder"] == "individual")') || fail "tier explain failed"
[ "$tier" = "red_diamond/override" ] || fail "after wang.qiang approved in the GUI the tier is \"$tier\""
step_done tier-override-approved "asked by zhang.min, approved by wang.qiang: $member is red_diamond by override"
stop_app

# --- 5. a campaign planned in the calendar, then approved --------------------------------------
tomorrow=$(TZ=Asia/Shanghai date -d tomorrow +%F)
start_signed_in en 'Sign in — MemberDesk' li.na demo-marketing
go_to_area 4 'MemberDesk — Campaigns'
xdotool key alt+a
dialog_named '^New campaign$'
form=$dialog
xdotool type --delay 15 tasting_day
xdotool key Tab
xdotool type --delay 15 "新品试吃日"
xdotool key Tab
xdotool type --delay 15 "Tasting day"
eval "$(xdotool getwindowgeometry --shell "$form")"
xdotool mousemove $((X + 350)) $((Y + HEIGHT - 137)) click 1   # the reason, above the foot of the form
xdotool type --delay 15 "workflow: a tasting day tomorrow"
xdotool key Return
dialog_named '^Change submitted$'
xdotool key Return
request=$(cli li.na demo-marketing change list --status submitted | python3 -c '
import json, sys
rows = [r for r in json.load(sys.stdin) if r["kind"] == "campaign" and r["item_key"] == "tasting_day"]
print(rows[0]["id"] if len(rows) == 1 else "")') || fail "change list failed"
[ -n "$request" ] || fail "no submitted change request for the campaign planned in the GUI"
shot workflow-05a-campaign-proposed
stop_app

start_signed_in en 'Sign in — MemberDesk' wang.qiang demo-approver
go_to_area 7 'MemberDesk — Approvals'
shot workflow-05b-approvals
xdotool mousemove --window "$main_window" 1035 847 click 1   # Approve…
dialog_named '^Approve change$'
xdotool type --delay 15 "workflow: agreed"
xdotool key ctrl+Return
wait_gone '^Approve change$' 10 || { shot workflow-approve-stuck; fail "the approval dialog stayed open"; }
sleep 0.8
[ "$(cli admin demo-admin change show "$request" | json 'd["status"]')" = approved ] \
  || fail "change $request is not approved after approving in the GUI (was the campaign's request the one selected?)"
listed=$(cli li.na demo-marketing campaign list --from "$tomorrow" --to "$tomorrow" \
         | json '" ".join(c["code"] + "@" + c["occurrences"][0]["from"] for c in d["campaigns"] if c["code"] == "tasting_day" and c["occurrences"])') \
  || fail "campaign list failed"
[ "$listed" = "tasting_day@$tomorrow 10:00" ] || fail "the calendar of $tomorrow lists: \"$listed\""
step_done campaign-approved "tasting_day proposed by li.na, approved by wang.qiang, in the calendar on $tomorrow"
stop_app

# --- 6. a complaint opened and resolved --------------------------------------------------------
start_signed_in en 'Sign in — MemberDesk' zhang.min demo-service
go_to_area 6 'MemberDesk — Complaints'
xdotool key alt+n
dialog_named '^New complaint$'
xdotool type --delay 15 "$member"
xdotool key Tab Tab Tab Tab
xdotool type --delay 15 "workflow: card not accepted at the till"
xdotool key Return
if duplicate=$(wait_window '^Possible duplicate$' 3); then   # a demo ticket of the same kind: keep them apart
  xdotool windowfocus --sync "$duplicate" && xdotool key alt+s
fi
ticket_window=$(wait_window '^Complaint C' 10) || { shot workflow-no-ticket; fail "opening the complaint showed no ticket window"; }
ticket=$(xdotool getwindowname "$ticket_window" | sed -E 's/^Complaint (C[0-9-]+).*/\1/')
xdotool windowfocus --sync "$ticket_window"
xdotool key alt+m                             # Assign to me: a new ticket is taken before it is resolved
sleep 0.8
xdotool key alt+r
dialog_named '^Resolve$'
xdotool type --delay 15 "till updated; card works"
xdotool key Return
sleep 1
outcome=$(cli zhang.min demo-service complaint show "$ticket" | json 'd["member"] + " " + d["status"] + " " + d["resolution_note"]') \
  || fail "complaint show $ticket failed"
[ "$outcome" = "$member resolved till updated; card works" ] || { shot workflow-resolve-refused; fail "after resolving in the GUI the CLI sees: $outcome"; }
step_done complaint-resolved "$ticket opened for $member and resolved"
xdotool windowfocus --sync "$ticket_window" && xdotool key Escape
stop_app

# --- 7. the prepaid liability report, shown and print-previewed --------------------------------
today=$(TZ=Asia/Shanghai date +%F)
cli chen.jing demo-finance report liability --as-of "$today" --format csv -o "$work/liability.csv" >/dev/null \
  || fail "the CLI could not write the liability report"
start_signed_in en 'Sign in — MemberDesk' chen.jing demo-finance
go_to_area 8 'MemberDesk — Reports'
xdotool key alt+s
sleep 1.5
shot workflow-07a-report-shown
xdotool key alt+v
preview=$(wait_window '^MemberDesk Preview$' 15) || { shot workflow-no-preview; fail "Print preview opened no window"; }
xdotool windowsize "$preview" 1000 820 2>/dev/null
xdotool windowmove "$preview" 100 40 2>/dev/null
sleep 1.5
step_done liability-previewed "the print preview of the liability report as of $today"
# The page is drawn: dark text pixels inside the preview's page area.
ink=$(convert "$artifacts/workflow-$(printf %02d "$step")-liability-previewed.png" -crop 700x600+250+200 txt:- \
      | grep -c '#[0-3][0-9A-F][0-3][0-9A-F][0-3][0-9A-F]' || true)
[ "$ink" -ge 300 ] || fail "the print preview shows no page ($ink dark pixels)"
xdotool windowkill "$preview" 2>/dev/null
wait_gone '^MemberDesk Preview$' 10 || fail "the print preview did not close"
stop_app
python3 - "$work/liability.csv" "$member" <<'PY' || fail "the CLI's liability report does not carry the activated card's value"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
paid = [r for r in rows if r and r[0].startswith("Stored value paid by members")]
total = [r for r in rows if r and r[0] == "Total liability"]
ok = paid and total and float(paid[0][1]) >= 500 and float(total[0][1]) >= float(paid[0][1])
if not ok:
    print("paid:", paid, "total:", total, file=sys.stderr)
sys.exit(0 if ok else 1)
PY

echo "$TEST_NAME passed: sign-in, find by last 4, card activation, tier override by two users, campaign planned and approved, complaint resolved, liability print preview; screenshots in $artifacts"
