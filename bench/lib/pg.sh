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

# bench_pg_copy_from_sqlite CLI SQLITE_DB TABLE...: makes the current database (bench_pg_new_database)
# the way a new installation is, with CLI's db init (the schema and a first administrator, bench /
# bench-password; db migrate signs in first, so on an empty database it finds no users table), then
# copies TABLE... (parents first) from the SQLite file by COPY, each table emptied first. The file must be at the schema
# version the CLI makes, for the columns to line up. Sets bench_pg_copy_seconds.
bench_pg_copy_from_sqlite() {
  local cli=$1 sqlite_db=$2
  shift 2
  local tables="$*" in_list restore columns table start rows keys end sqlite_version pg_version
  pg() { bench_psql "$bench_pg_dbname" "$@"; }
  MEMBERDESK_PASSWORD=bench-password "$cli" --db "$bench_pg_url" --user bench db init >/dev/null
  sqlite_version=$(sqlite3 "$sqlite_db" 'SELECT MAX(version) FROM schema_version')
  pg_version=$(pg -At -c 'SELECT MAX(version) FROM schema_version')
  if [ "$sqlite_version" != "$pg_version" ]; then
    echo "$sqlite_db is at schema version $sqlite_version, the CLI makes $pg_version: run db migrate on it first" >&2
    return 1
  fi
  # Emptied first: the file's rows replace what db init wrote (its first administrator, when the
  # users are copied too; CASCADE empties what refers to them, such as the audit trail).
  pg -c "TRUNCATE $(sed 's/ /, /g' <<<"$tables") RESTART IDENTITY CASCADE" >/dev/null
  in_list="'$(sed "s/ /', '/g" <<<"$tables")'"
  start=$(date +%s.%N)
  # Each row checked against its foreign keys and added to every index one at a time is far slower
  # than building them once (about 2.5 times over the whole copy at a tenth of the rows): take off the secondary indexes, unique and foreign keys (primary keys
  # stay), and put them back afterwards from the definitions the catalog holds for them now.
  restore=$(pg -At -c "
  SELECT format('ALTER TABLE %s ADD CONSTRAINT %I %s;', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
   WHERE t.relname IN ($in_list) AND t.relnamespace = current_schema()::regnamespace AND c.contype = 'u'
  UNION ALL
  SELECT pg_get_indexdef(i.indexrelid) || ';'
    FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
   WHERE t.relname IN ($in_list) AND t.relnamespace = current_schema()::regnamespace
     AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u'))
  UNION ALL
  SELECT format('ALTER TABLE %s ADD CONSTRAINT %I %s;', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
   WHERE t.relname IN ($in_list) AND t.relnamespace = current_schema()::regnamespace AND c.contype = 'f'")
  pg -At -c "
  SELECT statement FROM (
    SELECT format('ALTER TABLE %s DROP CONSTRAINT %I;', c.conrelid::regclass, c.conname) AS statement,
           CASE c.contype WHEN 'f' THEN 1 ELSE 2 END AS step
      FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
     WHERE t.relname IN ($in_list) AND t.relnamespace = current_schema()::regnamespace AND c.contype IN ('f', 'u')
    UNION ALL
    SELECT format('DROP INDEX %s;', i.indexrelid::regclass), 3
      FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
     WHERE t.relname IN ($in_list) AND t.relnamespace = current_schema()::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u'))
  ) s ORDER BY step" | pg
  # Columns by name, in PostgreSQL's order, so the SQLite file's own column order does not matter.
  # sqlite3's CSV writes NULL as nothing and '' as "", which is what COPY's CSV reads them as.
  for table in $tables; do
    columns=$(pg -At -c "SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position)
      FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '$table'")
    sqlite3 -bail -csv "$sqlite_db" "SELECT $columns FROM $table ORDER BY id" \
      | pg -c "\\copy $table ($columns) FROM STDIN WITH (FORMAT csv)"
    pg -At -c "SELECT setval(pg_get_serial_sequence('$table', 'id'), MAX(id)) FROM $table" >/dev/null
  done
  rows=$(date +%s.%N)
  pg -c "SET maintenance_work_mem = '512MB'" -c "$restore"
  keys=$(date +%s.%N)
  # VACUUM as well as ANALYZE: the visibility map and hint bits set now, not by the first timed run.
  pg -c "VACUUM ANALYZE"
  end=$(date +%s.%N)
  local copy
  copy=$(echo "$end - $start" | bc)
  echo "copy into PostgreSQL: $copy s (rows $(echo "$rows - $start" | bc) s," \
       "indexes and keys $(echo "$keys - $rows" | bc) s, VACUUM ANALYZE $(echo "$end - $keys" | bc) s)"
  echo "entries: $(pg -At -c 'SELECT COUNT(*) FROM ledger_entries'), accounts: $(pg -At -c 'SELECT COUNT(*) FROM accounts')"
  bench_pg_copy_seconds=$copy
}
