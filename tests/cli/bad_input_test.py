#!/usr/bin/env python3
"""The bad-input catalogue (tests/cli/bad_inputs.py) run against the real memberdesk-cli.

Every entry runs, with --json, against one seeded demo database (plus a few fixtures: a member
with a purchase and coins, card batches, a complaint, a campaign, a pending change). Each must:
- exit with its documented code, with a JSON error object of the matching kind on stdout
  (a usage error, which CLI11 reports before any command runs, prints only its message);
- say on stderr, in one line, the fragments the entry expects (the field, the row, the value);
- name the entry's field and value in the JSON error where the entry gives them;
- leave every table as it was. Only the audit trail may change, and only by growing: refusals
  are audited by design, so audit_log may gain records but no earlier record may change, and
  audit_chain (its head) moves with it. `audit verify` passes at the end.
Since nothing may change, one database serves the whole catalogue.

Usage: bad_input_test.py PATH/TO/memberdesk-cli sqlite|postgresql
"""
import datetime
import json
import os
import shutil
import sys
import tempfile
import time
import unittest

import subprocess

import cli_test
from bad_inputs import CATALOGUE
from cli_test import OK, USAGE, DemoDatabaseTest, Result
from table_snapshot import database_snapshot, differences

ERROR_KINDS = {2: "invalid_input", 3: "permission_denied", 4: "conflict", 5: "not_found", 6: "storage"}
SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))


def run(*args, password=None, env_extra=None, stdin=None):
    """cli_test.run, with text for standard input (a card's PIN is read from it)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEMBERDESK_") or k.startswith("MEMBERDESK_TEST")}
    if password is not None:
        env["MEMBERDESK_PASSWORD"] = password
    env.update(env_extra or {})
    proc = subprocess.run([cli_test.CLI, *args], capture_output=True, env=env, timeout=60,
                          input=(stdin or "").encode("utf-8"), start_new_session=True)
    # Bytes that are not UTF-8 are a finding for the entry, not a crash of the whole run.
    result = Result(subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8", "replace"),
                                                proc.stderr.decode("utf-8", "replace")))
    result.utf8 = all(_is_utf8(b) for b in (proc.stdout, proc.stderr))
    return result


def _is_utf8(data):
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


class CatalogueDatabase(DemoDatabaseTest):
    """The demo database and the things the catalogue's refusals aim at."""

    def setUp(self):
        super().setUp()
        self.folder = tempfile.mkdtemp(prefix="memberdesk-bad-input-")
        self.addCleanup(shutil.rmtree, self.folder, True)
        today = datetime.datetime.now(SHANGHAI).date()
        self.fixtures = {"dir": self.folder, "today": today.isoformat(),
                         "tomorrow": (today + datetime.timedelta(days=1)).isoformat()}

    def ok(self, role, *args, stdin=None):
        if stdin is None:
            r = self.as_role(role, "--json", *args)
        else:
            r = self.cli_with_input(role, stdin, "--json", *args)
        self.assertEqual(r.code, OK, (args, r.err))
        return r.json()

    def cli_with_input(self, role, text, *args):
        p = self.people[role]
        return run("--db", self.db.url, "--user", p["username"], *args, password=p["password"], stdin=text)

    def make_fixtures(self):
        f = self.fixtures
        f["member"] = self.ok("service", "member", "add", "--name", "坏输入会员", "--mobile", "13612349999")["number"]
        self.ok("service", "txn", "recharge", f["member"], "1000", "--key", "fixture-recharge")
        f["purchase"] = "T%d" % self.ok("service", "txn", "purchase", f["member"], "200", "--key", "fixture-purchase")["txn"]
        pins = os.path.join(self.folder, "fixture-pins.csv")
        f["batch"] = self.ok("finance", "card", "batch", "create", "--face", "500", "--quantity", "2",
                             "--pins", pins)["batch"]
        with open(pins, encoding="utf-8-sig") as fh:
            cards = [line.split(",")[:2] for line in fh.read().splitlines()[1:]]
        f["card_active"], f["card_issued"] = cards[0][0], cards[1][0]
        self.ok("service", "card", "activate", f["card_active"], "--member", f["member"], stdin=cards[0][1] + "\n")
        f["ticket"] = self.ok("service", "complaint", "open", f["member"], "--channel", "phone", "--category",
                              "delivery", "--severity", "normal", "--subject", "送货晚了")["number"]
        campaign = os.path.join(self.folder, "fixture-campaign.json")
        with open(campaign, "w", encoding="utf-8") as fh:
            json.dump({"code": "fixture_day", "name_zh": "会员日", "name_en": "Member day", "type": "member_day",
                       "starts_at": f["tomorrow"] + " 10:00", "ends_at": f["tomorrow"] + " 22:00", "owner": "li.na",
                       "budget": {"activity": "100.00"}}, fh, ensure_ascii=False)
        request = self.ok("marketing", "campaign", "add", "--file", campaign, "--reason", "固定数据")["change_request"]
        self.ok("approver", "change", "approve", str(request), "--comment", "同意")
        f["campaign"] = "fixture_day"
        f["change"] = str(self.ok("admin", "change", "set-threshold", "individual", "red_diamond", "2500",
                                  "--reason", "待审")["id"])

    def expand(self, text):
        for key, value in self.fixtures.items():
            text = text.replace("{%s}" % key, str(value))
        return text


class BadInputCatalogueTest(CatalogueDatabase):
    def snapshot(self):
        return database_snapshot(self.db, cli_test.BACKEND)

    def run_entry(self, entry):
        for name, content in (entry.files or {}).items():
            data = content if isinstance(content, bytes) else self.expand(content).encode("utf-8")
            with open(os.path.join(self.folder, name), "wb") as fh:
                fh.write(data)
        args = [self.expand(a) for a in entry.args]
        env = {k: self.expand(v) for k, v in (entry.env or {}).items()}
        pre = [] if "--db" in args else ["--db", self.db.url]  # an entry may name its own database
        password = None
        if entry.role in self.people:
            pre += ["--user", self.people[entry.role]["username"]]
            password = self.people[entry.role]["password"]
        elif entry.role is not None:  # a user name that is not a demo role
            pre += ["--user", entry.role]
            password = "whatever-1"
        if entry.password is not None:
            password = entry.password or None  # "" means: no password at all
        stdin = self.expand(entry.stdin) if entry.stdin is not None else None
        return run(*pre, "--json", *args, password=password, env_extra=env, stdin=stdin)

    def check_entry(self, entry, r):
        said = "exit %d, stderr %r, stdout %r" % (r.code, r.err, r.out[:300])
        self.assertEqual(r.code, entry.code, said)
        self.assertTrue(r.utf8, "the output is UTF-8: " + said)
        for fragment in entry.says:
            self.assertIn(self.expand(fragment), r.err, said)
        if entry.code == USAGE:
            return
        self.assertEqual(len(r.err.strip().splitlines()), 1, "one line on stderr: " + said)
        error = json.loads(r.out)["error"]
        self.assertEqual((error["kind"], error["exit_code"]), (ERROR_KINDS[entry.code], entry.code), said)
        if entry.field is not None:
            self.assertEqual(error.get("field"), entry.field, said)
        if entry.value is not None:
            self.assertEqual(error.get("value"), self.expand(entry.value), said)

    def test_every_bad_input_is_refused_whole_with_its_code_and_message(self):
        self.make_fixtures()
        names = [e.name for e in CATALOGUE]
        self.assertEqual(len(names), len(set(names)), "entry names are unique")
        self.assertGreaterEqual(len(CATALOGUE), 100)
        started = time.monotonic()
        before = self.snapshot()
        for entry in CATALOGUE:
            r = self.run_entry(entry)
            after = self.snapshot()
            with self.subTest(entry.name, check="exit code and message"):
                self.check_entry(entry, r)
            with self.subTest(entry.name, check="nothing written"):
                self.assertEqual(differences(before, after), [], "exit %d, stderr %r" % (r.code, r.err))
            before = after
        r = self.as_role("auditor", "audit", "verify")
        self.assertEqual(r.code, OK, r.out + r.err)
        print("\n%d bad inputs in %.1f s on %s" % (len(CATALOGUE), time.monotonic() - started, cli_test.BACKEND),
              file=sys.stderr)


if __name__ == "__main__":
    cli_test.CLI, cli_test.BACKEND = sys.argv[1], sys.argv[2]
    if cli_test.BACKEND not in ("sqlite", "postgresql"):
        sys.exit("backend must be sqlite or postgresql")
    suite = unittest.TestLoader().loadTestsFromTestCase(BadInputCatalogueTest)
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    sys.exit(0 if result.wasSuccessful() and result.testsRun > 0 else 1)
