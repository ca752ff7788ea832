# The benchmarks' data sets, made once per size and cached in $out (see common.sh): every
# run_*.sh asks bench_dataset for its file instead of building one itself. This is the one place
# that makes data: the fixtures here (bench/member_fixture through the bench binaries' `prepare`,
# the CSV script, SQL for the movements and ledger lines) are to give way to the CLI's data
# generator, without the benchmarks changing. Source it after common.sh.

# bench_dataset NAME SIZE: prints the path of data set NAME at SIZE members, making it first if it
# is not cached. A file is made under a temporary name and renamed when complete, so an
# interrupted run never leaves a half-made data set that a later run would take for finished.
#   members-csv       import-SIZE.csv       the import file (bench/lib/member_csv.py)
#   members-imported  import-SIZE.db        that file imported by memberdesk-cli (the member list's data)
#   members           members-SIZE.db       bench/member_fixture's members (member search)
#   lifecycle         lifecycle-SIZE.db     the same members, lifecycle thresholds 90 / 365 days
#   ledger            ledger-fresh-SIZE.db  the same members and the points rule, no postings yet
#   tiers             tiers-SIZE.db         the demo ladders, about 10 qualifying movements per member
#   liability         liability-SIZE.db     the ledger data set, an account per member and about
#                                           9.9 ledger lines per member over two years
# The names are the ones the scripts used before, so data sets cached by them are reused.
bench_dataset() {
  local name=$1 size=$2 file
  case $name in
    members-csv) file="$out/import-$size.csv" ;;
    members-imported) file="$out/import-$size.db" ;;
    members) file="$out/members-$size.db" ;;
    lifecycle) file="$out/lifecycle-$size.db" ;;
    ledger) file="$out/ledger-fresh-$size.db" ;;
    tiers) file="$out/tiers-$size.db" ;;
    liability) file="$out/liability-$size.db" ;;
    *) echo "bench_dataset: no data set called $name" >&2; return 1 ;;
  esac
  if [ ! -f "$file" ]; then
    local tmp="${file%.*}.making.${file##*.}" started=$SECONDS
    rm -f "$tmp" "$tmp-wal" "$tmp-shm"
    echo "bench_dataset: making $name at $size members ($file)" >&2
    # The count checked too: a caller in an `if` or `||` turns set -e off inside the maker.
    if ! "_bench_make_$(tr - _ <<<"$name")" "$tmp" "$size" >&2 || [ "$(_bench_count "$tmp")" != "$size" ]; then
      echo "bench_dataset: making $name at $size members failed" >&2
      rm -f "$tmp" "$tmp-wal" "$tmp-shm"
      return 1
    fi
    # A WAL file left beside it would not follow the rename.
    if [[ $file == *.db ]]; then sqlite3 "$tmp" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null; fi
    rm -f "$tmp-wal" "$tmp-shm"
    mv "$tmp" "$file"
    echo "bench_dataset: $name at $size members made in $((SECONDS - started)) s" >&2
  fi
  if [[ $file == *.db ]]; then _bench_migrate "$file" || return 1; fi
  echo "$file"
}

# A data set made by an older build is brought to the CLI's schema (a no-op when it is there), as
# its administrator: bench for those the bench programs make, admin for the imported members.
_bench_migrate() {
  local user
  bench_build memberdesk-cli >&2
  for user in bench admin; do
    MEMBERDESK_PASSWORD=bench-password "$build/src/cli/memberdesk-cli" --db "sqlite3://db=$1" --user "$user"       db migrate >/dev/null 2>&1 && return 0
  done
  echo "bench_dataset: cannot bring $1 to the current schema (db migrate as bench or admin failed)" >&2
  return 1
}

# _bench_count FILE: the members in a data set (a CSV's rows after its header).
_bench_count() {
  if [[ $1 == *.csv ]]; then echo $(($(wc -l <"$1") - 1)); else sqlite3 "$1" 'SELECT COUNT(*) FROM members' 2>/dev/null || echo 0; fi
}

_bench_make_members_csv() { python3 "$root/bench/lib/member_csv.py" "$1" "$2"; }

_bench_make_members_imported() {
  local csv
  csv=$(bench_dataset members-csv "$2")
  MEMBERDESK_PASSWORD=bench-password "$build/src/cli/memberdesk-cli" --db "sqlite3://db=$1" db init >/dev/null
  MEMBERDESK_PASSWORD=bench-password "$build/src/cli/memberdesk-cli" --db "sqlite3://db=$1" --user admin \
    member import "$csv" | tail -n 1
  sqlite3 "$1" "ANALYZE"
}

_bench_make_members() { "$build/bench/member_search_bench" prepare "$1" "$2"; }
_bench_make_lifecycle() { "$build/bench/lifecycle_bench" prepare "$1" "$2"; }
_bench_make_ledger() { "$build/bench/ledger_bench" prepare "$1" "$2"; }

# One in ten members a company; an open account for each (coin members since the first day); per
# member six purchases (1–500 yuan), two coin lines, two cash recharges (500–10,000 yuan; one
# member in fifty recharged 12,000 once), spread over the two years to 2026-11-30.
_bench_make_tiers() {
  "$build/bench/tier_bench" prepare "$1" "$2"
  sqlite3 "$1" <<'SQL'
PRAGMA journal_mode = WAL;
BEGIN;
UPDATE members SET member_type = 'group', company = 'Company ' || id WHERE id % 10 = 0;
INSERT INTO accounts (member_id, coin_member_since, opened_at) SELECT id, '2024-12-01', '2024-12-01 00:00:00' FROM members;
WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < 9)
INSERT INTO tier_facts (member_id, day, kind, amount, source, list_price)
SELECT m.id,
       date('2024-12-01', '+' || ((m.id * 37 + k.n * 53) % 730) || ' days'),
       CASE WHEN k.n < 6 THEN 'spend' WHEN k.n < 8 THEN 'coins' ELSE 'recharge' END,
       CASE WHEN k.n < 6 THEN ((m.id * 31 + k.n * 17) % 500 + 1) * 100
            WHEN k.n < 8 THEN ((m.id * 31 + k.n * 17) % 500 + 1) / 20
            WHEN k.n = 8 AND m.id % 50 = 0 THEN 1200000
            ELSE ((m.id * 13 + k.n) % 20 + 1) * 50000 END,
       CASE WHEN k.n < 8 THEN 'purchase' ELSE 'cash_recharge' END,
       CASE WHEN k.n < 6 THEN ((m.id * 31 + k.n * 17) % 500 + 1) * 100 END
FROM members m, k ORDER BY m.id, k.n;
COMMIT;
ANALYZE;
SQL
  echo "tier movements: $(sqlite3 "$1" 'SELECT COUNT(*) FROM tier_facts') rows"
}

# The ledger data set with an account for every member and 9.9 lines per member added by SQL: a
# cash recharge each, then purchases and coin lines over two years (days spread by the line's
# number). Balances in `accounts` are not kept in step, so `db check` on it fails by design: the
# reports read entries only.
_bench_make_liability() {
  local ledger lines=$(($2 * 99 / 10))
  ledger=$(bench_dataset ledger "$2")
  cp "$ledger" "$1"
  MEMBERDESK_PASSWORD=bench-password "$build/src/cli/memberdesk-cli" --db "sqlite3://db=$1" --user bench db migrate >/dev/null
  sqlite3 "$1" <<SQL
PRAGMA journal_mode=WAL;
PRAGMA synchronous=OFF;
INSERT INTO accounts (member_id, opened_at) SELECT m.id, '2025-01-01 00:00:00' FROM members m
 WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.member_id = m.id);
-- The one request every line names (the PostgreSQL copy puts the foreign keys back).
INSERT INTO ledger_requests (id, idem_key, kind, request, account_id, business_day, principal_after, bonus_after,
                             compensation_after, coins_after, package_after, detail, actor, at)
SELECT 1, 'bench-liability', 'recharge', '{}', 1, '2024-12-01', 0, 0, 0, 0, 0, '{}', 'bench', '2025-01-01 00:00:00'
 WHERE NOT EXISTS (SELECT 1 FROM ledger_requests WHERE id = 1);
WITH RECURSIVE n(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM n WHERE x < $lines - 1)
INSERT INTO ledger_entries (request_id, account_id, entry_type, bucket, amount, balance_after, business_day, reason, actor, at)
SELECT 1, 1 + (x % $2),
       CASE WHEN x < $2 THEN 'cash_recharge' WHEN x % 7 = 0 THEN 'points_earned' ELSE 'purchase' END,
       CASE WHEN x < $2 THEN 'principal' WHEN x % 7 = 0 THEN 'coins' ELSE 'principal' END,
       CASE WHEN x < $2 THEN 500000 WHEN x % 7 = 0 THEN 5 ELSE -(100 + x % 4000) END,
       0, date('2024-12-01', '+' || ((x / $2) * 73 + (x % 61)) || ' days'), '', 'bench', '2025-01-01 00:00:00'
FROM n;
SQL
}
