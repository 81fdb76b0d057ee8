#!/usr/bin/env bash
# Regenerates docs/rules/*.md, docs/rules/README.md and docs/config.schema.json from the rule descriptors
# (rules/checks/*.cpp). Run it after changing a rule's descriptor; tests/cli checks that the committed docs match.
# The build directory defaults to build/; set XXGK_BUILD_DIR to use another.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${XXGK_BUILD_DIR:-$root/build}

cmake -S "$root" -B "$build" -DXXGK_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" --target xxgk-docgen -j"$(nproc)"
# Pages of rules that no longer exist must go too.
rm -f "$root"/docs/rules/*.md
"$build/docs/xxgk-docgen" "$root/docs"
echo "docs regenerated: docs/rules/ and docs/config.schema.json"
