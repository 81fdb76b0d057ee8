// Builds the typed report model from the syntax tree: title, headings matched to the six sections, sub-items,
// paragraphs, and tables recognised against the format definition (rows matched to canonical rows, label cells and
// value cells aligned from the right, values parsed).
#pragma once

#include <tree_sitter/api.h>

#include <string_view>

#include "xxgk/format.h"
#include "xxgk/model.h"
#include "xxgk/options.h"

namespace xxgk {

Report build_report_from_tree(std::string_view text, TSNode root, const FormatDefinition& format,
                              const LintOptions& options);

}  // namespace xxgk
