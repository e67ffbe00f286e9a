#!/usr/bin/env python3
"""Every view written with `-T mermaid` must render in Mermaid 11, run in headless Chromium.

usage: run_mermaid.py --piagraph EXE --out DIR

Mermaid's own JavaScript is the consumer (GitHub and most Markdown tools use it), not our idea
of its syntax. The npm package mermaid@11 is installed into DIR/node_modules when it is not
there yet; where the npm registry cannot be reached (CI sees Debian's mirror only) the test is
skipped (exit 77) with a message. Inputs: every view of the example city (examples/midori/) and,
when ../shared is beside the checkout, of corpus 003. Exit 0 all rendered, 1 some failed.
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SKIP = 77
VIEWS = ["annex1", "systems", "flows", "org"]

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<script src="node_modules/mermaid/dist/mermaid.min.js"></script></head><body>
<pre id="result">pending</pre>
<script>
const diagrams = %s;
mermaid.initialize({startOnLoad: false, securityLevel: "strict"});
(async () => {
  const results = {};
  let i = 0;
  for (const [name, text] of Object.entries(diagrams)) {
    try {
      await mermaid.parse(text);
      const out = await mermaid.render("d" + (i++), text);
      results[name] = out.svg.includes("<svg") ? "ok" : "no svg";
    } catch (e) {
      results[name] = "error: " + String(e && e.message || e).slice(0, 300);
    }
  }
  document.getElementById("result").textContent = JSON.stringify(results);
})();
</script></body></html>
"""


def ensure_mermaid(out):
    if os.path.exists(os.path.join(out, "node_modules", "mermaid", "dist", "mermaid.min.js")):
        return True
    if not shutil.which("npm"):
        return False
    # Offline (CI reaches Debian's mirror only) this must fail fast, not retry for minutes.
    try:
        p = subprocess.run(["npm", "install", "--prefix", out, "--no-audit", "--no-fund", "--fetch-retries=0",
                            "--fetch-timeout=30000", "mermaid@11"], capture_output=True, timeout=300)
    except subprocess.TimeoutExpired:
        return False
    return p.returncode == 0


def inputs():
    found = [("midori", os.path.join(REPO, "examples", "midori"))]
    found += [("003", p) for p in glob.glob(os.path.join(REPO, "..", "shared", "corpus", "003_*.txt"))]
    return found


def render_all(exe, out):
    diagrams, problems = {}, []
    for name, path in inputs():
        for view in VIEWS:
            p = subprocess.run([exe, "render", path, "--view", view, "-T", "mermaid"], capture_output=True, timeout=300)
            if p.returncode != 0:
                problems.append("%s/%s: piagraph exit %d" % (name, view, p.returncode))
                continue
            diagrams["%s/%s" % (name, view)] = p.stdout.decode("utf-8")
    return diagrams, problems


def run_in_chromium(out, diagrams):
    page = os.path.join(out, "mermaid-check.html")
    with open(page, "w", encoding="utf-8") as f:
        f.write(PAGE % json.dumps(diagrams, ensure_ascii=False).replace("</", "<\\/"))
    profile = tempfile.mkdtemp(prefix="mermaid-chromium-")
    try:
        p = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--user-data-dir=" + profile, "--allow-file-access-from-files",
                            "--virtual-time-budget=60000", "--dump-dom", "file://" + page],
                           capture_output=True, timeout=300)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    dom = p.stdout.decode("utf-8", "replace")
    start = dom.find('<pre id="result">')
    end = dom.find("</pre>", start)
    if start < 0 or end < 0:
        return None
    text = dom[start + len('<pre id="result">'):end]
    text = text.replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    try:
        return json.loads(text)
    except ValueError:
        return None


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--piagraph", default=os.path.join(REPO, "build", "piagraph"))
    ap.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "piagraph-mermaid"))
    args = ap.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    if not shutil.which("chromium"):
        print("run_mermaid: SKIPPED: chromium is not installed")
        return SKIP
    if not ensure_mermaid(args.out):
        print("run_mermaid: SKIPPED: the npm package mermaid@11 is not installed and npm could not fetch it "
              "(no npm or no registry); Mermaid output is untested here")
        return SKIP
    diagrams, problems = render_all(args.piagraph, args.out)
    results = run_in_chromium(args.out, diagrams)
    if results is None:
        print("run_mermaid: FAIL: no result from the page (chromium or mermaid did not run)")
        return 1
    for name in sorted(diagrams):
        verdict = results.get(name, "not run")
        print("%s %-20s %s" % ("PASS" if verdict == "ok" else "FAIL", name, verdict))
        if verdict != "ok":
            problems.append(name)
    for p in problems:
        print("FAIL " + p)
    print("%d diagrams, %d failed" % (len(diagrams), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
