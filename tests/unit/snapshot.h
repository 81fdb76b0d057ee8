// Snapshots of a rule's findings on a fixture case (tests/fixtures/rules/<ID>/<case>.snap): every field of every
// diagnostic in a stable, readable text, so a change to a message, a range, a related location or a fix shows in a
// review as a changed line. Also the range markers a case text may carry (⟦ ⟧) and the unified diff both use.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xxgk/diagnostic.h"
#include "xxgk/positions.h"

namespace xxgk::testing_support {

// "LINE:COL-LINE:COL" of `range`, 1-based, columns in code points, the end exclusive.
std::string format_range(const LineIndex& lines, const ByteRange& range);

// A unified diff of `before` against `after` line by line: one hunk over the lines between their common head and
// common tail, with `context` unchanged lines on each side; "" when the texts are equal.
std::string unified_diff(std::string_view before, std::string_view after, size_t context);

// The snapshot of `diagnostics` (of one rule) on `text`: per diagnostic its rule id, severity, range (start and end
// as LINE:COL, 1-based, code points), message, related information and fixes, each fix as a unified diff of `text`.
std::string render_snapshot(std::string_view text, const std::vector<Diagnostic>& diagnostics);

// nullopt when the snapshot on disk equals the rendered one, else a readable diff of the two (on-disk lines '-',
// current lines '+').
std::optional<std::string> snapshot_mismatch(std::string_view on_disk, std::string_view rendered);

// Range markers in a case text: "⟦" opens and "⟧" closes a range (the brackets U+27E6/U+27E7 occur in no report).
// The markers are removed from `text`; `ranges` are byte ranges into what remains, in the order they open.
struct MarkedText {
  std::string text;
  std::vector<ByteRange> ranges;
};
inline constexpr std::string_view kRangeOpen = "\u27E6";
inline constexpr std::string_view kRangeClose = "\u27E7";
// Unbalanced or nested markers are an error in the fixture: `error` is set to say where (1-based byte offset).
MarkedText strip_range_markers(std::string_view text, std::string* error);

}  // namespace xxgk::testing_support
