#!/usr/bin/env bash
# Writes the timing inputs of bench/cli_timing.sh and bench/peers/run.sh into DIR: one.txt (a real report,
# sample 004), batch/0000.txt … batch/1999.txt (the five samples and the clean report in turn, each copy given its own
# agency name so no two files are identical) and big.txt (the samples repeated to 5 MB, cut at a line end).
#
#   bench/make-reports.sh DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: make-reports.sh DIR}
samples=("$root"/tests/fixtures/samples/*.txt "$root"/tests/fixtures/clean/clean.txt)

mkdir -p "$out/batch"
cp "$root/tests/fixtures/samples/004_6958a79bc20c0ed0.txt" "$out/one.txt"
for i in $(seq 0 1999); do
  sample=${samples[$((i % ${#samples[@]}))]}
  printf -v name '%04d' "$i"
  sed "1s/^/第${i}号/" "$sample" >"$out/batch/$name.txt"
done
: >"$out/big.txt"
while [ "$(stat -c %s "$out/big.txt")" -lt $((5 * 1024 * 1024)) ]; do cat "${samples[@]}" >>"$out/big.txt"; done
head -c $((5 * 1024 * 1024)) "$out/big.txt" | sed '$d' >"$out/big.tmp" && mv "$out/big.tmp" "$out/big.txt"
