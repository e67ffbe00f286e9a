#!/usr/bin/env python3
"""The layers of CMakeLists.txt hold in the code (issue 10).

Each src/<stage> may include the public headers (include/piagraph/X.hpp) of its own stage and of
the stages it depends on through piagraph_stage(<stage> DEPS ...), transitively, and its own
private headers (in src/<stage>/ and its subfolders) only. tests/<stage> may include what its test
executable links: its stage and the stages named in set(test_uses_<stage> ...), and the private
headers of its stage. A public header belongs to the stage
of the same name (include/piagraph/render.hpp -> src/render); the others (model, text, io, error,
dictionary, model_schema) to model. Prints every violation as FILE:LINE: what; exit 1 if any.

usage: check_layers.py [REPO]
"""
import os
import re
import sys

REPO = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", ".."))


def cmake_text():
    with open(os.path.join(REPO, "CMakeLists.txt"), encoding="utf-8") as f:
        return re.sub(r"#[^\n]*", "", f.read())


def stage_deps(text):
    deps = {}
    for name, args in re.findall(r"piagraph_stage\(\s*(\w+)([^)]*)\)", text):
        words = args.split()
        listed = words[words.index("DEPS") + 1:] if "DEPS" in words else []
        deps[name] = [w[len("piagraph_"):] for w in listed if w.startswith("piagraph_")]
    return deps


def test_uses(text):
    return {m.group(1): [w[len("piagraph_"):] for w in m.group(2).split() if w.startswith("piagraph_")]
            for m in re.finditer(r"set\(\s*test_uses_(\w+)([^)]*)\)", text)}


def closure(stages, deps):
    seen, todo = set(), list(stages)
    while todo:
        s = todo.pop()
        if s in seen:
            continue
        seen.add(s)
        todo.extend(deps.get(s, []))
    return seen


def header_stage(header, deps):
    return header if header in deps else "model"


def check_tree(root, allowed_of, deps, problems, own_private=""):
    for stage in sorted(os.listdir(root)):
        folder = os.path.join(root, stage)
        if not os.path.isdir(folder) or stage not in allowed_of:
            continue
        allowed = allowed_of[stage]
        for dirpath, _, files in os.walk(folder):
            for name in sorted(files):
                if not name.endswith((".cpp", ".hpp")):
                    continue
                path = os.path.join(dirpath, name)
                with open(path, encoding="utf-8") as f:
                    for number, line in enumerate(f, 1):
                        m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
                        if not m:
                            continue
                        included = m.group(1)
                        where = f"{os.path.relpath(path, REPO)}:{number}"
                        public = re.fullmatch(r"piagraph/(\w+)\.hpp", included)
                        if public:
                            owner = header_stage(public.group(1), deps)
                            if owner not in allowed:
                                problems.append(f"{where}: includes {included} of stage '{owner}', "
                                                f"which '{stage}' does not depend on")
                        elif own_private and included.startswith(own_private.format(stage=stage)):
                            continue  # a stage's unit tests may reach into its private headers
                        elif os.path.normpath(os.path.join(dirpath, included)).startswith(folder + os.sep):
                            continue  # a private header of its own stage, from one of its subfolders
                        elif "/" in included or ".." in included:
                            problems.append(f"{where}: includes {included}: a private header of another folder")


def main():
    text = cmake_text()
    deps = stage_deps(text)
    if not deps:
        print("check_layers: no piagraph_stage() found in CMakeLists.txt", file=sys.stderr)
        return 2
    problems = []
    src_allowed = {s: closure([s], deps) for s in deps}
    src_allowed["cli"] = set(deps)  # the executable wires every stage
    check_tree(os.path.join(REPO, "src"), src_allowed, deps, problems)
    uses = test_uses(text)
    test_allowed = {s: closure(([s] if s in deps else []) + uses.get(s, []), deps) | {"model"}
                    for s in set(deps) | set(uses)}
    check_tree(os.path.join(REPO, "tests"), test_allowed, deps, problems, own_private="../../src/{stage}/")
    for p in problems:
        print(p)
    print(f"check_layers: {len(deps)} stages, {len(problems)} violation(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
