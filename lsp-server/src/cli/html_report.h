// `check --format html`: one self-contained review page for a whole run (see html_page.h for what it needs and
// does not need): a table of the reports (pass or fail, counts by severity and by rule group, agency and year from
// the title), totals per rule, each report's diagnostics with the source lines around them, filters by severity and
// rule, and the documentation of every rule that appears.
#pragma once

#include <memory>
#include <ostream>

#include "cli/report_writer.h"

namespace xxgk::cli {

std::unique_ptr<ReportWriter> make_html_report_writer(std::ostream& out);

}  // namespace xxgk::cli
