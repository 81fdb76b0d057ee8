#!/usr/bin/env bash
# Installs code-server (real VS Code, server side + web workbench) without any
# download outside the npm registry, as root, with the system node 20.
#
# Usage: install-code-server.sh DEST
#   afterwards DEST/node_modules/.bin/code-server exists.
# Idempotent: when DEST/.installed-<version> exists it returns at once.
#
# Why the manual steps (each one was hit, see the e2e recipe):
#  - code-server's postinstall refuses to run as root and would fetch ripgrep
#    from outside the registry, so scripts are skipped and its steps done here;
#  - argon2 and VS Code's native modules are built from source with node-gyp
#    against the system node headers (/usr/include/node);
#  - ripgrep comes from Debian.
set -euo pipefail
DEST=${1:?usage: install-code-server.sh DEST}
CS_VERSION=${CS_VERSION:-4.100.3}
MARKER="$DEST/.installed-$CS_VERSION"
if [ -f "$MARKER" ] && [ -x "$DEST/node_modules/.bin/code-server" ]; then
  exit 0
fi
NODEGYP=${NODEGYP:-$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js}
[ -f "$NODEGYP" ] || NODEGYP=/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js
NODEDIR=${NODEDIR:-/usr}
command -v rg >/dev/null || { echo "install-code-server: ripgrep (rg) is required" >&2; exit 1; }

echo "install-code-server: installing code-server $CS_VERSION into $DEST" >&2
rm -rf "$DEST"
mkdir -p "$DEST"
cd "$DEST"
echo '{"private":true}' > package.json
# 1. code-server itself, without its install scripts
npm install --no-audit --no-fund --no-save --ignore-scripts --loglevel=error "code-server@$CS_VERSION"
# 2. argon2 (code-server's own native dependency): build from source
(cd node_modules/argon2 && ../.bin/node-pre-gyp rebuild --nodedir="$NODEDIR" >/dev/null)
# 3. VS Code's server-side dependencies (what postinstall.sh's vscode_install does)
cd node_modules/code-server/lib/vscode
npm install --no-audit --no-fund --omit=dev --ignore-scripts --loglevel=error
for m in @vscode/spdlog native-watchdog @vscode/deviceid node-pty kerberos \
         @vscode/windows-process-tree @vscode/windows-registry; do
  [ -d "node_modules/$m" ] || continue
  (cd "node_modules/$m" && node "$NODEGYP" rebuild --nodedir="$NODEDIR" >/dev/null 2>&1) \
    || { echo "install-code-server: building $m failed" >&2; exit 1; }
done
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar
ln -sfn code-linux.sh bin/remote-cli/code-server
ln -sfn browser-linux.sh bin/helpers/browser.sh
# built-in extensions' dependencies (typescript for the TS extension)
(cd extensions && npm install --no-audit --no-fund --omit=dev --loglevel=error)
cd "$DEST"
node_modules/.bin/code-server --config /dev/null --version >&2
touch "$MARKER"
