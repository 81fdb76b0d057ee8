#!/usr/bin/env bash
# Times xxgk-lint against peer linters in one run, on the same files: one report (start-up cost), 2,000 reports
# (batch) and a 5 MB file; medians over RUNS runs (default 5) of whole processes. The peers — markdownlint-cli2,
# textlint (with one generic rule, no-unmatched-pair: it needs a rule to read anything) and autocorrect
# (autocorrect-node, whose bundled native binary works offline) — are installed with npm from the pinned
# package-lock.json beside this script into a scratch directory. The physical limit is a trivial single-pass
# reader (reader.c beside this script: one process reads every file once, counting lines and tabs). A peer that
# fails to install or to run is reported as such in the table.
# Prints a Markdown table and the goals: xxgk-lint ≥ 10× faster than the fastest peer on one report and on the
# batch, and within 10× of the single-pass reader on the batch.
#
#   bench/peers/run.sh [XXGK_LINT_BINARY]      default build/lsp-server/xxgk-lint
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
binary=${1:-$root/build/lsp-server/xxgk-lint}
runs=${RUNS:-5}
source "$root/bench/timing.sh"
# textlint needs minutes for the 5 MB file: what takes over 30 s is run once, not RUNS + 1 times.
SINGLE_RUN_ABOVE_MS=${SINGLE_RUN_ABOVE_MS:-30000}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$root/bench/make-reports.sh" "$scratch/data"
one=$scratch/data/one.txt batch=$scratch/data/batch big=$scratch/data/big.txt

mkdir -p "$scratch/peers"
cp "$here/package.json" "$here/package-lock.json" "$scratch/peers/"
install_error=""
# `npm install` rather than `npm ci`: autocorrect-node lists platform packages without versions, which npm ci
# reports as missing from any lock file; npm install still installs the locked versions.
if ! (cd "$scratch/peers" && npm install --no-audit --no-fund --loglevel=error >"$scratch/npm.log" 2>&1); then
  install_error="npm install failed: $(grep -m1 'npm error' "$scratch/npm.log")"
fi
bin=$scratch/peers/node_modules/.bin
echo '{ "rules": { "@textlint-rule/no-unmatched-pair": true } }' >"$scratch/peers/.textlintrc.json"

# Each tool is a function that sets `command` (and `directory`, where it must run) for one path: a file or the batch
# directory. run_median starts the command directly, so no tool's time includes a shell or a wrapper. A peer is
# stopped after PEER_TIMEOUT_S seconds (default 300; textlint did not finish the 5 MB file in 15 minutes): its cell
# then says so.
peer_timeout=${PEER_TIMEOUT_S:-300}
xxgk() { command=("$binary" check --no-progress "$1") directory=""; }
markdownlint() {
  if [ -d "$1" ]; then set -- "$1/*.txt"; fi
  command=("$bin/markdownlint-cli2" "$1") directory=""
}
textlint() {
  if [ -d "$1" ]; then set -- "$1/*.txt"; fi
  command=("$bin/textlint" --config .textlintrc.json "$1") directory=$scratch/peers
}
autocorrect() { command=("$bin/autocorrect" --lint "$1") directory=""; }
cc -O2 -o "$scratch/reader" "$here/reader.c"
reader() {
  if [ -d "$1" ]; then set -- "$1"/*.txt; fi
  command=("$scratch/reader" "$@") directory=""
}
build_run_median "$scratch"
# median_of TOOL PATH: the tool's median time on PATH, in milliseconds.
median_of() {
  "$1" "$2"
  median_ms "$runs" -t "$peer_timeout" -s "$SINGLE_RUN_ABOVE_MS" ${directory:+-C "$directory"} -- "${command[@]}"
}

# Whether a tool runs at all here: it must read the report and not die (findings are fine, crashes are not).
usable() {
  local status=0
  "$1" "$one"
  (if [ -n "$directory" ]; then cd "$directory"; fi
   timeout "$peer_timeout" "${command[@]}") >"$scratch/probe.log" 2>&1 || status=$?
  [ "$status" -le 1 ] || { echo "exit $status: $(head -c 160 "$scratch/probe.log" | tr '\n' ' ')"; return 1; }
}

declare -A ms
tools=(xxgk markdownlint textlint autocorrect reader)
declare -A label=([xxgk]="xxgk-lint check" [markdownlint]="markdownlint-cli2 0.24.1" [textlint]="textlint 15.8.0"
                  [autocorrect]="autocorrect-node 2.14.0" [reader]="single-pass reader (reader.c)")
echo "| tool | one report (ms) | 2,000 reports (ms) | 5 MB file (ms) |"
echo "| --- | ---: | ---: | ---: |"
for tool in "${tools[@]}"; do
  if [ -n "$install_error" ] && [[ $tool != xxgk && $tool != reader ]]; then
    problem=$install_error
  else
    problem=$(usable "$tool") || true
  fi
  if [ -n "$problem" ]; then
    echo "| ${label[$tool]} | not run: $problem | | |"
    continue
  fi
  cells=()
  for input in one batch big; do
    ms[$tool.$input]=$(median_of "$tool" "${!input}")
    cells+=("$(awk -v t="${ms[$tool.$input]}" -v s="$SINGLE_RUN_ABOVE_MS" -v cap="$peer_timeout" 'BEGIN {
      if (t >= cap * 1000) printf "> %d (stopped after %d s)", cap * 1000, cap
      else printf "%s%s", t, (t > s ? " (1 run)" : "") }')")
  done
  echo "| ${label[$tool]} | ${cells[0]} | ${cells[1]} | ${cells[2]} |"
done

# Goals, against the fastest peer that ran.
fastest() {
  local best=""
  for tool in markdownlint textlint autocorrect; do
    local t=${ms[$tool.$1]:-}
    [ -n "$t" ] && { [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; } && best=$t
  done
  echo "$best"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
echo
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
echo "Medians of $runs runs, $(date -u +%Y-%m-%d), $(nproc) cores ($cpu), $(free -g | awk '/^Mem:/ { print $2 }') GiB;" \
  "peers run with node $(node --version)."
for input in one batch; do
  peer=$(fastest "$input")
  [ -n "$peer" ] || { echo "- $input: no peer ran"; continue; }
  r=$(ratio "$peer" "${ms[xxgk.$input]}")
  echo "- $input: xxgk-lint is ${r}× faster than the fastest peer (goal ≥ 10×: $(awk -v r="$r" 'BEGIN { print (r >= 10 ? "met" : "missed") }'))"
done
r=$(ratio "${ms[xxgk.batch]}" "${ms[reader.batch]}")
echo "- batch: xxgk-lint takes ${r}× the single-pass reader's time (goal ≤ 10×: $(awk -v r="$r" 'BEGIN { print (r <= 10 ? "met" : "missed") }'))"
