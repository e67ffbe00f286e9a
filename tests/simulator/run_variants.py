#!/usr/bin/env python3
"""Score piagraph on every simulated conversion variant of every source with gold.

usage: run_variants.py [--piagraph PATH] [--out DIR] [--min-f1 0.95] [--only VARIANT]
                       [--source NAME] [--json]

Sources: the corpus texts in ../shared/corpus (gold in ../shared/corpus/annotations)
and the example texts under examples/ that have a gold file
tests/fixtures/gold/<basename>.json.  A variant passes when `piagraph extract`
exits 0 and the scorer's ALL F1 is at least --min-f1.  Exit status 1 if any fails.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, HERE)
import simulate  # noqa: E402

REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
SHARED = os.path.abspath(os.path.join(REPO, "..", "shared"))
SCORER = os.path.join(SHARED, "tools", "score-extraction")


def corpus_sources():
    corpus = os.path.join(SHARED, "corpus")
    for txt in sorted(glob.glob(os.path.join(corpus, "*.txt"))):
        stem = os.path.splitext(os.path.basename(txt))[0]
        gold = os.path.join(corpus, "annotations", stem + ".json")
        if os.path.exists(gold):
            yield txt, gold


def example_sources():
    gold_dir = os.path.join(REPO, "tests", "fixtures", "gold")
    for txt in sorted(glob.glob(os.path.join(REPO, "examples", "**", "*.txt"), recursive=True)):
        gold = os.path.join(gold_dir, os.path.splitext(os.path.basename(txt))[0] + ".json")
        if os.path.exists(gold):  # examples without gold cannot be scored
            yield txt, gold


def load_sources(name_filter, log):
    pairs = []
    if os.path.isdir(SHARED):
        pairs += corpus_sources()
    else:
        log("../shared is absent: corpus variants skipped")
    pairs += example_sources()
    docs = [simulate.load_doc(t, g) for t, g in pairs]
    return [d for d in docs if not name_filter or name_filter in d.name]


def partner(doc, docs):
    """The next source of the same format (cyclically), for the concatenated variant."""
    same = [d for d in docs if d.format == doc.format]
    if len(same) < 2:
        return None
    return same[(same.index(doc) + 1) % len(same)]


def run_extract(piagraph, txt, out_json):
    try:
        p = subprocess.run([piagraph, "extract", txt, "-o", out_json], capture_output=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as e:
        return 1, str(e)
    err = p.stderr.decode("utf-8", "replace").strip().splitlines()
    return p.returncode, (err[0] if err else "")


def score(gold, out_json):
    """The scorer's per-family table, or None when the scorer is absent or fails."""
    if not os.path.exists(SCORER) or not os.path.exists(out_json):
        return None
    p = subprocess.run([sys.executable, SCORER, gold, out_json, "--json"], capture_output=True)
    if p.returncode != 0:
        return None
    return json.loads(p.stdout.decode("utf-8"))["fields"]


def worst_families(fields, n=3):
    fams = [(f, r) for f, r in fields.items() if f != "ALL" and r["f1"] < 1.0]
    fams.sort(key=lambda fr: (fr[1]["f1"], -(fr[1]["fp"] + fr[1]["fn"])))
    return [[f, r["f1"]] for f, r in fams[:n]]


def baseline_f1(doc, args):
    """ALL F1 of the unchanged source: tells variant damage from the parser's own misses."""
    rec = extract_and_score(doc, "original", (doc.text, doc.gold), args)
    return rec.get("f1")


def evaluate(doc, variant, ctx, args):
    """Generate one variant, extract it, score it: one result record (None if not applicable)."""
    made = simulate.make_variant(doc, variant, ctx)
    return None if made is None else extract_and_score(doc, variant, made, args)


def extract_and_score(doc, variant, made, args):
    outdir = os.path.join(args.out, doc.name)
    txt = simulate.write_variant(outdir, variant, *made)
    gold = os.path.join(outdir, variant + ".gold.json")
    out_json = os.path.join(outdir, variant + ".out.json")
    if os.path.exists(out_json):
        os.remove(out_json)  # never score a stale extraction
    rc, err = run_extract(args.piagraph, txt, out_json)
    fields = score(gold, out_json)
    rec = {"source": doc.name, "variant": variant, "exit_code": rc, "error": err if rc else "",
           "text": txt, "gold": gold, "output": out_json}
    if fields is None:
        rec.update(scored=False, passed=rc == 0 and not os.path.exists(SCORER))
        return rec
    all_ = fields["ALL"]
    rec.update(scored=True, f1=all_["f1"], tp=all_["tp"], fp=all_["fp"], fn=all_["fn"],
               worst=worst_families(fields))
    rec["passed"] = rc == 0 and all_["f1"] >= args.min_f1
    return rec


def format_record(r):
    status = "ok  " if r["passed"] else "FAIL"
    if not r["scored"]:
        line = "%s %-24s %-28s unscored (exit %d)" % (status, r["source"][:24], r["variant"], r["exit_code"])
    else:
        worst = ", ".join("%s %.2f" % (f, v) for f, v in r["worst"]) or "-"
        base = "-" if r.get("baseline_f1") is None else "%.3f" % r["baseline_f1"]
        line = "%s %-24s %-28s F1=%.3f (orig %s) tp/fp/fn=%d/%d/%d  worst: %s" % (
            status, r["source"][:24], r["variant"], r["f1"], base, r["tp"], r["fp"], r["fn"], worst)
    if r["exit_code"]:
        line += "  [exit %d: %s]" % (r["exit_code"], r["error"][:120])
    return line


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--piagraph", default=os.path.join(REPO, "build", "piagraph"))
    ap.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "piagraph-variants"))
    ap.add_argument("--min-f1", type=float, default=0.95)
    ap.add_argument("--only", help="run this variant only")
    ap.add_argument("--source", help="run sources whose name contains this only")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args(argv)
    if args.only and args.only not in simulate.VARIANTS:
        ap.error("unknown variant %r (known: %s)" % (args.only, ", ".join(simulate.VARIANTS)))
    return args


def main(argv=None):
    args = parse_args(argv)
    log = (lambda m: print(m, file=sys.stderr)) if args.json else print
    if not os.path.exists(SCORER):
        log("scorer %s is absent: scoring skipped" % SCORER)
    all_docs = load_sources(None, log)
    docs = [d for d in all_docs if not args.source or args.source in d.name]
    variants = [args.only] if args.only else list(simulate.VARIANTS)
    results = []
    for doc in docs:
        ctx = {"other": partner(doc, all_docs), "cache": os.path.join(args.out, ".pdf-cache")}
        base = baseline_f1(doc, args)
        for variant in variants:
            rec = evaluate(doc, variant, ctx, args)
            if rec is not None:
                rec["baseline_f1"] = base
                results.append(rec)
                if not args.json:
                    log(format_record(rec))
    failed = sum(1 for r in results if not r["passed"])
    summary = "%d passed, %d failed" % (len(results) - failed, failed)
    if args.json:
        print(json.dumps({"results": results, "passed": len(results) - failed, "failed": failed,
                          "min_f1": args.min_f1}, ensure_ascii=False, indent=1))
    else:
        log(summary)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
