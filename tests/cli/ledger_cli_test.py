#!/usr/bin/env python3
"""The real memberdesk-cli posting stored value and coins against a real database.

Usage: ledger_cli_test.py PATH/TO/memberdesk-cli sqlite|postgresql
Shares its helpers (run, FreshDatabase, DemoDatabaseTest) with cli_test.py.
"""
import subprocess
import sys
import unittest

import cli_test
from cli_test import CONFLICT, DENIED, INVALID, NOT_FOUND, OK, STORAGE, DemoDatabaseTest


class LedgerCliTest(DemoDatabaseTest):
    def setUp(self):
        super().setUp()
        r = self.as_role("service", "--json", "member", "add", "--name", "钱多多", "--mobile", "13512345678")
        self.assertEqual(r.code, OK, r.err)
        self.member = r.json()["number"]

    def service(self, *args):
        return self.as_role("service", "--json", *args)

    def balances(self):
        r = self.service("account", "show", self.member)
        self.assertEqual(r.code, OK, r.err)
        b = r.json()["balances"]
        return (b["principal"], b["bonus"], b["compensation"], b["coins"])

    def sql(self, statement):
        if cli_test.BACKEND == "sqlite":
            subprocess.run(["sqlite3", self.db.path, statement], check=True, capture_output=True)
        else:
            cmd = self.db.psql[:]
            cmd[cmd.index("postgres", cmd.index("-d"))] = self.db.name
            subprocess.run(cmd + [statement], check=True, capture_output=True)

    def test_a_day_at_the_counter(self):
        r = self.service("txn", "recharge", self.member, "12,000", "--key", "pos-1/0001")
        self.assertEqual(r.code, OK, r.err)
        first = r.json()
        self.assertEqual([(e["type"], e["amount"]) for e in first["entries"]],
                         [("cash_recharge", "12000.00"), ("recharge_bonus", "3000.00")])
        self.assertEqual(first["detail"]["bonus"], "premium_12000")
        self.assertEqual(self.balances(), ("12000.00", "3000.00", "0.00", 0))

        # A retry after a timeout: same key, same content, same answer, nothing posted twice.
        again = self.service("txn", "recharge", self.member, "12000", "--key", "pos-1/0001")
        self.assertEqual(again.code, OK, again.err)
        self.assertTrue(again.json()["repeated"])
        self.assertEqual(again.json()["txn"], first["txn"])
        self.assertEqual(self.balances(), ("12000.00", "3000.00", "0.00", 0))
        clash = self.service("txn", "recharge", self.member, "500", "--key", "pos-1/0001")
        self.assertEqual(clash.code, CONFLICT, clash.err)
        self.assertIn("pos-1/0001", clash.json()["error"]["message"])

        bought = self.service("txn", "purchase", self.member, "1000", "--stored-value", "600", "--store", "上海静安店")
        self.assertEqual(bought.code, OK, bought.err)
        self.assertEqual(bought.json()["detail"]["coins_earned"], 50)
        self.assertEqual(bought.json()["detail"]["other_tender"], "400.00")
        refund = self.service("txn", "refund", "T%d" % bought.json()["txn"], "100", "--reason", "退货")
        self.assertEqual(refund.code, OK, refund.err)
        self.assertEqual(self.balances(), ("11460.00", "3000.00", "0.00", 45))
        redeem = self.service("txn", "redeem", self.member, "45")
        self.assertEqual(redeem.code, OK, redeem.err)
        self.assertEqual(redeem.json()["detail"]["value"], "45.00")
        adjust = self.as_role("finance", "--json", "txn", "adjust", self.member, "up", "20", "--reason", "投诉补偿")
        self.assertEqual(adjust.code, OK, adjust.err)
        self.assertEqual(self.balances(), ("11460.00", "3000.00", "20.00", 0))

        history = self.service("account", "history", self.member).json()
        self.assertEqual(history[0]["type"], "adjust_up")
        self.assertEqual(history[0]["reason"], "投诉补偿")
        self.assertEqual(len(history), 8)
        shown = self.service("txn", "show", "T%d" % refund.json()["txn"]).json()
        self.assertEqual([(e["type"], e["amount"]) for e in shown["entries"]],
                         [("refund", "60.00"), ("points_reversed", -5)])
        check = self.as_role("admin", "--json", "db", "check")
        self.assertEqual((check.code, check.json()["result"]), (OK, "ok"), check.err)

    def test_bad_input_is_refused_with_its_exit_code_and_nothing_changes(self):
        self.assertEqual(self.service("txn", "recharge", self.member, "100").code, OK)
        before = self.balances()
        cases = [
            (("txn", "recharge", self.member, "1.005"), INVALID, "at most two decimals"),
            (("txn", "recharge", self.member, "0"), INVALID, "more than zero"),
            (("txn", "recharge", self.member, "--", "-5"), INVALID, "more than zero"),
            (("txn", "purchase", self.member, "100.01"), INVALID, "more than the stored-value balance"),
            (("txn", "redeem", self.member, "1"), INVALID, "more than the 0 coins usable"),
            (("txn", "refund", "T999", "1"), NOT_FOUND, "no purchase T999"),
            (("txn", "refund", "x", "1"), INVALID, "not a transaction number"),
            (("txn", "recharge", "M99999999", "1"), NOT_FOUND, "no member"),
            (("txn", "purchase", self.member, "1", "--kind", "gift"), INVALID, "is not one of"),
            (("txn", "adjust", self.member, "up", "1", "--reason", "x"), DENIED, "permission"),
        ]
        for args, code, text in cases:
            with self.subTest(args=args):
                r = self.service(*args)
                self.assertEqual(r.code, code, r.out + r.err)
                self.assertIn(text, r.json()["error"]["message"])
        r = self.as_role("finance", "--json", "txn", "adjust", self.member, "down", "1")
        self.assertEqual((r.code, r.json()["error"]["field"]), (INVALID, "reason"))
        self.assertEqual(self.balances(), before)
        bought = self.service("txn", "purchase", self.member, "10").json()["txn"]
        self.assertEqual(self.service("txn", "refund", str(bought), "10").code, OK)
        twice = self.service("txn", "refund", str(bought), "10")
        self.assertEqual(twice.code, CONFLICT, twice.err)
        self.assertIn("already been refunded in full", twice.json()["error"]["message"])

    def test_db_check_fails_naming_the_member_when_an_entry_is_corrupted(self):
        self.assertEqual(self.service("txn", "recharge", self.member, "500").code, OK)
        self.assertEqual(self.as_role("admin", "db", "check").code, OK)
        self.sql("UPDATE ledger_entries SET amount = amount + 1")
        r = self.as_role("admin", "db", "check")
        self.assertEqual(r.code, STORAGE, r.out + r.err)
        self.assertIn(self.member + ": principal 500.00 but its entries sum to 500.01", r.out)


if __name__ == "__main__":
    cli_test.CLI, cli_test.BACKEND = sys.argv[1], sys.argv[2]
    if cli_test.BACKEND not in ("sqlite", "postgresql"):
        sys.exit("backend must be sqlite or postgresql")
    suite = unittest.TestLoader().loadTestsFromTestCase(LedgerCliTest)
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    sys.exit(0 if result.wasSuccessful() and result.testsRun > 0 else 1)
