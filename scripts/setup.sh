#!/usr/bin/env bash
# Set-up, build and first run: installs what is missing, builds xxgk-lint and the VS Code extension, and lints the
# bundled example reports (they contain real deviations, so the lint reports problems; that is the point).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${XXGK_BUILD_DIR:-$root/build}

"$root/scripts/install-deps.sh"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"$(nproc)"

if [ -f "$root/vscode-extension/package-lock.json" ]; then
  (cd "$root/vscode-extension" && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build)
fi

echo
echo "== xxgk-lint check examples/ =="
status=0
"$build/lsp-server/xxgk-lint" check --no-progress "$root/examples" || status=$?
if [ "$status" -ge 2 ]; then
  echo "xxgk-lint failed to run (exit $status)" >&2
  exit "$status"
fi
echo
echo "Built $build/lsp-server/xxgk-lint. The examples' problems above are real deviations in real reports."
