# Shared by run-example.sh and test.sh (sourced, not run). Build directories and parallelism
# are configurable so that several people can build one checkout side by side:
#   PIAGRAPH_BUILD_DIR       (default: build)
#   PIAGRAPH_ASAN_BUILD_DIR  (default: build-asan)
#   PIAGRAPH_JOBS            (default: 2)
#   PIAGRAPH_BUILD_TYPE      (default: RelWithDebInfo)

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${PIAGRAPH_BUILD_DIR:-build}"
ASAN_BUILD_DIR="${PIAGRAPH_ASAN_BUILD_DIR:-build-asan}"
JOBS="${PIAGRAPH_JOBS:-2}"
BUILD_TYPE="${PIAGRAPH_BUILD_TYPE:-RelWithDebInfo}"
# Relative build directories live in the checkout.
[[ "$BUILD_DIR" = /* ]] || BUILD_DIR="$REPO_ROOT/$BUILD_DIR"
[[ "$ASAN_BUILD_DIR" = /* ]] || ASAN_BUILD_DIR="$REPO_ROOT/$ASAN_BUILD_DIR"

step() { printf '\n== %s\n' "$*"; }

# configure_and_build DIR [cmake options...] -- [targets...]
configure_and_build() {
    local dir="$1"
    shift
    local cmake_args=() targets=()
    while (($#)) && [[ "$1" != "--" ]]; do
        cmake_args+=("$1")
        shift
    done
    (($#)) && shift
    targets=("$@")
    cmake -S "$REPO_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE" "${cmake_args[@]}"
    if ((${#targets[@]})); then
        cmake --build "$dir" -j "$JOBS" --target "${targets[@]}"
    else
        cmake --build "$dir" -j "$JOBS"
    fi
}
