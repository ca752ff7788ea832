"""bench.tiny's check of bench/run's JSON: it parses, every case of bench/cases.txt is in it (the
PostgreSQL ones when they ran), every case a script measures has a positive finite figure, and
only the cases no script measures say "not measured" (with a reason).
Usage: check_results.py RESULTS_JSON CASES_FILE WITH_PG(0|1)"""
import json
import math
import sys

results_path, cases_path, with_pg = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
expected = {}
with open(cases_path, encoding="utf-8") as f:
    for line in f:
        if line.strip() and not line.lstrip().startswith("#"):
            name, script = [c.strip() for c in line.split("|")[:2]]
            if with_pg or not name.startswith("pg_"):
                expected[name] = script != "-"

with open(results_path, encoding="utf-8") as f:
    document = json.load(f)
got = {row["case"]: row for row in document["cases"]}
problems = [f"{name}: missing from the results" for name in expected if name not in got]
problems += [f"{name}: not a case of bench/cases.txt" for name in got if name not in expected]
for name, measured in expected.items():
    row = got.get(name)
    if row is None:
        continue
    if not measured:
        if row["status"] != "not measured" or not row.get("reason"):
            problems.append(f"{name}: no script measures it, yet it is {row['status']!r} without a reason")
        continue
    value = row.get("value")
    if row["status"] != "measured" or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
        problems.append(f"{name}: no positive figure ({row['status']}: {row.get('reason')}, value {value!r})")
    elif not row.get("unit"):
        problems.append(f"{name}: a figure without a unit")

for p in problems:
    print("bench.tiny:", p)
print(f"bench.tiny: {len(got)} cases, {len(problems)} problem(s)")
sys.exit(1 if problems else 0)
