#!/usr/bin/env bash
# Whole-process timing of `xxgk-lint check`: one report (goal: 10 ms wall) and 2,000 reports (goal: 2 s wall),
# medians over RUNS runs (default 9). Prints a Markdown table.
#
#   bench/cli_timing.sh [XXGK_LINT_BINARY]      default build/lsp-server/xxgk-lint
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
binary=${1:-$root/build/lsp-server/xxgk-lint}
runs=${RUNS:-9}
source "$root/bench/timing.sh"

prepare_inputs

one=$(median_ms "$runs" -- "$binary" check --no-progress "$data/one.txt")
batch=$(median_ms "$runs" -- "$binary" check --no-progress "$data/batch")
echo "| xxgk-lint check ($(nproc) cores, median of $runs) | wall ms | goal ms | |"
echo "| --- | ---: | ---: | --- |"
echo "| one report | $one | 10 | $(verdict "$one" 10) |"
echo "| 2,000 reports | $batch | 2000 | $(verdict "$batch" 2000) |"
