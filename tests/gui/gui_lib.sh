# gui_lib.sh: helpers shared by the GUI tests (gui_test.sh, program_screens_test.sh, members_screens_test.sh).
# Sourced, not executed: the script sets TEST_NAME, app_bin, cli_bin, artifacts (and ARTIFACT_PREFIX for start_signed_in).

fail() { echo "$TEST_NAME FAILED: $*" >&2; exit 1; }

# Checks the setup (no display is a broken test setup, not a reason to pass quietly), makes a
# private work folder and home (removed on exit) and seeds the demo database at $db_url.
gui_setup() {  # tools...
  [ -n "${DISPLAY:-}" ] || fail "DISPLAY is not set: run ctest under xvfb-run (scripts/test does)"
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || fail "$tool is not installed"
  done
  [ -x "$app_bin" ] || fail "no executable at $app_bin"
  [ -x "$cli_bin" ] || fail "no executable at $cli_bin"
  mkdir -p "$artifacts" || fail "cannot create $artifacts"

  work=$(mktemp -d)
  app_pid=""
  trap cleanup EXIT
  # A private home: saved preferences of a real user must not change what this test sees.
  export HOME=$work/home XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
  mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
  unset MEMBERDESK_DB MEMBERDESK_PASSWORD

  db_url="sqlite3://db=$work/demo.db"
  timeout 60 "$cli_bin" --db "$db_url" demo seed >"$work/seed.log" 2>&1 || { cat "$work/seed.log" >&2; fail "demo seed failed"; }
}

cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null; fi
  rm -rf "$work"
}

cli() {  # user password args...: the CLI as that user, JSON out
  local user=$1 password=$2; shift 2
  MEMBERDESK_PASSWORD=$password timeout 30 "$cli_bin" --db "$db_url" --user "$user" --json "$@"
}

json() {  # python expression over the JSON document `d` read from stdin
  python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"
}

# The short sleep lets the last key press paint before the screenshot.
shot() { sleep 0.4; import -window root "$artifacts/$1.png" || fail "screenshot $1 failed"; }
app_alive() { kill -0 "$app_pid" 2>/dev/null; }

# First visible window whose name matches the pattern, waiting up to $2 seconds. Polls rather
# than `xdotool search --sync`, which gives up at once on an X error raised by a window that
# closes during the search (seen as "no main window" right after the sign-in dialog closed).
wait_window() {  # pattern seconds
  local id deadline=$((SECONDS + $2))
  while :; do
    id=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -n1)
    [ -n "$id" ] && { echo "$id"; return 0; }
    [ $SECONDS -ge "$deadline" ] && return 1
    sleep 0.2
  done
}

wait_gone() {  # pattern seconds
  local deadline=$((SECONDS + $2))
  while xdotool search --onlyvisible --name "$1" >/dev/null 2>&1; do
    [ $SECONDS -ge $deadline ] && return 1
    sleep 0.2
  done
}

# Polls the window's title until it equals the expected one (a few seconds at most).
expect_title() {  # window expected
  local deadline=$((SECONDS + 5)) title=""
  while [ $SECONDS -le $deadline ]; do
    title=$(xdotool getwindowname "$1" 2>/dev/null)
    [ "$title" = "$2" ] && return 0
    sleep 0.2
  done
  fail "window title is \"$title\", expected \"$2\""
}

# Walks the navigation down from the area shown (Down presses, as a person would) and waits for the
# area's title in the frame.
go_to_area() {  # downs expected-title
  xdotool windowfocus --sync "$main_window" || fail "cannot focus the main window"
  for ((i = 0; i < $1; i++)); do xdotool key Down; sleep 0.15; done
  expect_title "$main_window" "$2"
  sleep 1  # the area reads the database when first shown
  app_alive || fail "memberdesk exited opening $2"
}

# Starts memberdesk on the demo database with the given arguments and waits for its sign-in window
# (sets app_pid and sign_in; log: $artifacts/$ARTIFACT_PREFIX-app-LOGNAME.log).
start_app() {  # log-name sign-in-title memberdesk-args...
  local log="$artifacts/$ARTIFACT_PREFIX-app-$1.log" title=$2 attempt before deadline
  shift 2
  sign_in=""
  # Under a loaded CI machine the display has refused a connection now and then ("Unable to
  # initialize GTK+"): that start is tried once more; any other failure to start fails the test.
  for attempt in 1 2; do
    before=$(stat -c %s "$log" 2>/dev/null || echo 0)
    "$app_bin" --db "$db_url" "$@" >>"$log" 2>&1 &
    app_pid=$!
    deadline=$((SECONDS + 40))
    while [ -z "$sign_in" ] && [ $SECONDS -lt $deadline ] && app_alive; do
      sign_in=$(wait_window "$title" 1) || sign_in=""
    done
    [ -n "$sign_in" ] && return 0
    if [ "$attempt" = 1 ] && ! app_alive && tail -c +$((before + 1)) "$log" | grep -q 'Unable to initialize GTK'; then
      echo "$TEST_NAME: the display refused the first start; starting again" >&2
      continue
    fi
    fail "no sign-in window \"$title\" within 40 s (see $log)"
  done
}

# Types the user and password into the sign-in window and waits for the console (sets main_window),
# moved to a fixed place so that points relative to it land on the same controls.
sign_in_as() {  # user password
  sleep 0.5
  xdotool windowfocus --sync "$sign_in" || fail "cannot focus the sign-in window"
  xdotool type --delay 15 "$1"
  xdotool key Tab
  xdotool type --delay 15 "$2"
  xdotool key Return
  main_window=$(wait_window '^MemberDesk — ' 20) || { shot "$ARTIFACT_PREFIX-no-main"; fail "no main window after signing in as $1"; }
  xdotool windowmove --sync "$main_window" 40 92 2>/dev/null
  sleep 0.5
}

# Starts memberdesk in a language and signs in (log: $artifacts/$ARTIFACT_PREFIX-app-LANG.log).
start_signed_in() {  # language sign-in-title user password
  start_app "$1" "$2" --lang "$1"
  sign_in_as "$3" "$4"
}

stop_app() {
  kill "$app_pid" 2>/dev/null
  wait "$app_pid" 2>/dev/null
  app_pid=""
}
