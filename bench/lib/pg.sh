# PostgreSQL for the benchmarks. Source it after common.sh, call bench_pg_server once, then
# bench_pg_new_database for each empty database wanted, and bench_pg_cleanup on exit.
# The server is the one already running when MEMBERDESK_TEST_PG_SOCKET and MEMBERDESK_TEST_PG_PORT
# name it (scripts/test's, or the one bench/run started for the scripts it runs); otherwise a
# throwaway cluster (scripts/lib/pg_cluster.sh) on MEMBERDESK_TEST_PG_PORT (default 54391) is
# started here and stopped by bench_pg_cleanup. Each database is new, so a benchmark never meets
# another's tables nor the tests' (ctest runs tests side by side on the same server).

bench_pg_started=""
bench_pg_made=()

bench_pg_server() {
  [ -n "${MEMBERDESK_TEST_PG_SOCKET:-}" ] && [ -n "${MEMBERDESK_TEST_PG_PORT:-}" ] && return 0
  export MEMBERDESK_TEST_PG_PORT=${MEMBERDESK_TEST_PG_PORT:-54391}
  . "$root/scripts/lib/pg_cluster.sh"
  pg_cluster_start >&2
  bench_pg_started=1
}

# bench_psql DATABASE ARGS...: psql as the superuser on the server's socket.
bench_psql() {
  local dbname=$1
  shift
  psql -X -q -v ON_ERROR_STOP=1 -h "$MEMBERDESK_TEST_PG_SOCKET" -p "$MEMBERDESK_TEST_PG_PORT" -U postgres -d "$dbname" "$@"
}

# bench_pg_new_database STEM: a new empty database; sets bench_pg_dbname and bench_pg_url (not
# printed: the list of databases to drop must outlive the call, which a $(...) would not allow).
bench_pg_new_database() {
  bench_pg_dbname="bench_${1}_$$_${#bench_pg_made[@]}"
  bench_psql postgres -c "CREATE DATABASE $bench_pg_dbname" >/dev/null
  bench_pg_made+=("$bench_pg_dbname")
  bench_pg_url="postgresql://dbname=$bench_pg_dbname host=$MEMBERDESK_TEST_PG_SOCKET port=$MEMBERDESK_TEST_PG_PORT user=postgres"
}

bench_pg_cleanup() {
  local dbname
  if [ -n "$bench_pg_started" ]; then
    pg_cluster_stop
    return 0
  fi
  for dbname in "${bench_pg_made[@]}"; do
    bench_psql postgres -c "DROP DATABASE IF EXISTS $dbname" >/dev/null 2>&1 || true
  done
}
