#!/usr/bin/env python3
"""piagraph-synth then piagraph batch (issue 13): the same seed gives the same bytes, a higher
--defect-rate plants more defects, both conversions (markdown-like with tab rows, pdftotext-like
without) are written, and the batch reports the planted defects (recall >= 0.95 on file, kind and
line of expected-findings.jsonl) and fills the index with one assessment per document.

usage: run_synth.py --piagraph EXE --synth EXE --out DIR [--orgs N] [--per-org M]
"""
import argparse
import collections
import filecmp
import json
import os
import shutil
import sqlite3
import subprocess
import sys


def same_tree(a, b):
    cmp = filecmp.dircmp(a, b)
    if cmp.left_only or cmp.right_only or cmp.diff_files or cmp.funny_files:
        return False
    for sub in cmp.common_dirs:
        if not same_tree(os.path.join(a, sub), os.path.join(b, sub)):
            return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, cmp.common_files, shallow=False)
    return not mismatch and not errors


def synth(args, out, orgs, per_org, rate=None):
    """Writes a corpus; returns its expected findings."""
    subprocess.run([args.synth, "--orgs", str(orgs), "--per-org", str(per_org), "--seed", "1", "-o", out]
                   + (["--defect-rate", str(rate)] if rate is not None else []), check=True)
    with open(os.path.join(out, "expected-findings.jsonl"), encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def conversions(corpus):
    """How many documents of each conversion: tab rows make a markdown-like text."""
    count = collections.Counter()
    for folder, _, names in os.walk(corpus):
        for n in names:
            if n.endswith(".txt"):
                with open(os.path.join(folder, n), encoding="utf-8") as f:
                    count["markdown" if "\t" in f.read() else "pdftotext"] += 1
    return count


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--piagraph", required=True)
    ap.add_argument("--synth", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--orgs", type=int, default=50)
    ap.add_argument("--per-org", type=int, default=4)
    args = ap.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    corpus, again, out = (os.path.join(args.out, d) for d in ("corpus", "again", "out"))
    expected = [synth(args, d, args.orgs, args.per_org) for d in (corpus, again)][0]
    problems = []
    if not same_tree(corpus, again):
        problems.append("the same seed gave different bytes")
    shutil.rmtree(again)
    few, many = (len(synth(args, os.path.join(args.out, f"rate-{r}"), 10, 4, r)) for r in (0, 0.5))
    print(f"synth: {few} planted defects at --defect-rate 0, {many} at 0.5 (10 x 4 documents)")
    if few >= many:
        problems.append("--defect-rate 0.5 planted no more defects than 0")
    shares = conversions(corpus)
    print("synth: documents by conversion:", dict(sorted(shares.items())))
    if min(shares["markdown"], shares["pdftotext"]) == 0:
        problems.append("not both conversions")
    r = subprocess.run([args.piagraph, "--lang", "en", "batch", corpus, "-o", out, "--jobs", "2", "--no-report"],
                       capture_output=True, text=True)
    print(r.stderr.strip())
    if r.returncode != 0:
        problems.append(f"batch exit code {r.returncode}")
    with open(os.path.join(out, "findings.jsonl"), encoding="utf-8") as f:
        found = {(j["file"], j["kind"], j["line"]) for j in map(json.loads, f)}
    missed = collections.Counter(e["kind"] for e in expected if (e["file"], e["kind"], e["line"]) not in found)
    hits = len(expected) - sum(missed.values())
    recall = hits / len(expected) if expected else 0.0
    planted = {(e["file"], e["kind"], e["line"]) for e in expected}
    print(f"synth: {len(expected)} planted defects, {hits} reported, recall {recall:.3f}; missed by kind: "
          f"{dict(missed.most_common())}; {len(found - planted)} findings beside the planted ones")
    if recall < 0.95:
        problems.append(f"recall {recall:.3f} < 0.95")
    documents = sum(len(files) for _, _, files in os.walk(corpus)) - 1  # expected-findings.jsonl
    assessments = sqlite3.connect(os.path.join(out, "index.sqlite")).execute(
        "select count(*) from assessments").fetchone()[0]
    if assessments != documents:
        problems.append(f"{assessments} assessments in the index for {documents} documents")
    for p in problems:
        print("synth: FAIL:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
