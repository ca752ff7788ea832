#!/usr/bin/env python3
"""Concurrent consoles: several memberdesk-cli processes write one database at once, and the
result must equal a serial replay of the same operations (issue 11).

Usage: concurrent_consoles.py PATH/TO/memberdesk-cli sqlite|postgresql [--workers 4] [--ops 120]
                              [--members 6] [--hot 3] [--seed 11] [--session]

Each worker is a thread that runs one console process at a time, so `--workers` consoles write
at once. Its operations come from its own seeded random generator:
  - recharges, purchases (part stored value, earning coins), refunds of its own earlier purchases
    and coin redemptions on the members it owns (only it moves their money, so their order is its
    order and a serial replay of its list gives the same result);
  - recharges of a few "hot" members that every worker recharges (recharges commute);
  - "shared" recharges: every worker sends the same request with the same key at about the same
    moment; exactly one may post;
  - repeats of its own earlier requests (same key, same content): nothing may change;
  - edits: renaming its own members, and a read-modify-write counter in the notes of the hot
    members, written with --expect-version so a stale edit is refused (exit 4) and done again
    from a fresh read; no increment may be lost.
Only a conflict (exit 4) or a busy database (exit 6 saying locked/busy/deadlock/serialize) may
fail an attempt, and the retry (same key) must then succeed. A business refusal (exit 2, such as
too few coins) is allowed only if the serial replay refuses the same operation the same way.

Afterwards the operations are replayed one by one, worker after worker, into a fresh database set
up the same way, and the two must agree on every member's balances, coins, coin lots, ledger
line count, name, notes and version, on each operation's outcome and ledger lines, and on the
ledger totals; every idempotency key posted at most once; `db check` passes on both.
"""
import argparse
import json
import os
import random
import sqlite3
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli"))
import cli_test  # noqa: E402  (run, FreshDatabase and the exit codes, shared with the CLI tests)
from cli_test import CONFLICT, INVALID, OK, STORAGE, FreshDatabase  # noqa: E402

BUSY_WORDS = ("locked", "busy", "deadlock", "serializ", "could not obtain lock")
MAX_ATTEMPTS = 30


def yuan(fen):
    return "%d.%02d" % divmod(fen, 100)


def fen_of(text):
    whole, _, frac = text.partition(".")
    sign = -1 if whole.startswith("-") else 1
    return sign * (abs(int(whole)) * 100 + int((frac + "00")[:2]))


class Failure(Exception):
    pass


class Console:
    """Runs memberdesk-cli as one user against one database."""

    def __init__(self, url, user, password):
        self.url, self.user, self.password = url, user, password

    def __call__(self, *args):
        return cli_test.run("--db", self.url, "--user", self.user, "--json", *args, password=self.password)


class SessionConsole:
    """One long-running `memberdesk-cli session` process: one connection and one sign-in for all
    its operations, as a console that stays open works. Each call sends one JSON array line and
    reads its one-line record back; the answer looks like a separate process's."""

    class Answer:
        def __init__(self, record):
            self.code = record["exit_code"]
            self.out = "" if record["output"] is None else json.dumps(record["output"])
            self.err = record["stderr"]

        def json(self):
            return json.loads(self.out)

    def __init__(self, url, user, password):
        self.url, self.user, self.password = url, user, password
        env = {k: v for k, v in os.environ.items() if not k.startswith("MEMBERDESK_") or k.startswith("MEMBERDESK_TEST")}
        env["MEMBERDESK_PASSWORD"] = password
        self.proc = subprocess.Popen([cli_test.CLI, "--db", url, "--user", user, "--json", "session"], env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, start_new_session=True)

    def __call__(self, *args):
        self.proc.stdin.write(json.dumps(list(args)) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise Failure("the session ended (exit %s) before answering %s" % (self.proc.wait(), " ".join(args)))
        return SessionConsole.Answer(json.loads(line))

    def close(self):
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


def retryable(r):
    if r.code == CONFLICT:
        return True
    return r.code == STORAGE and any(w in r.err.lower() for w in BUSY_WORDS)


def setup_database(db, members, hot):
    """Seeds the demo and adds the members, serially: both databases get the same numbers."""
    r = cli_test.run("--db", db.url, "--json", "demo", "seed")
    if r.code != OK:
        raise Failure("demo seed: " + r.err)
    people = {p["role"]: p for p in r.json()["users"]}
    service = Console(db.url, people["service"]["username"], people["service"]["password"])
    numbers = []
    for i in range(members + hot):
        r = service("member", "add", "--name", "并发%d" % i, "--mobile", "139%08d" % (20000000 + i))
        if r.code != OK:
            raise Failure("member add: " + r.err)
        numbers.append(r.json()["number"])
    admin = Console(db.url, people["admin"]["username"], people["admin"]["password"])
    return service, admin, numbers


class Worker(threading.Thread):
    """One console operator. Its log holds each operation as the replay needs it, and its outcome."""

    def __init__(self, index, console, own, hot, shared, ops, seed):
        super().__init__(name="worker-%d" % index)
        self.index, self.console, self.own, self.hot, self.shared = index, console, own, hot, shared
        self.ops, self.rng = ops, random.Random("%d/%d" % (seed, index))
        self.stored = {m: 0 for m in own}  # stored value (fen) of its own members, from each answer
        self.coins = {m: 0 for m in own}
        self.purchases = []                 # [op index, txn, paid fen, refunded fen]
        self.done = []                      # (op index, args, txn) of posted requests, to repeat
        self.log = []
        self.retries = {"conflict": 0, "busy": 0}  # attempts retried, by what the console said
        self.repeats = self.refusals = 0
        self.error = None

    # --- one attempt loop: conflicts and busy are retried with the same arguments ---------
    def attempt(self, args):
        for tries in range(MAX_ATTEMPTS):
            r = self.console(*args)
            if not retryable(r):
                return r, tries
            self.retries["conflict" if r.code == CONFLICT else "busy"] += 1
            time.sleep(self.rng.uniform(0.005, 0.05) * (tries + 1))
        raise Failure("%s: still failing after %d attempts: %s" % (" ".join(args), MAX_ATTEMPTS, r.err.strip()))

    def txn(self, kind, args, ref=None, member=None):
        """Posts one ledger request; returns its JSON answer or None for a business refusal."""
        op = len(self.log)
        key = "w%d-%d" % (self.index, op)
        r, tries = self.attempt(["txn", kind, *args, "--key", key])
        entry = {"op": kind, "args": args, "key": key, "ref": ref, "code": r.code}
        self.log.append(entry)
        if r.code == INVALID:
            self.refusals += 1
            entry["message"] = r.json()["error"]["message"]
            return None
        if r.code != OK:
            raise Failure("%s %s: exit %d: %s" % (kind, " ".join(args), r.code, r.err.strip()))
        answer = r.json()
        if answer["repeated"]:
            # A retried request found its own first attempt posted: the failure it was told of was false.
            raise Failure("%s %s: an attempt reported as failed had posted (T%d)" % (kind, key, answer["txn"]))
        entry["lines"] = sorted((e["type"], e["bucket"], str(e["amount"])) for e in answer["entries"])
        entry["txn"] = answer["txn"]
        self.done.append((op, ["txn", kind, *args, "--key", key], answer["txn"]))
        if member in self.stored:
            b = answer["balances"]
            self.stored[member] = fen_of(b["stored_value"])
            self.coins[member] = b["coins"]
        return answer

    def recharge(self, member):
        self.txn("recharge", [member, yuan(self.rng.randrange(1000, 300000))], member=member)

    def purchase(self, member):
        price = self.rng.randrange(1000, 120000)
        # At most 80% of the list price from stored value: no tier discount goes below 8折.
        part = min(self.stored[member], price * 8 // 10, self.rng.randrange(0, price))
        answer = self.txn("purchase", [member, yuan(price), "--stored-value", yuan(part)], member=member)
        if answer:
            self.purchases.append([len(self.log) - 1, answer["txn"], fen_of(answer["detail"]["net"]), 0])

    def refund(self, member):
        open_ = [p for p in self.purchases if p[3] < p[2]]
        if not open_:
            return self.recharge(member)
        p = self.rng.choice(open_)
        amount = p[2] - p[3] if self.rng.random() < 0.4 else self.rng.randrange(1, p[2] - p[3] + 1)
        answer = self.txn("refund", ["T%d" % p[1], yuan(amount), "--reason", "退货"], ref=p[0])
        if answer:
            p[3] += amount
            # The refund went to the purchase's member: read its balances back from the answer.
            member = answer["member"]
            self.stored[member] = fen_of(answer["balances"]["stored_value"])
            self.coins[member] = answer["balances"]["coins"]

    def redeem(self, member):
        # Sometimes one coin more than it has: a refusal the replay must give too.
        if self.coins[member] == 0 and self.rng.random() < 0.8:
            return self.recharge(member)
        coins = self.rng.randrange(1, self.coins[member] + 2)
        self.txn("redeem", [member, str(coins)], member=member)

    def rename(self, member):
        name = "并发%d-%d" % (self.index, len(self.log))
        r, tries = self.attempt(["member", "edit", member, "--name", name])
        self.log.append({"op": "rename", "args": [member, name], "code": r.code})
        if r.code != OK:
            raise Failure("member edit %s: exit %d: %s" % (member, r.code, r.err.strip()))

    def count_up(self, member):
        """Read-modify-write of the notes counter, with the version read: a stale write is exit 4."""
        for tries in range(MAX_ATTEMPTS):
            shown = self.console("member", "show", member)
            if shown.code != OK:
                raise Failure("member show %s: %s" % (member, shown.err))
            m = shown.json()
            counter = int(m["notes"] or "0")
            r = self.console("member", "edit", member, "--notes", str(counter + 1),
                             "--expect-version", str(m["version"]))
            if r.code == OK:
                self.log.append({"op": "count_up", "args": [member], "code": OK})
                return
            if not retryable(r):
                raise Failure("member edit %s: exit %d: %s" % (member, r.code, r.err.strip()))
            self.retries["conflict" if r.code == CONFLICT else "busy"] += 1
        raise Failure("member edit %s: still stale after %d attempts" % (member, MAX_ATTEMPTS))

    def shared_recharge(self, j):
        member, amount = self.shared[j]
        args = ["txn", "recharge", member, yuan(amount), "--key", "shared-%d" % j]
        r, tries = self.attempt(args)
        if r.code != OK:
            raise Failure("shared recharge %d: exit %d: %s" % (j, r.code, r.err.strip()))
        self.log.append({"op": "shared", "args": args, "code": OK, "txn": r.json()["txn"],
                         "repeated": r.json()["repeated"], "j": j})

    def repeat(self):
        op, args, txn = self.rng.choice(self.done)
        r, tries = self.attempt(args)
        if r.code != OK or not r.json()["repeated"] or r.json()["txn"] != txn:
            raise Failure("a repeated key posted again or changed its answer: %s -> exit %d %s" % (args, r.code, r.out))
        self.repeats += 1
        self.log.append({"op": "repeat", "args": args, "code": OK})

    def run(self):
        try:
            every = max(1, self.ops // max(1, len(self.shared)))
            for i in range(self.ops):
                if i % every == every - 1 and i // every < len(self.shared):
                    self.shared_recharge(i // every)
                    continue
                member = self.rng.choice(self.own)
                roll = self.rng.random()
                if roll < 0.22:
                    self.recharge(member)
                elif roll < 0.30:
                    self.recharge(self.rng.choice(self.hot))
                elif roll < 0.52:
                    self.purchase(member)
                elif roll < 0.62:
                    self.refund(member)
                elif roll < 0.74:
                    self.redeem(member)
                elif roll < 0.82:
                    self.rename(member)
                elif roll < 0.94:
                    self.count_up(self.rng.choice(self.hot))
                elif self.done:
                    self.repeat()
                else:
                    self.recharge(member)
        except Exception as e:  # noqa: BLE001  (reported by the main thread)
            self.error = "%s: %s" % (self.name, e)


def replay(console, workers):
    """Every worker's operations, one at a time, worker after worker: the serial run."""
    txn_of = {}  # (worker, op) -> txn in the replay database
    mismatches = []
    shared_done = set()
    for w in workers:
        for op, entry in enumerate(w.log):
            kind = entry["op"]
            if kind == "repeat":
                continue
            if kind == "shared":
                if entry["j"] in shared_done:
                    continue
                shared_done.add(entry["j"])
                r = console(*entry["args"])
            elif kind == "rename":
                r = console("member", "edit", entry["args"][0], "--name", entry["args"][1])
            elif kind == "count_up":
                m = console("member", "show", entry["args"][0]).json()
                r = console("member", "edit", entry["args"][0], "--notes", str(int(m["notes"] or "0") + 1))
            else:
                args = list(entry["args"])
                if kind == "refund":
                    args[0] = "T%d" % txn_of[(w.index, entry["ref"])]
                r = console("txn", kind, *args, "--key", entry["key"])
                if r.code == OK:
                    txn_of[(w.index, op)] = r.json()["txn"]
                    lines = sorted((e["type"], e["bucket"], str(e["amount"])) for e in r.json()["entries"])
                    if lines != entry.get("lines"):
                        mismatches.append("%s op %d %s: lines %s, replay %s" % (w.name, op, kind, entry.get("lines"), lines))
            if r.code != entry["code"]:
                mismatches.append("%s op %d %s %s: exit %d concurrently, %d in the replay: %s" %
                                  (w.name, op, kind, entry["args"], entry["code"], r.code, r.err.strip()))
    return mismatches


def snapshot(console, numbers):
    """What a member looks like from outside: balances, coins, lots, line count, name, notes, version."""
    out = {}
    for n in numbers:
        a = console("account", "show", n)
        m = console("member", "show", n)
        if a.code != OK or m.code != OK:
            raise Failure("reading %s: %s %s" % (n, a.err, m.err))
        a, m = a.json(), m.json()
        out[n] = {"balances": a["balances"], "lots": [(l["coins"], l["expires_on"]) for l in a["coin_lots"]],
                  "entries": a["entries"], "name": m["name"], "notes": m["notes"], "version": m["version"]}
    return out


def ledger_figures(db):
    """Read from the database itself: requests, keys posted more than once, and the sums by bucket."""
    queries = {
        "requests": "SELECT COUNT(*) FROM ledger_requests",
        "test_requests": "SELECT COUNT(*) FROM ledger_requests WHERE idem_key LIKE 'w%' OR idem_key LIKE 'shared-%'",
        "duplicate_keys": "SELECT COUNT(*) FROM (SELECT idem_key FROM ledger_requests GROUP BY idem_key HAVING COUNT(*) > 1) d",
        "entries": "SELECT COUNT(*) FROM ledger_entries",
        "by_bucket": "SELECT bucket || ':' || SUM(amount) FROM ledger_entries GROUP BY bucket ORDER BY bucket",
        "account_totals": "SELECT SUM(principal) || ':' || SUM(bonus) || ':' || SUM(compensation) || ':' || SUM(coins) FROM accounts",
    }
    out = {}
    for name, sql in queries.items():
        if cli_test.BACKEND == "sqlite":
            con = sqlite3.connect("file:%s?mode=ro" % db.path, uri=True)
            rows = [str(r[0]) for r in con.execute(sql)]
            con.close()
        else:
            cmd = db.psql[:]
            cmd[cmd.index("postgres", cmd.index("-d"))] = db.name
            rows = subprocess.run(cmd[:-1] + ["-At", "-c", sql], capture_output=True, text=True, check=True).stdout.split()
        out[name] = rows
    return out


def integrity(db, admin):
    problems = []
    r = admin("db", "check")
    if r.code != OK:
        problems.append("db check: exit %d %s" % (r.code, r.out + r.err))
    if cli_test.BACKEND == "sqlite":
        con = sqlite3.connect("file:%s?mode=ro" % db.path, uri=True)
        result = con.execute("PRAGMA integrity_check").fetchall()
        mode = con.execute("PRAGMA journal_mode").fetchone()[0]
        con.close()
        if result != [("ok",)]:
            problems.append("integrity_check: %s" % result)
        if mode != "wal":
            problems.append("journal mode %s, not wal" % mode)
    return problems


def first_posting_race(consoles=8):
    """A member's first posting from several consoles at once: every one must post.

    The consoles are held at the account lock (PostgreSQL: the accounts table locked; SQLite: the
    write lock) and let go together, so they all look for the account before any has made it.
    PostgreSQL used to refuse all but one with a unique-index storage error (exit 6)."""
    db = FreshDatabase()
    try:
        service, admin, numbers = setup_database(db, 1, 0)
        member = numbers[0]
        if cli_test.BACKEND == "sqlite":
            holder = sqlite3.connect(db.path, isolation_level=None)
            holder.execute("BEGIN IMMEDIATE")
            release = lambda: holder.execute("COMMIT")  # noqa: E731
        else:
            cmd = db.psql[:-1]
            cmd[cmd.index("postgres", cmd.index("-d"))] = db.name
            holder = subprocess.Popen(cmd + ["-At"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
            holder.stdin.write("BEGIN;\nLOCK TABLE accounts IN EXCLUSIVE MODE;\nSELECT 'locked';\n")
            holder.stdin.flush()
            if holder.stdout.readline().strip() != "locked":
                raise Failure("could not lock the accounts table")

            def release():
                holder.stdin.write("COMMIT;\n")
                holder.stdin.close()
                holder.wait(timeout=60)
        racers = []
        for i in range(consoles):
            env = {k: v for k, v in os.environ.items() if not k.startswith("MEMBERDESK_") or k.startswith("MEMBERDESK_TEST")}
            env["MEMBERDESK_PASSWORD"] = service.password
            racers.append(subprocess.Popen([cli_test.CLI, "--db", db.url, "--user", service.user, "--json", "txn",
                                            "recharge", member, "100", "--key", "race-%d" % i],
                                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                           text=True, env=env))
        time.sleep(3)  # every console signed in and waiting for the account
        release()
        results = [(p.wait(timeout=120), p.stderr.read().strip()) for p in racers]
        problems = ["first-posting race: exit %d: %s" % r for r in results if r[0] != OK]
        principal = service("account", "show", member).json()["balances"]["principal"]
        if principal != yuan(consoles * 10000):
            problems.append("first-posting race: principal %s after %d recharges of 100" % (principal, consoles))
        problems += ["first-posting race: " + p for p in integrity(db, admin)]
        return problems
    finally:
        db.drop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cli")
    parser.add_argument("backend", choices=["sqlite", "postgresql"])
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--ops", type=int, default=120, help="operations per worker")
    parser.add_argument("--members", type=int, default=6, help="members each worker owns")
    parser.add_argument("--hot", type=int, default=3, help="members every worker recharges and edits")
    parser.add_argument("--shared", type=int, default=10, help="requests every worker sends with one key")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--session", action="store_true",
                        help="each worker, and the replay, is one long-running `memberdesk-cli session` process "
                             "(one connection, one sign-in) instead of one process per operation")
    o = parser.parse_args()
    cli_test.CLI, cli_test.BACKEND = o.cli, o.backend

    race = first_posting_race()
    print("%s: first postings of one member from 8 consoles at once: %s" %
          (o.backend, "all posted" if not race else "; ".join(race)))
    if race:
        return 1
    live, serial = FreshDatabase(), FreshDatabase()
    try:
        started = time.time()
        service, admin, numbers = setup_database(live, o.workers * o.members, o.hot)
        replay_service, replay_admin, replay_numbers = setup_database(serial, o.workers * o.members, o.hot)
        assert numbers == replay_numbers, "both databases must number their members alike"
        hot = numbers[o.workers * o.members:]
        plan = random.Random(o.seed)
        shared = [(plan.choice(hot), plan.randrange(1000, 100000)) for _ in range(o.shared)]
        console_kind = SessionConsole if o.session else Console
        workers = [Worker(i, console_kind(live.url, service.user, service.password),
                          numbers[i * o.members:(i + 1) * o.members], hot, shared, o.ops, o.seed)
                   for i in range(o.workers)]
        t0 = time.time()
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        concurrent_seconds = time.time() - t0
        for w in workers:
            if o.session:
                w.console.close()
        errors = [w.error for w in workers if w.error]
        if errors:
            print("\n".join(errors))
            return 1
        ops = sum(len(w.log) for w in workers)
        print("%s: %d workers, %d operations (%s per worker) in %.0f s; retried: %d after a conflict "
              "(stale edits), %d after a busy database; %d repeated keys answered without posting, %d business refusals" %
              (o.backend, o.workers, ops, "/".join(str(len(w.log)) for w in workers), concurrent_seconds,
               sum(w.retries["conflict"] for w in workers), sum(w.retries["busy"] for w in workers),
               sum(w.repeats for w in workers), sum(w.refusals for w in workers)))

        problems = []
        for j in range(o.shared):
            answers = [(e["txn"], e["repeated"]) for w in workers for e in w.log if e["op"] == "shared" and e["j"] == j]
            if len({t for t, _ in answers}) != 1 or sum(1 for _, rep in answers if not rep) != 1:
                problems.append("shared request %d: answers %s (one posting, the others repeats)" % (j, answers))

        t0 = time.time()
        replay_console = console_kind(serial.url, replay_service.user, replay_service.password)
        problems += replay(replay_console, workers)
        replay_seconds = time.time() - t0
        if o.session:
            replay_console.close()
            replay_console = Console(serial.url, replay_service.user, replay_service.password)

        before, after = snapshot(service, numbers), snapshot(replay_console, numbers)
        for n in numbers:
            if before[n] != after[n]:
                problems.append("%s: concurrent %s\n    serial %s" % (n, before[n], after[n]))
        live_figures, serial_figures = ledger_figures(live), ledger_figures(serial)
        if live_figures != serial_figures:
            problems.append("ledger figures: concurrent %s, serial %s" % (live_figures, serial_figures))
        posted = sum(1 for w in workers for e in w.log if e.get("txn") and e["op"] != "shared") + o.shared
        if live_figures["test_requests"] != [str(posted)]:
            problems.append("%s requests carry the test's keys; %d were posted" % (live_figures["test_requests"], posted))
        if live_figures["duplicate_keys"] != ["0"]:
            problems.append("keys posted more than once: %s" % live_figures["duplicate_keys"])
        counted = sum(1 for w in workers for e in w.log if e["op"] == "count_up")
        notes_total = sum(int(before[n]["notes"] or "0") for n in hot)
        if notes_total != counted:
            problems.append("lost edits: %d counter increments made, the notes add up to %d" % (counted, notes_total))
        problems += ["concurrent: " + p for p in integrity(live, admin)]
        problems += ["serial: " + p for p in integrity(serial, replay_admin)]

        print("replayed %d operations serially in %.0f s: %s; %d ledger requests, %d counter edits; total %.0f s" %
              (sum(1 for w in workers for e in w.log if e["op"] != "repeat"), replay_seconds,
               "balances, coins, lots, edits and ledger totals equal" if not problems else "DIFFERENCES",
               posted, counted, time.time() - started))
        for p in problems:
            print("  " + p)
        return 1 if problems else 0
    finally:
        live.drop()
        serial.drop()


if __name__ == "__main__":
    sys.exit(main())
