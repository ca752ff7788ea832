#!/usr/bin/env bash
# gui.reports: the Reports area on the real memberdesk under X (Xvfb in CI), driven by xdotool.
# The CLI posts a recharge with its bonus (12,000 paid, 15,000 received) to a demo member. As the
# finance user, in English and in Chinese: Show draws the prepaid liability report; Print preview
# opens the print preview window (screenshot); in English, a future as-of day is refused with
# the Invalid input dialog and the typed day stays; Export… writes a PDF through the file dialog,
# and pdftotext finds the total the CLI's own report gives (¥15,000.00).
# Usage: reports_test.sh MEMBERDESK_BIN MEMBERDESK_CLI_BIN ARTIFACTS_DIR
set -uo pipefail
export LC_ALL=C.UTF-8

app_bin=${1:?memberdesk binary}
cli_bin=${2:?memberdesk-cli binary}
artifacts=${3:?artifacts folder}

TEST_NAME=gui.reports ARTIFACT_PREFIX=reports
. "$(dirname "$0")/gui_lib.sh"
gui_setup xdotool import timeout python3 pdftotext

cli zhang.min demo-service txn recharge M00000001 12000 >/dev/null || fail "the CLI could not recharge"
cli chen.jing demo-finance report liability --as-of "$(TZ=Asia/Shanghai date +%F)" --format csv -o "$work/cli.csv" >/dev/null \
  || fail "the CLI could not write the report"
grep -q '^Total liability,15000.00' "$work/cli.csv" || fail "the CLI's report does not total 15000.00: $(cat "$work/cli.csv")"

look_at_reports() {  # language sign-in-title area-title preview-title
  local lang=$1 window
  start_signed_in "$lang" "$2" chen.jing demo-finance
  xdotool key Down Down Down Down Down Down Down Down
  expect_title "$main_window" "$3"
  sleep 1
  xdotool key alt+s
  sleep 1.5
  shot "reports-$lang-shown"
  xdotool key alt+v
  window=$(wait_window "$4" 15) || { shot "reports-$lang-no-preview"; fail "Print preview opened no window ($lang)"; }
  xdotool windowsize "$window" 1000 820 2>/dev/null
  xdotool windowmove "$window" 100 40 2>/dev/null
  sleep 1.5
  shot "reports-$lang-print-preview"
  xdotool windowkill "$window" 2>/dev/null || xdotool key Escape
  wait_gone "$4" 10 || fail "the print preview did not close ($lang)"
}

look_at_reports en 'Sign in — MemberDesk' "MemberDesk — Reports" '^MemberDesk Preview$'

# A day in the future: refused, the typed day kept; then the PDF exported through the file dialog.
start_signed_in en 'Sign in — MemberDesk' chen.jing demo-finance
xdotool key Down Down Down Down Down Down Down Down
expect_title "$main_window" "MemberDesk — Reports"
sleep 1
# The main window sits at 40,92 (start_signed_in): the as-of field is at 616,226 there.
xdotool mousemove 616 226 click --repeat 3 --delay 60 1
xdotool key ctrl+a
xdotool type --delay 15 "2099-01-01"
xdotool key alt+s
wait_window '^Invalid input$' 10 >/dev/null || { shot reports-en-no-refusal; fail "a future as-of day was not refused"; }
shot reports-en-refused
xdotool key Return
wait_gone '^Invalid input$' 10 || fail "the refusal did not close"
# Show again: refused again, so the field still holds the typed day.
xdotool windowfocus --sync "$main_window"
xdotool key alt+s
wait_window '^Invalid input$' 10 >/dev/null || { shot reports-en-typed-lost; fail "the typed day was not kept"; }
xdotool key Return
wait_gone '^Invalid input$' 10 || fail "the refusal did not close"
xdotool mousemove 616 226 click --repeat 3 --delay 60 1
xdotool key ctrl+a
xdotool type --delay 15 "$(TZ=Asia/Shanghai date +%F)"
xdotool key alt+e
window=$(wait_window '^Export report$' 15) || { shot reports-en-no-export; fail "Export… opened no file dialog"; }
xdotool windowfocus --sync "$window"
xdotool key ctrl+a
xdotool type --delay 15 "$work/liability.pdf"
xdotool key Return
wait_gone '^Export report$' 15 || { shot reports-en-export-stuck; fail "the file dialog stayed open"; }
deadline=$((SECONDS + 15))
while [ ! -s "$work/liability.pdf" ] && [ $SECONDS -lt $deadline ]; do sleep 0.3; done
[ -s "$work/liability.pdf" ] || fail "no PDF was exported"
cp "$work/liability.pdf" "$artifacts/reports-en-exported.pdf"
# Read whole first: grep -q stopping early would cut pdftotext off (SIGPIPE) and fail the pipe.
exported=$(pdftotext -layout "$work/liability.pdf" -)
grep -q 'Total liability.*¥15,000.00' <<<"$exported" || fail "the exported PDF lacks the total: $(head -30 <<<"$exported")"
stop_app

look_at_reports zh_CN '登录 — MemberDesk' "MemberDesk — 报表" '^MemberDesk 预览$'

echo "gui.reports passed: the liability report shown and print-previewed in English and Chinese, a future day refused, a PDF exported with the CLI's total; screenshots in $artifacts"
