# What every bench/run_*.sh shares. Source it after setting $root (the checkout).
#   $build: the build tree with the binaries (MEMBERDESK_BUILD_DIR, default build/).
#   $out:   where data sets are cached and outputs go (MEMBERDESK_BENCH_DIR, default build/bench/);
#           a separate variable so a test can use a scratch directory with the build's binaries
#           and never touch the large cached data sets.
# `db=$(bench_dataset ...)` must stop at a failed step inside, not carry on and cache half a data
# set: command substitutions keep set -e.
shopt -s inherit_errexit
build=${MEMBERDESK_BUILD_DIR:-$root/build}
out=${MEMBERDESK_BENCH_DIR:-$build/bench}
mkdir -p "$out"

# bench_build TARGET...: brings the targets up to date, quietly; stops on a failed build rather
# than timing a stale binary. bench/run builds everything once and sets MEMBERDESK_BENCH_NO_BUILD=1
# for the scripts it runs; the test sets it too (ctest runs on a finished build).
bench_build() {
  [ "${MEMBERDESK_BENCH_NO_BUILD:-0}" = 1 ] && return 0
  local log="$out/build.log"
  if ! cmake --build "$build" --target "$@" >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    echo "bench: building $* failed (whole log: $log)" >&2
    return 1
  fi
}

# bench_result CASE VALUE UNIT [BASELINE_NAME BASELINE_VALUE]: one measurement as the line
# bench/run reads (the human output around it stays as it was). Units: ms, s, MB, /s.
bench_result() {
  local line="@result case=$1 value=$2 unit=$3"
  [ $# -lt 5 ] || line+=" baseline=\"$4\" baseline_value=$5"
  echo "$line"
}

now_ms() { date +%s%N | awk '{printf "%.1f", $1/1000000}'; }

# bench_slug TEXT: TEXT as a case name's part ("Chinese name" → chinese_name).
bench_slug() { tr 'A-Z' 'a-z' <<<"$1" | tr -c 'a-z0-9\n' _ | sed 's/__*/_/g; s/^_//; s/_$//'; }
