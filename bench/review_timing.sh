#!/usr/bin/env bash
# Whole-process timing of reviewing many reports: `xxgk-lint check --format html` over 2,000 reports (the review page
# written; goal: 1 s wall on 2 cores), the same run as text for reference, and `xxgk-lint compare` of two reports
# (goal: 10 ms wall). Medians over RUNS runs (default 9). Prints a Markdown table and the page's size.
#
#   bench/review_timing.sh [XXGK_LINT_BINARY]      default build/lsp-server/xxgk-lint
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
binary=${1:-$root/build/lsp-server/xxgk-lint}
runs=${RUNS:-9}
source "$root/bench/timing.sh"

prepare_inputs
# The page goes to a file, as `--output-file` or a shell redirection would put it; run_median discards stdout.
page_ms=$(median_ms "$runs" -- sh -c "exec \"\$0\" check --no-progress --format html \"\$1\" >\"\$2\"" \
  "$binary" "$data/batch" "$data/review.html")
text_ms=$(median_ms "$runs" -- "$binary" check --no-progress "$data/batch")
last=$root/tests/fixtures/review/shizuishan_2022.txt
this=$root/tests/fixtures/review/shizuishan_2023.txt
compare_ms=$(median_ms "$((runs * 3))" -- "$binary" compare "$last" "$this")
compare_html_ms=$(median_ms "$((runs * 3))" -- "$binary" compare --format html "$last" "$this")

echo "| reviewing ($(nproc) cores, median of $runs) | wall ms | goal ms | |"
echo "| --- | ---: | ---: | --- |"
echo "| check --format html, 2,000 reports (page written) | $page_ms | 1000 | $(verdict "$page_ms" 1000) |"
echo "| check (text), the same 2,000 reports | $text_ms | 2000 | $(verdict "$text_ms" 2000) |"
echo "| compare, two reports (text) | $compare_ms | 10 | $(verdict "$compare_ms" 10) |"
echo "| compare, two reports (html) | $compare_html_ms | 10 | $(verdict "$compare_html_ms" 10) |"
echo
echo "review page of 2,000 reports: $(( $(stat -c %s "$data/review.html") / 1024 )) KiB"
