#!/usr/bin/env python3
"""SQL and formula injection through the real memberdesk-cli: hostile text in every free-text field
is stored and shown back literally, leaves every table in place, and comes out of every CSV and
XLSX export neutralised: a text cell starting with = + - @ (or a tab or carriage return) gets an
apostrophe in front (OWASP's CSV-injection rule), while numbers, money and dates stay typed, a
negative amount included. Files are read back by Python's csv module and by xlsx2csv; the XLSX
sheets are also opened as XML to see that no cell holds a formula except the totals' own SUMs.

Usage: injection_test.py PATH/TO/memberdesk-cli sqlite|postgresql
"""
import csv
import datetime
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile

import cli_test
from cli_test import OK, DemoDatabaseTest
from table_snapshot import database_snapshot

SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))

HOSTILE = [
    "'; DROP TABLE members; --",
    "Robert'); DROP TABLE members;--",
    '=HYPERLINK("http://example.invalid","x")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1+2",
    "\r=1+2",
    "王小明'); DELETE FROM ledger_entries; --",
    "%",  # a LIKE wildcard: a search for it must find only itself
]


def neutralised(text):
    """The export rule, written independently of the product: OWASP's apostrophe in front, except
    before a plain signed number ("-3"), which a spreadsheet reads as that number."""
    if re.fullmatch(r"[+-]\d+(\.\d+)?", text):
        return text
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def as_stored(text, column):
    """Names, stores and companies are stored without surrounding blanks (a tab or CR included);
    notes keep them. What remains is stored exactly."""
    return text if column == "notes" else text.strip(" \t\r\n")


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def read_xlsx(path):
    text = subprocess.run(["xlsx2csv", path], capture_output=True, text=True, check=True).stdout
    return list(csv.reader(io.StringIO(text, newline="")))


def sheet_formulas(path):
    """Every formula in the workbook's sheets (<f> elements), as written."""
    with zipfile.ZipFile(path) as z:
        sheets = [n for n in z.namelist() if re.match(r"xl/worksheets/sheet\d+\.xml$", n)]
        return [f for n in sheets for f in re.findall(r"<f>(.*?)</f>", z.read(n).decode("utf-8"))]


class InjectionTest(DemoDatabaseTest):
    def setUp(self):
        super().setUp()
        self.folder = tempfile.mkdtemp(prefix="memberdesk-injection-")
        self.addCleanup(shutil.rmtree, self.folder, True)
        self.today = datetime.datetime.now(SHANGHAI).date()

    def path(self, name):
        return os.path.join(self.folder, name)

    def ok(self, role, *args):
        r = self.as_role(role, "--json", *args)
        self.assertEqual(r.code, OK, (args, r.err))
        return r.json()

    def add_hostile_members(self):
        numbers = {}
        for i, text in enumerate(HOSTILE):
            added = self.ok("service", "member", "add", "--name", text, "--notes", text, "--store", text,
                            "--type", "group", "--company", text, "--mobile", "1361234%04d" % i)
            numbers[text] = added["number"]
        return numbers

    def test_hostile_member_text_is_stored_literally_and_the_tables_survive(self):
        numbers = self.add_hostile_members()
        for text, number in numbers.items():
            shown = self.ok("service", "member", "show", number)
            for column, field in (("name", "name"), ("notes", "notes"), ("home_store", "home_store"),
                                  ("company", "company")):
                self.assertEqual(shown[field], as_stored(text, column), (number, column))
        # The search is parameterised: quotes find the member, and a wildcard finds only itself.
        found = self.ok("service", "member", "find", "Robert")
        self.assertEqual([m["number"] for m in found], [numbers["Robert'); DROP TABLE members;--"]])
        for wildcard in ("%", "_", "'"):
            found = [m["number"] for m in self.ok("service", "member", "find", wildcard)]
            self.assertLessEqual(set(found), {numbers["%"]}, wildcard)
        # Nothing was dropped or deleted: the tables are there, the demo members too, the books balance.
        tables = database_snapshot(self.db, cli_test.BACKEND).tables
        self.assertLessEqual({"members", "ledger_entries", "accounts", "users"}, set(tables))
        self.assertEqual(self.ok("service", "member", "show", "M00000001")["number"], "M00000001")
        r = self.as_role("admin", "db", "check")
        self.assertEqual(r.code, OK, r.out + r.err)
        self.assertEqual(self.as_role("auditor", "audit", "verify").code, OK)

    def test_member_exports_neutralise_formulas_in_csv_and_xlsx(self):
        numbers = self.add_hostile_members()
        csv_path, xlsx_path = self.path("members.csv"), self.path("members.xlsx")
        self.ok("admin", "member", "export", csv_path, "--unmask")
        self.ok("admin", "member", "export", xlsx_path, "--unmask")
        for reader, path in ((read_csv, csv_path), (read_xlsx, xlsx_path)):
            rows = reader(path)
            header = rows[0]
            by_number = {row[header.index("number")]: dict(zip(header, row)) for row in rows[1:]}
            for text, number in numbers.items():
                row = by_number[number]
                for column in ("name", "notes", "home_store", "company"):
                    # xlsx2csv gives a CR in a cell as a line break or as the XML escape _x000D_.
                    value = row[column].replace("\n", "\r").replace("_x000D_", "\r")
                    self.assertEqual(value, neutralised(as_stored(text, column)),
                                     (path, column, number))
            # The mobile is text that starts with a digit and the dates are dates: left alone.
            demo = by_number["M00000001"]
            self.assertEqual(demo["mobile"], "138 0101 2345")
            self.assertFalse(demo["created_at"].startswith("'"), demo)
        self.assertEqual(sheet_formulas(xlsx_path), [], "member export: no cell is a formula")

    def test_complaints_and_campaigns_keep_hostile_text_and_reports_neutralise_it(self):
        formula = '=HYPERLINK("http://example.invalid","x")'
        # A committee member's name reaches the committee roster report.
        committee_member = "M00000001"
        self.ok("marketing", "member", "edit", committee_member, "--name", formula)
        ticket = self.ok("service", "complaint", "open", committee_member, "--channel", "phone", "--category",
                         "delivery", "--severity", "normal", "--subject", "-2+3 " + HOSTILE[0],
                         "--description", formula)["number"]
        shown = self.ok("service", "complaint", "show", ticket)
        self.assertEqual((shown["subject"], shown["description"]), ("-2+3 " + HOSTILE[0], formula))
        campaign = {"code": "hostile", "name_zh": formula, "name_en": "@SUM(A1)", "type": "member_day",
                    "starts_at": "%s 00:00" % self.today, "ends_at": "%s 23:00" % self.today, "owner": "li.na",
                    "budget": {"activity": "100.00"}}
        with open(self.path("campaign.json"), "w", encoding="utf-8") as f:
            json.dump(campaign, f, ensure_ascii=False)
        added = self.ok("marketing", "campaign", "add", "--file", self.path("campaign.json"), "--reason", HOSTILE[1])
        self.ok("approver", "change", "approve", str(added["change_request"]), "--comment", HOSTILE[0])
        shown = self.ok("service", "campaign", "show", "hostile")
        self.assertEqual((shown["name_zh"], shown["name_en"]), (formula, "@SUM(A1)"))
        # A purchase is a negative money figure in the liability report's movements.
        member = self.ok("service", "member", "add", "--name", "退款会员", "--mobile", "13612340099")["number"]
        self.ok("service", "txn", "recharge", member, "500")
        bought = self.ok("service", "txn", "purchase", member, "100")
        self.ok("service", "txn", "refund", "T%d" % bought["txn"], "12", "--reason", "+1+1")

        as_of = self.today.isoformat()
        texts = {}
        for report in ("committee", "campaign_roi", "complaints", "liability"):
            for fmt in ("csv", "xlsx"):
                out = self.path("%s.%s" % (report, fmt))
                self.ok("finance", "report", report, "--as-of", as_of, "--format", fmt, "-o", out)
                cells = [cell for row in (read_csv(out) if fmt == "csv" else read_xlsx(out)) for cell in row]
                texts[report, fmt] = cells
                for cell in cells:
                    stripped = cell.lstrip("'")
                    if stripped[:1] in ("=", "@", "+") or stripped.startswith("-2+3"):
                        self.assertTrue(cell.startswith("'"), (report, fmt, cell))
                if fmt == "xlsx":
                    # Only the totals' own SUM formulas: no text became a formula.
                    for f in sheet_formulas(out):
                        self.assertRegex(f, r"^SUM\([A-Z]+\d+:[A-Z]+\d+\)$", (report, f))
        for fmt in ("csv", "xlsx"):
            self.assertIn(neutralised(formula), texts["committee", fmt])
            self.assertTrue(any(c.startswith(neutralised(formula)) for c in texts["campaign_roi", fmt]), fmt)
        # Money stays a number: the purchase's negative figure is not prefixed in either file.
        self.assertIn("-100.00", texts["liability", "csv"])
        self.assertTrue(any(re.fullmatch(r"-100(\.0+)?", c) for c in texts["liability", "xlsx"]),
                        texts["liability", "xlsx"])

    def test_import_problem_reports_and_rejects_neutralise_what_they_repeat(self):
        bad = self.path("bad.csv")
        with open(bad, "w", encoding="utf-8", newline="") as f:
            f.write('name,mobile,notes\r\n"=HYPERLINK(""http://example.invalid"",""x"")",=1+2,@SUM(A1)\r\n'
                    "好人,13700004444,-2+3\r\n")
        report, rejects = self.path("problems.csv"), self.path("rejects.csv")
        r = self.as_role("marketing", "member", "import", bad, "--report", report)
        self.assertEqual(r.code, cli_test.INVALID, r.err)
        problems = read_csv(report)
        self.assertEqual(problems[1][:3], ["2", "mobile", "'=1+2"])
        r = self.as_role("marketing", "--json", "member", "import", bad, "--skip-invalid", "--rejects", rejects)
        self.assertEqual(r.code, OK, r.err)
        rejected = read_csv(rejects)
        self.assertEqual(rejected[1][:3], ["'=HYPERLINK(\"http://example.invalid\",\"x\")", "'=1+2", "'@SUM(A1)"])
        number = self.ok("service", "member", "find", "好人")[0]["number"]
        self.assertEqual(self.ok("service", "member", "show", number)["notes"], "-2+3")
        # The rejected row, its mobile fixed, imports with its text as typed: the apostrophe the
        # rejects file put in front is taken away again.
        rejected[1][1] = "13700004445"
        with open(rejects, "w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f).writerows(rejected)
        self.ok("marketing", "member", "import", rejects)
        number = self.ok("service", "member", "find", "13700004445")[0]["number"]
        shown = self.ok("service", "member", "show", number)
        self.assertEqual((shown["name"], shown["notes"]), ('=HYPERLINK("http://example.invalid","x")', "@SUM(A1)"))


if __name__ == "__main__":
    cli_test.CLI, cli_test.BACKEND = sys.argv[1], sys.argv[2]
    if cli_test.BACKEND not in ("sqlite", "postgresql"):
        sys.exit("backend must be sqlite or postgresql")
    suite = unittest.TestLoader().loadTestsFromTestCase(InjectionTest)
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    sys.exit(0 if result.wasSuccessful() and result.testsRun > 0 else 1)
