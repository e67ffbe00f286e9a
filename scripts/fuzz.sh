#!/usr/bin/env bash
# Runs the libFuzzer targets (fuzz/*.cpp) of a clang build with PIAGRAPH_FUZZ=ON.
#   scripts/fuzz.sh [-t SECONDS] [-n RUNS] [-m MAX_LEN] [-u UNIT_SECONDS] [-d BUILD_DIR] [TARGET ...]
# Each target first replays its regression inputs (tests/fixtures/fuzz/<target>/), then fuzzes
# for SECONDS (default 60) from seeds made of what we write (examples/, tests/fixtures/), with a
# dictionary of the form's labels taken from data/dictionary.json. Any crash, leak or input
# slower than UNIT_SECONDS fails the run; the input is kept in BUILD_DIR/fuzz-artifacts/<target>/.
# Prints one line per target: runs, exec/s, coverage, and the result. A long run stops at RUNS
# executions or SECONDS, whichever comes first; a smaller MAX_LEN buys more executions per second
# (default 32768 bytes for texts, 262144 for PDFs). UNIT_SECONDS (default 3) guards against a hang
# or a quadratic path: a 32 KB text that the rows rebuild and both readers read takes 0.08 s in a
# release build and 1.1-1.7 s under the sanitizers and libFuzzer's coverage on a loaded 2-core
# machine, so 1 s failed on size alone while a quadratic path at 32 KB takes far longer than 3 s.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

seconds=60
runs_limit=-1
max_len=""
unit_seconds=3
dir="$ASAN_BUILD_DIR"
while getopts "t:n:m:u:d:" opt; do
    case $opt in
        t) seconds=$OPTARG ;;
        n) runs_limit=$OPTARG ;;
        m) max_len=$OPTARG ;;
        u) unit_seconds=$OPTARG ;;
        d) dir=$OPTARG ;;
        *) echo "usage: $0 [-t SECONDS] [-n RUNS] [-m MAX_LEN] [-u UNIT_SECONDS] [-d BUILD_DIR] [TARGET ...]" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
targets=("$@")
((${#targets[@]})) || targets=(fuzz_ingest fuzz_extract fuzz_model_json fuzz_render fuzz_pdf)

work="$dir/fuzz-work"
mkdir -p "$work"
dict="$work/labels.dict"
# Every string of the dictionary's label and option lists, as libFuzzer dictionary entries.
python3 - "$REPO_ROOT/data/dictionary.json" "$dict" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
words = set()
def walk(v):
    if isinstance(v, str) and 0 < len(v) <= 40:
        words.add(v)
    elif isinstance(v, list):
        for x in v: walk(x)
    elif isinstance(v, dict):
        for k, x in v.items():
            if k != "_comment": walk(x)
for section in ("form_labels", "field_labels", "options", "marks", "value_kinds"):
    walk(d.get(section, {}))
with open(sys.argv[2], "w") as out:
    for w in sorted(words):
        out.write('"' + "".join(f"\\x{b:02x}" for b in w.encode("utf-8")) + '"\n')
PY

# seeds TARGET DIR: the inputs a target starts from.
seeds() {
    local target=$1 out=$2
    mkdir -p "$out"
    case $target in
        fuzz_model_json)
            find "$REPO_ROOT/tests/fixtures" -name '*.json' -exec cp {} "$out/" \; ;;
        fuzz_pdf)
            # The PDFs the PDF tests print (tests/pdf/make_pdfs.py) in this or the release tree.
            find "$REPO_ROOT/tests/fixtures" "$dir" "$BUILD_DIR" -maxdepth 3 -name '*.pdf' -size -2M \
                -exec cp {} "$out/" \; 2>/dev/null
            printf '%%PDF-1.4\n%%%%EOF\n' > "$out/minimal.pdf" ;;
        *)
            find "$REPO_ROOT/examples" "$REPO_ROOT/tests/fixtures" -name '*.txt' -size -64k -exec cp {} "$out/" \; ;;
    esac
}

status=0
for target in "${targets[@]}"; do
    bin="$dir/$target"
    if [[ ! -x "$bin" ]]; then
        echo "$target: not built in $dir (configure with CXX=clang++ -DPIAGRAPH_FUZZ=ON)"
        status=1
        continue
    fi
    artifacts="$dir/fuzz-artifacts/$target/"
    mkdir -p "$artifacts"
    regressions="$REPO_ROOT/tests/fixtures/fuzz/$target"
    if [[ -d "$regressions" ]] && compgen -G "$regressions/*" > /dev/null; then
        if ! "$bin" -timeout="$unit_seconds" "$regressions"/* > "$work/$target.replay.log" 2>&1; then
            echo "$target: FAIL (a regression input crashes again; see $work/$target.replay.log)"
            status=1
            continue
        fi
    fi
    corpus="$work/corpus-$target"
    seeds "$target" "$corpus"
    log="$work/$target.log"
    target_max_len=$max_len
    [[ -n $target_max_len ]] || { [[ $target == fuzz_pdf ]] && target_max_len=262144 || target_max_len=32768; }
    "$bin" "$corpus" -dict="$dict" -max_total_time="$seconds" -runs="$runs_limit" -timeout="$unit_seconds" \
        -rss_limit_mb=2048 -max_len="$target_max_len" -print_final_stats=1 -artifact_prefix="$artifacts" > "$log" 2>&1
    rc=$?
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
    speed=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
    cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
    if ((rc == 0)); then
        echo "$target: ok  runs ${runs:-?}  exec/s ${speed:-?}  ${cov:-}"
    else
        echo "$target: FAIL (exit $rc) runs ${runs:-?}  ${cov:-}; input kept in $artifacts, log $log"
        grep -m3 -E 'ERROR|SUMMARY|timeout' "$log" | sed 's/^/    /'
        status=1
    fi
done
exit $status
