#!/usr/bin/env python3
"""The real memberdesk-cli on tiers: why a member holds a tier, overrides under approval, the
recompute job paused and resumed, and the what-if simulator, against a real database.

Usage: tier_cli_test.py PATH/TO/memberdesk-cli sqlite|postgresql
"""
import csv
import json
import os
import subprocess
import sys
import tempfile
import unittest

import cli_test
from cli_test import CONFLICT, DENIED, INVALID, NOT_FOUND, OK, DemoDatabaseTest


class TierCliTest(DemoDatabaseTest):
    def setUp(self):
        super().setUp()
        r = self.as_role("service", "--json", "member", "add", "--name", "周小满", "--mobile", "13612345678")
        self.assertEqual(r.code, OK, r.err)
        self.member = r.json()["number"]

    def service(self, *args):
        return self.as_role("service", "--json", *args)

    def explain(self):
        r = self.service("tier", "explain", self.member)
        self.assertEqual(r.code, OK, r.err)
        return {l["ladder"]: l for l in r.json()["ladders"]}

    def individual_ladder(self):
        return next(l for l in self.export()["ladders"] if l["code"] == "individual")

    def changes_recorded(self):
        """The audit trail without sign-ins (each command signs in): what changed the data."""
        r = self.as_role("admin", "--json", "audit", "list")
        self.assertEqual(r.code, OK, r.err)
        return [a for a in r.json() if not a["action"].startswith("auth.")]

    def test_explain_shows_the_tier_its_window_rule_and_the_way_to_the_next(self):
        self.assertEqual(self.service("txn", "purchase", self.member, "600", "--stored-value", "0").code, OK)
        self.assertIsNone(self.explain()["individual"]["tier"])
        crossing = self.service("txn", "purchase", self.member, "400", "--stored-value", "0")
        self.assertEqual(crossing.code, OK, crossing.err)
        why = self.explain()
        self.assertNotIn("group", why)  # an individual member is not ranked by the group ladder
        individual = why["individual"]
        self.assertEqual(individual["tier"], "yellow_diamond")
        self.assertEqual(individual["qualifying_amount"], "1000.00")
        self.assertEqual(individual["rule"], "threshold")
        self.assertEqual(individual["discount"], "98折")
        self.assertEqual(individual["window"]["kind"], "lifetime")
        self.assertEqual(individual["next"], {"tier": "red_diamond", "threshold": "2000.00", "to_go": "1000.00"})
        # The next purchase is discounted; the history names the transaction that moved the tier.
        nxt = self.service("txn", "purchase", self.member, "100", "--stored-value", "0").json()
        self.assertEqual(nxt["detail"]["net"], "98.00")
        moves = self.service("tier", "history", self.member).json()
        self.assertEqual([(m["ladder"], m["from"], m["to"], m["source"]) for m in moves],
                         [("individual", None, "yellow_diamond", "T%d" % crossing.json()["txn"])])
        text = self.as_role("service", "tier", "explain", self.member)
        self.assertIn("individual: yellow_diamond", text.out)
        self.assertIn("902.00 to go", text.out)
        self.assertEqual(self.service("tier", "explain", "M99999999").code, NOT_FOUND)

    def test_overrides_are_refused_without_reason_or_span_and_need_someone_else(self):
        cases = [
            (("--ladder", "individual", "--tier", "black_diamond", "--reason", " ", "--until", "2099-01-01"),
             INVALID, "reason"),
            (("--ladder", "individual", "--tier", "black_diamond", "--reason", "补偿", "--from", "2099-02-01",
              "--until", "2099-01-01"), INVALID, "expires"),
            (("--ladder", "platinum", "--tier", "x", "--reason", "补偿", "--until", "2099-01-01"), NOT_FOUND, None),
            (("--ladder", "individual", "--tier", "emerald", "--reason", "补偿", "--until", "2099-01-01"),
             INVALID, "tier"),
        ]
        for args, code, field in cases:
            with self.subTest(args=args):
                r = self.service("tier", "override", "request", self.member, *args)
                self.assertEqual(r.code, code, r.out + r.err)
                if field:
                    self.assertEqual(r.json()["error"]["field"], field)
        self.assertEqual(self.service("tier", "override", "list", self.member).json(), [])

        made = self.service("tier", "override", "request", self.member, "--ladder", "individual", "--tier",
                            "black_diamond", "--reason", "投诉补偿", "--until", "2099-12-31")
        self.assertEqual(made.code, OK, made.err)
        self.assertEqual(made.json()["state"], "pending")
        number = made.json()["id"][1:]
        own = self.service("tier", "override", "approve", number)
        self.assertEqual(own.code, DENIED, own.err)
        approved = self.as_role("approver", "--json", "tier", "override", "approve", number, "--comment", "同意")
        self.assertEqual(approved.code, OK, approved.err)
        again = self.as_role("approver", "--json", "tier", "override", "approve", number)
        self.assertEqual(again.code, CONFLICT, again.err)
        individual = self.explain()["individual"]
        self.assertEqual((individual["tier"], individual["rule"]), ("black_diamond", "override"))
        self.assertEqual(individual["override"]["reason"], "投诉补偿")

    def test_recompute_previews_pauses_and_resumes_and_logs_each_move(self):
        others = []
        for i in range(3):
            r = self.service("member", "add", "--name", "会员%d" % i, "--mobile", "1371234567%d" % i)
            others.append(r.json()["number"])
            self.assertEqual(self.service("txn", "purchase", r.json()["number"], "1500", "--stored-value", "0").code, OK)
        # A stricter individual ladder, approved: the members' stored tiers are now stale.
        ladder = self.individual_ladder()
        ladder["tiers"][0]["threshold"] = "1600.00"
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
            json.dump(ladder, f, ensure_ascii=False)
        proposed = self.as_role("marketing", "--json", "change", "propose", "ladder", "--file", f.name,
                                "--reason", "提高门槛")
        os.unlink(f.name)
        self.assertEqual(proposed.code, OK, proposed.err)
        change = proposed.json()["id"]
        self.assertEqual(self.as_role("approver", "--json", "change", "approve", str(change), "--comment", "同意").code, OK)

        preview = self.as_role("marketing", "--json", "tier", "recompute", "--preview")
        self.assertEqual(preview.code, OK, preview.err)
        rows = {(r["ladder"], r["tier"]): r for r in preview.json()["rows"]}
        self.assertEqual(rows[("individual", "yellow_diamond")]["down"], 3)
        self.assertEqual(self.service("tier", "history", others[0]).json()[0]["to"], "yellow_diamond")

        paused = self.as_role("marketing", "--json", "tier", "recompute", "--batch", "1", "--pause-after", "1",
                              "--purpose", "individual ladder v2")
        self.assertEqual(paused.code, OK, paused.err)
        self.assertEqual(paused.json()["state"], "running")
        run = paused.json()["run"][1:]
        self.assertEqual(self.service("tier", "resume", run).code, DENIED)
        resumed = self.as_role("marketing", "--json", "tier", "resume", run)
        self.assertEqual(resumed.code, OK, resumed.err)
        self.assertEqual((resumed.json()["state"], resumed.json()["down"]), ("finished", 3))
        log = self.as_role("marketing", "--json", "tier", "run", run).json()
        self.assertEqual(sorted(m["member"] for m in log), sorted(others))
        self.assertEqual(self.service("tier", "history", others[0]).json()[0]["source"], "R" + run)
        self.assertEqual(self.as_role("marketing", "--json", "tier", "resume", run).code, CONFLICT)

        # The approver saw the what-if on the request before approving it.
        shown = self.as_role("approver", "--json", "change", "show", str(change)).json()
        self.assertIn("simulation", shown)

    def test_simulate_replays_history_under_a_draft_and_changes_nothing(self):
        for amount in ("800", "300"):
            self.assertEqual(self.service("txn", "purchase", self.member, amount, "--stored-value", "0").code, OK)
        # The movements as if they had happened in March (a database carried over from an older system).
        self.sql("UPDATE tier_facts SET day = '2026-03-10'")
        draft = {"format": "memberdesk-program", "format_version": 1, "ladders": [self.individual_ladder()]}
        draft["ladders"][0]["tiers"][0]["threshold"] = "1200.00"
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "draft.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(draft, f, ensure_ascii=False)
            before = self.changes_recorded()
            movers = os.path.join(tmp, "movers.csv")
            r = self.as_role("marketing", "--json", "tier", "simulate", "--draft", path, "--months", "6",
                             "--movers", movers)
            self.assertEqual(r.code, OK, r.err)
            s = r.json()
            cells = {(c["ladder"], c["from"], c["to"]): c["members"] for c in s["matrix"]}
            self.assertEqual(cells[("individual", "yellow_diamond", "")], 1)
            self.assertEqual(s["movers_total"], 1)
            with open(movers, encoding="utf-8-sig", newline="") as f:
                rows = list(csv.DictReader(f))
            self.assertEqual([(m["member"], m["from"], m["to"]) for m in rows], [(self.member, "yellow_diamond", "")])
            self.assertEqual(self.explain()["individual"]["tier"], "yellow_diamond")  # nothing applied
            self.assertEqual(self.changes_recorded(), before)

            too_long = self.as_role("marketing", "--json", "tier", "simulate", "--draft", path, "--months", "24")
            self.assertEqual(too_long.code, INVALID, too_long.err)
            self.assertEqual(too_long.json()["error"]["field"], "months")
            draft["ladders"][0]["tiers"][1]["threshold"] = "100.00"
            with open(path, "w", encoding="utf-8") as f:
                json.dump(draft, f, ensure_ascii=False)
            bad = self.as_role("marketing", "--json", "tier", "simulate", "--draft", path)
            self.assertEqual(bad.code, INVALID, bad.err)
            self.assertIn("100.00", bad.json()["error"]["message"])


if __name__ == "__main__":
    cli_test.CLI, cli_test.BACKEND = sys.argv[1], sys.argv[2]
    if cli_test.BACKEND not in ("sqlite", "postgresql"):
        sys.exit("backend must be sqlite or postgresql")
    suite = unittest.TestLoader().loadTestsFromTestCase(TierCliTest)
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    sys.exit(0 if result.wasSuccessful() and result.testsRun > 0 else 1)
