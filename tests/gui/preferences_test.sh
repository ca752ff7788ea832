#!/usr/bin/env bash
# gui.preferences: the interface language follows the system's locale and can be overridden in
# Preferences (issue 12). The real memberdesk under X (Xvfb in CI), started without --lang under a
# C.UTF-8 locale, so the system's language is English:
#   1. the sign-in window is English; Preferences shows "Same as the system" chosen;
#   2. 简体中文 chosen with the keyboard and saved: after a restart the sign-in window is Chinese;
#   3. 跟随系统 ("Same as the system") chosen again: after a restart it is English again.
# Usage: preferences_test.sh MEMBERDESK_BIN MEMBERDESK_CLI_BIN ARTIFACTS_DIR
set -uo pipefail
export LC_ALL=C.UTF-8

app_bin=${1:?memberdesk binary}
cli_bin=${2:?memberdesk-cli binary}
artifacts=${3:?artifacts folder}

TEST_NAME=gui.preferences ARTIFACT_PREFIX=preferences
. "$(dirname "$0")/gui_lib.sh"
gui_setup xdotool import timeout

# memberdesk as a person starts it: no --lang (start_signed_in always passes one).
start_plain() {  # sign-in-title user password
  start_app plain "$1"
  sign_in_as "$2" "$3"
}

# Opens Preferences from the File menu, moves the language choice by `key` presses, saves with
# Alt+S and confirms the "restart to see it" message.
choose_language() {  # preferences-title key presses screenshot
  xdotool windowfocus --sync "$main_window"
  xdotool key --delay 300 alt+f p
  local dialog
  dialog=$(wait_window "$1" 10) || fail "File ▸ Preferences opened no \"$1\" dialog"
  xdotool windowfocus --sync "$dialog"
  shot "$4-before"
  for ((i = 0; i < $3; i++)); do xdotool key "$2"; sleep 0.2; done
  xdotool key space                   # GTK moves the focus along the radio buttons; Space picks one
  shot "$4"
  xdotool key alt+s
  sleep 0.8
  local saved
  saved=$(wait_window "$1" 5) && { xdotool windowfocus --sync "$saved"; xdotool key Return; }
  wait_gone "$1" 5 || { shot "$4-stays"; fail "Preferences stayed open after saving"; }
  stop_app
}

start_plain '^Sign in — MemberDesk$' zhang.min demo-service
choose_language '^Preferences$' Down 1 preferences-01-chinese-chosen
# The Chinese catalog now, with no --lang: the choice was kept.
start_plain '^登录 — MemberDesk$' zhang.min demo-service
expect_title "$main_window" 'MemberDesk — 会员'
shot preferences-02-chinese-after-restart
choose_language '^偏好设置$' Up 1 preferences-03-system-chosen
start_plain '^Sign in — MemberDesk$' zhang.min demo-service
expect_title "$main_window" 'MemberDesk — Members'
shot preferences-04-system-again
stop_app
echo "$TEST_NAME passed: English from the system, Chinese chosen in Preferences, the system's again"
