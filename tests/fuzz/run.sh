#!/usr/bin/env bash
# The long fuzz runs (issue 11): builds the libFuzzer targets with clang, AddressSanitizer and
# UBSan in their own build folder, runs each for SECONDS (default 600) one after another, seeded
# from the checked-in corpus, and prints per target the executions, speed, time, crashes and the
# size of the corpus it ended with. Exits non-zero if any target crashed.
#
#   tests/fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Targets: csv_import program_json model_parsers cli_args (all by default).
# MEMBERDESK_FUZZ_BUILD_DIR: the build folder (default build-fuzz); it also keeps the corpora the
#   runs grow (corpus/), their logs (logs/) and any crashing input (artifacts/).
# MEMBERDESK_FUZZ_JOBS: parallel compile jobs (default 1: the machines are shared).
# Needs clang and libclang-rt-14-dev (libFuzzer, the sanitizer runtimes): scripts/lib/packages.txt.
set -euo pipefail

seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(csv_import program_json model_parsers cli_args)

top=$(cd "$(dirname "$0")/../.." && pwd)
build=${MEMBERDESK_FUZZ_BUILD_DIR:-$top/build-fuzz}
jobs=${MEMBERDESK_FUZZ_JOBS:-1}
seeds=$top/tests/fuzz/corpus

mkdir -p "$build"
CC=clang CXX=clang++ cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DMEMBERDESK_FUZZ=ON -DBUILD_TESTING=OFF > "$build/configure.log" 2>&1 \
  || { cat "$build/configure.log"; exit 1; }
ninja -C "$build" -j "$jobs" "${targets[@]/#/fuzz_}"

mkdir -p "$build/logs" "$build/artifacts"
# UBSan findings already abort (-fno-sanitize-recover); print their stacks. Leaks count too.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}

summary=()
failed=0
for t in "${targets[@]}"; do
  corpus=$build/corpus/$t
  log=$build/logs/$t.log
  mkdir -p "$corpus"
  rm -f "$build/artifacts/$t-"*
  echo "== $t: ${seconds}s"
  start=$(date +%s)
  # New inputs go to the first folder (the build's), never into the checked-in seeds.
  set +e
  "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=60 \
    -print_final_stats=1 -artifact_prefix="$build/artifacts/$t-" "$corpus" "$seeds/$t" > "$log" 2>&1
  status=$?
  set -e
  elapsed=$(( $(date +%s) - start ))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  corp=$(grep -o 'corp: [0-9]*/[0-9]*[a-zA-Z]*' "$log" | tail -n 1 | cut -d' ' -f2 || true)  # none if it crashed at once
  crashes=$(find "$build/artifacts" -name "$t-*" | wc -l)
  if [ "$status" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    failed=1
    [ "$crashes" -eq 0 ] && crashes=1
    echo "   CRASHED (exit $status); see $log and $build/artifacts/"
    grep -m 5 -E 'ERROR|finding|runtime error|deadly signal|uncaught' "$log" || true
  fi
  summary+=("$(printf '%-14s %12s %9s %7s %8s %12s' "$t" "${execs:-?}" "${speed:-?}" "$elapsed" "$crashes" "${corp:-?}")")
done

echo
printf '%-14s %12s %9s %7s %8s %12s\n' target executions exec/s seconds crashes corpus
printf '%s\n' "${summary[@]}"
exit $failed
