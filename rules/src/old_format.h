// Whether a report follows a format older than the 2021 one: decided by its reporting year (a report for a year
// before 2021 follows the format of its year), or, when the year is unknown, by marks only an old report has in a
// text without any mark of the 2021 format. Such a report gets one S109 and none of the 2021 checks.
#pragma once

#include <string_view>

#include "xxgk/format.h"
#include "xxgk/model.h"

namespace xxgk {

enum class OldFormat {
  None,       // the 2021 format applies
  Trial2019,  // the 试行 format of 国办公开办函〔2019〕60号 (reports for 2019 and 2020)
  Era2008,    // the reports under the 2008 Regulation (before 2019)
};

struct OldFormatFinding {
  OldFormat format = OldFormat::None;
  bool from_year = false;  // decided by the reporting year (else by the text's marks, the year being unknown)
};

OldFormatFinding old_format_of(const Report& report, const FormatDefinition& format);

// The rule that reports an old format (the only one run on such a report).
constexpr std::string_view old_format_rule_id() { return "S109"; }

}  // namespace xxgk
