#!/usr/bin/env bash
# gui.complaints: the Complaints area on the real memberdesk under X (Xvfb in CI), driven by
# xdotool. The CLI opens two tickets assigned to zhang.min (customer service); one is moved three
# days back in the database (by the row id in its number), so its deadlines have passed. In English and in Chinese: the queue
# shows both with the breached one drawn in the breached colour (#FAD7D7, counted in the
# screenshot); double-clicking it opens the ticket window; a note typed there moves the ticket in
# progress — the CLI sees the note, the status and the answered response clock. Opening the area
# as the desk recorded the passed response deadline as a breach (the escalation job). In English:
# a new complaint of the same member and category is offered for linking and linked ("Link as a
# repeat"); and the approver finds compensation above the cap on the Approvals area's
# Compensation page and approves it with a comment (the CLI sees it paid).
# Usage: complaints_test.sh MEMBERDESK_BIN MEMBERDESK_CLI_BIN ARTIFACTS_DIR
set -uo pipefail
export LC_ALL=C.UTF-8

app_bin=${1:?memberdesk binary}
cli_bin=${2:?memberdesk-cli binary}
artifacts=${3:?artifacts folder}

TEST_NAME=gui.complaints ARTIFACT_PREFIX=complaints
. "$(dirname "$0")/gui_lib.sh"
gui_setup xdotool import timeout python3 convert sqlite3

open_ticket() {  # member subject: opens and assigns a ticket to zhang.min, prints its number
  local number
  number=$(cli zhang.min demo-service complaint open "$1" --channel phone --category delivery --severity high \
             --subject "$2" | python3 -c 'import json, sys; print(json.load(sys.stdin)["number"])') \
    || fail "the CLI could not open a ticket"
  cli zhang.min demo-service complaint assign "$number" --to zhang.min >/dev/null || fail "could not assign $number"
  echo "$number"
}

pixels_of() {  # png hex-colour
  convert "$1" txt:- | grep -c "#$2" || true
}

work_ticket() {  # language sign-in-title area-title window-title-word ticket note
  local lang=$1 png x y window status
  start_signed_in "$lang" "$2" zhang.min demo-service
  xdotool key Down Down Down Down Down Down
  expect_title "$main_window" "$3"
  sleep 1
  png="$artifacts/complaints-$lang-queue.png"
  shot "complaints-$lang-queue"
  [ "$(pixels_of "$png" FAD7D7)" -ge 500 ] || fail "no breached row drawn in $lang"
  read -r x y < <(convert "$png" txt:- | grep -m1 '#FAD7D7' | sed -E 's/^([0-9]+),([0-9]+):.*/\1 \2/')
  xdotool mousemove $((x + 40)) $((y + 6)) click --repeat 2 --delay 80 1
  window=$(wait_window "$4 $5" 10) || { shot "complaints-$lang-not-opened"; fail "double-clicking the row opened no ticket ($lang)"; }
  sleep 0.5
  shot "complaints-$lang-ticket"
  xdotool windowfocus --sync "$window"
  xdotool key alt+n
  wait_window "$([ "$lang" = en ] && echo '^Note$' || echo '^备注$')" 10 >/dev/null || { shot "complaints-$lang-no-note"; fail "Note… asked nothing ($lang)"; }
  xdotool type --delay 15 "$6"
  xdotool key Return
  sleep 1
  shot "complaints-$lang-noted"
  status=$(cli zhang.min demo-service complaint show "$5" | python3 -c '
import json, sys
t = json.load(sys.stdin)
notes = [e["text"] for e in t["timeline"] if e["kind"] == "note"]
print(t["status"], t["response"]["done_at"] is not None, "|".join(notes))')
  [ "$status" = "in_progress True $6" ] || fail "after the note ($lang) the CLI sees: $status"
  stop_app
}

breached=$(open_ticket M00000001 "配送延迟两天")
sqlite3 "$work/demo.db" "UPDATE complaints SET opened_at = datetime(opened_at, '-3 days') WHERE id = CAST('${breached#*-}' AS INTEGER)" \
  || fail "could not move the ticket back"
mouldy=$(open_ticket M00000002 "面包发霉")
work_ticket en 'Sign in — MemberDesk' "MemberDesk — Complaints" Complaint "$breached" "called the member"

recorded=$(cli zhang.min demo-service complaint show "$breached" | python3 -c '
import json, sys
print(",".join(e["text"] for e in json.load(sys.stdin)["timeline"] if e["kind"] == "breach"))')
case ",$recorded," in *,response,*) ;; *) fail "opening the area recorded no response breach for $breached: $recorded";; esac

link_duplicate() {  # a second complaint of M00000002 about delivery, linked to the first
  local first=$1 window repeats
  start_signed_in en 'Sign in — MemberDesk' zhang.min demo-service
  xdotool key Down Down Down Down Down Down
  expect_title "$main_window" "MemberDesk — Complaints"
  sleep 1
  xdotool key alt+n
  window=$(wait_window '^New complaint$' 10) || { shot complaints-en-no-new; fail "New complaint… opened nothing"; }
  xdotool windowfocus --sync "$window"
  xdotool type --delay 15 M00000002
  xdotool key Tab Tab Tab Tab
  xdotool type --delay 15 "mould again"
  xdotool key Return
  window=$(wait_window '^Possible duplicate$' 10) || { shot complaints-en-no-offer; fail "no duplicate offered for M00000002"; }
  shot complaints-en-duplicate-offered
  xdotool windowfocus --sync "$window"
  xdotool key alt+l
  wait_window "Complaint C" 10 >/dev/null || { shot complaints-en-linked-not-opened; fail "the linked ticket did not open"; }
  shot complaints-en-linked-ticket
  repeats=$(cli zhang.min demo-service complaint list --queue all --member M00000002 | python3 -c '
import json, sys
print(" ".join("%s>%s" % (t["subject"], t["repeats"]) for t in json.load(sys.stdin) if t["repeats"]))')
  [ "$repeats" = "mould again>$first" ] || fail "the new ticket is not linked to $first: $repeats"
  stop_app
}
link_duplicate "$mouldy"

approve_compensation() {  # 150 coins is above customer service's 100 per ticket; the approver decides
  local pending window state
  pending=$(cli zhang.min demo-service complaint compensate "$breached" --coins 150 --reason "late twice" \
              | python3 -c 'import json, sys; r = json.load(sys.stdin); print(r["id"], r["state"])')
  [ "${pending#* }" = pending ] || fail "150 coins did not wait for approval: $pending"
  start_signed_in en 'Sign in — MemberDesk' wang.qiang demo-approver
  xdotool key Down Down Down Down Down Down Down
  expect_title "$main_window" "MemberDesk — Approvals"
  sleep 1
  shot complaints-en-compensation-inbox
  xdotool key alt+a
  window=$(wait_window '^Approve compensation$' 10) || { shot complaints-en-no-approve; fail "Approve and pay… asked nothing"; }
  xdotool windowfocus --sync "$window"
  xdotool type --delay 15 "agreed"
  xdotool key ctrl+Return
  wait_gone '^Approve compensation$' 10 || { shot complaints-en-approve-stuck; fail "the approval dialog stayed open"; }
  sleep 0.5
  shot complaints-en-compensation-approved
  state=$(cli wang.qiang demo-approver complaint show "$breached" | python3 -c "
import json, sys
print(' '.join(c['state'] + ':' + c['decided_by'] for c in json.load(sys.stdin)['compensations'] if c['id'] == ${pending% *}))")
  [ "$state" = "paid:wang.qiang" ] || fail "after approving in the GUI the CLI sees: $state"
  stop_app
}
approve_compensation

second=$(open_ticket M00000003 "店员态度冷淡")
sqlite3 "$work/demo.db" "UPDATE complaints SET opened_at = datetime(opened_at, '-4 days') WHERE id = CAST('${second#*-}' AS INTEGER)" \
  || fail "could not move the ticket back"
work_ticket zh_CN '登录 — MemberDesk' "MemberDesk — 投诉" 投诉 "$second" "phoned back"

echo "gui.complaints passed: breached tickets drawn in the queue, a note from the ticket window recorded, in English and Chinese; screenshots in $artifacts"
