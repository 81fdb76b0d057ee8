#!/usr/bin/env bash
# Neovim (Debian's 0.7, its built-in LSP client) against the real server: opens sample 004, expects T202 and C406
# at the right lines, applies the T202 quick fix through the client API and expects the row inserted and T202 gone.
# Usage: run.sh PATH/TO/xxgk-lint FIXTURES_DIR   (registered with CTest as lsp_neovim_client)
set -euo pipefail

binary=$(realpath "$1")
fixtures=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)

if ! command -v nvim >/dev/null 2>&1; then
  echo "nvim not found: installing Debian's neovim" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "cannot install neovim without root; install it with: apt-get install -y neovim" >&2
    exit 1
  fi
  apt-get install -y neovim >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y neovim >/dev/null; }
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
install -m 644 "$fixtures/004_6958a79bc20c0ed0.txt" "$work/report.txt"

# --clean and XDG dirs in the scratch folder: no user config, no shada, nothing written outside $work.
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" \
       XDG_CACHE_HOME="$work/cache" XXGK_LINT_BINARY="$binary" XXGK_REPORT="$work/report.txt"
status=0
timeout 180 nvim --headless --clean -n -i NONE -u "$here/test.lua" </dev/null || status=$?
if [ "$status" -ne 0 ]; then
  echo "neovim client test failed (exit $status)" >&2
  exit 1
fi
echo "neovim client test passed"
