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

// Where the first character of text[begin, end) that only Traditional script uses (開 與 資 報 …) starts, or npos.
// `begin` must be where a character starts.
size_t find_traditional(std::string_view text, size_t begin = 0, size_t end = std::string_view::npos);

// `traditional`: whether `text` has such a character (find_traditional(text) != npos), which a caller that keeps
// the answer from one edit to the next knows without reading the whole text again. The model's search text is then
// `text` turned Simplified.
Report build_report_from_tree(std::string_view text, TSNode root, const FormatDefinition& format,
                              const LintOptions& options, bool traditional);

// Sets Table::header_unreliable on the tables whose header spans several rows when `options` says the source lost
// its merged cells, and clears it otherwise (a model kept from one lint to the next follows the options given).
void mark_unreliable_headers(Report& report, const LintOptions& options);

}  // namespace xxgk
