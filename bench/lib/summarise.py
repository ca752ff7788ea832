"""bench/run's report: reads the cases (bench/cases.txt) and the "@result" lines of every script
run's log, takes each case's median over the runs, its ratio to its baseline and whether the goal
is met, and prints the table and writes the JSON. Exits 1 when a selected case that a script
measures has no figure (its script failed or printed none, or printed one that is not a positive
number); a missed goal is a result, not a failure.

Usage: summarise.py CASES_FILE LOG_DIR JSON_OUT "CASE ..." MEMBERS RUNS PG(0|1)
"""
import glob
import json
import math
import os
import shlex
import statistics
import sys


def read_cases(path):
    cases = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            name, script, goal, what, note = [c.strip() for c in line.rstrip("\n").split("|")]
            cases.append({"case": name, "script": None if script == "-" else script,
                          "goal": None if goal == "-" else goal, "what": what,
                          "vs": note[3:] if note.startswith("vs=") else None,
                          "reason": None if note.startswith("vs=") or not note else note})
    return cases


def read_results(log_dir):
    """case → {"values": [...], "unit", "baseline", "baseline_values": [...]} over every run's log."""
    results = {}
    for log in sorted(glob.glob(os.path.join(log_dir, "*.log"))):
        with open(log, encoding="utf-8", errors="replace") as f:
            for line in f:
                if not line.startswith("@result "):
                    continue
                fields = dict(kv.split("=", 1) for kv in shlex.split(line[len("@result "):]))
                r = results.setdefault(fields["case"], {"values": [], "unit": fields.get("unit", ""),
                                                        "baseline": None, "baseline_values": []})
                r["values"].append(number(fields.get("value")))
                if "baseline" in fields:
                    r["baseline"] = fields["baseline"]
                    r["baseline_values"].append(number(fields.get("baseline_value")))
    return results


def number(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return float("nan")


def median(values):
    good = [v for v in values if math.isfinite(v)]
    return statistics.median(good) if len(good) == len(values) and good else None


def ratio(value, unit, baseline):
    if value is None or not baseline:
        return None
    return baseline / value if unit.endswith("/s") else value / baseline


def met(goal, value, r):
    if goal is None or value is None:
        return None
    for op in ("<=", ">=", "<"):
        if op in goal:
            what, limit = goal.split(op)
            x = r if what == "ratio" else value
            if x is None:
                return None
            limit = float(limit.split()[0])
            return x <= limit if op == "<=" else x >= limit if op == ">=" else x < limit
    raise ValueError("goal " + goal)


def goal_text(goal, unit):
    if goal is None:
        return "-"
    for op, shown in (("<=", "≤"), (">=", "≥"), ("<", "<")):
        if op in goal:
            what, limit = goal.split(op)
            if what == "ratio":
                return f"{shown} {limit}×"
            # A goal may name its unit, for a case with no figure (and so no unit) yet.
            return f"{shown} {limit}" if " " in limit else f"{shown} {limit} {unit}".rstrip()
    return goal


def fmt(x):
    if x is None:
        return "-"
    return f"{x:.0f}" if abs(x) >= 100 else f"{x:.1f}" if abs(x) >= 10 else f"{x:.2f}" if abs(x) >= 0.1 else f"{x:.3g}"


def runs_log(log_dir):
    """script → [exit status of each run] from the status file bench/run writes."""
    runs = {}
    path = os.path.join(log_dir, "status")
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                script, _, rc = line.split()
                runs.setdefault(script, []).append(int(rc))
    return runs


def main():
    cases_file, log_dir, json_out, selected, members, runs, pg = sys.argv[1:8]
    selected = selected.split()
    cases = {c["case"]: c for c in read_cases(cases_file)}
    results = read_results(log_dir)
    statuses = runs_log(log_dir)
    rows, failed = [], 0
    for name in selected:
        c = cases[name]
        r = results.get(name)
        row = {"case": name, "what": c["what"], "script": c["script"] and f"bench/run_{c['script']}.sh",
               "status": "measured", "value": None, "unit": r["unit"] if r else "", "runs": r["values"] if r else [],
               "baseline": None, "baseline_value": None, "ratio": None, "goal": c["goal"], "met": None,
               "reason": None}
        if c["script"] is None:
            row.update(status="not measured", reason=c["reason"])
        else:
            value = median(row["runs"])
            if value is None or value <= 0:
                bad = [rc for rc in statuses.get(c["script"], []) if rc != 0]
                why = (f"bench/run_{c['script']}.sh exited {bad[0]} (its log is in {log_dir})" if bad
                       else f"bench/run_{c['script']}.sh printed no positive figure for it")
                row.update(status="failed", reason=why)
                failed += 1
            else:
                row["value"] = value
                if c["vs"]:
                    base = results.get(c["vs"])
                    row["baseline"] = f"SQLite: {c['vs']}"
                    row["baseline_value"] = median(base["values"]) if base else None
                elif r["baseline"] is not None:
                    row["baseline"] = r["baseline"]
                    row["baseline_value"] = median(r["baseline_values"])
                row["ratio"] = ratio(value, row["unit"], row["baseline_value"])
                row["met"] = met(c["goal"], value, row["ratio"])
        rows.append(row)

    document = {"members": int(members), "runs": int(runs), "postgresql": pg == "1", "cases": rows}
    os.makedirs(os.path.dirname(os.path.abspath(json_out)), exist_ok=True)
    with open(json_out, "w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False, indent=2)

    table = [("case", "figure", "baseline", "baseline figure", "ratio", "goal", "met")]
    for row in rows:
        unit = row["unit"]
        if row["status"] != "measured":
            table.append((row["case"], row["status"], "", "", "", goal_text(row["goal"], unit), "-"))
            continue
        table.append((row["case"], f"{fmt(row['value'])} {unit}", row["baseline"] or "-",
                      f"{fmt(row['baseline_value'])} {unit}" if row["baseline"] else "-",
                      f"{row['ratio']:.2f}" if row["ratio"] is not None else "-", goal_text(row["goal"], unit),
                      {True: "yes", False: "no", None: "-"}[row["met"]]))
    widths = [max(len(t[i]) for t in table) for i in range(len(table[0]))]
    print(f"\n{members} members, median of {runs} run(s){', with PostgreSQL' if pg == '1' else ''}:")
    for i, t in enumerate(table):
        print("  ".join(cell.ljust(w) if j in (0, 2) else cell.rjust(w) for j, (cell, w) in enumerate(zip(t, widths))).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))
    for row in rows:
        if row["reason"]:
            print(f"{row['case']}: {row['status']}: {row['reason']}")
    print(f"\nJSON: {json_out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
