"""The bad-input catalogue: inputs every command must refuse, whole, with its documented exit code
and a message naming the field, the row and the value. bad_input_test.py runs it.

An entry: its name; the acting role (a demo role, another user name, or None for no --user);
the arguments after the global ones (bad_input_test.py adds --db, --user and --json); the exit code
(1 usage, 2 invalid input, 3 permission denied, 4 conflict, 5 not found, 6 storage); the fragments
stderr must hold; the field and value the JSON error must name (where the input has one); files
to write first, standard input, and extra environment.

{name} in arguments, files, fragments and values is a fixture of the test's database:
{dir} (a scratch folder), {today}, {tomorrow}, {member} (a member with a purchase, coins and a
card), {purchase} (its purchase, T..), {batch}, {card_active}, {card_issued}, {ticket} (an open
complaint), {campaign} (an approved campaign), {change} (a change request the administrator submitted).

Not here, on purpose: a wrong password and a wrong card PIN. Both are refused, but each also
counts the try (users.failed_sign_ins, cards.wrong_pins) so that guessing locks the account or
blocks the card; that write is the point, and cli_test.py and ledger_cli_test.py cover them.
"""
import os
from dataclasses import dataclass, field as dataclass_field
from typing import Dict, List, Optional, Union

USAGE, INVALID, DENIED, CONFLICT, NOT_FOUND, STORAGE = 1, 2, 3, 4, 5, 6
NO_FOLDER = "/nonexistent-folder-for-memberdesk"  # a folder no test machine has


@dataclass
class Bad:
    name: str
    role: Optional[str]
    args: List[str]
    code: int
    says: List[str]
    field: Optional[str] = None
    value: Optional[str] = None
    files: Dict[str, Union[str, bytes]] = dataclass_field(default_factory=dict)
    stdin: Optional[str] = None
    env: Dict[str, str] = dataclass_field(default_factory=dict)
    password: Optional[str] = None  # overrides the role's; "" gives none at all


def campaign_json(**changes):
    """A good campaign for tomorrow, as JSON text, with some fields changed or removed (None)."""
    import json
    item = {"code": "bad_input_day", "name_zh": "会员日", "name_en": "Member day", "type": "member_day",
            "starts_at": "{tomorrow} 10:00", "ends_at": "{tomorrow} 22:00", "owner": "li.na",
            "budget": {"activity": "300.00"}}
    item.update(changes)
    return json.dumps({k: v for k, v in item.items() if v is not None}, ensure_ascii=False)


def members_csv(*rows, header="name,mobile,birthday"):
    return "\r\n".join([header, *rows]) + "\r\n"


GOOD_ROWS = ["好人甲,13700001001,1990-01-01", "好人乙,13700001002,1991-02-03", "好人丙,13700001003,",
             "好人丁,13700001004,1985-12-31"]
LONG_CHINESE_NAME = "张" * 100  # 300 bytes, over the 200 a name may hold
# A whole programme the import and the what-if accept, so that the entry's one flaw is what is refused.
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "assets", "demo", "program.json"),
          encoding="utf-8") as _f:
    DEMO_PROGRAMME = _f.read()


def catalogue():
    c = []
    add = lambda *a, **k: c.append(Bad(*a, **k))

    # --- global flags and sign-in ------------------------------------------------------------
    # CLI11 answers an unknown command with "A subcommand is required", without naming it.
    add("unknown command", "admin", ["frobnicate"], USAGE, ["subcommand"])
    add("unknown global flag", "admin", ["--colour", "member", "find", "王"], USAGE, ["--colour"])
    add("no subcommand", "admin", ["member"], USAGE, ["subcommand"])
    add("unknown database scheme", None, ["--db", "mysql://db=x", "db", "status"], INVALID, ["unknown scheme", "mysql"])
    add("unknown user", "nobody", ["member", "find", "王"], DENIED, ['no user "nobody"'])
    add("no password given", "admin", ["user", "list"], USAGE, ["MEMBERDESK_PASSWORD"], password="")

    # --- db -------------------------------------------------------------------------------------
    add("db init on a database in use", None, ["db", "init"], CONFLICT, ["already holds"], password="admin-secret")
    add("db migrate by service", "service", ["db", "migrate"], DENIED, ["permission denied"])
    add("db check by marketing", "marketing", ["db", "check"], DENIED, ["permission denied"])
    add("db status with an extra argument", "admin", ["db", "status", "now"], USAGE, ["now"])
    add("db backup over an existing file", "admin", ["db", "backup", "{dir}/exists.db"], CONFLICT, ["already exists"],
        files={"exists.db": "keep me"})
    add("db backup by finance", "finance", ["db", "backup", "{dir}/finance.db"], DENIED, ["permission denied", "db.backup"])
    add("db backup into a missing folder", "admin", ["db", "backup", NO_FOLDER + "/b.db"], STORAGE, ["does not exist"])
    add("db restore of random bytes", "admin", ["db", "restore", "{dir}/noise.bin", "--replace"], INVALID,
        ["not a usable MemberDesk backup", "noise.bin"], field="file", value="{dir}/noise.bin",
        files={"noise.bin": bytes(range(256)) * 8})
    add("db restore of a CSV file", "admin", ["db", "restore", "{dir}/members.csv", "--replace"], INVALID,
        ["neither a SQLite database nor a PostgreSQL dump"], field="file", value="{dir}/members.csv",
        files={"members.csv": members_csv(*GOOD_ROWS)})
    add("db restore of a missing file", "admin", ["db", "restore", "{dir}/none.db", "--replace"], NOT_FOUND, ["none.db"])
    add("db backup-status reminder of 0 days", "admin", ["db", "backup-status", "--remind-after", "0"], INVALID,
        ["days"], field="days", value="0")
    add("db backup-status by the auditor", "auditor", ["db", "backup-status"], DENIED, ["permission denied"])

    # --- user -----------------------------------------------------------------------------------
    add("user add with an unknown role", "admin", ["user", "add", "zed", "--role", "boss"], INVALID, ["boss"],
        field="role", value="boss", env={"MEMBERDESK_NEW_PASSWORD": "zed-secret1"})
    add("user add with a bad user name", "admin", ["user", "add", "Bad Name!", "--role", "service"], INVALID,
        ["Bad Name!"], field="username", value="Bad Name!", env={"MEMBERDESK_NEW_PASSWORD": "zed-secret1"})
    add("user add of an existing user", "admin", ["user", "add", "li.na", "--role", "service"], CONFLICT, ["li.na"],
        env={"MEMBERDESK_NEW_PASSWORD": "zed-secret1"})
    add("user add with a short password", "admin", ["user", "add", "zed", "--role", "service"], INVALID,
        ["password"], field="password", env={"MEMBERDESK_NEW_PASSWORD": "short"})
    add("user add by service", "service", ["user", "add", "eve", "--role", "admin"], DENIED, ["permission denied"],
        env={"MEMBERDESK_NEW_PASSWORD": "eve-secret1"})
    add("user list by finance", "finance", ["user", "list"], DENIED, ["permission denied"])
    add("user show of nobody", "admin", ["user", "show", "nobody"], NOT_FOUND, ["nobody"])
    add("user set-role to an unknown role", "admin", ["user", "set-role", "li.na", "boss"], INVALID, ["boss"],
        field="role", value="boss")
    add("user set-name with a stale version", "admin", ["user", "set-name", "li.na", "Li", "--expect-version", "99"],
        CONFLICT, ["li.na"])
    add("user set-role with a version that is not a number", "admin",
        ["user", "set-role", "li.na", "finance", "--expect-version", "abc"], USAGE, ["abc"])
    add("user disable of nobody", "admin", ["user", "disable", "nobody"], NOT_FOUND, ["nobody"])

    # --- audit ----------------------------------------------------------------------------------
    add("audit list by service", "service", ["audit", "list"], DENIED, ["permission denied"])
    add("audit list as pdf", "admin", ["audit", "list", "--format", "pdf"], USAGE, ["pdf"])
    add("audit list from an impossible day", "auditor", ["audit", "list", "--from", "2026-13-01"], INVALID,
        ["2026-13-01"], field="from", value="2026-13-01")
    add("audit list from after to", "auditor", ["audit", "list", "--from", "2026-05-01", "--to", "2026-04-01"],
        INVALID, ["2026-05-01", "2026-04-01"], field="to", value="2026-04-01")
    add("audit list limit zero", "auditor", ["audit", "list", "--limit", "0"], INVALID, ["limit"], field="limit")
    add("audit verify by marketing", "marketing", ["audit", "verify"], DENIED, ["permission denied"])

    # --- program and change requests -----------------------------------------------------------
    add("program export as of an impossible day", "finance", ["program", "export", "--as-of", "2026-02-30"], INVALID,
        ["2026-02-30"], field="as-of", value="2026-02-30")
    add("program import of a missing file", "marketing", ["program", "import", "{dir}/none.json", "--reason", "x"],
        NOT_FOUND, ["{dir}/none.json"])
    add("program import of a file that is not JSON", "marketing", ["program", "import", "{dir}/prog.json",
        "--reason", "x"], INVALID, ["file"], field="file", files={"prog.json": "ladders: [1, 2"})
    add("program import with a blank reason", "marketing", ["program", "import", "{dir}/demo-prog.json",
        "--reason", " "], INVALID, ["reason"], field="reason", files={"demo-prog.json": DEMO_PROGRAMME})
    add("program import of an empty object", "marketing", ["program", "import", "{dir}/empty-prog.json",
        "--reason", "x"], INVALID, ["format"], field="format", files={"empty-prog.json": "{}"})
    add("program import by service", "service", ["program", "import", "{dir}/empty-prog.json", "--reason", "x"],
        DENIED, ["permission denied"], files={"empty-prog.json": "{}"})
    add("program history of an unknown kind", "auditor", ["program", "history", "frobs", "x"], INVALID, ["frobs"],
        field="kind", value="frobs")
    add("program history of an unknown ladder", "auditor", ["program", "history", "ladder", "nosuch"], NOT_FOUND,
        ["nosuch"])
    add("change show of an unknown request", "auditor", ["change", "show", "99999"], NOT_FOUND, ["99999"])
    add("change show of a request that is not a number", "auditor", ["change", "show", "abc"], USAGE, ["abc"])
    add("change approve of one's own request", "admin", ["change", "approve", "{change}", "--comment", "ok"],
        DENIED, ["{change}"])
    add("change approve by marketing", "marketing", ["change", "approve", "{change}", "--comment", "ok"], DENIED,
        ["permission denied"])
    add("change approve with a blank comment", "approver", ["change", "approve", "{change}", "--comment", " "],
        INVALID, ["comment"], field="comment")
    add("change approve by service", "service", ["change", "approve", "{change}", "--comment", "ok"], DENIED,
        ["permission denied"])
    add("change reject of an unknown request", "approver", ["change", "reject", "99999", "--comment", "no"],
        NOT_FOUND, ["99999"])
    add("change set-threshold below zero", "marketing", ["change", "set-threshold", "individual", "red_diamond", "-5",
        "--reason", "x"], INVALID, ["-5"], field="ladder individual.tiers[2].threshold", value="-5.00")
    add("change set-threshold that is not an amount", "marketing", ["change", "set-threshold", "individual",
        "red_diamond", "12abc", "--reason", "x"], INVALID, ["12abc"], field="amount", value="12abc")
    add("change set-threshold of an unknown tier", "marketing", ["change", "set-threshold", "individual",
        "purple_diamond", "2500", "--reason", "x"], NOT_FOUND, ["purple_diamond"])
    add("change set-threshold of an unknown ladder", "marketing", ["change", "set-threshold", "nosuch",
        "red_diamond", "2500", "--reason", "x"], NOT_FOUND, ["nosuch"])
    add("change set-threshold effective in the past", "marketing", ["change", "set-threshold", "individual",
        "red_diamond", "2500", "--reason", "x", "--effective", "2000-01-01"], INVALID, ["2000-01-01"],
        field="effective_from", value="2000-01-01")
    add("change propose of an unknown kind", "marketing", ["change", "propose", "frob", "--file", "{dir}/item.json",
        "--reason", "x"], INVALID, ["frob"], field="kind", value="frob", files={"item.json": "{}"})
    add("change propose of a file that is not JSON", "marketing", ["change", "propose", "ladder", "--file",
        "{dir}/broken.json", "--reason", "x"], INVALID, ["file"], field="file", files={"broken.json": "{\"code\": "})
    add("change submit of an unknown request", "marketing", ["change", "submit", "99999"], NOT_FOUND, ["99999"])
    add("change set-rule with three approvers", "admin", ["change", "set-rule", "ladder", "--approvals", "3"],
        INVALID, ["3"], field="approvals_needed", value="3")
    add("change set-rule by marketing", "marketing", ["change", "set-rule", "ladder", "--approvals", "2"], DENIED,
        ["permission denied"])
    add("change revert to a version that never was", "marketing", ["change", "revert", "ladder", "individual",
        "--to-version", "99", "--reason", "x"], NOT_FOUND, ["99"])

    # --- member ---------------------------------------------------------------------------------
    def member_add(name, extra, code, says, field=None, value=None, role="service"):
        add("member add " + name, role, ["member", "add", "--name", "孙悟空", *extra], code, says, field=field,
            value=value)
    member_add("with a short mobile", ["--mobile", "12345"], INVALID, ["12345"], "mobile", "12345")
    member_add("with a landline", ["--mobile", "010 6552 9988"], INVALID, ["010 6552 9988"], "mobile", "010 6552 9988")
    member_add("with letters for a mobile", ["--mobile", "138abcd1234"], INVALID, ["138abcd1234"], "mobile",
               "138abcd1234")
    member_add("born on 30 February", ["--birthday", "2023-02-30"], INVALID, ["2023-02-30"], "birthday", "2023-02-30")
    member_add("born in the future", ["--birthday", "2999-01-01"], INVALID, ["2999-01-01"], "birthday", "2999-01-01")
    member_add("with a bad e-mail", ["--email", "nobody"], INVALID, ["nobody"], "email", "nobody")
    member_add("with two @ in the e-mail", ["--email", "a@b@example.com"], INVALID, ["a@b@example.com"], "email",
               "a@b@example.com")
    member_add("with an existing mobile", ["--mobile", "13801012345"], CONFLICT, ["M00000001"])
    member_add("with an unknown gender", ["--gender", "robot"], INVALID, ["robot"], "gender", "robot")
    member_add("of a group without company", ["--type", "group"], INVALID, ["company"], "company")
    member_add("of an unknown type", ["--type", "family"], INVALID, ["family"], "type", "family")
    member_add("from an unknown channel", ["--channel", "fax"], INVALID, ["fax"], "channel", "fax")
    member_add("with an overlong tag", ["--tags", "vip," + "t" * 41], INVALID, ["t" * 41], "tags", "t" * 41)
    member_add("with overlong notes", ["--notes", "n" * 4001], INVALID, ["notes"], "notes")
    member_add("with an unknown referrer", ["--referrer", "M99999999"], INVALID, ["M99999999"], "referrer",
               "M99999999")
    member_add("with a referrer that is not a number", ["--referrer", "bogus"], INVALID, ["bogus"], "referrer", "bogus")
    member_add("with a consent that is neither yes nor no", ["--sms-consent", "maybe"], USAGE, ["maybe"])
    member_add("by the auditor", [], DENIED, ["permission denied"], role="auditor")
    add("member add with a blank name", "service", ["member", "add", "--name", " "], INVALID, ["name"], field="name")
    add("member add with an overlong Chinese name", "service", ["member", "add", "--name", LONG_CHINESE_NAME],
        INVALID, ["name", "200"], field="name")
    add("member show of an unknown number", "service", ["member", "show", "M99999999"], NOT_FOUND, ["M99999999"])
    add("member show of a malformed number", "service", ["member", "show", "M12"], NOT_FOUND, ['"M12"'])
    add("member show unmasked by service", "service", ["member", "show", "M00000001", "--unmask"], DENIED,
        ["permission denied"])
    add("member edit with a stale version", "service", ["member", "edit", "M00000002", "--name", "新名",
        "--expect-version", "1"], CONFLICT, ["M00000002"])
    add("member edit born on 31 April", "service", ["member", "edit", "M00000002", "--birthday", "1990-04-31"],
        INVALID, ["1990-04-31"], field="birthday", value="1990-04-31")
    add("member edit of an unknown number", "service", ["member", "edit", "M99999999", "--name", "x"], NOT_FOUND,
        ["M99999999"])
    add("member edit to another member's mobile", "service", ["member", "edit", "M00000002", "--mobile",
        "13801012345"], CONFLICT, ["M00000001"])
    add("member find with a blank query", "service", ["member", "find", " "], INVALID, ["query"], field="query")
    add("member find limit zero", "service", ["member", "find", "王", "--limit", "0"], INVALID, ["limit"],
        field="limit")
    add("member merge into itself", "service", ["member", "merge", "M00000003", "M00000003"], INVALID, ["M00000003"])
    add("member merge of a committee member", "service", ["member", "merge", "M00000001", "M00000007"], CONFLICT,
        ["M00000007"])
    add("member merge by the auditor", "auditor", ["member", "merge", "M00000001", "M00000003"], DENIED,
        ["permission denied"])
    add("member merge of an unknown number", "service", ["member", "merge", "M00000003", "M99999999"], NOT_FOUND,
        ["M99999999"])
    add("member history of an unknown number", "service", ["member", "history", "M99999999"], NOT_FOUND,
        ["M99999999"])
    add("member export unmasked by service", "service", ["member", "export", "{dir}/x.csv", "--unmask"], DENIED,
        ["permission denied"])
    add("member export to an unknown format", "admin", ["member", "export", "{dir}/members.txt"], INVALID, ["txt"],
        field="format")
    add("member export into a missing folder", "admin", ["member", "export", NO_FOLDER + "/m.csv"], STORAGE,
        [NO_FOLDER])

    # --- member import: the whole file or nothing ------------------------------------------------
    def member_import(name, content, code, says, field=None, value=None, extra=(), role="marketing"):
        file = "import-%d.csv" % len(c)
        add("member import " + name, role, ["member", "import", "{dir}/" + file, *extra], code, says, field=field,
            value=value, files={file: content})
    member_import("of an empty file", "", INVALID, ["empty"], "file")
    member_import("of a PNG picture", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", INVALID, ["file"], "file")
    member_import("of bad UTF-8 read as UTF-8", "name,mobile\r\n".encode() + b"\xff\xfe\xc3(,13700001001\r\n",
                  INVALID, ["invalid UTF-8", "line 2"], "file", extra=("--encoding", "utf-8"))
    member_import("in an unknown encoding", members_csv(*GOOD_ROWS), INVALID, ["latin-1"], "encoding", "latin-1",
                  extra=("--encoding", "latin-1"))
    member_import("in UTF-16", members_csv(*GOOD_ROWS).encode("utf-16"), INVALID, ["file"], "file")
    member_import("without a name column", members_csv("13700001001,1990-01-01", header="mobile,birthday"),
                  INVALID, ["header"], "header")
    member_import("with two name columns", members_csv("甲,甲,13700001001", header="name,姓名,mobile"), INVALID,
                  ["姓名"], "header")
    member_import("with one bad mobile among good rows", members_csv(*GOOD_ROWS[:2], "坏号,12345,", *GOOD_ROWS[2:]),
                  INVALID, ["row 4", "mobile", '"12345"'])
    member_import("with one impossible birthday among good rows", members_csv(*GOOD_ROWS, "坏日,13700001009,2023-02-30"),
                  INVALID, ["row 6", "birthday", '"2023-02-30"'])
    member_import("with one future birthday among good rows", members_csv("未来,13700001009,2999-01-01", *GOOD_ROWS),
                  INVALID, ["row 2", "birthday", '"2999-01-01"'])
    member_import("with the same mobile on two rows", members_csv(*GOOD_ROWS, "重复,13700001001,"), INVALID,
                  ["row 6", "mobile"])
    member_import("with a mobile that is already a member's", members_csv(*GOOD_ROWS, "旧号,13801012345,"), INVALID,
                  ["row 6", "M00000001"])
    member_import("with the same number on two rows", members_csv("M00000901,甲,13700001001", "M00000901,乙,13700001002",
                  header="number,name,mobile"), INVALID, ["row 3", "M00000901"])
    member_import("with a number that is already a member", members_csv("M00000001,甲,13700001001",
                  header="number,name,mobile"), INVALID, ["row 2", "M00000001"])
    member_import("with a malformed number", members_csv("X1,甲,13700001001", header="number,name,mobile"), INVALID,
                  ["row 2", '"X1"'])
    member_import("with an overlong field", members_csv(*GOOD_ROWS, "长," + "1" * 70000 + ","), INVALID,
                  ["row 6", "65,536"])
    member_import("with an overlong name", members_csv(*GOOD_ROWS, LONG_CHINESE_NAME + ",13700001009,"), INVALID,
                  ["row 6", "name"])
    member_import("with a row of too many columns", members_csv(*GOOD_ROWS, "多,13700001009,1990-01-01,extra"),
                  INVALID, ["row 6", "4 columns"])
    member_import("with a quote never closed", members_csv(*GOOD_ROWS, '"未闭,13700001009,'), INVALID,
                  ["quote", "line 6"], "file")
    member_import("with a consent that is neither yes nor no", members_csv("甲,13700001001,maybe",
                  header="name,mobile,consent_sms"), INVALID, ["row 2", '"maybe"'])
    member_import("with an unknown referrer", members_csv("甲,13700001001,M99999999", header="name,mobile,referrer"),
                  INVALID, ["row 2", "M99999999"])
    member_import("with a mapping to an unknown field", members_csv("甲,13700001001", header="姓名,手机"), INVALID,
                  ["nonsense"], "map", extra=("--map", "姓名=name,手机=nonsense"))
    member_import("with a mapping of a missing column", members_csv("甲,13700001001", header="姓名,手机"), INVALID,
                  ["电话"], "map", "电话", extra=("--map", "电话=mobile"))
    member_import("by finance", members_csv(*GOOD_ROWS), DENIED, ["permission denied"], role="finance")
    member_import("of GBK with a bad row", "姓名,手机号\r\n欧阳修,137-0000-1111\r\n李清照,1370000\r\n".encode("gbk"),
                  INVALID, ["row 3", "手机号", '"1370000"'])
    add("member import of a missing file", "marketing", ["member", "import", "{dir}/none.csv"], NOT_FOUND,
        ["{dir}/none.csv"])

    # --- committee and lifecycle -----------------------------------------------------------------
    add("committee list ending within negative days", "marketing", ["committee", "list", "--ending-within", "-3"],
        USAGE, ["--ending-within", "-3"])
    add("committee list ending within words", "marketing", ["committee", "list", "--ending-within", "soon"], USAGE,
        ["soon"])
    add("lifecycle run in the future", "marketing", ["lifecycle", "run", "--as-of", "2999-01-01"], INVALID,
        ["2999-01-01"], field="as_of", value="2999-01-01")
    add("lifecycle run by service", "service", ["lifecycle", "run"], DENIED, ["permission denied"])
    add("lifecycle preview on 30 February", "marketing", ["lifecycle", "preview", "--as-of", "2026-02-30"], INVALID,
        ["2026-02-30"], field="as-of", value="2026-02-30")
    add("lifecycle runs limit zero", "marketing", ["lifecycle", "runs", "--limit", "0"], USAGE, ["--limit", "0"])

    # --- transactions, accounts, packages, coins ---------------------------------------------------
    add("txn recharge below zero", "service", ["txn", "recharge", "{member}", "-5"], INVALID, ["-5"], field="amount",
        value="-5.00")
    add("txn recharge of zero", "service", ["txn", "recharge", "{member}", "0"], INVALID, ["amount"], field="amount")
    add("txn recharge of a tenth of a fen", "service", ["txn", "recharge", "{member}", "12.345"], INVALID, ["12.345"],
        field="amount", value="12.345")
    add("txn recharge in words", "service", ["txn", "recharge", "{member}", "abc"], INVALID, ["abc"], field="amount",
        value="abc")
    add("txn recharge of an absurd amount", "service", ["txn", "recharge", "{member}", "1e30"], INVALID, ["1e30"],
        field="amount", value="1e30")
    add("txn recharge of an amount past 64 bits", "service", ["txn", "recharge", "{member}",
        "99999999999999999999999"], INVALID, ["99999999999999999999999"], field="amount")
    add("txn recharge of an unknown member", "service", ["txn", "recharge", "M99999999", "100"], NOT_FOUND,
        ["M99999999"])
    add("txn recharge by the auditor", "auditor", ["txn", "recharge", "{member}", "100"], DENIED,
        ["permission denied"])
    add("txn recharge reusing a key for another amount", "service", ["txn", "recharge", "{member}", "999",
        "--key", "fixture-recharge"], CONFLICT, ["fixture-recharge"])
    add("txn purchase of more stored value than held", "service", ["txn", "purchase", "{member}", "99999",
        "--stored-value", "99999"], INVALID, ["99,999.00", "1,300.00"], field="amount", value="99999.00")
    add("txn purchase of an unknown kind", "service", ["txn", "purchase", "{member}", "10", "--kind", "fish"],
        INVALID, ["fish"], field="kind", value="fish")
    add("txn purchase from an unknown channel", "service", ["txn", "purchase", "{member}", "10", "--channel", "fax"],
        INVALID, ["fax"], field="channel", value="fax")
    add("txn refund of more than was bought", "service", ["txn", "refund", "{purchase}", "500"], INVALID,
        ["{purchase}"], field="amount")
    add("txn refund of an unknown purchase", "service", ["txn", "refund", "T99999", "5"], NOT_FOUND, ["T99999"])
    add("txn refund of a malformed number", "service", ["txn", "refund", "bogus", "5"], INVALID, ["bogus"])
    add("txn redeem of more coins than held", "service", ["txn", "redeem", "{member}", "100000"], INVALID,
        ["100000"], field="coins")
    add("txn redeem of negative coins", "service", ["txn", "redeem", "{member}", "-3"], INVALID, ["-3"],
        field="coins")
    add("txn adjust without a reason", "finance", ["txn", "adjust", "{member}", "up", "10"], INVALID, ["reason"],
        field="reason")
    add("txn adjust by service", "service", ["txn", "adjust", "{member}", "up", "10", "--reason", "x"], DENIED,
        ["permission denied"])
    add("txn adjust of an unknown bucket", "finance", ["txn", "adjust", "{member}", "up", "10", "--bucket", "gold",
        "--reason", "x"], INVALID, ["gold"], field="bucket", value="gold")
    add("txn adjust down below zero", "finance", ["txn", "adjust", "{member}", "down", "99999", "--bucket",
        "principal", "--reason", "x"], INVALID, ["99,999.00", "principal"], field="amount", value="99999.00")
    add("txn adjust sideways", "finance", ["txn", "adjust", "{member}", "sideways", "10", "--reason", "x"], USAGE,
        ["sideways"])
    add("txn adjust-limit below zero", "admin", ["txn", "adjust-limit", "-1"], INVALID, ["-1"], field="amount")
    add("txn adjust-limit set by finance", "finance", ["txn", "adjust-limit", "100"], DENIED, ["permission denied"])
    add("txn approve-adjustment of an unknown one", "admin", ["txn", "approve-adjustment", "A99999"], NOT_FOUND,
        ["A99999"])
    add("txn show of an unknown transaction", "service", ["txn", "show", "T99999"], NOT_FOUND, ["T99999"])
    add("account show of an unknown member", "service", ["account", "show", "M99999999"], NOT_FOUND, ["M99999999"])
    add("account history limit zero", "service", ["account", "history", "{member}", "--limit", "0"], USAGE,
        ["--limit", "0"])
    add("package subscribe to an unknown package", "service", ["package", "subscribe", "{member}", "caviar_daily"],
        INVALID, ["caviar_daily"], field="package", value="caviar_daily")
    add("package subscribe without enough stored value", "service", ["package", "subscribe", "{member}",
        "monthly_4_year"], INVALID, ["7,200.00", "1,300.00"], field="amount", value="7200.00")
    add("package deliver of an unknown subscription", "service", ["package", "deliver", "S99999"], NOT_FOUND,
        ["S99999"])
    add("package deliver of no deliveries", "service", ["package", "deliver", "S99999", "--count", "0"], INVALID,
        ["count"], field="count")
    add("package cancel of an unknown subscription", "service", ["package", "cancel", "S99999"], NOT_FOUND,
        ["S99999"])
    add("coins expire in the future", "finance", ["coins", "expire", "--as-of", "2999-01-01"], INVALID,
        ["2999-01-01"], field="as_of", value="2999-01-01")
    add("coins expire by service", "service", ["coins", "expire"], DENIED, ["permission denied"])

    # --- cards ------------------------------------------------------------------------------------
    add("card batch of a face value not on sale", "finance", ["card", "batch", "create", "--face", "300",
        "--quantity", "2", "--pins", "{dir}/pins.csv"], INVALID, ["300"], field="face_value")
    add("card batch of no cards", "finance", ["card", "batch", "create", "--face", "500", "--quantity", "0",
        "--pins", "{dir}/pins.csv"], INVALID, ["quantity"], field="quantity")
    add("card batch of too many cards", "finance", ["card", "batch", "create", "--face", "500", "--quantity",
        "1000001", "--pins", "{dir}/pins.csv"], INVALID, ["1000001"], field="quantity")
    add("card batch expiring in the past", "finance", ["card", "batch", "create", "--face", "500", "--quantity", "2",
        "--expires", "2000-01-01", "--pins", "{dir}/pins.csv"], INVALID, ["2000-01-01"], field="expires_on")
    add("card batch by service", "service", ["card", "batch", "create", "--face", "500", "--quantity", "2",
        "--pins", "{dir}/pins.csv"], DENIED, ["permission denied"])
    add("card batch whose PIN file cannot be written", "finance", ["card", "batch", "create", "--face", "500",
        "--quantity", "2", "--pins", NO_FOLDER + "/pins.csv"], STORAGE, [NO_FOLDER])
    add("card batch export of an unknown batch", "finance", ["card", "batch", "export", "B999999", "-o",
        "{dir}/b.csv"], NOT_FOUND, ["B999999"])
    add("card status of an unknown card", "service", ["card", "status", "0000000000000000"], NOT_FOUND,
        ["0000"])
    add("card status of a malformed card number", "service", ["card", "status", "12ab"], INVALID, ["12ab"],
        field="card", value="12ab")
    add("card sell of an activated card", "service", ["card", "sell", "{card_active}"], CONFLICT, ["activated"])
    add("card block without a reason", "service", ["card", "block", "{card_issued}"], INVALID, ["reason"],
        field="reason")
    add("card activate of an activated card", "service", ["card", "activate", "{card_active}", "--member",
        "{member}"], CONFLICT, ["activated"], stdin="000000\n")
    add("card activate for an unknown member", "service", ["card", "activate", "{card_issued}", "--member",
        "M99999999"], NOT_FOUND, ["M99999999"], stdin="000000\n")
    add("card activate without a PIN", "service", ["card", "activate", "{card_issued}", "--member", "{member}"],
        USAGE, ["PIN"], stdin="")
    add("card close by service", "service", ["card", "close", "{card_issued}", "--reason", "x"], DENIED,
        ["permission denied"])

    # --- tiers ------------------------------------------------------------------------------------
    add("tier explain of an unknown member", "service", ["tier", "explain", "M99999999"], NOT_FOUND, ["M99999999"])
    add("tier explain on an impossible day", "service", ["tier", "explain", "{member}", "--as-of", "2026-00-10"],
        INVALID, ["2026-00-10"], field="as_of", value="2026-00-10")
    add("tier override without an end", "service", ["tier", "override", "request", "{member}", "--ladder",
        "individual", "--tier", "red_diamond", "--reason", "x"], USAGE, ["--until"])
    add("tier override ending before it starts", "service", ["tier", "override", "request", "{member}", "--ladder",
        "individual", "--tier", "red_diamond", "--reason", "x", "--from", "2030-01-02", "--until", "2030-01-01"],
        INVALID, ["2030-01-01"])
    add("tier override to an unknown tier", "service", ["tier", "override", "request", "{member}", "--ladder",
        "individual", "--tier", "purple_diamond", "--reason", "x", "--until", "2099-01-01"], INVALID,
        ["purple_diamond"], field="tier", value="purple_diamond")
    add("tier override with a blank reason", "service", ["tier", "override", "request", "{member}", "--ladder",
        "individual", "--tier", "red_diamond", "--reason", " ", "--until", "2099-01-01"], INVALID, ["reason"],
        field="reason")
    add("tier override approve of an unknown one", "approver", ["tier", "override", "approve", "99999",
        "--comment", "ok"], NOT_FOUND, ["99999"])
    add("tier override approve by service", "service", ["tier", "override", "approve", "99999", "--comment", "ok"],
        DENIED, ["permission denied"])
    add("tier recompute in the future", "marketing", ["tier", "recompute", "--as-of", "2999-01-01"], INVALID,
        ["2999-01-01"], field="as_of", value="2999-01-01")
    add("tier recompute in batches of none", "marketing", ["tier", "recompute", "--batch", "0"], INVALID, ["batch"],
        field="batch")
    add("tier recompute by service", "service", ["tier", "recompute"], DENIED, ["permission denied"])
    add("tier resume of an unknown run", "marketing", ["tier", "resume", "99999"], NOT_FOUND, ["99999"])
    add("tier run log of an unknown run", "marketing", ["tier", "run", "99999"], NOT_FOUND, ["99999"])
    add("tier simulate over no months", "marketing", ["tier", "simulate", "--draft", "{dir}/draft.json", "--months",
        "0"], INVALID, ["months"], field="months", files={"draft.json": DEMO_PROGRAMME})
    add("tier simulate of an empty draft", "marketing", ["tier", "simulate", "--draft", "{dir}/draft-empty.json"],
        INVALID, ["format"], field="format", files={"draft-empty.json": "{}"})
    add("tier simulate of a draft that is not JSON", "marketing", ["tier", "simulate", "--draft", "{dir}/draft-x.json"],
        INVALID, ["draft"], files={"draft-x.json": "not json"})
    add("tier simulate of a missing draft", "marketing", ["tier", "simulate", "--draft", "{dir}/none.json"],
        NOT_FOUND, ["{dir}/none.json"])

    # --- campaigns --------------------------------------------------------------------------------
    def campaign_add(name, content, code, says, field=None, value=None, role="marketing"):
        file = "campaign-%d.json" % len(c)
        add("campaign add " + name, role, ["campaign", "add", "--file", "{dir}/" + file, "--reason", "计划"], code,
            says, field=field, value=value, files={file: content})
    campaign_add("ending before it starts", campaign_json(ends_at="{tomorrow} 09:00"), INVALID, ["ends_at"],
                 "ends_at")
    campaign_add("starting on 30 February", campaign_json(starts_at="2030-02-30 10:00"), INVALID, ["2030-02-30"],
                 "campaign.starts_at", "2030-02-30")
    campaign_add("starting at 25 o'clock", campaign_json(starts_at="{tomorrow} 25:00"), INVALID, ["25:00"],
                 "campaign.starts_at", "{tomorrow} 25:00")
    campaign_add("recurring on 31 February", campaign_json(recurrence={"kind": "yearly", "month": 2,
                 "day_of_month": 31}), INVALID, ["31"], "recurrence.day_of_month")
    campaign_add("recurring in an unknown way", campaign_json(recurrence={"kind": "fortnightly"}), INVALID,
                 ["fortnightly"], "campaign.recurrence.kind", "fortnightly")
    campaign_add("recurring no times", campaign_json(recurrence={"kind": "monthly_day", "day_of_month": 1,
                 "count": 0}), INVALID, ["count"], "recurrence.count")
    campaign_add("with nine-fold coins", campaign_json(type="double_points", coin_multiplier="9"), INVALID, ["9"],
                 "coin_multiplier", "9")
    campaign_add("with a budget below zero", campaign_json(budget={"activity": "-5"}), INVALID, ["-5"],
                 "budget.activity", "-5.00")
    campaign_add("aimed at an unknown tier", campaign_json(target={"tiers": ["individual:purple_diamond"]}), INVALID,
                 ["purple_diamond"], "target.tiers")
    campaign_add("of an unknown type", campaign_json(type="rave"), INVALID, ["rave"], "campaign.type", "rave")
    campaign_add("without a code", campaign_json(code=None), INVALID, ["code"], "campaign.code")
    campaign_add("with the code of an existing campaign", campaign_json(code="fixture_day"), CONFLICT,
                 ["fixture_day"])
    campaign_add("that is not JSON", "{\"code\": \"x\",", INVALID, ["file"], "file")
    campaign_add("by service", campaign_json(), DENIED, ["permission denied"], role="service")
    add("campaign add without a reason", "marketing", ["campaign", "add", "--file", "{dir}/c.json"], USAGE,
        ["--reason"], files={"c.json": campaign_json()})
    add("campaign show of an unknown code", "service", ["campaign", "show", "nothing"], NOT_FOUND, ["nothing"])
    add("campaign results of an unknown code", "marketing", ["campaign", "results", "nothing"], NOT_FOUND,
        ["nothing"])
    add("campaign cancel of an unknown code", "marketing", ["campaign", "cancel", "nothing", "--reason", "x"],
        NOT_FOUND, ["nothing"])
    add("campaign list from an impossible day", "service", ["campaign", "list", "--from", "2026-13-01"], INVALID,
        ["2026-13-01"], field="from", value="2026-13-01")
    add("campaign list from after to", "service", ["campaign", "list", "--from", "2026-06-01", "--to", "2026-05-01"],
        INVALID, ["2026-06-01", "2026-05-01"], field="to", value="2026-05-01")
    add("campaign ics into a missing folder", "service", ["campaign", "ics", "-o", NO_FOLDER + "/c.ics"], STORAGE,
        [NO_FOLDER])
    add("campaign submit of an unknown request", "marketing", ["campaign", "submit", "99999"], NOT_FOUND, ["99999"])

    # --- complaints ---------------------------------------------------------------------------------
    def complaint_open(name, changes, code, says, field=None, value=None, role="service"):
        options = {"--channel": "phone", "--category": "delivery", "--severity": "normal", "--subject": "晚了"}
        options.update(changes)
        member = options.pop("member", "{member}")
        args = ["complaint", "open", member] + [x for kv in options.items() for x in kv]
        add("complaint open " + name, role, args, code, says, field=field, value=value)
    complaint_open("for an unknown member", {"member": "M99999999"}, NOT_FOUND, ["M99999999"])
    complaint_open("by fax", {"--channel": "fax"}, INVALID, ["fax"], "channel", "fax")
    complaint_open("of an unknown category", {"--category": "weather"}, INVALID, ["weather"], "category", "weather")
    complaint_open("of an unknown severity", {"--severity": "extreme"}, INVALID, ["extreme"], "severity", "extreme")
    complaint_open("with a blank subject", {"--subject": " "}, INVALID, ["subject"], "complaint.subject")
    complaint_open("by finance", {}, DENIED, ["permission denied"], role="finance")
    add("complaint close with a score of nine", "service", ["complaint", "close", "{ticket}", "--satisfaction", "9"],
        INVALID, ["9"], field="complaint.satisfaction", value="9")
    add("complaint assign to nobody", "service", ["complaint", "assign", "{ticket}", "--to", "nobody"], INVALID,
        ['"nobody"'], field="owner", value="nobody")
    add("complaint note on an unknown ticket", "service", ["complaint", "note", "C2000-999999", "--text", "x"],
        NOT_FOUND, ["C2000-999999"])
    add("complaint note with a stale version", "service", ["complaint", "note", "{ticket}", "--text", "x",
        "--version", "99"], CONFLICT, ["{ticket}"])
    add("complaint compensate below zero", "service", ["complaint", "compensate", "{ticket}", "--amount", "-5",
        "--reason", "x"], INVALID, ["-5"], field="compensation.stored_value", value="-5.00")
    add("complaint compensate with nothing", "service", ["complaint", "compensate", "{ticket}", "--reason", "x"],
        INVALID, ["amount"])
    add("complaint decide of an unknown compensation", "approver", ["complaint", "decide", "99999", "--approve"],
        NOT_FOUND, ["99999"])
    add("complaint decide both ways", "approver", ["complaint", "decide", "99999", "--approve", "--reject"], INVALID,
        ["--approve or --reject"], field="decision")
    add("complaint list of an unknown queue", "service", ["complaint", "list", "--queue", "lost"], INVALID, ["lost"],
        field="queue", value="lost")

    # --- reports ---------------------------------------------------------------------------------------
    def report(name, args, code, says, field=None, value=None, role="finance"):
        add("report " + name, role, ["report", *args], code, says, field=field, value=value)
    report("of an unknown kind", ["rainfall", "--as-of", "{today}", "--format", "csv", "-o", "{dir}/r.csv"], USAGE,
           ["subcommand"])
    report("liability in the future", ["liability", "--as-of", "2999-01-01", "--format", "csv", "-o", "{dir}/r.csv"],
           INVALID, ["2999-01-01"], "as_of", "2999-01-01")
    report("liability on 30 February", ["liability", "--as-of", "2026-02-30", "--format", "csv", "-o",
           "{dir}/r.csv"], INVALID, ["2026-02-30"], "as_of", "2026-02-30")
    report("liability as docx", ["liability", "--as-of", "{today}", "--format", "docx", "-o", "{dir}/r.docx"],
           INVALID, ["docx"], "format", "docx")
    report("liability from after to", ["liability", "--as-of", "{today}", "--from", "{today}", "--to", "2020-01-01",
           "--format", "csv", "-o", "{dir}/r.csv"], INVALID, ["to:", "as-of day"], "to", "2020-01-01")
    report("liability into a missing folder", ["liability", "--as-of", "{today}", "--format", "csv", "-o",
           NO_FOLDER + "/r.csv"], STORAGE, [NO_FOLDER])
    report("liability in French", ["liability", "--as-of", "{today}", "--format", "csv", "-o", "{dir}/r.csv",
           "--lang", "fr"], INVALID, ["fr"], "lang", "fr")
    report("liability by service", ["liability", "--as-of", "{today}", "--format", "csv", "-o", "{dir}/r.csv"],
           DENIED, ["permission denied"], role="approver")
    report("liability without a day", ["liability", "--format", "csv", "-o", "{dir}/r.csv"], USAGE, ["--as-of"])
    return c


CATALOGUE = catalogue()
