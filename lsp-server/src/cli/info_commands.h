// The commands that read no report: `rules`, `explain`, `init`, `--help`, `--version`.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "cli/arguments.h"

namespace xxgk::cli {

// The table of all rules: id, slug, default severity, fix (safe/unsafe/-), Chinese title.
void print_rules_table(std::ostream& out);
// The rule's documentation page (the same text as docs/rules/<ID>.md).
void print_rule_explanation(std::ostream& out, const std::string& id);
// A complete report skeleton that lints clean.
void print_skeleton(std::ostream& out, const InitArguments& arguments);
// Usage, Chinese first, then English.
void print_help(std::ostream& out);
// `COMMAND --help`: the command's usage and its options only; false for an unknown command.
bool print_command_help(std::ostream& out, std::string_view command);
void print_version(std::ostream& out);

}  // namespace xxgk::cli
