#!/usr/bin/env bash
# gui.shell: the real memberdesk under X (Xvfb in CI), driven by xdotool like a person would:
# a wrong password must be refused with the dialog kept, the right one opens the main window,
# Down walks every area (the title names it), then the same in Chinese. Screenshots of each
# step land in the artifacts folder for a person to look at.
# Usage: gui_test.sh MEMBERDESK_BIN MEMBERDESK_CLI_BIN ARTIFACTS_DIR
set -uo pipefail
export LC_ALL=C.UTF-8

app_bin=${1:?memberdesk binary}
cli_bin=${2:?memberdesk-cli binary}
artifacts=${3:?artifacts folder}

TEST_NAME=gui.shell ARTIFACT_PREFIX=shell
. "$(dirname "$0")/gui_lib.sh"
gui_setup xdotool import timeout xprop python3

areas_en=("Members" "Program" "Cards & Stored Value" "Packages" "Campaigns" "Committee" "Complaints"
          "Approvals" "Reports" "Audit" "Admin")
areas_zh=("会员" "会员计划" "会员卡与储值" "套餐" "营销活动" "委员会" "投诉" "审批" "报表" "审计日志" "系统管理")

type_into() {  # window text...
  local window=$1; shift
  xdotool windowfocus --sync "$window" || fail "cannot focus window $window"
  xdotool type --delay 15 "$@"
}

sign_in() {  # sign-in-window username password
  type_into "$1" "$2"
  xdotool key Tab
  xdotool type --delay 15 "$3"
  xdotool key Return
}

walk_areas() {  # main-window language area names...
  local window=$1 lang=$2; shift 2
  local names=("$@") n
  expect_title "$window" "MemberDesk — ${names[0]}"
  shot "main-$lang-01-$(slug "${names[0]}" 0)"
  for ((n = 1; n < ${#names[@]}; n++)); do
    xdotool windowfocus --sync "$window" || fail "cannot focus the main window"
    xdotool key Down
    expect_title "$window" "MemberDesk — ${names[n]}"
    sleep 0.3  # let the area paint before the screenshot
    shot "main-$lang-$(printf %02d $((n + 1)))-$(slug "${names[n]}" "$n")"
    app_alive || fail "memberdesk exited in area ${names[n]}"
  done
}

slug() {  # name index: ASCII file names, Chinese names fall back to the English one
  local ascii=${areas_en[$2]}
  echo "$ascii" | tr 'A-Z' 'a-z' | tr -c 'a-z0-9\n' '-' | tr -s '-'
}

# --- English: wrong password first, then the right one -----------------------------------
start_app en 'Sign in — MemberDesk' --lang en
sign_in_window=$sign_in
sleep 0.5  # the database opens after the dialog shows; give it a moment before typing
shot "signin-en-01-empty"
sign_in "$sign_in_window" admin not-the-password
refusal=$(wait_window 'Sign-in refused' 15) || { shot "signin-en-02-no-refusal"; fail "a wrong password showed no refusal"; }
shot "signin-en-02-wrong-password"
xdotool windowfocus --sync "$refusal" && xdotool key Return
wait_gone 'Sign-in refused' 5 || fail "the refusal message did not close"
xdotool search --onlyvisible --name 'Sign in — MemberDesk' >/dev/null || fail "the sign-in dialog closed after a wrong password"
app_alive || fail "memberdesk exited after a wrong password"
xdotool search --onlyvisible --name '^MemberDesk — ' >/dev/null && fail "a wrong password opened the main window"

# The password field keeps what was typed (selected); replace it.
xdotool windowfocus --sync "$sign_in_window"
xdotool key ctrl+a BackSpace
xdotool type --delay 15 demo-admin
xdotool key Return
main_window=$(wait_window '^MemberDesk — ' 20) || { shot "signin-en-03-no-main"; fail "no main window after signing in as admin"; }
walk_areas "$main_window" en "${areas_en[@]}"
# The window carries MemberDesk's icon (task bar, Alt+Tab), 16 to 256 px: _NET_WM_ICON holds, for
# each size, its width, its height and the pixels.
icon_sizes=$(xprop -id "$main_window" -notype 32c _NET_WM_ICON | python3 -c '
import sys
text = sys.stdin.read()
values = [int(v) for v in text.split("=", 1)[1].replace(",", " ").split()] if "=" in text else []
sizes, i = [], 0
while i + 1 < len(values):
    w, h = values[i], values[i + 1]
    sizes.append(w)
    i += 2 + w * h
print(" ".join(str(s) for s in sorted(sizes)))')
[ "$icon_sizes" = "16 24 32 48 64 128 256" ] || fail "the main window carries the icon sizes \"$icon_sizes\", not 16 to 256"
stop_app

# --- Chinese ------------------------------------------------------------------------------
start_app zh_CN '登录 — MemberDesk' --lang zh_CN
sign_in_window=$sign_in
sleep 0.5
shot "signin-zh-01-empty"
sign_in "$sign_in_window" admin demo-admin
main_window=$(wait_window '^MemberDesk — ' 20) || { shot "signin-zh-02-no-main"; fail "no main window after signing in (zh_CN)"; }
walk_areas "$main_window" zh "${areas_zh[@]}"
stop_app

echo "gui.shell passed: sign-in refusal, ${#areas_en[@]} areas in English and Chinese; screenshots in $artifacts"
