#!/usr/bin/env python3
"""Make the PDF fixtures for piagraph's PDF input at test time (none are checked in).

usage: make_pdfs.py OUTDIR

Writes
  OUTDIR/example/<stem>.pdf   each examples/midori/*.txt that has a gold file, printed
                              as the form the way tests/simulator/simulate.py prints it
  OUTDIR/bad/*.pdf            PDFs piagraph must refuse or read only in part (see BAD)
  OUTDIR/bad/partly-unreadable.json   {"bad_pages": [N]} for partly-unreadable.pdf

Needs chromium, qpdf and pdftotext; a fixture whose tools or inputs are missing is
skipped with a message.  Every fixture is keyed by a hash of its inputs and of this
script, so a rerun only rebuilds what changed; each is written to a temporary name
and renamed, so an interrupted run never leaves a half-written fixture.

Exit status: 0 every fixture is there, 1 some were skipped or failed.
Standard library only.
"""
import base64
import glob
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, os.path.join(REPO, "tests", "simulator"))
import simulate  # noqa: E402

TOOLS = ("chromium", "qpdf", "pdftotext")
TIMEOUT = 300  # seconds for any one external command

USER_PASSWORD, OWNER_PASSWORD = "piagraph-user", "piagraph-owner"
PAGE_LIMIT = 2000        # piagraph refuses PDFs with more pages than this
BAD_PAGE_AT = 2          # partly-unreadable.pdf: the unreadable page is inserted here (1-based)
SEED = 20250601          # fixed so broken.pdf has the same bytes on every run

# Which example each bad PDF starts from; small ones keep the fixtures small.
SMALL_EXAMPLE = "midori-kiso"
LARGE_EXAMPLE = "midori-juki"

BAD = ("scanned", "encrypted", "truncated", "broken", "no-tounicode", "not-assessment",
       "too-many-pages", "partly-unreadable")

NOTICE_HTML = """<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 20mm; }
body { font-family: "Noto Sans CJK JP", sans-serif; font-size: 11pt; line-height: 1.7; }
h1 { font-size: 16pt; text-align: center; }
p.date, p.from { text-align: right; }
</style></head><body>
<p class="date">令和7年4月1日</p>
<h1>市民課窓口の受付時間変更のお知らせ</h1>
<p class="from">みどり市 市民生活部 市民課</p>
<p>日頃より市政にご理解とご協力をいただき、誠にありがとうございます。</p>
<p>このたび、窓口の混雑緩和と待ち時間の短縮のため、令和7年5月1日から市民課窓口の受付時間を次のとおり変更いたします。
ご来庁の際はご注意くださいますようお願いいたします。</p>
<p>変更前：平日 午前8時30分から午後5時15分まで</p>
<p>変更後：平日 午前8時45分から午後5時まで（毎週木曜日は午後7時まで延長）</p>
<p>なお、各支所の受付時間に変更はありません。住民票の写しや印鑑登録証明書は、マイナンバーカードを利用して
全国のコンビニエンスストアでも取得できます。ご不明な点は市民課までお問い合わせください。</p>
<p>問合せ先：みどり市役所 市民課 電話 0000-00-0000（架空の番号です）</p>
</body></html>
"""


# --------------------------------------------------------------------------
# small helpers


class Skip(Exception):
    """A fixture that cannot be made here; the message says why."""


def missing_tools():
    return [t for t in TOOLS if not shutil.which(t)]


def run(cmd, **kw):
    """Run a command with a timeout; failures become a Skip that quotes its stderr."""
    try:
        return subprocess.run(cmd, check=True, capture_output=True, timeout=kw.pop("timeout", TIMEOUT), **kw)
    except FileNotFoundError:
        raise Skip("%s is not installed" % cmd[0])
    except subprocess.TimeoutExpired:
        raise Skip("%s timed out" % cmd[0])
    except subprocess.CalledProcessError as e:
        err = e.stderr.decode("utf-8", "replace").strip().splitlines()
        raise Skip("%s failed (exit %d): %s" % (cmd[0], e.returncode, err[-1] if err else ""))


def sha(*parts):
    h = hashlib.sha256()
    for p in parts:
        h.update(p if isinstance(p, bytes) else str(p).encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:24]


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def pdftotext(pdf, first=None, last=None):
    """(exit code, text, first stderr line) of pdftotext; never raises."""
    cmd = ["pdftotext", "-enc", "UTF-8"]
    if first:
        cmd += ["-f", str(first)]
    if last:
        cmd += ["-l", str(last)]
    try:
        p = subprocess.run(cmd + [pdf, "-"], capture_output=True, timeout=TIMEOUT)
    except (OSError, subprocess.TimeoutExpired) as e:
        return 1, "", str(e)
    err = p.stderr.decode("utf-8", "replace").strip().splitlines()
    return p.returncode, p.stdout.decode("utf-8", "replace"), (err[0] if err else "")


def page_count(pdf):
    try:
        p = subprocess.run(["qpdf", "--show-npages", pdf], capture_output=True, timeout=TIMEOUT)
        return int(p.stdout) if p.returncode == 0 else None
    except (OSError, ValueError, subprocess.TimeoutExpired):
        return None


def is_japanese(ch):
    o = ord(ch)
    return (0x3000 <= o <= 0x30FF or 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF
            or 0xFF00 <= o <= 0xFFEF)


def is_undecodable(ch):
    """Private use, U+FFFD, controls, unassigned, surrogates: what a missing ToUnicode map yields."""
    o = ord(ch)
    return 0xE000 <= o <= 0xF8FF or o == 0xFFFD or unicodedata.category(ch) in ("Cc", "Cf", "Cn", "Co", "Cs")


def text_stats(text):
    """Shares of the non-blank characters: undecodable, Japanese, kana, and other (non-CJK noise)."""
    chars = [c for c in text if not c.isspace() and c != "\f"]
    n = len(chars) or 1
    bad = sum(1 for c in chars if is_undecodable(c))
    ja = sum(1 for c in chars if is_japanese(c))
    kana = sum(1 for c in chars if 0x3040 <= ord(c) <= 0x30FF)
    return {"chars": len(chars), "undecodable": bad / n, "japanese": ja / n, "kana": kana / n,
            "noise": (len(chars) - bad - ja) / n}


def format_stats(s):
    return ("%d chars: undecodable %.0f%%, Japanese %.0f%% (kana %.0f%%), non-CJK noise %.0f%%"
            % (s["chars"], 100 * s["undecodable"], 100 * s["japanese"], 100 * s["kana"], 100 * s["noise"]))


def reads_as_japanese(text):
    """True when the text still is the document: a key phrase survives or kana are common."""
    return "特定個人情報" in unicodedata.normalize("NFKC", text) or text_stats(text)["kana"] > 0.05


def chromium_screenshot(html_text, png, width=827, height=1170, scale=1.5):
    """Screenshot of the first screen of an HTML page (about one A4 page at 150 dpi)."""
    tmp = tempfile.mkdtemp(prefix="pdf-shot-")  # own profile: parallel chromiums must not share one
    try:
        html_path = os.path.join(tmp, "page.html")
        with open(html_path, "w", encoding="utf-8") as f:
            f.write(html_text)
        run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             "--user-data-dir=" + os.path.join(tmp, "profile"), "--force-device-scale-factor=%g" % scale,
             "--window-size=%d,%d" % (width, height), "--screenshot=" + png, "file://" + html_path])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if not os.path.exists(png) or os.path.getsize(png) == 0:
        raise Skip("chromium wrote no screenshot")


def print_html(html_text, cache):
    """simulate.print_pdf turns a missing chromium or a failure into exceptions; make them Skips."""
    if not shutil.which("chromium"):
        raise Skip("chromium is not installed")
    try:
        return simulate.print_pdf(html_text, cache)
    except subprocess.CalledProcessError as e:
        raise Skip("chromium failed (exit %d)" % e.returncode)
    except subprocess.TimeoutExpired:
        raise Skip("chromium timed out")


def minimal_pdf(pages_text):
    """A hand-written PDF: one Helvetica line per page, content streams deflated, one flat page tree."""
    n = len(pages_text)
    objs = {2: b"",  # the page tree, filled in once its kids are known
            1: b"<< /Type /Catalog /Pages 2 0 R >>",
            3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"}
    kids, contents = [], {}  # pages with the same line share one content stream
    for line in pages_text:
        if line not in contents:
            contents[line] = num = max(objs) + 1
            text = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1")
            data = zlib.compress(b"BT /F1 14 Tf 40 140 Td (" + text + b") Tj ET", 9)
            objs[num] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
        page = max(objs) + 1
        kids.append(b"%d 0 R" % page)
        objs[page] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 297] /Resources << /Font << /F1 3 0 R >> >>"
                      b" /Contents %d 0 R >>" % contents[line])
    objs[2] = b"<< /Type /Pages /Count %d /Kids [%s] >>" % (n, b" ".join(kids))
    out, offsets = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), {}
    for num in sorted(objs):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objs[num] + b"\nendobj\n"
    size = max(objs) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        out += b"%010d 00000 n \n" % offsets[num]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


# --------------------------------------------------------------------------
# the fixture maker


class Maker:
    """Builds fixtures into outdir, skipping those whose key (a hash of their inputs) is unchanged."""

    def __init__(self, outdir, log=print):
        self.outdir = os.path.abspath(outdir)
        self.cache = os.path.join(self.outdir, ".cache")     # chromium prints, by HTML hash
        self.stamps = os.path.join(self.cache, "stamps")     # one key file per fixture
        self.script = sha(read_bytes(os.path.abspath(__file__)))  # editing a recipe rebuilds everything
        self.log = log
        self.results = {}  # name -> (status, path, note)
        for d in ("example", "bad"):
            os.makedirs(os.path.join(self.outdir, d), exist_ok=True)
        os.makedirs(self.stamps, exist_ok=True)

    def path(self, rel):
        return os.path.join(self.outdir, rel)

    def make(self, name, rel, key_parts, build, check=None):
        """Build OUTDIR/rel with build(tmp_path) unless it exists with the same key.

        key_parts: what the fixture is made from; check(path) -> note (raises Skip if wrong)."""
        out = self.path(rel)
        try:
            key = sha(self.script, name, *key_parts())
            stamp = os.path.join(self.stamps, rel.replace("/", "__") + ".key")
            if os.path.exists(out) and os.path.exists(stamp) and read_bytes(stamp).decode() == key:
                status = "cached"
            else:
                # a hidden temporary beside the target (same file system, so the rename is atomic)
                tmp = os.path.join(os.path.dirname(out), ".%s.%d.part" % (os.path.basename(out), os.getpid()))
                try:
                    build(tmp)
                    os.replace(tmp, out)
                finally:
                    if os.path.exists(tmp):
                        os.remove(tmp)
                with open(stamp + ".%d.part" % os.getpid(), "w") as f:
                    f.write(key)
                os.replace(stamp + ".%d.part" % os.getpid(), stamp)
                status = "made"
            try:
                note = check(out) if check else ""
            except Skip:
                for p in (out, stamp):  # leave only fixtures that are what they claim to be
                    if os.path.exists(p):
                        os.remove(p)
                raise
        except Exception as e:  # skip-and-say: one fixture failing must not stop the others
            why = str(e) if isinstance(e, Skip) else "%s: %s" % (type(e).__name__, e)
            self.results[name] = ("skipped", None, why)
            self.log("make_pdfs: %s skipped: %s" % (name, why))
            return None
        self.results[name] = (status, out, note or "")
        return out

    def need(self, name):
        """The path of a fixture another one is made from, or Skip when it was not made."""
        _, path, _ = self.results.get(name, ("skipped", None, ""))
        if path is None:
            raise Skip("needs %s, which was not made" % name)
        return path

    def need_bytes(self, name):
        return lambda: [read_bytes(self.need(name))]

    # ---- 1. the examples printed as the form

    def examples(self):
        gold_dir = os.path.join(REPO, "tests", "fixtures", "gold")
        # paired like run_variants.example_sources(): examples/**/<stem>.txt with gold/<stem>.json
        for txt in sorted(glob.glob(os.path.join(REPO, "examples", "midori", "*.txt"))):
            stem = os.path.splitext(os.path.basename(txt))[0]
            gold = os.path.join(gold_dir, stem + ".json")
            name = "example/" + stem
            if not os.path.exists(gold):
                self.results[name] = ("skipped", None, "no gold file tests/fixtures/gold/%s.json" % stem)
                self.log("make_pdfs: %s skipped: no gold file" % name)
                continue
            html_text = simulate.printable_html(simulate.load_doc(txt, gold))
            self.make(name, "example/%s.pdf" % stem, lambda h=html_text: [h],
                      lambda tmp, h=html_text: shutil.copyfile(print_html(h, self.cache), tmp),
                      self.check_example)

    def check_example(self, pdf):
        code, text, err = pdftotext(pdf)
        if code != 0 or "特定個人情報" not in text:
            raise Skip("the printed example does not read back (%s)" % (err or "no key phrase"))
        return "%s pages" % page_count(pdf)

    # ---- 2. the bad PDFs

    def scanned(self):
        # A screenshot of the printed small example, printed again as a page holding only the image.
        def inputs():
            doc_html = simulate.printable_html(self.example_doc(SMALL_EXAMPLE))
            return [doc_html]

        def build(tmp):
            with tempfile.TemporaryDirectory(prefix="pdf-scan-") as d:
                png = os.path.join(d, "page.png")
                chromium_screenshot(inputs()[0], png)
                data = base64.b64encode(read_bytes(png)).decode("ascii")
            page = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>@page { size: A4; margin: 0; }"
                    " body { margin: 0; } img { display: block; width: 210mm; height: 296mm; }</style></head>"
                    "<body><img src=\"data:image/png;base64,%s\"></body></html>" % data)
            shutil.copyfile(print_html(page, self.cache), tmp)

        def check(pdf):
            code, text, err = pdftotext(pdf)
            if code != 0:
                raise Skip("pdftotext cannot read the scanned PDF: " + err)
            if text.strip():
                raise Skip("the scanned PDF has a text layer: %r" % text.strip()[:60])
            return "%s page(s), no text layer" % page_count(pdf)
        self.make("scanned", "bad/scanned.pdf", inputs, build, check)

    def encrypted(self):
        def build(tmp):
            run(["qpdf", "--encrypt", USER_PASSWORD, OWNER_PASSWORD, "256", "--",
                 self.need("example/" + SMALL_EXAMPLE), tmp])

        def check(pdf):
            code, _, err = pdftotext(pdf)
            if code == 0:
                raise Skip("pdftotext reads the encrypted PDF without a password")
            return "pdftotext exit %d: %s (user password %r)" % (code, err, USER_PASSWORD)
        self.make("encrypted", "bad/encrypted.pdf", self.need_bytes("example/" + SMALL_EXAMPLE), build, check)

    def truncated(self):
        src = "example/" + SMALL_EXAMPLE

        def build(tmp):
            data = read_bytes(self.need(src))
            with open(tmp, "wb") as f:
                f.write(data[:len(data) // 2])  # the download stopped half-way: no xref, no trailer

        self.make("truncated", "bad/truncated.pdf", self.need_bytes(src), build, self.check_unreadable)

    def broken(self):
        def build(tmp):
            rng = random.Random(SEED)
            garbage = bytes(rng.randrange(256) for _ in range(4096))
            with open(tmp, "wb") as f:
                f.write(b"%PDF-1.7\n" + garbage)  # a PDF header and nothing a PDF reader can use

        self.make("broken", "bad/broken.pdf", lambda: [SEED], build, self.check_unreadable)

    def check_unreadable(self, pdf):
        code, text, err = pdftotext(pdf)
        if code == 0 and text.strip():
            raise Skip("pdftotext still reads it: %r" % text.strip()[:60])
        return "pdftotext exit %d: %s" % (code, err)

    def no_tounicode(self):
        # Drop the fonts' ToUnicode maps: rename the key to one of the same length (so the
        # QDF offsets stay valid), let fix-qdf repair the xref, and let qpdf rewrite it compactly.
        # Chromium embeds the CJK fonts as Type 3 fonts whose glyph names (/g27CA ...) mean
        # nothing, so without ToUnicode poppler yields control characters and stray letters.
        src = "example/" + SMALL_EXAMPLE

        def build(tmp):
            with tempfile.TemporaryDirectory(prefix="pdf-notu-") as d:
                qdf, edited, fixed = (os.path.join(d, n) for n in ("qdf.pdf", "edited.pdf", "fixed.pdf"))
                run(["qpdf", "--qdf", "--object-streams=disable", self.need(src), qdf])
                data = read_bytes(qdf)
                if b"/ToUnicode" not in data:
                    raise Skip("the example PDF has no /ToUnicode to remove")
                with open(edited, "wb") as f:
                    f.write(data.replace(b"/ToUnicode", b"/ToUnicodX"))
                with open(fixed, "wb") as f:
                    f.write(run(["fix-qdf", edited]).stdout)
                run(["qpdf", "--object-streams=generate", fixed, tmp])

        def check(pdf):
            code, text, err = pdftotext(pdf)
            if code != 0:
                raise Skip("pdftotext cannot open it: " + err)
            if reads_as_japanese(text):
                raise Skip("poppler still reads the text without ToUnicode (%s)" % format_stats(text_stats(text)))
            before = text_stats(pdftotext(self.need(src))[1])
            return "%s (the example it came from: Japanese %.0f%%, kana %.0f%%)" % (
                format_stats(text_stats(text)), 100 * before["japanese"], 100 * before["kana"])
        self.make("no-tounicode", "bad/no-tounicode.pdf", self.need_bytes(src), build, check)

    def not_assessment(self):
        def check(pdf):
            code, text, err = pdftotext(pdf)
            if code != 0 or "お知らせ" not in text or "評価書" in text:
                raise Skip("the notice does not read back as expected")
            return "%s page(s)" % page_count(pdf)
        self.make("not-assessment", "bad/not-assessment.pdf", lambda: [NOTICE_HTML],
                  lambda tmp: shutil.copyfile(print_html(NOTICE_HTML, self.cache), tmp), check)

    def too_many_pages(self):
        n = PAGE_LIMIT + 1

        def build(tmp):
            # every page shows the same line, so all share one content stream and the file stays small
            raw = minimal_pdf(["piagraph test: one of %d pages" % n] * n)
            if shutil.which("qpdf"):  # object streams compress the 2,001 page dictionaries
                with tempfile.TemporaryDirectory(prefix="pdf-many-") as d:
                    src = os.path.join(d, "raw.pdf")
                    with open(src, "wb") as f:
                        f.write(raw)
                    run(["qpdf", "--object-streams=generate", src, tmp])
            else:
                with open(tmp, "wb") as f:
                    f.write(raw)

        def check(pdf):
            pages = page_count(pdf)
            if pages is not None and pages != n:
                raise Skip("has %d pages, not %d" % (pages, n))
            return "%s pages, %d KB" % (pages, os.path.getsize(pdf) // 1024)
        self.make("too-many-pages", "bad/too-many-pages.pdf", lambda: [n], build, check)

    def partly_unreadable(self):
        # The large example with page 1 of no-tounicode.pdf inserted as page BAD_PAGE_AT:
        # every page of the assessment is still there, one page in between reads as garbage.
        src = "example/" + LARGE_EXAMPLE

        def inputs():
            return [read_bytes(self.need(src)), read_bytes(self.need("no-tounicode")), BAD_PAGE_AT]

        def build(tmp):
            pdf = self.need(src)
            pages = page_count(pdf)
            if not pages or pages < BAD_PAGE_AT:
                raise Skip("%s has too few pages" % src)
            run(["qpdf", "--empty", "--pages", pdf, "1-%d" % (BAD_PAGE_AT - 1), self.need("no-tounicode"), "1",
                 pdf, "%d-z" % BAD_PAGE_AT, "--", tmp])

        def check(pdf):
            for page in range(1, (page_count(pdf) or 0) + 1):
                code, text, err = pdftotext(pdf, page, page)
                if code != 0:
                    raise Skip("pdftotext fails on p.%d: %s" % (page, err))
                if reads_as_japanese(text) == (page == BAD_PAGE_AT):
                    raise Skip("p.%d %s" % (page, "reads" if page == BAD_PAGE_AT else "does not read"))
            # the expected bad page goes beside the PDF, written the same temp-then-rename way
            meta = self.path("bad/partly-unreadable.json")
            part = meta + ".%d.part" % os.getpid()
            with open(part, "w", encoding="utf-8") as f:
                json.dump({"bad_pages": [BAD_PAGE_AT], "made_from": [src + ".pdf", "bad/no-tounicode.pdf p.1"]},
                          f, ensure_ascii=False)
                f.write("\n")
            os.replace(part, meta)
            return "%s pages, p.%d unreadable" % (page_count(pdf), BAD_PAGE_AT)
        self.make("partly-unreadable", "bad/partly-unreadable.pdf", inputs, build, check)

    def example_doc(self, stem):
        txt = os.path.join(REPO, "examples", "midori", stem + ".txt")
        gold = os.path.join(REPO, "tests", "fixtures", "gold", stem + ".json")
        if not os.path.exists(txt) or not os.path.exists(gold):
            raise Skip("examples/midori/%s.txt or its gold file is missing" % stem)
        return simulate.load_doc(txt, gold)

    def make_all(self):
        self.examples()
        # order matters: encrypted/truncated/no-tounicode need the examples, partly-unreadable needs no-tounicode
        for step in (self.scanned, self.encrypted, self.truncated, self.broken, self.no_tounicode,
                     self.not_assessment, self.too_many_pages, self.partly_unreadable):
            step()
        return self.results


def first_line(pdf):
    """What pdftotext gives for the first page: its first non-blank line, or its error."""
    code, text, err = pdftotext(pdf, 1, 1)
    if code != 0:
        return "(pdftotext exit %d: %s)" % (code, err)
    line = next((l.strip() for l in text.splitlines() if l.strip()), "")
    return repr(line[:50]) if line else "(no text)"


def summary(results):
    rows = [("fixture", "status", "size", "note / pdftotext p.1")]
    for name, (status, path, note) in results.items():
        size = "%d KB" % (os.path.getsize(path) // 1024) if path else "-"
        rows.append((name, status, size, note))
        line = first_line(path) if path else ""
        if line and line.strip("()") not in note:  # the error is already the note
            rows.append(("", "", "", "p.1: " + line))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    return "\n".join("%-*s  %-*s  %*s  %s" % (widths[0], r[0], widths[1], r[1], widths[2], r[2], r[3]) for r in rows)


def make_all(outdir, log=print):
    """Make every fixture into outdir; {name: (status, path or None, note)}."""
    return Maker(outdir, log).make_all()


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1 or argv[0].startswith("-"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    missing = missing_tools()
    if missing:
        print("make_pdfs: missing %s; fixtures that need them are skipped" % ", ".join(missing))
    results = make_all(argv[0])
    print(summary(results))
    return 0 if all(r[1] for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
