#!/usr/bin/env python3
"""Every view written with `-T graphml` must load in a real GraphML reader (networkx).

usage: run_graphml.py --piagraph EXE

networkx (Debian's python3-networkx, installed by scripts/setup.sh) reads the file with its
own parser and key table; the graph it reads must have the nodes and edges piagraph wrote, each
node with its label and every edge between nodes that exist. Inputs: every view of the example
city and, when ../shared is beside the checkout, of corpus 003. Exit 0 all read, 1 some failed,
77 networkx is missing (skipped).
"""
import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VIEWS = ["annex1", "systems", "flows", "org"]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--piagraph", default=os.path.join(REPO, "build", "piagraph"))
    args = ap.parse_args(argv)
    try:
        import networkx
    except ImportError:
        print("run_graphml: SKIPPED: python3-networkx is not installed")
        return 77
    inputs = [("midori", os.path.join(REPO, "examples", "midori"))]
    inputs += [("003", p) for p in glob.glob(os.path.join(REPO, "..", "shared", "corpus", "003_*.txt"))]
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in inputs:
            for view in VIEWS:
                out = os.path.join(tmp, "%s-%s.graphml" % (name, view))
                p = subprocess.run([args.piagraph, "render", path, "--view", view, "-T", "graphml", "-o", out],
                                   capture_output=True, timeout=300)
                problems = []
                if p.returncode != 0:
                    problems.append("piagraph exit %d" % p.returncode)
                else:
                    with open(out, encoding="utf-8") as f:
                        raw = f.read()
                    written_nodes = len(re.findall(r"<node\b", raw))
                    written_edges = len(re.findall(r"<edge\b", raw))
                    try:
                        g = networkx.read_graphml(out)
                    except Exception as e:  # any reader error is the finding
                        problems.append("networkx cannot read it: %s" % e)
                    else:
                        if g.number_of_nodes() != written_nodes:
                            problems.append("%d nodes read, %d written" % (g.number_of_nodes(), written_nodes))
                        if g.number_of_edges() != written_edges:
                            problems.append("%d edges read, %d written" % (g.number_of_edges(), written_edges))
                        unlabelled = [n for n, d in g.nodes(data=True) if "label" not in d]
                        if unlabelled:
                            problems.append("nodes without a label: %s" % ", ".join(unlabelled[:5]))
                        if g.number_of_nodes() == 0:
                            problems.append("empty graph")
                ok = not problems
                failed += not ok
                print("%s %-16s %s" % ("PASS" if ok else "FAIL", "%s/%s" % (name, view),
                                       "; ".join(problems) or "read by networkx %s" % networkx.__version__))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
