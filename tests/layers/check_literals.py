#!/usr/bin/env python3
"""No Japanese string literal in src/extract, src/graph or src/diff outside a short allowlist
(issue 10): every label, spelling and law name the code matches against lives in
data/dictionary.json. Messages stay with their code: a file that holds only messages, or one
message literal, is listed in literal-allowlist.txt beside this script with the reason.

A literal counts as Japanese when it holds kana or kanji (punctuation such as 、 （ ） alone does
not). Comments are skipped; raw strings R"d(...)d" are read. Prints FILE:LINE: "literal" for each
one not allowed; exit 1 if any, and names allowlist entries that match nothing (stale).

usage: check_literals.py [REPO]
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", ".."))
FOLDERS = ("src/extract", "src/graph", "src/diff")
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def literals(source):
    """(line, text) of every string literal outside comments."""
    out, i, line, n = [], 0, 1, len(source)
    while i < n:
        c = source[i]
        if c == "\n":
            line += 1
            i += 1
        elif source.startswith("//", i):
            i = source.find("\n", i)
            i = n if i < 0 else i
        elif source.startswith("/*", i):
            end = source.find("*/", i + 2)
            end = n if end < 0 else end + 2
            line += source.count("\n", i, end)
            i = end
        elif c == "R" and i + 1 < n and source[i + 1] == '"' and not (i and (source[i - 1].isalnum() or source[i - 1] == "_")) \
                or source.startswith(('u8R"', 'uR"', 'UR"', 'LR"'), i):
            start = source.index('"', i) + 1
            paren = source.index("(", start)
            closing = ")" + source[start:paren] + '"'
            end = source.index(closing, paren)
            out.append((line, source[paren + 1:end]))
            line += source.count("\n", i, end)
            i = end + len(closing)
        elif c == "'" and not (i and source[i - 1].isalnum()):  # a char literal (not a digit separator)
            j = i + 1
            while j < n and source[j] != "'" and source[j] != "\n":
                j += 2 if source[j] == "\\" else 1
            i = j + 1 if j < n and source[j] == "'" else j
        elif c == '"':
            j = i + 1
            while j < n and source[j] != '"' and source[j] != "\n":
                j += 2 if source[j] == "\\" else 1
            out.append((line, source[i + 1:j]))
            i = j + 1
        else:
            i += 1
    return out


def read_allowlist(path):
    files, items = {}, {}
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            entry = raw.split("  #", 1)[0].strip()
            if not entry or entry.startswith("#"):
                continue
            if ": " in entry:
                file, literal = entry.split(": ", 1)
                items[(file, literal)] = number
            else:
                files[entry] = number
    return files, items


def main():
    files_ok, items_ok = read_allowlist(os.path.join(HERE, "literal-allowlist.txt"))
    used, problems, scanned = set(), [], 0
    for folder in FOLDERS:
        for dirpath, _, names in os.walk(os.path.join(REPO, folder)):
            for name in sorted(names):
                if not name.endswith((".cpp", ".hpp")):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, REPO)
                scanned += 1
                with open(path, encoding="utf-8") as f:
                    found = [(l, t) for l, t in literals(f.read()) if JAPANESE.search(t)]
                if found and rel in files_ok:
                    used.add(rel)
                    continue
                for line, text in found:
                    if (rel, text) in items_ok:
                        used.add((rel, text))
                    else:
                        problems.append(f'{rel}:{line}: "{text}"')
    for p in problems:
        print(p)
    stale = [k for k in list(files_ok) + list(items_ok) if k not in used]
    for k in stale:
        print(f"literal-allowlist.txt: matches nothing any more, remove it: {k}")
    print(f"check_literals: {scanned} files, {len(problems)} Japanese literal(s) outside data/dictionary.json, "
          f"{len(stale)} stale allowlist entr(y/ies)")
    return 1 if problems or stale else 0


if __name__ == "__main__":
    sys.exit(main())
