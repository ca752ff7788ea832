#!/usr/bin/env python3
"""The real memberdesk-cli planning campaigns: add, list, conflicts, approval, the double-coins
effect on a real purchase, bad campaigns refused, and the .ics export read back by
python3-icalendar (occurrences expanded by python3-dateutil) giving the same days.

Usage: campaign_cli_test.py PATH/TO/memberdesk-cli sqlite|postgresql
Runs under the system python3, where Debian's python3-icalendar lives.
"""
import datetime
import json
import os
import sys
import tempfile
import unittest

import icalendar
from dateutil.rrule import rrulestr

import cli_test
from cli_test import CONFLICT, INVALID, NOT_FOUND, OK, DemoDatabaseTest

SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))


class CampaignCliTest(DemoDatabaseTest):
    def setUp(self):
        super().setUp()
        self.folder = tempfile.mkdtemp(prefix="memberdesk-campaigns-")
        self.today = datetime.datetime.now(SHANGHAI).date()

    def write(self, name, item):
        path = os.path.join(self.folder, name)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(item, f, ensure_ascii=False)
        return path

    def campaign(self, code, start, end, **extra):
        item = {"code": code, "name_zh": "会员日", "name_en": "Member day", "type": "member_day",
                "starts_at": start, "ends_at": end, "owner": "li.na",
                "budget": {"activity": "3000.00", "technology": "500.00", "partner": "0"},
                "kpis": {"new_members": 50, "participation_pct": 25}}
        item.update(extra)
        return item

    def add(self, item, *flags):
        return self.as_role("marketing", "--json", "campaign", "add", "--file", self.write(item["code"] + ".json", item),
                            "--reason", "年度计划", *flags)

    def approve(self, request):
        r = self.as_role("approver", "change", "approve", str(request), "--comment", "同意")
        self.assertEqual(r.code, OK, r.err)

    def test_a_recurring_member_day_is_planned_approved_and_exported_to_icalendar(self):
        first = self.today + datetime.timedelta(days=3)
        item = self.campaign("member_day", "%s 10:00" % first, "%s 22:00" % first,
                             recurrence={"kind": "monthly_day", "day_of_month": 31, "count": 8,
                                         "exceptions": []})
        r = self.add(item)
        self.assertEqual(r.code, OK, r.err)
        self.assertEqual(r.json()["status"], "submitted")
        request = r.json()["change_request"]
        listed = self.as_role("service", "--json", "campaign", "list", "--from", str(self.today),
                              "--to", str(self.today + datetime.timedelta(days=400))).json()
        self.assertEqual([(c["code"], c["status"]) for c in listed["campaigns"]], [("member_day", "submitted")])
        self.approve(request)
        shown = self.as_role("service", "--json", "campaign", "show", "member_day").json()
        self.assertIn(shown["status"], ("approved", "running"))
        self.assertEqual(shown["recurrence_text"], "every month on day 31; in shorter months on the last day; 8 times")
        days = [o["from"][:10] for o in shown["occurrences"]]
        self.assertEqual(len(days), 8)
        for d in days:  # day 31, or the last day of a shorter month
            day = datetime.date.fromisoformat(d)
            self.assertTrue(day.day == 31 or (day + datetime.timedelta(days=1)).day == 1, d)

        ics = os.path.join(self.folder, "calendar.ics")
        r = self.as_role("service", "campaign", "ics", "-o", ics)
        self.assertEqual(r.code, OK, r.err)
        with open(ics, "rb") as f:
            calendar = icalendar.Calendar.from_ical(f.read())
        events = [e for e in calendar.walk("VEVENT")]
        self.assertEqual(len(events), 1)
        event = events[0]
        self.assertEqual(str(event["SUMMARY"]), "会员日 / Member day")
        start = event.decoded("DTSTART")
        rule = event["RRULE"].to_ical().decode()
        expanded = [o.astimezone(SHANGHAI).date().isoformat() for o in rrulestr(rule, dtstart=start)]
        self.assertEqual(expanded, days)
        self.assertEqual(start.astimezone(SHANGHAI).strftime("%H:%M"), "10:00")
        self.assertEqual((event.decoded("DTEND") - start), datetime.timedelta(hours=12))

    def test_overlapping_campaigns_are_flagged_and_double_coins_apply_to_a_real_purchase(self):
        now = datetime.datetime.now(SHANGHAI)
        start = now.strftime("%Y-%m-%d 00:00")
        end = (now + datetime.timedelta(days=1)).strftime("%Y-%m-%d 00:00")
        double = self.campaign("double_today", start, end, type="double_points", coin_multiplier="2",
                               name_zh="双倍兑换币", name_en="Double coins")
        r = self.add(double)
        self.assertEqual(r.code, OK, r.err)
        self.assertEqual(r.json()["conflicts"], [])
        self.approve(r.json()["change_request"])
        story = self.campaign("story_today", start, end, type="story_contest", target={"states": ["activated"]})
        r = self.add(story, "--draft")
        self.assertEqual(r.code, OK, r.err)
        self.assertEqual(r.json()["status"], "draft")
        self.assertEqual(r.json()["conflicts"], [{"first": "story_today", "second": "double_today", "day": str(now.date())}])
        listed = self.as_role("marketing", "--json", "campaign", "list", "--from", str(now.date()), "--to",
                              str(now.date())).json()
        self.assertEqual(len(listed["conflicts"]), 1)
        self.assertEqual(self.add(story).code, CONFLICT, "a second add of the same code")

        member = self.as_role("service", "--json", "member", "add", "--name", "钱多多", "--mobile", "13512345678").json()["number"]
        self.assertEqual(self.as_role("service", "txn", "recharge", member, "1000").code, OK)
        before = self.as_role("marketing", "--json", "campaign", "results", "double_today").json()
        bought = self.as_role("service", "--json", "txn", "purchase", member, "400").json()
        coins = [(e["amount"], e["campaign"]) for e in bought["entries"] if e["bucket"] == "coins"]
        self.assertEqual(coins, [(20, None), (20, "double_today")])
        self.assertEqual(bought["detail"]["campaign_coins"], {"double_today": 20})
        self.assertEqual(self.as_role("admin", "db", "check").code, OK)
        # The campaign's window figures: its 20 coins at ¥1 are its actual cost; one more participant.
        after = self.as_role("marketing", "--json", "campaign", "results", "double_today").json()
        self.assertEqual((before["coins_granted"], after["coins_granted"], after["actual_cost"], after["budget_total"]),
                         (0, 20, "20.00", "3500.00"))
        self.assertEqual(after["targets"], {"new_members": 50, "participation_pct": 25})
        self.assertEqual(after["participants"], before["participants"] + 1)
        self.assertEqual(after["campaign_days"], 1)
        self.assertGreaterEqual(after["new_members"], 1, "钱多多 joined today")

        r = self.as_role("marketing", "--json", "campaign", "cancel", "double_today", "--reason", "提前结束")
        self.assertEqual(r.code, OK, r.err)
        self.approve(r.json()["change_request"])
        bought = self.as_role("service", "--json", "txn", "purchase", member, "400").json()
        self.assertEqual([e["campaign"] for e in bought["entries"] if e["bucket"] == "coins"], [None])
        # Still on the calendar, as cancelled, and in conflict with no one any more.
        listed = self.as_role("marketing", "--json", "campaign", "list", "--from", str(now.date()), "--to",
                              str(now.date())).json()
        self.assertIn(("double_today", "cancelled"), [(c["code"], c["status"]) for c in listed["campaigns"]])
        self.assertEqual([c for c in listed["conflicts"] if "double_today" in (c["first"], c["second"])], [])

    def test_two_people_editing_one_campaign_the_second_approval_is_a_conflict(self):
        day = self.today + datetime.timedelta(days=5)
        item = self.campaign("flash", "%s 10:00" % day, "%s 12:00" % day, type="flash_sale")
        r = self.add(item)
        self.assertEqual(r.code, OK, r.err)
        self.approve(r.json()["change_request"])
        edits = []
        for role, budget in (("marketing", "4000.00"), ("admin", "9000.00")):
            changed = dict(item, budget={"activity": budget})
            r = self.as_role(role, "--json", "campaign", "edit", "--file", self.write("flash-%s.json" % role, changed),
                             "--reason", "预算调整")
            self.assertEqual(r.code, OK, r.err)
            edits.append(r.json()["change_request"])
        self.approve(edits[0])
        r = self.as_role("approver", "--json", "change", "approve", str(edits[1]), "--comment", "同意")
        self.assertEqual(r.code, CONFLICT, r.err)
        self.assertIn("was changed by another approved request", r.json()["error"]["message"])
        shown = self.as_role("service", "--json", "campaign", "show", "flash").json()
        self.assertEqual(shown["budget"]["activity"], "4000.00")

    def test_bad_campaigns_are_refused_naming_the_field(self):
        day = self.today + datetime.timedelta(days=1)
        good = self.campaign("ok", "%s 10:00" % day, "%s 22:00" % day)
        cases = [
            (dict(good, ends_at="%s 09:00" % day), "ends_at"),
            (dict(good, coin_multiplier="0"), "coin_multiplier"),
            (dict(good, coin_multiplier="9"), "coin_multiplier"),
            (dict(good, budget={"activity": "-5"}), "budget.activity"),
            (dict(good, recurrence={"kind": "yearly", "month": 2, "day_of_month": 31}), "recurrence.day_of_month"),
            (dict(good, target={"tiers": ["individual:purple_diamond"]}), "target.tiers"),
        ]
        for item, field in cases:
            with self.subTest(field=field, item=item):
                r = self.add(item)
                self.assertEqual((r.code, r.json()["error"]["field"]), (INVALID, field), r.err)
        self.assertEqual(self.as_role("marketing", "--json", "campaign", "list").json()["campaigns"], [])
        self.assertEqual(self.as_role("marketing", "campaign", "show", "nothing").code, NOT_FOUND)
        self.assertEqual(self.as_role("marketing", "campaign", "edit", "--file", self.write("ok.json", good),
                                      "--reason", "x").code, NOT_FOUND)


if __name__ == "__main__":
    cli_test.CLI, cli_test.BACKEND = sys.argv[1], sys.argv[2]
    if cli_test.BACKEND not in ("sqlite", "postgresql"):
        sys.exit("backend must be sqlite or postgresql")
    suite = unittest.TestLoader().loadTestsFromTestCase(CampaignCliTest)
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    sys.exit(0 if result.wasSuccessful() and result.testsRun > 0 else 1)
