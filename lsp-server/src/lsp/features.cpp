#include "lsp/features.h"

#include <algorithm>

#include "xxgk/analysis.h"
#include "xxgk/format.h"
#include "xxgk/prose.h"
#include "xxgk/templates.h"

namespace xxgk::lsp {
namespace {

// LSP enumerations used below.
constexpr int kSymbolFile = 1, kSymbolModule = 2, kSymbolField = 8, kSymbolStruct = 23;
constexpr int kCompletionModule = 9, kCompletionValue = 12;

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

std::string term_value(const Report& report, const CellTerm& term) {
  if (!term.cell) return "缺少此行 (row missing)";
  if (term.cell->value.is_number()) return prose::format_number(term.cell->value.number, prose::kEditorDigits);
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

std::optional<json> hover(const Analysis& analysis, const Wire& wire, size_t offset, bool markdown) {
  const Report& report = analysis.report();
  const std::optional<CellExplanation> cell = analysis.explain_cell(offset);
  if (!cell) return std::nullopt;
  const std::string separator = markdown ? "\n\n" : "\n";
  std::string text = (cell->row_label.empty() ? "" : bold(cell->row_label, markdown) + " × ") +
                     bold(cell->column_label, markdown) + separator + "表 (table)：" + cell->table->spec->title;
  if (cell->total) {
    text += separator + "合计 (computed sum)：" +
            bold(prose::format_number(cell->total->sum, prose::kEditorDigits), markdown);
    if (!cell->total->complete) text += "（部分项缺失或非数字，仅计入可读的数值 (some terms are missing or not numbers)）";
    text += separator;
    for (const CellTerm& term : cell->total->terms) {
      text += (markdown ? "- " : "  ") + term.label + "：" + term_value(report, term) + "\n";
    }
  }
  return json{{"contents", {{"kind", markdown ? "markdown" : "plaintext"}, {"value", text}}},
              {"range", wire.range(cell->cell->range)}};
}

json inlay_hints(const Analysis& analysis, const std::vector<Diagnostic>& diagnostics, const Wire& wire,
                 ByteRange range) {
  json hints = json::array();
  for (const WrongTotal& total : analysis.wrong_totals(diagnostics)) {
    const ByteRange cell = total.cell->range;
    if (cell.end < range.begin || cell.end > range.end) continue;
    hints.push_back(
        {{"position", wire.position(cell.end)},
         {"label", "≠ " + prose::format_number(total.computed, prose::kEditorDigits)},
         {"paddingLeft", true},
         {"tooltip", "计算值 (computed value): " + prose::format_number(total.computed, prose::kEditorDigits)}});
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
