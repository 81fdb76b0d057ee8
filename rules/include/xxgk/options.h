// What the caller tells the core beyond the text: who wrote the report, for which year, and rule severities.
// Reading it from .xxgk-lint.json is the front ends' job (lsp-server/), not the core's.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>

#include "xxgk/diagnostic.h"

namespace xxgk {

enum class AgencyKind { Auto, Department, Government };

// The largest input the core builds a model for. A real report has a few hundred lines, a few hundred table cells
// and well under 1 MB; the model costs about 1 KB per line or cell, so text far beyond that (a megabyte of tabs is a
// million cells) would cost time and memory out of all proportion. Text over any bound is not parsed: lint() returns
// the single diagnostic of input_limit_rule() instead. Counting takes one pass over the bytes.
struct LintLimits {
  size_t max_bytes = size_t{16} << 20;  // 16 MiB; the CLI refuses to read a larger file
  size_t max_lines = 200'000;           // lines end at "\n", "\r\n" or a lone "\r"
  size_t max_cells = 500'000;           // table cell separators (tab, |) in the whole text
  size_t max_row_cells = 1'000;         // table cell separators in one line
  bool operator==(const LintLimits&) const = default;
};

// The rule of the diagnostic lint() returns for text beyond LintLimits (X001 input-too-large). It is no catalogue
// rule: it cannot be configured off, only the limits can be changed.
const RuleDescriptor& input_limit_rule();

struct LintOptions {
  AgencyKind agency_kind = AgencyKind::Auto;
  std::optional<int> year;                   // reporting year; default: from the title
  std::map<std::string, Severity> severity;  // rule id -> severity override (Off disables the rule)
  LintLimits limits;
  // The text was laid out from a source that keeps no merged table cells (a PDF's text layer): a table header
  // written over several rows with merged cells is not read reliably, so the model marks it (Table::header_unreliable)
  // and no rule judges it. Set by lint_source() from the document read.
  bool merged_cells_lost = false;
};

}  // namespace xxgk
