#!/usr/bin/env bash
# bench.tiny: the whole benchmark suite at 2,000 members, one run each (bench/run --tiny), so the
# benchmark code cannot rot; then check_results.py reads its JSON. The data sets, outputs and logs
# go to BUILD/Testing/bench.tiny (emptied first, kept afterwards to look into a failure), never to
# build/bench where the large data sets are cached. With a PostgreSQL test server (scripts/test's,
# named by MEMBERDESK_TEST_PG_URL) the PostgreSQL cases run too, in databases of their own.
# Usage: tiny_test.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
root=$1 build=$2
scratch="$build/Testing/bench.tiny"
rm -rf "$scratch"
mkdir -p "$scratch"

pg=()
if [ -n "${MEMBERDESK_TEST_PG_URL:-}" ]; then
  # scripts/test names the server's socket and port too; from the URL alone, read them from it.
  export MEMBERDESK_TEST_PG_SOCKET=${MEMBERDESK_TEST_PG_SOCKET:-$(sed -n 's/.*host=\([^ ]*\).*/\1/p' <<<"$MEMBERDESK_TEST_PG_URL")}
  export MEMBERDESK_TEST_PG_PORT=${MEMBERDESK_TEST_PG_PORT:-$(sed -n 's/.*port=\([0-9]*\).*/\1/p' <<<"$MEMBERDESK_TEST_PG_URL")}
  pg=(--pg)
fi

# The build is ctest's (the bench programs are part of it when tests are built): nothing to build.
rc=0
MEMBERDESK_BUILD_DIR=$build MEMBERDESK_BENCH_DIR=$scratch MEMBERDESK_BENCH_NO_BUILD=1 \
  "$root/bench/run" --tiny "${pg[@]}" --json "$scratch/results.json" || rc=$?
# Checked even when bench/run failed, so the output names every case that is missing.
python3 "$root/tests/bench/check_results.py" "$scratch/results.json" "$root/bench/cases.txt" "${#pg[@]}"
exit "$rc"
