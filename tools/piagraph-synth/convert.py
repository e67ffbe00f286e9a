#!/usr/bin/env python3
"""piagraph-synth's conversions: the conversion simulator (tests/simulator/simulate.py) applied
to the documents piagraph-synth wrote, and their planted defects' lines carried along.

usage: convert.py JOBS.jsonl
Each job line is {"path": FILE, "variant": NAME, "lines": [[LINE, CELL], ...]}: FILE is rewritten
in place as that variant of itself; for each planted (1-based LINE, CELL = which non-empty tab
cell of the row the finding points at) one line {"lines": [NEW_LINE, ...]} is printed, in order.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tests", "simulator"))
import simulate  # noqa: E402


def convert(job):
    with open(job["path"], encoding="utf-8", newline="") as f:
        doc = simulate.Doc(f.read(), None, os.path.basename(job["path"]))
    text, lines = simulate.line_map(doc, job["variant"])
    with open(job["path"], "w", encoding="utf-8", newline="") as f:
        f.write(text)
    moved = []
    for line, cell in job["lines"]:
        produced = lines[line - 1]
        moved.append(produced[min(cell, len(produced) - 1)] if produced else 0)  # 0: the line vanished
    return moved


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            print(json.dumps({"lines": convert(json.loads(line))}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
