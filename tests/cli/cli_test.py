#!/usr/bin/env python3
"""End-to-end tests of the real memberdesk-cli binary against a real database.

Usage: cli_test.py PATH/TO/memberdesk-cli sqlite|postgresql
The PostgreSQL run needs the server scripts/test starts (MEMBERDESK_TEST_PG_*); without it
the run fails rather than skips.
"""
import csv
import datetime
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
            # Personal data and money: the file and its write-ahead log are the owner's alone.
            for path in (self.db.path, self.db.path + "-wal"):
                if os.path.exists(path):
                    self.assertEqual(oct(os.stat(path).st_mode & 0o777), oct(0o600), path)
            self.assertEqual(oct(os.stat(self.db.path).st_mode & 0o777), oct(0o600))

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

    def sql(self, statement):
        """Runs SQL on the test's database behind MemberDesk's back, as someone tampering would."""
        if BACKEND == "sqlite":
            subprocess.run(["sqlite3", self.db.path, statement], check=True, capture_output=True)
        else:
            psql = self.db.psql[:-3] + ["-d", self.db.name, "-v", "ON_ERROR_STOP=1", "-c", statement]
            subprocess.run(psql, check=True, capture_output=True)

    def test_audit_verify_passes_then_names_an_edited_record(self):
        self.init()
        self.add_user("li.na", "marketing", "lina-secret")
        r = self.cli("--json", "audit", "verify", user="admin", password="admin-secret")
        self.assertEqual(r.code, OK, r.err)
        intact = r.json()
        self.assertGreaterEqual(intact["chained"], 3)
        self.assertEqual(len(intact["head_hash"]), 64)
        self.assertEqual(intact["problems"], [])
        self.sql("UPDATE audit_log SET actor = 'someone.else' WHERE action = 'user.add'")
        r = self.cli("audit", "verify", user="admin", password="admin-secret")
        self.assertEqual(r.code, STORAGE, r.err)
        self.assertRegex(r.err, r"audit record \d+: its content does not match its hash")


class DemoGenerateTest(unittest.TestCase):
    """`demo generate` through the binary: a small base with history, its member file read back
    by Python's csv module and imported by `member import` into another database."""

    def setUp(self):
        self.db = FreshDatabase()
        self.addCleanup(self.db.drop)

    def test_generate_then_check_then_import_its_member_file(self):
        members_csv = os.path.join(self.db.folder, "members.csv")
        r = run("--db", self.db.url, "--json", "demo", "generate", "--members", "120", "--months", "3",
                "--seed", "5", "--to", "2026-10-31", "--members-csv", members_csv)
        self.assertEqual(r.code, OK, r.err)
        out = r.json()
        self.assertEqual((out["members"], out["refused"], out["from"], out["to"]), (120, 0, "2026-08-01", "2026-10-31"))
        self.assertGreater(out["postings"], 120)
        admin = next(p for p in out["users"] if p["role"] == "admin")
        r = run("--db", self.db.url, "--user", "admin", "db", "check", password=admin["password"])
        self.assertEqual(r.code, OK, r.out + r.err)
        with open(members_csv, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        self.assertEqual(len(rows), 120)
        self.assertTrue(all(len(row["mobile"]) == 11 and row["mobile"].startswith("1") for row in rows))
        self.assertEqual(len({row["number"] for row in rows}), 120)
        # A second generate into the same database is a conflict; a bad size names the field.
        again = run("--db", self.db.url, "demo", "generate", "--members", "5")
        self.assertEqual(again.code, CONFLICT, again.err)
        other = FreshDatabase()
        self.addCleanup(other.drop)
        bad = run("--db", other.url, "demo", "generate", "--members", "0")
        self.assertEqual(bad.code, INVALID, bad.err)
        self.assertIn("members", bad.err)
        self.assertEqual(run("--db", other.url, "db", "init", password="admin-password").code, OK)
        r = run("--db", other.url, "--user", "admin", "--json", "member", "import", members_csv, password="admin-password")
        self.assertEqual(r.code, OK, r.err)
        self.assertEqual(r.json()["imported"], 120)


class DemoDatabaseTest(unittest.TestCase):
    """A fresh database seeded with the demo data; commands run as the demo user of a role."""

    def setUp(self):
        self.db = FreshDatabase()
        self.addCleanup(self.db.drop)
        r = run("--db", self.db.url, "--json", "demo", "seed")
        self.assertEqual(r.code, OK, r.err)
        self.people = {p["role"]: p for p in r.json()["users"]}

    def as_role(self, role, *args):
        p = self.people[role]
        return run("--db", self.db.url, "--user", p["username"], *args, password=p["password"])

    def sql(self, statement):
        """Changes the database behind the program's back (a test's way to move time or corrupt a row)."""
        if BACKEND == "sqlite":
            subprocess.run(["sqlite3", self.db.path, statement], check=True, capture_output=True)
        else:
            cmd = self.db.psql[:]
            cmd[cmd.index("postgres", cmd.index("-d"))] = self.db.name
            subprocess.run(cmd + [statement], check=True, capture_output=True)

    def export(self, *extra):
        r = self.as_role("finance", "--json", "program", "export", *extra)
        self.assertEqual(r.code, OK, r.err)
        return r.json()


class ProgrammeCliTest(DemoDatabaseTest):
    """The programme under approval, through the binary (issue 3's sequence)."""

    def test_the_demo_programme_is_exported(self):
        p = self.export()
        ladders = {l["code"]: l for l in p["ladders"]}
        self.assertEqual(sorted(ladders), ["group", "individual", "premium"])
        self.assertEqual([(t["name_zh"], t["threshold"], t["discount"]) for t in ladders["individual"]["tiers"]],
                         [("黄钻", "1000.00", "98折"), ("红钻", "2000.00", "95折"), ("黑钻", "3000.00", "93折")])
        self.assertEqual(ladders["group"]["tiers"][0]["threshold"], "5000.00")
        self.assertEqual(p["points"]["spend_per_coin"], "20.00")
        self.assertEqual([d["face_value"] for d in p["denominations"]],
                         ["100.00", "200.00", "500.00", "1000.00", "2000.00"])
        self.assertIn(("12000.00", "15000.00"), [(b["pay"], b["receive"]) for b in p["bonuses"]])
        groups = {k["group"] for k in p["packages"] if k["kind"] == "special_need"}
        self.assertEqual(groups, {"family", "disease_prevention", "pregnancy", "growth", "adults", "other"})

    def test_threshold_change_needs_someone_else_and_starts_on_its_date(self):
        today = self.export()["as_of"]
        effective = (datetime.date.fromisoformat(today) + datetime.timedelta(days=10)).isoformat()
        r = self.as_role("marketing", "--json", "change", "set-threshold", "individual", "red_diamond", "2500",
                         "--reason", "红钻门槛上调", "--effective", effective)
        self.assertEqual(r.code, OK, r.err)
        change_id = str(r.json()["id"])
        self.assertEqual(self.as_role("marketing", "change", "approve", change_id, "--comment", "mine").code, DENIED)
        shown = self.as_role("approver", "change", "show", change_id)
        self.assertEqual(shown.code, OK, shown.err)
        self.assertIn("tiers[2].threshold: 2000.00 → 2500.00", shown.out)
        r = self.as_role("approver", "change", "approve", change_id, "--comment", "同意")
        self.assertEqual(r.code, OK, r.err)
        self.assertEqual(self.as_role("approver", "change", "approve", change_id, "--comment", "x").code, CONFLICT)
        day_before = (datetime.date.fromisoformat(effective) - datetime.timedelta(days=1)).isoformat()
        red = lambda p: [t for l in p["ladders"] if l["code"] == "individual" for t in l["tiers"]
                         if t["code"] == "red_diamond"][0]["threshold"]
        self.assertEqual(red(self.export("--as-of", day_before)), "2000.00")
        self.assertEqual(red(self.export("--as-of", effective)), "2500.00")
        versions = self.as_role("auditor", "--json", "program", "history", "ladder", "individual").json()
        self.assertEqual([(v["version"], v["effective_from"]) for v in versions], [(1, today), (2, effective)])
        self.assertEqual(versions[0]["item"]["tiers"][1]["threshold"], "2000.00")
        audit = self.as_role("auditor", "--json", "audit", "list", "--action", "change.").json()
        maker = self.people["marketing"]["username"]
        self.assertIn((maker, "change.decide", "denied"), [(a["actor"], a["action"], a["outcome"]) for a in audit])

    def test_export_import_export_reproduces_the_programme(self):
        out = os.path.join(self.db.folder, "programme.json")
        r = self.as_role("finance", "program", "export", out)
        self.assertEqual(r.code, OK, r.err)
        fresh = FreshDatabase()
        self.addCleanup(fresh.drop)
        self.assertEqual(run("--db", fresh.url, "db", "init", password="admin-secret").code, OK)
        for name, role in (("li.na", "marketing"), ("wang.qiang", "approver")):
            r = run("--db", fresh.url, "--user", "admin", "user", "add", name, "--role", role,
                    password="admin-secret", new_password=name + "-secret")
            self.assertEqual(r.code, OK, r.err)
        # Committee seats name members: the new database needs members with those numbers.
        seated = sorted(seat["member_number"] for seat in json.load(open(out, encoding="utf-8"))["committee"])
        for i in range(1, int(seated[-1][1:]) + 1):
            r = run("--db", fresh.url, "--user", "li.na", "member", "add", "--name", "会员%d" % i,
                    "--mobile", "1390000%04d" % i, password="li.na-secret")
            self.assertEqual(r.code, OK, r.err)
        r = run("--db", fresh.url, "--user", "li.na", "--json", "program", "import", out, "--reason", "迁移",
                password="li.na-secret")
        self.assertEqual(r.code, OK, r.err)
        ids = r.json()["change_ids"]
        self.assertEqual(len(ids), 39)  # ladders, points, 5 denominations, bonus, packages, committee, lifecycle
        for change_id in ids:
            r = run("--db", fresh.url, "--user", "wang.qiang", "change", "approve", str(change_id), "--comment", "ok",
                    password="wang.qiang-secret")
            self.assertEqual(r.code, OK, r.err)
        again = run("--db", fresh.url, "--user", "wang.qiang", "program", "export", password="wang.qiang-secret")
        self.assertEqual(again.code, OK, again.err)
        self.assertEqual(again.out, open(out, encoding="utf-8").read())

    def test_a_bad_programme_file_is_refused_whole(self):
        good = self.export()
        bad = json.loads(json.dumps(good))
        bad["ladders"][0]["tiers"][0]["threshold"] = 1000.5
        path = os.path.join(self.db.folder, "bad.json")
        json.dump(bad, open(path, "w"))
        before = self.as_role("auditor", "--json", "change", "list").json()
        r = self.as_role("marketing", "--json", "program", "import", path, "--reason", "x")
        self.assertEqual(r.code, INVALID, r.err)
        self.assertEqual(r.json()["error"]["field"], "ladders[1].tiers[1].threshold")
        self.assertEqual(self.as_role("auditor", "--json", "change", "list").json(), before)


class MemberCliTest(DemoDatabaseTest):
    """The member registry through the binary, on the demo database."""

    def test_service_sees_masked_numbers_and_unmasking_is_audited(self):
        shown = self.as_role("service", "--json", "member", "show", "M00000001").json()
        self.assertEqual((shown["mobile"], shown["masked"]), ("138****2345", True))
        self.assertEqual(self.as_role("service", "member", "show", "M00000001", "--unmask").code, DENIED)
        full = self.as_role("marketing", "--json", "member", "show", "M00000001", "--unmask").json()
        self.assertEqual((full["mobile"], full["mobile_e164"], full["masked"]), ("138 0101 2345", "+8613801012345", False))
        audit = self.as_role("auditor", "--json", "audit", "list", "--action", "member.").json()
        trail = [(a["actor"], a["action"], a["outcome"]) for a in audit]
        self.assertIn((self.people["marketing"]["username"], "member.unmask", "ok"), trail)
        self.assertIn((self.people["service"]["username"], "member.personal_data", "denied"), trail)

    def test_one_box_search(self):
        def found(query):
            r = self.as_role("service", "--json", "member", "find", query)
            self.assertEqual(r.code, OK, r.err)
            return [(m["number"], m["matched_by"]) for m in r.json()]
        self.assertEqual(found("2345"), [("M00000011", "mobile_tail"), ("M00000001", "mobile_tail")])
        self.assertEqual(found("wjg"), [("M00000001", "initials")])
        self.assertEqual(found("王建"), [("M00000001", "name")])
        self.assertEqual(found("138-0101-2345"), [("M00000001", "mobile")])
        self.assertEqual(found("m00000003"), [("M00000003", "number")])

    def test_bad_member_input_is_refused_and_nothing_is_added(self):
        before = self.as_role("service", "--json", "member", "find", "孙")
        self.assertEqual(before.json(), [])
        cases = [
            (["--mobile", "12345"], "mobile"),
            (["--mobile", "010 6552 9988"], "mobile"),
            (["--birthday", "2023-02-30"], "birthday"),
            (["--birthday", "2999-01-01"], "birthday"),
            (["--email", "nobody"], "email"),
        ]
        for extra, field in cases:
            r = self.as_role("service", "--json", "member", "add", "--name", "孙悟空", *extra)
            self.assertEqual(r.code, INVALID, (extra, r.err))
            self.assertEqual(r.json()["error"]["field"], field)
        r = self.as_role("service", "--json", "member", "add", "--name", " ")
        self.assertEqual((r.code, r.json()["error"]["field"]), (INVALID, "name"))
        r = self.as_role("service", "member", "add", "--name", "孙悟空", "--mobile", "13801012345")
        self.assertEqual(r.code, CONFLICT, r.err)
        self.assertEqual(self.as_role("service", "--json", "member", "find", "孙").json(), [])

    def test_edit_changes_only_the_given_fields_and_checks_the_version(self):
        # The demo's lifecycle run already moved this member once, so start from what is shown.
        seen = self.as_role("service", "--json", "member", "show", "M00000003").json()["version"]
        r = self.as_role("service", "--json", "member", "edit", "M00000003", "--store", "深圳南山店",
                         "--expect-version", str(seen))
        self.assertEqual(r.code, OK, r.err)
        edited = r.json()
        self.assertEqual((edited["home_store"], edited["version"], edited["name"]), ("深圳南山店", seen + 1, "张伟"))
        r = self.as_role("service", "member", "edit", "M00000003", "--name", "张伟伟", "--expect-version", str(seen))
        self.assertEqual(r.code, CONFLICT, r.err)
        self.assertIn("changed by " + self.people["service"]["username"], r.err)
        r = self.as_role("service", "--json", "member", "edit", "M00000003", "--birthday", "2023-02-30")
        self.assertEqual((r.code, r.json()["error"]["field"]), (INVALID, "birthday"))
        self.assertEqual(self.as_role("service", "--json", "member", "show", "M00000003").json()["version"], seen + 1)

    def test_committee_terms_ending_soon(self):
        r = self.as_role("marketing", "--json", "committee", "list")
        self.assertEqual(len(r.json()), 4)
        today = datetime.date.fromisoformat(self.export()["as_of"])
        ending = [s for s in r.json() if today <= datetime.date.fromisoformat(s["term_end"]) <= today + datetime.timedelta(days=30)]
        listed = self.as_role("marketing", "--json", "committee", "list", "--ending-within", "30").json()
        self.assertEqual(listed, ending)


class LifecycleAndMergeCliTest(DemoDatabaseTest):
    """The demo members have pasts (registered, recharged, bought some days ago)."""

    def test_demo_seed_ran_the_job_and_preview_then_run_move_members(self):
        runs = self.as_role("marketing", "--json", "lifecycle", "runs").json()
        self.assertEqual(len(runs), 1)
        self.assertEqual((runs[0]["evaluated"], runs[0]["dormant_after_days"]), (12, 90))
        states = {m: self.as_role("service", "--json", "member", "show", m).json()["state"]
                  for m in ("M00000001", "M00000003", "M00000004", "M00000005", "M00000012")}
        self.assertEqual(states, {"M00000001": "activated", "M00000003": "dormant", "M00000004": "lapsed",
                                  "M00000005": "registered", "M00000012": "lapsed"})  # 365 days idle: lapsed
        today = datetime.date.fromisoformat(self.export()["as_of"])
        later = (today + datetime.timedelta(days=100)).isoformat()
        preview = self.as_role("marketing", "--json", "lifecycle", "preview", "--as-of", later).json()
        self.assertGreater(preview["changed"], 0)
        self.assertEqual(sum(m["count"] for m in preview["moves"]), preview["changed"])
        # A run cannot be made for a day that has not come; nothing is logged for the refusal.
        r = self.as_role("marketing", "--json", "lifecycle", "run", "--as-of", later)
        self.assertEqual((r.code, r.json()["error"]["field"]), (INVALID, "as_of"))
        self.assertEqual(self.as_role("service", "lifecycle", "run").code, DENIED)
        r = self.as_role("marketing", "--json", "lifecycle", "run")
        self.assertEqual((r.code, r.json()["changed"]), (OK, 0), r.err)
        self.assertEqual(len(self.as_role("marketing", "--json", "lifecycle", "runs").json()), 2)

    def test_merge_through_the_cli(self):
        r = self.as_role("service", "--json", "member", "merge", "M00000006", "M00000011")
        self.assertEqual(r.code, OK, r.err)
        self.assertEqual((r.json()["kept"], r.json()["absorbed"]), ("M00000006", "M00000011"))
        r = self.as_role("service", "member", "show", "M00000011")
        self.assertEqual(r.code, NOT_FOUND)
        self.assertIn("merged into M00000006", r.err)
        history = self.as_role("service", "--json", "member", "history", "M00000006").json()
        self.assertIn("M00000011", history[-1]["reason"])
        # The committee brand ambassador cannot vanish by a merge.
        r = self.as_role("service", "member", "merge", "M00000001", "M00000007")
        self.assertEqual(r.code, CONFLICT, r.err)
        self.assertEqual(self.as_role("auditor", "member", "merge", "M00000001", "M00000003").code, DENIED)
        audited = self.as_role("admin", "--json", "audit", "list", "--action", "member.merge").json()
        self.assertEqual([a["outcome"] for a in audited], ["denied", "ok"])


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

    def test_migrating_an_empty_database_says_to_create_one(self):
        folder = tempfile.mkdtemp()
        path = os.path.join(folder, "empty.db")
        open(path, "w").close()  # SQLite reads a file of no bytes as an empty database
        r = run("--db", "sqlite3://db=" + path, "db", "migrate", "--user", "admin", password="admin-secret")
        self.assertEqual(r.code, NOT_FOUND, r.err)
        self.assertIn("db init", r.err)
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
    suite.addTests(unittest.TestLoader().loadTestsFromTestCase(DemoGenerateTest))
    suite.addTests(unittest.TestLoader().loadTestsFromTestCase(ProgrammeCliTest))
    suite.addTests(unittest.TestLoader().loadTestsFromTestCase(MemberCliTest))
    suite.addTests(unittest.TestLoader().loadTestsFromTestCase(LifecycleAndMergeCliTest))
    if BACKEND == "sqlite":
        suite.addTests(unittest.TestLoader().loadTestsFromTestCase(Fixed))
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    sys.exit(0 if result.wasSuccessful() and result.testsRun > 0 else 1)
