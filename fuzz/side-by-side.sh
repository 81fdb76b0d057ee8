#!/usr/bin/env bash
# Measures a change of a fuzz target's speed the way tests/hardening/README.md ("Measuring a change on this machine")
# says it can be seen on a shared two-core machine: the same work under A and under B at the same time, one on each
# core, then with the cores swapped, twice. It prints the processor seconds of each run and how many times as fast B is
# as A (the geometric mean of the four ratios, so that a faster core or a busy minute cancels out).
#
#   fuzz/side-by-side.sh [--replay] TARGET COUNT A B
#
# A and B are each BINARY, @OPTIONS or BINARY@OPTIONS: a fuzz target binary (default: build-asan/'s, as built) and
# AddressSanitizer options added to those of fuzz/targets.sh (a later option wins). The work:
#   default   COUNT executions of libFuzzer's loop from a copy of fuzz/corpus/TARGET/ with -seed=7: the same executions
#             for two settings of one binary; two binaries may take other paths once their coverage differs.
#   --replay  each input of fuzz/corpus/TARGET/ run COUNT times, no mutation: the same work for two builds.
# Examples:
#   fuzz/side-by-side.sh fix_up 8000 @ @quarantine_size_mb=1
#   fuzz/side-by-side.sh --replay pdf_reader 3 /tmp/before/fuzz_pdf_reader @
# XXGK_SANITIZE_BUILD_DIR overrides build-asan/. The binaries are used as they are: build them first (fuzz/run.sh).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${XXGK_SANITIZE_BUILD_DIR:-$root/build-asan}"
# shellcheck source=fuzz/targets.sh
. "$root/fuzz/targets.sh"

usage() {
  echo "usage: fuzz/side-by-side.sh [--replay] TARGET COUNT A B   (A, B: BINARY, @ASAN_OPTIONS or BINARY@ASAN_OPTIONS)" >&2
  exit 2
}
replay=0
if [ "${1:-}" = --replay ]; then
  replay=1
  shift
fi
[ $# -eq 4 ] || usage
target=$1 count=$2
known=0
for name in "${XXGK_FUZZ_TARGETS[@]}"; do [ "$name" = "$target" ] && known=1; done
[ "$known" = 1 ] || { echo "fuzz/side-by-side.sh: unknown target '$target' (${XXGK_FUZZ_TARGETS[*]})" >&2; exit 2; }
[[ $count =~ ^[1-9][0-9]*$ ]] || usage
[ "$(nproc)" -ge 2 ] || { echo "fuzz/side-by-side.sh: needs two cores (one run on each)" >&2; exit 2; }

binary_of() {
  local binary=${1%%@*}
  echo "${binary:-$build/fuzz/fuzz_$target}"
}
options_of() {
  if [[ $1 == *@* ]]; then echo "${1#*@}"; fi
}
for spec in "$3" "$4"; do
  [ -x "$(binary_of "$spec")" ] || { echo "fuzz/side-by-side.sh: no fuzz binary $(binary_of "$spec")" >&2; exit 2; }
done

scratch=$(mktemp -d)
inputs=("$root/fuzz/corpus/$target"/*)

# run_on CORE SPEC OUT: one run of the work on CORE, in the background (its own subshell); writes its processor seconds
# (user + system, of the processes it waited for) to OUT.
run_on() {
  local core=$1 spec=$2 out=$3 work
  work=$(mktemp -d "$scratch/run.XXXX")
  export XXGK_FUZZ_BINARY XXGK_FUZZ_ASAN_EXTRA
  XXGK_FUZZ_BINARY=$(binary_of "$spec")
  XXGK_FUZZ_ASAN_EXTRA=$(options_of "$spec")
  local run
  run="$(declare -f run_fuzz_target fuzz_max_len fuzz_dictionary); root='$root' build='$build'; run_fuzz_target $target"
  if [ "$replay" = 1 ]; then
    taskset -c "$core" bash -c "$run -runs=$count \"\$@\"" _ "${inputs[@]}" >"$work/log" 2>&1
  else
    cp -r "$root/fuzz/corpus/$target/." "$work/corpus"
    taskset -c "$core" bash -c "$run -seed=7 -runs=$count '$work/corpus'" >"$work/log" 2>&1
  fi || { echo "fuzz/side-by-side.sh: the run of '$spec' on core $core failed; its output:" >&2; cat "$work/log" >&2; exit 1; }
  awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f\n", ($16 + $17) / hz}' "/proc/$BASHPID/stat" >"$out"
  rm -rf "$work"
}

# A run that failed leaves the other one running: stop it, with the fuzzer it started, before removing its directory.
stop_tree() {
  local child
  for child in $(pgrep -P "$1" 2>/dev/null); do stop_tree "$child"; done
  kill "$1" 2>/dev/null || true
}
clean_up() {
  local job
  for job in $(jobs -p); do stop_tree "$job"; done
  wait || true
  rm -rf "$scratch"
}
trap clean_up EXIT

product=1
for round in 1 2; do
  run_on 0 "$3" "$scratch/a0" & first=$!
  run_on 1 "$4" "$scratch/b1" & second=$!
  wait "$first"; wait "$second"
  run_on 1 "$3" "$scratch/a1" & first=$!
  run_on 0 "$4" "$scratch/b0" & second=$!
  wait "$first"; wait "$second"
  read -r a0 <"$scratch/a0"; read -r b1 <"$scratch/b1"; read -r a1 <"$scratch/a1"; read -r b0 <"$scratch/b0"
  echo "round $round: A ${a0} s (core 0), B ${b1} s (core 1); A ${a1} s (core 1), B ${b0} s (core 0)"
  product=$(awk -v p="$product" -v a0="$a0" -v b1="$b1" -v a1="$a1" -v b0="$b0" 'BEGIN {print p * (a0 / b1) * (a1 / b0)}')
done
awk -v p="$product" 'BEGIN {printf "B is %.3f times as fast as A (geometric mean of the four ratios)\n", p ^ 0.25}'
