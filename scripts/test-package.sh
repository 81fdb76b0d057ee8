#!/usr/bin/env bash
# Builds the Debian package (scripts/package-deb.sh) and checks it the way a user's machine would see it: its
# dependencies are Debian packages, not bundled libraries; unpacked into a clean directory root (dpkg -x), the binary
# runs from there (--version, a check of a report and of a file that is not one) and the man page, completions and
# rule docs are where Debian's tools look for them.
#
#   scripts/test-package.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
package=$("$root/scripts/package-deb.sh" "${1:-$root/build-deb}")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "test-package.sh: $*" >&2; exit 1; }

depends=$(dpkg-deb -f "$package" Depends)
echo "Depends: $depends"
[[ $depends == *libicu* && $depends == *libc6* ]] || fail "Depends lacks Debian's ICU or libc: $depends"
size=$(stat -c %s "$package")
[ "$size" -lt $((8 * 1024 * 1024)) ] || fail "package is $size bytes: it carries libraries it should depend on"

dpkg -x "$package" "$scratch/root"
binary="$scratch/root/usr/bin/xxgk-lint"
# Each output goes to a file before grep reads it: under pipefail, grep -q leaving at its first match made a late write
# of the binary die of SIGPIPE, and the step failed now and then on a loaded machine.
"$binary" --version >"$scratch/version.txt"
grep -q "^xxgk-lint " "$scratch/version.txt" || fail "--version"
for installed in usr/share/man/man1/xxgk-lint.1 usr/share/bash-completion/completions/xxgk-lint \
  usr/share/zsh/vendor-completions/_xxgk-lint usr/share/doc/xxgk-lint/rules/T204.md \
  usr/share/doc/xxgk-lint/config.schema.json; do
  [ -s "$scratch/root/$installed" ] || fail "$installed is missing"
done
bash -n "$scratch/root/usr/share/bash-completion/completions/xxgk-lint" || fail "the bash completion does not parse"

cd "$scratch"
"$binary" init --agency 青山市规划局 --year 2024 >report.txt
# The skeleton's placeholders are errors (exit 1): its report is read from a file, not through a failing pipeline.
"$binary" check --no-progress report.txt >skeleton.txt && fail "the skeleton's placeholders are not errors"
grep -q "error\[C408\]" skeleton.txt || fail "the skeleton's placeholders are not reported"
sed -i 's/【待填写】//g' report.txt  # filled in: a clean report
"$binary" check --no-progress report.txt >clean.txt || fail "check of a clean report: exit $?"
grep -q " 0 errors" clean.txt || fail "check of a clean report"
printf '# 笔记\n\n今天整理了资料。\n' >notes.md
"$binary" check --no-progress notes.md >notes.txt 2>&1 || fail "check of a file that is not a report: exit $?"
grep -q "skipped" notes.txt || fail "a file that is not a report was not skipped"
sed -i 's/五、存在的主要问题及改进情况/五、存在主要问题及改进情况/' report.txt
status=0
"$binary" check --no-progress report.txt >out.txt || status=$?
[ "$status" -eq 0 ] && grep -q "warning\[S105\]" out.txt || fail "check of a report with a warning (exit $status)"
echo "test-package.sh: $package installs and runs"
