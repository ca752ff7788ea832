"""A fingerprint of every table of a MemberDesk database, to prove a refused command wrote nothing.

The tables are listed from the database's own catalogue (sqlite_master, pg_tables), so a table
added by a later migration is covered without touching this file. Each table's rows are read in
a fixed order and hashed; the audit trail is kept apart (see Snapshot.audit) because refusals
are audited by design: a refused command may add audit records but never change or remove one.
"""
import hashlib
import os
import sqlite3
import subprocess

# The audit trail grows with every refusal (permission denials and failed sign-ins are
# recorded on purpose), and audit_chain is the head pointer that moves with it. These two
# are compared as "only grew" instead of "unchanged".
AUDIT_LOG = "audit_log"
AUDIT_TABLES = {AUDIT_LOG, "audit_chain"}


class Snapshot:
    def __init__(self, tables, audit):
        self.tables = tables  # table name -> hash of all its rows in a fixed order
        self.audit = audit    # audit record id -> hash of that record


def _digest(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sqlite_snapshot(path):
    con = sqlite3.connect(path)
    try:
        names = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        tables, audit = {}, {}
        for name in names:
            columns = [r[1] for r in con.execute('PRAGMA table_info("%s")' % name)]
            order = ", ".join('"%s"' % c for c in columns)
            rows = con.execute('SELECT * FROM "%s" ORDER BY %s' % (name, order)).fetchall()
            if name == AUDIT_LOG:
                id_at = columns.index("id")
                audit = {row[id_at]: _digest(repr(row)) for row in rows}
            if name not in AUDIT_TABLES:
                tables[name] = _digest(repr(rows))
        return Snapshot(tables, audit)
    finally:
        con.close()


# One psql call: \gexec runs, for every table of the schema, a query hashing its rows (as their
# text form, in the order of that text), then the audit records one by one.
_PG_SCRIPT = r"""
SELECT format('SELECT %L, md5(coalesce(string_agg(x::text, E''\n'' ORDER BY x::text), '''')) FROM %I x',
              tablename, tablename)
  FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN ('audit_log', 'audit_chain')
 ORDER BY tablename \gexec
SELECT 'audit:' || id, md5(x::text) FROM audit_log x ORDER BY id;
"""


def postgresql_snapshot(psql_command):
    """psql_command: psql and its connection arguments, ending with the database to read."""
    out = subprocess.run(psql_command + ["-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1"], input=_PG_SCRIPT,
                         capture_output=True, text=True, check=True).stdout
    tables, audit = {}, {}
    for line in out.splitlines():
        if not line:
            continue
        name, digest = line.split("|", 1)
        if name.startswith("audit:"):
            audit[int(name[len("audit:"):])] = digest
        else:
            tables[name] = digest
    return Snapshot(tables, audit)


def differences(before, after):
    """What changed between two snapshots, in words; empty when nothing but new audit records."""
    found = []
    for name in sorted(set(before.tables) | set(after.tables)):
        if before.tables.get(name) != after.tables.get(name):
            found.append("table %s changed" % name)
    for record, digest in before.audit.items():
        if after.audit.get(record) != digest:
            found.append("audit record %s was %s" % (record, "removed" if record not in after.audit else "changed"))
    last = max(before.audit, default=0)
    for record in after.audit:
        if record not in before.audit and record < last:
            found.append("audit record %s appeared before the previous last record %s" % (record, last))
    return found


def database_snapshot(db, backend):
    """The snapshot of a cli_test.FreshDatabase: its SQLite file, or its PostgreSQL database."""
    if backend == "sqlite":
        return sqlite_snapshot(db.path)
    sock, port = os.environ["MEMBERDESK_TEST_PG_SOCKET"], os.environ["MEMBERDESK_TEST_PG_PORT"]
    return postgresql_snapshot(["psql", "-h", sock, "-p", port, "-U", "postgres", "-d", db.name])
