#!/usr/bin/env python3
"""piagraph-synth then piagraph batch (issue 13): the same seed gives the same bytes, and the batch
reports the planted defects (recall >= 0.95 on file, kind and line of expected-findings.jsonl) and
fills the index with one assessment per document.

usage: run_synth.py --piagraph EXE --synth EXE --out DIR [--orgs N] [--per-org M]
"""
import argparse
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
    for d in (corpus, again):
        subprocess.run([args.synth, "--orgs", str(args.orgs), "--per-org", str(args.per_org), "--seed", "1",
                        "-o", d], check=True)
    problems = []
    if not same_tree(corpus, again):
        problems.append("the same seed gave different bytes")
    r = subprocess.run([args.piagraph, "--lang", "en", "batch", corpus, "-o", out, "--jobs", "2", "--no-report"],
                       capture_output=True, text=True)
    print(r.stderr.strip())
    if r.returncode != 0:
        problems.append(f"batch exit code {r.returncode}")
    with open(os.path.join(corpus, "expected-findings.jsonl"), encoding="utf-8") as f:
        expected = [json.loads(line) for line in f]
    with open(os.path.join(out, "findings.jsonl"), encoding="utf-8") as f:
        found = {(j["file"], j["kind"], j["line"]) for j in map(json.loads, f)}
    hits = sum((e["file"], e["kind"], e["line"]) in found for e in expected)
    recall = hits / len(expected) if expected else 0.0
    print(f"synth: {len(expected)} planted defects, {hits} reported, recall {recall:.3f}")
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
