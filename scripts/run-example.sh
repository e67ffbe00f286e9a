#!/usr/bin/env bash
# The main job on the bundled example city (架空県みどり市): set-up, build, then
#   extract -> check -> render -> report
# over each organisation directory under examples/ into out/example/<org>/ (PIAGRAPH_OUT
# overrides out/example), printing what was written.
# Every step runs even if an earlier one failed; each failure is shown and makes the exit
# code non-zero. `check` exiting 1 means "findings reported" (the example has deliberate
# defects, see examples/README.md), which is success here.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

OUT="${PIAGRAPH_OUT:-$REPO_ROOT/out/example}"
EXAMPLES="$REPO_ROOT/examples"

step "set-up"
bash "$REPO_ROOT/scripts/setup.sh" || { echo "run-example: set-up failed" >&2; exit 1; }

step "build ($BUILD_DIR)"
configure_and_build "$BUILD_DIR" -- piagraph || { echo "run-example: build failed" >&2; exit 1; }
PIAGRAPH="$BUILD_DIR/piagraph"

# Start clean so that the listing below shows only this run's files (never remove / or the checkout).
if [[ "$OUT" != "/" && "$OUT" != "$REPO_ROOT" && "$OUT" != "$REPO_ROOT/" ]]; then
    rm -rf "$OUT"
fi
mkdir -p "$OUT"

failed=()
written=()
# run NAME OK_CODES... -- COMMAND...: runs a step, shows its stderr, records the outcome.
run() {
    local name="$1"
    shift
    local ok=()
    while [[ "$1" != "--" ]]; do
        ok+=("$1")
        shift
    done
    shift
    printf '\n-- %s\n$ %s\n' "$name" "$*" >&2
    "$@"
    local rc=$?
    for code in "${ok[@]}"; do
        if ((rc == code)); then
            return 0
        fi
    done
    echo "!! step failed (exit $rc): $name" >&2
    failed+=("$name (exit $rc)")
    return 1
}
wrote() {
    for f in "$@"; do
        [[ -s "$f" ]] && written+=("$f")
    done
}

shopt -s nullglob
# One directory per organisation (examples/midori/ …): every command reads a directory as the
# assessments of one organisation.
orgs=("$EXAMPLES"/*/)
if ((${#orgs[@]} == 0)); then
    echo "run-example: no organisation directory under examples/" >&2
    exit 1
fi
for org_dir in "${orgs[@]}"; do
    org_dir="${org_dir%/}"
    org="$(basename "$org_dir")"
    out="$OUT/$org"
    mkdir -p "$out/models" "$out/diagrams"
    texts=("$org_dir"/*.txt)

    step "$org: extract every assessment text -> JSON model"
    for txt in "${texts[@]}"; do
        name="$(basename "$txt" .txt)"
        run "extract $org/$name" 0 -- "$PIAGRAPH" extract "$txt" -o "$out/models/$name.json" &&
            wrote "$out/models/$name.json"
    done

    step "$org: check (all assessments as one organisation)"
    run "check $org" 0 1 -- "$PIAGRAPH" check "$org_dir" -o "$out/findings.txt" && cat "$out/findings.txt"
    wrote "$out/findings.txt"
    for format in json sarif; do
        run "check $org --format $format" 0 1 -- "$PIAGRAPH" check "$org_dir" --format "$format" \
            -o "$out/findings.$format" && wrote "$out/findings.$format"
    done

    step "$org: render"
    for txt in "${texts[@]}"; do
        name="$(basename "$txt" .txt)"
        run "render annex1 $org/$name" 0 -- "$PIAGRAPH" render "$txt" --view annex1 -T svg \
            -o "$out/diagrams/$name-annex1.svg" && wrote "$out/diagrams/$name-annex1.svg"
    done
    for view in systems org; do
        run "render $view $org" 0 -- "$PIAGRAPH" render "$org_dir" --view "$view" -T svg \
            -o "$out/diagrams/$view.svg" && wrote "$out/diagrams/$view.svg"
    done

    step "$org: report"
    run "report $org" 0 -- "$PIAGRAPH" report "$org_dir" -o "$out/report.html" && wrote "$out/report.html"
done

step "written to $OUT"
for f in "${written[@]}"; do
    printf '  %8s bytes  %s\n' "$(stat -c %s "$f")" "${f#"$REPO_ROOT"/}"
done
if ((${#failed[@]})); then
    printf '\nrun-example: FAILED %d step(s):\n' "${#failed[@]}"
    printf '  - %s\n' "${failed[@]}"
    exit 1
fi
printf '\nrun-example: OK, %d file(s) written under %s\n' "${#written[@]}" "${OUT#"$REPO_ROOT"/}"
