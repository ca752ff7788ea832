#!/usr/bin/env python3
"""End-to-end tests of the real memberdesk-cli binary against a real database.

Usage: cli_test.py PATH/TO/memberdesk-cli sqlite|postgresql
The PostgreSQL run needs the server scripts/test starts (MEMBERDESK_TEST_PG_*); without it
the run fails rather than skips.
"""
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

CLI = None
BACKEND = None
OK, USAGE, INVALID, DENIED, CONFLICT, NOT_FOUND, STORAGE = 0, 1, 2, 3, 4, 5, 6


class Result:
    def __init__(self, proc):
        self.code = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr

    def json(self):
        return json.loads(self.out)


def run(*args, password=None, new_password=None, env_extra=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEMBERDESK_") or k.startswith("MEMBERDESK_TEST")}
    if password is not None:
        env["MEMBERDESK_PASSWORD"] = password
    if new_password is not None:
        env["MEMBERDESK_NEW_PASSWORD"] = new_password
    env.update(env_extra or {})
    # A new session has no controlling terminal, as under CI: no prompt can hang the test.
    proc = subprocess.run([CLI, *args], capture_output=True, text=True, env=env, timeout=60,
                          stdin=subprocess.DEVNULL, start_new_session=True)
    return Result(proc)


class FreshDatabase:
    """A new empty database per test: a SQLite file, or a new PostgreSQL database."""
    counter = 0

    def __init__(self):
        FreshDatabase.counter += 1
        self.folder = tempfile.mkdtemp(prefix="memberdesk-cli-test-")
        if BACKEND == "sqlite":
            self.path = os.path.join(self.folder, "member desk.db")  # a space on purpose
            self.url = "sqlite3://db=" + self.path
        else:
            sock = os.environ.get("MEMBERDESK_TEST_PG_SOCKET")
            port = os.environ.get("MEMBERDESK_TEST_PG_PORT")
            if not sock or not port:
                raise RuntimeError("PostgreSQL CLI tests need the server scripts/test starts (MEMBERDESK_TEST_PG_SOCKET)")
            self.name = "cli_%d_%d" % (os.getpid(), FreshDatabase.counter)
            self.psql = ["psql", "-q", "-h", sock, "-p", port, "-U", "postgres", "-d", "postgres", "-c"]
            subprocess.run(self.psql + ["CREATE DATABASE " + self.name], check=True, capture_output=True)
            self.url = "postgresql://dbname=%s host=%s port=%s user=postgres" % (self.name, sock, port)

    def drop(self):
        shutil.rmtree(self.folder, ignore_errors=True)
        if BACKEND != "sqlite":
            subprocess.run(self.psql + ["DROP DATABASE IF EXISTS " + self.name], capture_output=True)


class CliTest(unittest.TestCase):
    def setUp(self):
        self.db = FreshDatabase()
        self.addCleanup(self.db.drop)

    def cli(self, *args, user=None, **kw):
        pre = ["--db", self.db.url] + (["--user", user] if user else [])
        return run(*pre, *args, **kw)

    def init(self):
        r = self.cli("db", "init", password="admin-secret")
        self.assertEqual(r.code, OK, r.err)

    def add_user(self, name, role, password):
        r = self.cli("--json", "user", "add", name, "--role", role, user="admin", password="admin-secret",
                     new_password=password)
        self.assertEqual(r.code, OK, r.err)
        return r.json()

    # --- the sequence ---------------------------------------------------------
    def test_init_add_user_and_status(self):
        self.init()
        added = self.add_user("bob", "service", "bob-secret1")
        self.assertEqual(added["role"], "service")
        self.assertEqual(added["version"], 1)
        self.assertNotIn("password", added)  # given, not generated: never echoed
        status = self.cli("--json", "db", "status").json()
        self.assertEqual(status["schema_version"], status["latest_schema_version"])
        self.assertTrue(status["initialized"])
        self.assertEqual(status["users"], 2)
        self.assertEqual(status["backend"], "sqlite3" if BACKEND == "sqlite" else "postgresql")
        if BACKEND == "sqlite":
            self.assertEqual(status["journal_mode"], "wal")
            shell = subprocess.run(["sqlite3", self.db.path, "pragma integrity_check; pragma journal_mode"],
                                   capture_output=True, text=True, check=True)
            self.assertEqual(shell.stdout.split(), ["ok", "wal"])

    def test_service_user_cannot_add_users_and_the_refusal_is_audited(self):
        self.init()
        self.add_user("bob", "service", "bob-secret1")
        r = self.cli("user", "add", "eve", "--role", "admin", user="bob", password="bob-secret1",
                     new_password="eve-secret1")
        self.assertEqual(r.code, DENIED, r.err)
        self.assertIn("permission denied", r.err)
        records = self.cli("--json", "audit", "list", user="admin", password="admin-secret").json()
        refusals = [x for x in records if x["outcome"] == "denied"]
        self.assertEqual(len(refusals), 1, records)
        self.assertEqual(refusals[0]["actor"], "bob")
        self.assertEqual(refusals[0]["action"], "user.manage")
        self.assertEqual(refusals[0]["entity_id"], "eve")
        users = self.cli("--json", "user", "list", user="admin", password="admin-secret").json()
        self.assertNotIn("eve", [u["username"] for u in users])

    # --- bad input: one clear line, the contract's exit code, nothing written -------------
    def test_second_init_is_a_conflict(self):
        self.init()
        r = self.cli("db", "init", password="admin-secret")
        self.assertEqual(r.code, CONFLICT)
        self.assertIn("already holds", r.err)

    def test_unknown_role_names_field_and_value(self):
        self.init()
        r = self.cli("--json", "user", "add", "zed", "--role", "boss", user="admin", password="admin-secret",
                     new_password="zed-secret1")
        self.assertEqual(r.code, INVALID)
        error = r.json()["error"]
        self.assertEqual((error["field"], error["value"]), ("role", "boss"))
        self.assertEqual(len(r.err.strip().splitlines()), 1)

    def test_wrong_password_and_unknown_user_are_refused(self):
        self.init()
        r = self.cli("user", "list", user="admin", password="not-the-one")
        self.assertEqual(r.code, DENIED)
        self.assertIn("wrong password", r.err)
        r = self.cli("user", "list", user="nobody", password="whatever1")
        self.assertEqual(r.code, DENIED)
        self.assertIn('no user "nobody"', r.err)

    def test_five_wrong_passwords_lock_the_account(self):
        self.init()
        self.add_user("bob", "auditor", "bob-secret1")
        for _ in range(5):
            self.assertEqual(self.cli("user", "list", user="bob", password="wrong-one").code, DENIED)
        r = self.cli("user", "list", user="bob", password="bob-secret1")
        self.assertEqual(r.code, DENIED)
        self.assertIn("locked", r.err)
        # The administrator's reset unlocks it.
        r = self.cli("user", "reset-password", "bob", user="admin", password="admin-secret", new_password="bob-secret2")
        self.assertEqual(r.code, OK, r.err)
        self.assertEqual(self.cli("user", "list", user="bob", password="bob-secret2").code, OK)

    def test_stale_edit_is_a_conflict_naming_who_changed_it(self):
        self.init()
        self.add_user("bob", "service", "bob-secret1")
        r = self.cli("--json", "user", "set-role", "bob", "finance", "--expect-version", "1", user="admin",
                     password="admin-secret")
        self.assertEqual(r.code, OK, r.err)
        self.assertEqual(r.json()["version"], 2)
        r = self.cli("user", "set-name", "bob", "Bob", "--expect-version", "1", user="admin", password="admin-secret")
        self.assertEqual(r.code, CONFLICT)
        self.assertIn("changed by admin", r.err)
        shown = self.cli("--json", "user", "show", "bob", user="admin", password="admin-secret").json()
        self.assertEqual((shown["role"], shown["display_name"]), ("finance", ""))

    def test_missing_password_is_a_usage_error_not_a_hang(self):
        r = self.cli("db", "init")
        self.assertEqual(r.code, USAGE)
        self.assertIn("MEMBERDESK_PASSWORD", r.err)

    def test_unknown_command_is_usage(self):
        self.assertEqual(self.cli("frobnicate").code, USAGE)

    def test_generated_password_is_shown_once_and_works(self):
        self.init()
        r = self.cli("--json", "user", "add", "amy", "--role", "finance", user="admin", password="admin-secret")
        self.assertEqual(r.code, OK, r.err)
        generated = r.json()["password"]
        self.assertEqual(len(generated), 12)
        self.assertEqual(self.cli("db", "check", user="admin", password="admin-secret").code, OK)
        self.assertEqual(self.cli("user", "show", "amy", user="amy", password=generated).code, DENIED)  # finance: no user.view

    # --- the audit trail as CSV, read back by Python's csv parser ------------------------
    def test_audit_csv_export_reads_back(self):
        self.init()
        self.add_user("li.na", "marketing", "lina-secret")
        out = os.path.join(self.db.folder, "audit.csv")
        r = self.cli("audit", "list", "--format", "csv", "-o", out, user="admin", password="admin-secret")
        self.assertEqual(r.code, OK, r.err)
        raw = open(out, "rb").read()
        self.assertTrue(raw.startswith(b"\xef\xbb\xbf"))
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        self.assertEqual(rows[0], ["Time", "User", "Action", "Record", "Outcome", "Detail"])
        actions = [row[2] for row in rows[1:]]
        self.assertIn("user.add", actions)
        self.assertIn("db.init", actions)
        as_json = self.cli("--json", "audit", "list", "--action", "user.", user="admin", password="admin-secret").json()
        self.assertEqual([x["action"] for x in as_json], ["user.add"])


class Fixed(unittest.TestCase):
    """Cases that need no fresh database."""

    def test_unknown_scheme_is_invalid_input(self):
        r = run("--db", "mysql://db=x", "db", "status")
        self.assertEqual(r.code, INVALID)
        self.assertIn("unknown scheme", r.err)

    def test_missing_folder_is_a_storage_error(self):
        r = run("--db", "sqlite3://db=/nonexistent-folder/x.db", "db", "init", password="admin-secret")
        self.assertEqual(r.code, STORAGE)
        self.assertIn("/nonexistent-folder", r.err)

    def test_missing_file_is_not_found_and_not_created(self):
        folder = tempfile.mkdtemp()
        path = os.path.join(folder, "none.db")
        r = run("--db", "sqlite3://db=" + path, "user", "list", "--user", "admin", password="admin-secret")
        self.assertEqual(r.code, NOT_FOUND)
        self.assertFalse(os.path.exists(path))
        shutil.rmtree(folder)

    def test_unreachable_postgresql_is_a_storage_error(self):
        r = run("--db", "postgresql://dbname=nowhere host=/nonexistent-socket port=1", "db", "status")
        self.assertEqual(r.code, STORAGE)
        self.assertIn("cannot connect to PostgreSQL", r.err)

    def test_demo_seed_makes_one_user_per_role_that_can_sign_in(self):
        folder = tempfile.mkdtemp()
        url = "sqlite3://db=" + os.path.join(folder, "demo.db")
        r = run("--db", url, "--json", "demo", "seed")
        self.assertEqual(r.code, OK, r.err)
        people = r.json()["users"]
        self.assertEqual(sorted(p["role"] for p in people),
                         sorted(["admin", "marketing", "approver", "service", "finance", "auditor"]))
        auditor = next(p for p in people if p["role"] == "auditor")
        r = run("--db", url, "--user", auditor["username"], "audit", "list", password=auditor["password"])
        self.assertEqual(r.code, OK, r.err)
        self.assertEqual(run("--db", url, "demo", "seed").code, CONFLICT)
        shutil.rmtree(folder)


if __name__ == "__main__":
    CLI, BACKEND = sys.argv[1], sys.argv[2]
    if BACKEND not in ("sqlite", "postgresql"):
        sys.exit("backend must be sqlite or postgresql")
    # The backend-free cases run once, with the SQLite run.
    suite = unittest.TestLoader().loadTestsFromTestCase(CliTest)
    if BACKEND == "sqlite":
        suite.addTests(unittest.TestLoader().loadTestsFromTestCase(Fixed))
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    sys.exit(0 if result.wasSuccessful() and result.testsRun > 0 else 1)
