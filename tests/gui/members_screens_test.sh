#!/usr/bin/env bash
# gui.members: the Members area of the real memberdesk under X (Xvfb in CI), driven by
# xdotool. In English and then in Chinese: zhang.min (customer service) types "2345" and the
# hits appear while typing (Enter opens the first, whose number must be the CLI's first hit for
# the same query); "wjg" finds 王建国 and his profile shows masked contact data. li.na
# (marketing) opens him, presses "Show full contact" (the audit trail must then hold one more
# member.unmask line for her), edits the home store and saves with Ctrl+S (the CLI must see the
# new store and the version one higher). Screenshots land in the artifacts folder.
# Usage: members_screens_test.sh MEMBERDESK_BIN MEMBERDESK_CLI_BIN ARTIFACTS_DIR
set -uo pipefail
export LC_ALL=C.UTF-8

app_bin=${1:?memberdesk binary}
cli_bin=${2:?memberdesk-cli binary}
artifacts=${3:?artifacts folder}

TEST_NAME=gui.members ARTIFACT_PREFIX=members
. "$(dirname "$0")/gui_lib.sh"
gui_setup xdotool import timeout python3

# Members is the first area, shown on sign-in. The search box spans the top of the area.
search() {  # text
  xdotool windowfocus --sync "$main_window" || fail "cannot focus the main window"
  xdotool mousemove --window "$main_window" 600 137 click 1
  sleep 0.2
  xdotool key ctrl+a BackSpace
  xdotool type --delay 80 "$1"   # typed like a person: the list follows while typing
  sleep 0.8                      # the debounce (150 ms) and the search
  app_alive || fail "memberdesk exited while searching \"$1\""
}

# Enter in the box opens the selected (first) hit; echoes the member window's id.
open_first_hit() {  # member-title-pattern shot-name
  xdotool key Return
  local window
  window=$(wait_window "$1" 10) || { shot "$2-missing"; fail "no member window matching \"$1\""; }
  sleep 0.6
  echo "$window"
}

close_window() {  # window
  xdotool windowfocus --sync "$1" && xdotool key Escape
  sleep 0.4
}

round_trip() {  # lang sign-in-title member-word new-store
  local lang=$1 sign_in_title=$2 member_word=$3 store=$4
  local first window title unmasks_before unmasks_after version_before

  # --- customer service: hits while typing; masked profile -------------------------------
  start_signed_in "$lang" "$sign_in_title" zhang.min demo-service
  shot "members-$lang-00-empty"
  search 2345
  shot "members-$lang-01-search-2345"
  first=$(cli zhang.min demo-service member find 2345 | json 'd[0]["number"]') || fail "member find 2345 failed"
  window=$(open_first_hit "^$member_word $first — " "members-$lang-02")
  title=$(xdotool getwindowname "$window")
  shot "members-$lang-02-first-hit-$first"
  case "$title" in "$member_word $first — "*) ;; *) fail "first hit opened \"$title\", expected $first ($lang)";; esac
  close_window "$window"

  search wjg
  shot "members-$lang-03-search-wjg"
  window=$(open_first_hit "^$member_word M00000001 — 王建国\$" "members-$lang-04")
  shot "members-$lang-04-profile-masked"
  close_window "$window"
  stop_app

  # --- marketing: unmask (audited), edit and save -----------------------------------------
  unmasks_before=$(cli admin demo-admin audit list --action member.unmask |
                   json 'sum(1 for r in d if r["actor"] == "li.na" and r["entity_id"] == "M00000001")') \
    || fail "audit list failed"
  version_before=$(cli li.na demo-marketing member show M00000001 | json 'd["version"]') || fail "member show failed"

  start_signed_in "$lang" "$sign_in_title" li.na demo-marketing
  search wjg
  window=$(open_first_hit "^$member_word M00000001 — 王建国\$" "members-$lang-05")
  xdotool windowfocus --sync "$window" || fail "cannot focus the member window"
  xdotool mousemove --window "$window" 89 162 click 1    # Show full contact
  sleep 0.8
  shot "members-$lang-05-full-contact"
  unmasks_after=$(cli admin demo-admin audit list --action member.unmask |
                  json 'sum(1 for r in d if r["actor"] == "li.na" and r["entity_id"] == "M00000001")')
  [ "$unmasks_after" -eq $((unmasks_before + 1)) ] \
    || fail "Show full contact left $unmasks_after member.unmask lines for li.na, expected $((unmasks_before + 1)) ($lang)"

  xdotool mousemove --window "$window" 281 347 click 1    # Home store
  sleep 0.2
  xdotool key ctrl+a BackSpace
  xdotool type --delay 40 "$store"
  xdotool key ctrl+s
  sleep 1
  shot "members-$lang-06-saved"
  app_alive || fail "memberdesk exited saving the member ($lang)"
  close_window "$window"
  stop_app

  cli li.na demo-marketing member show M00000001 >"$work/show.json" || fail "member show failed"
  python3 - "$work/show.json" "$store" "$version_before" <<'PY' || fail "the saved edit is not in the database ($lang)"
import json, sys
m = json.load(open(sys.argv[1]))
ok = m["home_store"] == sys.argv[2] and m["version"] == int(sys.argv[3]) + 1 and m["masked"]
if not ok:
    print("member:", {k: m[k] for k in ("home_store", "version", "masked")}, file=sys.stderr)
sys.exit(0 if ok else 1)
PY
}

round_trip en 'Sign in — MemberDesk' 'Member' '上海静安店'
round_trip zh_CN '登录 — MemberDesk' '会员' '杭州西湖店'

echo "gui.members passed: search while typing, masked profile, audited unmask, edit saved (en, zh_CN); screenshots in $artifacts"
