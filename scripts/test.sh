#!/usr/bin/env bash
# Set-up, a clang-format gate, build, run every test; then the same with AddressSanitizer +
# UBSan in a second build directory built by clang (benchmarks off there), whose libFuzzer
# targets then run 60 s each. Ends with one summary line and the time taken.
# Corpus tests skip with a message when ../shared is not beside the checkout.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

start=$SECONDS
results=()
status=0

step "set-up"
bash "$REPO_ROOT/scripts/setup.sh" || { echo "test.sh: FAIL (set-up)" >&2; exit 1; }

# run_suite LABEL DIR [cmake options...]
run_suite() {
    local label="$1" dir="$2"
    shift 2
    step "$label: build ($dir)"
    if ! configure_and_build "$dir" -DPIAGRAPH_TESTS=ON "$@"; then
        results+=("$label: BUILD FAILED")
        status=1
        return
    fi
    step "$label: ctest"
    local log="$dir/ctest-summary.log"
    ctest --test-dir "$dir" --output-on-failure -j "$JOBS" ${ASAN_CTEST_EXCLUDE:+-E "$ASAN_CTEST_EXCLUDE"} 2>&1 | tee "$log"
    local rc=${PIPESTATUS[0]}
    local summary
    summary="$(grep -E 'tests passed|No tests were found' "$log" | tail -1)"
    local skipped
    skipped="$(grep -c -E '\*\*\*Skipped|Not Run' "$log" || true)"
    results+=("$label: ${summary:-no ctest summary} ($skipped skipped)")
    ((rc == 0)) || status=1
}

# Formatting gate: every C++ source and header as .clang-format writes it. Any file that
# clang-format would change fails this step (fix with clang-format -i); the builds still run.
step "format: clang-format --dry-run -Werror"
format_files=()
while IFS= read -r -d '' f; do format_files+=("$f"); done < <(
    cd "$REPO_ROOT" && find src include tests bench fuzz tools -type f \( -name '*.cpp' -o -name '*.hpp' \) -print0 | sort -z)
if ! command -v clang-format >/dev/null; then
    results+=("format: FAILED (clang-format not found; scripts/setup.sh installs it)")
    status=1
elif (cd "$REPO_ROOT" && clang-format --dry-run -Werror "${format_files[@]}"); then
    results+=("format: ${#format_files[@]} files formatted")
else
    unformatted="$(cd "$REPO_ROOT" && for f in "${format_files[@]}"; do
        clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || echo "$f"; done | wc -l)"
    results+=("format: FAILED ($unformatted of ${#format_files[@]} files unformatted; clang-format -i fixes them)")
    status=1
fi

run_suite "release" "$BUILD_DIR"

# Leaks are errors too; halt on the first UB report so ctest sees the failure.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
# The sanitizer tree is built with clang, so that the libFuzzer targets link from the same
# objects as its unit tests (no third build). The tests that only hand our output to another
# program (Mermaid, networkx, jsonschema) ran in the release suite already.
ASAN_CTEST_EXCLUDE='^(render\.mermaid|render\.graphml|model\.schema)$' \
    run_suite "asan+ubsan" "$ASAN_BUILD_DIR" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DPIAGRAPH_SANITIZE=ON -DPIAGRAPH_FUZZ=ON -DPIAGRAPH_BENCH=OFF

# Each fuzz target replays its regression inputs, then fuzzes for 60 s; any crash fails.
step "fuzz: 60 s per target"
if bash "$REPO_ROOT/scripts/fuzz.sh" -t "${PIAGRAPH_FUZZ_SECONDS:-60}" -d "$ASAN_BUILD_DIR"; then
    results+=("fuzz: every target ran ${PIAGRAPH_FUZZ_SECONDS:-60} s without a crash")
else
    results+=("fuzz: FAILED (scripts/fuzz.sh)")
    status=1
fi

elapsed=$((SECONDS - start))
echo
for r in "${results[@]}"; do echo "  $r"; done
if ((status == 0)); then
    echo "test.sh: PASS in ${elapsed}s"
else
    echo "test.sh: FAIL in ${elapsed}s"
fi
exit $status
