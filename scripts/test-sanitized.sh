#!/usr/bin/env bash
# The C++ test suite built with AddressSanitizer + UndefinedBehaviorSanitizer (-DXXGK_SANITIZE=ON) in build-asan/ and
# run through CTest with leak detection on; any report fails its test (the programs the tests start inherit the
# options, and a sanitizer report changes their exit code). The real-editor tests (Neovim, VS Code) and the
# extension's TypeScript unit tests are left out: they exercise no new C++ and take most of the time. The build
# dependencies are those of scripts/setup.sh (run it, or scripts/test.sh, first).
#
#   scripts/test-sanitized.sh [CTEST ARGS...]     XXGK_SANITIZE_BUILD_DIR overrides build-asan/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${XXGK_SANITIZE_BUILD_DIR:-$root/build-asan}

cmake -S "$root" -B "$build" -DXXGK_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo -DXXGK_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" -j"$(nproc)"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir "$build" --output-on-failure -j"$(nproc)" --timeout 1800 \
  -E '^(e2e_vscode|vscode_extension_unit|lsp_neovim_client)$' "$@"
