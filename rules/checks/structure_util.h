// Helpers of the structure rules S101–S110: the document's layout (for text that fixes insert), numeral spans and
// the government/department decision.
#pragma once

#include <string>
#include <string_view>

#include "xxgk/model.h"
#include "xxgk/options.h"
#include "xxgk/templates.h"

namespace xxgk::structure {

// Whether the document puts a blank line before its section headings (so inserted headings get one too).
bool headings_spaced(const Report& report);

// A section heading line for `section` as this document writes them: the Markdown marker of its existing Markdown
// headings ("## " by default), then "N、title". No line terminator.
std::string heading_line(const Report& report, const SectionSpec& section, const TemplateStyle& style);

// The numeral inside a sub-item number: "四" in "（四）" or "(四)", "三" in "三是". Empty when there is none.
ByteRange subitem_numeral(std::string_view text, const SubItem& item);

// Whether the report is held to the obligations of a people's government (format-2021.md 2.4): the caller says so,
// or, with AgencyKind::Auto, the agency named in the title is a 人民政府 / 政府 / 乡 / 镇. Development-zone committees,
// sub-district offices and departments are not.
bool is_government(const Report& report, const LintOptions& options);

}  // namespace xxgk::structure
