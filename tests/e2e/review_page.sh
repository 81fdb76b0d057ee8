#!/usr/bin/env bash
# The review page of `xxgk-lint check --format html` in a real browser: Debian's headless Chromium loads the page
# from disk (no server, host names resolve nowhere), and the DOM it builds, scripts run, is checked:
#   - the summary lists every report and the filters were shown by the page's script;
#   - ?rule=A306 leaves exactly the A306 diagnostics visible, ?severity=error only the errors;
#   - a link to a report (#anchor) opens that report's section.
# A screenshot of the page (?open=all&severity=error,warning) is kept in ARTEFACT_DIR; XXGK_UPDATE_SCREENSHOT=1 also
# copies it to docs/review-page.png (the README shows it).
#
#   tests/e2e/review_page.sh XXGK_LINT_BINARY [ARTEFACT_DIR]
set -euo pipefail
binary=$(realpath "${1:?usage: review_page.sh XXGK_LINT_BINARY [ARTEFACT_DIR]}")
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
artefacts=$(mkdir -p "${2:-$PWD/review-page}" && cd "${2:-$PWD/review-page}" && pwd)
browser=$(command -v chromium || true)
[ -n "$browser" ] || { echo "review_page: chromium is not installed (scripts/install-deps.sh installs it)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$repo/tests/fixtures/review" "$work/reports"
status=0
(cd "$work" && "$binary" check --no-progress --format html reports/ >"$artefacts/review.html") || status=$?
[ "$status" -eq 1 ] || { echo "review_page: check exited with $status, expected 1 (errors found)" >&2; exit 1; }
page="file://$artefacts/review.html"

run_browser() {
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions \
    --host-resolver-rules="MAP * ~NOTFOUND" --user-data-dir="$work/profile" "$@" 2>>"$artefacts/chromium.log"
}

run_browser --dump-dom "$page" >"$artefacts/dom-all.html"
run_browser --dump-dom "$page?rule=A306" >"$artefacts/dom-a306.html"
run_browser --dump-dom "$page?severity=error" >"$artefacts/dom-errors.html"
anchor=$(grep -o '<details class="report" id="r-[0-9a-f]*"><summary>reports/qingshan_2024.txt' "$artefacts/review.html" |
  sed 's/.*id="\([^"]*\)".*/\1/')
run_browser --dump-dom "$page#$anchor" >"$artefacts/dom-anchor.html"
run_browser --screenshot="$artefacts/review-page.png" --window-size=1280,1500 --hide-scrollbars \
  "$page?open=all&severity=error,warning" >/dev/null

python3 - "$artefacts" "$anchor" <<'PY'
import sys
from html.parser import HTMLParser

artefacts, anchor = sys.argv[1], sys.argv[2]

class Dom(HTMLParser):
    """The facts the checks need: report rows, diagnostics (rule, severity, hidden), sections, the filter bar."""
    def __init__(self, path):
        super().__init__()
        self.rows, self.items, self.sections, self.filters_hidden = 0, [], {}, None
        self.in_reports = False
        self.feed(open(path, encoding="utf-8").read())
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self.in_reports = a.get("id") == "reports"
        elif tag == "tr" and self.in_reports and a.get("class") in ("pass", "fail"):
            self.rows += 1
        elif tag == "li" and "diagnostic" in a.get("class", "").split():
            self.items.append((a["data-rule"], a["data-severity"], "hidden" in a["class"].split()))
        elif tag == "details":
            self.sections[a["id"]] = "open" in a
        elif tag == "nav" and a.get("id") == "filters":
            self.filters_hidden = "hidden" in a

failures = []
def expect(condition, message):
    if not condition:
        failures.append(message)

everything = Dom(f"{artefacts}/dom-all.html")
expect(everything.rows == 4, f"summary rows: {everything.rows}, expected 4")
expect(everything.filters_hidden is False, "the script did not show the filter bar")
expect(len(everything.items) > 10, f"only {len(everything.items)} diagnostics")
expect(not any(hidden for _, _, hidden in everything.items), "a diagnostic is hidden without a filter")
expect(not any(everything.sections.values()), "a report section is open without being asked")

a306 = Dom(f"{artefacts}/dom-a306.html")
visible = [(rule, severity) for rule, severity, hidden in a306.items if not hidden]
expect(visible == [("A306", "error")] * 2, f"?rule=A306 shows {visible}")

errors = Dom(f"{artefacts}/dom-errors.html")
expect(all(hidden == (severity != "error") for _, severity, hidden in errors.items), "?severity=error")
expect(any(not hidden for _, _, hidden in errors.items), "?severity=error hides the errors too")

linked = Dom(f"{artefacts}/dom-anchor.html")
expect(linked.sections.get(anchor) is True, f"#{anchor} did not open its section")
expect(sum(linked.sections.values()) == 1, "a link opened more than its own section")

for failure in failures:
    print("review_page: FAIL:", failure, file=sys.stderr)
print(f"review_page: {len(everything.items)} diagnostics, {everything.rows} reports; "
      f"{'FAILED' if failures else 'all checks passed'}")
sys.exit(1 if failures else 0)
PY

png="$artefacts/review-page.png"
[ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || { echo "review_page: no PNG screenshot" >&2; exit 1; }
[ "$(stat -c %s "$png")" -gt 30000 ] || { echo "review_page: the screenshot is nearly empty" >&2; exit 1; }
echo "review_page: screenshot $png"
if [ "${XXGK_UPDATE_SCREENSHOT:-}" = 1 ]; then cp "$png" "$repo/docs/review-page.png"; fi
