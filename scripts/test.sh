#!/usr/bin/env bash
# Every test: installs what the tests need (idempotently), builds, and runs the whole suite through CTest: unit,
# fixture, grammar, CLI, protocol and real-editor (Neovim, VS Code) tests. Then the Debian package is built and run
# from a clean directory root (scripts/test-package.sh, build-deb/). Then the robustness stages of
# scripts/test-sanitized.sh: the C++ suite again under AddressSanitizer + UndefinedBehaviorSanitizer (clang,
# build-asan/), and each libFuzzer target in turn for XXGK_FUZZ_SECONDS (default 15) against that build.
# Stops at the first stage that fails and names it; prints each stage's time at the end.
#
#   XXGK_BUILD_DIR overrides build/; XXGK_TEST_SANITIZED=0 leaves out the sanitizer and fuzzing stages and
#   XXGK_TEST_PACKAGE=0 the package stage (a quick local run; CI runs everything).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${XXGK_BUILD_DIR:-$root/build}
timings=()

# stage NAME COMMAND...: runs one command, prints its time, and names the stage when it fails.
stage() {
  local name=$1 start=$SECONDS status=0
  shift
  echo "== test.sh: $name"
  "$@" || status=$?
  timings+=("$(printf '%-32s %4d s' "$name" $((SECONDS - start)))")
  if [ "$status" -ne 0 ]; then
    echo "== test.sh: FAILED in stage '$name' (exit $status)" >&2
    exit "$status"
  fi
  echo "== test.sh: $name passed in $((SECONDS - start)) s"
}

stage "dependencies" "$root/scripts/install-deps.sh" --tests
# The package stage builds the same sources with the same flags in its own directory (only the link differs): through
# ccache, CMake's launcher for every build directory this script configures afresh, it reuses the Release compiles.
if command -v ccache >/dev/null; then
  export CMAKE_C_COMPILER_LAUNCHER=ccache CMAKE_CXX_COMPILER_LAUNCHER=ccache CCACHE_BASEDIR=$root CCACHE_NOHASHDIR=1
fi
stage "configure (Release)" cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release
stage "build (Release)" cmake --build "$build" -j"$(nproc)"
stage "tests (Release)" ctest --test-dir "$build" --output-on-failure -j"$(nproc)" --timeout 900
if [ "${XXGK_TEST_PACKAGE:-1}" != 0 ]; then
  stage "Debian package" "$root/scripts/test-package.sh"
fi
if [ "${XXGK_TEST_SANITIZED:-1}" != 0 ]; then
  stage "sanitizers and fuzzing" "$root/scripts/test-sanitized.sh"
fi

echo "== test.sh: all stages passed"
printf '   %s\n' "${timings[@]}"
