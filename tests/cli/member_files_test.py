#!/usr/bin/env python3
"""The real memberdesk-cli moving member bases in and out of files, against a real database.

Usage: member_files_test.py PATH/TO/memberdesk-cli sqlite|postgresql
Files are read back by independent tools: Python's csv module and xlsx2csv.
Shares its helpers (run, FreshDatabase, DemoDatabaseTest) with cli_test.py.
"""
import csv
import io
import os
import subprocess
import sys
import tempfile
import unittest

import cli_test
from cli_test import DENIED, INVALID, OK, DemoDatabaseTest, FreshDatabase, run


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


class MemberFilesCliTest(DemoDatabaseTest):
    def setUp(self):
        super().setUp()
        self.folder = tempfile.mkdtemp(prefix="memberdesk-files-")

    def path(self, name):
        return os.path.join(self.folder, name)

    def members(self, role="admin"):
        out = self.path("now.csv")
        r = self.as_role(role, "member", "export", out, "--unmask")
        self.assertEqual(r.code, OK, r.err)
        return read_csv(out)

    def test_gbk_csv_with_chinese_names_imports(self):
        rows = "姓名,手机号,邮箱,性别,门店,标签\r\n欧阳修,137-0000-1111,oyx@example.com,男,杭州西湖店,vip、诗人\r\n" \
               "李清照,13700002222,,女,济南大明湖店,\r\n"
        with open(self.path("gbk.csv"), "wb") as f:
            f.write(rows.encode("gbk"))
        r = self.as_role("marketing", "--json", "member", "import", self.path("gbk.csv"))
        self.assertEqual(r.code, OK, r.err)
        self.assertEqual((r.json()["encoding"], r.json()["imported"]), ("gb18030", 2))
        found = self.as_role("service", "--json", "member", "find", "oyx").json()
        self.assertEqual([(m["name"], m["home_store"], m["tags"]) for m in found], [("欧阳修", "杭州西湖店", ["vip", "诗人"])])

    def test_an_export_imported_into_a_fresh_database_gives_the_same_members(self):
        first = self.path("first.csv")
        self.assertEqual(self.as_role("admin", "member", "export", first, "--unmask").code, OK)
        fresh = FreshDatabase()
        self.addCleanup(fresh.drop)
        self.assertEqual(run("--db", fresh.url, "db", "init", password="admin-secret").code, OK)
        r = run("--db", fresh.url, "--user", "admin", "--json", "member", "import", first, password="admin-secret")
        self.assertEqual(r.code, OK, r.err)
        self.assertEqual(r.json()["imported"], 12)
        again = self.path("again.csv")
        r = run("--db", fresh.url, "--user", "admin", "member", "export", again, "--unmask", password="admin-secret")
        self.assertEqual(r.code, OK, r.err)
        before, after = read_csv(first), read_csv(again)
        self.assertEqual(len(before), 12)
        self.assertEqual(before, after)
        # The XLSX export holds the same rows, as xlsx2csv reads them.
        xlsx = self.path("members.xlsx")
        self.assertEqual(self.as_role("admin", "member", "export", xlsx, "--unmask").code, OK)
        text = subprocess.run(["xlsx2csv", xlsx], capture_output=True, text=True, check=True).stdout
        from_xlsx = list(csv.DictReader(io.StringIO(text)))
        self.assertEqual([(m["number"], m["name"], m["mobile"], m["birthday"]) for m in from_xlsx],
                         [(m["number"], m["name"], m["mobile"], m["birthday"]) for m in before])

    def test_service_exports_masked_numbers_and_the_export_is_audited(self):
        out = self.path("masked.csv")
        self.assertEqual(self.as_role("service", "member", "export", out).code, OK)
        rows = read_csv(out)
        self.assertEqual((rows[0]["mobile"], rows[0]["email"]), ("138****2345", "w***@example.com"))
        self.assertEqual(self.as_role("service", "member", "export", out, "--unmask").code, DENIED)
        audited = self.as_role("admin", "--json", "audit", "list", "--action", "member.export").json()
        self.assertEqual([a["outcome"] for a in audited], ["ok"])

    def test_formula_looking_text_is_neutralised(self):
        r = self.as_role("marketing", "member", "edit", "M00000002", "--notes", "=HYPERLINK(\"x\")")
        self.assertEqual(r.code, OK, r.err)
        out = self.path("formula.csv")
        self.assertEqual(self.as_role("admin", "member", "export", out).code, OK)
        self.assertEqual(read_csv(out)[1]["notes"], "'=HYPERLINK(\"x\")")
        xlsx = self.path("formula.xlsx")
        self.assertEqual(self.as_role("admin", "member", "export", xlsx).code, OK)
        text = subprocess.run(["xlsx2csv", xlsx], capture_output=True, text=True, check=True).stdout
        self.assertEqual(list(csv.DictReader(io.StringIO(text)))[1]["notes"], "'=HYPERLINK(\"x\")")

    def test_a_bad_file_is_refused_whole_with_a_report_naming_row_column_and_value(self):
        bad = self.path("bad.csv")
        with open(bad, "w", encoding="utf-8", newline="") as f:
            f.write("姓名,手机号,生日\r\n好人,13700003333,1990-01-01\r\n坏日,13700005555,2023-02-30\r\n"
                    "重号,13801012345,1990-01-01\r\n")
        count = len(self.members())
        report = self.path("report.csv")
        r = self.as_role("marketing", "member", "import", bad, "--report", report)
        self.assertEqual(r.code, INVALID, r.err)
        self.assertIn("row 3, column 生日, value \"2023-02-30\"", r.err)
        problems = read_csv(report)
        self.assertEqual([(p["row"], p["column"], p["value"]) for p in problems],
                         [("3", "生日", "2023-02-30"), ("4", "手机号", "13801012345")])
        self.assertIn("M00000001", problems[1]["reason"])
        self.assertEqual(len(self.members()), count)
        # A dry run reports the same and writes nothing either.
        r = self.as_role("marketing", "--json", "member", "import", bad, "--dry-run")
        self.assertEqual(r.code, INVALID)
        self.assertEqual(len(self.members()), count)

    def test_skip_invalid_then_fix_the_rejects_and_import_them(self):
        mixed = self.path("mixed.csv")
        with open(mixed, "w", encoding="utf-8-sig", newline="") as f:
            f.write("name,mobile\r\n甲,13700000001\r\n乙,12345\r\n丙,13700000003\r\n")
        rejects = self.path("rejects.csv")
        r = self.as_role("marketing", "--json", "member", "import", mixed, "--skip-invalid", "--rejects", rejects)
        self.assertEqual(r.code, OK, r.err)
        self.assertEqual((r.json()["imported"], r.json()["rejected"]), (2, 1))
        rejected = read_csv(rejects)
        self.assertEqual([(x["name"], x["mobile"]) for x in rejected], [("乙", "12345")])
        self.assertIn("phone number", rejected[0]["reason"])
        # Fixed in the rejects file, it imports (the reason column is ignored).
        with open(rejects, "w", encoding="utf-8-sig", newline="") as f:
            f.write("name,mobile,reason\r\n乙,13700000002,\r\n")
        r = self.as_role("marketing", "--json", "member", "import", rejects)
        self.assertEqual((r.code, r.json()["imported"], r.json()["ignored_columns"]), (OK, 1, ["reason"]), r.err)

    def test_not_csv_and_empty_files_are_refused(self):
        png = self.path("logo.png")
        with open(png, "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
        r = self.as_role("marketing", "--json", "member", "import", png)
        self.assertEqual((r.code, r.json()["error"]["field"]), (INVALID, "file"))
        empty = self.path("empty.csv")
        open(empty, "w").close()
        r = self.as_role("marketing", "member", "import", empty)
        self.assertEqual(r.code, INVALID)
        self.assertIn("empty", r.err)
        self.assertEqual(self.as_role("finance", "member", "import", empty).code, DENIED)


if __name__ == "__main__":
    cli_test.CLI, cli_test.BACKEND = sys.argv[1], sys.argv[2]
    if cli_test.BACKEND not in ("sqlite", "postgresql"):
        sys.exit("backend must be sqlite or postgresql")
    suite = unittest.TestLoader().loadTestsFromTestCase(MemberFilesCliTest)
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    sys.exit(0 if result.wasSuccessful() and result.testsRun > 0 else 1)
