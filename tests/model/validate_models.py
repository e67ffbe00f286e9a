#!/usr/bin/env python3
"""Every JSON model the tests use or produce validates against schemas/model.schema.json
(draft 2020-12), with a real JSON Schema validator (python3-jsonschema): the models extract
writes for the example city (and the corpus, when ../shared is beside the checkout) and the
model fixtures under tests/fixtures. So the schema, the writer and the loader cannot drift apart.
Exit 77 (skipped) when the validator is not installed."""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--piagraph", required=True)
    args = ap.parse_args()
    try:
        import jsonschema
    except ImportError:
        print("skipped: python3-jsonschema is not installed")
        return 77
    with open(os.path.join(ROOT, "schemas", "model.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    models = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "fixtures", "**", "*.json"), recursive=True)):
        if any(os.sep + d + os.sep in path for d in ("gold", "probes", "fuzz")):
            continue  # gold annotations (the scorer's format; the probes' too) and fuzz regressions (broken on purpose)
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        if isinstance(data, dict) and "assessments" in data:
            models[os.path.relpath(path, ROOT)] = data
    sources = sorted(glob.glob(os.path.join(ROOT, "examples", "**", "*.txt"), recursive=True))
    shared = os.path.join(ROOT, "..", "shared", "corpus")
    sources += sorted(glob.glob(os.path.join(shared, "*.txt")))
    with tempfile.TemporaryDirectory() as tmp:
        for src in sources:
            out = os.path.join(tmp, "model.json")
            run = subprocess.run([args.piagraph, "extract", src, "-o", out], capture_output=True, text=True)
            if run.returncode != 0:
                print(f"FAIL {src}: extract exited {run.returncode}: {run.stderr.strip()}")
                return 1
            with open(out, encoding="utf-8") as f:
                models["extract " + os.path.relpath(src, ROOT)] = json.load(f)

    failed = 0
    for name, model in models.items():
        errors = sorted(validator.iter_errors(model), key=lambda e: list(e.path))
        if errors:
            failed += 1
            for e in errors[:5]:
                print(f"FAIL {name}: {'/'.join(map(str, e.path))}: {e.message}")
        else:
            print(f"ok   {name}")
    if not any(k.startswith("extract ") for k in models):
        print("FAIL: no model was extracted")
        return 1
    print(f"{len(models) - failed} valid, {failed} invalid")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
