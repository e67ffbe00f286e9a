#!/usr/bin/env python3
"""Conversion simulator: turn one assessment text + its gold annotation into the
variants that real conversions and publishing produce, each with its expected gold.

usage: simulate.py SOURCE.txt GOLD.json OUTDIR [--variants a,b,c]
                   [--with OTHER.txt OTHER.gold.json] [--cache DIR]

Writes OUTDIR/<variant>.txt and OUTDIR/<variant>.gold.json for every variant
that applies to the source's format ("markdown" = tab-separated rows,
"pdftotext" = plain text in PDF reading order).  Standard library only; the
printed-pdftotext variants also need chromium and pdftotext.
"""
import argparse
import copy
import csv
import hashlib
import html
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

SEED = 20250601  # fixed so every run produces the same permutations


# --------------------------------------------------------------------------
# document model and small helpers


class Doc:
    """One source document: its text, its gold and the format it was converted in."""

    def __init__(self, text, gold, name):
        self.text = text.replace("\r\n", "\n")
        self.gold = gold
        self.name = name
        self.format = detect_format(self.text)

    @property
    def lines(self):
        return self.text.split("\n")


def load_doc(text_path, gold_path):
    with open(text_path, encoding="utf-8") as f:
        text = f.read()
    with open(gold_path, encoding="utf-8") as f:
        gold = json.load(f)
    return Doc(text, gold, os.path.splitext(os.path.basename(text_path))[0])


def detect_format(text):
    # markdown-like conversions keep the form's label/value cells as tab rows;
    # pdftotext output has (almost) no tabs at all
    lines = [l for l in text.split("\n") if l.strip()]
    tabbed = sum(1 for l in lines if "\t" in l)
    return "markdown" if lines and tabbed >= 0.1 * len(lines) else "pdftotext"


def nfkc(s):
    return unicodedata.normalize("NFKC", s)


def cells_of(line):
    """Tab row cells, or None for a line that is not a table row."""
    return line.split("\t") if "\t" in line else None


def label_of(line):
    """First non-empty cell of a row (or the whole line), NFKC, trimmed."""
    cells = cells_of(line)
    if cells is None:
        return nfkc(line).strip()
    for c in cells:
        if c.strip():
            return nfkc(c).strip()
    return ""


def only_label(line):
    """True when a line carries no value: plain text, or a row whose other cells are empty."""
    cells = cells_of(line)
    return cells is None or not any(c.strip() for c in cells[1:])


def join(lines):
    return "\n".join(lines)


def shuffled(items, rng):
    """A permutation that differs from the input whenever that is possible."""
    out = list(items)
    if len(set(map(str, out))) < 2:
        return out
    while out == items:
        rng.shuffle(out)
    return out


# --------------------------------------------------------------------------
# heading recognition (shared by several variants and the HTML printer)

ROMAN = r"(?:VI|IV|V|I{1,3})"  # after NFKC, Ⅰ..Ⅵ read as I..VI
# a Roman numeral, then the Japanese title (基本情報, 関連情報, しきい値判断項目 …)
# (not Ⅰー２ …: the 変更箇所 table's item references)
SECTION_RE = re.compile(r"^[#\s]*(?:<p>)?\s*" + ROMAN + r"\s*[.、]?\s*(?![ー－])[\u3040-\u9fff]")
ITEM_TITLES = (r"(?:特定個人情報|個人番号の利用|情報提供ネットワークシステム|評価実施機関|他の評価実施機関|基本情報|備考"
               r"|監査|従業者|その他の?リスク|開示|特定個人情報ファイルの取扱いに関する問合せ|基礎項目評価|国民・住民|第三者"
               r"|対象人数|取扱者数|重大事故|個人情報保護委員会の承認)")
ITEM_RE = re.compile(r"^[#\s]*\d{1,2}\s*[.]\s*" + ITEM_TITLES)
ANNEX_RE = re.compile(r"^[#\s]*[(]別添\d+[)]")


def is_section_heading(line):
    text = nfkc(line).strip()
    return only_label(line) and len(text) <= 60 and bool(SECTION_RE.match(text))


def is_item_heading(line):
    return only_label(line) and bool(ITEM_RE.match(nfkc(line)))


def is_annex_heading(line):
    return only_label(line) and bool(ANNEX_RE.match(nfkc(line)))


# --------------------------------------------------------------------------
# variants that keep the gold unchanged


NUMBERED_TITLE = re.compile(r"^[0-9]{1,2}\.\s*\S")


def markdown_headings(doc, ctx):
    """Headings as a markdown converter marks them: sections and annexes `## `, numbered items
    `### ` (with the cells of their row, which hold nothing), and a line that only looks like an
    item's title, such as the list of file names (1. 滞納処分ファイル 2. 交渉記録ファイル), too."""
    def marked(line):
        title = line.split("\t")[0].strip()
        if is_section_heading(line) or is_annex_heading(line):
            return "## " + title
        looks_numbered = only_label(line) and len(title) < 60 and NUMBERED_TITLE.match(nfkc(title))
        return "### " + title if is_item_heading(line) or looks_numbered else line
    return join(marked(l) for l in doc.lines), doc.gold


def headings_removed(doc, ctx):
    return join(l for l in doc.lines if not is_section_heading(l)), doc.gold


def headings_and_annex_removed(doc, ctx):
    keep = [l for l in doc.lines
            if not (is_section_heading(l) or is_annex_heading(l) or is_item_heading(l))]
    return join(keep), doc.gold


def tabs_lost(doc, ctx):
    """The rows of the first half of the text with their tabs lost: label and value separated by a
    full-width space (a text pasted from a viewer, or retyped)."""
    half = len(doc.lines) // 2
    return join(l.replace("\t", "\u3000") if i < half else l for i, l in enumerate(doc.lines)), doc.gold


# The items of section I whose title row a converter may merge with the row under it.
TITLED_ITEM = re.compile(r"^[0-9０-９]{1,2}[.．]\s*(特定個人情報ファイル名|個人番号の利用|情報提供ネットワークシステムによる情報連携|"
                         r"評価実施機関における担当部署)")


def titled_rows(doc, ctx):
    """Each title of an item of section I merged into the row under it, as a converter writes the
    form's heading cell merged with the first label beside it: 「5. 個人番号の利用 ※ 法令上の根拠<tab>
    …」, and 「3. 特定個人情報ファイル名<tab>個人住民税ファイル」 with the names beside their title."""
    lines, out, i = doc.lines, [], 0
    while i < len(lines):
        line = lines[i]
        if TITLED_ITEM.match(line):
            k = i + 1
            while k < len(lines) and not lines[k].strip():
                k += 1
            if k < len(lines) and lines[k].strip() and not TITLED_ITEM.match(lines[k]):
                title = line.rstrip("\t ")
                row = lines[k]
                out.append(title + (" " + row if "\t" in row.strip("\t") else "\t" + row.strip("\t")))
                i = k + 1
                continue
        out.append(line)
        i += 1
    return join(out), doc.gold


CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def circled_as_parens(doc, ctx):
    """Every circled field number written (1), (2) …: OCR and fonts without the circled digits."""
    text = doc.text
    for i, c in enumerate(CIRCLED):
        text = text.replace(c, "(%d)" % (i + 1))
    return text, doc.gold


def crlf(doc, ctx):
    return doc.text.replace("\n", "\r\n"), doc.gold


# Ideographs that a PDF font's ToUnicode map gives as radicals: every one a Kangxi radical
# normalises to (NFKC undoes those), and the supplement's 民 長 青 食 黄, which NFKC leaves as they
# are (住⺠基本台帳, 架空市⻑) - the worst case of what pdftotext writes for Office-made PDFs.
RADICALS = {unicodedata.normalize("NFKC", chr(c)): chr(c) for c in range(0x2F00, 0x2FD6)}
RADICALS.update({"民": "\u2EA0", "長": "\u2ED1", "青": "\u2ED8", "食": "\u2EDD", "黄": "\u2EE9"})


def full_width_brackets(doc, ctx):
    """Every box printed with the full-width brackets of a font without the ASCII ones: ［ ○ ］."""
    return doc.text.replace("[", "\uff3b").replace("]", "\uff3d"), doc.gold


CHECKED_BOX = re.compile(r"[\[［【][ \t\u3000]*[○〇◯][ \t\u3000]*[\]］】]")
EMPTY_BOX = re.compile(r"[\[［【][ \t\u3000]*[\]］】]")


def character_references(doc, ctx):
    """Every character beyond ASCII written as an HTML numeric character reference (&#26412;), as an
    HTML exporter writing ASCII gives it; the symbols (○ ［ （ …) in hexadecimal, the rest in decimal."""
    def ref(c):
        return ("&#x%X;" if unicodedata.category(c).startswith(("S", "P")) else "&#%d;") % ord(c)
    return "".join(c if ord(c) < 128 else ref(c) for c in doc.text), doc.gold


def check_marks(doc, ctx):
    """Every ○ that marks a box written as the katakana レ, the tick of forms filled in by hand or
    by a word processor's check mark."""
    return doc.text.replace("○", "レ"), doc.gold


def box_glyphs(doc, ctx):
    """Every box whose brackets close on its own line printed as a box glyph, ■ checked and □ not, as
    forms made in a word processor print their checkboxes (a box cut by the line end stays)."""
    return EMPTY_BOX.sub("\u25a1", CHECKED_BOX.sub("\u25a0", doc.text)), doc.gold


BOLD_LINE_CHARS = 30  # a heading or a label on a line of its own, not prose


def bold_labels(doc, ctx):
    """Labels set in bold, as markdown converters of an office document write them: each row's first
    cell (**①システムの名称**), and each short line that is not a row (**Ⅰ 基本情報**)."""
    out = []
    for line in doc.lines:
        cells = line.split("\t")
        first = cells[0].strip()
        if first and (len(cells) > 1 or (len(first) <= BOLD_LINE_CHARS and not first.startswith(("<", "|", "#")))):
            cells[0] = cells[0].replace(first, "**%s**" % first, 1)
        out.append("\t".join(cells))
    return join(out), doc.gold


MARKDOWN_ESCAPED = re.compile(r"([\[\]*_#])")


def markdown_escapes(doc, ctx):
    """Markdown's escapes, as a converter writes the punctuation it would read as markup: \\[ ○ \\],
    \\*, \\_, \\#."""
    return MARKDOWN_ESCAPED.sub(r"\\\1", doc.text), doc.gold


def no_break_spaces(doc, ctx):
    """Every space a no-break space (U+00A0), as an HTML conversion's &nbsp; gives it."""
    return doc.text.replace(" ", "\u00a0"), doc.gold


def circled_as_parenthesized(doc, ctx):
    """Every circled number ① … ⑳ printed as the parenthesized one ⑴ … ⒇, as a font without ① gives
    it (NFKC reads ⑴ as (1), not as ①)."""
    return "".join(chr(ord(c) + 0x14) if 0x2460 <= ord(c) <= 0x2473 else c for c in doc.text), doc.gold


LABEL_CELL_CHARS = 40


def label_colons(doc, ctx):
    """Each row's label followed by a full-width colon (①システムの名称：), as "label: value" writes it."""
    out = []
    for line in doc.lines:
        cells = line.split("\t")
        if len(cells) > 1 and 0 < len(cells[0].strip()) <= LABEL_CELL_CHARS:
            cells[0] = cells[0].rstrip() + "\uff1a"
        out.append("\t".join(cells))
    return join(out), doc.gold


COVER_HEADER = {"評価書番号", "評価書名"}


def label_colon_values_variant(item="{label}\uff1a{value}"):
    """Each row written "label：value" on one line, no tab (a converter or a typist that flattens the
    form's table into key-value lines), a sub-row's label too (使用者数：…): the cover's header row and
    its data row as one line a field (評価書番号：3); tables of many columns (変更箇所) stay as they are.
    `item` writes a row: a markdown list item "- **{label}**：{value}" as LLM-based converters write,
    a heading over a paragraph, a definition list's term and ": definition"."""
    def variant(doc, ctx):
        def row(label, value):
            return item.format(label=label, value=value)
        lines, out, i = doc.lines, [], 0
        while i < len(lines):
            cells = [c.strip() for c in lines[i].split("\t")]
            named = [c for c in cells if c]
            if set(named) == COVER_HEADER and i + 1 < len(lines):
                data = [c.strip() for c in lines[i + 1].split("\t")]
                out += [row(h, d) for h, d in zip(named, data)]
                i += 2
                continue
            if len(cells) >= 2 and named and not is_grid_row(lines[i]):  # a sub-row's label too (| 使用者数 | …)
                out.append(row(named[0], " ".join(named[1:])))
            else:
                out.append(lines[i])
            i += 1
        return join(out), doc.gold
    return variant


def tabify_line(line, stop=8):
    """unexpand -a by code points: each run of two or more spaces that reaches a tab stop written
    as a tab up to that stop, the rest of the run as spaces."""
    out, col, i = [], 0, 0
    while i < len(line):
        if line[i] != " ":
            out.append(line[i])
            col, i = col + 1, i + 1
            continue
        j = i
        while j < len(line) and line[j] == " ":
            j += 1
        start, end = col, col + (j - i)
        while end - start >= 2 and (start // stop + 1) * stop <= end:
            out.append("\t")
            start = (start // stop + 1) * stop
        out.append(" " * (end - start))
        col, i = end, j
    return "".join(out)


def tabified(doc, ctx):
    """The text's runs of spaces written as tabs (unexpand -a, an editor's tabify)."""
    return join(tabify_line(l) for l in doc.lines), doc.gold


def double_spaced(doc, ctx):
    """A blank line after every line (a text copied or saved with a paragraph a line)."""
    return "\n\n".join(doc.text.split("\n")), doc.gold


def nfkc_text(doc, ctx):
    """The whole text normalised by NFKC before it was given (a pipeline or converter that normalises):
    ① is 1, Ⅰ is I, （ is (, full-width digits and spaces ASCII."""
    return unicodedata.normalize("NFKC", doc.text), doc.gold


def pdf_radicals(doc, ctx):
    return "".join(RADICALS.get(c, c) for c in doc.text), doc.gold


SPACED_LABEL_CHARS = 14
KANA_OR_KANJI = re.compile("[\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff\u3005]")


def spaced_characters(doc, ctx):
    """Label cells (a row's first cell, or a line's first word) with a space between each of their
    characters: a cell justified to its width, or letter spacing, as pdftotext writes them
    (評 価 書 番 号, 提 供 先 1, ① シ ス テ ム の 名 称)."""
    out = []
    for line in doc.lines:
        indent = line[:len(line) - len(line.lstrip(" "))]
        first, sep, rest = line.lstrip(" ").partition("\t" if "\t" in line else " ")
        if 0 < len(first) <= SPACED_LABEL_CHARS and KANA_OR_KANJI.search(first) and not first.startswith(("|", "#", "<")):
            first = " ".join(first)
        out.append(indent + first + sep + rest)
    return join(out), doc.gold


COVER_LABELS = ("評価書番号", "評価書名", "個人のプライバシー等の権利利益の保護の宣言", "特記事項",
                "評価実施機関名", "個人情報保護委員会", "公表日")


def cover_end(lines):
    """Index of 項目一覧 (or of the first section heading): the cover is everything before."""
    for i, l in enumerate(lines):
        if label_of(l) == "項目一覧" or is_section_heading(l):
            return i
    return None


def cover_blocks_markdown(cover):
    """Split the cover into a prelude and label+value blocks (a block starts at a cover label)."""
    starts = [i for i, l in enumerate(cover) if label_of(l).startswith(COVER_LABELS)]
    if not starts:
        return cover, []
    bounds = starts + [len(cover)]
    blocks = [cover[a:b] for a, b in zip(bounds, bounds[1:])]
    return cover[:starts[0]], blocks


def cover_blocks_pdftotext(cover):
    """pdftotext covers are already loose paragraphs: keep the title paragraph, move the rest."""
    paras = re.split(r"\n\s*\n", join(cover).strip("\n"))
    return paras[:1], [p.split("\n") for p in paras[1:]]


def cover_reordered(doc, ctx):
    lines = doc.lines
    end = cover_end(lines)
    if end is None:
        return None
    split = cover_blocks_markdown if doc.format == "markdown" else cover_blocks_pdftotext
    prelude, blocks = split(lines[:end])
    if len(blocks) < 2:
        return None
    trimmed = [trim_blank(b) for b in blocks]
    out = list(prelude) + ([""] if prelude and prelude[-1].strip() else [])
    for block in shuffled(trimmed, random.Random(SEED)):
        out += block + [""]
    return join(out + lines[end:]), doc.gold


def trim_blank(block):
    while block and not block[-1].strip():
        block = block[:-1]
    return block


def separate_lines(doc, ctx):
    out = []
    for l in doc.lines:
        cells = cells_of(l)
        out += [l] if cells is None else [c for c in cells if c.strip()]
    return join(out), doc.gold


def row_runs(lines):
    """Yield (is_run, lines): maximal runs of consecutive tab rows, and single other lines."""
    run = []
    for l in lines:
        if cells_of(l) is not None:
            run.append(l)
            continue
        if run:
            yield True, run
            run = []
        yield False, [l]
    if run:
        yield True, run


def unframed_pipe_table(run):
    """A pipe table without its outer pipes, as GitHub's tables allow (`a | b`, `---|---`)."""
    return [l[2:-2] if l.startswith("| ") else l.strip("|") for l in pipe_table(run)]


def pipe_table(run):
    rows = [[c.strip().replace("|", "\\|") for c in l.split("\t")] for l in run]
    width = max(len(r) for r in rows)  # converters pad ragged rows to the widest one
    text = ["| " + " | ".join(r + [""] * (width - len(r))) + " |" for r in rows]
    return text[:1] + ["|" + "---|" * width] + text[1:]


def html_table(run):
    rows = ["<tr>" + "".join("<td>%s</td>" % c.strip() for c in l.split("\t")) + "</tr>" for l in run]
    return ["<table>"] + rows + ["</table>"]


GRID_CELL_WIDTH = 40  # display columns: a CJK character takes two


def display_width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def wrapped_cell(text, width):
    """A cell's text in lines of at most `width` columns, broken as pandoc breaks it: at a space, or
    between two characters that are not both ASCII (a Latin word or a number stays whole)."""
    lines, cur = [], ""
    for c in text:
        if display_width(cur + c) > width and cur:
            k = len(cur)
            def inside_word(at):
                left, right = cur[at - 1], cur[at] if at < len(cur) else c
                return left.isascii() and right.isascii() and left != " " and right != " "
            while k > 0 and inside_word(k):
                k -= 1
            if k == 0:
                k = len(cur)
            lines.append(cur[:k].rstrip())
            cur = cur[k:].lstrip()
        cur += c
    return lines + [cur]


def grid_table(run):
    """A pandoc grid table: +---+ rules between the rows, each cell wrapped within its column."""
    rows = [[c.strip() for c in l.split("\t")] for l in run]
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    rule = "+" + "+".join("-" * (GRID_CELL_WIDTH + 2) for _ in range(width)) + "+"
    out = [rule]
    for r in rows:
        cells = [wrapped_cell(c, GRID_CELL_WIDTH) for c in r]
        for k in range(max(len(c) for c in cells)):
            parts = [c[k] if k < len(c) else "" for c in cells]
            out.append("|" + "|".join(" " + p + " " * (GRID_CELL_WIDTH - display_width(p)) + " " for p in parts) + "|")
        out.append(rule)
    return out


SPANNING_CELL = re.compile(r"^([0-9０-９]{1,2}[.．]|(システム|提供先|移転先|委託事項)[0-9０-９]+|[ⅠⅡⅢⅣⅤⅥ]|I{1,3}\s|IV|VI?\s)")


def merged_cells_table(run):
    """A pipe table as converters of merged cells write it (docling): a cell that spans the row (a
    numbered item's title, an entry's header) repeated in every column."""
    rows = [[c.strip().replace("|", "\\|") for c in l.split("\t")] for l in run]
    width = max(max(len(r) for r in rows), 2)
    rows = [r + [""] * (width - len(r)) for r in rows]
    for r in rows:
        if r[0] and not any(r[1:]) and SPANNING_CELL.match(r[0]):
            r[1:] = [r[0]] * (width - 1)
    text = ["| " + " | ".join(r) + " |" for r in rows]
    return text[:1] + ["|" + "---|" * width] + text[1:]


CELL_BREAKS = re.compile(r"</p>\s*<p>|<br\s*/?>|</div>\s*<div[^>]*>")


def spreadsheet_variant(delimiter, grid_sheet=False):
    """The form's sheet saved as text by a spreadsheet (Excel's CSV, or its tab-separated text):
    a cell's paragraphs as line breaks inside the cell, so that a cell holding one (or a comma, a
    quote) is quoted, its quotes doubled. A grid sheet (方眼紙: the form laid out on narrow columns)
    leaves a margin column and each merged cell's other columns empty; Excel ends its lines CRLF."""
    def variant(doc, ctx):
        out = io.StringIO()
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n" if grid_sheet else "\n")
        for line in doc.lines:
            cells = [CELL_BREAKS.sub("\n", c.strip()) for c in line.split("\t")]
            if grid_sheet:
                cells = [""] + [part for c in cells for part in (c, "", "", "")]
            writer.writerow(cells)
        return out.getvalue(), doc.gold
    return variant


MULTILINE_CELL_WIDTH = 40  # display columns: a CJK character takes two
MARKUP = re.compile(r"<(?!選択肢|執務)[A-Za-z/][^>]*>")


def plain_cell(value):
    """A cell as a converter to plain text renders it: its checkboxes as [ ○ ] / [ ], its HTML
    as the text it shows."""
    return re.sub(r"\s+", " ", MARKUP.sub(" ", text_marks(value))).strip()


def multiline_table(run):
    """A pandoc multiline table (pandoc's plain and markdown output of an office document): set
    two spaces in from the margin, dashed rules above and below, each cell wrapped within its
    column (laid out by display width), the rows parted by blank lines."""
    rows = [[plain_cell(c) for c in l.split("\t")] for l in run]
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    rule = "  " + "  ".join("-" * MULTILINE_CELL_WIDTH for _ in range(width))
    out = [rule]
    for r in rows:
        cells = [wrapped_cell(c, MULTILINE_CELL_WIDTH) for c in r]
        for k in range(max(len(c) for c in cells)):
            parts = [c[k] if k < len(c) else "" for c in cells]
            line = "  ".join(p + " " * (MULTILINE_CELL_WIDTH - display_width(p)) for p in parts)
            out.append(("  " + line).rstrip())
        out.append("")
    out[-1] = rule
    return out + [""]


def html_table_indented(run):
    """An HTML table as HTML writers indent it (a spreadsheet's Save as Web page): a tag or a cell
    a line."""
    out = ["<table>"]
    for l in run:
        out.append("  <tr>")
        out += ["    <td>%s</td>" % c.strip() for c in l.split("\t")]
        out.append("  </tr>")
    return out + ["</table>"]


def html_table_line(run):
    """The whole table on one line, as converters that write HTML tables give it."""
    return ["".join(html_table(run))]


def tables_variant(render):
    def variant(doc, ctx):
        out = []
        for is_run, lines in row_runs(doc.lines):
            out += render(lines) if is_run else lines
        return join(out), doc.gold
    return variant


DIGIT_SWAP = str.maketrans("0123456789０１２３４５６７８９", "０１２３４５６７８９0123456789")
ROMAN_SWAP = {"I": "Ⅰ", "II": "Ⅱ", "III": "Ⅲ", "IV": "Ⅳ", "V": "Ⅴ", "VI": "Ⅵ"}
ROMAN_SWAP.update({v: k for k, v in list(ROMAN_SWAP.items())})
NUMBERED_LABEL = re.compile(r"(システム|提供先|移転先|委託事項|別添)\s*([0-9０-９]+)")
COUNT = re.compile(r"([(（]\s*)([0-9０-９]+)(\s*[)）]\s*件)")
HEAD_NUMBER = re.compile(r"^(\s*)([0-9０-９]{1,2})([.．])")
HEAD_ROMAN = re.compile(r"^(\s*#*\s*)(VI|IV|V|III|II|I|Ⅵ|Ⅳ|Ⅴ|Ⅲ|Ⅱ|Ⅰ)(?=[\s　.．])")
SPACED_LABELS = (("システムの名称", "システム の名称"), ("評価実施機関名", "評価実施機関 名"),
                 ("他のシステムとの接続", "他のシステム との接続"), ("事務の名称", "事務の 名称"),
                 ("法令上の根拠", "法令上 の根拠"), ("委託先名", "委託先 名"))


def swap_label(text):
    """Toggle digit widths in numbered labels and heading numbers, and space some labels."""
    text = NUMBERED_LABEL.sub(lambda m: m.group(1) + m.group(2).translate(DIGIT_SWAP), text)
    text = HEAD_NUMBER.sub(lambda m: m.group(1) + m.group(2).translate(DIGIT_SWAP)
                           + ("．" if m.group(3) == "." else "."), text)
    for plain, spaced in SPACED_LABELS:
        text = text.replace(plain, spaced)
    return text


def swap_counts(text):
    return COUNT.sub(lambda m: m.group(1) + m.group(2).translate(DIGIT_SWAP) + m.group(3), text)


def swap_line(line, fmt):
    if is_section_heading(line):
        line = HEAD_ROMAN.sub(lambda m: m.group(1) + ROMAN_SWAP[m.group(2)], line)
    cells = cells_of(line)
    if cells is None or fmt == "pdftotext":
        return swap_counts(swap_label(line))
    first = next((i for i, c in enumerate(cells) if c.strip()), 0)
    # only label cells are respaced: values are what the gold quotes
    cells = [swap_label(c) if i <= first else swap_counts(c) for i, c in enumerate(cells)]
    return "\t".join(cells)


def digits_and_spaces(doc, ctx):
    return join(swap_line(l, doc.format) for l in doc.lines), doc.gold


def minutes_text(doc):
    items = ["(%d) %s（%s）" % (i + 1, a.get("affair") or a.get("title") or "評価書", a.get("form") or "評価書")
             for i, a in enumerate(doc.gold.get("assessments", []))]
    first = doc.gold["assessments"][0] if doc.gold.get("assessments") else {}
    affair, form = first.get("affair", "事務"), first.get("form", "評価書")
    before = [
        "# 第3回 架空市個人情報保護審査会 会議録", "",
        "## 開催日時・場所", "",
        "令和6年11月12日（火）午後2時から午後4時まで　架空市役所本庁舎5階 第2会議室", "",
        "## 出席者", "",
        "委員：山田会長、佐藤副会長、鈴木委員、高橋委員",
        "事務局：総務課 情報公開・個人情報保護係", "",
        "## 議題", "",
    ] + items + ["(%d) その他" % (len(items) + 1), "",
                 "## 審議の経過", "",
                 "会長：それでは議題(1)について、事務局から説明をお願いします。",
                 "事務局：%sの特定個人情報保護評価書（%s）の案について説明します。"
                 "評価書の本文は資料1のとおりです。" % (affair, form), "",
                 "## 資料1", ""]
    after = [
        "", "## 質疑", "",
        "委員：システムの接続先について、庁内連携システムとの連携はどのように管理されていますか。",
        "事務局：アクセス権限を付与された職員のみが利用できるよう管理しています。",
        "委員：委託先の監督はどのように行っていますか。",
        "事務局：委託契約書に基づき、定期的に作業報告を求めています。",
        "会長：それでは、本評価書案について了承することとしてよろしいですか。",
        "（異議なし）", "",
        "## 閉会", "",
        "会長：以上をもって第3回審査会を閉会します。", "",
    ]
    return before, after


def minutes(doc, ctx):
    before, after = minutes_text(doc)
    return join(before) + "\n" + doc.text.strip("\n") + "\n" + join(after), doc.gold


def concatenated(doc, ctx):
    other = ctx.get("other")
    if other is None:
        return None
    text = doc.text.rstrip("\n") + "\n\f\n\n" + other.text.lstrip("\n")
    gold = {"seed": "%s+%s" % (doc.name, other.name),
            "assessments": copy.deepcopy(doc.gold["assessments"]) + copy.deepcopy(other.gold["assessments"])}
    return text, gold


def concatenated_set(doc, ctx):
    """An organisation's set printed into one file: four assessments (this one and its partner, twice),
    each starting a page, so that the covers' lines stand on the top of every page."""
    other = ctx.get("other")
    if other is None:
        return None
    docs = [doc, other, doc, other]
    text = "\n\f".join(d.text.strip("\n") + "\n" for d in docs)
    gold = {"seed": "+".join(d.name for d in docs),
            "assessments": [copy.deepcopy(a) for d in docs for a in d.gold["assessments"]]}
    return text, gold


SECTION_ONE_RE = re.compile(r"^[#\s]*(?:<p>)?\s*I\s*[.、]?\s*(?:基本情報|関連情報)")
COVER_FIELDS = ("organization", "number", "published", "title", "form")  # read from the cover only


def content_start(lines):
    """Index of the content's section I: the last section heading (Ⅰ …) above the first ①事務の名称."""
    affair = next((i for i, l in enumerate(lines) if "事務の名称" in nfkc(l)), None)
    if affair is None:
        return None
    heads = [i for i in range(affair) if is_section_heading(lines[i]) and SECTION_ONE_RE.match(nfkc(lines[i]))]
    return heads[-1] if heads else affair


def quoted_without_cover(doc, ctx):
    other = ctx.get("other")
    if other is None:
        return None
    start = content_start(other.lines)
    if start is None:
        return None
    text = doc.text.rstrip("\n") + "\n\f\n\n" + join(other.lines[start:])
    quoted = copy.deepcopy(other.gold["assessments"])
    for a in quoted:
        for field in COVER_FIELDS:
            a[field] = ""
    gold = {"seed": "%s+%s" % (doc.name, other.name), "assessments": copy.deepcopy(doc.gold["assessments"]) + quoted}
    return text, gold


def cover_lost(doc, ctx):
    """The document without its cover page (a conversion that started at page 2, a cover kept
    apart): everything before section I is gone, so are the facts only the cover holds."""
    start = content_start(doc.lines)
    if start is None or start == 0:
        return None
    gold = copy.deepcopy(doc.gold)
    for a in gold["assessments"]:
        for field in COVER_FIELDS:
            a[field] = ""
    return join(doc.lines[start:]), gold


ROW_NUMBER = re.compile(r"^(システム|提供先|移転先|委託事項)\s*(\d+)\s*$")
BLOCK_START = re.compile(r"^(システム|提供先|移転先|委託事項)\s*\d")  # also range rows like システム2～5


def is_numbered_row(line, kind, number):
    m = ROW_NUMBER.match(label_of(line)) if cells_of(line) is not None else None
    return bool(m) and m.group(1) == kind and int(m.group(2)) == number


def ends_block(line):
    return bool(BLOCK_START.match(label_of(line))) or is_item_heading(line) or is_section_heading(line)


def numbered_block(lines, kind, number=1):
    """(start, end) of the rows from the `<kind>N` row up to the next numbered row or heading."""
    start = next((i for i, l in enumerate(lines) if is_numbered_row(l, kind, number)), None)
    if start is None:
        return None
    end = next((i for i in range(start + 1, len(lines)) if ends_block(lines[i])), len(lines))
    return start, end


def table_duplicated(doc, ctx):
    span = numbered_block(doc.lines, "システム")
    if span is None:
        return None
    a, b = span
    rows = [l for l in doc.lines[a:b] if cells_of(l) is not None]
    return join(doc.lines[:a] + html_table(rows) + doc.lines[a:]), doc.gold


def drop_system(gold, no):
    gold = copy.deepcopy(gold)
    systems = gold["assessments"][0].get("systems") or []
    kept = [s for s in systems if s.get("no") != no]
    if len(kept) == len(systems):
        return None
    gold["assessments"][0]["systems"] = kept
    return gold


def header_value(line):
    cells = [c for c in line.split("\t")[1:] if c.strip()]
    return cells[0].strip() if cells else ""


def drop_flow(gold, key, recipient):
    """Remove the one provision/transfer whose recipient is this block's (None if ambiguous)."""
    gold = copy.deepcopy(gold)
    norm = lambda s: re.sub(r"\s", "", nfkc(s or ""))
    hits = [(f, p) for a in gold["assessments"] for f in a.get("files") or []
            for p in f.get(key) or [] if norm(p.get("recipient")) == norm(recipient)]
    if not recipient or len(hits) != 1:
        return None
    f, p = hits[0]
    f[key].remove(p)
    return gold


def block_lost(doc, ctx):
    # the first block whose facts map one-to-one onto gold entries
    lines = doc.lines
    span = numbered_block(lines, "システム")
    if span:
        gold = drop_system(doc.gold, 1)
        if gold is not None:
            return join(lines[:span[0]] + lines[span[1]:]), gold
    for kind, key in (("提供先", "provisions"), ("移転先", "transfers")):
        span = numbered_block(lines, kind)
        if span:
            gold = drop_flow(doc.gold, key, header_value(lines[span[0]]))
            if gold is not None:
                return join(lines[:span[0]] + lines[span[1]:]), gold
    return None


PAGE_BREAK = re.compile(r"(\f|\n{4,})")  # a form feed, or 3+ blank lines ending a page


def shuffle_page(page, rng):
    lead = page[:len(page) - len(page.lstrip("\n"))]
    tail = page[len(page.rstrip("\n")):]
    blocks = re.split(r"\n[ \t\u3000]*\n", page.strip("\n"))
    return lead + "\n\n".join(shuffled(blocks, rng)) + tail


def pages_shuffled(doc, ctx):
    rng = random.Random(SEED)
    parts = PAGE_BREAK.split(doc.text)
    out = [p if i % 2 else shuffle_page(p, rng) for i, p in enumerate(parts)]
    return "".join(out), doc.gold


def page_order(n, rng):
    """A fixed disorder of n pages: the first page (the cover) stays, the rest shuffled, never left
    in order."""
    rest = list(range(1, n))
    while len(rest) > 1 and rest == sorted(rest):
        rng.shuffle(rest)
    return [0] + rest


def pages_reordered(doc, ctx):
    """The pages put together out of order (a PDF assembled from scans or parts): every page but
    the cover moved, each page whole, with its printed number (- 3 -, Page 3). Texts without form
    feeds have no pages to move."""
    pages = doc.text.split("\f")
    if len(pages) < 3:
        return None
    order = page_order(len(pages), random.Random(SEED))
    return "\f".join(pages[i] for i in order), doc.gold


def running_headers(doc, ctx):
    """A header printed atop every page, as a sheet's print settings or a word processor's page
    header put it: the form's title, 評価書番号N, the organisation and the affair, each a line of its
    own as pdftotext reads them. Texts without form feeds have no pages to head."""
    pages = doc.text.split("\f")
    gold = doc.gold["assessments"]
    if len(pages) < 3 or len(gold) != 1:
        return None
    a = gold[0]
    header = "\n\n".join(["特定個人情報保護評価書（%s）" % a["form"], "評価書番号%s" % a["number"],
                           a["organization"], a["affair"]]) + "\n\n"
    return "\f".join([pages[0]] + [header + p.lstrip("\n") for p in pages[1:]]), doc.gold


def pages_joined(doc, ctx):
    """The page breaks lost: no form feeds, every run of blank lines one blank line."""
    text = re.sub(r"\n[ \t\u3000]*(?:\n[ \t\u3000]*)+\n", "\n\n", doc.text.replace("\f", ""))
    return text, doc.gold


# --------------------------------------------------------------------------
# printed form: HTML -> chromium PDF -> pdftotext

CHECKED, UNCHECKED = "[ ○ ]", "[ ]"
CHECKBOX_RULES = [
    # order matters: bracket-wrapped inputs first, so no "[[ ○ ]]" is left behind
    (re.compile(r"\[\s*<input\b[^>]*\bchecked\b[^>]*>\s*\]"), CHECKED),
    # unchecked radios are how this converter loses a selected mark (gold reads them as checked)
    (re.compile(r"\[\s*<input\b[^>]*type=\"radio\"[^>]*>\s*\]"), CHECKED),
    (re.compile(r"\[\s*<input\b[^>]*>\s*\]"), UNCHECKED),
    (re.compile(r"<input\b[^>]*\bchecked\b[^>]*>"), CHECKED),
    (re.compile(r"<input\b[^>]*type=\"radio\"[^>]*>"), CHECKED),
    (re.compile(r"<input\b[^>]*>"), UNCHECKED),
    (re.compile(r"[\[【]\s*[○◯●✓✔]\s*[\]】]"), CHECKED),
    (re.compile(r"[\[【]\s*[\]】]"), UNCHECKED),
]
TAG = re.compile(r"</?(?:p|div|ul|ol|li|span|br|table|thead|tbody|tr|td|th|b|i|u|s|strong|em|sup|sub|a|"
                 r"h[1-6]|hr|font|center)\b[^<>]*>", re.I)


def text_marks(value):
    for pattern, mark in CHECKBOX_RULES:
        value = pattern.sub(mark, value)
    return value


def to_html(value):
    """Keep real HTML tags as block elements; escape everything else (e.g. the text '<選択肢>')."""
    value = text_marks(value)
    out, pos = [], 0
    for m in TAG.finditer(value):
        out.append(html.escape(value[pos:m.start()], quote=False))
        out.append(m.group(0))
        pos = m.end()
    out.append(html.escape(value[pos:], quote=False))
    return "".join(out)


def is_contents_entry(lines, i):
    """A section heading followed by another heading is an entry of the 項目一覧 list."""
    nxt = next((l for l in lines[i + 1:] if l.strip()), "")
    return is_section_heading(nxt) or is_annex_heading(nxt)


def printed_rows(lines):
    """Yield (kind, cells) rows: 'section' starts a new table; 'head' and 'text' span both columns."""
    cover = cover_end(lines) or 0
    i = 0
    while i < len(lines):
        kind, cells, i = classify(lines, i, cover)
        if kind:
            yield kind, cells


def classify(lines, i, cover):
    """(kind, cells, index of the next unread line) for the line at i."""
    line = lines[i]
    if not line.strip():
        return None, None, i + 1
    if is_section_heading(line):
        if is_contents_entry(lines, i):
            return "text", [line], i + 1
        return "section", [line.lstrip("# ").strip("\t")], i + 1
    if is_grid_row(line):
        return "grid", line.split("\t"), i + 1
    if cells_of(line) is not None:
        return "row", line.split("\t"), i + 1
    if is_item_heading(line) or is_annex_heading(line) or line.lstrip().startswith("#") \
            or label_of(line) == "項目一覧":
        return "head", [line.lstrip("# ")], i + 1
    if i < cover and label_of(line).startswith(COVER_LABELS):
        value, nxt = next_cover_value(lines, i + 1)
        return "row", [line, value], nxt
    return "text", [re.sub(r"^- ", "", line)], i + 1


DATE = re.compile(r"^(令和|平成)\s*[0-9０-９元]+\s*年")


def is_grid_row(line):
    """The 変更箇所 table is printed as the form prints it: one column per cell (its header row
    starts with 変更日, its rows with a date)."""
    cells = line.split("\t")
    return len(cells) >= 4 and (cells[0].strip() == "変更日" or bool(DATE.match(cells[0].strip())))


def next_cover_value(lines, i):
    """The cover prints labels in cells beside their value paragraph."""
    j = i
    while j < len(lines) and not lines[j].strip():
        j += 1
    if j < len(lines) and not label_of(lines[j]).startswith(COVER_LABELS + ("項目一覧",)) \
            and cells_of(lines[j]) is None:
        return lines[j], j + 1
    return "", i


def is_field_label(cell):
    """A numbered field label of the form: ①事務の名称, ⑦再委託の有無 ※ …"""
    c = cell.strip()
    return bool(c) and "\u2460" <= c[0] <= "\u2473"


def label_cell(cells):
    """Rows with a group label (再委託 | ⑦再委託の有無 | value) print both labels in one cell."""
    # label, value and a trailing tab (提供先3 | 他市町村長 | ): the last cell is no value; a group row
    # (再委託 | ⑦再委託の有無 | , or | ⑧再委託の許諾方法 | ) has a field label in its second cell
    if len(cells) == 3 and cells[0].strip() and not cells[2].strip() and not is_field_label(cells[1]):
        cells = cells[:2]
    *labels, value = cells if len(cells) > 1 else cells + [""]
    labels = [c for c in labels if c.strip()]
    return "".join("<div>%s</div>" % to_html(c) for c in labels), value


def html_row(kind, cells):
    if kind == "grid":
        return "<tr>%s</tr>" % "".join("<td>%s</td>" % to_html(c) for c in cells)
    if kind in ("section", "head"):
        return "<tr><th colspan=\"2\">%s</th></tr>" % to_html(cells[0])
    if kind == "text":
        return "<tr><td colspan=\"2\">%s</td></tr>" % to_html(cells[0])
    # a row with an empty label (a value the conversion split off) keeps its empty label cell
    label, value = label_cell(cells)
    # the cover's number under its header (評価書番号 | 評価書名 over 14 | …) is a value, set as one
    cls = "label value" if re.sub(r"<[^>]*>", "", label).strip().isdigit() else "label"
    return "<tr><td class=\"%s\">%s</td><td>%s</td></tr>" % (cls, label, to_html(value))


PRINT_CSS = """
@page { size: A4; margin: 12mm; }
body { font-family: "Noto Sans CJK JP", sans-serif; font-size: 9pt; }
table { width: 100%; border-collapse: collapse; margin-bottom: 5mm; table-layout: fixed; }
td, th { border: 1px solid #000; padding: 2px 4px; vertical-align: top; word-break: break-all; }
td.label { width: 30%; background: #eee; }
table.grid td { width: auto; }
th { text-align: left; background: #ccc; }
p { margin: 0; }
ul, ol { margin: 0; padding-left: 1.5em; }
"""
# The form as an office suite prints it: a narrow label column whose labels wrap over two or three
# lines, centred on their row's height, so a label's lines stand above and below its value's first.
NARROW_LABEL_CSS = PRINT_CSS.replace("td.label { width: 30%; background: #eee; }",
                                     "td.label { width: 13%; background: #eee; vertical-align: middle; }")
# Labels spread over their cell's width (均等割り付け, as Japanese forms set them): each line's
# characters stand apart, by a gap as wide as the cell leaves.
DISTRIBUTED_LABEL_CSS = PRINT_CSS.replace(
    "td.label { width: 30%; background: #eee; }",
    "td.label { width: 30%; background: #eee; }\n"
    "td.label:not(.value) { text-align: justify; text-align-last: justify; text-justify: inter-character; }")


def printable_html(doc, css=PRINT_CSS, label_width=None):
    tables, current = [], []
    grid = False  # the rows of the current table are grid rows
    for kind, cells in printed_rows(doc.lines):
        if current and (kind == "section" or (kind == "grid") != grid):
            tables.append((grid, current))
            current = []
        grid = kind == "grid"
        current.append(html_row(kind, cells))
    tables.append((grid, current))
    # a label column of a fixed width wraps the labels (and the headings) longer than it
    cols = "<colgroup><col style=\"width:%d%%\"><col></colgroup>\n" % label_width if label_width else ""
    body = "\n".join("<table%s>\n%s%s\n</table>" % (" class=\"grid\"" if g else "", "" if g else cols, "\n".join(t))
                     for g, t in tables if t)
    return ("<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\"><style>%s</style></head>"
            "<body>\n%s\n</body></html>\n" % (css, body))


def cached_pdf(html_text, cache_dir, engine, print_to, suffix=".html"):
    """The PDF of the HTML (or of the text, suffix ".txt") as `engine` prints it, cached by content
    hash: print_to(path, work_dir) makes the PDF and returns its path, in a temporary folder (parallel
    runs share nothing)."""
    os.makedirs(cache_dir, exist_ok=True)
    key = hashlib.sha256((engine + "\n" + html_text).encode("utf-8")).hexdigest()[:20]
    pdf = os.path.join(cache_dir, "%s.%s.pdf" % (key, engine))
    if os.path.exists(pdf):
        return pdf
    work = tempfile.mkdtemp(prefix="sim-%s-" % engine)
    try:
        html_path = os.path.join(work, key + suffix)
        with open(html_path, "w", encoding="utf-8-sig" if suffix == ".txt" else "utf-8") as f:
            f.write(html_text)
        shutil.move(print_to(html_path, work), pdf + ".part")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    os.replace(pdf + ".part", pdf)
    return pdf


def chromium_print(path, work):
    """The file at `path` printed to PDF by headless chromium (no running header), in `work`."""
    out = os.path.join(work, "printed.pdf")
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    "--user-data-dir=" + os.path.join(work, "profile"), "--print-to-pdf=" + out,
                    "file://" + os.path.abspath(path)],
                   check=True, capture_output=True, timeout=300)
    return out


def print_pdf(html_text, cache_dir):
    """Print the HTML with headless chromium."""
    return cached_pdf(html_text, cache_dir, "chromium", chromium_print)


def print_text_pdf(text, cache_dir):
    """Print the text as it is, as a browser prints a .txt it opened (a BOM names its encoding): each
    line wrapped at the page's width, a tab a few spaces."""
    return cached_pdf(text, cache_dir, "chromium-text", chromium_print, suffix=".txt")


def printed_text_variant(layout=None):
    """The text printed as it is (print_text_pdf) and converted back: by pdftotext (physical layout,
    or reading order), or, layout None, the PDF itself read by piagraph."""
    def variant(doc, ctx):
        if printer_missing(False) or (layout is not None and not shutil.which("pdftotext")):
            return None
        pdf = print_text_pdf(doc.text, ctx.get("cache") or os.path.join(tempfile.gettempdir(), "sim-cache"))
        if layout is not None:
            return pdftotext(pdf, layout), doc.gold
        with open(pdf, "rb") as f:
            return f.read(), doc.gold
    return variant


def print_spreadsheet_pdf(html_text, cache_dir):
    """Open the HTML as a spreadsheet in LibreOffice Calc and print it to PDF: the form as a sheet
    prints it, each label at the foot of its cell (a sheet's default), a header with the sheet's
    name and a footer with the page's number on every page."""
    def print_to(html_path, work):
        subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + os.path.join(work, "profile"),
                        "--infilter=HTML (StarCalc)", "--convert-to", "pdf", "--outdir", work, html_path],
                       check=True, capture_output=True, timeout=600)
        return os.path.splitext(html_path)[0] + ".pdf"
    return cached_pdf(html_text, cache_dir, "calc", print_to)


def pdftotext(pdf, layout, page_breaks=True):
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + ([] if page_breaks else ["-nopgbrk"])
    args += [pdf, "-"]
    return subprocess.run(args, check=True, capture_output=True).stdout.decode("utf-8")


def with_diagram(html_text):
    """The 別添1 figure placeholder ([図：…（A、B、…）]) drawn as a figure is: boxes named after the
    systems it lists, set about the page, with arrows and the steps' words beside them."""
    def figure(m):
        names = re.split("[、,]", m.group(1))
        extra = ["住民", "窓口", "他市区町村", "情報提供ネットワークシステム", "①届出", "②照会", "③回答", "④通知"]
        boxes = []
        for k, name in enumerate(names + extra):
            x, y = 5 + (k % 3) * 60, 5 + (k // 3) * 28
            border = "border:1px solid #000;" if k < len(names) + 4 else ""
            boxes.append('<div style="position:absolute;left:%dmm;top:%dmm;width:45mm;%sfont-size:8pt">%s</div>'
                         % (x, y, border, html.escape(name)))
            if k % 3 < 2:
                boxes.append('<div style="position:absolute;left:%dmm;top:%dmm;font-size:8pt">→</div>' % (x + 50, y + 3))
        return ('<td colspan="2"><div style="position:relative;height:%dmm">%s</div></td>'
                % (10 + 28 * ((len(names) + len(extra)) // 3 + 1), "".join(boxes)))
    return re.sub(r'<td colspan="2">\[図：[^（(]*[（(]([^）)]*)[）)]\]</td>', figure, html_text)


def printed(doc, ctx, css, label_width, spreadsheet, centred=False):
    """The form printed to PDF, with headless chromium or from a spreadsheet: the PDF's path.
    centred: the sheet's label cells centred on their rows (Calc reads valign, not CSS), each value
    at the top of its cell, as a form formatted so prints."""
    cache = ctx.get("cache") or os.path.join(tempfile.gettempdir(), "sim-cache")
    html_text = printable_html(doc, css, label_width)
    if ctx.get("diagram"):
        html_text = with_diagram(html_text)
    if not spreadsheet:
        return print_pdf(html_text, cache)
    # Calc runs a cell's blocks together (再委託⑦再委託の有無): its lines break where the form's do
    html_text = html_text.replace("</div><div>", "<br>")
    if centred:
        html_text = html_text.replace('<td class="label">', '<td class="label" valign="middle">').replace(
            "</td><td>", '</td><td valign="top">')
    return print_spreadsheet_pdf(html_text, cache)


def printer_missing(spreadsheet):
    return not shutil.which("soffice" if spreadsheet else "chromium")


def reordered_pdf(pdf, cache_dir):
    """The PDF with its pages out of order (qpdf), cached beside it."""
    out = os.path.join(cache_dir, os.path.basename(pdf)[:-len(".pdf")] + ".reordered.pdf")
    if not os.path.exists(out):
        n = int(subprocess.run(["qpdf", "--show-npages", pdf], check=True, capture_output=True).stdout)
        order = ",".join(str(i + 1) for i in page_order(n, random.Random(SEED)))
        subprocess.run(["qpdf", pdf, "--pages", pdf, order, "--", out + ".part"], check=True, capture_output=True)
        os.replace(out + ".part", out)
    return out


def printed_pdf_variant(css=PRINT_CSS, label_width=None, spreadsheet=False, centred=False, reordered=False):
    """The printed form as the PDF itself: piagraph reads it in-process (poppler); reordered: its
    pages out of order."""
    def variant(doc, ctx):
        if printer_missing(spreadsheet) or (reordered and not shutil.which("qpdf")):
            return None
        pdf = printed(doc, ctx, css, label_width, spreadsheet, centred)
        if reordered:
            pdf = reordered_pdf(pdf, ctx.get("cache") or os.path.join(tempfile.gettempdir(), "sim-cache"))
        with open(pdf, "rb") as f:
            return f.read(), doc.gold
    return variant


def printed_variant(layout, css=PRINT_CSS, label_width=None, spreadsheet=False, centred=False, page_breaks=True):
    """The printed form converted back with pdftotext (raw order, or physical layout; without form
    feeds where page_breaks is false)."""
    def variant(doc, ctx):
        if printer_missing(spreadsheet) or not shutil.which("pdftotext"):
            return None
        return pdftotext(printed(doc, ctx, css, label_width, spreadsheet, centred), layout, page_breaks), doc.gold
    return variant


def printed_other_converter_variant(tool, command):
    """The printed form converted back by another common tool: `command`, its PDF in place of
    "{pdf}", writes the text on stdout (mutool: MuPDF's text device, a paragraph a text block; pdf2txt: pdfminer.six, a page's
    label column before its value column; pdftotext -raw: content stream order, spaces dropped)."""
    def variant(doc, ctx):
        if printer_missing(False) or not shutil.which(tool):
            return None
        pdf = printed(doc, ctx, PRINT_CSS, None, False)
        out = subprocess.run([pdf if a == "{pdf}" else a for a in command], check=True, capture_output=True).stdout
        return out.decode("utf-8"), doc.gold
    return variant


# --------------------------------------------------------------------------
# registry and CLI

BOTH, MD, PDF = ("markdown", "pdftotext"), ("markdown",), ("pdftotext",)
VARIANTS = {
    "headings-removed": (headings_removed, BOTH),
    "headings-and-annex-removed": (headings_and_annex_removed, BOTH),
    "markdown-headings": (markdown_headings, MD),
    "cover-reordered": (cover_reordered, BOTH),
    "crlf": (crlf, BOTH),
    "pdf-radicals": (pdf_radicals, BOTH),
    "nfkc": (nfkc_text, BOTH),
    "double-spaced": (double_spaced, BOTH),
    "tabified": (tabified, PDF),
    # the printed form in -layout text, its runs of spaces then written as tabs
    "printed-tabified": (lambda doc, ctx: make_variant(doc, "printed-pdftotext-layout+tabified", ctx), MD),
    "circled-as-parenthesized": (circled_as_parenthesized, BOTH),
    "full-width-brackets": (full_width_brackets, BOTH),
    "box-glyphs": (box_glyphs, BOTH),
    "check-marks": (check_marks, BOTH),
    "character-references": (character_references, MD),
    "bold-labels": (bold_labels, MD),
    "markdown-escapes": (markdown_escapes, MD),
    "label-colons": (label_colons, MD),
    "label-colon-values": (label_colon_values_variant(), MD),
    "label-colon-list": (label_colon_values_variant("- **{label}**\uff1a{value}"), MD),
    # each label a markdown heading over its value's paragraph, and pandoc's definition lists
    "label-headings": (label_colon_values_variant("#### {label}\n\n{value}\n"), MD),
    "definition-list": (label_colon_values_variant("{label}\n: {value}\n"), MD),
    "no-break-spaces": (no_break_spaces, BOTH),
    "spaced-characters": (spaced_characters, BOTH),
    "circled-as-parens": (circled_as_parens, BOTH),
    "separate-lines": (separate_lines, MD),
    "tabs-lost": (tabs_lost, MD),
    # an item's title merged with the row under it (a heading cell merged with the first label)
    "titled-rows": (titled_rows, MD),
    "pipe-tables": (tables_variant(pipe_table), MD),
    "pipe-tables-unframed": (tables_variant(unframed_pipe_table), MD),
    "html-tables": (tables_variant(html_table), MD),
    "html-table-lines": (tables_variant(html_table_line), MD),
    "html-tables-indented": (tables_variant(html_table_indented), MD),
    "grid-tables": (tables_variant(grid_table), MD),
    "multiline-tables": (tables_variant(multiline_table), MD),
    # the same after the headings and annexes were lost: a file block's name is the short line
    # above its first row, with the table's dashed rule between them
    "multiline-headings-removed": (
        lambda doc, ctx: make_variant(doc, "headings-and-annex-removed+multiline-tables", ctx), MD),
    "merged-cells": (tables_variant(merged_cells_table), MD),
    "spreadsheet-csv": (spreadsheet_variant(",", grid_sheet=True), MD),
    "spreadsheet-tsv": (spreadsheet_variant("\t"), MD),
    "digits-and-spaces": (digits_and_spaces, BOTH),
    "minutes": (minutes, BOTH),
    "concatenated": (concatenated, BOTH),
    "concatenated-set": (concatenated_set, BOTH),
    "quoted-without-cover": (quoted_without_cover, BOTH),
    "cover-lost": (cover_lost, BOTH),
    "table-duplicated": (table_duplicated, MD),
    "block-lost": (block_lost, MD),
    "pages-shuffled": (pages_shuffled, PDF),
    "pages-joined": (pages_joined, PDF),
    "pages-reordered": (pages_reordered, PDF),
    # a running header atop every page: the form's title and 評価書番号 repeat on each, and are no
    # new assessment's cover; in the text as pdftotext reads it, and in the printed form's
    "running-headers": (running_headers, PDF),
    "printed-running-headers": (lambda doc, ctx: make_variant(doc, "printed-pdftotext+running-headers", ctx), MD),
    "printed-pdftotext": (printed_variant(layout=False), MD),
    "printed-pdftotext-layout": (printed_variant(layout=True), MD),
    "printed-pdf": (printed_pdf_variant(), MD),
    "printed-distributed-labels": (printed_variant(layout=True, css=DISTRIBUTED_LABEL_CSS), MD),
    "printed-diagram": (lambda doc, ctx: printed_variant(layout=True)(doc, dict(ctx, diagram=True)), MD),
    "printed-pdf-diagram": (lambda doc, ctx: printed_pdf_variant()(doc, dict(ctx, diagram=True)), MD),
    "printed-pdftotext-diagram": (lambda doc, ctx: printed_variant(layout=False)(doc, dict(ctx, diagram=True)), MD),
    "printed-pdf-distributed-labels": (printed_pdf_variant(DISTRIBUTED_LABEL_CSS), MD),
    # the form as an office suite prints it: narrow label cells, each label centred on its row
    "printed-narrow-labels": (printed_variant(layout=True, css=NARROW_LABEL_CSS), MD),
    "printed-pdf-narrow-labels": (printed_pdf_variant(NARROW_LABEL_CSS), MD),
    # a label column 18% wide: labels and numbered headings wrap over two to four lines, a label
    # that fills its column stands one space before its value; at the top, then centred
    "printed-wrapped-labels": (printed_variant(layout=True, label_width=18), MD),
    "printed-wrapped-centred": (printed_variant(layout=True, css=NARROW_LABEL_CSS, label_width=18), MD),
    "printed-pdf-wrapped-centred": (printed_pdf_variant(NARROW_LABEL_CSS, label_width=18), MD),
    # printed from a spreadsheet (LibreOffice Calc): labels at the foot of their rows, running
    # header and footer on every page, label cells that pdftotext sets against their values
    "printed-spreadsheet": (printed_variant(layout=True, css=NARROW_LABEL_CSS, spreadsheet=True), MD),
    "printed-pdf-spreadsheet": (printed_pdf_variant(NARROW_LABEL_CSS, spreadsheet=True), MD),
    # the sheet's PDF with its pages out of order (qpdf): each page keeps its printed 「Page N」
    "printed-pdf-pages-reordered": (printed_pdf_variant(NARROW_LABEL_CSS, spreadsheet=True, reordered=True), MD),
    # the same sheet in -layout text, its pages out of order
    "printed-spreadsheet-pages-reordered": (
        lambda doc, ctx: make_variant(doc, "printed-spreadsheet+pages-reordered", ctx), MD),
    # the same PDF in pdftotext's raw order: a page's cells column by column, each label after the
    # first lines of its value
    "printed-spreadsheet-pdftotext": (printed_variant(layout=False, css=NARROW_LABEL_CSS, spreadsheet=True), MD),
    # the same without form feeds (pdftotext -nopgbrk, a text copied from a viewer): the pages are
    # found again by the 「Page N」 each prints
    "printed-spreadsheet-nopgbrk": (
        printed_variant(layout=False, css=NARROW_LABEL_CSS, spreadsheet=True, page_breaks=False), MD),
    # the sheet with its labels centred on their rows: as -layout text, as the PDF, and in
    # pdftotext's raw order (each label amid the lines of its value)
    "printed-spreadsheet-centred": (
        printed_variant(layout=True, css=NARROW_LABEL_CSS, spreadsheet=True, centred=True), MD),
    "printed-pdf-spreadsheet-centred": (printed_pdf_variant(NARROW_LABEL_CSS, spreadsheet=True, centred=True), MD),
    "printed-spreadsheet-centred-pdftotext": (
        printed_variant(layout=False, css=NARROW_LABEL_CSS, spreadsheet=True, centred=True), MD),
    # the printed form, then its section headings lost: the headings a reader of its layout leans on
    "printed-headings-removed": (lambda doc, ctx: make_variant(doc, "printed-pdftotext+headings-removed", ctx), MD),
    # the form printed in a narrow, centred label column after its headings and annexes were lost:
    # labels wrapped, names of files cut in two, items whose titles are gone
    "printed-wrapped-headings-removed": (
        lambda doc, ctx: make_variant(doc, "headings-and-annex-removed+printed-wrapped-centred", ctx), MD),
    # a sheet's PDF whose cover page was lost: the form is named by what the text as written reads,
    # for the rows rebuilt from it as well
    "printed-pdf-spreadsheet-cover-lost": (
        lambda doc, ctx: make_variant(doc, "cover-lost+printed-pdf-spreadsheet", ctx), MD),
    # rows of two kinds in one text: label and value with spaces between (the first half), then one
    # cell a line, as pdftotext gives where a page's cells stood close or apart
    "mixed-rows": (lambda doc, ctx: make_variant(doc, "tabs-lost+separate-lines", ctx), MD),
    # the printed form as other tools convert it: fonts that map ・ to U+2027, a text block a
    # paragraph (blank lines inside a checkbox list), a page's labels before its values, no spaces
    "printed-mutool": (
        printed_other_converter_variant("mutool", ["mutool", "draw", "-q", "-F", "txt", "-o", "-", "{pdf}"]), MD),
    "printed-pdfminer": (printed_other_converter_variant("pdf2txt", ["pdf2txt", "{pdf}"]), MD),
    "printed-pdftotext-raw": (
        printed_other_converter_variant("pdftotext", ["pdftotext", "-raw", "-enc", "UTF-8", "{pdf}", "-"]), MD),
    # the text itself printed (a browser printing the .txt) and converted back: each line wrapped at
    # the page's width, a row's value going on at the margin under its label
    "printed-as-text": (printed_text_variant(layout=True), BOTH),
    "printed-as-text-raw": (printed_text_variant(layout=False), BOTH),
    "printed-pdf-as-text": (printed_text_variant(), BOTH),
    # a scan's OCR (or a font without ①) in physical layout: (1)ファイルの種類 in the label column
    "printed-circled-as-parens": (lambda doc, ctx: make_variant(doc, "circled-as-parens+printed-pdftotext-layout", ctx),
                                  MD),
    # damage that comes together: a table converter's cover in another order; a form whose boxes are
    # glyphs (□ ■), or whose text was normalised by NFKC (① is 1), printed and converted back
    "pipe-tables-cover-reordered": (lambda doc, ctx: make_variant(doc, "pipe-tables+cover-reordered", ctx), MD),
    "multiline-cover-reordered": (lambda doc, ctx: make_variant(doc, "multiline-tables+cover-reordered", ctx), MD),
    "printed-box-glyphs": (lambda doc, ctx: make_variant(doc, "box-glyphs+printed-pdftotext-layout", ctx), MD),
    "printed-nfkc": (lambda doc, ctx: make_variant(doc, "nfkc+printed-pdftotext-layout", ctx), MD),
}


def parts(name):
    """The variants a name applies one after the other: "printed-pdftotext+pages-shuffled"."""
    return name.split("+")


def is_known(name):
    return all(p in VARIANTS for p in parts(name))


def applicable(doc, names=None):
    return [n for n in (names or VARIANTS) if doc.format in VARIANTS[parts(n)[0]][1]]


def make_variant(doc, name, ctx):
    """(text, gold) of one variant, or None when it cannot apply to this source. A name "A+B"
    applies A, then B to A's text (real conversions combine their damage); each step must apply
    to the format the text has by then."""
    current, made = doc, None
    for i, part in enumerate(parts(name)):
        fn, formats = VARIANTS[part]
        if current.format not in formats:
            return None
        made = fn(current, ctx)
        if made is None or (isinstance(made[0], bytes) and i + 1 < len(parts(name))):
            return None  # a PDF is the end of a chain
        if not isinstance(made[0], bytes):
            current = Doc(made[0], made[1], doc.name)
    return made


def line_map(doc, name, ctx=None):
    """(text, lines) of a variant that converts each line on its own (separate-lines,
    digits-and-spaces): lines[i] lists the 1-based output lines that source line i became, so a
    caller that knows a line of the source (piagraph-synth's planted defects) knows it in the
    variant.  Raises ValueError for a variant that is not line by line."""
    fn, formats = VARIANTS[name]
    if doc.format not in formats:
        raise ValueError("%s does not apply to this %s source" % (name, doc.format))
    sentinel = "\x00"  # a line every line-wise variant leaves alone: it ends each one-line document
    out, lines = [], []
    for line in doc.lines:
        one = copy.copy(doc)
        one.text = line + "\n" + sentinel
        text = fn(one, ctx or {})[0]
        if not text.endswith(sentinel):
            raise ValueError("%s is not a line-wise variant" % name)
        produced = text[:-len(sentinel)].split("\n")[:-1]
        lines.append(list(range(len(out) + 1, len(out) + 1 + len(produced))))
        out += produced
    text = join(out)
    if text != fn(doc, ctx or {})[0]:
        raise ValueError("%s is not a line-wise variant" % name)
    return text, lines


def write_variant(outdir, name, text, gold):
    """Writes NAME.txt (or NAME.pdf for bytes) and NAME.gold.json; returns the document's path."""
    os.makedirs(outdir, exist_ok=True)
    if isinstance(text, bytes):
        txt = os.path.join(outdir, name + ".pdf")
        with open(txt, "wb") as f:
            f.write(text)
    else:
        txt = os.path.join(outdir, name + ".txt")
        with open(txt, "w", encoding="utf-8", newline="") as f:
            f.write(text)
    with open(os.path.join(outdir, name + ".gold.json"), "w", encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
    return txt


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source")
    ap.add_argument("gold")
    ap.add_argument("outdir")
    ap.add_argument("--variants", help="comma-separated subset (default: every applicable one)")
    ap.add_argument("--with", dest="other", nargs=2, metavar=("OTHER.txt", "OTHER.gold.json"),
                    help="second document for the concatenated variant")
    ap.add_argument("--cache", help="PDF cache directory (default OUTDIR/.pdf-cache)")
    args = ap.parse_args(argv)
    doc = load_doc(args.source, args.gold)
    names = args.variants.split(",") if args.variants else list(VARIANTS)
    unknown = [n for n in names if not is_known(n)]
    if unknown:
        ap.error("unknown variant(s): " + ", ".join(unknown))
    ctx = {"other": load_doc(*args.other) if args.other else None,
           "cache": args.cache or os.path.join(args.outdir, ".pdf-cache")}
    for name in names:
        result = make_variant(doc, name, ctx)
        if result is None:
            print("%-28s skipped (does not apply to this %s source)" % (name, doc.format))
            continue
        print("%-28s %s" % (name, write_variant(args.outdir, name, *result)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
