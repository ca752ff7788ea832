#!/usr/bin/env python3
"""The real memberdesk-cli backing up and restoring a real database, while another console writes.

Usage: backup_cli_test.py PATH/TO/memberdesk-cli sqlite|postgresql
A restored database must pass db check and audit verify and report the liability figures the
source had at the moment of the backup; a foreign or damaged file is refused, changing nothing.
"""
import csv
import datetime
import os
import subprocess
import sys
import threading
import unittest

import cli_test
from cli_test import CONFLICT, DENIED, INVALID, NOT_FOUND, OK, DemoDatabaseTest, FreshDatabase, run

RECHARGE = "10"  # below every recharge bonus tier: each recharge adds exactly 10.00 of principal


def business_today():
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date().isoformat()


class BackupCliTest(DemoDatabaseTest):
    def setUp(self):
        super().setUp()
        r = self.as_role("service", "--json", "member", "add", "--name", "备份会员", "--mobile", "13712340001")
        self.assertEqual(r.code, OK, r.err)
        self.member = r.json()["number"]
        self.backup = os.path.join(self.db.folder, "backup-%s" % ("one.db" if cli_test.BACKEND == "sqlite" else "one.dump"))

    # --- helpers ------------------------------------------------------------------------------
    def admin(self, *args, db=None):
        p = self.people["admin"]
        return run("--db", db or self.db.url, "--user", p["username"], *args, password=p["password"])

    def recharge(self, key, db=None):
        p = self.people["service"]
        return run("--db", db or self.db.url, "--user", p["username"], "txn", "recharge", self.member, RECHARGE,
                   "--key", key, password=p["password"])

    def other_database(self):
        other = FreshDatabase()
        self.addCleanup(other.drop)
        return other

    def target_url(self, other):
        """A new SQLite file beside the other database's folder, or the other PostgreSQL database."""
        if cli_test.BACKEND == "sqlite":
            return "sqlite3://db=" + os.path.join(other.folder, "restored.db"), os.path.join(other.folder, "restored.db")
        return other.url, None

    def liability(self, db_url, role="finance"):
        path = os.path.join(self.db.folder, "liability-%d.csv" % len(os.listdir(self.db.folder)))
        p = self.people[role]
        r = run("--db", db_url, "--user", p["username"], "report", "liability", "--as-of", business_today(),
                "--format", "csv", "-o", path, password=p["password"])
        self.assertEqual(r.code, OK, r.err)
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        for row in rows:
            if row and row[0].startswith("Stored value paid by members"):
                return round(float(row[1]) * 100)
        raise AssertionError("no principal row in the liability report")

    def checks_pass(self, db_url):
        check = self.admin("--json", "db", "check", db=db_url)
        self.assertEqual(check.code, OK, check.err)
        verify = self.admin("--json", "audit", "verify", db=db_url)
        self.assertEqual(verify.code, OK, verify.err + verify.out)
        return check.json()["totals"]

    # --- the round trip --------------------------------------------------------------------------
    def test_a_backup_taken_while_a_console_writes_restores_to_that_moment(self):
        for i in range(3):
            self.assertEqual(self.recharge("before-%d" % i).code, OK)
        # Another console keeps recharging while the backup runs.
        posted, stop = [], threading.Event()

        def writer():
            n = 0
            while not stop.is_set() and n < 60:
                r = self.recharge("during-%03d" % n)
                if r.code == OK:
                    posted.append(n)
                n += 1

        thread = threading.Thread(target=writer)
        thread.start()
        while len(posted) < 3:
            pass
        r = self.admin("--json", "db", "backup", self.backup)
        stop.set()
        thread.join()
        self.assertEqual(r.code, OK, r.err)
        self.assertEqual(r.json()["format"], "sqlite3" if cli_test.BACKEND == "sqlite" else "pg_dump")
        self.assertGreater(r.json()["bytes"], 0)
        self.assertEqual(os.stat(self.backup).st_mode & 0o777, 0o600, "a backup holds personal data: owner only")
        source_total = self.liability(self.db.url)
        self.assertEqual(source_total, 1000 * (3 + len(posted)))

        other = self.other_database()
        target, path = self.target_url(other)
        restored = run("--db", target, "--json", "db", "restore", self.backup)
        self.assertEqual(restored.code, OK, restored.err)
        report = restored.json()
        self.assertFalse(report["replaced"])
        totals = self.checks_pass(target)

        # The backup is one snapshot: the writer's recharges up to some point, none after, no gap.
        restored_total = self.liability(target)
        in_backup = restored_total // 1000 - 3
        self.assertGreaterEqual(in_backup, 0)
        self.assertLessEqual(in_backup, len(posted))
        self.assertEqual(restored_total, source_total - 1000 * (len(posted) - in_backup))
        self.assertEqual("%.2f" % (restored_total / 100), totals["principal"])
        # Every recharge the restored database holds is one of the first ones the writer posted.
        for n in range(in_backup):
            again = self.recharge("during-%03d" % posted[n], db=target)
            self.assertEqual(again.code, OK, again.err)
        self.assertEqual(self.liability(target), restored_total, "a key in the backup is a repeat, posted nothing")
        if path:
            self.assertEqual(os.stat(path).st_mode & 0o777, 0o600)
        # The restore itself is in the restored database's audit trail.
        audit = self.admin("--json", "audit", "list", "--action", "db.restore", db=target)
        self.assertEqual(audit.code, OK, audit.err)
        self.assertEqual(len(audit.json()), 1)

    def test_replacing_a_database_needs_replace_and_its_administrator(self):
        self.assertEqual(self.recharge("one").code, OK)
        self.assertEqual(self.admin("db", "backup", self.backup).code, OK)
        self.assertEqual(self.recharge("two").code, OK)
        before = self.liability(self.db.url)

        r = run("--db", self.db.url, "db", "restore", self.backup)
        self.assertEqual(r.code, CONFLICT, r.err)
        self.assertIn("--replace", r.err)
        service = self.people["service"]
        r = run("--db", self.db.url, "--user", service["username"], "db", "restore", self.backup, "--replace",
                password=service["password"])
        self.assertEqual(r.code, DENIED, r.err)
        self.assertIn("db.restore", r.err)
        self.assertEqual(self.liability(self.db.url), before, "a refused restore changes nothing")
        refusals = self.admin("--json", "audit", "list", "--action", "db.restore")
        self.assertEqual([a["outcome"] for a in refusals.json()], ["denied"])

        r = self.admin("--json", "db", "restore", self.backup, "--replace")
        self.assertEqual(r.code, OK, r.err)
        self.assertTrue(r.json()["replaced"])
        self.assertEqual(r.json()["restored_by"], self.people["admin"]["username"])
        self.assertEqual(self.liability(self.db.url), before - 1000)
        self.checks_pass(self.db.url)

    def test_backup_refuses_an_existing_file_and_other_roles(self):
        with open(self.backup, "w") as f:
            f.write("keep me")
        r = self.admin("db", "backup", self.backup)
        self.assertEqual(r.code, CONFLICT, r.err)
        with open(self.backup) as f:
            self.assertEqual(f.read(), "keep me")
        finance = self.people["finance"]
        r = run("--db", self.db.url, "--user", finance["username"], "db", "backup", self.backup + "2",
                password=finance["password"])
        self.assertEqual(r.code, DENIED, r.err)
        self.assertFalse(os.path.exists(self.backup + "2"))

    def test_the_reminder_counts_from_the_last_backup(self):
        r = self.admin("--json", "db", "backup-status")
        self.assertEqual(r.code, OK, r.err)
        self.assertEqual((r.json()["last_at"], r.json()["overdue"], r.json()["reminder_days"]), (None, True, 7))
        self.assertEqual(self.admin("db", "backup", self.backup).code, OK)
        r = self.admin("--json", "db", "backup-status", "--remind-after", "3")
        self.assertEqual(r.code, OK, r.err)
        self.assertEqual((r.json()["days_since"], r.json()["overdue"], r.json()["reminder_days"]), (0, False, 3))
        self.assertTrue(r.json()["last_file"].endswith(os.path.basename(self.backup)))
        # Three days later the backup is three days old: due (the threshold is inclusive).
        self.sql("UPDATE settings SET value = '%s' WHERE name = 'last_backup_at'" %
                 (datetime.datetime.utcnow() - datetime.timedelta(days=3, minutes=1)).strftime("%Y-%m-%d %H:%M:%S"))
        r = self.admin("--json", "db", "backup-status")
        self.assertEqual((r.json()["days_since"], r.json()["overdue"]), (3, True))
        r = self.admin("--json", "db", "backup-status", "--remind-after", "0")
        self.assertEqual(r.code, INVALID, r.err)
        self.assertEqual((r.json()["error"]["field"], r.json()["error"]["value"]), ("days", "0"))

    # --- files that are not a usable backup -------------------------------------------------------
    def refused(self, path, fragment, replace_source=False):
        """Restoring `path` is invalid input naming the file; the target is left as it was."""
        if replace_source:
            before = self.liability(self.db.url)
            r = self.admin("--json", "db", "restore", path, "--replace")
        else:
            other = self.other_database()
            target, target_path = self.target_url(other)
            r = run("--db", target, "--json", "db", "restore", path)
        self.assertEqual(r.code, INVALID, (path, r.err))
        self.assertEqual(r.json()["error"]["field"], "file")
        self.assertEqual(r.json()["error"]["value"], path)
        self.assertIn(fragment, r.err)
        if replace_source:
            self.assertEqual(self.liability(self.db.url), before)
            self.checks_pass(self.db.url)
        elif target_path:
            self.assertFalse(os.path.exists(target_path), "nothing is left where the database would have gone")
            self.assertEqual([f for f in os.listdir(os.path.dirname(target_path)) if "restor" in f], [])

    def write_file(self, name, data):
        path = os.path.join(self.db.folder, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def test_foreign_and_damaged_files_are_refused_whole(self):
        self.assertEqual(self.recharge("one").code, OK)
        self.assertEqual(self.admin("db", "backup", self.backup).code, OK)
        with open(self.backup, "rb") as f:
            good = f.read()
        self.refused(self.write_file("noise.bin", os.urandom(8192)), "neither a SQLite database nor a PostgreSQL dump")
        self.refused(self.write_file("members.csv", "number,name\nM00000001,张三\n".encode()), "neither")
        self.refused(self.write_file("empty.db", b""), "neither", replace_source=True)
        if cli_test.BACKEND == "sqlite":
            foreign = os.path.join(self.db.folder, "foreign.db")
            subprocess.run(["sqlite3", foreign, "CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('hi');"],
                           check=True)
            self.refused(foreign, "no MemberDesk schema")
            self.refused(self.write_file("truncated.db", good[: len(good) // 2]), "not a usable MemberDesk backup")
            self.refused(self.write_file("truncated2.db", good[: len(good) // 2]), "not a usable", replace_source=True)
            # A backup whose audit trail was edited after the fact.
            tampered = self.write_file("tampered.db", good)
            subprocess.run(["sqlite3", tampered, "UPDATE audit_log SET actor = 'nobody' WHERE id = "
                                                 "(SELECT MAX(id) FROM audit_log)"], check=True)
            self.refused(tampered, "audit")
            # A backup whose balance no longer matches its entries.
            skewed = self.write_file("skewed.db", good)
            subprocess.run(["sqlite3", skewed, "UPDATE ledger_entries SET amount = amount + 1 WHERE id = "
                                               "(SELECT MIN(id) FROM ledger_entries)"], check=True)
            self.refused(skewed, "check fails", replace_source=True)
            self.refused(self.write_file("dump.dump", b"PGDMP" + good[5:200]), "PostgreSQL backup")
        else:
            self.refused(self.write_file("truncated.dump", good[: len(good) // 2]), "not a usable MemberDesk backup")
            self.refused(self.write_file("sqlite.db", b"SQLite format 3\x00" + bytes(4080)), "SQLite backup")
        missing = os.path.join(self.db.folder, "no-such.db")
        r = self.admin("db", "restore", missing, "--replace")
        self.assertEqual(r.code, NOT_FOUND, r.err)
        self.assertIn(missing, r.err)


if __name__ == "__main__":
    cli_test.CLI, cli_test.BACKEND = sys.argv[1], sys.argv[2]
    del sys.argv[1:3]
    unittest.main(verbosity=2)
