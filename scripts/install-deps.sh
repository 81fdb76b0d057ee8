#!/usr/bin/env bash
# Installs the Debian packages xxgk-lint needs to build (and, with --tests, to run its tests), skipping what is
# already installed so that a second run costs a second. Used by setup.sh and test.sh.
set -euo pipefail

packages=(build-essential cmake pkg-config libtree-sitter-dev nlohmann-json3-dev libicu-dev
          libgumbo-dev libpugixml-dev zlib1g-dev libpoppler-cpp-dev
          googletest libgtest-dev libgmock-dev libbenchmark-dev)
# Node.js builds the VS Code extension. A machine that already has node and npm (from any source) keeps them: asking
# apt for Debian's nodejs/npm next to another installation makes apt refuse with held broken packages.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
if [ "${1:-}" = "--tests" ]; then
  # Real-editor tests: Neovim's built-in LSP client; code-server needs chromium, ripgrep and libkrb5-dev (see
  # tests/e2e/). clang for the fuzzers. patch applies `fix --diff` output in the CLI tests; dpkg-dev and file build
  # the Debian package (scripts/test-package.sh). ccache lets the package's build reuse the test build's compiles.
  packages+=(neovim chromium ripgrep libkrb5-dev clang libclang-rt-14-dev curl patch dpkg-dev file ccache)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "xxgk-lint: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
