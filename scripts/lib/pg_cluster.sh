# Throwaway PostgreSQL 15 cluster on a private Unix socket, for tests. Source, then call
# pg_cluster_start (exports MEMBERDESK_TEST_PG_URL) and pg_cluster_stop.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
pg_port=${MEMBERDESK_TEST_PG_PORT:-54329}

as_pg_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_cluster_start() {
  [ -n "$pg_bin" ] || { echo "pg_cluster: PostgreSQL server binaries not found" >&2; return 1; }
  pg_dir=$(mktemp -d /tmp/memberdesk-pg.XXXXXX)
  pg_sock=$pg_dir/socket
  mkdir -p "$pg_sock"
  [ "$(id -u)" -eq 0 ] && chown -R postgres "$pg_dir"
  as_pg_owner "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log" >&2; return 1; }
  as_pg_owner "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 30 \
    -o "-k $pg_sock -p $pg_port -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
    || { cat "$pg_dir/server.log" >&2; return 1; }
  psql -q -h "$pg_sock" -p "$pg_port" -U postgres -d postgres -c 'CREATE DATABASE memberdesk_test' >/dev/null
  export MEMBERDESK_TEST_PG_URL="postgresql://dbname=memberdesk_test host=$pg_sock port=$pg_port user=postgres"
  export MEMBERDESK_TEST_PG_SOCKET=$pg_sock MEMBERDESK_TEST_PG_PORT=$pg_port
  echo "pg_cluster: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') running on $pg_sock port $pg_port"
}

pg_cluster_stop() {
  [ -n "${pg_dir:-}" ] || return 0
  as_pg_owner "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
  pg_dir=""
}
