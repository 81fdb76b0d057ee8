// `xxgk-lint compare LAST THIS`: reads two reports of one agency, compares them with the core (xxgk/compare.h) and
// prints the comparison as text, JSON or an HTML page.
#pragma once

#include <ostream>

#include "cli/arguments.h"

namespace xxgk::cli {

// Returns the exit code: 0 compared, 2 a file that cannot be read or is not text (message on stderr).
int run_compare_command(const CompareArguments& arguments, std::ostream& out);

}  // namespace xxgk::cli
