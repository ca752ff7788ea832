#!/usr/bin/env python3
"""The real memberdesk-cli working complaint tickets on a demo database: open, assign, note,
wait and resume (the clock stops), resolve, close with a score, reopen; compensation within the
cap paid at once, above it waiting until an approver decides, then in the member's compensation
bucket with a ledger line that names the ticket; bad input refused with its exit code, naming the
field, and nothing written.

Usage: complaint_cli_test.py PATH/TO/memberdesk-cli sqlite|postgresql
"""
import datetime
import json
import os
import sys
import unittest

import cli_test
from cli_test import CONFLICT, DENIED, INVALID, NOT_FOUND, OK, DemoDatabaseTest


class ComplaintCliTest(DemoDatabaseTest):
    def setUp(self):
        super().setUp()
        r = self.as_role("service", "--json", "member", "add", "--name", "投诉会员", "--mobile", "13612345678")
        self.assertEqual(r.code, OK, r.err)
        self.member = r.json()["number"]
        self.service = self.people["service"]["username"]

    def ok(self, role, *args):
        r = self.as_role(role, "--json", *args)
        self.assertEqual(r.code, OK, (args, r.err))
        return r.json()

    def open_ticket(self, category="delivery"):
        return self.ok("service", "complaint", "open", self.member, "--channel", "wechat", "--category", category,
                       "--severity", "high", "--subject", "配送延迟两天")

    def test_a_ticket_is_worked_to_closed_and_reopened_with_its_timeline(self):
        t = self.open_ticket()
        number = t["number"]
        self.assertRegex(number, r"^C\d{4}-\d{6}$")
        self.assertEqual((t["status"], t["response"]["target_minutes"], t["resolution"]["target_minutes"]), ("new", 120, 1080))
        self.assertIsNotNone(t["response"]["due"])

        t = self.ok("service", "complaint", "assign", number, "--to", self.service)
        self.assertEqual((t["status"], t["owner"]), ("assigned", self.service))
        self.assertEqual([x["number"] for x in self.ok("service", "complaint", "list", "--queue", "mine")], [number])
        self.assertEqual(self.ok("service", "complaint", "list", "--queue", "unassigned"), [])
        t = self.ok("service", "complaint", "note", number, "--text", "已联系物流")
        self.assertEqual(t["status"], "in_progress")
        self.assertIsNotNone(t["response"]["done_at"])
        t = self.ok("service", "complaint", "wait", number, "--text", "请会员确认收货地址")
        self.assertEqual((t["status"], t["resolution"]["due"]), ("waiting_customer", None))
        t = self.ok("service", "complaint", "resume", number, "--text", "会员已确认")
        self.assertIsNotNone(t["resolution"]["due"])
        t = self.ok("service", "complaint", "resolve", number, "--note", "已补发并致歉", "--root-cause", "物流延误")
        t = self.ok("service", "complaint", "close", number, "--satisfaction", "4")
        self.assertEqual((t["status"], t["satisfaction"]), ("closed", 4))
        self.assertEqual([e["to"] for e in t["timeline"] if e["kind"] == "status"],
                         ["assigned", "in_progress", "waiting_customer", "in_progress", "resolved", "closed"])
        t = self.ok("service", "complaint", "reopen", number, "--reason", "再次延迟")
        self.assertEqual((t["status"], t["closed_at"], t["satisfaction"]), ("reopened", None, None))

        # A second ticket of the same member and category within 7 days is offered for linking.
        second = self.open_ticket()
        self.assertEqual(self.ok("service", "complaint", "show", second["number"])["possible_duplicates"], [number])

    def test_compensation_above_the_cap_waits_for_an_approver_and_is_paid_once(self):
        number = self.open_ticket("stored_value")["number"]
        first = self.ok("service", "complaint", "compensate", number, "--amount", "80", "--reason", "补偿")
        self.assertEqual(first["state"], "paid")
        second = self.ok("service", "complaint", "compensate", number, "--amount", "50", "--reason", "追加补偿")
        self.assertEqual((second["state"], second["txn"]), ("pending", None))
        account = self.ok("service", "account", "show", self.member)
        self.assertEqual(account["balances"]["compensation"], "80.00")
        self.assertEqual(self.as_role("service", "complaint", "decide", str(second["id"]), "--approve").code, DENIED)
        self.assertEqual([p["id"] for p in self.ok("approver", "complaint", "pending")], [second["id"]])
        paid = self.ok("approver", "complaint", "decide", str(second["id"]), "--approve", "--comment", "同意")
        self.assertEqual(paid["state"], "paid")
        again = self.as_role("approver", "--json", "complaint", "decide", str(second["id"]), "--approve")
        self.assertEqual(again.code, CONFLICT, again.err)
        account = self.ok("service", "account", "show", self.member)
        self.assertEqual(account["balances"]["compensation"], "130.00")
        txn = self.ok("service", "txn", "show", "T%d" % paid["txn"])
        self.assertEqual([(e["type"], e["bucket"], e["amount"]) for e in txn["entries"]],
                         [("compensation", "compensation", "50.00")])
        self.assertIn(number, txn["entries"][0]["reason"])
        self.assertEqual((txn["key"], txn["detail"]["complaint"]), ("complaint:%s:%d" % (number, second["id"]), number))
        self.assertEqual(self.as_role("admin", "db", "check").code, OK)

    def test_past_deadlines_are_recorded_once_as_breaches_by_the_escalation_job(self):
        number = self.open_ticket()["number"]
        # Opened ten days ago: both the 2-hour response and the 2-day resolution have passed.
        opened = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=10)).strftime("%Y-%m-%d %H:%M:%S")
        self.sql("UPDATE complaints SET opened_at = '%s' WHERE id = %d" % (opened, int(number.split("-")[1])))
        first = self.ok("service", "complaint", "escalate")
        self.assertEqual(sorted((b["number"], b["clock"]) for b in first), [(number, "resolution"), (number, "response")])
        self.assertEqual(self.ok("service", "complaint", "escalate"), [], "each breach is recorded once")
        r = self.as_role("service", "complaint", "escalate")
        self.assertEqual((r.code, r.out.strip()), (OK, "no new breaches"))
        shown = self.ok("service", "complaint", "show", number)
        self.assertEqual(sorted(e["text"] for e in shown["timeline"] if e["kind"] == "breach"), ["resolution", "response"])
        self.assertEqual([t["number"] for t in self.ok("service", "complaint", "list", "--queue", "breached")], [number])
        self.assertEqual(self.as_role("marketing", "complaint", "escalate").code, DENIED)

    def test_the_complaint_policy_is_changed_under_approval(self):
        exported = self.export()
        self.assertIsNone(exported["complaint_policy"], "the demo uses the built-in policy")
        policy = {"targets": [{"severity": s, "member_class": c, "response_minutes": 45, "resolution_minutes": 540}
                              for s in ("low", "normal", "high", "critical") for c in ("standard", "premium")],
                  "near_deadline_pct": 25, "reopen_window_days": 14,
                  "caps": [{"role": "service", "coins_per_ticket": 10, "coins_per_month": 100,
                            "stored_value_per_ticket": "10.00", "stored_value_per_month": "100.00"}]}
        path = os.path.join(self.db.folder, "policy.json")
        json.dump(policy, open(path, "w"))
        change = self.ok("marketing", "change", "propose", "complaint_policy", "--file", path, "--reason", "更快响应")
        self.assertEqual(self.open_ticket()["response"]["target_minutes"], 120, "not in force before approval")
        self.ok("approver", "change", "approve", str(change["id"]), "--comment", "同意")
        self.assertEqual(self.export()["complaint_policy"]["near_deadline_pct"], 25)
        t = self.open_ticket("points")
        self.assertEqual((t["response"]["target_minutes"], t["resolution"]["target_minutes"]), (45, 540))
        paid = self.ok("service", "complaint", "compensate", t["number"], "--coins", "11", "--reason", "补偿")
        self.assertEqual(paid["state"], "pending", "11 coins is above the new cap of 10")
        policy["targets"][0]["member_class"] = "vip"
        json.dump(policy, open(path, "w"))
        r = self.as_role("marketing", "--json", "change", "propose", "complaint_policy", "--file", path, "--reason", "x")
        self.assertEqual((r.code, r.json()["error"]["field"]), (INVALID, "complaint_policy.targets[1].member_class"))

    def test_bad_input_is_refused_naming_the_field_and_writes_nothing(self):
        r = self.as_role("service", "--json", "complaint", "open", "M99999999", "--channel", "phone", "--category",
                         "delivery", "--severity", "high", "--subject", "x")
        self.assertEqual(r.code, NOT_FOUND, r.err)
        r = self.as_role("service", "--json", "complaint", "open", self.member, "--channel", "fax", "--category",
                         "delivery", "--severity", "high", "--subject", "x")
        self.assertEqual((r.code, r.json()["error"]["field"]), (INVALID, "channel"))
        self.assertEqual(self.ok("service", "complaint", "list", "--queue", "all"), [])

        t = self.open_ticket()
        number, version = t["number"], t["version"]
        self.ok("service", "complaint", "note", number, "--text", "第一次保存", "--version", str(version))
        r = self.as_role("admin", "--json", "complaint", "note", number, "--text", "同时保存", "--version", str(version))
        self.assertEqual(r.code, CONFLICT, r.err)
        notes = [e["text"] for e in self.ok("service", "complaint", "show", number)["timeline"] if e["kind"] == "note"]
        self.assertEqual(notes, ["第一次保存"])

        r = self.as_role("service", "--json", "complaint", "close", number)
        self.assertEqual(r.code, INVALID, r.err)
        r = self.as_role("service", "--json", "complaint", "compensate", number, "--amount", "-5", "--reason", "x")
        self.assertEqual((r.code, r.json()["error"]["field"]), (INVALID, "compensation.stored_value"))
        self.assertEqual(self.ok("service", "complaint", "show", number)["compensations"], [])
        self.assertEqual(self.as_role("auditor", "complaint", "note", number, "--text", "x").code, DENIED)


if __name__ == "__main__":
    cli_test.CLI, cli_test.BACKEND = sys.argv[1], sys.argv[2]
    if cli_test.BACKEND not in ("sqlite", "postgresql"):
        sys.exit("backend must be sqlite or postgresql")
    suite = unittest.TestLoader().loadTestsFromTestCase(ComplaintCliTest)
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    sys.exit(0 if result.wasSuccessful() and result.testsRun > 0 else 1)
