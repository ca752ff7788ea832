#!/usr/bin/env python3
"""The real memberdesk-cli posting stored value and coins against a real database.

Usage: ledger_cli_test.py PATH/TO/memberdesk-cli sqlite|postgresql
Shares its helpers (run, FreshDatabase, DemoDatabaseTest) with cli_test.py.
"""
import csv
import datetime
import json
import os
import subprocess
import sys
import tempfile
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

    def test_a_large_adjustment_waits_for_a_second_person(self):
        r = self.as_role("finance", "--json", "txn", "adjust", self.member, "up", "5000", "--reason", "重大补偿")
        self.assertEqual(r.code, OK, r.err)
        pending = r.json()["pending_adjustment"]
        self.assertIsNone(r.json()["txn"])
        self.assertEqual(self.balances(), ("0.00", "0.00", "0.00", 0))
        self.assertEqual(self.as_role("finance", "txn", "approve-adjustment", "A%d" % pending).code, DENIED)
        r = self.as_role("admin", "--json", "txn", "approve-adjustment", "A%d" % pending, "--comment", "核实")
        self.assertEqual(r.code, OK, r.err)
        self.assertEqual(self.balances(), ("0.00", "0.00", "5000.00", 0))
        again = self.as_role("admin", "txn", "approve-adjustment", "A%d" % pending)
        self.assertEqual(again.code, CONFLICT, again.err)
        listed = self.as_role("finance", "--json", "txn", "adjustments", "--all").json()
        self.assertEqual([(a["state"], a["decided_by"]) for a in listed], [("approved", "admin")])

    def test_opening_balances_come_in_once_from_a_gbk_file_and_a_bad_file_writes_nothing(self):
        folder = tempfile.mkdtemp(prefix="memberdesk-opening-")
        good = os.path.join(folder, "期初余额.csv")
        with open(good, "w", encoding="gbk", newline="") as f:
            f.write("会员号,本金,赠送,补偿,兑换币,兑换币到期日\r\n%s,1500.00,200,,80,2099-12-31\r\n" % self.member)
        r = self.service("account", "import-opening", good)
        self.assertEqual(r.code, DENIED, r.err)
        r = self.as_role("finance", "--json", "account", "import-opening", good, "--dry-run")
        self.assertEqual((r.code, r.json()["written"]), (OK, False), r.err)
        self.assertEqual(self.balances(), ("0.00", "0.00", "0.00", 0))
        r = self.as_role("finance", "--json", "account", "import-opening", good)
        self.assertEqual(r.code, OK, r.err)
        self.assertEqual((r.json()["posted"], r.json()["principal"], r.json()["coins"]), (1, "1500.00", 80))
        self.assertEqual(self.balances(), ("1500.00", "200.00", "0.00", 80))
        shown = self.service("account", "show", self.member).json()
        self.assertEqual(shown["coin_lots"][0]["expires_on"], "2099-12-31")
        history = self.service("account", "history", self.member).json()
        self.assertEqual({h["type"] for h in history}, {"opening_balance"})
        again = self.as_role("finance", "--json", "account", "import-opening", good)
        self.assertEqual(again.code, CONFLICT, again.err)
        self.assertIn("already has an opening balance", again.json()["error"]["message"])

        other = self.service("member", "add", "--name", "孙悟空", "--mobile", "13612345678").json()["number"]
        bad = os.path.join(folder, "bad.csv")
        report = os.path.join(folder, "problems.csv")
        with open(bad, "w", encoding="utf-8", newline="") as f:
            f.write("member,principal,coins\n%s,100,\n%s,12.345,\n%s,,-3\n" % (other, other + "X", other))
        r = self.as_role("finance", "--json", "account", "import-opening", bad, "--report", report)
        self.assertEqual(r.code, INVALID, r.err)
        self.assertIn("row 3, column principal, value \"12.345\"", r.json()["error"]["message"])
        with open(report, encoding="utf-8-sig", newline="") as f:
            rows = [(p["row"], p["column"], p["value"]) for p in csv.DictReader(f)]
        self.assertEqual(rows, [("3", "principal", "12.345"), ("3", "member", other + "X"), ("4", "coins", "-3"),
                                ("4", "member", other)])
        other_balance = self.service("account", "show", other).json()["balances"]
        self.assertEqual(other_balance["principal"], "0.00", "the good first row was not written either")
        self.assertEqual(self.as_role("admin", "db", "check").code, OK)

    def test_the_spending_order_is_changed_through_approval(self):
        self.assertEqual(self.service("txn", "recharge", self.member, "12000").code, OK)
        self.assertEqual(self.service("account", "show", self.member).json()["draw_order"],
                         ["principal", "bonus", "compensation"])
        folder = tempfile.mkdtemp(prefix="memberdesk-order-")
        item = os.path.join(folder, "order.json")
        with open(item, "w") as f:
            json.dump({"draw_order": ["bonus", "principal", "compensation"]}, f)
        r = self.as_role("marketing", "--json", "change", "propose", "stored_value", "--file", item,
                         "--reason", "先用赠送")
        self.assertEqual(r.code, OK, r.err)
        change = r.json()["id"]
        self.assertEqual(self.service("account", "show", self.member).json()["draw_order"][0], "principal",
                         "not in force before it is approved")
        r = self.as_role("approver", "change", "approve", str(change), "--comment", "同意")
        self.assertEqual(r.code, OK, r.err)
        self.assertEqual(self.service("account", "show", self.member).json()["draw_order"],
                         ["bonus", "principal", "compensation"])
        self.assertEqual(self.service("txn", "purchase", self.member, "3500").code, OK)
        self.assertEqual(self.balances(), ("11500.00", "0.00", "0.00", 175))
        with open(item, "w") as f:
            json.dump({"draw_order": ["bonus", "bonus", "compensation"]}, f)
        r = self.as_role("marketing", "--json", "change", "propose", "stored_value", "--file", item, "--reason", "x")
        self.assertEqual((r.code, r.json()["error"]["field"]), (INVALID, "draw_order"), r.err)
        exported = self.export()
        self.assertEqual(exported["stored_value"], {"draw_order": ["bonus", "principal", "compensation"]})

    def test_a_batch_of_recharges_and_purchases_posts_whole_or_not_at_all(self):
        folder = tempfile.mkdtemp(prefix="memberdesk-batch-")
        other = self.service("member", "add", "--name", "孙悟空", "--mobile", "13612345678").json()["number"]

        def batch_file(name, rows):
            path = os.path.join(folder, name)
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write("kind,member,amount,stored_value,key\n" + "".join(",".join(r) + "\n" for r in rows))
            return path

        good = batch_file("till-1.csv", [("recharge", self.member, "500", "", "till-1/1"),
                                         ("purchase", self.member, "200", "150", "till-1/2"),
                                         ("recharge", other, "100.50", "", "till-1/3")])
        self.assertEqual(self.as_role("finance", "txn", "batch", good).code, DENIED)
        r = self.service("txn", "batch", good)
        self.assertEqual(r.code, OK, r.err)
        self.assertEqual((r.json()["rows"], r.json()["posted"], r.json()["repeated"]), (3, 3, 0))
        self.assertEqual((r.json()["recharged"], r.json()["purchased"]), ("600.50", "200.00"))
        self.assertEqual(self.balances(), ("350.00", "0.00", "0.00", 10))
        again = self.service("txn", "batch", good)  # a batch sent twice posts once
        self.assertEqual((again.code, again.json()["posted"], again.json()["repeated"]), (OK, 0, 3), again.err)
        self.assertEqual(self.balances(), ("350.00", "0.00", "0.00", 10))
        audit = self.as_role("admin", "--json", "audit", "list", "--action", "txn.batch").json()
        self.assertEqual([a["entity_id"] for a in audit], ["till-1.csv", "till-1.csv"])

        # A bad row refuses the file before anything is written, naming row, column and value.
        bad = batch_file("till-2.csv", [("recharge", other, "80", "", "till-2/1"),
                                        ("purchase", other, "12.345", "", "till-2/2"),
                                        ("refund", other, "1", "", "till-2/3")])
        r = self.service("txn", "batch", bad)
        self.assertEqual(r.code, INVALID, r.err)
        self.assertIn('row 3, column amount, value "12.345"', r.json()["error"]["message"])
        self.assertEqual((r.json()["error"]["field"], r.json()["error"]["value"]), ("amount", "12.345"))
        # A row the ledger refuses (more stored value than the member has) undoes the rows before it.
        short = batch_file("till-3.csv", [("recharge", other, "80", "", "till-3/1"),
                                          ("purchase", other, "500", "500", "till-3/2")])
        r = self.service("txn", "batch", short)
        self.assertEqual(r.code, INVALID, r.err)
        self.assertIn("row 3 (till-3/2)", r.json()["error"]["message"])
        self.assertIn("nothing in the batch was posted", r.json()["error"]["message"])
        missing = batch_file("till-4.csv", [("recharge", other, "80", "", "till-4/1"),
                                            ("recharge", "M99999999", "80", "", "till-4/2")])
        self.assertEqual(self.service("txn", "batch", missing).code, NOT_FOUND)
        self.assertEqual(self.service("account", "show", other).json()["balances"]["principal"], "100.50")
        self.assertEqual(self.as_role("admin", "db", "check").code, OK)

    def test_db_check_fails_naming_the_member_when_an_entry_is_corrupted(self):
        self.assertEqual(self.service("txn", "recharge", self.member, "500").code, OK)
        self.assertEqual(self.as_role("admin", "db", "check").code, OK)
        self.sql("UPDATE ledger_entries SET amount = amount + 1")
        r = self.as_role("admin", "db", "check")
        self.assertEqual(r.code, STORAGE, r.out + r.err)
        self.assertIn(self.member + ": principal 500.00 but its entries sum to 500.01", r.out)


def pins_numbers(pins):
    return [p["card_number"] for p in pins]


class CardCliTest(DemoDatabaseTest):
    def setUp(self):
        super().setUp()
        self.folder = tempfile.mkdtemp(prefix="memberdesk-cards-")
        r = self.as_role("service", "--json", "member", "add", "--name", "钱多多", "--mobile", "13512345678")
        self.assertEqual(r.code, OK, r.err)
        self.member = r.json()["number"]

    def path(self, name):
        return os.path.join(self.folder, name)

    def create_batch(self, face="500", quantity="12", *extra):
        r = self.as_role("finance", "--json", "card", "batch", "create", "--face", face, "--quantity", quantity,
                         "--pins", self.path("pins.csv"), "--sheet", self.path("sheet.pdf"), *extra)
        self.assertEqual(r.code, OK, r.err)
        with open(self.path("pins.csv"), encoding="utf-8-sig", newline="") as f:
            return r.json(), list(csv.DictReader(f))

    def activate(self, number, pin, key=None):
        args = ["--db", self.db.url, "--user", self.people["service"]["username"], "--json", "card", "activate",
                number, "--member", self.member] + (["--key", key] if key else [])
        env = {k: v for k, v in os.environ.items() if not k.startswith("MEMBERDESK_") or k.startswith("MEMBERDESK_TEST")}
        env["MEMBERDESK_PASSWORD"] = self.people["service"]["password"]
        return subprocess.Popen([cli_test.CLI, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=env)

    def test_the_card_sheet_carries_every_number_and_pin_and_activation_loads_the_card(self):
        made, pins = self.create_batch()
        self.assertEqual((made["batch"], len(pins)), ("B000001", 12))
        self.assertEqual(len({p["pin"] for p in pins}), 12)
        sheet = subprocess.run(["pdftotext", "-layout", self.path("sheet.pdf"), "-"], capture_output=True, text=True,
                               check=True).stdout
        for p in pins:
            grouped = " ".join(p["card_number"][i:i + 4] for i in range(0, 16, 4))
            self.assertIn(grouped, sheet)
            self.assertIn(p["pin"][:4] + " " + p["pin"][4:], sheet)
        self.assertIn("Page 2 of 2", sheet)
        self.assertIn("会员储值卡", sheet)

        listed = self.as_role("finance", "--json", "card", "batch", "list").json()
        self.assertEqual(listed[0]["cards"], {"issued": 12})
        wrong = self.activate(pins[0]["card_number"], "00000000")
        out, err = wrong.communicate("00000000\n", timeout=60)
        self.assertEqual(wrong.returncode, INVALID, err)
        right = self.activate(pins[0]["card_number"], pins[0]["pin"])
        out, err = right.communicate(pins[0]["pin"] + "\n", timeout=60)
        self.assertEqual(right.returncode, OK, err)
        done = json.loads(out)
        self.assertEqual([(e["type"], e["amount"]) for e in done["entries"]], [("card_load", "500.00")])
        again = self.activate(pins[0]["card_number"], pins[0]["pin"])
        out, err = again.communicate(pins[0]["pin"] + "\n", timeout=60)
        self.assertEqual(again.returncode, CONFLICT, err)
        self.assertIn("already been activated", err)
        status = self.as_role("service", "--json", "card", "status", pins[0]["card_number"]).json()
        self.assertEqual((status["state"], status["member"]), ("activated", self.member))
        self.assertEqual([e["to"] for e in status["events"]], ["issued", "activated"])

        exported = self.path("batch.csv")
        r = self.as_role("finance", "card", "batch", "export", "B000001", "-o", exported)
        self.assertEqual(r.code, OK, r.err)
        with open(exported, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
        self.assertNotIn("pin", rows[0])
        self.assertEqual([r["state"] for r in rows].count("activated"), 1)

    def test_fifty_consoles_activating_one_card_at_once_exactly_one_succeeds(self):
        _, pins = self.create_batch("1000", "2")
        card, pin = pins[1]["card_number"], pins[1]["pin"]
        racers = [self.activate(card, pin, key="console-%d" % i) for i in range(50)]
        for p in racers:  # all fifty are started before any is given its PIN
            p.stdin.write(pin + "\n")
            p.stdin.flush()
        results = []
        for p in racers:
            out, err = p.communicate(timeout=300)
            results.append((p.returncode, err))
        codes = sorted(code for code, _ in results)
        self.assertEqual(codes, [OK] + [CONFLICT] * 49, results)
        balance = self.as_role("service", "--json", "account", "show", self.member).json()["balances"]
        self.assertEqual(balance["principal"], "1000.00")
        self.assertEqual(self.as_role("admin", "db", "check").code, OK)

    def stored_bytes(self):
        """Everything the database holds, as bytes: the SQLite file and its write-ahead log, or a
        plain dump of the PostgreSQL database."""
        if cli_test.BACKEND == "sqlite":
            data = b""
            for path in (self.db.path, self.db.path + "-wal"):
                if os.path.exists(path):
                    with open(path, "rb") as f:
                        data += f.read()
            return data
        psql = self.db.psql
        host, port = psql[psql.index("-h") + 1], psql[psql.index("-p") + 1]
        return subprocess.run(["pg_dump", "-h", host, "-p", port, "-U", "postgres", self.db.name],
                              capture_output=True, check=True).stdout

    def test_no_pin_or_password_is_kept_or_printed_in_clear(self):
        made, pins = self.create_batch("500", "3")
        card, pin = pins[0]["card_number"], pins[0]["pin"]
        activation = self.activate(card, pin, key="scan")
        out, err = activation.communicate(pin + "\n", timeout=120)
        self.assertEqual(activation.returncode, OK, err)
        password = self.people["service"]["password"]
        stored = self.stored_bytes()
        self.assertIn(card.encode(), stored)  # the scan does see what is stored
        for secret in [p["pin"] for p in pins] + [password, self.people["admin"]["password"]]:
            self.assertNotIn(secret.encode(), stored, secret)
            self.assertNotIn(secret, out + err)
        self.assertIn(b"$argon2id$", stored)

    def test_closing_a_card_and_expiring_unused_cards_are_recorded_and_final(self):
        # The last activation day is today in business time (UTC+8), as the program counts days:
        # the machine's own date differs from it for eight hours a day.
        today = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date()
        _, pins = self.create_batch("500", "4", "--expires", today.isoformat())
        sold, blocked, activated, closed = (p["card_number"] for p in pins)
        self.assertEqual(self.as_role("service", "card", "sell", sold).code, OK)
        self.assertEqual(self.as_role("service", "card", "block", blocked, "--reason", "遗失").code, OK)
        p = self.activate(activated, pins[2]["pin"])
        _, err = p.communicate(pins[2]["pin"] + "\n", timeout=60)
        self.assertEqual(p.returncode, OK, err)

        r = self.as_role("finance", "--json", "card", "close", closed)
        self.assertEqual((r.code, r.json()["error"]["field"]), (INVALID, "reason"))
        self.assertEqual(self.as_role("service", "card", "close", closed, "--reason", "损坏").code, DENIED)
        r = self.as_role("finance", "--json", "card", "close", closed, "--reason", "损坏")
        self.assertEqual(r.code, OK, r.err)
        self.assertEqual([(e["from"], e["to"], e["reason"]) for e in r.json()["events"]][-1], ("issued", "closed", "损坏"))
        r = self.as_role("finance", "card", "close", closed, "--reason", "again")
        self.assertEqual(r.code, CONFLICT, r.err)
        p = self.activate(closed, pins[3]["pin"])
        _, err = p.communicate(pins[3]["pin"] + "\n", timeout=60)
        self.assertEqual(p.returncode, CONFLICT, err)
        self.assertIn("is closed", err)

        # The batch's last activation day is today: nothing is due yet.
        r = self.as_role("finance", "--json", "card", "expire", "--preview")
        self.assertEqual((r.code, r.json()["count"]), (OK, 0), r.err)
        self.sql("UPDATE card_batches SET expires_on = '2020-01-31'")
        r = self.as_role("finance", "--json", "card", "expire", "--preview")
        self.assertEqual(sorted(c["number"] for c in r.json()["cards"]), sorted([sold, blocked]))
        self.assertEqual(self.as_role("service", "--json", "card", "status", sold).json()["state"], "sold")
        r = self.as_role("finance", "--json", "card", "expire")
        self.assertEqual((r.code, r.json()["count"]), (OK, 2), r.err)
        states = {n: self.as_role("service", "--json", "card", "status", n).json() for n in pins_numbers(pins)}
        self.assertEqual([states[n]["state"] for n in (sold, blocked, activated, closed)],
                         ["expired", "expired", "activated", "closed"])
        self.assertEqual(states[blocked]["events"][-1]["reason"], "last activation day 2020-01-31")
        self.assertEqual(self.as_role("service", "card", "unblock", blocked, "--reason", "找到了").code, CONFLICT)
        self.assertEqual(self.as_role("finance", "--json", "card", "expire").json()["count"], 0)
        listed = self.as_role("finance", "--json", "card", "batch", "list").json()
        self.assertEqual(listed[0]["cards"], {"expired": 2, "activated": 1, "closed": 1})
        audit = self.as_role("admin", "--json", "audit", "list", "--action", "card.").json()
        self.assertIn("card.expire", [a["action"] for a in audit])
        self.assertIn("card.close", [a["action"] for a in audit])
        self.assertEqual(self.as_role("admin", "db", "check").code, OK)

    def test_five_wrong_pins_block_the_card_and_bad_batches_are_refused_whole(self):
        _, pins = self.create_batch("200", "1")
        card, pin = pins[0]["card_number"], pins[0]["pin"]
        for attempt in range(5):
            p = self.activate(card, "0")
            _, err = p.communicate("1234567%d\n" % attempt, timeout=60)
            self.assertEqual(p.returncode, INVALID, err)
        self.assertIn("now blocked after 5 wrong PINs", err)
        p = self.activate(card, pin)
        _, err = p.communicate(pin + "\n", timeout=60)
        self.assertEqual(p.returncode, CONFLICT, err)
        self.assertIn("is blocked", err)
        r = self.as_role("service", "card", "unblock", card, "--reason", "核实身份")
        self.assertEqual(r.code, OK, r.err)
        p = self.activate(card, pin)
        _, err = p.communicate(pin + "\n", timeout=60)
        self.assertEqual(p.returncode, OK, err)

        for args, code, text in [
            (("--face", "300", "--quantity", "5"), INVALID, "no ¥300.00 card on sale"),
            (("--face", "500", "--quantity", "0"), INVALID, "between 1 and 100,000"),
            (("--face", "500.005", "--quantity", "5"), INVALID, "at most two decimals"),
        ]:
            with self.subTest(args=args):
                r = self.as_role("finance", "--json", "card", "batch", "create", *args, "--pins", self.path("x.csv"))
                self.assertEqual(r.code, code, r.err)
                self.assertIn(text, r.json()["error"]["message"])
        r = self.as_role("finance", "card", "batch", "create", "--face", "500", "--quantity", "3", "--pins",
                         self.path("no-such-folder/pins.csv"))
        self.assertEqual(r.code, STORAGE, r.err)
        self.assertEqual(self.as_role("service", "card", "batch", "create", "--face", "500", "--quantity", "3",
                                      "--pins", self.path("y.csv")).code, DENIED)
        self.assertEqual(len(self.as_role("finance", "--json", "card", "batch", "list").json()), 1)
        r = self.as_role("service", "--json", "card", "status", "8860000001000011")
        self.assertEqual((r.code, r.json()["error"]["field"]), (INVALID, "card"))
        r = self.as_role("service", "--json", "card", "status", "8860000009000011")
        self.assertEqual(r.code, NOT_FOUND, r.err)


if __name__ == "__main__":
    cli_test.CLI, cli_test.BACKEND = sys.argv[1], sys.argv[2]
    if cli_test.BACKEND not in ("sqlite", "postgresql"):
        sys.exit("backend must be sqlite or postgresql")
    loader = unittest.TestLoader()
    suite = unittest.TestSuite([loader.loadTestsFromTestCase(LedgerCliTest), loader.loadTestsFromTestCase(CardCliTest)])
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    sys.exit(0 if result.wasSuccessful() and result.testsRun > 0 else 1)
