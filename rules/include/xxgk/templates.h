// Canonical text generated from the format definition: template tables filled with 0, single rows, headings and the
// complete report skeleton printed by `xxgk-lint init`. Fixes (S101, S103, T201, T202, T208) insert these texts.
#pragma once

#include <string>
#include <string_view>

#include "xxgk/format.h"

namespace xxgk {

struct TemplateStyle {
  char separator = '\t';     // '\t' or '|'
  bool markdown = false;     // GFM table (outer pipes + delimiter row) and ATX headings
  std::string_view newline = "\n";
};

// The whole table (header rows, labels, every canonical row with 0 in every value cell), ending with a newline.
std::string render_table(const TableSpec& table, const TemplateStyle& style);
// One canonical row with 0 in every value cell, ending with a newline, laid out like the template table's rows.
std::string render_row(const TableSpec& table, int row_index, const TemplateStyle& style);
// The header rows of the template table, ending with a newline.
std::string render_header(const TableSpec& table, const TemplateStyle& style);
// "一、总体情况" (with "## " in Markdown), no newline.
std::string render_heading(const SectionSpec& section, const TemplateStyle& style);
// A complete report for `agency` and `year` that lints clean: title, preamble with the legal basis, the notice
// citation and the statistics period, the six sections with the required content, the three tables filled with 0,
// and the 信息处理费 statement.
std::string render_skeleton(const FormatDefinition& format, std::string_view agency, int year,
                            const TemplateStyle& style);

}  // namespace xxgk
