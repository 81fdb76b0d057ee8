#!/usr/bin/env bash
# Whole-process timing of `xxgk-lint check`: one report (goal: 10 ms wall) and 2,000 reports (goal: 2 s wall); one
# 120 KB published web page (goal: 10 ms), 2,000 of them (goal: 2 s) and one .docx report (goal: 20 ms). Medians over
# RUNS runs (default 9). Prints a Markdown table. (The static executable reads no PDF: readers_bench times PDF.)
#
#   bench/cli_timing.sh [XXGK_LINT_BINARY]      default build/lsp-server/xxgk-lint
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
binary=${1:-$root/build/lsp-server/xxgk-lint}
runs=${RUNS:-9}
source "$root/bench/timing.sh"

prepare_inputs
cp "$root/tests/fixtures/html/pingtan_2023.html" "$data/page.html"
cp "$root/tests/fixtures/documents/pingtan_2024.docx" "$data/report.docx"
mkdir "$data/pages"
for i in $(seq 1 2000); do cp "$data/page.html" "$data/pages/$i.html"; done

one=$(median_ms "$runs" -- "$binary" check --no-progress "$data/one.txt")
batch=$(median_ms "$runs" -- "$binary" check --no-progress "$data/batch")
page=$(median_ms "$runs" -- "$binary" check --no-progress "$data/page.html")
pages=$(median_ms "$runs" -- "$binary" check --no-progress "$data/pages")
docx=$(median_ms "$runs" -- "$binary" check --no-progress "$data/report.docx")
echo "| xxgk-lint check ($(nproc) cores, median of $runs) | wall ms | goal ms | |"
echo "| --- | ---: | ---: | --- |"
echo "| one report | $one | 10 | $(verdict "$one" 10) |"
echo "| 2,000 reports | $batch | 2000 | $(verdict "$batch" 2000) |"
echo "| one 120 KB web page | $page | 10 | $(verdict "$page" 10) |"
echo "| 2,000 web pages | $pages | 2000 | $(verdict "$pages" 2000) |"
echo "| one .docx report | $docx | 20 | $(verdict "$docx" 20) |"
