#!/usr/bin/env bash
# The robustness stages of scripts/test.sh, in ONE clang build directory (build-asan/, cmake/Sanitize.cmake):
#   1. sanitizer build: everything with AddressSanitizer + UndefinedBehaviorSanitizer at -O1, the core libraries also
#      coverage-instrumented for libFuzzer; no benchmarks.
#   2. sanitizer tests: the C++ test suite through CTest with leak detection on, one CTest test per test program
#      (XXGK_TESTS_PER_PROGRAM in cmake/Sanitize.cmake: an instrumented process is slow to start). The real-editor
#      tests (Neovim, VS Code) and the extension's TypeScript unit tests are left out: the C++ they reach is the
#      language server the LSP tests drive over pipes, and they take most of the time.
#      Every sanitizer report of every process (the tests and the xxgk-lint programs they start) is written to
#      build-asan/sanitizer-reports/; any report fails the stage, whatever the exit codes the tests saw.
#   3. fuzzing: fuzz/run.sh runs each libFuzzer target in turn, on one core, for XXGK_FUZZ_SECONDS (default 15:
#      the eight targets one after another fit in two and a half minutes, each replaying its committed corpus and fuzzing for
#      the rest) against the same build. Long runs that grow the corpus are fuzz/long-run.sh's.
# Exits non-zero naming the stage that failed. Installing is left to scripts/install-deps.sh --tests (test.sh runs it).
#
#   scripts/test-sanitized.sh [CTEST ARGS...]     XXGK_SANITIZE_BUILD_DIR overrides build-asan/;
#                                                 XXGK_FUZZ_SECONDS=0 skips the fuzzing stage.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${XXGK_SANITIZE_BUILD_DIR:-$root/build-asan}
export XXGK_SANITIZE_BUILD_DIR=$build
fuzz_seconds=${XXGK_FUZZ_SECONDS:-15}
reports=$build/sanitizer-reports
timings=()

# stage NAME COMMAND...: runs one command, prints its time, and names the stage when it fails.
stage() {
  local name=$1 start=$SECONDS status=0
  shift
  echo "== test-sanitized.sh: $name"
  "$@" || status=$?
  timings+=("$(printf '%-18s %4d s' "$name" $((SECONDS - start)))")
  if [ "$status" -ne 0 ]; then
    echo "== test-sanitized.sh: FAILED in stage '$name' (exit $status)" >&2
    exit "$status"
  fi
  echo "== test-sanitized.sh: $name passed in $((SECONDS - start)) s"
}

configure_and_build() {
  if ! command -v clang++ >/dev/null; then
    echo "test-sanitized.sh: the sanitizer build needs clang: run scripts/install-deps.sh --tests" >&2
    return 1
  fi
  # A directory configured with another compiler (an older g++ build-asan/) starts afresh: the cache would keep it.
  if [ -f "$build/CMakeCache.txt" ] && ! grep -q '^CMAKE_CXX_COMPILER:.*clang++' "$build/CMakeCache.txt"; then
    rm -rf "$build"
  fi
  cmake -C "$root/cmake/Sanitize.cmake" -S "$root" -B "$build" >/dev/null &&
    cmake --build "$build" -j"$(nproc)"
}

run_tests() {
  rm -rf "$reports"
  mkdir -p "$reports"
  local status=0
  ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1:log_path=$reports/report" \
    UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$reports/report" \
    ctest --test-dir "$build" --output-on-failure -j"$(nproc)" --timeout 1800 \
    -E '^(e2e_vscode|vscode_extension_unit|lsp_neovim_client)$' "$@" || status=$?
  local found=("$reports"/report.*)
  if [ -e "${found[0]}" ]; then
    echo "${#found[@]} sanitizer report(s) in $reports/ (one per process); the first ones:" >&2
    for report in "${found[@]:0:5}"; do
      echo "---- $report" >&2
      cat "$report" >&2
    done
    [ "$status" -ne 0 ] || status=1
  fi
  return "$status"
}

stage "sanitizer build" configure_and_build
stage "sanitizer tests" run_tests "$@"
if [ "$fuzz_seconds" != 0 ]; then
  stage "fuzzing" "$root/fuzz/run.sh" "$fuzz_seconds"
fi

echo "== test-sanitized.sh: all stages passed"
printf '   %s\n' "${timings[@]}"
