// `xxgk-lint check` and `xxgk-lint fix`: the same run — collect files, read and decode each, lint (after fixing, for
// fix), report in the chosen format — differing only in whether fixes are applied and written.
#pragma once

#include "cli/arguments.h"

namespace xxgk::cli {

enum class LintCommand { Check, Fix };

// Runs the command and returns the exit code (interface.md): 0 no error-severity diagnostic, 1 at least one, 2 a
// usage error, an unreadable or non-text file, an invalid config file, or a file fix could not write.
int run_lint_command(const LintArguments& arguments, LintCommand command);

}  // namespace xxgk::cli
