#!/usr/bin/env bash
# Every test: installs what the tests need (idempotently), builds, and runs the whole suite through CTest: unit,
# fixture, grammar, CLI, protocol and real-editor (Neovim, VS Code) tests.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${XXGK_BUILD_DIR:-$root/build}

"$root/scripts/install-deps.sh" --tests
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"$(nproc)"
ctest --test-dir "$build" --output-on-failure -j"$(nproc)" --timeout 900
