#!/usr/bin/env python3
"""Check `piagraph extract` on PDFs made at test time by make_pdfs.py.

usage: run_pdf_cases.py [--piagraph EXE] [--out DIR] [--only SUBSTRING] [--max-lines N]

Makes the fixtures into DIR (cached there between runs), then checks:
  bad PDFs           exit 2, exactly one non-empty stderr line that names the file and
                     holds the case's phrase (EXPECTED_MESSAGE), no output file left
  partly-unreadable  exit 0, stderr names the unreadable page as 「p.N」, at least one system
  examples           the model of example/<stem>.pdf has the same facts as the model of
                     examples/midori/<stem>.txt, and every object with a "line" has a "page" >= 1
One line per case: PASS/FAIL and why.

Exit status: 0 all passed, 1 some failed, 2 bad arguments, 77 chromium, qpdf or
pdftotext is missing (nothing can be made; the run is skipped).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, HERE)
import make_pdfs  # noqa: E402

REPO = make_pdfs.REPO
SKIP = 77      # ctest's SKIP_RETURN_CODE
TIMEOUT = 300  # seconds for one piagraph run

# The phrase each refusal must contain (the C++ side prints it); edit here when the wording changes.
EXPECTED_MESSAGE = {
    "scanned": "スキャン画像",
    "encrypted": "パスワード",
    "truncated": "壊れて",
    "broken": "壊れて",
    "no-tounicode": "文字を読み取れません",
    "not-assessment": "評価書として認識できません",
    "too-many-pages": "2,000",
}

# Differences that are known and accepted, per example: facts whose shown form starts with one
# of these prefixes are listed as known, not failed.  The 変更箇所 table is a grid whose long
# cells overflow: pdftotext's character grid (and poppler's physical layout, the same) moves CJK
# text several columns off its header, so a row with an overflowing cell cannot be cut into its
# columns from the text alone.  Reading it needs the text boxes' positions (a later step).
KNOWN_DIFFERENCES = {
    "midori-juki": ["assessment 1 / change 2 /"],
    # The second row's long cells narrow the 変更後 column, so the first row's 変更後 wraps
    # beside its 提出時期 (健康福祉部保険年 | 事後 | 金課).
    "midori-kojin-juminzei": ["assessment 1 / change 1 /"],
}

# Keys that say where a value was found, not what it is: left out of the fact comparison
# (and so is any key ending in _loc or _locs).  TOP_IGNORED: the input's own name and format.
IGNORED_KEYS = {"line", "end_line", "page", "end_page", "loc", "locs", "source_file"}
TOP_IGNORED = {"source"}

# How list entries are named in facts ("file 1 / provision 2 / recipient").
ENTRY_NAMES = {"assessments": "assessment", "systems": "system", "files": "file", "sources": "source",
               "provisions": "provision", "transfers": "transfer", "entrustments": "entrustment",
               "attachment1_steps": "step", "changes": "change"}


# --------------------------------------------------------------------------
# the model as a set of facts


def ignored(key):
    return key in IGNORED_KEYS or key.endswith("_loc") or key.endswith("_locs")


def norm(value):
    """Texts compare without white space and NFKC-normalised (PDF lines wrap where the text's do not)."""
    if isinstance(value, str):
        return re.sub(r"\s+", "", unicodedata.normalize("NFKC", value))
    return json.dumps(value)  # true / false / null / numbers


def facts(model):
    """Every value of the model as a tuple (where..., key, value), locations left out.

    Entries of lists of objects are named by position ("file 1", "provision 2"), so a
    changed field shows as one differing fact; lists of plain values (methods,
    connections, file names) give one fact per value."""
    out = set()

    def walk(value, where):
        if isinstance(value, dict):
            for key, sub in value.items():
                if not ignored(key):
                    walk(sub, where + (key,))
        elif isinstance(value, list):
            name = ENTRY_NAMES.get(where[-1], where[-1]) if where else "item"
            for i, sub in enumerate(value, 1):
                if isinstance(sub, (dict, list)):
                    walk(sub, where[:-1] + ("%s %d" % (name, i),))
                else:
                    out.add(where + (norm(sub),))
        else:
            out.add(where + (norm(value),))

    walk({k: v for k, v in model.items() if k not in TOP_IGNORED}, ())
    return out


def show_fact(fact, width=140):
    text = " / ".join(fact[:-1]) + " = " + fact[-1]
    return text if len(text) <= width else text[:width - 1] + "…"


def objects_without_page(model):
    """Paths of the objects that carry a "line" but no "page" >= 1 beside it."""
    bad = []

    def walk(value, path):
        if isinstance(value, dict):
            if "line" in value:
                page = value.get("page")
                if not (isinstance(page, int) and not isinstance(page, bool) and page >= 1):
                    bad.append(path or "(top)")
            for key, sub in value.items():
                walk(sub, path + "." + key)
        elif isinstance(value, list):
            for i, sub in enumerate(value):
                walk(sub, "%s[%d]" % (path, i))

    walk(model, "")
    return bad


# --------------------------------------------------------------------------
# running piagraph


class Run:
    def __init__(self, code, stderr, out_json):
        self.code, self.stderr, self.out_json = code, stderr, out_json

    @property
    def lines(self):
        return [l for l in self.stderr.splitlines() if l.strip()]

    def first(self):
        return self.lines[0] if self.lines else "(no message)"

    def model(self):
        with open(self.out_json, encoding="utf-8") as f:
            return json.load(f)


def extract(exe, source, out_json):
    if os.path.exists(out_json):
        os.remove(out_json)  # a stale model must not pass for a new one
    try:
        p = subprocess.run([exe, "extract", source, "-o", out_json], capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return Run(-1, "timed out after %d s" % TIMEOUT, out_json)
    except OSError as e:
        return Run(-1, str(e), out_json)
    return Run(p.returncode, p.stderr.decode("utf-8", "replace"), out_json)


# --------------------------------------------------------------------------
# the checks: each returns (passed, why, detail lines)


def check_refused(exe, pdf, name, outdir):
    out_json = os.path.join(outdir, name + ".json")
    before = set(os.listdir(outdir))
    r = extract(exe, pdf, out_json)
    problems = []
    if r.code != 2:
        problems.append("exit %d, not 2" % r.code)
    if len(r.lines) != 1:
        problems.append("%d stderr lines, not 1" % len(r.lines))
    line = r.first()
    if os.path.basename(pdf) not in line:
        problems.append("the message does not name %s" % os.path.basename(pdf))
    if EXPECTED_MESSAGE[name] not in line:
        problems.append("no 「%s」 in the message" % EXPECTED_MESSAGE[name])
    left = sorted(set(os.listdir(outdir)) - before)
    if left:  # neither the output nor a temporary file may stay behind
        problems.append("left behind: " + ", ".join(left))
    return not problems, "; ".join(problems) or "exit 2", ["stderr: " + line]


def check_partly_unreadable(exe, pdf, outdir):
    with open(os.path.splitext(pdf)[0] + ".json", encoding="utf-8") as f:
        bad_pages = json.load(f)["bad_pages"]
    r = extract(exe, pdf, os.path.join(outdir, "partly-unreadable.json"))
    detail = ["stderr: " + l for l in r.lines[:3]]
    if r.code != 0:
        return False, "exit %d, not 0" % r.code, detail
    problems = ["stderr does not name p.%d" % n for n in bad_pages
                if not re.search(r"p\.%d(?!\d)" % n, r.stderr)]
    try:
        model = r.model()
    except (OSError, ValueError) as e:
        return False, "no readable output: %s" % e, detail
    systems = sum(len(a.get("systems") or []) for a in model.get("assessments") or [])
    if systems == 0:
        problems.append("no system extracted")
    # the model records each unread page as the not_found coverage item pages[N-1], with its page
    for n in bad_pages:
        items = [a.get("coverage", {}).get("pages[%d]" % (n - 1)) for a in model.get("assessments") or []]
        if not any(i and i.get("status") == "not_found" and i.get("page") == n for i in items):
            problems.append("coverage has no not_found pages[%d] with page %d" % (n - 1, n))
    return not problems, "; ".join(problems) or "exit 0, %d system(s), p.%s named" % (
        systems, ",".join(map(str, bad_pages))), detail


def check_example(exe, pdf, txt, stem, outdir, max_lines):
    from_text = extract(exe, txt, os.path.join(outdir, stem + ".txt.json"))
    if from_text.code != 0:
        return False, "the text itself does not extract (exit %d): %s" % (from_text.code, from_text.first()), []
    from_pdf = extract(exe, pdf, os.path.join(outdir, stem + ".pdf.json"))
    if from_pdf.code != 0:
        return False, "exit %d: %s" % (from_pdf.code, from_pdf.first()), []
    try:
        text_model, pdf_model = from_text.model(), from_pdf.model()
    except (OSError, ValueError) as e:
        return False, "no readable output: %s" % e, []
    a, b = facts(text_model), facts(pdf_model)
    known = KNOWN_DIFFERENCES.get(stem, [])
    is_known = lambda item: any(show_fact(item).startswith(p) for p in known)  # noqa: E731
    accepted = sorted(f for f in a ^ b if is_known(f))
    only_text = sorted(f for f in a - b if not is_known(f))
    only_pdf = sorted(f for f in b - a if not is_known(f))
    no_page = objects_without_page(pdf_model)
    detail = []
    for title, items in (("only in the text", only_text), ("only in the PDF", only_pdf),
                         ("known difference", accepted), ("line without page", [(p,) for p in no_page])):
        for item in items[:max_lines]:
            detail.append("%s: %s" % (title, show_fact(item) if len(item) > 1 else item[0]))
        if len(items) > max_lines:
            detail.append("%s: … %d more" % (title, len(items) - max_lines))
    problems = []
    if only_text or only_pdf:
        problems.append("%d facts only in the text, %d only in the PDF" % (len(only_text), len(only_pdf)))
    if no_page:
        problems.append("%d line-carrying objects without a page" % len(no_page))
    known_note = " (%d known differences)" % len(accepted) if accepted else ""
    return not problems, "; ".join(problems) or "%d facts agree%s, every line has a page" % (
        len(a & b), known_note), detail


def check_pages_shown(exe, pdf, outdir):
    """report, render and check on a PDF name the page of each place: 「p.2 60行」 in the report,
    「(p.2)」 in the SVG tooltips and in check's text."""
    report = os.path.join(outdir, "pages-report.html")
    svg = os.path.join(outdir, "pages-systems.svg")
    runs = [[exe, "report", pdf, "-o", report], [exe, "render", pdf, "--view", "systems", "-T", "svg", "-o", svg]]
    problems = []
    for cmd in runs:
        p = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT)
        if p.returncode != 0:
            problems.append("%s exit %d" % (cmd[1], p.returncode))
    check = subprocess.run([exe, "check", pdf], capture_output=True, timeout=TIMEOUT)
    expect = [(report, r"p\.\d+ \d+(–\d+)?行", "the report"), (svg, r"\(p\.\d+\)", "the SVG tooltips")]
    for path, pattern, what in expect:
        try:
            with open(path, encoding="utf-8") as f:
                if not re.search(pattern, f.read()):
                    problems.append("no page in " + what)
        except OSError:
            problems.append("no " + what)
    if not re.search(r"\.pdf:\d+ \(p\.\d+\)", check.stdout.decode("utf-8", "replace")):
        problems.append("no page in check's text")
    return not problems, "; ".join(problems) or "report, SVG tooltips and check name the page", []


# --------------------------------------------------------------------------


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--piagraph", default=os.path.join(REPO, "build", "piagraph"))
    ap.add_argument("--out", default=os.path.join("/tmp", "piagraph-pdf-cases"),
                    help="work directory; fixtures are cached there between runs")
    ap.add_argument("--only", help="run the cases whose name contains this")
    ap.add_argument("--max-lines", type=int, default=15, help="differences shown per kind and case")
    args = ap.parse_args(argv)

    missing = make_pdfs.missing_tools()
    if missing:
        print("run_pdf_cases: SKIPPED: %s not installed, so no test PDF can be made" % ", ".join(missing))
        return SKIP
    if not os.access(args.piagraph, os.X_OK):
        print("run_pdf_cases: no executable piagraph at %s" % args.piagraph, file=sys.stderr)
        return 2

    made = make_pdfs.make_all(args.out, log=lambda msg: print(msg))
    outdir = os.path.join(os.path.abspath(args.out), "out")
    os.makedirs(outdir, exist_ok=True)

    cases = [(name, "bad") for name in EXPECTED_MESSAGE] + [("partly-unreadable", "partly")]
    cases += [(name, "example") for name in made if name.startswith("example/")]
    cases += [("example/midori-juki", "pages")]
    failed = passed = 0
    for name, kind in cases:
        if args.only and args.only not in name:
            continue
        _, pdf, note = made.get(name, ("skipped", None, "not made"))
        if pdf is None:
            ok, why, detail = False, "fixture not made: " + note, []
        elif kind == "bad":
            ok, why, detail = check_refused(args.piagraph, pdf, name, outdir)
        elif kind == "pages":
            ok, why, detail = check_pages_shown(args.piagraph, pdf, outdir)
        elif kind == "partly":
            ok, why, detail = check_partly_unreadable(args.piagraph, pdf, outdir)
        else:
            stem = name.split("/", 1)[1]
            txt = os.path.join(REPO, "examples", "midori", stem + ".txt")
            ok, why, detail = check_example(args.piagraph, pdf, txt, stem, outdir, args.max_lines)
        print("%s %-30s %s" % ("PASS" if ok else "FAIL", name + (" (pages)" if kind == "pages" else ""), why))
        for line in detail:
            print("       " + line)
        passed, failed = passed + ok, failed + (not ok)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
