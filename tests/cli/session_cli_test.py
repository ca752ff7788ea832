#!/usr/bin/env python3
"""`memberdesk-cli session`: many commands read from standard input over one connection and one
sign-in, each answered as the command alone would answer it.

Usage: session_cli_test.py PATH/TO/memberdesk-cli sqlite|postgresql
"""
import json
import os
import subprocess
import sys
import unittest

import cli_test
from cli_test import INVALID, OK, USAGE, DemoDatabaseTest, run


class SessionCliTest(DemoDatabaseTest):
    def session(self, role, lines, *flags, json_mode=True):
        """Runs one session as the demo user of `role`; returns (exit code, records or stdout, stderr)."""
        p = self.people[role]
        env = {k: v for k, v in os.environ.items() if not k.startswith("MEMBERDESK_") or k.startswith("MEMBERDESK_TEST")}
        env["MEMBERDESK_PASSWORD"] = p["password"]
        args = [cli_test.CLI, "--db", self.db.url, "--user", p["username"]] + (["--json"] if json_mode else [])
        proc = subprocess.run(args + ["session", *flags], input="\n".join(lines) + "\n", capture_output=True,
                              text=True, env=env, timeout=120, start_new_session=True)
        if not json_mode:
            return proc.returncode, proc.stdout, proc.stderr
        return proc.returncode, [json.loads(line) for line in proc.stdout.splitlines()], proc.stderr

    def sign_ins(self, username):
        r = self.as_role("admin", "--json", "audit", "list", "--actor", username, "--action", "auth.sign_in")
        self.assertEqual(r.code, OK, r.err)
        return len(r.json())

    def test_each_line_is_answered_as_the_command_alone(self):
        code, records, err = self.session("service", [
            '["member", "add", "--name", "会话会员", "--mobile", "13712340077"]',
            "# a comment, then a blank line",
            "",
            "member find 0077",
        ])
        self.assertEqual(code, OK, err)
        self.assertEqual([r["line"] for r in records], [1, 4])
        added = records[0]
        self.assertEqual(added["exit_code"], OK, added["stderr"])
        number = added["output"]["number"]
        alone = self.as_role("service", "--json", "member", "find", "0077")
        self.assertEqual(alone.code, OK, alone.err)
        self.assertEqual(records[1]["exit_code"], OK)
        self.assertEqual(records[1]["output"], json.loads(alone.out))
        self.assertIn(number, json.dumps(records[1]["output"]))

    def test_one_sign_in_for_the_whole_session(self):
        before = self.sign_ins("zhang.min")
        code, records, err = self.session("service", ["member find 13712340099"] * 5)
        self.assertEqual(code, OK, err)
        self.assertEqual([r["exit_code"] for r in records], [OK] * 5)
        self.assertEqual(self.sign_ins("zhang.min"), before + 1)

    def test_the_first_failure_is_the_exit_code_and_the_rest_still_run(self):
        code, records, _ = self.session("service", [
            "member show NO-SUCH-MEMBER",
            "member add --name 坏号码 --mobile 12",
            "member find 0000",
        ])
        self.assertEqual([r["exit_code"] for r in records], [5, INVALID, OK])
        self.assertEqual(code, 5)
        error = records[1]["output"]["error"]
        self.assertEqual((error["field"], error["value"]), ("mobile", "12"))
        self.assertIn("memberdesk-cli:", records[1]["stderr"])

    def test_stop_on_error(self):
        code, records, _ = self.session("service", ["member add --name X --mobile 12", "member find 0000"],
                                        "--stop-on-error")
        self.assertEqual(code, INVALID)
        self.assertEqual(len(records), 1)

    def test_a_line_may_not_change_the_connection_or_nest(self):
        code, records, _ = self.session("service", [
            "--db sqlite3://db=/tmp/other.db member find 0000",
            "--user=admin member find 0000",
            "session",
            '["member", 3]',
            'member find "unclosed',
        ])
        self.assertEqual(code, USAGE)
        self.assertEqual([r["exit_code"] for r in records], [USAGE] * 5)
        self.assertIn("--db is set once", records[0]["stderr"])
        self.assertIn("--user is set once", records[1]["stderr"])
        self.assertIn("already in a session", records[2]["stderr"])
        self.assertIn("JSON array of strings", records[3]["stderr"])
        self.assertIn("quotes", records[4]["stderr"])

    def test_shell_words_keep_quotes_and_escapes(self):
        code, records, err = self.session("service", [
            "member add --name \"Ann O'Brien\" --mobile 13712340078",
            "member add --name 'Zhou  Two spaces' --mobile 13712340079",
            "member add --name Back\\ slash --mobile 13712340080",
        ])
        self.assertEqual(code, OK, err)
        names = [run("--db", self.db.url, "--user", "zhang.min", "--json", "member", "show", r["output"]["number"],
                     password=self.people["service"]["password"]).json()["name"] for r in records]
        self.assertEqual(names, ["Ann O'Brien", "Zhou  Two spaces", "Back slash"])

    def test_without_json_output_passes_through_and_failures_are_named_by_line(self):
        code, out, err = self.session("service", ["member find 0000", "member show NO-SUCH"], json_mode=False)
        self.assertEqual(code, 5)
        self.assertIn("line 2 failed (exit 5)", err)
        self.assertNotIn("line 1", err)

    def test_permissions_hold_per_command(self):
        code, records, _ = self.session("service", ["user list"])
        self.assertEqual(code, 3)
        self.assertEqual(records[0]["output"]["error"]["kind"], "permission_denied")


if __name__ == "__main__":
    cli_test.CLI, cli_test.BACKEND = sys.argv[1], sys.argv[2]
    suite = unittest.TestLoader().loadTestsFromTestCase(SessionCliTest)
    sys.exit(0 if unittest.TextTestRunner(verbosity=2).run(suite).wasSuccessful() else 1)
