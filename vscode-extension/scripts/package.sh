#!/usr/bin/env bash
# Builds the .vsix with the xxgk-lint binary bundled at bin/linux-x64/xxgk-lint.
#
# Usage: scripts/package.sh [BINARY_OR_BUILD_DIR] [OUT.vsix]
#   BINARY_OR_BUILD_DIR  the xxgk-lint executable, or a CMake build dir holding lsp-server/xxgk-lint
#                        (default: ../build/lsp-server/xxgk-lint, relative to vscode-extension/)
#   OUT.vsix             default: vscode-extension/xxgk-lint-<version>.vsix
# Environment: VSCE=path to the vsce executable (default: node_modules/.bin/vsce here).
set -euo pipefail
EXT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SRC=${1:-$EXT_DIR/../build/lsp-server/xxgk-lint}
if [ -d "$SRC" ]; then
  if [ -f "$SRC/lsp-server/xxgk-lint" ]; then SRC=$SRC/lsp-server/xxgk-lint; else SRC=$SRC/xxgk-lint; fi
fi
if [ ! -f "$SRC" ] || [ ! -x "$SRC" ]; then
  echo "package.sh: xxgk-lint executable not found at $SRC (build it with CMake first)" >&2
  exit 1
fi
SRC=$(cd "$(dirname "$SRC")" && pwd)/$(basename "$SRC")
cd "$EXT_DIR"
VERSION=$(node -p "require('./package.json').version")
OUT=${2:-$EXT_DIR/xxgk-lint-$VERSION.vsix}
case $OUT in /*) ;; *) OUT=$PWD/$OUT ;; esac
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error
VSCE=${VSCE:-$EXT_DIR/node_modules/.bin/vsce}

rm -rf bin && mkdir -p bin/linux-x64
cp "$SRC" bin/linux-x64/xxgk-lint
chmod 755 bin/linux-x64/xxgk-lint
# vsce runs the `vscode:prepublish` script (esbuild, production) before packing.
"$VSCE" package --no-dependencies --allow-missing-repository --skip-license \
  --no-rewrite-relative-links --no-update-package-json -o "$OUT" >&2
echo "$OUT"
