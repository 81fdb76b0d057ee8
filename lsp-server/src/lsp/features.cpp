#include "lsp/features.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "xxgk/format.h"
#include "xxgk/rule.h"
#include "xxgk/templates.h"

namespace xxgk::lsp {
namespace {

// LSP enumerations used below.
constexpr int kSymbolFile = 1, kSymbolModule = 2, kSymbolField = 8, kSymbolStruct = 23;
constexpr int kCompletionModule = 9, kCompletionValue = 12;

bool touches(ByteRange range, size_t offset) { return range.begin <= offset && offset <= range.end; }

// The range without trailing whitespace and line breaks (a section runs to the next heading, blank lines included;
// its outline entry and fold should end at its last text).
ByteRange trim_end(std::string_view text, ByteRange range) {
  while (range.end > range.begin) {
    const char c = text[range.end - 1];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
    --range.end;
  }
  return range;
}

std::string format_number(double value) {
  if (std::abs(value - std::round(value)) < 1e-9) return std::to_string(static_cast<long long>(std::llround(value)));
  std::ostringstream out;
  out.precision(10);
  out << value;
  return out.str();
}

// ---------------------------------------------------------------------------------------------------------------
// Tables: locating a cell and explaining it.

struct CellLocation {
  const Table* table = nullptr;
  const Row* row = nullptr;
  size_t cell = 0;
};

std::optional<CellLocation> cell_at(const Report& report, size_t offset) {
  for (const Table& table : report.tables) {
    if (!touches(table.range, offset)) continue;
    for (const Row& row : table.rows) {
      if (!touches(row.range, offset)) continue;
      for (size_t i = 0; i < row.cells.size(); ++i) {
        if (touches(row.cells[i].raw, offset)) return CellLocation{&table, &row, i};
      }
    }
  }
  return std::nullopt;
}

const RowSpec* row_spec(const Table& table, const Row& row) {
  if (!table.spec || row.canonical < 0 || row.canonical >= static_cast<int>(table.spec->rows.size())) return nullptr;
  return &table.spec->rows[static_cast<size_t>(row.canonical)];
}

// The value column of a cell: only meaningful in a row with exactly the expected number of values.
std::optional<size_t> value_column(const Row& row, size_t cell) {
  if (!row.complete) return std::nullopt;
  const auto found = std::find(row.value_cells.begin(), row.value_cells.end(), cell);
  if (found == row.value_cells.end()) return std::nullopt;
  return static_cast<size_t>(found - row.value_cells.begin());
}

std::string column_label(const TableSpec& spec, const RowSpec* row, size_t column) {
  // Table 二 is a stack of blocks with their own headers; its first header cell is the label column.
  if (row && !spec.blocks.empty()) {
    for (const BlockSpec& block : spec.blocks) {
      if (block.group == row->group && column + 1 < block.header.size()) return block.header[column + 1];
    }
  }
  if (column < spec.columns.size()) return spec.columns[column];
  return "第" + std::to_string(column + 1) + "列";
}

std::string row_label(const Report& report, const Table& table, const Row& row) {
  if (const RowSpec* spec = row_spec(table, row); spec && !spec->label.empty()) return spec->label;
  return std::string(report.slice(row.label));
}

struct Term {
  std::string label;
  const Cell* cell = nullptr;  // null when the term's row is missing from the table
};

// A total cell explained by the identity that defines it.
struct TotalBreakdown {
  std::vector<Term> terms;
  double sum = 0;
  bool complete = true;  // every term is present and a number
};

std::optional<TotalBreakdown> total_breakdown(const Table& table, const Row& row, size_t column) {
  const RowSpec* spec = row_spec(table, row);
  if (!table.spec || !spec) return std::nullopt;
  std::vector<Term> terms;
  for (const IdentitySpec& identity : table.spec->identities) {
    if (identity.kind == "row-sum") {
      const bool applies =
          identity.rows.empty() || std::find(identity.rows.begin(), identity.rows.end(), spec->id) != identity.rows.end();
      if (!applies) continue;
      std::vector<int> term_columns;
      if (identity.total == static_cast<int>(column)) term_columns = identity.terms;
      for (const std::vector<int>& group : identity.groups) {
        if (!group.empty() && group.back() == static_cast<int>(column)) term_columns.assign(group.begin(), group.end() - 1);
      }
      for (int term : term_columns) {
        terms.push_back({column_label(*table.spec, spec, static_cast<size_t>(term)), row.value(static_cast<size_t>(term))});
      }
    } else if (identity.kind == "column-sum" && identity.total_row == spec->id) {
      for (const std::string& id : identity.term_rows) {
        const Row* term_row = table.row_for(id);
        const RowSpec* term_spec = table.spec->row(id);
        terms.push_back({term_spec ? term_spec->label : id, term_row ? term_row->value(column) : nullptr});
      }
    }
    if (!terms.empty()) break;
  }
  if (terms.empty()) return std::nullopt;
  TotalBreakdown breakdown;
  breakdown.terms = std::move(terms);
  for (const Term& term : breakdown.terms) {
    if (term.cell && term.cell->value.is_number()) {
      breakdown.sum += term.cell->value.number;
    } else {
      breakdown.complete = false;
    }
  }
  return breakdown;
}

std::string term_value(const Report& report, const Term& term) {
  if (!term.cell) return "缺少此行 (row missing)";
  if (term.cell->value.is_number()) return format_number(term.cell->value.number);
  const std::string_view written = report.slice(term.cell->range);
  return written.empty() ? "空 (empty)" : "“" + std::string(written) + "”（非数字 not a number）";
}

std::string bold(std::string_view text, bool markdown) {
  return markdown ? "**" + std::string(text) + "**" : std::string(text);
}

// ---------------------------------------------------------------------------------------------------------------
// Outline.

json symbol(std::string name, int kind, const Wire& wire, ByteRange range, ByteRange selection) {
  if (name.empty()) name = "（无标题）";
  return {{"name", std::move(name)},
          {"kind", kind},
          {"range", wire.range(range)},
          {"selectionRange", wire.range(selection)},
          {"children", json::array()}};
}

// SymbolInformation[] from DocumentSymbol[]: the tree walked depth-first, each entry naming its parent.
void flatten_symbols(const json& symbols, const std::string& uri, const std::string& container, json& out) {
  for (const json& entry : symbols) {
    json information = {{"name", entry["name"]},
                        {"kind", entry["kind"]},
                        {"location", {{"uri", uri}, {"range", entry["range"]}}}};
    if (!container.empty()) information["containerName"] = container;
    out.push_back(std::move(information));
    flatten_symbols(entry["children"], uri, entry["name"].get<std::string>(), out);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Completion.

TemplateStyle table_style(const Table& table) {
  TemplateStyle style;
  style.markdown = table.markdown;
  for (const Row& row : table.rows) {
    if (row.kind == RowKind::Data) {
      style.separator = row.separator;
      break;
    }
  }
  if (table.markdown) style.separator = '|';
  return style;
}

// The table the cursor's line belongs to, or borders (a new line typed just below or above it).
const Table* table_near_line(const Report& report, const LineIndex& lines, uint32_t line) {
  for (const Table& table : report.tables) {
    if (!table.spec) continue;
    const uint32_t first = lines.line_of(table.range.begin);
    const uint32_t last = lines.line_of(table.range.end);
    if (line + 1 >= first && line <= last + 1) return &table;
  }
  return nullptr;
}

// Missing table rows first (group 0), then missing sections (1), then present sections (2); in canonical order
// within a group.
std::string sort_key(int group, size_t index) {
  std::string number = std::to_string(index);
  return std::to_string(group) + std::string(number.size() < 4 ? 4 - number.size() : 0, '0') + number;
}

json completion_item(std::string label, std::string detail, int kind, std::string sort_text, std::string new_text,
                     const json& replace_range) {
  return {{"label", label},
          {"kind", kind},
          {"detail", std::move(detail)},
          {"sortText", std::move(sort_text)},
          {"filterText", label},
          {"textEdit", {{"range", replace_range}, {"newText", std::move(new_text)}}}};
}

}  // namespace

json document_symbols(const Report& report, const Wire& wire, const std::string& uri, bool hierarchical) {
  json symbols = json::array();
  if (report.title) {
    symbols.push_back(symbol(report.title->text, kSymbolFile, wire, report.title->range(), report.title->range()));
  }
  for (const Section& section : report.sections) {
    if (!section.heading) continue;
    const ByteRange heading = section.heading->range;
    ByteRange range = trim_end(report.text, section.range);
    range.end = std::max(range.end, heading.end);
    json entry = symbol(std::string(report.slice(heading)), kSymbolModule, wire, range, heading);
    // Sub-items and tables interleaved in document order, as the reader meets them.
    std::vector<std::pair<size_t, json>> children;
    for (size_t index : section.subitems) {
      const SubItem& item = report.subitems[index];
      if (item.inline_marker) continue;
      children.emplace_back(item.range.begin,
                            symbol(std::string(report.slice(item.range)), kSymbolField, wire, item.range, item.range));
    }
    for (size_t index : section.tables) {
      const Table& table = report.tables[index];
      const std::string name = table.spec ? "表：" + table.spec->title : "表格 (table)";
      const ByteRange first_line{table.range.begin, table.rows.empty() ? table.range.end : table.rows.front().range.end};
      children.emplace_back(table.range.begin, symbol(name, kSymbolStruct, wire, table.range, first_line));
    }
    std::stable_sort(children.begin(), children.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& child : children) entry["children"].push_back(std::move(child.second));
    symbols.push_back(std::move(entry));
  }
  if (hierarchical) return symbols;
  json flat = json::array();
  flatten_symbols(symbols, uri, "", flat);
  return flat;
}

json folding_ranges(const Report& report, const Wire& wire) {
  json ranges = json::array();
  auto add = [&](ByteRange range) {
    range = trim_end(report.text, range);
    const uint32_t start = wire.lines.line_of(range.begin);
    const uint32_t end = wire.lines.line_of(range.end);
    if (end > start) ranges.push_back({{"startLine", start}, {"endLine", end}, {"kind", "region"}});
  };
  for (const Section& section : report.sections) add(section.range);
  for (const Table& table : report.tables) add(table.range);
  return ranges;
}

std::optional<json> hover(const Report& report, const Wire& wire, size_t offset, bool markdown) {
  const std::optional<CellLocation> location = cell_at(report, offset);
  if (!location || !location->table->spec) return std::nullopt;
  const Table& table = *location->table;
  const Row& row = *location->row;
  const std::optional<size_t> column = value_column(row, location->cell);
  if (!column) return std::nullopt;

  const std::string separator = markdown ? "\n\n" : "\n";
  // Table 四's data row has no label: its column labels say everything.
  const std::string label = row_label(report, table, row);
  std::string text = (label.empty() ? "" : bold(label, markdown) + " × ") +
                     bold(column_label(*table.spec, row_spec(table, row), *column), markdown) + separator +
                     "表 (table)：" + table.spec->title;
  if (const std::optional<TotalBreakdown> total = total_breakdown(table, row, *column)) {
    text += separator + "合计 (computed sum)：" + bold(format_number(total->sum), markdown);
    if (!total->complete) text += "（部分项缺失或非数字，仅计入可读的数值 (some terms are missing or not numbers)）";
    text += separator;
    for (const Term& term : total->terms) {
      text += (markdown ? "- " : "  ") + term.label + "：" + term_value(report, term) + "\n";
    }
  }
  const ByteRange cell_range = row.cells[location->cell].range;
  return json{{"contents", {{"kind", markdown ? "markdown" : "plaintext"}, {"value", text}}},
              {"range", wire.range(cell_range)}};
}

json inlay_hints(const Report& report, const std::vector<Diagnostic>& diagnostics, const Wire& wire,
                 ByteRange range) {
  json hints = json::array();
  for (const Diagnostic& diagnostic : diagnostics) {
    if (!diagnostic.rule) continue;
    const std::string_view id = diagnostic.rule->id;
    if (id != "A301" && id != "A302" && id != "A304") continue;
    // The fix (when there is one) rewrites exactly the total cell; otherwise the diagnostic points at it.
    const size_t anchor = !diagnostic.fixes.empty() && !diagnostic.fixes.front().edits.empty()
                              ? diagnostic.fixes.front().edits.front().range.begin
                              : diagnostic.range.begin;
    const std::optional<CellLocation> location = cell_at(report, anchor);
    if (!location) continue;
    const std::optional<size_t> column = value_column(*location->row, location->cell);
    if (!column) continue;
    const std::optional<TotalBreakdown> total = total_breakdown(*location->table, *location->row, *column);
    if (!total || !total->complete) continue;
    const ByteRange cell = location->row->cells[location->cell].range;
    if (cell.end < range.begin || cell.end > range.end) continue;
    hints.push_back({{"position", wire.position(cell.end)},
                     {"label", "≠ " + format_number(total->sum)},
                     {"paddingLeft", true},
                     {"tooltip", "计算值 (computed value): " + format_number(total->sum)}});
  }
  return hints;
}

json completions(const Report& report, const Wire& wire, Position cursor) {
  json items = json::array();
  const size_t line_start = wire.lines.line_start(cursor.line);
  const size_t offset = wire.offset(cursor);
  const std::string_view typed = report.text.substr(line_start, offset - line_start);
  // Past the first cell of the line: not the start of a line any more.
  if (typed.find_first_of("\t|") != std::string_view::npos) return items;
  const json replace_range = {{"start", position_to_json({cursor.line, 0})}, {"end", position_to_json(cursor)}};

  if (const Table* table = table_near_line(report, wire.lines, cursor.line)) {
    const TemplateStyle style = table_style(*table);
    for (size_t index = 0; index < table->spec->rows.size(); ++index) {
      const RowSpec& spec = table->spec->rows[index];
      if (spec.label.empty() || !table->rows_for(static_cast<int>(index)).empty()) continue;
      std::string row = render_row(*table->spec, static_cast<int>(index), style);
      while (!row.empty() && (row.back() == '\n' || row.back() == '\r')) row.pop_back();
      items.push_back(completion_item(spec.label, "表格行，各单元格填 0 (table row filled with 0)", kCompletionValue,
                                      sort_key(0, index), std::move(row), replace_range));
    }
  }
  const FormatDefinition& format = report.format ? *report.format : format_2021();
  TemplateStyle heading_style;
  heading_style.markdown = report.markdown;
  for (const SectionSpec& section : format.sections) {
    const bool present = report.section(section.number) != nullptr;
    items.push_back(completion_item(render_heading(section, heading_style),
                                    present ? "章节标题 (section heading)" : "缺少的章节 (missing section)",
                                    kCompletionModule, sort_key(present ? 2 : 1, static_cast<size_t>(section.number)),
                                    render_heading(section, heading_style),
                                    replace_range));
  }
  return items;
}

}  // namespace xxgk::lsp
