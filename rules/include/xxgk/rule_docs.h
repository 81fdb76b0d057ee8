// Rule documentation rendered from the rule descriptors: the pages under docs/rules/ (written by xxgk-docgen), the
// text `xxgk-lint explain` prints, and the link every front end attaches to a diagnostic (SARIF helpUri, LSP
// codeDescription.href). One renderer, so the committed docs and the tool never disagree.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "xxgk/rule.h"

namespace xxgk {

// The rule's documentation page in the project repository (docs/rules/<ID>.md).
std::string rule_doc_url(const RuleDescriptor& rule);

// The path of the rule's page inside the repository and the installed docs: "docs/rules/<ID>.md".
std::string rule_doc_path(const RuleDescriptor& rule);

// The rule's documentation as plain text: titles, then the Chinese and English descriptions (SARIF help.text).
std::string rule_help_text(const RuleDescriptor& rule);

// "safe", "unsafe" or "-" (no fix).
std::string_view fix_safety_name(FixSafety fix);

// The rule's page: titles, default severity, fix, documentation (Chinese first, then English), bad and good example.
std::string rule_markdown(const RuleDescriptor& rule);

// The page of the input-limit diagnostic (X001, no catalogue rule): what it means and the bounds, from LintLimits.
std::string input_limit_markdown();

// The page `explain ID` prints and a diagnostic links to: a catalogue rule's, or X001's; nullopt for an unknown id.
std::optional<std::string> documentation_page(std::string_view id);

// docs/rules/README.md: a table of every rule linking to its page.
std::string rules_index_markdown();

}  // namespace xxgk
