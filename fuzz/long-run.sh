#!/usr/bin/env bash
# A long fuzzing run that grows the committed corpus: runs TARGET (one libFuzzer process, one core) for RUNS executions
# from fuzz/corpus/<TARGET>/, then merges into that directory only the new inputs that reach new coverage (libFuzzer
# -merge=1), so the corpus in the repository keeps what each run learnt and stays small. The full log goes to
# build-asan/long-runs/<TARGET>-<UTC time>.log; one line per run (date, target, executions, seconds, exec/s, processor
# seconds, executions per processor second, new seeds, result) is appended to fuzz/long-runs.tsv, to be committed with
# the grown corpus. Run targets one at a time.
# Exits 1 on a finding (the reproducer is in build-asan/artifacts/; copy it to tests/hardening/crashes/<TARGET>/).
#
#   fuzz/long-run.sh TARGET [RUNS [SECONDS]]   RUNS: default 1000000; SECONDS (default: none) ends the run earlier.
#                                              XXGK_SANITIZE_BUILD_DIR overrides build-asan/.
# The figures include the processor time the run got (user + system): on a busy machine the executions per second of
# wall-clock time understate what one core does.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${XXGK_SANITIZE_BUILD_DIR:-$root/build-asan}"
# shellcheck source=fuzz/targets.sh
. "$root/fuzz/targets.sh"
target=${1:?usage: fuzz/long-run.sh TARGET [RUNS]}
runs=${2:-1000000}
seconds=${3:-0}
if [[ ! " ${XXGK_FUZZ_TARGETS[*]} " =~ " $target " ]]; then
  echo "fuzz/long-run.sh: unknown target '$target' (${XXGK_FUZZ_TARGETS[*]})" >&2
  exit 2
fi

build_fuzz_targets "$target"
started=$(date -u +%Y-%m-%dT%H:%MZ)
log="$build/long-runs/$target-$started.log"
found="$build/long-runs/$target-new"
corpus="$root/fuzz/corpus/$target"
rm -rf "$found"
mkdir -p "$found" "$build/artifacts"

status=0
cpu_before=$(awk '{print $14 + $15 + $16 + $17}' /proc/$$/stat)
run_fuzz_target "$target" -runs="$runs" -max_total_time="$seconds" -print_final_stats=1 \
  -artifact_prefix="$build/artifacts/$target-" "$found" "$corpus" >"$log" 2>&1 || status=$?
# Processor time of the finished children of this shell (the fuzzer), in clock ticks.
cpu_seconds=$(awk -v before="$cpu_before" -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15 + $16 + $17 - before) / hz}' /proc/$$/stat)

before=$(find "$corpus" -type f | wc -l)
if [ "$status" -eq 0 ]; then
  # -use_counters=0: an input joins the repository's corpus for a new edge, not for a new hit count of a known one
  # (counted by hit counts, a run of 10⁶ added 1,900 inputs to lint_bytes and 6 MB of Word files to docx_reader;
  # a run from the committed corpus finds those variations again in minutes).
  run_fuzz_target "$target" -merge=1 -use_counters=0 "$corpus" "$found" >>"$log" 2>&1
fi
after=$(find "$corpus" -type f | wc -l)

executions="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
elapsed="$(sed -n 's/.*Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)"
result=ok
[ "$status" -eq 0 ] || result="FAILED: $(grep -m1 -E '^SUMMARY|^invariant broken|ERROR: libFuzzer' "$log" || echo "see log")"
# libFuzzer prints no "Done … in S seconds" when it stops on a finding: the rate is then unknown.
rate="?"
[ -n "${elapsed:-}" ] && [ "$elapsed" -gt 0 ] && rate=$(( ${executions:-0} / elapsed ))
line="$(printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s' "$started" "$target" "${executions:-?}" "${elapsed:-?}" "$rate" \
  "$cpu_seconds" \
  "$(( ${executions:-0} / (cpu_seconds > 0 ? cpu_seconds : 1) ))" "$((after - before))" "$result")"
[ -f "$root/fuzz/long-runs.tsv" ] ||
  printf 'started (UTC)\ttarget\texecutions\tseconds\texec/s\tprocessor seconds\texec per processor second\tnew seeds\tresult\n' >"$root/fuzz/long-runs.tsv"
echo "$line" >>"$root/fuzz/long-runs.tsv"
echo "$line"
echo "log: $log"
exit $((status == 0 ? 0 : 1))
