#!/usr/bin/env bash
# Unit tests of the extension's pure modules: npm ci (only when package-lock.json changed), then node --test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.xxgk-lock-sha 2>/dev/null)" != "$sum" ]; then
  npm ci --prefer-offline --no-audit --no-fund --loglevel=error >/dev/null
  echo "$sum" > node_modules/.xxgk-lock-sha
fi
npx --no-install tsc -p . --noEmit
node scripts/build.mjs --tests
node --test out/test/*.test.js
