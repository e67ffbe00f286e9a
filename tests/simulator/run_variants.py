#!/usr/bin/env python3
"""Score piagraph on every simulated conversion variant of every source with gold.

usage: run_variants.py [--piagraph PATH] [--out DIR] [--min-f1 0.95] [--gaps FILE]
                       [--losses FILE] [--errors] [--only VARIANT] [--source NAME] [--json]

Sources: the corpus texts in ../shared/corpus (gold in ../shared/corpus/annotations)
and the example texts under examples/ that have a gold file
tests/fixtures/gold/<basename>.json.  A variant passes when `piagraph extract`
exits 0 and the scorer's ALL F1 is at least --min-f1; a (source, variant) listed in
the --gaps file (lines `SOURCE VARIANT FLOOR  # why`) passes when its F1 is at least
FLOOR instead (a refused text scores F1 0), so a known gap still fails when it gets
worse.  With --losses, a variant also fails when an item of the form that the
original's extraction found (its `coverage`) is not found in the variant's - the
facts the scorer does not score, which the report and the checks still rely on -
unless the --losses file lists it (lines `SOURCE VARIANT ITEM  # why`, SOURCE `*`
for any, ITEM a glob such as `files[*].department`); known gaps are not checked.
With --errors, a variant also fails when `piagraph check` raises more error-level
findings of a rule on it than on the original (a misread fact turned into a false
error); variants that add another assessment (concatenated, quoted-without-cover)
and known gaps are not checked.  The printed-pdftotext variants are skipped when
chromium or pdftotext is missing, the printed-spreadsheet ones when LibreOffice
(soffice) is.  Ends with `N passed, M failed, K skipped`.

Exit status: 0 all passed, 1 some failed, 2 bad arguments or gaps file, 77 the
scorer (../shared/tools/score-extraction) is absent, so nothing can be scored.
"""
import argparse
import glob
import json
import os
import re
import shutil
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
SKIP = 77  # ctest's SKIP_RETURN_CODE
PRINTED = ("printed-pdftotext", "printed-pdftotext-layout", "printed-headings-removed")  # need chromium and pdftotext


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


def load_gaps(path):
    """{(source, variant): (floor, why)} from lines `SOURCE VARIANT FLOOR  # why`."""
    gaps = {}
    with open(path, encoding="utf-8") as f:
        for no, line in enumerate(f, 1):
            body, _, why = line.partition("#")
            fields = body.split()
            if not fields:
                continue
            try:
                if len(fields) != 3:
                    raise ValueError("expected SOURCE VARIANT FLOOR")
                source, variant, floor = fields[0], fields[1], float(fields[2])
                if not simulate.is_known(variant):
                    raise ValueError("unknown variant %r" % variant)
                if not 0.0 <= floor <= 1.0:
                    raise ValueError("FLOOR must be within 0..1")
            except ValueError as e:
                print("run_variants.py: %s:%d: %s" % (path, no, e), file=sys.stderr)
                sys.exit(2)
            gaps[(source, variant)] = (floor, why.strip())
    return gaps


def load_losses(path):
    """{(source, variant): [item globs]} from lines `SOURCE VARIANT ITEM  # why` (SOURCE may be *)."""
    losses = {}
    with open(path, encoding="utf-8") as f:
        for no, line in enumerate(f, 1):
            fields = line.partition("#")[0].split()
            if not fields:
                continue
            if len(fields) != 3 or not simulate.is_known(fields[1]):
                print("run_variants.py: %s:%d: expected SOURCE VARIANT ITEM with a known variant" % (path, no),
                      file=sys.stderr)
                sys.exit(2)
            losses.setdefault((fields[0], fields[1]), []).append(fields[2])
    return losses


def found_items(out_json):
    """{(assessment title, coverage item)} that an extraction found."""
    try:
        with open(out_json, encoding="utf-8") as f:
            model = json.load(f)
    except (OSError, ValueError):
        return set()
    return {(a.get("title") or str(i), item)
            for i, a in enumerate(model.get("assessments", []))
            for item, c in (a.get("coverage") or {}).items() if c.get("status") == "found"}


def lost_items(base, rec, losses):
    """Items the original's extraction found and the variant's did not, not listed as known losses."""
    found = found_items(rec["output"])
    titles = {t for t, _ in found}
    allowed = losses.get((rec["source"], rec["variant"]), []) + losses.get(("*", rec["variant"]), [])
    # only * is special: the items' own brackets (files[1]) are literal
    patterns = [re.compile(re.escape(g).replace(r"\*", ".*") + "$") for g in allowed]
    return sorted(item for title, item in base - found
                  if title in titles and not any(p.match(item) for p in patterns))


# Variants that add another source's assessment: its findings are its own, not false ones.
ADDS_AN_ASSESSMENT = ("concatenated", "concatenated-set", "quoted-without-cover")


def error_counts(piagraph, out_json):
    """{rule: number of error-level findings} of `piagraph check` on a model, or None if it fails."""
    findings_json = out_json[:-len(".out.json")] + ".findings.json"
    p = subprocess.run([piagraph, "check", out_json, "--format", "json", "-o", findings_json], capture_output=True)
    if p.returncode not in (0, 1):
        return None
    with open(findings_json, encoding="utf-8") as f:
        findings = json.load(f)["findings"]
    counts = {}
    for finding in findings:
        if finding.get("severity") == "error":
            counts[finding["rule"]] = counts.get(finding["rule"], 0) + 1
    return counts


def new_errors(base, rec, piagraph):
    """Rules with more error-level findings on the variant than on the original: ["PPC-F02 +1", …]."""
    counts = error_counts(piagraph, rec["output"])
    if counts is None or base is None:
        return ["check failed"]
    return ["%s +%d" % (rule, n - base.get(rule, 0)) for rule, n in sorted(counts.items()) if n > base.get(rule, 0)]


def missing_printing_tools():
    return [t for t in ("chromium", "pdftotext") if not shutil.which(t)]


def run_extract(piagraph, txt, out_json):
    try:
        p = subprocess.run([piagraph, "extract", txt, "-o", out_json], capture_output=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as e:
        return 1, str(e)
    err = p.stderr.decode("utf-8", "replace").strip().splitlines()
    return p.returncode, (err[0] if err else "")


def score(gold, out_json):
    """The scorer's per-family table, or None when the scorer fails."""
    if not os.path.exists(out_json):
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
    # A refused text (exit 2, nothing written) scores as an empty model: F1 0, every gold fact missed.
    fields = score(gold, out_json if rc == 0 else empty_model(args.out))
    rec = {"source": doc.name, "variant": variant, "exit_code": rc, "error": err if rc else "",
           "text": txt, "gold": gold, "output": out_json}
    gap = args.gaps.get((doc.name, variant))
    if gap is not None:
        rec.update(gap_floor=gap[0], gap_why=gap[1])
    if fields is None:
        rec.update(scored=False, passed=False)
        return rec
    all_ = fields["ALL"]
    rec.update(scored=True, f1=all_["f1"], tp=all_["tp"], fp=all_["fp"], fn=all_["fn"],
               worst=worst_families(fields))
    if gap is None:
        rec["passed"] = rc == 0 and all_["f1"] >= args.min_f1
    else:  # a known gap: refusals count (as F1 0), crashes and time-outs never pass
        rec["passed"] = rc in (0, 2) and all_["f1"] >= gap[0]
    return rec


def empty_model(out):
    path = os.path.join(out, "empty-model.json")
    if not os.path.exists(path):
        os.makedirs(out, exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write('{"assessments": []}\n')
    return path


def format_record(r):
    status = ("gap " if "gap_floor" in r else "ok  ") if r["passed"] else "FAIL"
    if not r["scored"]:
        line = "%s %-24s %-28s unscored (exit %d)" % (status, r["source"][:24], r["variant"], r["exit_code"])
    else:
        worst = ", ".join("%s %.2f" % (f, v) for f, v in r["worst"]) or "-"
        base = "-" if r.get("baseline_f1") is None else "%.3f" % r["baseline_f1"]
        line = "%s %-24s %-28s F1=%.3f (orig %s) tp/fp/fn=%d/%d/%d  worst: %s" % (
            status, r["source"][:24], r["variant"], r["f1"], base, r["tp"], r["fp"], r["fn"], worst)
    if r.get("new_errors"):
        line += "  [new errors: %s]" % ", ".join(r["new_errors"])
    if r.get("lost_items"):
        line += "  [items lost: %s]" % ", ".join(r["lost_items"][:6])
    if "gap_floor" in r:
        line += "  [known gap, floor %.2f%s]" % (r["gap_floor"], "; now above --min-f1: remove it from the gaps file"
                                                 if r.get("f1", 0) >= r["min_f1"] else "")
    if r["exit_code"]:
        line += "  [exit %d: %s]" % (r["exit_code"], r["error"][:120])
    return line


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--piagraph", default=os.path.join(REPO, "build", "piagraph"))
    ap.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "piagraph-variants"))
    ap.add_argument("--min-f1", type=float, default=0.95)
    ap.add_argument("--gaps", metavar="FILE",
                    help="known gaps: lines `SOURCE VARIANT FLOOR  # why`; a listed variant passes at F1 >= FLOOR")
    ap.add_argument("--losses", metavar="FILE",
                    help="known losses: lines `SOURCE VARIANT ITEM  # why`; other items the original reads and a "
                         "variant does not fail it")
    ap.add_argument("--errors", action="store_true",
                    help="fail a variant on which check raises more error-level findings of a rule than on the original")
    ap.add_argument("--only", help="run this variant only; A+B applies A, then B to its text")
    ap.add_argument("--source", help="run sources whose name contains this only")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args(argv)
    if args.only and not simulate.is_known(args.only):
        ap.error("unknown variant %r (known: %s; A+B applies A then B)" % (args.only, ", ".join(simulate.VARIANTS)))
    if args.gaps and not os.path.isfile(args.gaps):
        ap.error("gaps file %s does not exist" % args.gaps)
    if args.losses and not os.path.isfile(args.losses):
        ap.error("losses file %s does not exist" % args.losses)
    args.out = os.path.abspath(args.out)
    return args


def main(argv=None):
    args = parse_args(argv)
    log = (lambda m: print(m, file=sys.stderr)) if args.json else print
    if not os.path.exists(SCORER):  # the scorer lives in ../shared: without it nothing can be scored
        log("../shared is absent: corpus test skipped")
        return SKIP
    args.gaps = load_gaps(args.gaps) if args.gaps else {}
    losses = load_losses(args.losses) if args.losses else None
    all_docs = load_sources(None, log)
    docs = [d for d in all_docs if not args.source or args.source in d.name]
    variants = [args.only] if args.only else list(simulate.VARIANTS)
    missing = missing_printing_tools()
    results, skipped = [], []
    for doc in docs:
        # a fresh directory per source: no file of an earlier run is ever read or scored
        shutil.rmtree(os.path.join(args.out, doc.name), ignore_errors=True)
        ctx = {"other": partner(doc, all_docs), "cache": os.path.join(args.out, ".pdf-cache")}
        base = baseline_f1(doc, args)
        base_found = found_items(os.path.join(args.out, doc.name, "original.out.json"))
        base_errors = error_counts(args.piagraph, os.path.join(args.out, doc.name, "original.out.json")) \
            if args.errors else None
        for variant in variants:
            printed = any(part in PRINTED for part in simulate.parts(variant))
            if printed and missing and variant in simulate.applicable(doc, [variant]):
                why = "needs chromium and pdftotext; missing: " + ", ".join(missing)
                skipped.append({"source": doc.name, "variant": variant, "why": why})
                if not args.json:
                    log("skip %-24s %-28s %s" % (doc.name[:24], variant, why))
                continue
            rec = evaluate(doc, variant, ctx, args)
            if rec is not None:
                if losses is not None and rec["exit_code"] == 0 and "gap_floor" not in rec:
                    rec["lost_items"] = lost_items(base_found, rec, losses)
                    rec["passed"] = rec["passed"] and not rec["lost_items"]
                if args.errors and rec["exit_code"] == 0 and "gap_floor" not in rec and \
                        not any(part in ADDS_AN_ASSESSMENT for part in simulate.parts(variant)):
                    rec["new_errors"] = new_errors(base_errors, rec, args.piagraph)
                    rec["passed"] = rec["passed"] and not rec["new_errors"]
                rec["baseline_f1"] = base
                rec["min_f1"] = args.min_f1
                results.append(rec)
                if not args.json:
                    log(format_record(rec))
    failed = sum(1 for r in results if not r["passed"])
    passed = len(results) - failed
    if args.gaps and not args.only and not args.source:
        seen = {(r["source"], r["variant"]) for r in results} | {(r["source"], r["variant"]) for r in skipped}
        for source, variant in sorted(set(args.gaps) - seen):
            log("note: gaps file lists %s %s, which was not run" % (source, variant))
    if args.json:
        print(json.dumps({"results": results, "skipped": skipped, "passed": passed, "failed": failed,
                          "min_f1": args.min_f1}, ensure_ascii=False, indent=1))
    else:
        if skipped:
            log("printed variants skipped: %s missing (install chromium and poppler-utils)" % ", ".join(missing))
    log("%d passed, %d failed, %d skipped" % (passed, failed, len(skipped)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
