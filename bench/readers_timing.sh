#!/usr/bin/env bash
# Whole-process timing of `xxgk-lint check` on published formats: one 120 KB web page (goal: 10 ms wall), 2,000 pages
# (goal: 2 s on 2 cores), one .docx report (goal: 20 ms). Medians over RUNS runs (default 9). Prints a Markdown table.
# (The static executable reads no PDF; time PDF with readers_bench, or a -DXXGK_STATIC_EXECUTABLE=OFF build.)
#
#   bench/readers_timing.sh [XXGK_LINT_BINARY]      default build/lsp-server/xxgk-lint
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
binary=${1:-$root/build/lsp-server/xxgk-lint}
runs=${RUNS:-9}
source "$root/bench/timing.sh"

data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
build_run_median "$data"
cp "$root/tests/fixtures/html/pingtan_2023.html" "$data/page.html"
cp "$root/tests/fixtures/documents/pingtan_2024.docx" "$data/report.docx"
mkdir "$data/pages"
for i in $(seq 1 2000); do cp "$root/tests/fixtures/html/pingtan_2023.html" "$data/pages/$i.html"; done

page=$(median_ms "$runs" -- "$binary" check --no-progress "$data/page.html")
pages=$(median_ms "$runs" -- "$binary" check --no-progress "$data/pages")
docx=$(median_ms "$runs" -- "$binary" check --no-progress "$data/report.docx")
verdict() { awk -v t="$1" -v goal="$2" 'BEGIN { print (t <= goal ? "met" : "missed") }'; }
echo "| xxgk-lint check ($(nproc) cores, median of $runs) | wall ms | goal ms | |"
echo "| --- | ---: | ---: | --- |"
echo "| one 120 KB web page | $page | 10 | $(verdict "$page" 10) |"
echo "| 2,000 web pages | $pages | 2000 | $(verdict "$pages" 2000) |"
echo "| one .docx report | $docx | 20 | $(verdict "$docx" 20) |"
