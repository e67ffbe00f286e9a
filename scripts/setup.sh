#!/usr/bin/env bash
# Installs what piagraph needs to build, test and draw on Debian 12 (run as root).
# Idempotent: when every package is already installed, apt is not touched at all, so
# repeated runs take well under a second.
set -euo pipefail

# The one list of packages. Add new ones here (or pass extra names in
# PIAGRAPH_EXTRA_PACKAGES="pkg1 pkg2" for a one-off run).
PACKAGES=(
    build-essential g++ cmake ninja-build pkg-config
    libgraphviz-dev graphviz
    libboost-graph-dev nlohmann-json3-dev libcli11-dev libutf8proc-dev
    unicode-data     # model: the CJK radicals' equivalent ideographs (住⺠ -> 住民), compiled in
    libgtest-dev libgmock-dev libbenchmark-dev
    libfontconfig-dev  # render: is the CJK font installed?
    libxml2-dev        # render tests parse SVG/GraphML with a real XML parser
    python3-jsonschema # SARIF (checks tests) and the model (tests/model) validated against their schemas
    python3-networkx   # render tests read GraphML output with a real GraphML reader
    fonts-noto-cjk   # Japanese labels in SVG/PNG/PDF diagrams
    python3          # ../shared/tools/score-extraction
    chromium         # headless rendering checks of the HTML report
    libpoppler-cpp-dev  # ingest: PDF input, read in-process
    libtbb-dev       # batch: organisations analysed in parallel (oneTBB)
    libsqlite3-dev   # batch: the national index (OUT/index.sqlite)
    sqlite3          # README's example queries on the index
    poppler-utils    # pdftotext: the simulator's printed-pdftotext variants, the PDF benchmark
    mupdf-tools      # mutool: the simulator's printed-mutool variant (another converter's text)
    python3-pdfminer # pdf2txt: the simulator's printed-pdfminer variant (pdfminer.six's text)
    libreoffice-calc-nogui  # the simulator's printed-spreadsheet variants: the form printed from a sheet
    qpdf             # tests/pdf: the password-protected and font-stripped test PDFs
    clang-format
    clang            # the sanitizer tree and its libFuzzer targets (scripts/fuzz.sh)
)
# shellcheck disable=SC2206  # word splitting of the extra list is intended
PACKAGES+=(${PIAGRAPH_EXTRA_PACKAGES:-})

missing=()
for pkg in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$pkg")
    fi
done

if ((${#missing[@]} == 0)); then
    echo "setup: all ${#PACKAGES[@]} packages are installed; nothing to do"
    exit 0
fi

echo "setup: installing ${#missing[@]} missing package(s): ${missing[*]}"
SUDO=()
if ((EUID != 0)); then
    if command -v sudo >/dev/null 2>&1; then
        SUDO=(sudo)
    else
        echo "setup: error: not root and no sudo; run as root: bash scripts/setup.sh" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
# Wait for a concurrent apt/dpkg (unattended upgrades, another set-up) instead of failing.
APT=("${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=600 -o Acquire::Retries=3)
"${APT[@]}" update
"${APT[@]}" install -y --no-install-recommends "${missing[@]}"
echo "setup: done"
