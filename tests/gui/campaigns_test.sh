#!/usr/bin/env bash
# gui.campaigns: the Campaigns area's month view on the real memberdesk under X (Xvfb in CI),
# driven by xdotool. The CLI plans next month: a ×2 double-coins week and a ×1.5 member day on
# the 8th (both for everyone: a conflict), approved, and a story contest left as a draft. li.na
# (marketing) opens the area and steps to next month, in English and in Chinese. The screenshot
# must show the conflict: the day is framed in the conflict red (#D22828) and the double-points
# green (#2E9A5A) bars are drawn; clicking the framed day's first bar opens the double-coins week;
# the CLI's list reports the same conflict. The week view of the 8th marks it too. In English,
# dragging the double-coins week one day later proposes that move (the CLI sees the request),
# and the New campaign form, refused once for want of a name with the typed code kept, proposes
# a club night. Screenshots land in the artifacts folder.
# Usage: campaigns_test.sh MEMBERDESK_BIN MEMBERDESK_CLI_BIN ARTIFACTS_DIR
set -uo pipefail
export LC_ALL=C.UTF-8

app_bin=${1:?memberdesk binary}
cli_bin=${2:?memberdesk-cli binary}
artifacts=${3:?artifacts folder}

TEST_NAME=gui.campaigns ARTIFACT_PREFIX=campaigns
. "$(dirname "$0")/gui_lib.sh"
gui_setup xdotool import timeout python3 convert

# The test plans "next month" and then presses Next: run across the business midnight that ends
# a month, the two would be different months (seen once at 00:01 on 1 December). Within the last
# ten minutes of a month it waits for the new one first.
wait_s=$(python3 -c '
import datetime
now = datetime.datetime.utcnow() + datetime.timedelta(hours=8)
month_end = (now.replace(day=1, hour=0, minute=0, second=0, microsecond=0) + datetime.timedelta(days=32)).replace(day=1)
left = (month_end - now).total_seconds()
print(int(left) + 5 if left < 600 else 0)')
[ "$wait_s" -gt 0 ] && { echo "gui.campaigns: waiting ${wait_s} s for the month to turn"; sleep "$wait_s"; }

# Next month in business time (UTC+8), as the area's "Next" button shows it.
next_month=$(python3 -c '
import datetime
today = (datetime.datetime.utcnow() + datetime.timedelta(hours=8)).date()
first = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
print(first.strftime("%Y-%m"))')

propose() {  # json-file [flags]
  local file=$1; shift
  cli li.na demo-marketing campaign add --file "$file" --reason "下月计划" "$@" | python3 -c '
import json, sys
print(json.load(sys.stdin)["change_request"])' || fail "the CLI could not add $file"
}
cat >"$work/double.json" <<JSON
{"code": "double_week", "name_zh": "双倍兑换币周", "name_en": "Double coins week", "type": "double_points",
 "starts_at": "$next_month-06 00:00", "ends_at": "$next_month-13 00:00", "coin_multiplier": "2"}
JSON
cat >"$work/member_day.json" <<JSON
{"code": "member_day", "name_zh": "会员日", "name_en": "Member day", "type": "member_day",
 "starts_at": "$next_month-08 10:00", "ends_at": "$next_month-08 22:00", "coin_multiplier": "1.5",
 "recurrence": {"kind": "monthly_day", "day_of_month": 8, "count": 6}}
JSON
cat >"$work/story.json" <<JSON
{"code": "story", "name_zh": "会员故事征集", "name_en": "Member story contest", "type": "story_contest",
 "starts_at": "$next_month-20 00:00", "ends_at": "$next_month-25 00:00"}
JSON
for file in double member_day; do
  request=$(propose "$work/$file.json")
  cli wang.qiang demo-approver change approve "$request" --comment "同意" >/dev/null || fail "could not approve $file"
done
propose "$work/story.json" --draft >/dev/null
conflicts=$(cli li.na demo-marketing campaign list --from "$next_month-01" --to "$next_month-28" | python3 -c '
import json, sys
print(" ".join("%s/%s/%s" % (c["first"], c["second"], c["day"]) for c in json.load(sys.stdin)["conflicts"]))')
[ "$conflicts" = "double_week/member_day/$next_month-08" ] || fail "the CLI lists these conflicts: $conflicts"

# How many pixels of one exact colour a screenshot has.
pixels_of() {  # png hex-colour
  convert "$1" txt:- | grep -c "#$2" || true
}

look() {  # language sign-in-title area-title
  start_signed_in "$1" "$2" li.na demo-marketing
  xdotool key Down Down Down Down
  expect_title "$main_window" "$3"
  sleep 0.5
  xdotool key alt+n
  sleep 1
  local png="$artifacts/campaigns-$1-next-month.png"
  shot "campaigns-$1-next-month"
  xdotool search --onlyvisible --name 'Invalid input|Error|错误' >/dev/null && fail "an error dialog opened ($1)"
  local red green
  red=$(pixels_of "$png" D22828)
  green=$(pixels_of "$png" 2E9A5A)
  [ "$red" -ge 200 ] || fail "no conflict frame drawn in $1 ($red conflict-red pixels)"
  [ "$green" -ge 500 ] || fail "no double-points bars drawn in $1 ($green green pixels)"
  # Clicking the first bar of the framed day opens that campaign (the double-coins week).
  local x y opened
  read -r x y < <(convert "$png" txt:- | grep -m1 '#D22828' | sed -E 's/^([0-9]+),([0-9]+):.*/\1 \2/')
  xdotool mousemove $((x + 30)) $((y + 28)) click 1
  opened=$(wait_window 'double_week' 5) || { shot "campaigns-$1-not-opened"; fail "clicking the bar opened nothing ($1)"; }
  shot "campaigns-$1-opened"
  xdotool windowfocus --sync "$opened" && xdotool key Return
  wait_gone 'double_week' 5 || fail "the campaign window did not close ($1)"

  # The week view of the 8th (the week after the 1st's): the conflict day headed in red, the
  # double-coins week drawn as blocks.
  xdotool key alt+w
  sleep 0.7
  xdotool key alt+n
  sleep 1
  png="$artifacts/campaigns-$1-week.png"
  shot "campaigns-$1-week"
  red=$(pixels_of "$png" D22828)
  green=$(pixels_of "$png" 2E9A5A)
  [ "$red" -ge 200 ] || fail "no conflict marked in the week view in $1 ($red conflict-red pixels)"
  [ "$green" -ge 5000 ] || fail "no double-points blocks in the week view in $1 ($green green pixels)"
  [ "$1" = en ] && drag_and_plan "$png"
  stop_app
}

# The week view's double-coins blocks: "ROW X1 X2 ...", the starts of the runs of green on a row
# inside the blocks (each a day column, so X2 - X1 is one day).
green_runs() {  # png
  convert "$1" txt:- | python3 -c '
import sys
pixels = set()
for line in sys.stdin:
    if "#2E9A5A" in line:
        x, y = line.split(":")[0].split(",")
        pixels.add((int(x), int(y)))
row = min(y for _, y in pixels) + 60
xs = sorted(x for x, y in pixels if y == row)
print(row, " ".join(str(x) for x in xs if x - 1 not in xs))'
}

newest_request() {  # code: the newest submitted change request of that campaign, as JSON
  cli li.na demo-marketing change list --status submitted | python3 -c '
import json, sys
rows = [r for r in json.load(sys.stdin) if r["kind"] == "campaign" and r["item_key"] == sys.argv[1]]
print(json.dumps(max(rows, key=lambda r: r["id"])["proposed"], ensure_ascii=False) if rows else "{}")' "$1"
}

# English only: dragging a block one day to the right proposes the campaign moved by a day; the
# form plans a new campaign, refusing it first without a name and keeping what was typed.
drag_and_plan() {  # week-view png
  local row x1 x2 rest dialog box form geometry X Y H moved planned
  read -r row x1 x2 rest < <(green_runs "$1")
  [ -n "$x2" ] || fail "the double-coins week is not drawn over two days in the week view"
  xdotool mousemove $((x1 + 20)) "$row" mousedown 1
  for step in 1 2 3 4 5; do
    xdotool mousemove $((x1 + 20 + (x2 - x1) * step / 5)) "$row"
    sleep 0.1
  done
  xdotool mouseup 1
  dialog=$(wait_window 'Propose change' 10) || { shot campaigns-en-drag-no-dialog; fail "dragging a block proposed nothing"; }
  shot campaigns-en-drag
  xdotool windowfocus --sync "$dialog"
  xdotool type --delay 15 "GUI test: one day later"
  xdotool key ctrl+Return
  box=$(wait_window 'Change submitted' 10) || { shot campaigns-en-drag-no-box; fail "the move was not submitted"; }
  xdotool windowfocus --sync "$box" && xdotool key Return
  moved=$(newest_request double_week | python3 -c '
import json, sys
p = json.load(sys.stdin)
print(p.get("starts_at"), "/", p.get("ends_at"))')
  [ "$moved" = "$next_month-07 00:00 / $next_month-14 00:00" ] || fail "the drag proposed $moved"

  xdotool key alt+a
  form=$(wait_window '^New campaign$' 10) || { shot campaigns-en-no-form; fail "New campaign opened no form"; }
  xdotool windowfocus --sync "$form"
  xdotool type --delay 15 club_night
  xdotool key Return
  box=$(wait_window 'Invalid input' 10) || { shot campaigns-en-form-accepted; fail "a campaign without a name was not refused"; }
  shot campaigns-en-form-refused
  xdotool windowfocus --sync "$box" && xdotool key Return
  wait_window '^New campaign$' 5 >/dev/null || fail "the form closed after the refusal"
  eval "$(xdotool getwindowgeometry --shell "$form")"
  # The names (second and third fields) and the reason (above the foot of the form).
  xdotool mousemove $((X + 350)) $((Y + 101)) click 1 && xdotool type --delay 15 "Club night"
  xdotool mousemove $((X + 350)) $((Y + 133)) click 1 && xdotool type --delay 15 "Club night"
  xdotool mousemove $((X + 350)) $((Y + HEIGHT - 137)) click 1 && xdotool type --delay 15 "GUI test: plan a club night"
  shot campaigns-en-form
  xdotool key Return
  box=$(wait_window 'Change submitted' 10) || { shot campaigns-en-form-not-submitted; fail "the form did not submit"; }
  shot campaigns-en-form-submitted
  xdotool windowfocus --sync "$box" && xdotool key Return
  planned=$(newest_request club_night | python3 -c '
import json, sys
p = json.load(sys.stdin)
print(p.get("code"), "/", p.get("name_en"), "/", p.get("owner"), "/", p.get("type"))')
  [ "$planned" = "club_night / Club night / li.na / member_day" ] || fail "the form proposed $planned"
}
look en 'Sign in — MemberDesk' "MemberDesk — Campaigns"
look zh_CN '登录 — MemberDesk' "MemberDesk — 营销活动"

echo "gui.campaigns passed: next month's campaigns drawn with their conflict marked, in English and Chinese; screenshots in $artifacts"
