#!/usr/bin/env python3
"""data/dictionary.json validates against schemas/dictionary.schema.json with a real JSON Schema
validator (python3-jsonschema, draft 2020-12): the schema piagraph checks itself against at start-up
is a valid schema, and the vocabulary in the tree matches it. Exit 77 (skipped) without jsonschema.

usage: validate_dictionary.py [REPO]
"""
import json
import os
import sys

REPO = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", ".."))
try:
    import jsonschema
except ImportError:
    print("validate_dictionary: python3-jsonschema is not installed: skipped")
    sys.exit(77)

with open(os.path.join(REPO, "schemas", "dictionary.schema.json"), encoding="utf-8") as f:
    schema = json.load(f)
with open(os.path.join(REPO, "data", "dictionary.json"), encoding="utf-8") as f:
    dictionary = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(dictionary), key=lambda e: list(e.path))
for e in errors:
    print("/" + "/".join(str(p) for p in e.path) + ": " + e.message)
print(f"validate_dictionary: {len(errors)} problem(s)")
sys.exit(1 if errors else 0)
