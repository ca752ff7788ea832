#!/usr/bin/env python3
"""Crash safety: memberdesk-cli is killed with SIGKILL at random moments during long operations,
and after every kill the database must be sound and each operation whole or absent (issue 11).

Usage: crash_test.py PATH/TO/memberdesk-cli sqlite|postgresql [--kills 15] [--members 4000] [--seed 11]

Scenarios, each started on a fresh copy of one prepared database (the demo programme, imported
members, and recharges and purchases of some of them):
  import   `member import` of 12,000 new members (one transaction);
  batch    `txn batch` of 1,500 recharges and purchases (one transaction);
  tier     `tier recompute` in small batches, each committed with its checkpoint;
  cards    `card batch create` of 2,000 cards (the cards, their PIN file);
  report   a report export to XLSX.
Each scenario's uninterrupted run is timed first (and is the reference); the kills land at
seeded random moments spread over that time, and only a kill of a process still running
counts. After each kill:
  - SQLite: `PRAGMA integrity_check` is ok (Python's sqlite3, an independent reader);
  - `db check` exits 0 (every balance equal to its entries), and so does `audit verify`;
  - the import's members, the batch's postings, the card batch's cards are all there or none;
  - a recompute run cut short is resumed with `tier resume`: it must start from its last
    checkpoint (no member counted twice) and end with the uninterrupted run's tiers and counts;
  - the report file is absent or complete (a readable XLSX with the reference's sheets).
On PostgreSQL the client is killed the same way (the server rolls back its transaction).
"""
import argparse
import csv
import datetime
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli"))
import cli_test  # noqa: E402
from cli_test import OK  # noqa: E402

# Big enough that most kills land in the operation itself, not in start-up and sign-in (~0.15 s).
IMPORT_ROWS = 12000
BATCH_ROWS = 1500
CARDS = 2000
TIER_BATCH = 3
HISTORY_MEMBERS = 300


class Failure(Exception):
    pass


def cli_env(password):
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEMBERDESK_") or k.startswith("MEMBERDESK_TEST")}
    env["MEMBERDESK_PASSWORD"] = password
    return env


class Store:
    """The prepared database and the working copy each kill runs against."""

    def __init__(self, backend, folder):
        self.backend, self.folder = backend, folder
        if backend == "sqlite":
            self.base_path = os.path.join(folder, "base.db")
            self.work_path = os.path.join(folder, "work.db")
            self.base_url = "sqlite3://db=" + self.base_path
            self.url = "sqlite3://db=" + self.work_path
        else:
            self.sock = os.environ.get("MEMBERDESK_TEST_PG_SOCKET")
            self.port = os.environ.get("MEMBERDESK_TEST_PG_PORT")
            if not self.sock or not self.port:
                raise RuntimeError("the PostgreSQL run needs the server scripts/test starts (MEMBERDESK_TEST_PG_SOCKET)")
            self.base_name = "crash_base_%d" % os.getpid()
            self.work_name = "crash_work_%d" % os.getpid()
            self.admin_sql("CREATE DATABASE " + self.base_name)
            self.base_url = self.pg_url(self.base_name)
            self.url = self.pg_url(self.work_name)

    def pg_url(self, name):
        return "postgresql://dbname=%s host=%s port=%s user=postgres" % (name, self.sock, self.port)

    def admin_sql(self, statement, db="postgres"):
        return subprocess.run(["psql", "-q", "-At", "-h", self.sock, "-p", self.port, "-U", "postgres", "-d", db,
                               "-c", statement], capture_output=True, text=True, check=True).stdout

    def reset(self):
        """A fresh working copy of the prepared database."""
        if self.backend == "sqlite":
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(self.work_path + suffix):
                    os.remove(self.work_path + suffix)
            shutil.copyfile(self.base_path, self.work_path)
            os.chmod(self.work_path, 0o600)
        else:
            self.admin_sql("DROP DATABASE IF EXISTS %s WITH (FORCE)" % self.work_name)
            self.admin_sql("CREATE DATABASE %s TEMPLATE %s" % (self.work_name, self.base_name))

    def query(self, sql):
        """One value per row, as text, from the working copy."""
        if self.backend == "sqlite":
            con = sqlite3.connect(self.work_path)
            try:
                return [tuple(str(v) for v in row) for row in con.execute(sql)]
            finally:
                con.close()
        out = self.admin_sql(sql, self.work_name)
        return [tuple(line.split("|")) for line in out.splitlines() if line]

    def integrity(self):
        if self.backend != "sqlite":
            return "ok"  # PostgreSQL has no integrity_check; db check covers the ledger
        con = sqlite3.connect(self.work_path)
        try:
            return " ".join(r[0] for r in con.execute("PRAGMA integrity_check"))
        finally:
            con.close()

    def drop(self):
        if self.backend != "sqlite":
            for name in (self.work_name, self.base_name):
                subprocess.run(["psql", "-q", "-h", self.sock, "-p", self.port, "-U", "postgres", "-d", "postgres",
                                "-c", "DROP DATABASE IF EXISTS %s WITH (FORCE)" % name], capture_output=True)
        shutil.rmtree(self.folder, ignore_errors=True)


class CrashTest:
    def __init__(self, cli, store, members, rng):
        self.cli, self.store, self.rng = cli, store, rng
        self.folder = store.folder
        self.prepare(members)

    # --- running the binary ------------------------------------------------------------
    def run(self, role, *args, url=None):
        p = self.people[role]
        return cli_test.run("--db", url or self.store.url, "--user", p["username"], "--json", *args,
                            password=p["password"])

    def start(self, role, args):
        p = self.people[role]
        return subprocess.Popen([self.cli, "--db", self.store.url, "--user", p["username"], "--json", *args],
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=cli_env(p["password"]), start_new_session=True)

    # --- the prepared database and the scenarios' inputs ----------------------------------
    def prepare(self, members):
        """The prepared database: the demo programme and users, `members` imported members, and a
        history of recharges and purchases for some of them (so tiers are held and can move)."""
        today = datetime.date.fromisoformat(self.today())
        seeded = subprocess.run([self.cli, "--db", self.store.base_url, "--json", "demo", "seed"], capture_output=True,
                                text=True, env=cli_env(""), stdin=subprocess.DEVNULL, timeout=600)
        if seeded.returncode != OK:
            raise Failure("demo seed: " + seeded.stderr)
        self.people = {p["role"]: p for p in json.loads(seeded.stdout)["users"]}
        base_file = self.member_file("base.csv", members, 136, "base")
        r = self.run("service", "member", "import", base_file, url=self.store.base_url)
        if r.code != OK:
            raise Failure("member import: " + r.err)
        numbers = [row[0] for row in self.base_query("SELECT number FROM members ORDER BY id")]
        history = self.batch_file_of("history.csv", [
            row for i, m in enumerate(numbers[:HISTORY_MEMBERS])
            for row in (("recharge", m, "3000.00", "", "history-r-%d" % i),
                        ("purchase", m, "%d.00" % (900 + 7 * i % 2300), "", "history-p-%d" % i))])
        r = self.run("service", "txn", "batch", history, url=self.store.base_url)
        if r.code != OK:
            raise Failure("txn batch (history): " + r.err)
        # All that history is today's: as of 60 days ago, the members who bought hold no tier.
        self.as_of = (today - datetime.timedelta(days=60)).isoformat()
        self.import_file = self.member_file("members.csv", IMPORT_ROWS, 137, "import")
        # The batch: members recharge, then buy partly from what they just loaded.
        self.batch_file = self.batch_file_of("batch.csv", [
            ("recharge", numbers[i // 2 % len(numbers)], "%d.50" % (100 + i), "", "crash-batch-%d" % i) if i % 2 == 0
            else ("purchase", numbers[i // 2 % len(numbers)], "%d.00" % (60 + i % 50), "%d.00" % (30 + i % 20),
                  "crash-batch-%d" % i)
            for i in range(BATCH_ROWS)])
        self.base_members = int(self.base_query("SELECT COUNT(*) FROM members")[0][0])
        self.base_batches = int(self.base_query("SELECT COUNT(*) FROM card_batches")[0][0])
        self.base_cards = int(self.base_query("SELECT COUNT(*) FROM cards")[0][0])

    def member_file(self, name, rows, prefix, tag):
        path = os.path.join(self.folder, name)
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["name", "mobile", "email", "channel"])
            for i in range(rows):
                w.writerow(["%s会员%d" % (tag, i), "%d%08d" % (prefix, 40000000 + i), "%s%d@example.com" % (tag, i),
                            "store"])
        return path

    def batch_file_of(self, name, rows):
        path = os.path.join(self.folder, name)
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["kind", "member", "amount", "stored_value", "key"])
            w.writerows(rows)
        return path

    def today(self):
        # The business day (Asia/Shanghai, UTC+8), as the program counts days.
        return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date().isoformat()

    def base_query(self, sql):
        if self.store.backend == "sqlite":
            con = sqlite3.connect(self.store.base_path)
            try:
                return [tuple(str(v) for v in row) for row in con.execute(sql)]
            finally:
                con.close()
        out = self.store.admin_sql(sql, self.store.base_name)
        return [tuple(line.split("|")) for line in out.splitlines() if line]

    def scenarios(self):
        out = os.path.join(self.folder, "report.xlsx")
        return {
            "import": ("service", ["member", "import", self.import_file]),
            "batch": ("service", ["txn", "batch", self.batch_file]),
            "tier": ("marketing", ["tier", "recompute", "--as-of", self.as_of, "--batch", str(TIER_BATCH),
                                   "--purpose", "crash test"]),
            "cards": ("finance", ["card", "batch", "create", "--face", "500", "--quantity", str(CARDS), "--pins",
                                  os.path.join(self.folder, "pins.csv")]),
            "report": ("finance", ["report", "liability", "--as-of", self.today(), "--format", "xlsx", "-o", out]),
        }

    # --- what a sound database looks like after each scenario ----------------------------
    def tiers(self):
        return self.store.query("SELECT member_id, ladder, tier FROM member_tiers ORDER BY member_id, ladder")

    def last_run(self):
        rows = self.store.query("SELECT id, state, after_member, members, up, down, same FROM tier_runs "
                                "WHERE purpose = 'crash test' ORDER BY id DESC")
        return rows[0] if rows else None

    def reference(self, name):
        """The uninterrupted run: its duration and what it leaves behind."""
        self.store.reset()
        self.clean_outputs()
        role, args = self.scenarios()[name]
        t0 = time.time()
        p = self.start(role, args)
        out, err = p.communicate(timeout=600)
        seconds = time.time() - t0
        if p.returncode != OK:
            raise Failure("%s: the uninterrupted run failed: %s" % (name, err.decode()))
        ref = {"seconds": seconds}
        if name == "tier":
            ref["tiers"] = self.tiers()
            ref["run"] = self.last_run()[3:]
        if name == "report":
            with zipfile.ZipFile(os.path.join(self.folder, "report.xlsx")) as z:
                ref["sheets"] = sorted(z.namelist())
        return ref

    def measure_startup(self):
        """How long the CLI takes to start, connect and sign in (a read-only signed-in command)."""
        times = []
        for _ in range(3):
            t0 = time.time()
            if self.run("marketing", "tier", "runs").code != OK:
                raise Failure("tier runs failed")
            times.append(time.time() - t0)
        return sorted(times)[1]

    def clean_outputs(self):
        for name in ("report.xlsx", "report.xlsx.partial", "pins.csv"):
            path = os.path.join(self.folder, name)
            if os.path.exists(path):
                os.remove(path)

    def check(self, name, ref):
        """Everything that must hold after a kill; returns the problems (none is a survived kill)."""
        problems = []
        integrity = self.store.integrity()
        if integrity != "ok":
            problems.append("integrity_check: " + integrity)
        r = self.run("admin", "db", "check")
        if r.code != OK:
            problems.append("db check: exit %d %s" % (r.code, (r.out + r.err).strip()[:500]))
        r = self.run("admin", "audit", "verify")  # the audit chain's head moves in each transaction
        if r.code != OK:
            problems.append("audit verify: exit %d %s" % (r.code, (r.out + r.err).strip()[:500]))
        state = "?"
        if name == "import":
            n = int(self.store.query("SELECT COUNT(*) FROM members")[0][0]) - self.base_members
            state = "whole" if n == IMPORT_ROWS else "absent" if n == 0 else "PARTIAL"
            if state == "PARTIAL":
                problems.append("import: %d of %d members written" % (n, IMPORT_ROWS))
        elif name == "batch":
            n = int(self.store.query("SELECT COUNT(*) FROM ledger_requests WHERE idem_key LIKE 'crash-batch-%'")[0][0])
            audited = int(self.store.query("SELECT COUNT(*) FROM audit_log WHERE action = 'txn.batch' AND entity_id = 'batch.csv'")[0][0])
            state = "whole" if (n, audited) == (BATCH_ROWS, 1) else "absent" if (n, audited) == (0, 0) else "PARTIAL"
            if state == "PARTIAL":
                problems.append("batch: %d of %d postings, %d audit lines" % (n, BATCH_ROWS, audited))
        elif name == "cards":
            batches = int(self.store.query("SELECT COUNT(*) FROM card_batches")[0][0]) - self.base_batches
            cards = int(self.store.query("SELECT COUNT(*) FROM cards")[0][0]) - self.base_cards
            state = "whole" if (batches, cards) == (1, CARDS) else "absent" if (batches, cards) == (0, 0) else "PARTIAL"
            if state == "PARTIAL":
                problems.append("cards: %d batches, %d of %d cards" % (batches, cards, CARDS))
            if state == "whole":
                # The batch committed after its PIN file was written: the file is whole too.
                with open(os.path.join(self.folder, "pins.csv"), encoding="utf-8-sig", newline="") as f:
                    pins = list(csv.DictReader(f))
                if len(pins) != CARDS:
                    problems.append("cards: the batch is in but its PIN file has %d of %d rows" % (len(pins), CARDS))
        elif name == "tier":
            run = self.last_run()
            if run is None:
                state = "not started"
                if self.tiers() != self.base_tiers:
                    problems.append("tier: tiers changed without a run")
            else:
                state = "finished" if run[1] == "finished" else "resumed"
                if run[1] != "finished":
                    checkpoint = int(run[3])
                    resumed = self.run("marketing", "tier", "resume", run[0])
                    if resumed.code != OK:
                        problems.append("tier resume %s: exit %d %s" % (run[0], resumed.code, resumed.err.strip()))
                    elif checkpoint > int(ref["run"][0]):
                        problems.append("tier: checkpoint counted %d members of %s" % (checkpoint, ref["run"][0]))
                    run = self.last_run()
                if run[3:] != ref["run"]:
                    problems.append("tier: run counts %s, uninterrupted %s (a member counted twice or skipped)" %
                                    (run[3:], ref["run"]))
                if self.tiers() != ref["tiers"]:
                    problems.append("tier: the tiers differ from the uninterrupted run's")
        elif name == "report":
            path = os.path.join(self.folder, "report.xlsx")
            if not os.path.exists(path):
                state = "absent"
            else:
                try:
                    with zipfile.ZipFile(path) as z:
                        bad = z.testzip()
                        names = sorted(z.namelist())
                    state = "whole" if bad is None and names == ref["sheets"] else "PARTIAL"
                except zipfile.BadZipFile as e:
                    state = "PARTIAL"
                if state == "PARTIAL":
                    problems.append("report: %s is there but not a complete XLSX" % path)
        return state, problems

    def kill_once(self, name, ref):
        """Starts the scenario on a fresh copy and kills it at a random moment; None if it finished first."""
        self.store.reset()
        self.clean_outputs()
        role, args = self.scenarios()[name]
        # From half the start-up (connecting and signing in) to the end of the uninterrupted run.
        delay = self.rng.uniform(self.startup / 2, ref["seconds"])
        p = self.start(role, args)
        try:
            p.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            pass
        if p.poll() is not None:
            p.communicate()
            return None
        os.killpg(p.pid, signal.SIGKILL)
        p.communicate()
        if p.returncode != -signal.SIGKILL:
            return None
        return delay


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cli")
    parser.add_argument("backend", choices=["sqlite", "postgresql"])
    parser.add_argument("--kills", type=int, default=15, help="kills in all, spread over the five scenarios")
    parser.add_argument("--members", type=int, default=4000, help="members of the prepared database")
    parser.add_argument("--seed", type=int, default=11)
    o = parser.parse_args()
    cli_test.CLI, cli_test.BACKEND = o.cli, o.backend
    store = Store(o.backend, tempfile.mkdtemp(prefix="memberdesk-crash-"))
    started = time.time()
    try:
        test = CrashTest(o.cli, store, o.members, random.Random(o.seed))
        store.reset()
        test.base_tiers = test.tiers()
        test.startup = test.measure_startup()
        names = list(test.scenarios())
        refs = {n: test.reference(n) for n in names}
        print("%s: prepared %d members in %.0f s; start-up and sign-in %.2f s; uninterrupted runs: %s" %
              (o.backend, test.base_members, time.time() - started, test.startup,
               ", ".join("%s %.2f s" % (n, refs[n]["seconds"]) for n in names)))
        kills = {n: 0 for n in names}
        outcomes = {n: {} for n in names}
        finished_first = 0
        failures = []
        failed_kills = 0
        i = 0
        while sum(kills.values()) < o.kills:
            name = names[i % len(names)]
            i += 1
            delay = test.kill_once(name, refs[name])
            if delay is None:
                finished_first += 1
                if finished_first > 10 * o.kills:
                    raise Failure("the operations finish before the kills land")
                continue
            kills[name] += 1
            state, problems = test.check(name, refs[name])
            outcomes[name][state] = outcomes[name].get(state, 0) + 1
            failed_kills += 1 if problems else 0
            for p in problems:
                failures.append("%s, killed after %.3f s: %s" % (name, delay, p))
        print("%d kills survived of %d (%s); %d runs finished before their kill and were not counted; %.0f s" %
              (sum(kills.values()) - failed_kills, sum(kills.values()),
               "; ".join("%s %d: %s" % (n, kills[n], ", ".join("%s %d" % kv for kv in sorted(outcomes[n].items())))
                         for n in names),
               finished_first, time.time() - started))
        for f in failures:
            print("  " + f)
        return 1 if failures else 0
    finally:
        store.drop()


if __name__ == "__main__":
    sys.exit(main())
