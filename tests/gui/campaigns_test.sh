#!/usr/bin/env bash
# gui.campaigns: the Campaigns area's month view on the real memberdesk under X (Xvfb in CI),
# driven by xdotool. The CLI plans next month: a ×2 double-coins week and a ×1.5 member day on
# the 8th (both for everyone: a conflict), approved, and a story contest left as a draft. li.na
# (marketing) opens the area and steps to next month, in English and in Chinese. The screenshot
# must show the conflict: the day is framed in the conflict red (#D22828) and the double-points
# green (#2E9A5A) bars are drawn; clicking the framed day's first bar opens the double-coins week;
# the CLI's list reports the same conflict. Screenshots land in the artifacts folder.
# Usage: campaigns_test.sh MEMBERDESK_BIN MEMBERDESK_CLI_BIN ARTIFACTS_DIR
set -uo pipefail
export LC_ALL=C.UTF-8

app_bin=${1:?memberdesk binary}
cli_bin=${2:?memberdesk-cli binary}
artifacts=${3:?artifacts folder}

TEST_NAME=gui.campaigns ARTIFACT_PREFIX=campaigns
. "$(dirname "$0")/gui_lib.sh"
gui_setup xdotool import timeout python3 convert

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
  stop_app
}
look en 'Sign in — MemberDesk' "MemberDesk — Campaigns"
look zh_CN '登录 — MemberDesk' "MemberDesk — 营销活动"

echo "gui.campaigns passed: next month's campaigns drawn with their conflict marked, in English and Chinese; screenshots in $artifacts"
