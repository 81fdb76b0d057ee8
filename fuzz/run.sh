#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (AddressSanitizer + UndefinedBehaviorSanitizer, coverage-instrumented core)
# in build-fuzz/ and runs each for SECONDS (default 60) from its committed corpus fuzz/corpus/<target>/ (new inputs go
# to build-fuzz/corpus/, never into the repository). Prints the executions each target reached. Exits 1 when a
# target found a crash, a leak or a broken invariant; the reproducer is in build-fuzz/artifacts/ — make it a
# regression test by copying it to tests/hardening/crashes/<target>/.
#
#   fuzz/run.sh [SECONDS]        XXGK_FUZZ_BUILD_DIR overrides build-fuzz/, XXGK_FUZZ_JOBS the build parallelism.
set -euo pipefail

seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${XXGK_FUZZ_BUILD_DIR:-$root/build-fuzz}"
targets=(lint_bytes incremental_edits lsp_stream)

# libFuzzer ships with clang's runtime libraries; probe for it rather than for package names.
fuzzer_works() {
  command -v clang++ >/dev/null &&
    echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' |
      clang++ -fsanitize=fuzzer -x c++ - -o /dev/null 2>/dev/null
}
if ! fuzzer_works; then
  echo "fuzz/run.sh: installing clang and libFuzzer (clang libclang-rt-14-dev)" >&2
  apt-get update -qq && apt-get install -y -qq clang libclang-rt-14-dev >/dev/null
fi

CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DXXGK_FUZZ=ON \
  -DXXGK_BUILD_TESTS=OFF -DXXGK_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" -j "${XXGK_FUZZ_JOBS:-$(nproc)}" --target "${targets[@]/#/fuzz_}" >/dev/null

mkdir -p "$build/artifacts"
status=0
printf '| target | seconds | executions | exec/s | result |\n| --- | ---: | ---: | ---: | --- |\n'
for target in "${targets[@]}"; do
  work="$build/corpus/$target"
  log="$build/$target.log"
  mkdir -p "$work"
  result=ok
  # -timeout: one input taking 25 s is a hang; -rss_limit_mb: the bound a single input may cost.
  if ! "$build/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -max_len=16384 \
    -print_final_stats=1 -artifact_prefix="$build/artifacts/$target-" "$work" "$root/fuzz/corpus/$target" \
    >"$log" 2>&1; then
    result="FAILED: $(grep -m1 -E 'ERROR|invariant broken|Test unit written' "$log" || echo "see $log")"
    status=1
  fi
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  elapsed="$(sed -n 's/.*Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)"
  elapsed="${elapsed:-$seconds}"
  printf '| %s | %s | %s | %s | %s |\n' "$target" "$elapsed" "${runs:-?}" \
    "$(( ${runs:-0} / (elapsed > 0 ? elapsed : 1) ))" "$result"
done
exit "$status"
