#!/usr/bin/env bash
# Real-editor end-to-end test of the xxgk-lint VS Code extension.
#
# Usage: tests/e2e/run.sh [--negative] [BUILD_DIR]
#   BUILD_DIR   CMake build dir holding lsp-server/xxgk-lint, or the binary itself (default: build)
#   --negative  only the negative control: the .vsix is NOT installed and the scenario must fail
#
# Without --negative it runs two tests: the scenario with the packaged extension (must pass) and the
# negative control (must fail, proving the scenario detects a missing extension). Last line:
#   e2e: N passed, N failed
#
# It installs what is missing: Debian chromium/ripgrep/libkrb5-dev/a CJK font (apt, only if absent), the npm
# dependencies of tests/e2e and vscode-extension (npm ci, only when the lock file changed) and
# code-server (tests/e2e/install-code-server.sh) into $XXGK_TOOLS_DIR (default: <repo>/.tools).
# Everything it starts is bound to 127.0.0.1 and killed on exit.
# XXGK_UPDATE_SCREENSHOT=1 copies the quick-fix screenshot to vscode-extension/images/screenshot.png.
set -euo pipefail
E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$E2E_DIR/../.." && pwd)
EXT_DIR=$REPO/vscode-extension
NEGATIVE_ONLY=0
BUILD_DIR=
for a in "$@"; do
  case $a in
    --negative) NEGATIVE_ONLY=1 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    -*) echo "run.sh: unknown option $a" >&2; exit 2 ;;
    *) BUILD_DIR=$a ;;
  esac
done
BUILD_DIR=${BUILD_DIR:-$REPO/build}
case $BUILD_DIR in /*) ;; *) BUILD_DIR=$PWD/$BUILD_DIR ;; esac
TOOLS=${XXGK_TOOLS_DIR:-$REPO/.tools}
CS_VERSION=4.100.3
CS_DIR=$TOOLS/code-server-$CS_VERSION
ARTIFACTS=$E2E_DIR/artifacts
FIXTURE=$E2E_DIR/fixtures/004_6958a79bc20c0ed0.txt
# a real published page with a defect of its own (table 四's 行政复议 total is 0 for one case), read by the HTML reader
PAGE_FIXTURE=$REPO/tests/fixtures/html/pingtan-hzs_2024.html
T_START=$(date +%s)
say() { echo "e2e: $*" >&2; }

# ---------------------------------------------------------------- installs (each fast when done)
need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v rg >/dev/null || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
command -v g++ >/dev/null || need_apt+=(g++)
command -v make >/dev/null || need_apt+=(make)
# a CJK font, or the screenshot shows the reports' Chinese as empty boxes
fc-list :lang=zh 2>/dev/null | grep -q . || need_apt+=(fonts-wqy-microhei)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# npm ci only when node_modules does not match package-lock.json
npm_ci() {
  local dir=$1 stamp=$1/node_modules/.xxgk-lock-sha
  local sum; sum=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$sum" ]; then
    say "npm ci in ${dir#$REPO/}"
    (cd "$dir" && npm ci --prefer-offline --no-audit --no-fund --loglevel=error >/dev/null)
    echo "$sum" > "$stamp"
  fi
}
npm_ci "$E2E_DIR"
npm_ci "$EXT_DIR"
mkdir -p "$TOOLS"
"$E2E_DIR/install-code-server.sh" "$CS_DIR" 2>"$TOOLS/install-code-server.log" \
  || { cat "$TOOLS/install-code-server.log" >&2; say "installing code-server failed"; exit 1; }
CS=$CS_DIR/node_modules/.bin/code-server
say "tools ready after $(( $(date +%s) - T_START ))s"

# ---------------------------------------------------------------- package the extension with the real binary
rm -rf "$ARTIFACTS" && mkdir -p "$ARTIFACTS"
VSIX=$ARTIFACTS/xxgk-lint.vsix
[ $NEGATIVE_ONLY = 1 ] || VSCE=$E2E_DIR/node_modules/.bin/vsce bash "$EXT_DIR/scripts/package.sh" "$BUILD_DIR" "$VSIX" \
  >"$ARTIFACTS/package.log" 2>&1 || { cat "$ARTIFACTS/package.log" >&2; say "packaging failed"; exit 1; }
[ $NEGATIVE_ONLY = 1 ] || say "packaged $(basename "$VSIX") ($(du -k "$VSIX" | cut -f1) KiB)"

# ---------------------------------------------------------------- one scenario run
CS_PID=
WORK=
cleanup() {
  if [ -n "$CS_PID" ]; then
    kill -- -"$CS_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$CS_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 -- -"$CS_PID" 2>/dev/null || true
    CS_PID=
  fi
  if [ -n "$WORK" ]; then rm -rf "$WORK"; WORK=; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# scenario MODE(positive|negative) -> exit status of drive.js (0 = all assertions held)
scenario() {
  local mode=$1 out=$ARTIFACTS/$1
  mkdir -p "$out"
  WORK=$(mktemp -d /tmp/xxgk-e2e.XXXXXX)
  mkdir -p "$WORK/data/User" "$WORK/exts" "$WORK/ws"
  cp "$FIXTURE" "$PAGE_FIXTURE" "$WORK/ws/"
  cat > "$WORK/data/User/settings.json" <<'J'
{"workbench.startupEditor":"none","security.workspace.trust.enabled":false,"telemetry.telemetryLevel":"off",
 "extensions.autoCheckUpdates":false,"extensions.autoUpdate":false,"update.mode":"none",
 "workbench.enableExperiments":false,"workbench.tips.enabled":false,"chat.commandCenter.enabled":false,
 "window.commandCenter":false,"editor.minimap.enabled":false,"files.autoSave":"off"}
J
  local common=(--config /dev/null --user-data-dir "$WORK/data" --extensions-dir "$WORK/exts")
  export EXTENSIONS_GALLERY='{"serviceUrl":"http://127.0.0.1:9/gallery","itemUrl":"http://127.0.0.1:9/item"}'
  if [ "$mode" = positive ]; then
    "$CS" "${common[@]}" --install-extension "$VSIX" >"$out/install.log" 2>&1 \
      || { cat "$out/install.log" >&2; say "installing the .vsix failed"; cleanup; return 1; }
    local bin; bin=$(ls "$WORK"/exts/xxgk-lint.xxgk-lint-*/bin/linux-x64/xxgk-lint 2>/dev/null || true)
    [ -x "$bin" ] || { say "the installed extension has no executable bin/linux-x64/xxgk-lint"; cleanup; return 1; }
  fi
  local port
  port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  # keep the test independent of any xxgk-lint on PATH: the extension must use its bundled binary
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    setsid "$CS" "${common[@]}" --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry \
    --disable-update-check --disable-workspace-trust --disable-getting-started-override \
    >"$out/code-server.log" 2>&1 </dev/null &
  CS_PID=$!
  local up=0
  for _ in $(seq 150); do
    if curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; then up=1; break; fi
    kill -0 "$CS_PID" 2>/dev/null || break
    sleep 0.2
  done
  if [ $up = 0 ]; then cat "$out/code-server.log" >&2; say "code-server did not come up"; cleanup; return 1; fi
  local rc=0 timeout=60000
  [ "$mode" = negative ] && timeout=15000
  set +e
  DIAG_TIMEOUT_MS=$timeout node "$E2E_DIR/drive.js" "$port" "$WORK/ws" "$(basename "$FIXTURE")" "$out" \
    "$(basename "$PAGE_FIXTURE")" 2>&1 \
    | tee "$out/drive.log" >&2
  rc=${PIPESTATUS[0]}
  set -e
  # keep the extension host's log (the language client's output channel) for debugging
  find "$WORK/data/logs" -name '*xxgk-lint*.log' -exec cp {} "$out/" \; 2>/dev/null || true
  cleanup
  return "$rc"
}

passed=0 failed=0
if [ $NEGATIVE_ONLY = 0 ]; then
  s=$(date +%s); rc=0; scenario positive || rc=$?
  if [ $rc = 0 ]; then
    passed=$((passed + 1)); say "PASS scenario with the extension ($(( $(date +%s) - s ))s)"
    # The README screenshot is refreshed only on request, so that a test run leaves the work tree unchanged.
    if [ "${XXGK_UPDATE_SCREENSHOT:-0}" = 1 ]; then
      mkdir -p "$EXT_DIR/images" && cp "$ARTIFACTS/positive/2-quickfix.png" "$EXT_DIR/images/screenshot.png"
    fi
  else
    failed=$((failed + 1)); say "FAIL scenario with the extension (drive.js exit $rc; see $ARTIFACTS/positive)"
  fi
fi
s=$(date +%s); rc=0; scenario negative || rc=$?
if [ $rc = 1 ]; then
  passed=$((passed + 1)); say "PASS negative control: without the extension the scenario fails ($(( $(date +%s) - s ))s)"
else
  failed=$((failed + 1)); say "FAIL negative control: expected an assertion failure (exit 1) without the extension, got exit $rc"
fi
say "total $(( $(date +%s) - T_START ))s"
echo "e2e: $passed passed, $failed failed"
[ $failed = 0 ]
