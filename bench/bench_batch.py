#!/usr/bin/env python3
"""The batch benchmark (issue 13, item 5), on synthetic corpora from piagraph-synth:

  - documents/s and MB/s of `piagraph batch --no-report` on 1 and on 2 jobs (the smaller corpus);
  - the ratio of that wall time (2 jobs) to `cat` of the same files, both with a warm cache;
  - the peak RSS of `piagraph batch` (2 jobs) for each corpus and the ratio of the largest to the
    smallest (goal <= 1.2: memory stays flat as ROOT grows).

usage: bench_batch.py --piagraph EXE --synth EXE [--out DIR] [--orgs 100,1000] [--per-org 5] [--seed 1]
"""
import argparse
import os
import shutil
import subprocess
import sys
import time


def files_of(root):
    out = []
    for folder, _, names in os.walk(root):
        out += [os.path.join(folder, n) for n in sorted(names) if n != "expected-findings.jsonl"]
    return sorted(out)


def run(argv):
    """(wall seconds, peak RSS in MB, exit code) of one child; its own rusage (wait4), not the sum."""
    start = time.monotonic()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return time.monotonic() - start, usage.ru_maxrss / 1024.0, child.returncode


def cat_seconds(files):
    """Wall time of cat on the files into /dev/null, the best of three (the first warms the cache)."""
    best = None
    for _ in range(3):
        start = time.monotonic()
        with open(os.devnull, "wb") as null:
            for k in range(0, len(files), 500):
                subprocess.run(["cat"] + files[k:k + 500], stdout=null, check=True)
        took = time.monotonic() - start
        best = took if best is None else min(best, took)
    return best


def batch(args, root, out, jobs):
    shutil.rmtree(out, ignore_errors=True)
    took, rss, code = run([args.piagraph, "batch", root, "-o", out, "--jobs", str(jobs), "--quiet", "--no-report"])
    if code not in (0, 1):  # 1: some document failed, which is reported in the index, not a crash
        sys.exit("bench_batch: piagraph batch exited %d on %s" % (code, root))
    return took, rss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--piagraph", required=True)
    ap.add_argument("--synth", required=True)
    ap.add_argument("--out", default="/tmp/piagraph-bench-batch")
    ap.add_argument("--orgs", default="100,1000")
    ap.add_argument("--per-org", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    print("load:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    rss = {}
    for n, orgs in enumerate(int(x) for x in args.orgs.split(",")):
        root = os.path.join(args.out, "corpus-%d" % orgs)
        shutil.rmtree(root, ignore_errors=True)
        start = time.monotonic()
        subprocess.run([args.synth, "--orgs", str(orgs), "--per-org", str(args.per_org), "--seed", str(args.seed),
                        "-o", root], check=True)
        files = files_of(root)
        mb = sum(os.path.getsize(f) for f in files) / 1e6
        print("corpus %d organisations: %d documents, %.1f MB (generated in %.1f s)"
              % (orgs, len(files), mb, time.monotonic() - start))
        cat = cat_seconds(files)
        out = os.path.join(args.out, "out-%d" % orgs)
        for jobs in ((1, 2) if n == 0 else (2,)):
            took, rss[orgs] = batch(args, root, out, jobs)
            print("  --jobs %d: %.1f s, %.1f documents/s, %.2f MB/s, peak RSS %.0f MB"
                  % (jobs, took, len(files) / took, mb / took, rss[orgs]))
        print("  cat of the same files: %.3f s (warm); batch (--jobs 2) / cat = %.0f" % (cat, took / cat))
    if len(rss) > 1:
        small, large = min(rss), max(rss)
        print("peak RSS %d organisations / %d organisations = %.0f MB / %.0f MB = %.2f (goal <= 1.2)"
              % (large, small, rss[large], rss[small], rss[large] / rss[small]))
    print("load:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
