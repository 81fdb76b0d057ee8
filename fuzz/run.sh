#!/usr/bin/env bash
# Builds the libFuzzer targets in the sanitizer build directory (build-asan/, configured by cmake/Sanitize.cmake: clang,
# AddressSanitizer + UndefinedBehaviorSanitizer, coverage-instrumented core; scripts/test-sanitized.sh uses the same
# directory) and runs each for SECONDS from its committed corpus fuzz/corpus/<target>/ with its dictionary
# (fuzz/dictionaries/), on one core, one target after another (targets sharing cores each ran a fraction of the time).
# New inputs go to build-asan/corpus/, never into the repository (fuzz/long-run.sh grows the committed corpus).
# Prints the executions each target reached. Exits 1 when a target found a crash, a leak, a hang or a broken
# invariant: the report is printed, the reproducer is in build-asan/artifacts/ — make it a regression test by copying
# it to tests/hardening/crashes/<target>/ (tests/hardening/fuzz_replay_test.cpp replays that directory).
#
#   fuzz/run.sh [SECONDS [TARGET...]]   SECONDS per target: default $XXGK_FUZZ_SECONDS, else 30. TARGETs: default all.
#                                       XXGK_SANITIZE_BUILD_DIR overrides build-asan/.
set -euo pipefail

seconds="${1:-${XXGK_FUZZ_SECONDS:-30}}"
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${XXGK_SANITIZE_BUILD_DIR:-$root/build-asan}"
# shellcheck source=fuzz/targets.sh
. "$root/fuzz/targets.sh"
targets=("${XXGK_FUZZ_TARGETS[@]}")
[ $# -gt 1 ] && targets=("${@:2}")

build_fuzz_targets "${targets[@]}"
rm -rf "$build/artifacts"
mkdir -p "$build/artifacts"

# One target: its log in build-asan/<target>.log, its exit status in build-asan/<target>.status.
fuzz_one() {
  local target=$1 work="$build/corpus/$target" status=0
  mkdir -p "$work"
  run_fuzz_target "$target" -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix="$build/artifacts/$target-" "$work" "$root/fuzz/corpus/$target" \
    >"$build/$target.log" 2>&1 || status=$?
  echo "$status" >"$build/$target.status"
}

for target in "${targets[@]}"; do
  rm -f "$build/$target.status"
  fuzz_one "$target"
done

status=0
printf '| target | seconds | executions | exec/s | result |\n| --- | ---: | ---: | ---: | --- |\n'
for target in "${targets[@]}"; do
  log="$build/$target.log"
  result=ok
  if [ "$(cat "$build/$target.status" 2>/dev/null || echo missing)" != 0 ]; then
    result="FAILED: $(grep -m1 -E '^SUMMARY|^invariant broken|ERROR: libFuzzer' "$log" || echo "see $log")"
    status=1
  fi
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  elapsed="$(sed -n 's/.*Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)"
  elapsed="${elapsed:-$seconds}"
  printf '| %s | %s | %s | %s | %s |\n' "$target" "$elapsed" "${runs:-?}" \
    "$(( ${runs:-0} / (elapsed > 0 ? elapsed : 1) ))" "$result"
done

if [ "$status" -ne 0 ]; then
  for target in "${targets[@]}"; do
    [ "$(cat "$build/$target.status" 2>/dev/null || echo missing)" = 0 ] && continue
    echo
    echo "---- fuzz_$target failed; the end of $build/$target.log:"
    tail -n 60 "$build/$target.log"
  done
  echo
  echo "Reproducers (run one with $build/fuzz/fuzz_<target> FILE; copy it to tests/hardening/crashes/<target>/ to" \
    "keep it as a regression test):"
  ls -1 "$build/artifacts/" | sed "s|^|  $build/artifacts/|"
fi
exit "$status"
