#!/usr/bin/env bash
# Prints what the checker says about every real report in tests/fixtures/real/, one diagnostic a line, in a stable
# order (file, line, column, then the checker's own order), so that a rule change's effect on real text can be read as
# a diff before it is committed:
#
#   scripts/real-report-diff.sh > /tmp/before.txt       # on the unchanged tree
#   ...change a rule, rebuild...
#   scripts/real-report-diff.sh > /tmp/after.txt
#   diff /tmp/before.txt /tmp/after.txt
#
# Options: --counts  print the number of diagnostics per severity and rule instead of the list.
#          --binary PATH  the checker to run (default: build/lsp-server/xxgk-lint).
# Whether the result is right is decided by the expectation files (tests/fixtures/real/*/*.expect) and asserted by the
# unit test RealReport (build/tests/unit/xxgk_unit_tests --gtest_filter='*RealReport*').
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
binary="$root/build/lsp-server/xxgk-lint"
counts=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --counts) counts=true; shift ;;
    --binary) binary=$(realpath "$2"); shift 2 ;;
    *) echo "usage: $0 [--counts] [--binary PATH]" >&2; exit 2 ;;
  esac
done
[[ -x "$binary" ]] || { echo "$0: no checker at $binary (build it: cmake --build build --target xxgk-lint)" >&2; exit 2; }

cd "$root/tests/fixtures/real"
status=0
output=$("$binary" check --no-progress --jobs 1 --format text dev old-format) || status=$?
# Exit 1 only says that some report has an error, which real reports do; 2 is a usage or input failure.
if [[ $status -gt 1 ]]; then
  echo "$0: the checker failed (exit $status)" >&2
  exit "$status"
fi
sorted=$(printf '%s\n' "$output" | grep -E '^[^:]+:[0-9]+:[0-9]+: ' | LC_ALL=C sort -s -t: -k1,1 -k2,2n -k3,3n)
if $counts; then
  printf '%s\n' "$sorted" | sed -E 's/^[^ ]+ ([a-z]+\[[A-Z][0-9]+\]).*/\1/' | LC_ALL=C sort | uniq -c
else
  printf '%s\n' "$sorted"
fi
