#!/usr/bin/env python3
"""The real memberdesk-cli writing the prepaid liability report in every format, read back by
independent tools: the CSV parses (Python's csv module), xlsx2csv gives the same rows and numbers
as the CSV, pdftotext finds the title and the totals in the PDF, and the HTML holds them too. The
figures equal the members' balances as `account show` reports them; a day in the past (entries
moved back in the database) counts only what was posted by then. Bad parameters are refused with
their exit code, naming the field, and an unwritable path leaves no file behind.

Usage: report_cli_test.py PATH/TO/memberdesk-cli sqlite|postgresql
"""
import csv
import datetime
import io
import os
import re
import subprocess
import sys
import unittest

import cli_test
from cli_test import INVALID, OK, USAGE, DemoDatabaseTest


def business_today():
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date()


class ReportCliTest(DemoDatabaseTest):
    def setUp(self):
        super().setUp()
        self.members = []
        for name, mobile in (("报表会员甲", "13612340001"), ("报表会员乙", "13612340002")):
            r = self.as_role("service", "--json", "member", "add", "--name", name, "--mobile", mobile)
            self.assertEqual(r.code, OK, r.err)
            self.members.append(r.json()["number"])
        a, b = self.members
        for args in (("recharge", a, "12000"), ("purchase", a, "1000"), ("recharge", b, "500")):
            r = self.as_role("service", "--json", "txn", *args)
            self.assertEqual(r.code, OK, (args, r.err))
        # Member A's history moves to 15 January: a report as of the end of January sees only it.
        self.sql("UPDATE ledger_entries SET business_day = '2026-01-15' WHERE account_id = "
                 "(SELECT a.id FROM accounts a JOIN members m ON m.id = a.member_id WHERE m.number = '%s')" % a)
        self.today = business_today().isoformat()

    def balances(self, member):
        r = self.as_role("finance", "--json", "account", "show", member)
        self.assertEqual(r.code, OK, r.err)
        return r.json()

    def write(self, fmt, as_of, *extra):
        path = os.path.join(self.db.folder, "liability-%s.%s" % (as_of, fmt))
        r = self.as_role("finance", "--json", "report", "liability", "--as-of", as_of, "--format", fmt, "-o", path, *extra)
        self.assertEqual(r.code, OK, r.err)
        self.assertEqual(r.json()["output"], path)
        return path

    @staticmethod
    def rows_of_csv(path):
        with open(path, encoding="utf-8-sig", newline="") as f:
            return [row for row in csv.reader(f)]

    @staticmethod
    def value(rows, label, column=1):
        for row in rows:
            if row and row[0].startswith(label):
                return row[column]
        raise AssertionError("no row %r" % label)

    def test_every_format_carries_the_same_figures_as_the_balances(self):
        expected_principal = expected_bonus = 0
        coins = 0
        for m in self.members:
            b = self.balances(m)
            expected_principal += round(float(b["balances"]["principal"]) * 100)
            expected_bonus += round(float(b["balances"]["bonus"]) * 100)
            coins += b["balances"]["coins"]
        rows = self.rows_of_csv(self.write("csv", self.today))
        self.assertEqual(rows[0], ["Prepaid liability"])
        self.assertEqual(self.value(rows, "Stored value paid by members"), "%.2f" % (expected_principal / 100))
        self.assertEqual(self.value(rows, "Bonus value"), "%.2f" % (expected_bonus / 100))
        total = self.value(rows, "Total liability")
        self.assertEqual(total, "%.2f" % ((expected_principal + expected_bonus) / 100 + coins))  # 1 coin = ¥1

        # xlsx2csv reads the workbook to the same rows and numbers as the CSV.
        xlsx = subprocess.run(["xlsx2csv", self.write("xlsx", self.today)], capture_output=True, text=True, check=True)
        xrows = [row for row in csv.reader(io.StringIO(xlsx.stdout))]
        self.assertEqual(len([r for r in xrows if any(r)]), len([r for r in rows if any(r)]))
        for label in ("Stored value paid by members", "Bonus value", "Total liability", "Closing balance", "Total"):
            self.assertEqual(float(self.value(xrows, label)), float(self.value(rows, label)), label)

        text = subprocess.run(["pdftotext", "-layout", self.write("pdf", self.today), "-"], capture_output=True,
                              text=True, check=True).stdout
        self.assertIn("Prepaid liability", text)
        self.assertIn("Total liability", text)
        self.assertIn("¥{:,.2f}".format(float(total)), text)
        self.assertRegex(text, r"Page 1 of \d")
        # The same report in Chinese (the GUI's catalog), CJK text extracted from the PDF.
        chinese = os.path.join(self.db.folder, "liability-zh.pdf")
        r = self.as_role("finance", "report", "liability", "--as-of", self.today, "--format", "pdf", "-o", chinese,
                         "--lang", "zh_CN")
        self.assertEqual(r.code, OK, r.err)
        text = subprocess.run(["pdftotext", "-layout", chinese, "-"], capture_output=True, text=True, check=True).stdout
        self.assertIn("预付负债", text)
        self.assertIn("负债合计", text)
        self.assertIn("¥{:,.2f}".format(float(total)), text)
        year, month, day = (int(part) for part in self.today.split("-"))
        self.assertIn("%d年%d月%d日" % (year, month, day), text, "dates read the Chinese way in a zh_CN report")
        self.assertNotIn(self.today, text, "no ISO date left in the Chinese report's text")
        self.assertRegex(text, r"第 1 页，共 \d 页")
        html = open(self.write("html", self.today), encoding="utf-8").read()
        self.assertIn("¥{:,.2f}".format(float(total)), html)

    def test_the_liability_as_of_today_equals_db_checks_ledger_totals_to_the_fen(self):
        check = self.as_role("admin", "--json", "db", "check")
        self.assertEqual(check.code, OK, check.err)
        totals = check.json()["totals"]
        rows = self.rows_of_csv(self.write("csv", self.today))
        self.assertEqual(self.value(rows, "Stored value paid by members"), totals["principal"])
        self.assertEqual(self.value(rows, "Bonus value"), totals["bonus"])
        self.assertEqual(self.value(rows, "Compensation granted"), totals.get("compensation", "0.00"))
        self.assertEqual(self.value(rows, "Meal-package goods"), totals.get("package", "0.00"))
        self.assertEqual(self.value(rows, "Coins at redemption value"), "%d.00" % int(totals.get("coins", "0")))
        # A fen moved behind the program's back is caught by db check, not hidden in a total.
        self.sql("UPDATE ledger_entries SET amount = amount + 1 WHERE id = (SELECT MIN(id) FROM ledger_entries)")
        self.assertNotEqual(self.as_role("admin", "db", "check").code, OK)

    def test_the_liability_by_source_adds_up_to_the_paid_and_bonus_value_owed(self):
        sources = os.path.join(self.db.folder, "sources.csv")
        r = self.as_role("finance", "report", "liability_sources", "--as-of", self.today, "--format", "csv", "-o", sources)
        self.assertEqual(r.code, OK, r.err)
        rows = self.rows_of_csv(sources)
        self.assertEqual(rows[0], ["Prepaid liability by source"])
        liability = self.rows_of_csv(self.write("csv", self.today))
        owed = (round(float(self.value(liability, "Stored value paid by members")) * 100)
                + round(float(self.value(liability, "Bonus value")) * 100))
        # The first "Total" row is the issue-month table's: loaded, still owed, share.
        self.assertEqual(self.value(rows, "Total", 2), "%.2f" % (owed / 100))
        self.assertEqual(self.value(rows, "No card", 4), "%.2f" % (owed / 100), "no card was activated")
        # Both members recharged in cash, A in January (moved there by setUp) ¥12,000 and its bonus, if any
        # (A's purchase was paid from principal, so the bonus balance is what was given).
        bonus = round(float(self.balances(self.members[0])["balances"]["bonus"]) * 100)
        self.assertEqual(self.value(rows, "2026-01"), "%.2f" % ((1200000 + bonus) / 100))

    def test_the_tier_mix_is_written_and_parses(self):
        path = os.path.join(self.db.folder, "tiers.csv")
        r = self.as_role("marketing", "report", "tier_mix", "--as-of", self.today, "--format", "csv", "-o", path)
        self.assertEqual(r.code, OK, r.err)
        rows = self.rows_of_csv(path)
        self.assertEqual(rows[0], ["Tier mix"])
        # Member A's recharge of 12,000 made them a Private Connoisseur: one of one on the premium ladder.
        premium = [i for i, row in enumerate(rows) if row and row[0].endswith("(premium)")]
        self.assertEqual(len(premium), 1, rows)
        section = rows[premium[0]:]
        self.assertEqual(self.value(section, "私享家"), "1")
        self.assertEqual(self.value(section, "私享家", 2), "100.00%")

    def test_a_day_in_the_past_counts_only_what_was_posted_by_then(self):
        a, b = self.members
        rows = self.rows_of_csv(self.write("csv", "2026-01-31", "--from", "2026-01-01"))
        mine = self.balances(a)["balances"]
        self.assertEqual(self.value(rows, "Stored value paid by members"), mine["principal"])
        self.assertEqual(self.value(rows, "Cash recharge"), "12000.00", "January's movements: A's recharge")
        self.assertEqual(self.value(rows, "Opening balance (end of 2025-12-31)"), "0.00")
        before = self.rows_of_csv(self.write("csv", "2026-01-14", "--from", "2026-01-01"))
        self.assertEqual(self.value(before, "Total liability"), "0.00")

    def test_bad_parameters_are_refused_and_leave_no_file(self):
        folder = self.db.folder
        tomorrow = (business_today() + datetime.timedelta(days=1)).isoformat()
        cases = [
            (("--as-of", tomorrow, "--format", "csv", "-o", os.path.join(folder, "f.csv")), INVALID, "as_of"),
            (("--as-of", self.today, "--from", "2026-12-31", "--format", "csv", "-o", os.path.join(folder, "g.csv")),
             INVALID, "from"),
            (("--as-of", self.today, "--format", "docx", "-o", os.path.join(folder, "h.docx")), INVALID, "format"),
        ]
        for args, code, field in cases:
            r = self.as_role("finance", "--json", "report", "liability", *args)
            self.assertEqual(r.code, code, (args, r.err))
            self.assertEqual(r.json()["error"]["field"], field)
        self.assertEqual([f for f in os.listdir(folder) if f[0] in "fgh"], [])
        self.assertEqual(self.as_role("finance", "report", "breakage_typo", "--as-of", self.today).code, USAGE)
        missing = os.path.join(folder, "no-such-folder", "liability.pdf")
        r = self.as_role("finance", "report", "liability", "--as-of", self.today, "--format", "pdf", "-o", missing)
        self.assertNotEqual(r.code, OK)
        self.assertIn("no-such-folder", r.err)
        self.assertFalse(os.path.exists(os.path.join(folder, "no-such-folder")))
        r = self.as_role("finance", "--json", "report", "liability", "--as-of", self.today, "--format", "csv", "-o",
                         os.path.join(folder, "k.csv"), "--lang", "tlh")
        self.assertEqual((r.code, r.json()["error"]["field"]), (INVALID, "lang"))
        listed = self.as_role("finance", "--json", "report", "list")
        self.assertEqual([x["name"] for x in listed.json()],
                         ["liability", "liability_sources", "breakage", "breakage_journal", "card_batches", "tier_mix", "member_kpis",
                          "campaign_roi", "complaints", "committee", "monthly_review"])

    NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
    MONEY = re.compile(r"^\d+\.\d\d$")

    def test_every_report_in_every_format_reads_back_the_same_figures(self):
        """Each report in the catalogue, as the administrator, over this month: the CSV parses, xlsx2csv gives the same
        numbers row by row, and every money figure of the CSV is in the PDF's text and the HTML as people read it."""
        listed = self.as_role("admin", "--json", "report", "list")
        self.assertEqual(listed.code, OK, listed.err)
        for name in [x["name"] for x in listed.json()]:
            with self.subTest(report=name):
                paths = {}
                for fmt in ("csv", "xlsx", "pdf", "html"):
                    paths[fmt] = os.path.join(self.db.folder, "%s.%s" % (name, fmt))
                    r = self.as_role("admin", "report", name, "--as-of", self.today, "--format", fmt, "-o", paths[fmt])
                    self.assertEqual(r.code, OK, (fmt, r.err))
                rows = [row for row in self.rows_of_csv(paths["csv"]) if any(row)]
                self.assertGreater(len(rows), 3)
                xlsx = subprocess.run(["xlsx2csv", paths["xlsx"]], capture_output=True, text=True, check=True).stdout
                xrows = [row for row in csv.reader(io.StringIO(xlsx)) if any(row)]
                self.assertEqual(len(xrows), len(rows))
                compared = 0
                for crow, xrow in zip(rows, xrows):
                    for i, cell in enumerate(crow):
                        if self.NUMBER.match(cell):
                            self.assertEqual(float(xrow[i].replace(",", "")), float(cell), (crow, xrow))
                            compared += 1
                self.assertGreater(compared, 0, "numbers compared")
                text = subprocess.run(["pdftotext", "-layout", paths["pdf"], "-"], capture_output=True, text=True,
                                      check=True).stdout
                html = open(paths["html"], encoding="utf-8").read()
                self.assertIn(rows[0][0], text)
                for row in rows:
                    for cell in row[1:]:
                        if self.MONEY.match(cell):
                            shown = "¥{:,.2f}".format(float(cell))
                            self.assertIn(shown, text, (name, row))
                            self.assertIn(shown, html, (name, row))

    def test_breakage_and_its_journal_in_every_format(self):
        a, b = self.members
        # A's recharge and purchase move back to January 2023: a cohort old enough to give the rate.
        self.sql("UPDATE ledger_entries SET business_day = '2023-01-15' WHERE account_id = "
                 "(SELECT a.id FROM accounts a JOIN members m ON m.id = a.member_id WHERE m.number = '%s')" % a)
        mine = self.balances(a)["balances"]
        principal, bonus = fen(mine["principal"]), fen(mine["bonus"])
        loaded, redeemed = 1200000 + bonus, 1200000 - principal  # the purchase came out of principal
        rate = half_up((loaded - redeemed) * 10000, loaded)
        to_date = min(half_up(loaded * rate, 10000), half_up(redeemed * rate, 10000 - rate))
        # From 1 January 2023 nothing was recognised before; B's cohort of this month redeemed nothing.
        period = ("--from", "2023-01-01")

        def write(name, fmt, *extra):
            path = os.path.join(self.db.folder, "%s.%s" % (name, fmt))
            r = self.as_role("finance", "--json", "report", name, "--as-of", self.today, "--format", fmt, "-o", path,
                             *period, *extra)
            self.assertEqual(r.code, OK, r.err)
            return path

        def journal_lines(rows):
            return [r for r in rows if len(r) >= 6 and r[1] in ("2203", "6051")]

        rows = self.rows_of_csv(write("breakage", "csv"))
        self.assertEqual(rows[0], ["Breakage estimate"])
        self.assertEqual(self.value(rows, "Breakage rate", 4), "%d.%02d%%" % divmod(rate, 100))
        self.assertEqual(self.value(rows, "2023-01", 1), "%.2f" % (loaded / 100))
        recognised = [r for r in rows if r and r[0] == "Total" and len(r) == 7]
        self.assertEqual(len(recognised), 1, rows)
        self.assertEqual(recognised[0][6], "%.2f" % (to_date / 100))
        lines = journal_lines(rows)
        self.assertEqual([(r[1], r[3], r[4]) for r in lines],
                         [("2203", "%.2f" % (to_date / 100), ""), ("6051", "", "%.2f" % (to_date / 100))])
        self.assertEqual(sum(fen(r[3]) for r in lines), sum(fen(r[4]) for r in lines), "the entry balances")

        xlsx = subprocess.run(["xlsx2csv", write("breakage", "xlsx")], capture_output=True, text=True, check=True)
        xrows = [row for row in csv.reader(io.StringIO(xlsx.stdout))]
        self.assertEqual(len([r for r in xrows if any(r)]), len([r for r in rows if any(r)]))
        self.assertEqual(float(self.value(xrows, "2023-01", 1)), loaded / 100)
        self.assertEqual([float(r[3] or 0) for r in journal_lines(xrows)], [to_date / 100, 0])

        figure = "¥{:,.2f}".format(to_date / 100)
        for lang in ((), ("--lang", "zh_CN")):
            text = subprocess.run(["pdftotext", "-layout", write("breakage", "pdf", *lang), "-"], capture_output=True,
                                  text=True, check=True).stdout
            self.assertIn(figure, text)
            self.assertIn("2203", text)
            self.assertIn("6051", text)
        self.assertIn(figure, open(write("breakage", "html"), encoding="utf-8").read())

        # The journal alone: a title, the parameters and the two lines, nothing else.
        jrows = self.rows_of_csv(write("breakage_journal", "csv"))
        self.assertEqual(jrows[0], ["Breakage journal entry"])
        self.assertEqual(journal_lines(jrows), lines)
        start = jrows.index(["Journal entry"])
        self.assertEqual(jrows[start + 1], ["Date", "Account code", "Account name", "Debit", "Credit", "Memo"])
        self.assertEqual([r for r in jrows[start + 2:] if any(r)], lines, "the lines and nothing after them")
        self.assertNotIn(["How breakage is estimated"], jrows)
        xlsx = subprocess.run(["xlsx2csv", write("breakage_journal", "xlsx")], capture_output=True, text=True,
                              check=True)
        xlines = journal_lines([row for row in csv.reader(io.StringIO(xlsx.stdout))])
        self.assertEqual([(r[1], float(r[3] or 0), float(r[4] or 0)) for r in xlines],
                         [("2203", to_date / 100, 0), ("6051", 0, to_date / 100)])
        text = subprocess.run(["pdftotext", "-layout", write("breakage_journal", "pdf"), "-"], capture_output=True,
                              text=True, check=True).stdout
        self.assertIn(figure, text)
        self.assertRegex(text, r"Page 1 of 1")
        self.assertIn(figure, open(write("breakage_journal", "html"), encoding="utf-8").read())


def fen(text):
    """Money as the CLI and the CSV write it ("1234.50", "" for none) in fen, without floating point."""
    if not text:
        return 0
    whole, _, cents = text.partition(".")
    sign = -1 if whole.startswith("-") else 1
    return sign * (abs(int(whole)) * 100 + int((cents + "00")[:2]))


def half_up(numerator, denominator):
    return (2 * numerator + denominator) // (2 * denominator)


if __name__ == "__main__":
    cli_test.CLI, cli_test.BACKEND = sys.argv[1], sys.argv[2]
    if cli_test.BACKEND not in ("sqlite", "postgresql"):
        sys.exit("backend must be sqlite or postgresql")
    suite = unittest.TestLoader().loadTestsFromTestCase(ReportCliTest)
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    sys.exit(0 if result.wasSuccessful() and result.testsRun > 0 else 1)
