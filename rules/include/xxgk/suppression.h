// Inline suppression comments in Markdown reports (interface.md, "Suppression"):
//   <!-- xxgk-lint-disable RULE… -->   … <!-- xxgk-lint-enable RULE… -->
//   <!-- xxgk-lint-disable-next-line RULE… -->
//   <!-- xxgk-lint-disable-file RULE… -->
// (no RULE: all rules). Applied by the core's lint, so the command line and the language server agree. A comment
// that suppresses nothing is reported by the meta rule X002 unused-suppression (info), as ruff's RUF100 reports an
// unused `noqa`.
#pragma once

#include <string_view>
#include <vector>

#include "xxgk/diagnostic.h"
#include "xxgk/options.h"
#include "xxgk/rule.h"

namespace xxgk {

// The rule of the diagnostics for unused suppression comments (X002). Like X001 it is no catalogue rule: its
// severity is set by `options.severity["X002"]` (default info; "off" silences it).
const RuleDescriptor& unused_suppression_rule();

// Removes the diagnostics that `text`'s suppression comments cover, and adds an X002 diagnostic for each comment (or
// rule named in one) that covers none. `diagnostics` are sorted by position, and stay so.
void apply_suppressions(std::string_view text, std::vector<Diagnostic>& diagnostics, const LintOptions& options);

}  // namespace xxgk
