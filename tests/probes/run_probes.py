#!/usr/bin/env python3
"""Assessments written blind (tests/fixtures/probes): fictional documents that helpers wrote from the
form alone, without seeing the parser, printed by LibreOffice (Writer or Calc) and converted by
pdftotext, pdftotext -layout and pdf2txt, and review minutes quoting three assessments. Each text is
extracted and scored against its gold with ../shared/tools/score-extraction; it passes at its floor
(floors.txt: the F1 measured when the line was written, rounded down to 2 decimals, minus 0.02), so a
change that reads these documents worse fails. Exit 77 (skipped) when the scorer is absent.

usage: run_probes.py --piagraph BIN [--floors FILE] [--out DIR]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FIXTURES = os.path.join(ROOT, "tests", "fixtures", "probes")
SCORER = os.path.join(ROOT, "..", "shared", "tools", "score-extraction")


def read_floors(path):
    floors = []
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if line:
            text, gold, floor = line.split()
            floors.append((text, gold, float(floor)))
    return floors


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--piagraph", required=True)
    ap.add_argument("--floors", default=os.path.join(HERE, "floors.txt"))
    ap.add_argument("--out")
    args = ap.parse_args()
    if not os.path.exists(SCORER):
        print("skipped: %s is absent (../shared is not beside the repository)" % SCORER)
        return 77
    out = args.out or tempfile.mkdtemp(prefix="probes-")
    os.makedirs(out, exist_ok=True)
    failed = 0
    for text, gold, floor in read_floors(args.floors):
        model = os.path.join(out, os.path.basename(text) + ".json")
        run = subprocess.run([args.piagraph, "extract", os.path.join(FIXTURES, text), "-o", model],
                             capture_output=True, text=True)
        f1 = 0.0
        if run.returncode == 0:
            scored = subprocess.run([sys.executable, SCORER, os.path.join(FIXTURES, gold), model, "--json"],
                                    capture_output=True, text=True, check=True)
            f1 = json.loads(scored.stdout)["fields"]["ALL"]["f1"]
        ok = f1 >= floor
        failed += not ok
        print("%s %-40s F1=%.3f floor %.2f%s" % ("ok  " if ok else "FAIL", text, f1, floor,
                                                  "" if run.returncode == 0 else "  (" + run.stderr.strip() + ")"))
    print("%d probes, %d below their floor" % (len(read_floors(args.floors)), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
