// Editor features written from a document's report model and what the core explains of it: outline, folding, hover
// on table cells, inlay hints after wrong totals, completion of headings and table rows (diagnostics go to the wire
// through diagnostics_wire.h). Pure functions of (model, diagnostics, positions) that only write JSON: the Server
// decides when to call them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "lsp/protocol.h"
#include "xxgk/analysis.h"
#include "xxgk/diagnostic.h"
#include "xxgk/model.h"

namespace xxgk::lsp {

// How positions and ranges are spoken to this client.
struct Wire {
  const LineIndex& lines;
  PositionEncoding encoding;
  json range(ByteRange bytes) const { return range_to_json(lines, bytes, encoding); }
  json position(size_t byte) const { return position_to_json(lines.position(byte, encoding)); }
  size_t offset(Position position) const { return lines.offset(position, encoding); }
};

// textDocument/documentSymbol: title, sections with their sub-items and tables. Hierarchical DocumentSymbols, or
// flat SymbolInformation (with containerName) for clients without hierarchical support.
json document_symbols(const Report& report, const Wire& wire, const std::string& uri, bool hierarchical);

// textDocument/foldingRange: each section and each table.
json folding_ranges(const Report& report, const Wire& wire);

// textDocument/hover on a table value cell (Analysis::explain_cell): its row and column labels, and for a total the
// terms and their sum.
std::optional<json> hover(const Analysis& analysis, const Wire& wire, size_t offset, bool markdown);

// textDocument/inlayHint: after each wrong total in `range` (Analysis::wrong_totals), the computed value ("≠ 41").
json inlay_hints(const Analysis& analysis, const std::vector<Diagnostic>& diagnostics, const Wire& wire,
                 ByteRange range);

// textDocument/completion at `cursor`, when everything before it on its line is the first word of the line:
// canonical section headings, and inside a recognised table the canonical rows it lacks (with 0 in every cell).
json completions(const Report& report, const Wire& wire, Position cursor);

}  // namespace xxgk::lsp
