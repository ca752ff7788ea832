#!/usr/bin/env bash
# The installer test (ctest installer.deb): builds the .deb with CPack from the build tree,
# holds it to lintian (no errors), installs it on this machine with dpkg, checks what landed
# (both programs, desktop entry, metainfo, icons, catalogs, user guide), launches the program
# the way the desktop does (the Exec line of the installed desktop entry) under the test run's
# X display, checks the installed programs work and speak Chinese from the installed catalog,
# then removes the package again. Needs root (or sudo), as any package install does.
# Usage: install_test.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
work=$(mktemp -d)
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
launched_pid=""
cleanup() {
  [ -n "$launched_pid" ] && kill "$launched_pid" 2>/dev/null || true
  if dpkg-query -W -f='${Status}' memberdesk 2>/dev/null | grep -q 'install ok installed'; then
    $sudo dpkg --purge memberdesk >/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

echo "== building the package"
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1) ||
  { cat "$work/cpack.log"; fail "cpack could not build the .deb"; }
deb=$(ls "$work"/out/memberdesk_*.deb 2>/dev/null | head -1)
[ -f "$deb" ] || fail "cpack wrote no memberdesk_*.deb"
echo "built $(basename "$deb") ($(stat -c %s "$deb") bytes)"

echo "== lintian"
# Errors fail the test; warnings are printed for people to read.
lintian --fail-on error --tag-display-limit 0 "$deb" | tee "$work/lintian.log" ||
  fail "lintian reports errors in the package"

echo "== contents"
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$work/contents"
for path in /usr/bin/memberdesk /usr/bin/memberdesk-cli \
            /usr/share/applications/memberdesk.desktop \
            /usr/share/metainfo/io.github.memberdesk.MemberDesk.metainfo.xml \
            /usr/share/icons/hicolor/scalable/apps/memberdesk.svg \
            /usr/share/icons/hicolor/16x16/apps/memberdesk.png \
            /usr/share/icons/hicolor/48x48/apps/memberdesk.png \
            /usr/share/icons/hicolor/256x256/apps/memberdesk.png \
            /usr/share/locale/zh_CN/LC_MESSAGES/memberdesk.mo \
            /usr/share/memberdesk/help/en/index.html \
            /usr/share/memberdesk/help/zh_CN/index.html \
            /usr/share/doc/memberdesk/copyright; do
  grep -qx "$path" "$work/contents" || fail "the package does not contain $path"
done
grep -q '^Depends:.*libwx' <(dpkg-deb -f "$deb") || fail "the package's Depends does not name the wx libraries"

echo "== installing"
$sudo dpkg -i "$deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "dpkg -i refused the package"; }
for path in /usr/bin/memberdesk /usr/bin/memberdesk-cli /usr/share/applications/memberdesk.desktop; do
  [ -e "$path" ] || fail "$path is missing after the install"
done
desktop-file-validate /usr/share/applications/memberdesk.desktop || fail "the installed desktop entry is not valid"
appstreamcli validate --no-net /usr/share/metainfo/io.github.memberdesk.MemberDesk.metainfo.xml >/dev/null ||
  fail "the installed AppStream metainfo is not valid"

echo "== the installed command-line tool"
export HOME="$work/home"
mkdir -p "$HOME"
db="sqlite3://db=$work/installed.db"
MEMBERDESK_PASSWORD=installed-admin-1 /usr/bin/memberdesk-cli --db "$db" db init >/dev/null ||
  fail "the installed memberdesk-cli cannot create a database"
status=$(MEMBERDESK_PASSWORD=installed-admin-1 /usr/bin/memberdesk-cli --db "$db" --user admin db status)
echo "$status" | grep -q "^initialised: *yes" || fail "db status from the installed CLI says: $status"

echo "== launching from the desktop entry"
[ -n "${DISPLAY:-}" ] || fail "no X display (the test command runs the tests under Xvfb)"
exec_line=$(sed -n 's/^Exec=//p' /usr/share/applications/memberdesk.desktop | head -1)
[ -n "$exec_line" ] || fail "the installed desktop entry has no Exec line"
# The desktop runs the Exec line with the user's environment; the database it opens by default
# does not exist yet, which the sign-in dialog says.
(cd "$HOME" && MEMBERDESK_DB="$db" LANG=C.UTF-8 exec $exec_line) >"$work/launch.log" 2>&1 &
launched_pid=$!
window=""
for _ in $(seq 1 60); do
  window=$(xdotool search --onlyvisible --pid "$launched_pid" --name "MemberDesk" 2>/dev/null | head -1 || true)
  [ -n "$window" ] && break
  kill -0 "$launched_pid" 2>/dev/null || { cat "$work/launch.log"; fail "the launched program exited"; }
  sleep 0.5
done
[ -n "$window" ] || { cat "$work/launch.log"; fail "no MemberDesk window appeared within 30 s of the launch"; }
echo "window: $(xdotool getwindowname "$window")"
kill "$launched_pid"; wait "$launched_pid" 2>/dev/null || true; launched_pid=""

echo "== Chinese from the installed catalog"
(cd "$HOME" && MEMBERDESK_DB="$db" exec /usr/bin/memberdesk --lang zh_CN) >"$work/launch-zh.log" 2>&1 &
launched_pid=$!
title=""
for _ in $(seq 1 60); do
  window=$(xdotool search --onlyvisible --pid "$launched_pid" --name "MemberDesk" 2>/dev/null | head -1 || true)
  [ -n "$window" ] && title=$(xdotool getwindowname "$window") && break
  sleep 0.5
done
echo "window: $title"
[ "$title" = "登录 — MemberDesk" ] || fail "the installed program's sign-in title in zh_CN is \"$title\""
kill "$launched_pid"; wait "$launched_pid" 2>/dev/null || true; launched_pid=""

echo "== removing"
$sudo dpkg --purge memberdesk >/dev/null
[ ! -e /usr/bin/memberdesk ] || fail "/usr/bin/memberdesk is still there after dpkg --purge"
echo "PASS: the package builds, is lintian-clean of errors, installs, launches and removes"
