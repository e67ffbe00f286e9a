#!/usr/bin/env python3
"""CI smoke of `piagraph batch` (issue 13): a 20-organisation tree of copies of the example city
(prefecture/city folders, 1 to 4 documents each), one real CLI run on 2 jobs, then the index,
findings.jsonl, index.html and each report checked; a second run must skip everything.

usage: run_smoke.py --piagraph EXE --out DIR
"""
import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(HERE, "..", "..", "examples", "midori")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--piagraph", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--orgs", type=int, default=20)
    args = ap.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    root, out = os.path.join(args.out, "root"), os.path.join(args.out, "out")
    docs = sorted(f for f in os.listdir(EXAMPLES) if f.endswith(".txt"))
    expected_docs = 0
    for i in range(args.orgs):
        org = os.path.join(root, f"県{i % 5:02d}", f"市{i:03d}")
        os.makedirs(org)
        for d in docs[: 1 + i % len(docs)]:
            shutil.copy(os.path.join(EXAMPLES, d), org)
            expected_docs += 1
    problems = []

    def run(*extra):
        start = time.monotonic()
        r = subprocess.run([args.piagraph, "--lang", "en", "batch", root, "-o", out, "--jobs", "2", *extra],
                           capture_output=True, text=True)
        return r, time.monotonic() - start

    r, seconds = run()
    print(r.stderr.strip())
    print(f"smoke: {args.orgs} organisations, {expected_docs} documents in {seconds:.1f} s")
    if r.returncode != 0:
        problems.append(f"exit code {r.returncode}")
    db = sqlite3.connect(os.path.join(out, "index.sqlite"))
    orgs = db.execute("select count(*), sum(documents), sum(failed_documents) from organisations").fetchone()
    if orgs != (args.orgs, expected_docs, 0):
        problems.append(f"organisations/documents/failed: {orgs}")
    assessments = db.execute("select count(*) from assessments").fetchone()[0]
    if assessments != expected_docs:
        problems.append(f"{assessments} assessments for {expected_docs} documents")
    findings = db.execute("select count(*) from findings").fetchone()[0]
    with open(os.path.join(out, "findings.jsonl"), encoding="utf-8") as f:
        lines = [json.loads(line) for line in f]
    if len(lines) != findings or findings == 0:
        problems.append(f"findings.jsonl has {len(lines)} lines, the index {findings}")
    for key in ("file", "kind", "line", "rule", "message", "organisation"):
        if any(key not in j for j in lines):
            problems.append(f"a findings.jsonl line lacks {key}")
    for (report,) in db.execute("select report from organisations"):
        if not report or not os.path.isfile(os.path.join(out, report)):
            problems.append(f"missing report {report}")
    with open(os.path.join(out, "index.html"), encoding="utf-8") as f:
        html = f.read()
    if not html.rstrip().endswith("</html>") or html.count("report.html\"") != args.orgs:
        problems.append("index.html does not link every report")

    r2, seconds2 = run()
    print(f"smoke: second run {seconds2:.1f} s: {r2.stderr.strip().splitlines()[-1] if r2.stderr.strip() else ''}")
    if r2.returncode != 0 or f"({args.orgs} up to date)" not in r2.stderr.replace("0 analysed, ", ""):
        problems.append("the second run did not skip every organisation")
    for p in problems:
        print("smoke: FAIL:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
