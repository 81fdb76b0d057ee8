#!/usr/bin/env bash
# Builds the Debian package xxgk-lint_<version>_<arch>.deb with CPack into DIR (default build-deb/): a dynamically
# linked, stripped binary that depends on Debian's libraries (libicu72, libstdc++6, libc6; worked out by
# dpkg-shlibdeps) instead of carrying them, its man page, bash and zsh completions and the rule documentation.
# Install it with `sudo apt install ./build-deb/xxgk-lint_*.deb`. Prints the package's path.
#
#   scripts/package-deb.sh [DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-deb}

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DXXGK_STATIC_EXECUTABLE=OFF -DXXGK_BUILD_TESTS=OFF \
  -DXXGK_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target xxgk-lint xxgk_install_files >/dev/null
(cd "$build" && cpack -G DEB >/dev/null)
ls "$build"/xxgk-lint_*.deb
