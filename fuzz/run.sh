#!/usr/bin/env bash
# Builds the libFuzzer targets in the sanitizer build directory (build-asan/, configured by cmake/Sanitize.cmake: clang,
# AddressSanitizer + UndefinedBehaviorSanitizer, coverage-instrumented core; scripts/test-sanitized.sh uses the same
# directory) and runs each for SECONDS from its committed corpus fuzz/corpus/<target>/ (new inputs go to
# build-asan/corpus/, never into the repository). The targets run at once, sharing the cores (on 2 cores each gets
# about 2/3 of SECONDS of processor time). Prints the executions each target reached. Exits 1 when a target found a crash, a leak, a hang or a broken invariant: the report is
# printed, the reproducer is in build-asan/artifacts/ — make it a regression test by copying it to
# tests/hardening/crashes/<target>/ (tests/hardening/fuzz_replay_test.cpp replays that directory).
#
#   fuzz/run.sh [SECONDS]     SECONDS: default $XXGK_FUZZ_SECONDS, else 60. XXGK_SANITIZE_BUILD_DIR overrides
#                             build-asan/; XXGK_FUZZ_JOBS bounds how many targets run at once (default: all).
set -euo pipefail

seconds="${1:-${XXGK_FUZZ_SECONDS:-60}}"
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${XXGK_SANITIZE_BUILD_DIR:-$root/build-asan}"
targets=(lint_bytes incremental_edits lsp_stream html_reader docx_reader pdf_reader)
jobs="${XXGK_FUZZ_JOBS:-${#targets[@]}}"

# libFuzzer ships with clang's runtime libraries (scripts/install-deps.sh --tests installs clang and
# libclang-rt-14-dev); probe for it rather than for package names.
if ! command -v clang++ >/dev/null ||
  ! echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' |
  clang++ -fsanitize=fuzzer -x c++ - -o /dev/null 2>/dev/null; then
  echo "fuzz/run.sh: clang with libFuzzer is missing: run scripts/install-deps.sh --tests" >&2
  exit 1
fi

# A directory configured with another compiler (an older g++ build-asan/) starts afresh: the cache would keep it.
if [ -f "$build/CMakeCache.txt" ] && ! grep -q '^CMAKE_CXX_COMPILER:.*clang++' "$build/CMakeCache.txt"; then
  rm -rf "$build"
fi
cmake -C "$root/cmake/Sanitize.cmake" -S "$root" -B "$build" >/dev/null
cmake --build "$build" -j "$(nproc)" --target "${targets[@]/#/fuzz_}" >/dev/null

# The sanitizers report into the fuzzer's log (scripts/test-sanitized.sh sends the tests' reports to files instead).
# No detect_stack_use_after_return here: it costs a quarter of the executions, and the tests run with it.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

rm -rf "$build/artifacts"
mkdir -p "$build/artifacts"

# One target: its log in build-asan/<target>.log, its exit status in build-asan/<target>.status.
fuzz_one() {
  local target=$1 work="$build/corpus/$target" status=0
  mkdir -p "$work"
  # -timeout: one input taking 25 s is a hang; -rss_limit_mb: the bound a single input may cost.
  "$build/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -max_len=16384 \
    -print_final_stats=1 -artifact_prefix="$build/artifacts/$target-" "$work" "$root/fuzz/corpus/$target" \
    >"$build/$target.log" 2>&1 || status=$?
  echo "$status" >"$build/$target.status"
}

running=0
for target in "${targets[@]}"; do
  rm -f "$build/$target.status"
  if [ "$running" -ge "$jobs" ]; then
    wait -n || true
    running=$((running - 1))
  fi
  fuzz_one "$target" &
  running=$((running + 1))
done
wait

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
