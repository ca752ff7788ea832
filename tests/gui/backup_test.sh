#!/usr/bin/env bash
# gui.backup: the Admin area's backups under Xvfb. An administrator of a database never backed up
# sees the reminder, backs up from it (English), and the CLI finds the file a good backup; then
# (Chinese) restores it over the database from the Backups tab and is asked to sign in again; the
# CLI finds the restore in the audit trail and the database passing its checks. Screenshots.
set -uo pipefail
export LC_ALL=C.UTF-8

app_bin=${1:?memberdesk binary}
cli_bin=${2:?memberdesk-cli binary}
artifacts=${3:?artifacts folder}

TEST_NAME=gui.backup ARTIFACT_PREFIX=backup
. "$(dirname "$0")/gui_lib.sh"
gui_setup xdotool import timeout python3

status=$(cli admin demo-admin db backup-status) || fail "the CLI could not read the backup status"
python3 -c 'import json,sys; s=json.load(sys.stdin); assert s["last_at"] is None and s["overdue"], s' <<<"$status" \
  || fail "a new demo database should be due for its first backup: $status"

# English: the reminder bar, and its button.
start_signed_in en 'Sign in — MemberDesk' admin demo-admin
shot backup-en-reminder
# The bar's button sits at the right end of the bar, under the menu (the frame is 1200 wide).
xdotool windowraise "$main_window"; sleep 0.3
xdotool mousemove --window "$main_window" 1119 110 click 1
window=$(wait_window '^Back up the database$' 15) || { shot backup-en-no-dialog; fail "the reminder's button opened no file dialog"; }
expect_title "$main_window" "MemberDesk — Admin"
xdotool windowfocus --sync "$window"
xdotool key ctrl+a
xdotool type --delay 15 "$work/gui-backup.db"
xdotool key Return
wait_gone '^Back up the database$' 15 || { shot backup-en-dialog-stuck; fail "the file dialog stayed open"; }
done_box=$(wait_window '^Backup$' 30) || { shot backup-en-no-message; fail "no message after backing up"; }
shot backup-en-done
xdotool windowfocus --sync "$done_box"
xdotool key Return
wait_gone '^Backup$' 10 || fail "the message did not close"
sleep 0.5
shot backup-en-backups-tab
stop_app

[ -s "$work/gui-backup.db" ] || fail "no backup file was written"
[ "$(stat -c %a "$work/gui-backup.db")" = 600 ] || fail "the backup is readable by others: $(stat -c %a "$work/gui-backup.db")"
status=$(cli admin demo-admin db backup-status) || fail "the CLI could not read the backup status"
python3 -c 'import json,sys; s=json.load(sys.stdin); assert s["last_file"].endswith("gui-backup.db") and not s["overdue"], s' \
  <<<"$status" || fail "the backup was not recorded: $status"
restored=$(MEMBERDESK_PASSWORD=x timeout 60 "$cli_bin" --db "sqlite3://db=$work/copy.db" --json db restore "$work/gui-backup.db") \
  || fail "the GUI's backup does not restore: $restored"

# A change after the backup, which the restore must take back.
principal() { cli zhang.min demo-service account show M00000001 | python3 -c 'import json,sys; print(json.load(sys.stdin)["balances"]["principal"])'; }
before=$(principal) || fail "no account"
cli zhang.min demo-service txn recharge M00000001 500 >/dev/null || fail "the CLI could not recharge"

# Chinese: restore from the Backups tab over the database in use.
start_signed_in zh_CN '登录 — MemberDesk' admin demo-admin
xdotool key End
expect_title "$main_window" "MemberDesk — 系统管理"
sleep 0.5
xdotool windowraise "$main_window"; sleep 0.3
xdotool mousemove --window "$main_window" 295 107 click 1  # the notebook's second tab: Backups
sleep 0.8
shot backup-zh-backups-tab
xdotool key alt+r
window=$(wait_window '^从备份恢复$' 15) || { shot backup-zh-no-dialog; fail "Restore opened no file dialog"; }
xdotool windowfocus --sync "$window"
xdotool key ctrl+l
xdotool type --delay 15 "$work/gui-backup.db"
xdotool key Return
sleep 1
confirm=$(wait_window '^从备份恢复$' 15) || { shot backup-zh-no-confirm; fail "no confirmation before replacing"; }
shot backup-zh-confirm
xdotool windowfocus --sync "$confirm"
xdotool key alt+r
done_box=$(wait_window '^恢复$' 30) || { shot backup-zh-no-message; fail "no message after restoring"; }
shot backup-zh-restored
xdotool windowfocus --sync "$done_box"
xdotool key Return
wait_window '^登录 — MemberDesk$' 20 >/dev/null || { shot backup-zh-no-sign-in; fail "not asked to sign in again"; }
shot backup-zh-sign-in-again
stop_app

cli admin demo-admin db check >/dev/null || fail "the restored database fails db check"
cli admin demo-admin audit verify >/dev/null || fail "the restored database fails audit verify"
restores=$(cli admin demo-admin audit list --action db.restore) || fail "no audit list"
python3 -c 'import json,sys; r=json.load(sys.stdin); assert [(x["actor"], x["outcome"]) for x in r] == [("admin", "ok")], r' \
  <<<"$restores" || fail "the restore is not in the audit trail as admin's: $restores"
after=$(principal) || fail "no account"
[ "$after" = "$before" ] || fail "the recharge made after the backup is still there: principal $after, at the backup $before"

echo "gui.backup passed: reminder, backup from it (en), restore over the database from the Backups tab (zh_CN); screenshots in $artifacts"
